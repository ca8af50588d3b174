import { Anchor, Button, Card, Collapse, Group, Paper, Select, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError, api } from '../../api/client.ts';
import {
  type Asset,
  assetsQuery,
  beritaAcaraUrl,
  type GroupView,
  groupQuery,
  type Meeting,
  meetingsQuery,
  type OfficerRole,
  useInvalidateRegistry,
} from '../../api/registry.ts';
import { useSignedIn } from '../../auth/session.ts';
import { ErrorAlert, FormError } from '../../components/error-alert.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { DownloadIcon } from '../../components/registry-icons.tsx';
import { formatRupiah } from '../../components/rupiah-input.tsx';
import { ListStates } from '../../components/states.tsx';
import { useToast } from '../../components/toast.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { useUrlSearchParams } from '../../components/use-url-search-params.ts';
import { canOpen } from '../../nav.ts';
import { canReadFinancing } from '../financing/shared.tsx';
import { NotFoundPage } from '../not-found-page.tsx';
import { canManageGroups, Detail, useFormatDate } from '../registry/shared.tsx';
import { UsepChainLink } from '../usep/usep-shared.tsx';
import { CollectionSheetPanel } from './collection-sheet-panel.tsx';
import { AddMemberModal, AssetModal, LeaveModal, MeetingModal } from './group-modals.tsx';
import { KindBadge, SizeBar, VillageNames } from './group-shared.tsx';

const OFFICER_ROLES: OfficerRole[] = ['ketua', 'sekretaris', 'bendahara'];
const TABS = ['members', 'officers', 'meetings', 'assets'] as const;
type Tab = (typeof TABS)[number];
type Member = GroupView['members'][number];

export function GroupPage() {
  const { id = '' } = useParams();
  const group = useQuery(groupQuery(id));
  if (group.isPending) return <PageLoader />;
  if (group.isError) {
    if (group.error instanceof ApiError && (group.error.status === 404 || group.error.status === 422)) return <NotFoundPage />;
    return <ErrorAlert error={group.error} onRetry={() => void group.refetch()} />;
  }
  return <GroupDetail group={group.data} />;
}

