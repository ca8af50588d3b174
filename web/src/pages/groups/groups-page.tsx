import { Anchor, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { GROUP_KINDS, type GroupListItem, useGroups } from '../../api/registry.ts';
import { useSignedIn } from '../../auth/session.ts';
import { PlusIcon } from '../../components/icons.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RegionSelect } from '../../components/region-picker.tsx';
import { ListStates } from '../../components/states.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { useUrlSearchParams } from '../../components/use-url-search-params.ts';
import { canManageGroups, useFormatDate } from '../registry/shared.tsx';
import { KindBadge, SizeText, VillageNames } from './group-shared.tsx';

export function GroupsPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const isPhone = useIsPhone();
  const formatDate = useFormatDate();
  const [params, setParams] = useUrlSearchParams();
  const kind = params.get('kind');
  const village = params.get('village');
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
  const groups = useGroups({ kind: kind ?? undefined, village: village ?? undefined });
  const rows = groups.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(kind || village);

  return (
    <Stack gap="md">
      <PageHeader title={t('groups.title')}>
        {canManageGroups(me.role) && (
          <Button component={Link} to="/groups/new" leftSection={<PlusIcon size={16} />}>
            {t('groups.add')}
          </Button>
        )}
      </PageHeader>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('groups.kind')}
          placeholder={t('groups.allKinds')}
          data={GROUP_KINDS.map((code) => ({ value: code, label: t(`groups.kinds.${code}`) }))}
          value={kind}
          onChange={(value) => setParam('kind', value)}
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        <RegionSelect
          label={t('registry.village')}
          level={4}
          placeholder={t('persons.allVillages')}
          value={village}
          onChange={(code) => setParam('village', code)}
        />
      </SimpleGrid>

      <ListStates query={groups} count={rows.length} empty={filtered ? t('groups.noMatch') : t('groups.empty')}>
        {isPhone ? (
          <Stack gap="sm" data-testid="groups-list">
            {rows.map((group) => (
              <GroupCard key={group.id} group={group} />
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover verticalSpacing="xs" data-testid="groups-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('groups.name')}</Table.Th>
                  <Table.Th>{t('groups.kind')}</Table.Th>
                  <Table.Th>{t('groups.villages')}</Table.Th>
                  <Table.Th>{t('groups.size')}</Table.Th>
                  <Table.Th>{t('groups.formedOn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((group) => (
                  <Table.Tr key={group.id} data-testid="group-row">
                    <Table.Td>
                      <Anchor component={Link} to={`/groups/${group.id}`} fw={500} size="sm">
                        {group.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <KindBadge kind={group.kind} />
                    </Table.Td>
                    <Table.Td>
                      <VillageNames codes={group.villageCodes} />
                    </Table.Td>
                    <Table.Td>
                      <SizeText kind={group.kind} size={group.size} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDate(group.formedOn)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMore hasMore={groups.hasNextPage} loading={groups.isFetchingNextPage} onLoad={() => void groups.fetchNextPage()} />
      </ListStates>
    </Stack>
  );
}

function GroupCard({ group }: { group: GroupListItem }) {
  return (
    <Card withBorder radius="md" padding="sm" data-testid="group-row">
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Anchor component={Link} to={`/groups/${group.id}`} fw={600} miw={0}>
          {group.name}
        </Anchor>
        <KindBadge kind={group.kind} />
      </Group>
      <Stack gap={6} mt={6}>
        <SizeText kind={group.kind} size={group.size} />
        <VillageNames codes={group.villageCodes} />
      </Stack>
    </Card>
  );
}
