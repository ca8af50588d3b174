// The cadre page's collection: the cash the cadre holds (since when, flagged when held too
// long), collecting a family's contributions with its receipt, depositing the cash, and the
// latest collections with their receipts.

import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addMonths } from '../../../../src/core/dates.ts';
import { positiveRupiahOf, wholeNumberOf } from '../../../../src/core/input.ts';
import { terbilangRupiah } from '../../../../src/core/terbilang.ts';
import { type CadreView, canRecordJkn, useInvalidateCadres } from '../../api/cadres.ts';
import {
  type CashView,
  type Contribution,
  canCollect,
  cashQuery,
  collectionsQuery,
  DEPOSIT_CHANNELS,
  type DepositChannel,
  type DepositView,
  depositsQuery,
  type FamilyDues,
  familyDuesQuery,
  type WorklistFamily,
  worklistQuery,
} from '../../api/contributions.ts';
import { useMoneyMutation } from '../../api/idempotency.ts';
import { useSignedIn } from '../../auth/session.ts';
import { DateField } from '../../components/date-field.tsx';
import { FormError, fieldError } from '../../components/error-alert.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { formatRupiah, RupiahInput } from '../../components/rupiah-input.tsx';
import { receiptRecipient, shareOrCopy } from '../../components/share.ts';
import { ListStates, QueryStates } from '../../components/states.tsx';
import { useToast } from '../../components/toast.tsx';
import { todayIso, useFormatDate } from '../registry/shared.tsx';
import { DuesPanel, useFormatMonth } from './family-dues.tsx';

export { useFormatMonth };

/** A family in a picker: the head's name (or the KK number) and the KK number. */
export const familyLabel = (family: Pick<WorklistFamily, 'headName' | 'kkNumber'>) =>
  family.headName ? `${family.headName} · ${family.kkNumber}` : family.kkNumber;

export function CadreCollectionSection({ cadre }: { cadre: CadreView }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const formatDate = useFormatDate();
  const formatMonth = useFormatMonth();
  const cash = useQuery(cashQuery(cadre.id));
  const collections = useQuery(collectionsQuery(cadre.id));
  const [collecting, setCollecting] = useState(false);
  const [depositing, setDepositing] = useState(false);
  const collects = canCollect(me.role);
  const rows = collections.data ?? [];
  return (
    <Stack gap="sm" data-testid="cadre-collection">
      <Group justify="space-between" gap="xs">
        <Title order={3} size="h4">
          {t('cadres.collection.title')}
        </Title>
        {collects && cadre.status === 'active' && (
          <Button
            size="xs"
            variant="light"
            leftSection={<PlusIcon size={14} />}
            onClick={() => setCollecting(true)}
            data-testid="collect-open"
          >
            {t('cadres.collection.collect')}
          </Button>
        )}
      </Group>
      {collects && cadre.status !== 'active' && (
        <Text size="sm" c="dimmed">
          {t('cadres.collection.notActive')}
        </Text>
      )}
      <QueryStates query={cash}>
        {(data) => <CashCard cash={data} canDeposit={collects} onDeposit={() => setDepositing(true)} />}
      </QueryStates>
      <Text size="sm" fw={600}>
        {t('cadres.collection.latest')}
      </Text>
      <ListStates query={collections} count={rows.length} empty={t('cadres.collection.empty')}>
        <Stack gap="xs">
          {rows.map((row) => (
            <Card key={row.id} withBorder radius="md" padding="xs" data-testid="collection-row">
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Stack gap={0} miw={0}>
                  <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {row.headName ?? '—'}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {formatDate(row.paidOn)} ·{' '}
                    {row.firstMonth === row.lastMonth
                      ? t('cadres.collection.monthsOne', { month: formatMonth(row.firstMonth) })
                      : t('cadres.collection.monthsRange', {
                          count: row.months,
                          first: formatMonth(row.firstMonth),
                          last: formatMonth(row.lastMonth),
                        })}{' '}
                    · {row.receiptNumber}
                  </Text>
                </Stack>
                <Stack gap={0} align="flex-end" style={{ flexShrink: 0 }}>
                  <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {formatRupiah(row.amount)}
                  </Text>
                  <Anchor href={row.receiptPath} target="_blank" rel="noopener" size="xs" data-testid="collection-receipt">
                    {t('cadres.collection.receipt')}
                  </Anchor>
                  <ShareReceiptButton
                    receipt={{ ...row, amountInWords: terbilangRupiah(row.amount) }}
                    who={receiptRecipient(row.headName, null)}
                    compact
                  />
                </Stack>
              </Group>
            </Card>
          ))}
        </Stack>
      </ListStates>
      <DepositList cadreId={cadre.id} />
      {collecting && <CollectModal cadre={cadre} onClose={() => setCollecting(false)} />}
      {depositing && cash.data && <DepositModal cadreId={cadre.id} cash={cash.data} onClose={() => setDepositing(false)} />}
    </Stack>
  );
}