function GroupDetail({ group }: { group: GroupView }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const formatDate = useFormatDate();
  const editable = canManageGroups(me.role);
  const [params, setParams] = useUrlSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'members';
  const active = group.members.filter((member) => member.leftOn === null);

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Anchor component={Link} to="/groups" size="sm">
          ← {t('groups.title')}
        </Anchor>
        <Group gap="xs">
          <Title order={1} size="h2" data-testid="group-name">
            {group.name}
          </Title>
          <KindBadge kind={group.kind} />
          {group.kind.code === 'usep_km' && canOpen(me.role, 'usepChain') && <UsepChainLink groupId={group.id} />}
        </Group>
      </Stack>

      <Paper withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
          <Detail label={t('groups.size')}>
            <SizeBar kind={group.kind} size={group.size} />
          </Detail>
          <Detail label={t('groups.villages')}>
            <VillageNames codes={group.villageCodes} />
          </Detail>
          <Detail label={t('groups.formedOn')}>{formatDate(group.formedOn)}</Detail>
          <Detail label={t('groups.facilitator')}>{group.facilitator ? group.facilitator.fullName : t('groups.noFacilitator')}</Detail>
          <Detail label={t('groups.accountNumber')}>{group.accountNumber ?? '—'}</Detail>
          <Detail label={t('groups.assetsTotal')}>{formatRupiah(group.assetsTotalRupiah)}</Detail>
        </SimpleGrid>
      </Paper>

      {canReadFinancing(me.role) && <CollectionSheetPanel group={group} />}

      <Tabs
        value={tab}
        onChange={(value) =>
          setParams(
            (old) => {
              const next = new URLSearchParams(old);
              next.set('tab', value ?? 'members');
              return next;
            },
            { replace: true },
          )
        }
        keepMounted={false}
      >
        <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto' }}>
          {TABS.map((key) => (
            <Tabs.Tab key={key} value={key}>
              {t(`groups.tabs.${key}`)}
              {key === 'members' ? ` (${active.length})` : ''}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="members" pt="md">
          <MembersTab group={group} editable={editable} />
        </Tabs.Panel>
        <Tabs.Panel value="officers" pt="md">
          <OfficersTab group={group} editable={editable} />
        </Tabs.Panel>
        <Tabs.Panel value="meetings" pt="md">
          <MeetingsTab group={group} editable={editable} />
        </Tabs.Panel>
        <Tabs.Panel value="assets" pt="md">
          <AssetsTab group={group} editable={editable} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function MembersTab({ group, editable }: { group: GroupView; editable: boolean }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const formatDate = useFormatDate();
  const [adding, setAdding] = useState(false);
  const [leaving, setLeaving] = useState<Member | null>(null);
  const [showFormer, setShowFormer] = useState(false);
  const active = group.members.filter((member) => member.leftOn === null);
  const former = group.members.filter((member) => member.leftOn !== null);
  const officerOf = (personId: string) => group.officers.find((officer) => officer.personId === personId)?.role;
  const nameOf = (member: Member) => (
    <Anchor component={Link} to={`/persons/${member.personId}`} size="sm" fw={500}>
      {member.fullName}
    </Anchor>
  );

  return (
    <Stack gap="sm">
      {editable && (
        <Group>
          <Button leftSection={<PlusIcon size={16} />} onClick={() => setAdding(true)}>
            {t('groups.members.add')}
          </Button>
        </Group>
      )}
      {active.length === 0 ? (
        <Paper withBorder p="xl" radius="md">
          <Text c="dimmed" ta="center" data-testid="empty-state">
            {t('groups.members.empty')}
          </Text>
        </Paper>
      ) : isPhone ? (
        <Stack gap="xs" data-testid="group-members">
          {active.map((member) => (
            <Card key={member.personId} withBorder radius="md" padding="xs" data-testid="group-member">
              <Group justify="space-between" wrap="nowrap">
                <Stack gap={0} miw={0}>
                  {nameOf(member)}
                  <Text size="xs" c="dimmed">
                    {[
                      officerOf(member.personId) && t(`groups.officers.roles.${officerOf(member.personId) as OfficerRole}`),
                      `${t('groups.members.joinedOn')} ${formatDate(member.joinedOn)}`,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </Stack>
                {editable && (
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => setLeaving(member)}>
                    {t('groups.members.leave')}
                  </Button>
                )}
              </Group>
            </Card>
          ))}
        </Stack>
      ) : (
        <Table verticalSpacing="xs" striped data-testid="group-members">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('registry.fullName')}</Table.Th>
              <Table.Th>{t('groups.tabs.officers')}</Table.Th>
              <Table.Th>{t('groups.members.joinedOn')}</Table.Th>
              {editable && <Table.Th w={120} aria-label={t('common.actions')} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {active.map((member) => (
              <Table.Tr key={member.personId} data-testid="group-member">
                <Table.Td>{nameOf(member)}</Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {officerOf(member.personId) ? t(`groups.officers.roles.${officerOf(member.personId) as OfficerRole}`) : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDate(member.joinedOn)}</Text>
                </Table.Td>
                {editable && (
                  <Table.Td>
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => setLeaving(member)}>
                      {t('groups.members.leave')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {former.length > 0 && (
        <Stack gap={4}>
          <Group>
            <Button variant="subtle" size="compact-sm" onClick={() => setShowFormer((shown) => !shown)}>
              {t('groups.members.former', { count: former.length })}
            </Button>
          </Group>
          <Collapse expanded={showFormer}>
            <Stack gap={2} pl="sm">
              {former.map((member) => (
                <Text key={`${member.personId}-${member.joinedOn}`} size="sm" c="dimmed">
                  {member.fullName} · {formatDate(member.joinedOn)} – {formatDate(member.leftOn)}
                </Text>
              ))}
            </Stack>
          </Collapse>
        </Stack>
      )}
      {adding && <AddMemberModal group={group} onClose={() => setAdding(false)} />}
      {leaving && <LeaveModal group={group} member={leaving} onClose={() => setLeaving(null)} />}
    </Stack>
  );
}

function OfficersTab({ group, editable }: { group: GroupView; editable: boolean }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateRegistry();
  const active = group.members.filter((member) => member.leftOn === null);
  const current = Object.fromEntries(
    OFFICER_ROLES.map((role) => [role, group.officers.find((o) => o.role === role)?.personId ?? null]),
  ) as Record<OfficerRole, string | null>;
  const [draft, setDraft] = useState(current);
  const changed = OFFICER_ROLES.some((role) => draft[role] !== current[role]);
  const save = useMutation({
    mutationFn: () => api.put<GroupView>(`/api/v1/groups/${group.id}/officers`, draft),
    onSuccess: async () => {
      await invalidate();
      toast.success(t('groups.officers.saved'));
    },
  });
  const options = active.map((member) => ({ value: member.personId, label: member.fullName }));

  if (!editable)
    return (
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        {OFFICER_ROLES.map((role) => (
          <Paper key={role} withBorder radius="md" p="sm">
            <Detail label={t(`groups.officers.roles.${role}`)}>
              {group.officers.find((o) => o.role === role)?.fullName ?? t('groups.officers.none')}
            </Detail>
          </Paper>
        ))}
      </SimpleGrid>
    );
  return (
    <Stack gap="sm" maw={640}>
      <Text size="sm" c="dimmed">
        {active.length === 0 ? t('groups.officers.needMembers') : t('groups.officers.intro')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        {OFFICER_ROLES.map((role) => (
          <Select
            key={role}
            label={t(`groups.officers.roles.${role}`)}
            placeholder={t('groups.officers.none')}
            data={options.filter((option) => !OFFICER_ROLES.some((other) => other !== role && draft[other] === option.value))}
            value={draft[role]}
            onChange={(personId) => setDraft((old) => ({ ...old, [role]: personId }))}
            clearable
            disabled={active.length === 0}
            comboboxProps={{ withinPortal: true }}
          />
        ))}
      </SimpleGrid>
      <FormError error={save.error} fields={[]} />
      <Group>
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!changed}>
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}

function MeetingsTab({ group, editable }: { group: GroupView; editable: boolean }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const meetings = useQuery(meetingsQuery(group.id));
  const rows = meetings.data ?? [];
  return (
    <Stack gap="sm">
      {editable && (
        <Group>
          <Button
            leftSection={<PlusIcon size={16} />}
            onClick={() => setAdding(true)}
            disabled={group.members.every((m) => m.leftOn !== null)}
          >
            {t('groups.meetings.add')}
          </Button>
        </Group>
      )}
      <ListStates query={meetings} count={rows.length} empty={t('groups.meetings.empty')}>
        <Stack gap="sm" data-testid="group-meetings">
          {rows.map((meeting) => (
            <MeetingCard key={meeting.id} groupId={group.id} meeting={meeting} />
          ))}
        </Stack>
      </ListStates>
      {adding && <MeetingModal group={group} onClose={() => setAdding(false)} />}
    </Stack>
  );
}

function MeetingCard({ groupId, meeting }: { groupId: string; meeting: Meeting }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const present = meeting.attendance.filter((a) => a.present).length;
  return (
    <Card withBorder radius="md" padding="sm" data-testid="group-meeting">
      <Group justify="space-between" align="flex-start" gap="xs">
        <Stack gap={2} miw={0}>
          <Text fw={600}>{formatDate(meeting.heldOn)}</Text>
          {meeting.place && (
            <Text size="sm" c="dimmed">
              {meeting.place}
            </Text>
          )}
        </Stack>
        <Button
          component="a"
          href={beritaAcaraUrl(groupId, meeting.id)}
          target="_blank"
          rel="noopener"
          size="xs"
          variant="light"
          leftSection={<DownloadIcon size={14} />}
        >
          {t('groups.meetings.beritaAcara')}
        </Button>
      </Group>
      <Stack gap={6} mt="xs">
        <Detail label={t('groups.meetings.agenda')}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{meeting.agenda}</span>
        </Detail>
        {meeting.decisions && (
          <Detail label={t('groups.meetings.decisions')}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{meeting.decisions}</span>
          </Detail>
        )}
        {meeting.attendance.length > 0 && (
          <Detail label={t('groups.meetings.attendance')}>
            {t('groups.meetings.present', { present, total: meeting.attendance.length })}
            <Text size="xs" c="dimmed">
              {meeting.attendance
                .filter((a) => a.present)
                .map((a) => a.fullName)
                .join(', ')}
            </Text>
          </Detail>
        )}
      </Stack>
    </Card>
  );
}

function AssetsTab({ group, editable }: { group: GroupView; editable: boolean }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const formatDate = useFormatDate();
  const [adding, setAdding] = useState(false);
  const assets = useQuery(assetsQuery(group.id));
  const rows: Asset[] = assets.data ?? [];
  return (
    <Stack gap="sm">
      {editable && (
        <Group>
          <Button leftSection={<PlusIcon size={16} />} onClick={() => setAdding(true)}>
            {t('groups.assets.add')}
          </Button>
        </Group>
      )}
      <ListStates query={assets} count={rows.length} empty={t('groups.assets.empty')}>
        {isPhone ? (
          <Stack gap="xs" data-testid="group-assets">
            {rows.map((asset) => (
              <Card key={asset.id} withBorder radius="md" padding="xs">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Text size="sm" fw={500}>
                    {asset.item}
                  </Text>
                  <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                    {formatRupiah(asset.valueRupiah)}
                  </Text>
                </Group>
                <Text size="xs" c="dimmed">
                  {formatDate(asset.receivedOn)} · {asset.sourceProgramme}
                </Text>
              </Card>
            ))}
            <Group justify="space-between" px="xs">
              <Text fw={600}>{t('groups.assets.total')}</Text>
              <Text fw={700}>{formatRupiah(group.assetsTotalRupiah)}</Text>
            </Group>
          </Stack>
        ) : (
          <Table verticalSpacing="xs" striped data-testid="group-assets">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('groups.assets.item')}</Table.Th>
                <Table.Th>{t('groups.assets.receivedOn')}</Table.Th>
                <Table.Th>{t('groups.assets.source')}</Table.Th>
                <Table.Th ta="right">{t('groups.assets.value')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((asset) => (
                <Table.Tr key={asset.id}>
                  <Table.Td>{asset.item}</Table.Td>
                  <Table.Td>{formatDate(asset.receivedOn)}</Table.Td>
                  <Table.Td>{asset.sourceProgramme}</Table.Td>
                  <Table.Td ta="right">{formatRupiah(asset.valueRupiah)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th colSpan={3}>{t('groups.assets.total')}</Table.Th>
                <Table.Th ta="right">{formatRupiah(group.assetsTotalRupiah)}</Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        )}
      </ListStates>
      {adding && <AssetModal group={group} onClose={() => setAdding(false)} />}
    </Stack>
  );
}
