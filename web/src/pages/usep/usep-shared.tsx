import { Anchor, Badge, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Role } from '../../../../src/core/roles.ts';
import type { MonthFigures } from '../../api/usep.ts';
import { formatRupiah, RupiahInput, rupiahMinus } from '../../components/rupiah-input.tsx';
import { useToast } from '../../components/toast.tsx';
import { todayIso } from '../registry/shared.tsx';
import { FormModal, useFormChecks } from './usep-form.tsx';

// Who may do what (the same sets as src/modules/usep/usep.roles.ts; the server decides again).
const ALLOCATORS: Role[] = ['admin', 'manager'];
const PASSERS: Role[] = ['admin', 'manager', 'facilitator'];
const CHAIN_READERS: Role[] = ['admin', 'manager', 'cashier', 'facilitator', 'supervisor', 'auditor'];
export const canAllocate = (role: Role) => ALLOCATORS.includes(role);
export const canPassOn = (role: Role) => PASSERS.includes(role);
export const canReadChain = (role: Role) => CHAIN_READERS.includes(role);

/** From a USEP KM group's page to its stimulus chain, coaching and merged businesses. */
export function UsepChainLink({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to={`/usep/groups/${groupId}`} size="sm" data-testid="usep-chain-link">
      {t('usepWeb.openChain')}
    </Anchor>
  );
}

/** "2026-03" as "Maret 2026" / "March 2026". */
export function useFormatMonth() {
  const { i18n } = useTranslation();
  return (month: string) =>
    new Date(`${month}-01T00:00:00Z`).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'id-ID', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
}

export function Figure({ label, value, testId }: { label: string; value: React.ReactNode; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700}>{value}</Text>
    </div>
  );
}

const STATUS_COLOUR: Record<string, string> = {
  applied: 'yellow',
  approved: 'blue',
  disbursed: 'teal',
  closed: 'gray',
  rejected: 'red',
  written_off: 'red',
};
/** A financing's status, in the financing screens' words. */
export function FinancingStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOUR[status] ?? 'gray'} variant="light">
      {t(`financing.statuses.${status}`, { defaultValue: status })}
    </Badge>
  );
}

type MonthDraft = { month: string; capitalRupiah: string; revenueRupiah: string; costsRupiah: string };

/**
 * The figures of one month (a business's or a merged business's); a second entry of the same
 * month corrects the first. `save` sends them; the modal shows the server's messages by field.
 */
export function MonthFiguresModal({
  title,
  initial,
  save: send,
  onClose,
}: {
  title: string;
  initial?: Partial<MonthDraft>;
  save(month: string, figures: MonthFigures): Promise<unknown>;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const thisMonth = todayIso().slice(0, 7);
  const [draft, setDraft] = useState<MonthDraft>({
    month: initial?.month ?? thisMonth,
    capitalRupiah: initial?.capitalRupiah ?? '',
    revenueRupiah: initial?.revenueRupiah ?? '',
    costsRupiah: initial?.costsRupiah ?? '',
  });
  const save = useMutation({
    mutationFn: () =>
      send(draft.month, {
        capitalRupiah: draft.capitalRupiah || '0',
        revenueRupiah: draft.revenueRupiah || '0',
        costsRupiah: draft.costsRupiah || '0',
      }),
    onSuccess: () => {
      toast.success(t('usepWeb.monthSaved'));
      onClose();
    },
  });
  const local = {
    month: !/^\d{4}-(0[1-9]|1[0-2])$/.test(draft.month)
      ? t('common.required')
      : draft.month > thisMonth
        ? t('usepWeb.monthInFuture')
        : undefined,
    revenueRupiah: draft.revenueRupiah === '' ? t('common.required') : undefined,
    costsRupiah: draft.costsRupiah === '' ? t('common.required') : undefined,
  };
  const checks = useFormChecks(local, save.error);
  const { show } = checks;
  const set = (key: keyof MonthDraft, value: string) => setDraft((old) => ({ ...old, [key]: value }));
  return (
    <FormModal title={title} size="lg" checks={checks} send={() => save.mutate()} pending={save.isPending} onClose={onClose}>
      <TextInput
        type="month"
        label={t('usepWeb.month')}
        required
        max={thisMonth}
        value={draft.month}
        onChange={(e) => set('month', e.currentTarget.value)}
        error={show('month')}
        data-testid="month-input"
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <RupiahInput
          label={t('business.capital')}
          value={draft.capitalRupiah}
          onChange={(v) => set('capitalRupiah', v)}
          error={show('capitalRupiah')}
        />
        <RupiahInput
          label={t('usepWeb.revenue')}
          required
          value={draft.revenueRupiah}
          onChange={(v) => set('revenueRupiah', v)}
          error={show('revenueRupiah')}
        />
        <RupiahInput
          label={t('usepWeb.costs')}
          required
          value={draft.costsRupiah}
          onChange={(v) => set('costsRupiah', v)}
          error={show('costsRupiah')}
        />
      </SimpleGrid>
      <Text size="sm">
        {t('business.profit')}: <b>{formatRupiah(rupiahMinus(draft.revenueRupiah, draft.costsRupiah))}</b>
      </Text>
    </FormModal>
  );
}

/** A table of months: capital, revenue, costs, profit (a loss in red). */
export function MonthsTable({
  months,
  testId,
}: {
  months: { month: string; capitalRupiah: string; revenueRupiah: string; costsRupiah: string; profitRupiah: string }[];
  testId?: string;
}) {
  const { t } = useTranslation();
  const formatMonth = useFormatMonth();
  return (
    <div style={{ overflowX: 'auto' }}>
      <table className="usep-months" data-testid={testId} style={{ width: '100%', borderCollapse: 'collapse', fontSize: 14 }}>
        <thead>
          <tr>
            <th style={CELL_LEFT}>{t('usepWeb.month')}</th>
            <th style={CELL}>{t('business.capital')}</th>
            <th style={CELL}>{t('usepWeb.revenue')}</th>
            <th style={CELL}>{t('usepWeb.costs')}</th>
            <th style={CELL}>{t('business.profit')}</th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month}>
              <td style={CELL_LEFT}>{formatMonth(m.month)}</td>
              <td style={CELL}>{formatRupiah(m.capitalRupiah)}</td>
              <td style={CELL}>{formatRupiah(m.revenueRupiah)}</td>
              <td style={CELL}>{formatRupiah(m.costsRupiah)}</td>
              <td style={{ ...CELL, color: m.profitRupiah.startsWith('-') ? 'var(--mantine-color-red-8)' : undefined, fontWeight: 600 }}>
                {formatRupiah(m.profitRupiah)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
const CELL: React.CSSProperties = {
  textAlign: 'right',
  padding: '4px 6px',
  borderBottom: '1px solid var(--mantine-color-gray-3)',
  whiteSpace: 'nowrap',
};
const CELL_LEFT: React.CSSProperties = { ...CELL, textAlign: 'left' };
