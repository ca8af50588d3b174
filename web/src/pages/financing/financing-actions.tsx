// The financing page's later actions: write-off, reschedule (restrukturisasi), and the
// business results of profit-sharing financings (mudharabah, musyarakah).

import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { rupiahOf, wholeNumberOf } from '../../../../src/core/input.ts';
import type { businessResultsViewSchema } from '../../../../src/modules/financing/financing.schema.ts';
import { lossShare, profitShare } from '../../../../src/modules/financing/products.rules.ts';
import { api } from '../../api/client.ts';
import { type Financing, productsQuery, sharesProfit, useInvalidateFinancing } from '../../api/financing.ts';
import type { Role } from '../../api/types.ts';
import { useSignedIn } from '../../auth/session.ts';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert, fieldError } from '../../components/error-alert.tsx';
import { formatRupiah, RupiahInput } from '../../components/rupiah-input.tsx';
import { ListStates } from '../../components/states.tsx';
import { useToast } from '../../components/toast.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { Detail, useFormatDate } from '../registry/shared.tsx';
import { canCollect, ReasonField, useProfitLabel } from './shared.tsx';

export type BusinessResults = z.infer<typeof businessResultsViewSchema>;

/** Under the 'financing' key, so that useInvalidateFinancing refreshes it after any change. */
export const businessResultsQuery = (id: string) =>
  queryOptions({
    queryKey: ['financing', 'business-results', id],
    queryFn: () => api.get<BusinessResults>(`/api/v1/financings/${encodeURIComponent(id)}/business-results`),
  });

// The server decides again on every request (financing.routes.ts); these only hide what would be refused.
const managers: Role[] = ['admin', 'manager'];
/** Write-off is for a financing in arrears; the API would take any running one, the screen does not offer that. */
export const canWriteOff = (financing: Financing, role: Role) =>
  managers.includes(role) && financing.status === 'disbursed' && financing.daysPastDue > 0;
export const canReschedule = (financing: Financing, role: Role) =>
  managers.includes(role) && financing.status === 'disbursed' && BigInt(financing.outstanding.principal) > 0n;

/** A percentage as people write it: the server's "60.0000" is "60". */
const percent = (value: string) => (value.includes('.') ? value.replace(/\.?0+$/, '') : value);
/** 100 − p of a percentage written as text, exactly enough for a label ("60" → "40"). */
const rest = (value: string) => String(Math.round((100 - Number(value)) * 10_000) / 10_000);

type ModalProps = { financing: Financing; opened: boolean; onClose(): void };

function Amount({ label, value, testId, strong }: { label: string; value: string; testId?: string; strong?: boolean }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs">
      <Text size="sm" c={strong ? undefined : 'dimmed'} fw={strong ? 600 : undefined}>
        {label}
      </Text>
      <Text size="sm" fw={strong ? 700 : 500} data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
        {formatRupiah(value)}
      </Text>
    </Group>
  );
}