/** The latest deposits of collected cash: when, where, the reference and who recorded it. */
function DepositList({ cadreId }: { cadreId: string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const deposits = useQuery(depositsQuery(cadreId));
  const rows = deposits.data ?? [];
  return (
    <>
      <Text size="sm" fw={600}>
        {t('cadres.collection.latestDeposits')}
      </Text>
      <ListStates query={deposits} count={rows.length} empty={t('cadres.collection.noDeposits')}>
        <Stack gap="xs">
          {rows.map((row) => (
            <Card key={row.id} withBorder radius="md" padding="xs" data-testid="deposit-row">
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Stack gap={0} miw={0}>
                  <Text size="sm" fw={600}>
                    {t(`cadres.collection.channels.${row.channel as DepositChannel}`)}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {formatDate(row.depositedOn)} · {row.reference} · {row.recordedBy}
                  </Text>
                </Stack>
                <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums', flexShrink: 0 }}>
                  {formatRupiah(row.amount)}
                </Text>
              </Group>
            </Card>
          ))}
        </Stack>
      </ListStates>
    </>
  );
}

function CashCard({ cash, canDeposit, onDeposit }: { cash: CashView; canDeposit: boolean; onDeposit(): void }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const holds = BigInt(cash.held) > 0n;
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      data-testid="cash-card"
      style={cash.flagged ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}
    >
      <Group justify="space-between" gap="xs" align="flex-start">
        <Stack gap={2} miw={0}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t('cadres.collection.cashHeld')}
          </Text>
          <Text
            fw={700}
            fz="lg"
            c={cash.flagged ? 'red.9' : undefined}
            style={{ fontVariantNumeric: 'tabular-nums' }}
            data-testid="cash-held"
          >
            {formatRupiah(cash.held)}
          </Text>
          <Text size="xs" c="dimmed" data-testid="cash-since">
            {!cash.since
              ? t('cadres.collection.nothingHeld')
              : cash.daysHeld === 0
                ? t('cadres.collection.sinceToday')
                : t('cadres.collection.since', { date: formatDate(cash.since), count: cash.daysHeld })}
          </Text>
        </Stack>
        {canDeposit && holds && (
          <Button size="xs" color={cash.flagged ? 'red' : undefined} onClick={onDeposit} data-testid="deposit-open">
            {t('cadres.collection.deposit')}
          </Button>
        )}
      </Group>
      {cash.flagged && (
        <Alert color="red" variant="light" mt="xs" p="xs" data-testid="cash-flagged">
          <Text size="sm">{t('cadres.collection.heldTooLong', { days: cash.daysHeld, limit: cash.limitDays })}</Text>
        </Alert>
      )}
    </Paper>
  );
}

