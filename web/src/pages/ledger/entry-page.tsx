// One journal entry: its lines, memo, who posted it and when, its reversal; keepers reverse a wrong one.

import { Alert, Anchor, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, api } from '../../api/client.ts';
import { type EntryView, entryQuery } from '../../api/ledger.ts';
import { useSignedIn } from '../../auth/session.ts';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert, FormError, fieldError } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatRupiah, rupiahSum } from '../../components/rupiah-input.tsx';
import { useToast } from '../../components/toast.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { canKeepLedger } from '../../nav.ts';
import { NotFoundPage } from '../not-found-page.tsx';
import { Detail, todayIso, useFormatDate } from '../registry/shared.tsx';
import { Amount, entryPath } from './ledger-shared.tsx';

/** Entries typed here or a fund's capital are reversed here; the rest through their own operation. */
const REVERSIBLE_HERE = ['manual', 'fund'];

export function EntryPage() {
  const { id = '' } = useParams();
  const entry = useQuery(entryQuery(id));
  if (entry.isPending) return <PageLoader />;
  if (entry.isError) {
    if (entry.error instanceof ApiError && (entry.error.status === 404 || entry.error.status === 422)) return <NotFoundPage />;
    return <ErrorAlert error={entry.error} onRetry={() => void entry.refetch()} />;
  }
  return <EntryDetail entry={entry.data} />;
}

const SOURCES = ['manual', 'fund', 'cash_drawer', 'cash_drawer_count', 'financing', 'savings_movement', 'jkn'] as const;

/** The origin of an entry, by the first part of its source type (financing.repayment → financing). */
function useSourceLabel() {
  const { t } = useTranslation();
  return (type: string) => {
    const key = SOURCES.find((source) => source === type.split('.')[0]);
    return key ? t(`ledger.sources.${key}`) : type;
  };
}

