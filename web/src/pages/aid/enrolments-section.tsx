// A programme's enrolments: the list (recipient, channel account, status) with suspend / end /
// resume and the account; enrolling one unit with its recipient and account, or many eligible
// families at once from the list of those eligible and not enrolled.
import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  type AidChannel,
  CHANNELS,
  canEnrol,
  ENROLMENT_STATUS_LIST,
  type EnrolmentListItem,
  enrolBulk,
  enrolUnit,
  type ProgrammeView,
  setEnrolmentAccount,
  setEnrolmentStatus,
  type UnitListItem,
  useEnrolments,
  useInvalidateAid,
  useUnitList,
} from '../../api/aid.ts';
import { ApiError } from '../../api/client.ts';
import { personQuery } from '../../api/registry.ts';
import { useSignedIn } from '../../auth/session.ts';
import { ErrorAlert, FormError, fieldError } from '../../components/error-alert.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { PersonPicker } from '../../components/person-picker.tsx';
import { ListStates } from '../../components/states.tsx';
import { useToast } from '../../components/toast.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { useFormatDate } from '../registry/shared.tsx';
import { EnrolmentBadge } from './shared.tsx';

type View = 'enrolments' | 'eligible' | 'ineligible';
type Action = { enrolment: EnrolmentListItem; kind: 'suspended' | 'ended' | 'enrolled' | 'account' };

export function EnrolmentsSection({ programme }: { programme: ProgrammeView }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const [view, setView] = useState<View>('enrolments');
  const [enrolling, setEnrolling] = useState(false);
  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <SegmentedControl
          value={view}
          onChange={(v) => setView(v as View)}
          data={[
            { value: 'enrolments', label: t('aid.enrolments.title') },
            { value: 'eligible', label: t('aid.enrolments.eligibleNotEnrolled') },
            { value: 'ineligible', label: t('aid.enrolments.enrolledNotEligible') },
          ]}
          style={{ maxWidth: '100%', flexWrap: 'wrap' }}
        />
        {canEnrol(me.role) && (
          <Button leftSection={<PlusIcon size={16} />} onClick={() => setEnrolling(true)}>
            {t('aid.enrolments.enrolOne')}
          </Button>
        )}
      </Group>
      {view === 'enrolments' && <EnrolmentList programme={programme} />}
      {view === 'eligible' && <EligibleNotEnrolled programme={programme} />}
      {view === 'ineligible' && <EnrolledNotEligible programme={programme} />}
      {enrolling && <EnrolModal programme={programme} onClose={() => setEnrolling(false)} />}
    </Stack>
  );
}