/** "Untuk September 2025" for one month, "Untuk September 2025 s.d. November 2025" for more. */
function usePeriodText() {
  const { t } = useTranslation();
  const formatMonth = useFormatMonth();
  return (first: string, last: string) =>
    first === last
      ? t('cadres.collection.periodOne', { month: formatMonth(first) })
      : t('cadres.collection.period', { first: formatMonth(first), last: formatMonth(last) });
}

/** How many months bring the family up to date: the billed arrears (at most 24) and this month, or one month ahead. */
function suggestedMonths(dues: FamilyDues | undefined): number {
  const quote = dues?.quote;
  if (!quote) return 1;
  return Math.min(36, Math.max(1, quote.currentMonthAmount > 0 ? quote.billedArrearsMonths + 1 : 1));
}

/** Months skipped before the first billed one: arrears older than 24 months are no longer billed. */
const unbilledMonths = (dues: FamilyDues | undefined) => (dues?.quote ? dues.quote.arrearsMonths - dues.quote.billedArrearsMonths : 0);

/**
 * Collecting a family's contributions: the months after the paid-through month, at exactly
 * their amount (the server checks it). One Idempotency-Key per submission, reused on retry.
 */
export function CollectModal({ cadre, householdId, onClose }: { cadre: CadreView; householdId?: string; onClose(): void }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const toast = useToast();
  const periodText = usePeriodText();
  const invalidate = useInvalidateCadres();
  const worklist = useQuery(worklistQuery(cadre.id));
  const [family, setFamily] = useState<string | null>(householdId ?? null);
  const dues = useQuery(familyDuesQuery(family));
  // null: follow what the dues suggest, until someone types their own.
  const [monthsTyped, setMonthsTyped] = useState<number | string | null>(null);
  const [amountTyped, setAmountTyped] = useState<string | null>(null);
  const [paidOn, setPaidOn] = useState(todayIso());
  const [receipt, setReceipt] = useState<Contribution | null>(null);
  const [checked, setChecked] = useState(false);
  const months = monthsTyped ?? suggestedMonths(dues.data);
  const monthCount = wholeNumberOf(months);
  const monthsValid = monthCount !== null && monthCount >= 1 && monthCount <= 36;
  const suggestedAmount = dues.data?.quote && monthsValid ? String(dues.data.quote.monthlyDue * monthCount) : '';
  const amount = amountTyped ?? suggestedAmount;
  const save = useMoneyMutation<Contribution, { householdId: string; months: number; amount: string; paidOn: string }>(
    (body) => ({ path: `/api/v1/cadres/${cadre.id}/contributions`, body }),
    {
      onSuccess: async (contribution) => {
        await invalidate();
        toast.success(t('cadres.collection.collected', { amount: formatRupiah(contribution.amount) }));
        setReceipt(contribution);
      },
    },
  );
  const options = (worklist.data?.items ?? []).map((f) => ({ value: f.householdId, label: familyLabel(f) }));
  const chosen = worklist.data?.items.find((f) => f.householdId === family);
  const fields = ['householdId', 'months', 'amount', 'paidOn'];
  // Said beside the field once submitted; the server's own answer goes as soon as an input changes.
  const problems = {
    householdId: family ? undefined : t('common.required'),
    months: months === '' ? t('common.required') : monthsValid ? undefined : t('cadres.collection.monthsAllowed'),
    amount: amount === '' ? t('common.required') : positiveRupiahOf(amount) !== null ? undefined : t('cadres.collection.amountPositive'),
    paidOn: paidOn ? undefined : t('common.required'),
  };
  const problem = (field: keyof typeof problems) => (checked ? problems[field] : undefined) ?? fieldError(save.error, field);
  const edited = () => save.reset();
  return (
    <Modal opened onClose={onClose} title={t('cadres.collection.collectTitle')} centered>
      {receipt ? (
        <Receipt contribution={receipt} who={receiptRecipient(chosen?.headName, chosen?.kkNumber)} onClose={onClose} />
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setChecked(true);
            if (family && !Object.values(problems).some(Boolean))
              save.mutate({ householdId: family, months: monthCount ?? 0, amount, paidOn });
          }}
          noValidate
        >
          <Stack gap="sm">
            <Select
              label={t('cadres.collection.family')}
              required
              searchable
              data={options}
              value={family}
              onChange={(value) => {
                setFamily(value);
                setMonthsTyped(null);
                setAmountTyped(null);
                edited();
              }}
              nothingFoundMessage={worklist.isPending ? t('app.loading') : t('cadres.familiesEmpty')}
              error={problem('householdId')}
              comboboxProps={{ withinPortal: true }}
              data-testid="collect-family"
            />
            {family && <DuesPanel dues={dues} canRecord={canRecordJkn(me.role)} />}
            <SimpleGrid cols={2} spacing="sm">
              <NumberInput
                label={t('cadres.collection.months')}
                required
                min={1}
                max={36}
                allowDecimal={false}
                value={months}
                onChange={(value) => {
                  setMonthsTyped(value);
                  setAmountTyped(null);
                  edited();
                }}
                error={problem('months')}
                data-testid="collect-months"
              />
              <DateField
                label={t('cadres.collection.paidOn')}
                required
                value={paidOn}
                max={todayIso()}
                onChange={(event) => {
                  setPaidOn(event.currentTarget.value);
                  edited();
                }}
                error={problem('paidOn')}
              />
            </SimpleGrid>
            {dues.data?.paidThrough && monthsValid && (
              <Text size="sm" c="dimmed" data-testid="collect-period">
                {periodText(
                  addMonths(dues.data.paidThrough, unbilledMonths(dues.data) + 1),
                  addMonths(dues.data.paidThrough, unbilledMonths(dues.data) + (monthCount ?? 0)),
                )}
              </Text>
            )}
            <RupiahInput
              label={t('cadres.collection.amount')}
              description={t('cadres.collection.amountHint')}
              required
              value={amount}
              onChange={(digits) => {
                setAmountTyped(digits);
                edited();
              }}
              error={problem('amount')}
              name="amount"
            />
            <FormError error={save.error} fields={fields} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending} disabled={!dues.data?.quote} data-testid="collect-save">
                {t('cadres.collection.collectSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** The receipt as a short text for the family (share sheet on a phone, else copied): masked name, months, amount and words. */
function ShareReceiptButton({
  receipt,
  who,
  compact,
}: {
  receipt: Pick<Contribution, 'receiptNumber' | 'firstMonth' | 'lastMonth' | 'months' | 'amount' | 'amountInWords'>;
  who: string;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const formatMonth = useFormatMonth();
  const [sharing, setSharing] = useState(false);
  const period =
    receipt.firstMonth === receipt.lastMonth
      ? formatMonth(receipt.firstMonth)
      : `${formatMonth(receipt.firstMonth)} – ${formatMonth(receipt.lastMonth)}`;
  const share = async () => {
    setSharing(true);
    try {
      const outcome = await shareOrCopy(
        t('cadres.collection.shareTitle', { number: receipt.receiptNumber }),
        t('cadres.collection.shareText', {
          number: receipt.receiptNumber,
          who,
          count: receipt.months,
          period,
          amount: formatRupiah(receipt.amount),
          words: receipt.amountInWords,
        }),
      );
      if (outcome === 'copied') toast.success(t('cadres.collection.shareCopied'));
      else if (outcome === 'failed') toast.failure(t('cadres.collection.shareFailed'));
    } finally {
      setSharing(false);
    }
  };
  return compact ? (
    <Anchor component="button" type="button" size="xs" onClick={() => void share()} disabled={sharing} data-testid="collection-share">
      {t('cadres.collection.share')}
    </Anchor>
  ) : (
    <Button variant="light" loading={sharing} onClick={() => void share()} data-testid="receipt-share">
      {t('cadres.collection.share')}
    </Button>
  );
}

function Receipt({ contribution, who, onClose }: { contribution: Contribution; who: string; onClose(): void }) {
  const { t } = useTranslation();
  const periodText = usePeriodText();
  return (
    <Stack gap="sm" data-testid="collect-receipt">
      <Alert color="teal" variant="light">
        <Text size="sm" fw={600}>
          {t('cadres.collection.receiptNumber', { number: contribution.receiptNumber })}
        </Text>
        <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="receipt-amount">
          {formatRupiah(contribution.amount)} ({contribution.amountInWords})
        </Text>
        <Text size="sm">{periodText(contribution.firstMonth, contribution.lastMonth)}</Text>
      </Alert>
      <Group justify="flex-end">
        <Button component="a" href={contribution.receiptPath} target="_blank" rel="noopener" variant="light" data-testid="receipt-link">
          {t('cadres.collection.openReceipt')}
        </Button>
        <ShareReceiptButton receipt={contribution} who={who} />
        <Button onClick={onClose} data-testid="receipt-done">
          {t('common.close')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The cadre hands the cash in (bank, payment point or office): the amount, at most what is held. */
function DepositModal({ cadreId, cash, onClose }: { cadreId: string; cash: CashView; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateCadres();
  const [amount, setAmount] = useState(cash.held);
  const [channel, setChannel] = useState<DepositChannel>('bank');
  const [reference, setReference] = useState('');
  const [depositedOn, setDepositedOn] = useState(todayIso());
  const [checked, setChecked] = useState(false);
  const save = useMoneyMutation<DepositView, { amount: string; channel: DepositChannel; reference: string; depositedOn: string }>(
    (body) => ({ path: `/api/v1/cadres/${cadreId}/deposits`, body }),
    {
      onSuccess: async (deposit) => {
        await invalidate();
        toast.success(t('cadres.collection.deposited', { amount: formatRupiah(deposit.amount), left: formatRupiah(deposit.heldAfter) }));
        onClose();
      },
    },
  );
  const required = (value: string) => (checked && value.trim() === '' ? t('common.required') : undefined);
  return (
    <Modal opened onClose={onClose} title={t('cadres.collection.depositTitle')} centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          if (positiveRupiahOf(amount) !== null && reference.trim() && depositedOn)
            save.mutate({ amount, channel, reference: reference.trim(), depositedOn });
        }}
        noValidate
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('cadres.collection.depositHint', { held: formatRupiah(cash.held) })}
          </Text>
          <RupiahInput
            label={t('cadres.collection.amount')}
            required
            value={amount}
            onChange={setAmount}
            error={required(amount) ?? fieldError(save.error, 'amount')}
            name="deposit-amount"
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Select
              label={t('cadres.collection.channel')}
              required
              allowDeselect={false}
              data={DEPOSIT_CHANNELS.map((value) => ({ value, label: t(`cadres.collection.channels.${value}`) }))}
              value={channel}
              onChange={(value) => value && setChannel(value as DepositChannel)}
              comboboxProps={{ withinPortal: true }}
            />
            <DateField
              label={t('cadres.collection.depositedOn')}
              required
              value={depositedOn}
              max={todayIso()}
              onChange={(event) => setDepositedOn(event.currentTarget.value)}
              error={required(depositedOn) ?? fieldError(save.error, 'depositedOn')}
            />
          </SimpleGrid>
          <TextInput
            label={t('cadres.collection.reference')}
            description={t('cadres.collection.referenceHint')}
            required
            maxLength={120}
            value={reference}
            onChange={(event) => setReference(event.currentTarget.value)}
            error={required(reference) ?? fieldError(save.error, 'reference')}
            data-testid="deposit-reference"
          />
          <FormError error={save.error} fields={['amount', 'channel', 'reference', 'depositedOn']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="deposit-save">
              {t('cadres.collection.depositSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
