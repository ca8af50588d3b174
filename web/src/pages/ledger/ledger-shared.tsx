// Pieces shared by the finance screens: amounts, the office filter, account choices, URL state.
import { Badge, Paper, Select, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type Account, type AccountType, accountsQuery, type FundKind } from '../../api/ledger.ts';
import { useOffices } from '../../api/queries.ts';
import { DateField as DayField } from '../../components/date-field.tsx';
import { formatRupiah } from '../../components/rupiah-input.tsx';
import { useUrlSearchParams } from '../../components/use-url-search-params.ts';

/** Whole rupiah, right-aligned in tabular figures; negatives in red. */
export function Amount({ value, bold, testId }: { value: string; bold?: boolean; testId?: string }) {
  return (
    <Text
      span
      size="sm"
      fw={bold ? 700 : undefined}
      c={value.startsWith('-') ? 'red.9' : undefined}
      style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
      data-testid={testId}
    >
      {formatRupiah(value)}
    </Text>
  );
}

/** One figure of a drawer (opening cash, cash in, expected…) in a small box. */
export function Figure({ label, value, testId, strong }: { label: string; value: string; testId: string; strong?: boolean }) {
  return (
    <Paper withBorder p="xs" radius="md" bg={strong ? 'teal.0' : undefined}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Amount value={value} bold testId={testId} />
    </Paper>
  );
}

/** A filter kept in the page's address, so a link or a reload shows the same figures. */
export function useParamState(key: string, fallback: string): [string, (value: string | null) => void] {
  const [params, setParams] = useUrlSearchParams();
  const value = params.get(key) ?? fallback;
  const set = (next: string | null) =>
    setParams(
      (old) => {
        const copy = new URLSearchParams(old);
        if (next) copy.set(key, next);
        else copy.delete(key);
        return copy;
      },
      { replace: true },
    );
  return [value, set];
}

/** The offices in the user's scope; empty means all of them. */
export function OfficeFilter({ value, onChange }: { value: string; onChange(code: string | null): void }) {
  const { t } = useTranslation();
  const offices = useOffices();
  return (
    <Select
      label={t('ledger.office')}
      placeholder={t('ledger.allOffices')}
      data={(offices.data ?? []).map((office) => ({ value: office.code, label: `${office.code} · ${office.name}` }))}
      value={value || null}
      onChange={onChange}
      clearable
      comboboxProps={{ withinPortal: true }}
    />
  );
}

export function DateField({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
}) {
  return <DayField label={label} value={value} onChange={(event) => onChange(event.currentTarget.value)} required error={error} />;
}

/**
 * Postable accounts as choices "4.2.02 · Pendapatan administrasi": active ones only (what a new
 * posting may use), or with the inactive ones marked (to read their history).
 */
export function useAccountChoices(filter: (account: Account) => boolean = () => true, options: { includeInactive?: boolean } = {}) {
  const { t } = useTranslation();
  const accounts = useQuery(accountsQuery);
  const data = (accounts.data ?? [])
    .filter((account) => account.postable && (account.active || options.includeInactive) && filter(account))
    .map((account) => {
      const label = `${account.code} · ${account.name}`;
      return { value: account.code, label: account.active ? label : t('ledger.chart.inactiveChoice', { label }) };
    });
  return { data, query: accounts };
}

const TYPE_COLORS: Record<AccountType, string> = { asset: 'teal', liability: 'orange', equity: 'grape', income: 'blue', expense: 'red' };

export function TypeBadge({ type }: { type: AccountType }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={TYPE_COLORS[type]} style={{ textTransform: 'none' }}>
      {t(`ledger.types.${type}`)}
    </Badge>
  );
}

export function FundKindBadge({ kind }: { kind: FundKind }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color={kind === 'own_capital' ? 'teal' : kind === 'stimulus' ? 'blue' : 'grape'}
      style={{ textTransform: 'none' }}
    >
      {t(`ledger.fundKinds.${kind}`)}
    </Badge>
  );
}

/** The page of one fund. */
export const fundPath = (id: string) => `/finance/funds/${encodeURIComponent(id)}`;

/** The page of one journal entry. */
export const entryPath = (id: string) => `/finance/entries/${encodeURIComponent(id)}`;

export const firstOfYear = (iso: string) => `${iso.slice(0, 4)}-01-01`;