function EnrolmentList({ programme }: { programme: ProgrammeView }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const isPhone = useIsPhone();
  const formatDate = useFormatDate();
  const [status, setStatus] = useState<string | null>(null);
  const enrolments = useEnrolments(programme.id, status);
  const rows = enrolments.data?.pages.flatMap((page) => page.items) ?? [];
  const [action, setAction] = useState<Action | null>(null);
  const editable = canEnrol(me.role);
  const actions = (e: EnrolmentListItem) =>
    editable && e.status !== 'ended' ? (
      <Group gap={4} wrap="wrap">
        {e.status === 'suspended' ? (
          <Button size="compact-sm" variant="light" onClick={() => setAction({ enrolment: e, kind: 'enrolled' })}>
            {t('aid.enrolments.resume')}
          </Button>
        ) : (
          <Button size="compact-sm" variant="light" color="orange" onClick={() => setAction({ enrolment: e, kind: 'suspended' })}>
            {t('aid.enrolments.suspend')}
          </Button>
        )}
        <Button size="compact-sm" variant="light" color="red" onClick={() => setAction({ enrolment: e, kind: 'ended' })}>
          {t('aid.enrolments.end')}
        </Button>
        <Button size="compact-sm" variant="default" onClick={() => setAction({ enrolment: e, kind: 'account' })}>
          {t('aid.enrolments.setAccount')}
        </Button>
      </Group>
    ) : null;
  const unitLink = (e: EnrolmentListItem) => (
    <Anchor component={Link} to={e.personId ? `/persons/${e.personId}` : `/households/${e.unitHouseholdId}`} size="sm" fw={500}>
      {e.recipientName || e.recipientPersonId.slice(0, 8)}
    </Anchor>
  );
  const account = (e: EnrolmentListItem) => `${t(`aid.channels.${e.channel}`)} ${e.account ?? ''}`.trim();

  return (
    <Stack gap="sm">
      <Select
        label={t('common.status')}
        placeholder={t('aid.enrolments.allStatuses')}
        data={ENROLMENT_STATUS_LIST.map((s) => ({ value: s, label: t(`aid.enrolments.statuses.${s}`) }))}
        value={status}
        onChange={setStatus}
        clearable
        maw={320}
        comboboxProps={{ withinPortal: true }}
      />
      <ListStates query={enrolments} count={rows.length} empty={status ? t('aid.enrolments.noMatch') : t('aid.enrolments.empty')}>
        {isPhone ? (
          <Stack gap="sm" data-testid="enrolments-list">
            {rows.map((e) => (
              <Card key={e.id} withBorder radius="md" padding="sm" data-testid="enrolment-row">
                <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                  <Stack gap={0} miw={0}>
                    {unitLink(e)}
                    <Text size="xs" c="dimmed">
                      {e.villageCode} · {formatDate(e.enrolledOn)}
                    </Text>
                  </Stack>
                  <EnrolmentBadge status={e.status} />
                </Group>
                <Text size="sm" mt={4}>
                  {account(e)}
                </Text>
                {e.reason && (
                  <Text size="xs" c="dimmed">
                    {t('aid.enrolments.reason')}: {e.reason}
                  </Text>
                )}
                <Group mt={6}>{actions(e)}</Group>
              </Card>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table striped highlightOnHover verticalSpacing="xs" data-testid="enrolments-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('aid.enrolments.recipient')}</Table.Th>
                  <Table.Th>{t('aid.enrolments.village')}</Table.Th>
                  <Table.Th>{t('aid.enrolments.account')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                  <Table.Th>{t('aid.enrolments.enrolledOn')}</Table.Th>
                  <Table.Th>{t('aid.enrolments.reason')}</Table.Th>
                  {editable && <Table.Th>{t('common.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((e) => (
                  <Table.Tr key={e.id} data-testid="enrolment-row">
                    <Table.Td>{unitLink(e)}</Table.Td>
                    <Table.Td ff="monospace">{e.villageCode}</Table.Td>
                    <Table.Td>{account(e)}</Table.Td>
                    <Table.Td>
                      <EnrolmentBadge status={e.status} />
                    </Table.Td>
                    <Table.Td>{formatDate(e.enrolledOn)}</Table.Td>
                    <Table.Td>{e.reason ?? '—'}</Table.Td>
                    {editable && <Table.Td>{actions(e)}</Table.Td>}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMore hasMore={enrolments.hasNextPage} loading={enrolments.isFetchingNextPage} onLoad={() => void enrolments.fetchNextPage()} />
      </ListStates>
      {action?.kind === 'account' && <AccountModal enrolment={action.enrolment} onClose={() => setAction(null)} />}
      {action && action.kind !== 'account' && (
        <StatusModal enrolment={action.enrolment} status={action.kind} onClose={() => setAction(null)} />
      )}
    </Stack>
  );
}

function StatusModal({
  enrolment,
  status,
  onClose,
}: {
  enrolment: EnrolmentListItem;
  status: 'suspended' | 'ended' | 'enrolled';
  onClose(): void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateAid();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const change = useMutation({
    mutationFn: () => setEnrolmentStatus(enrolment.id, status, reason.trim()),
    onSuccess: async () => {
      await invalidate();
      toast.success(t('aid.enrolments.statusDone'));
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t(`aid.enrolments.statusTitle.${status}`, { name: enrolment.recipientName })}>
      <Stack>
        <Textarea
          label={t('aid.enrolments.reason')}
          required
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={(tried && !reason.trim() ? t('common.required') : undefined) ?? fieldError(change.error, 'reason')}
        />
        <FormError error={change.error} fields={['reason']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={status === 'ended' ? 'red' : undefined}
            loading={change.isPending}
            onClick={() => {
              setTried(true);
              if (reason.trim()) change.mutate();
            }}
          >
            {t(status === 'suspended' ? 'aid.enrolments.suspend' : status === 'ended' ? 'aid.enrolments.end' : 'aid.enrolments.resume')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ChannelAccountFields({
  channel,
  account,
  onChannel,
  onAccount,
  error,
}: {
  channel: AidChannel;
  account: string;
  onChannel(c: AidChannel): void;
  onAccount(a: string): void;
  error: unknown;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <Select
        label={t('aid.channel')}
        data={CHANNELS.map((c) => ({ value: c, label: t(`aid.channels.${c}`) }))}
        value={channel}
        onChange={(v) => v && onChannel(v as AidChannel)}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
        error={fieldError(error, 'channel')}
      />
      <TextInput
        label={t('aid.enrolments.account')}
        description={t('aid.enrolments.accountHint')}
        required
        inputMode="tel"
        value={account}
        onChange={(e) => onAccount(e.currentTarget.value)}
        error={fieldError(error, 'account')}
      />
    </SimpleGrid>
  );
}

function AccountModal({ enrolment, onClose }: { enrolment: EnrolmentListItem; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateAid();
  const [channel, setChannel] = useState<AidChannel>(enrolment.channel);
  const [account, setAccount] = useState('');
  const save = useMutation({
    mutationFn: () => setEnrolmentAccount(enrolment.id, channel, account),
    onSuccess: async () => {
      await invalidate();
      toast.success(t('aid.enrolments.accountDone'));
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('aid.enrolments.accountTitle', { name: enrolment.recipientName })}>
      <Stack>
        <ChannelAccountFields channel={channel} account={account} onChannel={setChannel} onAccount={setAccount} error={save.error} />
        <FormError error={save.error} fields={['channel', 'account']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={save.isPending} onClick={() => save.mutate()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Enrol one family (or person) with its recipient and channel account. */
function EnrolModal({ programme, onClose }: { programme: ProgrammeView; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateAid();
  const [personId, setPersonId] = useState<string | null>(null);
  const person = useQuery({ ...personQuery(personId ?? ''), enabled: Boolean(personId) });
  const [recipient, setRecipient] = useState<string | null>(null);
  const [channel, setChannel] = useState<AidChannel>(programme.channel);
  const [account, setAccount] = useState('');
  const living = person.data?.household.members.filter((m) => !m.deceased) ?? [];
  const defaultRecipient =
    programme.targetUnit === 'person'
      ? personId
      : (living.find((m) => m.relation === 'wife')?.id ?? living.find((m) => m.relation === 'head')?.id ?? null);
  const chosen = recipient ?? defaultRecipient;
  const enrol = useMutation({
    mutationFn: () =>
      enrolUnit(programme.id, {
        ...(programme.targetUnit === 'household' ? { householdId: person.data?.household.id as string } : { personId: personId as string }),
        recipientPersonId: chosen as string,
        channel,
        account,
      }),
    onSuccess: async () => {
      await invalidate();
      toast.success(t('aid.enrolments.enrolled'));
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('aid.enrolments.enrolOneTitle')} size="lg">
      <Stack>
        <PersonPicker
          label={t('aid.enrolments.unit')}
          description={t('aid.enrolments.unitHint')}
          required
          value={personId}
          onChange={(p) => {
            setPersonId(p?.id ?? null);
            setRecipient(null);
          }}
          data-testid="enrol-person"
        />
        {person.isError && <ErrorAlert error={person.error} />}
        <Select
          label={t('aid.enrolments.recipient')}
          description={t('aid.enrolments.recipientHint')}
          required
          data={living.map((m) => ({ value: m.id, label: `${m.fullName} · ${t(`registry.relations.${m.relation}`)}` }))}
          value={chosen}
          onChange={setRecipient}
          disabled={!person.data}
          comboboxProps={{ withinPortal: true }}
          error={fieldError(enrol.error, 'recipientPersonId')}
        />
        <ChannelAccountFields channel={channel} account={account} onChannel={setChannel} onAccount={setAccount} error={enrol.error} />
        <FormError error={enrol.error} fields={['recipientPersonId', 'channel', 'account']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={enrol.isPending} disabled={!person.data || !chosen} onClick={() => enrol.mutate()}>
            {t('aid.enrolments.enrol')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

const unavailable = (error: unknown) => error instanceof ApiError && (error.status === 404 || error.status === 405);

function UnitName({ item }: { item: UnitListItem }) {
  return (
    <Anchor component={Link} to={item.unitKind === 'person' ? `/persons/${item.unitId}` : `/households/${item.unitId}`} size="sm" fw={500}>
      {item.name}
    </Anchor>
  );
}

/** Eligible and not enrolled: select families and enrol them at once (accounts follow). */
function EligibleNotEnrolled({ programme }: { programme: ProgrammeView }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const toast = useToast();
  const invalidate = useInvalidateAid();
  const list = useUnitList(programme.id, 'eligible-not-enrolled');
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const [selected, setSelected] = useState<string[]>([]);
  const bulk = programme.targetUnit === 'household' && canEnrol(me.role);
  const enrol = useMutation({
    mutationFn: (households: string[]) => enrolBulk(programme.id, households),
    onSuccess: async (result) => {
      setSelected([]);
      await invalidate();
      toast.success(t('aid.enrolments.bulkDone', { count: result.enrolled }));
    },
  });
  if (list.isError && unavailable(list.error))
    return (
      <Text c="dimmed" data-testid="list-unavailable">
        {t('aid.enrolments.listUnavailable')}
      </Text>
    );
  const toggle = (id: string) => setSelected((all) => (all.includes(id) ? all.filter((x) => x !== id) : [...all, id]));
  return (
    <Stack gap="sm">
      {bulk && rows.length > 0 && (
        <Group gap="xs">
          <Button disabled={selected.length === 0} loading={enrol.isPending} onClick={() => enrol.mutate(selected)}>
            {t('aid.enrolments.enrolSelected', { count: selected.length })}
          </Button>
          <Button variant="light" loading={enrol.isPending} onClick={() => enrol.mutate(rows.slice(0, 500).map((r) => r.unitId))}>
            {t('aid.enrolments.enrolAll')}
          </Button>
        </Group>
      )}
      {enrol.error ? <ErrorAlert error={enrol.error} /> : null}
      {enrol.data && (
        <Group gap={4} data-testid="bulk-outcomes">
          {[...new Set(enrol.data.items.map((item) => item.outcome))]
            .map((outcome) => [outcome, enrol.data?.items.filter((item) => item.outcome === outcome).length ?? 0])
            .map(([outcome, count]) => (
              <Badge key={outcome} variant="light" style={{ textTransform: 'none' }}>
                {t(`aid.enrolments.bulkOutcomes.${outcome as 'enrolled'}`)}: {count}
              </Badge>
            ))}
        </Group>
      )}
      <ListStates query={list} count={rows.length} empty={t('aid.enrolments.noneWaiting')}>
        <Stack gap={6} data-testid="eligible-list">
          {bulk && (
            <Checkbox
              label={t('aid.enrolments.selectAll')}
              checked={selected.length > 0 && selected.length === rows.length}
              indeterminate={selected.length > 0 && selected.length < rows.length}
              onChange={(e) => setSelected(e.currentTarget.checked ? rows.map((r) => r.unitId) : [])}
            />
          )}
          {rows.map((item) => (
            <Group key={item.unitId} gap="sm" wrap="nowrap">
              {bulk && (
                <Checkbox
                  aria-label={t('aid.enrolments.select', { name: item.name })}
                  checked={selected.includes(item.unitId)}
                  onChange={() => toggle(item.unitId)}
                />
              )}
              <Stack gap={0} miw={0}>
                <UnitName item={item} />
                <Text size="xs" c="dimmed">
                  {item.villageName ?? item.regionCode}
                </Text>
              </Stack>
            </Group>
          ))}
        </Stack>
        <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
      </ListStates>
    </Stack>
  );
}

/** Enrolled but no longer eligible after registry changes: each with the rules it now fails. */
function EnrolledNotEligible({ programme }: { programme: ProgrammeView }) {
  const { t } = useTranslation();
  const list = useUnitList(programme.id, 'enrolled-not-eligible');
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  if (list.isError && unavailable(list.error))
    return (
      <Text c="dimmed" data-testid="list-unavailable">
        {t('aid.enrolments.listUnavailable')}
      </Text>
    );
  return (
    <ListStates query={list} count={rows.length} empty={t('aid.enrolments.noneIneligible')}>
      <Stack gap="sm" data-testid="ineligible-list">
        {rows.map((item) => (
          <Card key={item.enrolmentId ?? item.unitId} withBorder radius="md" padding="sm">
            <UnitName item={item} />
            <Text size="xs" c="dimmed">
              {item.villageName ?? item.regionCode}
            </Text>
            {(item.failedRules ?? []).map((rule) => (
              <Text key={rule.rule} size="sm" c="red.9">
                {rule.message}
              </Text>
            ))}
          </Card>
        ))}
      </Stack>
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
    </ListStates>
  );
}