/** Hapus buku: the principal still owed is charged to losses; the member's debt stays on record. */
export function WriteOffModal({ financing, opened, onClose }: ModalProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateFinancing();
  const profitLabel = useProfitLabel();
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const save = useMutation({
    mutationFn: () => api.post<Financing>(`/api/v1/financings/${financing.id}/write-off`, { reason: reason.trim() }),
    onSuccess: async () => {
      await invalidate();
      toast.success(t('financing.writeOff.done', { number: financing.number }));
      onClose();
    },
  });
  const short = reason.trim().length < 3;
  const owed = financing.outstanding;
  return (
    <Modal opened={opened} onClose={onClose} centered title={t('financing.writeOff.title', { number: financing.number })}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          if (!short) save.mutate();
        }}
      >
        <Stack>
          <Text size="sm">
            {t('financing.writeOff.body', { days: financing.daysPastDue, quality: financing.qualityClass, fund: financing.fundCode })}
          </Text>
          <Paper withBorder radius="md" p="sm" data-testid="write-off-amounts">
            <Stack gap={4}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                {t('financing.writeOff.owed')}
              </Text>
              <Amount label={t('financing.principal')} value={owed.principal} testId="write-off-principal" />
              <Amount label={profitLabel(financing.product.kind)} value={owed.profit} testId="write-off-profit" />
              <Amount label={t('financing.detail.penalty')} value={owed.penalty} testId="write-off-penalty" />
              <Amount label={t('financing.writeOff.total')} value={owed.total} testId="write-off-total" strong />
            </Stack>
          </Paper>
          <Alert color="orange" variant="light">
            <Text size="sm">
              {t('financing.writeOff.expense')}: <b>{formatRupiah(owed.principal)}</b>. {t('financing.writeOff.stillOwed')}
            </Text>
          </Alert>
          <ReasonField
            value={reason}
            onChange={setReason}
            description={t('financing.writeOff.reasonHint')}
            showRequired={checked && short}
            error={save.error}
          />
          {save.error && !fieldError(save.error, 'reason') ? <ErrorAlert error={save.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={save.isPending}>
              {t('financing.writeOff.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** On a written-off financing: what stays owed, and why it was written off. */
export function WrittenOffNotice({ financing }: { financing: Financing }) {
  const { t } = useTranslation();
  if (financing.status !== 'written_off') return null;
  return (
    <Alert color="red" variant="light" data-testid="written-off-notice">
      <Stack gap={2}>
        <Text size="sm">
          {t('financing.writeOff.notice', {
            total: formatRupiah(financing.outstanding.total),
            principal: formatRupiah(financing.outstanding.principal),
          })}
        </Text>
        {financing.decisionNote && (
          <Text size="sm" c="dimmed">
            {t('financing.writeOff.noticeReason', { reason: financing.decisionNote })}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

/** What a reschedule added, said once on the page after saving. */
export type Rescheduled = { from: number; to: number; firstDueDate: string; firstAmount: string };

/**
 * Reschedule: the principal still owed over new instalments from today. The API has no
 * preview; the new schedule is shown in the page's schedule once saved.
 */
export function RescheduleModal({ financing, opened, onClose, onDone }: ModalProps & { onDone(result: Rescheduled): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateFinancing();
  const products = useQuery(productsQuery);
  const product = (products.data ?? []).find((p) => p.code === financing.product.code);
  const [installments, setInstallments] = useState<number | string>('');
  const [firstDueDate, setFirstDueDate] = useState('');
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      api.post<Financing>(`/api/v1/financings/${financing.id}/reschedule`, {
        installments: wholeNumberOf(installments),
        firstDueDate: firstDueDate || undefined,
        reason: reason.trim(),
      }),
    onSuccess: async (after) => {
      await invalidate();
      const added = after.schedule.slice(financing.schedule.length);
      const first = added[0];
      toast.success(t('financing.reschedule.done', { number: financing.number }));
      if (first) onDone({ from: first.n, to: first.n + added.length - 1, firstDueDate: first.dueDate, firstAmount: first.total });
      onClose();
    },
  });
  const maxCount = product?.maxInstallments ?? 520;
  const count = wholeNumberOf(installments);
  const noCount = count === null || count < 1;
  const tooLong = count !== null && count > maxCount;
  const badCount = noCount || tooLong;
  const short = reason.trim().length < 3;
  const kind = financing.product.kind;
  const profitNote =
    kind === 'murabahah'
      ? t('financing.reschedule.profitMurabahah', { profit: formatRupiah(financing.outstanding.profit) })
      : sharesProfit(kind)
        ? t('financing.reschedule.profitSharing')
        : kind === 'qardh'
          ? t('financing.reschedule.profitQardh')
          : t('financing.reschedule.profitConventional');
  return (
    <Modal opened={opened} onClose={onClose} centered title={t('financing.reschedule.title', { number: financing.number })}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          if (!badCount && !short) save.mutate();
        }}
      >
        <Stack>
          <Text size="sm">{t('financing.reschedule.body', { principal: formatRupiah(financing.outstanding.principal) })}</Text>
          <Text size="sm" c="dimmed">
            {profitNote}
          </Text>
          <NumberInput
            label={t('financing.reschedule.installments')}
            description={
              product
                ? t('financing.reschedule.installmentsHint', {
                    min: product.minInstallments,
                    max: product.maxInstallments,
                    frequency: t(`financing.frequencies.${product.frequency}`).toLowerCase(),
                  })
                : undefined
            }
            required
            min={1}
            max={maxCount}
            clampBehavior="none"
            allowDecimal={false}
            allowNegative={false}
            value={installments}
            onChange={setInstallments}
            error={
              (tooLong ? t('financing.reschedule.tooLong', { max: maxCount }) : checked && noCount ? t('common.required') : undefined) ??
              fieldError(save.error, 'installments')
            }
          />
          <DateField
            label={t('financing.reschedule.firstDueDate')}
            value={firstDueDate}
            onChange={(e) => setFirstDueDate(e.currentTarget.value)}
            error={fieldError(save.error, 'firstDueDate')}
          />
          <ReasonField
            value={reason}
            onChange={setReason}
            description={t('financing.reschedule.reasonHint')}
            showRequired={checked && short}
            error={save.error}
          />
          <Text size="xs" c="dimmed">
            {t('financing.reschedule.noPreview')}
          </Text>
          {save.error && !['installments', 'firstDueDate', 'reason'].some((field) => fieldError(save.error, field)) ? (
            <ErrorAlert error={save.error} />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('financing.reschedule.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function RescheduledAlert({ value, onClose }: { value: Rescheduled | null; onClose(): void }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  if (!value) return null;
  return (
    <Alert color="teal" withCloseButton onClose={onClose} data-testid="rescheduled">
      <Text size="sm">
        {t('financing.reschedule.result', {
          count: value.to - value.from + 1,
          from: value.from,
          to: value.to,
          date: formatDate(value.firstDueDate),
          amount: formatRupiah(value.firstAmount),
        })}
      </Text>
    </Alert>
  );
}

// ---- Business results (mudharabah, musyarakah) ----

/** Shown for profit-sharing financings once disbursed: the reported periods, and a form to report one. */
export function BusinessResultsSection({ financing }: { financing: Financing }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const [reporting, setReporting] = useState(false);
  const started = ['disbursed', 'closed', 'written_off'].includes(financing.status);
  const results = useQuery({ ...businessResultsQuery(financing.id), enabled: sharesProfit(financing.product.kind) && started });
  if (!sharesProfit(financing.product.kind) || !started) return null;
  const canReport = financing.status === 'disbursed' && canCollect(me.role);
  const data = results.data;
  return (
    <Stack gap="xs" data-testid="business-results">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={0}>
          <Title order={3} size="h4">
            {t('financing.results.title')}
          </Title>
          {data && (
            <Text size="sm" c="dimmed" data-testid="business-results-terms">
              {t('financing.results.nisbah', { member: percent(data.memberNisbahPercent), lkm: rest(data.memberNisbahPercent) })}
              {data.kind === 'musyarakah' && data.lkmCapitalPercent !== null
                ? ` · ${t('financing.results.capital', { percent: percent(data.lkmCapitalPercent) })}`
                : ''}
            </Text>
          )}
        </Stack>
        {canReport && (
          <Button variant="light" onClick={() => setReporting(true)} disabled={!data}>
            {t('financing.results.report')}
          </Button>
        )}
      </Group>
      <ListStates query={results} empty={t('financing.results.empty')} count={data?.items.length ?? 0}>
        {data && <ResultsList results={data} />}
      </ListStates>
      {reporting && data && <ReportResultModal financing={financing} results={data} opened onClose={() => setReporting(false)} />}
    </Stack>
  );
}

function ResultText({ value }: { value: string }) {
  return (
    <Text span size="sm" c={value.startsWith('-') ? 'red.9' : undefined} style={{ whiteSpace: 'nowrap' }}>
      {formatRupiah(value)}
    </Text>
  );
}

function ResultsList({ results }: { results: BusinessResults }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const formatDate = useFormatDate();
  const negligent = (
    <Badge color="orange" variant="light" size="sm" style={{ textTransform: 'none' }}>
      {t('financing.results.negligentBadge')}
    </Badge>
  );
  if (isPhone)
    return (
      <Stack gap="xs">
        {results.items.map((r) => (
          <Card key={r.n} withBorder radius="md" padding="sm" data-testid="business-result">
            <Group justify="space-between" wrap="wrap" gap={4}>
              <Text size="sm" fw={600}>
                {t('financing.results.periodLabel', { n: r.n })}
              </Text>
              <Text size="sm" c="dimmed">
                {formatDate(r.dueDate)}
              </Text>
            </Group>
            <SimpleGrid cols={3} spacing="xs" mt={4}>
              <Detail label={t('financing.results.result')}>
                <ResultText value={r.result} />
              </Detail>
              <Detail label={t('financing.results.memberShare')} testId="member-share">
                <ResultText value={r.memberShare} />
              </Detail>
              <Detail label={t('financing.results.fundShare')} testId="fund-share">
                <ResultText value={r.fundShare} />
              </Detail>
            </SimpleGrid>
            {r.negligent && <Group mt={4}>{negligent}</Group>}
          </Card>
        ))}
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped verticalSpacing={4} aria-label={t('financing.results.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th ta="right">{t('financing.results.n')}</Table.Th>
            <Table.Th>{t('financing.results.due')}</Table.Th>
            <Table.Th ta="right">{t('financing.results.result')}</Table.Th>
            <Table.Th ta="right">{t('financing.results.memberShare')}</Table.Th>
            <Table.Th ta="right">{t('financing.results.fundShare')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {results.items.map((r) => (
            <Table.Tr key={r.n} data-testid="business-result">
              <Table.Td ta="right">{r.n}</Table.Td>
              <Table.Td>{formatDate(r.dueDate)}</Table.Td>
              <Table.Td ta="right">
                <ResultText value={r.result} />
              </Table.Td>
              <Table.Td ta="right" data-testid="member-share">
                <ResultText value={r.memberShare} />
              </Table.Td>
              <Table.Td ta="right" data-testid="fund-share">
                <ResultText value={r.fundShare} />
              </Table.Td>
              <Table.Td>{r.negligent && negligent}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Both sides' shares of a result before it is saved, by the same rules the server applies. */
function previewShares(results: BusinessResults, amount: bigint, loss: boolean, negligent: boolean, rounding: 'half-up' | 'half-even') {
  if (!loss) return profitShare(amount, results.memberNisbahPercent, rounding);
  const share = lossShare(results.kind, amount, { negligent, lkmCapitalPercent: results.lkmCapitalPercent ?? undefined }, rounding);
  return { member: -share.member, lkm: -share.lkm };
}

function ReportResultModal({ financing, results, opened, onClose }: ModalProps & { results: BusinessResults }) {
  const { t } = useTranslation();
  const toast = useToast();
  const formatDate = useFormatDate();
  const invalidate = useInvalidateFinancing();
  const products = useQuery(productsQuery);
  const rounding = (products.data ?? []).find((p) => p.code === financing.product.code)?.rounding === 'half-even' ? 'half-even' : 'half-up';
  const reported = new Set(results.items.map((r) => r.n));
  const open = financing.schedule.filter((i) => !reported.has(i.n));
  // Usually the period whose instalment is still to be paid: the LKM's share is due with it.
  const first = open.find((i) => i.status !== 'paid') ?? open[0];
  const [n, setN] = useState<string | null>(first ? String(first.n) : null);
  const [outcome, setOutcome] = useState<'profit' | 'loss'>('profit');
  const [amount, setAmount] = useState('');
  const [negligent, setNegligent] = useState(false);
  const [checked, setChecked] = useState(false);
  const loss = outcome === 'loss';
  const save = useMutation({
    mutationFn: (body: { n: number; result: string; negligent?: boolean }) =>
      api.post<Financing>(`/api/v1/financings/${financing.id}/business-results`, body),
    onSuccess: async (_after, body) => {
      await invalidate();
      toast.success(t('financing.results.done', { n: body.n }));
      onClose();
    },
  });
  const typed = rupiahOf(amount);
  const shares = typed !== null && typed > 0n ? previewShares(results, typed, loss, negligent, rounding) : null;
  const missingN = n === null;
  const missingAmount = typed === null || (loss && typed === 0n);
  return (
    <Modal opened={opened} onClose={onClose} centered title={t('financing.results.reportTitle', { number: financing.number })}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          if (missingN || missingAmount) return;
          save.mutate({
            n: Number(n),
            result: loss ? `-${amount}` : amount,
            negligent: loss && results.kind === 'mudharabah' ? negligent : undefined,
          });
        }}
      >
        <Stack>
          {open.length === 0 && (
            <Alert color="blue" variant="light">
              {t('financing.results.noPeriods')}
            </Alert>
          )}
          <Select
            label={t('financing.results.period')}
            required
            data={open.map((i) => ({
              value: String(i.n),
              label: t('financing.results.periodOption', { n: i.n, date: formatDate(i.dueDate) }),
            }))}
            value={n}
            onChange={setN}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            error={(checked && missingN ? t('common.required') : undefined) ?? fieldError(save.error, 'n')}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('financing.results.outcome')}
            </Text>
            <SegmentedControl
              value={outcome}
              onChange={(value) => setOutcome(value as 'profit' | 'loss')}
              data={[
                { value: 'profit', label: t('financing.results.profit') },
                { value: 'loss', label: t('financing.results.loss') },
              ]}
              fullWidth
            />
          </Stack>
          <RupiahInput
            label={t('financing.results.amount')}
            required
            name="result"
            value={amount}
            onChange={setAmount}
            error={(checked && missingAmount ? t('common.required') : undefined) ?? fieldError(save.error, 'result')}
          />
          {loss &&
            (results.kind === 'mudharabah' ? (
              <Checkbox
                label={t('financing.results.negligent')}
                description={t('financing.results.negligentHint')}
                checked={negligent}
                onChange={(e) => setNegligent(e.currentTarget.checked)}
                error={fieldError(save.error, 'negligent')}
              />
            ) : (
              <Text size="sm" c="dimmed">
                {t('financing.results.musyarakahLoss')}
              </Text>
            ))}
          {shares && (
            <Paper withBorder radius="md" p="sm" data-testid="share-preview">
              <Stack gap={4}>
                <Amount label={t('financing.results.previewMember')} value={shares.member.toString()} testId="preview-member" />
                <Amount label={t('financing.results.previewFund')} value={shares.lkm.toString()} testId="preview-fund" strong />
                <Text size="xs" c="dimmed">
                  {loss ? t('financing.results.previewLossNote') : t('financing.results.previewNote', { n: n ?? '' })}
                </Text>
              </Stack>
            </Paper>
          )}
          {save.error && !['n', 'result', 'negligent'].some((field) => fieldError(save.error, field)) ? (
            <ErrorAlert error={save.error} />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={open.length === 0}>
              {t('financing.results.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
