import { Anchor, Badge, Breadcrumbs, Group, NavLink, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { regionDetailQuery, regionSearchQuery, useRegionChildren } from '../api/queries.ts';
import type { RegionItem } from '../api/types.ts';
import { ErrorAlert } from '../components/error-alert.tsx';
import { ChevronRightIcon, SearchIcon } from '../components/icons.tsx';
import { LoadMore } from '../components/load-more.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { useKindLabel } from '../components/region-kind.ts';
import { ListStates } from '../components/states.tsx';

export function RegionsPage() {
  const { t } = useTranslation();
  const { code } = useParams();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  return (
    <Stack gap="md">
      <PageHeader title={t('regions.title')} />
      <TextInput
        aria-label={t('common.search')}
        placeholder={t('regions.searchPlaceholder')}
        leftSection={<SearchIcon size={16} />}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        type="search"
        maw={520}
      />
      {q.length >= 2 ? <SearchResults q={q} onPick={() => setSearch('')} /> : <Browser code={code ?? null} />}
    </Stack>
  );
}

function RegionRow({ region, description, onClick }: { region: RegionItem; description?: string; onClick?: () => void }) {
  const kindLabel = useKindLabel();
  return (
    <NavLink
      component={Link}
      to={`/regions/${region.code}`}
      onClick={onClick}
      label={
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={500}>
            {region.name}
          </Text>
          <Badge size="xs" variant="light" color="gray" style={{ textTransform: 'none' }}>
            {kindLabel(region)}
          </Badge>
        </Group>
      }
      description={description ?? region.code}
      rightSection={<ChevronRightIcon size={16} />}
      data-testid="region-row"
    />
  );
}

function SearchResults({ q, onPick }: { q: string; onPick(): void }) {
  const { t } = useTranslation();
  const results = useQuery(regionSearchQuery(q, 50));
  const items = results.data?.items ?? [];
  return (
    <Stack gap="xs">
      <Title order={3} size="h5" c="dimmed">
        {t('regions.searchResults')}
      </Title>
      <ListStates query={results} count={items.length} empty={t('regions.pickerNothing')}>
        <Paper withBorder radius="md" p={4}>
          {items.map((region) => (
            <RegionRow
              key={region.code}
              region={region}
              description={[region.path, region.code].filter(Boolean).join(' · ')}
              onClick={onPick}
            />
          ))}
        </Paper>
      </ListStates>
    </Stack>
  );
}

function Browser({ code }: { code: string | null }) {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const detail = useQuery(regionDetailQuery(code));
  const children = useRegionChildren(code);
  const items = children.data?.pages.flatMap((page) => page.items) ?? [];
  if (code && detail.isError) return <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  const region = detail.data;

  const crumbs = [
    <Anchor key="root" component={Link} to="/regions" size="sm">
      {t('regions.all')}
    </Anchor>,
    ...(region?.parents ?? []).map((parent) => (
      <Anchor key={parent.code} component={Link} to={`/regions/${parent.code}`} size="sm">
        {parent.name}
      </Anchor>
    )),
    ...(region
      ? [
          <Text key={region.code} size="sm" fw={600}>
            {region.name}
          </Text>,
        ]
      : []),
  ];

  return (
    <Stack gap="sm">
      <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }} data-testid="region-breadcrumbs">
        {crumbs}
      </Breadcrumbs>
      {region && (
        <Group gap="xs">
          <Title order={3}>{region.name}</Title>
          <Badge variant="light" style={{ textTransform: 'none' }}>
            {kindLabel(region)}
          </Badge>
          <Text size="sm" c="dimmed" ff="monospace">
            {region.code}
          </Text>
        </Group>
      )}
      {region && region.childCount > 0 && (
        <Text size="sm" c="dimmed">
          {t('regions.childCount', { count: region.childCount })}
        </Text>
      )}
      <ListStates
        query={children}
        count={items.length}
        empty={region ? t('regions.noChildren', { name: region.name }) : code ? t('app.loading') : t('common.empty')}
      >
        <Paper withBorder radius="md" p={4}>
          {items.map((child) => (
            <RegionRow key={child.code} region={child} />
          ))}
        </Paper>
        <LoadMore hasMore={children.hasNextPage} loading={children.isFetchingNextPage} onLoad={() => void children.fetchNextPage()} />
      </ListStates>
    </Stack>
  );
}
