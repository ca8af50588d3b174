import { Anchor, Badge, Card, Checkbox, Group, SimpleGrid, Stack, Table, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LoadMore } from '../../components/load-more.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RegionSelect } from '../../components/region-picker.tsx';
import { ListStates } from '../../components/states.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { useUrlSearchParams } from '../../components/use-url-search-params.ts';
import { useFormatDate } from '../registry/shared.tsx';
import { useVillageNames } from './health-format.ts';
import { type RecallItem, useRecalls } from './session-api.ts';

/** Screening recalls due within 30 days and overdue, by village and by the health worker who screened: each row opens the woman’s page. */
export function RecallsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useUrlSearchParams();
  const status = params.get('status') === 'overdue' ? 'overdue' : 'due';
  const village = params.get('village');
  const mine = params.get('worker') === 'me';
  const setParam = (key: string, value: string | null) =>
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const recalls = useRecalls({ status, village: village ?? undefined, worker: mine ? 'me' : undefined });
  const rows = recalls.data?.pages.flatMap((page) => page.items) ?? [];
  const count = recalls.hasNextPage
    ? t('healthScreening.recalls.countMore', { count: rows.length })
    : t('healthScreening.recalls.count', { count: rows.length });

  return (
    <Stack gap="md">
      <PageHeader title={t('healthScreening.recalls.title')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <RegionSelect
          label={t('healthScreening.recalls.village')}
          level={4}
          placeholder={t('healthScreening.recalls.allVillages')}
          value={village}
          onChange={(code) => setParam('village', code)}
        />
        <Checkbox
          mt={{ base: 0, sm: 30 }}
          label={t('healthScreening.recalls.mine')}
          checked={mine}
          onChange={(event) => setParam('worker', event.currentTarget.checked ? 'me' : null)}
        />
      </SimpleGrid>
      <Tabs value={status} onChange={(value) => setParam('status', value === 'overdue' ? 'overdue' : null)}>
        <Tabs.List>
          <Tabs.Tab value="due" data-testid="recalls-due-tab">
            {t('healthScreening.recalls.due')}
          </Tabs.Tab>
          <Tabs.Tab value="overdue" data-testid="recalls-overdue-tab">
            {t('healthScreening.recalls.overdue')}
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {!recalls.isPending && !recalls.isError && (
        <Text size="sm" c="dimmed" data-testid="recalls-count">
          {count}
        </Text>
      )}
      <ListStates
        query={recalls}
        count={rows.length}
        empty={status === 'due' ? t('healthScreening.recalls.emptyDue') : t('healthScreening.recalls.emptyOverdue')}
      >
        <RecallRows rows={rows} />
        <LoadMore hasMore={recalls.hasNextPage} loading={recalls.isFetchingNextPage} onLoad={() => void recalls.fetchNextPage()} />
      </ListStates>
    </Stack>
  );
}

function RecallRows({ rows }: { rows: RecallItem[] }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const formatDate = useFormatDate();
  const villageName = useVillageNames(rows.map((row) => row.villageCode));
  const last = (row: RecallItem) =>
    row.method === null
      ? t('healthScreening.recalls.neverScreened')
      : `${formatDate(row.lastScreenedOn)} · ${t(`healthScreening.methods.${row.method}`)}${row.lastResult ? ` · ${t(`healthScreening.results.${row.lastResult}`)}` : ''}`;
  const overdue = (row: RecallItem) =>
    row.daysOverdue > 0 ? (
      <Badge color="red" variant="light" style={{ textTransform: 'none' }}>
        {t('healthScreening.recalls.daysOverdueValue', { count: row.daysOverdue })}
      </Badge>
    ) : null;
  const key = (row: RecallItem) => `${row.personId}:${row.method ?? 'never'}`;
  if (isPhone)
    return (
      <Stack gap="sm" data-testid="recalls-list">
        {rows.map((row) => (
          <Card key={key(row)} withBorder radius="md" padding="sm" data-testid="recall-row">
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Anchor component={Link} to={`/persons/${row.personId}`} fw={600} miw={0}>
                {row.name}
              </Anchor>
              {overdue(row)}
            </Group>
            <Text size="xs" c="dimmed">
              {villageName(row.villageCode)} · {last(row)}
            </Text>
            {row.nextDueOn && (
              <Text size="sm">
                {t('healthScreening.nextDueOn')}: {formatDate(row.nextDueOn)}
                {row.workerName ? ` · ${row.workerName}` : ''}
              </Text>
            )}
          </Card>
        ))}
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="recalls-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('healthScreening.recalls.name')}</Table.Th>
            <Table.Th>{t('healthScreening.recalls.village')}</Table.Th>
            <Table.Th>{t('healthScreening.recalls.last')}</Table.Th>
            <Table.Th>{t('healthScreening.nextDueOn')}</Table.Th>
            <Table.Th>{t('healthScreening.recalls.daysOverdue')}</Table.Th>
            <Table.Th>{t('healthScreening.worker')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={key(row)} data-testid="recall-row">
              <Table.Td>
                <Anchor component={Link} to={`/persons/${row.personId}`} fw={500} size="sm">
                  {row.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{villageName(row.villageCode)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{last(row)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDate(row.nextDueOn)}</Text>
              </Table.Td>
              <Table.Td>{overdue(row)}</Table.Td>
              <Table.Td>
                <Text size="sm">{row.workerName ?? '—'}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
