import { Alert, Anchor, Button, Group, Modal, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { positiveRupiahOf } from '../../../../src/core/input.ts';
import { ApiError, api } from '../../api/client.ts';
import { CHANNELS, type Channel, type Financing, type Repayment, useInvalidateFinancing } from '../../api/financing.ts';
import { useMoneyMutation } from '../../api/idempotency.ts';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert, fieldError, useErrorText } from '../../components/error-alert.tsx';
import { formatRupiah, RupiahInput } from '../../components/rupiah-input.tsx';
import { useToast } from '../../components/toast.tsx';
import { MemberIllnessBadge } from '../health/illness-badge.tsx';
import { todayIso, useFormatDate } from '../registry/shared.tsx';
import { ReasonField } from './shared.tsx';

type ModalProps = { financing: Financing; opened: boolean; onClose(): void };

/** A refusal the user can act on, said plainly: another person must approve; the fund is short. */
function Refusal({ error, code, title, color }: { error: unknown; code: string; title: string; color: string }) {
  const text = useErrorText();
  if (!(error instanceof ApiError) || error.code !== code) return null;
  return (
    <Alert color={color} title={title} role="alert" data-testid="refusal">
      {text(error)}
    </Alert>
  );
}
const isCode = (error: unknown, code: string) => error instanceof ApiError && error.code === code;