function EntryDetail({ entry }: { entry: EntryView }) {
  const { t, i18n } = useTranslation();
  const me = useSignedIn();
  const isPhone = useIsPhone();
  const formatDate = useFormatDate();
  const sourceLabel = useSourceLabel();
  const [reversing, setReversing] = useState(false);
  const debit = rupiahSum(entry.lines.map((line) => line.debit));
  const credit = rupiahSum(entry.lines.map((line) => line.credit));
  const postedAt = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Jakarta',
  }).format(new Date(entry.createdAt));
  const keeper = canKeepLedger(me.role);
  const reversible = REVERSIBLE_HERE.includes(entry.sourceType) && !entry.reversedById && !entry.reversesId;

  return (
    <Stack gap="md" maw={960} data-testid="entry-page">
      <Stack gap={4}>
        <Anchor component={Link} to={keeper ? '/finance/journal' : '/finance/ledger'} size="sm">
          ← {t(keeper ? 'ledger.journalTitle' : 'ledger.statementTitle')}
        </Anchor>
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Group gap="xs">
            <Title order={1} size="h2" data-testid="entry-memo">
              {entry.memo}
            </Title>
            {entry.reversedById && (
              <Badge color="orange" variant="light" style={{ textTransform: 'none' }}>
                {t('ledger.reversedBadge')}
              </Badge>
            )}
            {entry.reversesId && (
              <Badge color="blue" variant="light" style={{ textTransform: 'none' }}>
                {t('ledger.reversalBadge')}
              </Badge>
            )}
          </Group>
          {keeper && reversible && (
            <Button color="red" variant="light" onClick={() => setReversing(true)}>
              {t('ledger.reverse')}
            </Button>
          )}
        </Group>
      </Stack>

      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm">
          <Detail label={t('ledger.date')} testId="entry-date">
            {formatDate(entry.entryDate)}
          </Detail>
          <Detail label={t('ledger.office')}>{entry.officeCode}</Detail>
          <Detail label={t('ledger.source')}>{sourceLabel(entry.sourceType)}</Detail>
          <Detail label={t('ledger.postedBy')} testId="entry-posted-by">
            {entry.createdBy}
          </Detail>
          <Detail label={t('ledger.postedAt')}>{postedAt}</Detail>
        </SimpleGrid>
      </Paper>

      {entry.reversedById && (
        <Alert color="orange" variant="light" data-testid="entry-reversed-by">
          {t('ledger.reversedBy')}{' '}
          <Anchor component={Link} to={entryPath(entry.reversedById)} size="sm">
            {t('ledger.openReversal')}
          </Anchor>
        </Alert>
      )}
      {entry.reversesId && (
        <Alert color="blue" variant="light" data-testid="entry-reverses">
          {t('ledger.reverses')}{' '}
          <Anchor component={Link} to={entryPath(entry.reversesId)} size="sm">
            {t('ledger.openReversed')}
          </Anchor>
        </Alert>
      )}
      {keeper && !REVERSIBLE_HERE.includes(entry.sourceType) && (
        <Text size="sm" c="dimmed">
          {t('ledger.reverseElsewhere', { source: sourceLabel(entry.sourceType) })}
        </Text>
      )}

      <Text fw={600}>{t('ledger.lines')}</Text>
      {isPhone ? (
        <Stack gap="xs" data-testid="entry-lines">
          {entry.lines.map((line, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a posted entry's lines never change or move
            <Paper key={`${line.accountCode}-${index}`} withBorder p="xs" radius="md" data-testid="entry-line">
              <Text size="sm" fw={500}>
                {line.accountCode} · {line.accountName}
              </Text>
              <Group justify="space-between">
                <Text size="xs" c="dimmed">
                  {line.debit !== '0' ? t('ledger.debit') : t('ledger.credit')}
                  {line.fundCode ? ` · ${line.fundCode}` : ''}
                </Text>
                <Amount value={line.debit !== '0' ? line.debit : line.credit} />
              </Group>
            </Paper>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped verticalSpacing={6} data-testid="entry-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ledger.account')}</Table.Th>
                <Table.Th>{t('ledger.fund')}</Table.Th>
                <Table.Th ta="right">{t('ledger.debit')}</Table.Th>
                <Table.Th ta="right">{t('ledger.credit')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entry.lines.map((line, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a posted entry's lines never change or move
                <Table.Tr key={`${line.accountCode}-${index}`} data-testid="entry-line">
                  <Table.Td>
                    {line.accountCode} · {line.accountName}
                  </Table.Td>
                  <Table.Td>{line.fundCode ?? '—'}</Table.Td>
                  <Table.Td ta="right">{line.debit !== '0' && <Amount value={line.debit} />}</Table.Td>
                  <Table.Td ta="right">{line.credit !== '0' && <Amount value={line.credit} />}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th colSpan={2}>{t('ledger.total')}</Table.Th>
                <Table.Th ta="right">
                  <Amount value={debit} bold testId="entry-debit" />
                </Table.Th>
                <Table.Th ta="right">
                  <Amount value={credit} bold />
                </Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
      {reversing && <ReverseModal entry={entry} total={debit} onClose={() => setReversing(false)} />}
    </Stack>
  );
}

/** Reason and date first, then a confirmation naming what will be posted; then the counter-entry opens. */
function ReverseModal({ entry, total, onClose }: { entry: EntryView; total: string; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const formatDate = useFormatDate();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [entryDate, setEntryDate] = useState(todayIso());
  const [checked, setChecked] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const reverse = useMutation({
    mutationFn: () =>
      api.post<EntryView>(`/api/v1/ledger/entries/${encodeURIComponent(entry.id)}/reverse`, { reason: reason.trim(), entryDate }),
    onSuccess: async (reversal) => {
      toast.success(t('ledger.reversedDone'));
      await queryClient.invalidateQueries({ queryKey: ['ledger'] });
      onClose();
      void navigate(entryPath(reversal.id));
    },
    onError: () => setConfirming(false),
  });
  const reasonProblem = reason.trim().length < 3 ? t('ledger.reasonTooShort') : undefined;
  const dateProblem = !entryDate ? t('common.required') : undefined;
  return (
    <Modal opened onClose={onClose} title={t('ledger.reverseTitle')} centered>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          if (reasonProblem || dateProblem) return;
          if (!confirming) setConfirming(true);
          else reverse.mutate();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('ledger.reverseBody')}</Text>
          <TextInput
            label={t('ledger.reason')}
            placeholder={t('ledger.reasonHint')}
            required
            value={reason}
            onChange={(event) => {
              setConfirming(false);
              setReason(event.currentTarget.value);
            }}
            error={(checked ? reasonProblem : undefined) ?? fieldError(reverse.error, 'reason')}
          />
          <DateField
            label={t('ledger.reverseDate')}
            required
            value={entryDate}
            onChange={(event) => {
              setConfirming(false);
              setEntryDate(event.currentTarget.value);
            }}
            error={(checked ? dateProblem : undefined) ?? fieldError(reverse.error, 'entryDate')}
          />
          {confirming && (
            <Alert color="orange" variant="light" data-testid="reverse-confirm">
              {t('ledger.reverseConfirm', { memo: entry.memo, amount: formatRupiah(total), date: formatDate(entryDate) })}
            </Alert>
          )}
          <FormError error={reverse.error} fields={['reason', 'entryDate']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={reverse.isPending}>
              {confirming ? t('ledger.reverseYes') : t('ledger.reverse')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
