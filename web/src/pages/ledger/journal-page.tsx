import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { type EntryFilters, type EntryListItem, type EntryView, useFunds, useRecentEntries } from '../../api/ledger.ts';
import { useOffices } from '../../api/queries.ts';
import { useSignedIn } from '../../auth/session.ts';
import { ArchivedMonthsNotice } from '../../components/archived-notice.tsx';
import { DateField } from '../../components/date-field.tsx';
import { FormError, fieldError } from '../../components/error-alert.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatRupiah, RupiahInput, rupiahMinus, rupiahSum } from '../../components/rupiah-input.tsx';
import { ListStates } from '../../components/states.tsx';
import { useToast } from '../../components/toast.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { todayIso, useFormatDate } from '../registry/shared.tsx';
import { Amount, entryPath, useAccountChoices } from './ledger-shared.tsx';

type Line = { key: number; accountCode: string | null; debit: string; credit: string; fundCode: string | null };

/**
 * A manual journal entry: lines added and removed freely, totals live, posted only when it
 * balances; below, the latest manual and fund entries, each opening its page (to reverse it).
 */
export function JournalPage() {
  const me = useSignedIn();
  // The auditor and the supervisor read the journal list; only its keepers post entries.
  if (me.role !== 'admin' && me.role !== 'manager') return <JournalListPage />;
  return <JournalForm />;
}

/** The list alone, for roles that read the books but do not post to them. */
function JournalListPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <PageHeader title={t('ledger.recentEntries')} />
      <RecentEntries />
    </Stack>
  );
}