/** Approve or reject: the server refuses the maker (403 financing.maker_checker), shown as such. */
export function DecisionModal({ financing, opened, onClose, decision }: ModalProps & { decision: 'approve' | 'reject' }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateFinancing();
  const [note, setNote] = useState('');
  const [checked, setChecked] = useState(false);
  const save = useMutation({
    mutationFn: () => api.post<Financing>(`/api/v1/financings/${financing.id}/${decision}`, { note: note.trim() || undefined }),
    onSuccess: async () => {
      await invalidate();
      toast.success(t(decision === 'approve' ? 'financing.actions.approved' : 'financing.actions.rejected', { number: financing.number }));
      onClose();
    },
  });
  const missing = decision === 'reject' && !note.trim();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      centered
      title={t(decision === 'approve' ? 'financing.actions.approveTitle' : 'financing.actions.rejectTitle', { number: financing.number })}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          if (!missing) save.mutate();
        }}
      >
        <Stack>
          <Textarea
            label={decision === 'approve' ? t('financing.actions.note') : t('financing.actions.reason')}
            required={decision === 'reject'}
            autosize
            minRows={2}
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={(checked && missing ? t('common.required') : undefined) ?? fieldError(save.error, 'note')}
          />
          <Refusal error={save.error} code="financing.maker_checker" title={t('financing.actions.makerChecker')} color="red" />
          {save.error && !isCode(save.error, 'financing.maker_checker') && !fieldError(save.error, 'note') ? (
            <ErrorAlert error={save.error} />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={decision === 'reject' ? 'red' : undefined} loading={save.isPending}>
              {decision === 'approve' ? t('financing.actions.approve') : t('financing.actions.reject')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Disbursement from the fund; a fund without enough cash keeps the application in the queue (409). */
export function DisburseModal({ financing, opened, onClose }: ModalProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateFinancing();
  const [disbursedOn, setDisbursedOn] = useState(todayIso());
  const [method, setMethod] = useState<'cash' | 'transfer'>('cash');
  const [firstDueDate, setFirstDueDate] = useState('');
  const save = useMutation({
    mutationFn: () =>
      api.post<Financing>(`/api/v1/financings/${financing.id}/disburse`, {
        disbursedOn,
        method,
        firstDueDate: firstDueDate || undefined,
      }),
    onSuccess: async () => {
      await invalidate();
      toast.success(t('financing.actions.disbursed', { number: financing.number }));
      onClose();
    },
  });
  const short = isCode(save.error, 'financing.fund_insufficient');
  return (
    <Modal opened={opened} onClose={onClose} centered title={t('financing.actions.disburseTitle', { number: financing.number })}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (disbursedOn) save.mutate();
        }}
      >
        <Stack>
          <Text size="sm">
            {formatRupiah(financing.principal)} · {financing.person.name} · {financing.fundCode}
          </Text>
          <DateField
            label={t('financing.actions.disbursedOn')}
            required
            value={disbursedOn}
            onChange={(e) => setDisbursedOn(e.currentTarget.value)}
            error={fieldError(save.error, 'disbursedOn')}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('financing.actions.method')}
            </Text>
            <SegmentedControl
              value={method}
              onChange={(value) => setMethod(value as 'cash' | 'transfer')}
              data={(['cash', 'transfer'] as const).map((m) => ({ value: m, label: t(`financing.methods.${m}`) }))}
              fullWidth
            />
          </Stack>
          <DateField
            label={t('financing.actions.firstDueDate')}
            value={firstDueDate}
            onChange={(e) => setFirstDueDate(e.currentTarget.value)}
            error={fieldError(save.error, 'firstDueDate')}
          />
          <Refusal error={save.error} code="financing.fund_insufficient" title={t('financing.actions.staysQueued')} color="orange" />
          {save.error && !short && !fieldError(save.error, 'disbursedOn') && !fieldError(save.error, 'firstDueDate') ? (
            <ErrorAlert error={save.error} />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {short ? t('common.close') : t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('financing.actions.disburse')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * The amounts a cashier is offered, distinct and non-zero: the total overdue, that plus what
 * falls due today, the next instalment, and everything owed (paying off).
 */
export function amountChoices(financing: Financing): { key: 'payOverdue' | 'payToday' | 'payNext' | 'payAll'; amount: string }[] {
  const choices = [
    { key: 'payOverdue' as const, amount: financing.arrears.overdue },
    { key: 'payToday' as const, amount: financing.arrears.payableToday },
    { key: 'payNext' as const, amount: nextDue(financing) },
    { key: 'payAll' as const, amount: financing.outstanding.total },
  ];
  const seen = new Set<string>();
  return choices.filter((c) => BigInt(c.amount) > 0n && !seen.has(c.amount) && seen.add(c.amount));
}

/** What the member owes on the oldest instalment not yet paid: the usual amount to receive. */
export function nextDue(financing: Financing): string {
  const next = financing.schedule.find((i) => i.status !== 'paid');
  return next ? (BigInt(next.total) - BigInt(next.paid)).toString() : '0';
}

/**
 * A repayment: one Idempotency-Key per submission, reused when the same submission is sent
 * again (a lost connection, a second tap), so the member is never charged twice.
 */
export function RepayModal({ financing, opened, onClose, onRecorded }: ModalProps & { onRecorded(repayment: Repayment): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateFinancing();
  // Offer what brings the member up to date, not only the oldest instalment.
  const [amount, setAmount] = useState(BigInt(financing.arrears.payableToday) > 0n ? financing.arrears.payableToday : nextDue(financing));
  const [paidOn, setPaidOn] = useState(todayIso());
  const [channel, setChannel] = useState<Channel>('counter');
  const [checked, setChecked] = useState(false);
  const noAmount = positiveRupiahOf(amount) === null;
  const save = useMoneyMutation<Repayment, { amount: string; paidOn: string; channel: Channel }>(
    (body) => ({ path: `/api/v1/financings/${financing.id}/repayments`, body }),
    {
      onSuccess: async (repayment) => {
        await invalidate();
        toast.success(t('financing.actions.repaid', { amount: formatRupiah(repayment.amount) }));
        onRecorded(repayment);
        onClose();
      },
    },
  );
  return (
    <Modal opened={opened} onClose={onClose} centered title={t('financing.actions.repayTitle', { number: financing.number })}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          if (!noAmount && paidOn) save.mutate({ amount, paidOn, channel });
        }}
      >
        <Stack>
          <MemberIllnessBadge personId={financing.person.id} />
          <Text size="sm" c="dimmed">
            {t('financing.actions.nextDue', {
              amount: formatRupiah(nextDue(financing)),
              owed: formatRupiah(financing.outstanding.total),
            })}
          </Text>
          <Group gap={6} role="group" aria-label={t('financing.actions.amountChoices')} data-testid="amount-choices">
            {amountChoices(financing).map((choice) => (
              <Button
                key={choice.key}
                size="compact-sm"
                variant={choice.amount === amount ? 'filled' : 'light'}
                color={choice.key === 'payOverdue' ? 'red' : 'teal'}
                aria-pressed={choice.amount === amount}
                data-testid={`choice-${choice.key}`}
                onClick={() => {
                  save.reset();
                  setAmount(choice.amount);
                }}
              >
                {t(`financing.actions.${choice.key}`, { amount: formatRupiah(choice.amount) })}
              </Button>
            ))}
          </Group>
          <RupiahInput
            label={t('financing.detail.amount')}
            required
            value={amount}
            onChange={(digits) => {
              save.reset();
              setAmount(digits);
            }}
            error={(checked && noAmount ? t('common.amountPositive') : undefined) ?? fieldError(save.error, 'amount')}
            name="amount"
          />
          <DateField
            label={t('financing.detail.paidOn')}
            required
            value={paidOn}
            max={todayIso()}
            onChange={(e) => {
              save.reset();
              setPaidOn(e.currentTarget.value);
            }}
            error={(checked && !paidOn ? t('common.required') : undefined) ?? fieldError(save.error, 'paidOn')}
          />
          <Select
            label={t('financing.detail.channel')}
            data={CHANNELS.map((c) => ({ value: c, label: t(`financing.channels.${c}`) }))}
            value={channel}
            onChange={(value) => {
              save.reset();
              if (value) setChannel(value as Channel);
            }}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <Refusal error={save.error} code="cash_drawer.not_open" title={t('financing.actions.drawerClosed')} color="orange" />
          {isCode(save.error, 'cash_drawer.not_open') ? (
            <Anchor component={Link} to="/finance/cash-drawer" data-testid="open-drawer-link">
              {t('financing.actions.openDrawer')}
            </Anchor>
          ) : null}
          {save.error &&
          !isCode(save.error, 'cash_drawer.not_open') &&
          !fieldError(save.error, 'amount') &&
          !fieldError(save.error, 'paidOn') ? (
            <ErrorAlert error={save.error} />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('financing.actions.repay')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** A manager undoes a wrong repayment by a counter-entry, with the reason. */
export function ReverseModal({ financing, repayment, onClose }: { financing: Financing; repayment: Repayment | null; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const formatDate = useFormatDate();
  const invalidate = useInvalidateFinancing();
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const save = useMutation({
    mutationFn: (id: string) =>
      api.post<Financing>(`/api/v1/financings/${financing.id}/repayments/${id}/reverse`, { reason: reason.trim() }),
    onSuccess: async () => {
      await invalidate();
      toast.success(t('financing.actions.reversedDone'));
      setReason('');
      setChecked(false);
      onClose();
    },
  });
  const short = reason.trim().length < 3;
  return (
    <Modal
      opened={repayment !== null}
      onClose={onClose}
      centered
      title={
        repayment ? t('financing.actions.reverseTitle', { amount: formatRupiah(repayment.amount), date: formatDate(repayment.paidOn) }) : ''
      }
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          if (repayment && !short) save.mutate(repayment.id);
        }}
      >
        <Stack>
          <Text size="sm">{t('financing.actions.reverseBody')}</Text>
          <ReasonField value={reason} onChange={setReason} showRequired={checked && short} error={save.error} />
          {save.error && !fieldError(save.error, 'reason') ? <ErrorAlert error={save.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={save.isPending}>
              {t('financing.actions.reverse')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
