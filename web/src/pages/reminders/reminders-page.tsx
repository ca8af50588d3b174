// Pengingat (issue 15 §6): the outbox of the caller's regions, what was sent, failed and waits,
// filtered by status, kind, channel and period (kept in the address, so a link opens the same
// list), page by page; a failed one can be sent again (audited by the server).
import { Badge, Button, Card, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { CHANNELS, REMINDER_KINDS, REMINDER_STATUSES } from '../../../../src/modules/reminders/reminders.rules.ts';
import { api } from '../../api/client.ts';
import {
  type ReminderFilters,
  type ReminderPage,
  type ReminderStatus,
  type ReminderView,
  retryReminder,
  useInvalidateReminders,
} from '../../api/person-view.ts';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ListStates } from '../../components/states.tsx';
import { useToast } from '../../components/toast.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { useFormatDate } from '../registry/shared.tsx';

const STATUS_COLOURS: Record<ReminderStatus, string> = { waiting: 'blue', sending: 'blue', sent: 'teal', failed: 'red', cancelled: 'gray' };
const pick = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value && (values as readonly string[]).includes(value) ? (value as T) : undefined;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function RemindersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const isPhone = useIsPhone();
  const filters: ReminderFilters = {
    status: pick(REMINDER_STATUSES, params.get('status')),
    kind: pick(REMINDER_KINDS, params.get('kind')),
    channel: pick(CHANNELS, params.get('channel')),
    from: ISO_DAY.test(params.get('from') ?? '') ? (params.get('from') as string) : undefined,
    to: ISO_DAY.test(params.get('to') ?? '') ? (params.get('to') as string) : undefined,
  };
  const set = (key: keyof ReminderFilters, value: string | null | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const list = useInfiniteQuery({
    queryKey: ['reminders', 'list', filters],
    queryFn: ({ pageParam }) => api.get<ReminderPage>('/api/v1/reminders', { ...filters, cursor: pageParam, limit: 25 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const counts = list.data?.pages[0]?.counts;
  const all = t('reminders.all');
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('reminders.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('reminders.intro')}
        </Text>
      </Stack>
      <Paper withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
          <Select
            label={t('reminders.status')}
            placeholder={all}
            clearable
            value={filters.status ?? null}
            onChange={(v) => set('status', v)}
            data={REMINDER_STATUSES.map((s) => ({ value: s, label: t(`reminders.statuses.${s}`) }))}
            data-testid="filter-status"
          />
          <Select
            label={t('reminders.kind')}
            placeholder={all}
            clearable
            value={filters.kind ?? null}
            onChange={(v) => set('kind', v)}
            data={REMINDER_KINDS.map((k) => ({ value: k, label: t(`reminders.kinds.${k}`) }))}
          />
          <Select
            label={t('reminders.channel')}
            placeholder={all}
            clearable
            value={filters.channel ?? null}
            onChange={(v) => set('channel', v)}
            data={CHANNELS.map((c) => ({ value: c, label: t(`reminders.channels.${c}`) }))}
          />
          <DateField label={t('reminders.from')} value={filters.from ?? ''} onChange={(e) => set('from', e.currentTarget.value)} />
          <DateField label={t('reminders.to')} value={filters.to ?? ''} onChange={(e) => set('to', e.currentTarget.value)} />
        </SimpleGrid>
        {counts && (
          <Text size="sm" mt="sm" data-testid="reminder-counts">
            {t('reminders.counts', counts)}
          </Text>
        )}
      </Paper>
      <ListStates query={list} count={rows.length} empty={t('reminders.empty')}>
        {isPhone ? (
          <Stack gap="xs" data-testid="reminder-list">
            {rows.map((r) => (
              <Card key={r.id} withBorder radius="md" padding="sm" data-testid="reminder-row">
                <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                  <Stack gap={0} miw={0}>
                    <Text size="sm" fw={600}>
                      {r.recipientName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`reminders.kinds.${r.kind}`)} · {t(`reminders.channels.${r.channel}`)}
                    </Text>
                  </Stack>
                  <StatusBadge status={r.status} />
                </Group>
                <Text size="sm" mt={4} style={{ overflowWrap: 'anywhere' }}>
                  {r.subject}
                </Text>
                <When reminder={r} />
                <RetryButton reminder={r} />
              </Card>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={960}>
            <Table striped verticalSpacing="xs" data-testid="reminder-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reminders.recipient')}</Table.Th>
                  <Table.Th>{t('reminders.kind')}</Table.Th>
                  <Table.Th>{t('reminders.channel')}</Table.Th>
                  <Table.Th>{t('reminders.subject')}</Table.Th>
                  <Table.Th>{t('reminders.dueOn')}</Table.Th>
                  <Table.Th>{t('reminders.status')}</Table.Th>
                  <Table.Th>{t('reminders.when')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <ReminderRow key={r.id} reminder={r} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListStates>
      {list.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void list.fetchNextPage()}
          loading={list.isFetchingNextPage}
          style={{ alignSelf: 'center' }}
        >
          {t('reminders.more')}
        </Button>
      )}
    </Stack>
  );
}

function ReminderRow({ reminder: r }: { reminder: ReminderView }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <Table.Tr data-testid="reminder-row">
      <Table.Td>
        <Text size="sm" fw={500}>
          {r.recipientName}
        </Text>
        {r.address && (
          <Text size="xs" c="dimmed">
            {r.address}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{t(`reminders.kinds.${r.kind}`)}</Table.Td>
      <Table.Td>{t(`reminders.channels.${r.channel}`)}</Table.Td>
      <Table.Td style={{ maxWidth: 320 }}>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {r.subject}
        </Text>
      </Table.Td>
      <Table.Td>{formatDate(r.dueOn)}</Table.Td>
      <Table.Td>
        <StatusBadge status={r.status} />
      </Table.Td>
      <Table.Td>
        <When reminder={r} />
      </Table.Td>
      <Table.Td>
        <RetryButton reminder={r} />
      </Table.Td>
    </Table.Tr>
  );
}

function StatusBadge({ status }: { status: ReminderStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLOURS[status]} style={{ textTransform: 'none', flexShrink: 0 }}>
      {t(`reminders.statuses.${status}`)}
    </Badge>
  );
}

function When({ reminder: r }: { reminder: ReminderView }) {
  const { t, i18n } = useTranslation();
  const time = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Asia/Jakarta',
    }).format(new Date(iso));
  return (
    <Stack gap={0}>
      {r.sentAt && <Text size="xs">{t('reminders.sentAt', { time: time(r.sentAt) })}</Text>}
      {r.nextAttemptAt && <Text size="xs">{t('reminders.nextAt', { time: time(r.nextAttemptAt) })}</Text>}
      <Text size="xs" c="dimmed">
        {t('reminders.attempts')}: {r.attempts}/{r.maxAttempts}
      </Text>
      {r.lastError && (
        <Text size="xs" c="red.9" style={{ overflowWrap: 'anywhere' }}>
          {t('reminders.error')}: {r.lastError}
        </Text>
      )}
    </Stack>
  );
}

function RetryButton({ reminder }: { reminder: ReminderView }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateReminders();
  const retry = useMutation({
    mutationFn: () => retryReminder(reminder.id),
    onSuccess: async () => {
      await invalidate();
      toast.success(t('reminders.retried'));
    },
  });
  if (reminder.status !== 'failed') return null;
  return (
    <Stack gap={4} mt={4}>
      <Button size="xs" variant="light" onClick={() => retry.mutate()} loading={retry.isPending} data-testid="reminder-retry">
        {t('reminders.retry')}
      </Button>
      {retry.isError && <ErrorAlert error={retry.error} />}
    </Stack>
  );
}