function JournalForm() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const toast = useToast();
  const queryClient = useQueryClient();
  const offices = useOffices();
  const funds = useFunds();
  const accounts = useAccountChoices();
  const nextKey = useRef(3);
  const blank = (key: number): Line => ({ key, accountCode: null, debit: '', credit: '', fundCode: null });
  const [officeCode, setOfficeCode] = useState<string | null>(me.offices[0]?.code ?? null);
  const [entryDate, setEntryDate] = useState(todayIso());
  const [memo, setMemo] = useState('');
  const [lines, setLines] = useState<Line[]>([blank(1), blank(2)]);
  const [checked, setChecked] = useState(false);
  const [lastPosted, setLastPosted] = useState<EntryView | null>(null);

  const debit = rupiahSum(lines.map((line) => line.debit));
  const credit = rupiahSum(lines.map((line) => line.credit));
  const difference = rupiahMinus(debit, credit);
  const balanced = difference === '0' && debit !== '0';
  const filled = lines.filter((line) => line.accountCode && (line.debit || line.credit));
  // An amount with no account would be dropped from the entry: the line says so instead.
  const unplaced = (line: Line) => !line.accountCode && Boolean(line.debit || line.credit);
  const dateAhead = entryDate > todayIso();

  const post = useMutation({
    mutationFn: () =>
      api.post<EntryView>('/api/v1/ledger/entries', {
        officeCode,
        entryDate,
        memo,
        lines: filled.map((line) => ({
          accountCode: line.accountCode,
          ...(line.debit ? { debit: line.debit } : { credit: line.credit }),
          ...(line.fundCode ? { fundCode: line.fundCode } : {}),
        })),
      }),
    onSuccess: async (entry) => {
      toast.success(t('ledger.posted', { memo: entry.memo }));
      setLastPosted(entry);
      await queryClient.invalidateQueries({ queryKey: ['ledger'] });
      setMemo('');
      setLines([blank(nextKey.current++), blank(nextKey.current++)]);
      setChecked(false);
    },
  });

  const change = (key: number, patch: Partial<Line>) => {
    post.reset();
    setLastPosted(null);
    setLines((all) => all.map((line) => (line.key === key ? { ...line, ...patch } : line)));
  };

  return (
    <Stack gap="md" maw={960}>
      <PageHeader title={t('ledger.journalTitle')} />
      <Text size="sm" c="dimmed">
        {t('ledger.journalIntro')}
      </Text>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          if (officeCode && entryDate && !dateAhead && memo.trim().length >= 3 && balanced && filled.length >= 2 && !lines.some(unplaced))
            post.mutate();
        }}
      >
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select
              label={t('ledger.office')}
              data={(offices.data ?? []).map((office) => ({ value: office.code, label: `${office.code} · ${office.name}` }))}
              value={officeCode}
              onChange={setOfficeCode}
              required
              error={(checked && !officeCode ? t('common.required') : undefined) ?? fieldError(post.error, 'officeCode')}
              comboboxProps={{ withinPortal: true }}
            />
            <DateField
              label={t('ledger.date')}
              value={entryDate}
              onChange={(event) => setEntryDate(event.currentTarget.value)}
              required
              error={(dateAhead ? t('common.dateInFuture') : undefined) ?? fieldError(post.error, 'entryDate')}
            />
            <TextInput
              label={t('ledger.memo')}
              placeholder={t('ledger.memoHint')}
              value={memo}
              onChange={(event) => setMemo(event.currentTarget.value)}
              required
              error={(checked && memo.trim().length < 3 ? t('common.required') : undefined) ?? fieldError(post.error, 'memo')}
            />
          </SimpleGrid>

          <Text fw={600}>{t('ledger.lines')}</Text>
          <Stack gap="xs" data-testid="journal-lines">
            {lines.map((line, index) => (
              <Paper key={line.key} withBorder p="xs" radius="md" data-testid="journal-line">
                <Group gap="xs" align="flex-end" wrap="wrap">
                  <Select
                    label={t('ledger.line', { n: index + 1 })}
                    placeholder={t('ledger.chooseAccount')}
                    data={accounts.data}
                    value={line.accountCode}
                    onChange={(code) => change(line.key, { accountCode: code })}
                    searchable
                    style={{ flex: '2 1 240px' }}
                    error={
                      (checked && unplaced(line) ? t('common.required') : undefined) ??
                      fieldError(post.error, `lines.${filled.indexOf(line)}.accountCode`)
                    }
                    comboboxProps={{ withinPortal: true }}
                  />
                  <div style={{ flex: '1 1 130px' }}>
                    <RupiahInput
                      label={t('ledger.debit')}
                      value={line.debit}
                      onChange={(digits) => change(line.key, { debit: digits, credit: digits ? '' : line.credit })}
                    />
                  </div>
                  <div style={{ flex: '1 1 130px' }}>
                    <RupiahInput
                      label={t('ledger.credit')}
                      value={line.credit}
                      onChange={(digits) => change(line.key, { credit: digits, debit: digits ? '' : line.debit })}
                    />
                  </div>
                  {(funds.data?.length ?? 0) > 0 && (
                    <Select
                      label={t('ledger.fund')}
                      placeholder={t('ledger.noFund')}
                      data={(funds.data ?? []).map((fund) => ({ value: fund.code, label: fund.code }))}
                      value={line.fundCode}
                      onChange={(code) => change(line.key, { fundCode: code })}
                      clearable
                      style={{ flex: '1 1 120px' }}
                      comboboxProps={{ withinPortal: true }}
                    />
                  )}
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    mb={2}
                    aria-label={t('ledger.removeLine', { n: index + 1 })}
                    disabled={lines.length <= 2}
                    onClick={() => setLines((all) => all.filter((other) => other.key !== line.key))}
                  >
                    ×
                  </ActionIcon>
                </Group>
              </Paper>
            ))}
          </Stack>
          <Group>
            <Button
              variant="light"
              leftSection={<PlusIcon size={16} />}
              onClick={() => setLines((all) => [...all, blank(nextKey.current++)])}
            >
              {t('ledger.addLine')}
            </Button>
          </Group>

          <Paper withBorder p="sm" radius="md" bg="gray.0">
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
              <Group justify="space-between">
                <Text size="sm">{t('ledger.totalDebit')}</Text>
                <Amount value={debit} bold testId="journal-debit" />
              </Group>
              <Group justify="space-between">
                <Text size="sm">{t('ledger.totalCredit')}</Text>
                <Amount value={credit} bold testId="journal-credit" />
              </Group>
              <Group justify="space-between">
                <Text size="sm">{t('ledger.difference')}</Text>
                <Amount value={difference} bold />
              </Group>
            </SimpleGrid>
          </Paper>
          {balanced ? (
            <Alert color="teal" variant="light" py={6}>
              {t('ledger.isBalanced')}
            </Alert>
          ) : (
            (debit !== '0' || credit !== '0') && (
              <Alert color="red" variant="filled" role="alert" data-testid="journal-unbalanced">
                {t('ledger.notBalanced', { amount: formatRupiah(difference.replace('-', '')) })}
              </Alert>
            )
          )}
          <FormError error={post.error} fields={['officeCode', 'entryDate', 'memo']} />
          {lastPosted && (
            <Alert color="teal" variant="light" data-testid="journal-posted">
              {t('ledger.posted', { memo: lastPosted.memo })}{' '}
              <Anchor component={Link} to={entryPath(lastPosted.id)} size="sm">
                {t('ledger.openEntry')}
              </Anchor>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={post.isPending} disabled={!balanced}>
              {t('ledger.post')}
            </Button>
          </Group>
        </Stack>
      </form>
      <RecentEntries />
    </Stack>
  );
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The list's filters from the address (a home-page count links to the exact list). */
function useEntryFilters(): [EntryFilters, () => void] {
  const [params, setParams] = useSearchParams();
  const source = params.get('source');
  const reversal = params.get('reversal');
  const from = params.get('from') ?? '';
  return [
    {
      source: source === 'manual' || source === 'fund' ? source : undefined,
      reversal: reversal === 'true' || reversal === 'false' ? reversal : undefined,
      from: ISO_DAY.test(from) ? from : undefined,
    },
    () => setParams({}, { replace: true }),
  ];
}

function RecentEntries() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const formatDate = useFormatDate();
  const [filters, clear] = useEntryFilters();
  const entries = useRecentEntries(filters);
  const narrowed = Boolean(filters.source || filters.reversal || filters.from);
  const rows = entries.data?.pages.flatMap((page) => page.items) ?? [];
  const archived = [...new Set(entries.data?.pages.flatMap((page) => page.archivedMonths) ?? [])].sort();
  const link = (entry: EntryListItem) => (
    <Anchor component={Link} to={entryPath(entry.id)} size="sm">
      {entry.memo}
    </Anchor>
  );
  return (
    <Stack gap="sm" mt="lg">
      <Title order={3} size="h4">
        {t('ledger.recentEntries')}
      </Title>
      <ArchivedMonthsNotice months={archived} />
      {narrowed && (
        <Group gap="xs" data-testid="journal-filters">
          {filters.source && (
            <Badge variant="light" style={{ textTransform: 'none' }}>
              {t(`journalFilter.source.${filters.source}`)}
            </Badge>
          )}
          {filters.reversal && (
            <Badge variant="light" style={{ textTransform: 'none' }}>
              {t(filters.reversal === 'true' ? 'journalFilter.reversals' : 'journalFilter.originals')}
            </Badge>
          )}
          {filters.from && (
            <Badge variant="light" style={{ textTransform: 'none' }}>
              {t('journalFilter.since', { date: formatDate(filters.from) })}
            </Badge>
          )}
          <Button variant="subtle" size="compact-sm" onClick={clear}>
            {t('common.clearFilters')}
          </Button>
        </Group>
      )}
      <ListStates query={entries} count={rows.length} empty={t('ledger.recentEmpty')}>
        {isPhone ? (
          <Stack gap="xs" data-testid="recent-entries">
            {rows.map((entry) => (
              <Card key={entry.id} withBorder radius="md" padding="xs" data-testid="recent-entry">
                <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                  <Text size="xs" c="dimmed">
                    {formatDate(entry.entryDate)} · {entry.officeCode}
                  </Text>
                  <Amount value={entry.amount} />
                </Group>
                {link(entry)}
                <EntryState entry={entry} />
              </Card>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped verticalSpacing={6} data-testid="recent-entries">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={110}>{t('ledger.date')}</Table.Th>
                  <Table.Th>{t('ledger.memo')}</Table.Th>
                  <Table.Th>{t('ledger.office')}</Table.Th>
                  <Table.Th ta="right">{t('ledger.amount')}</Table.Th>
                  <Table.Th>{t('ledger.postedBy')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((entry) => (
                  <Table.Tr key={entry.id} data-testid="recent-entry">
                    <Table.Td>{formatDate(entry.entryDate)}</Table.Td>
                    <Table.Td>{link(entry)}</Table.Td>
                    <Table.Td>{entry.officeCode}</Table.Td>
                    <Table.Td ta="right">
                      <Amount value={entry.amount} />
                    </Table.Td>
                    <Table.Td>{entry.createdBy}</Table.Td>
                    <Table.Td>
                      <EntryState entry={entry} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMore hasMore={entries.hasNextPage} loading={entries.isFetchingNextPage} onLoad={() => void entries.fetchNextPage()} />
      </ListStates>
    </Stack>
  );
}

function EntryState({ entry }: { entry: EntryListItem }) {
  const { t } = useTranslation();
  if (entry.reversedById)
    return (
      <Badge color="orange" variant="light" style={{ textTransform: 'none' }}>
        {t('ledger.reversedBadge')}
      </Badge>
    );
  if (entry.reversesId)
    return (
      <Badge color="blue" variant="light" style={{ textTransform: 'none' }}>
        {t('ledger.reversalBadge')}
      </Badge>
    );
  return null;
}
