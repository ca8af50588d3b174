// Small pieces shared by the financing screens: who may do what, badges, labels.
import { Badge, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FinancingStatus, Instalment } from '../../api/financing.ts';
import type { Role } from '../../api/types.ts';
import { fieldError } from '../../components/error-alert.tsx';

// The server decides again on every request (lifecycle.service.ts); these only hide what would be refused.
const has = (roles: Role[]) => (role: Role) => roles.includes(role);
/** FINANCING_READERS: financings, their PDFs and a group's collection sheet. */
export const canReadFinancing = has(['admin', 'manager', 'cashier', 'facilitator', 'supervisor', 'auditor']);
export const canKeepProducts = has(['admin', 'manager']);
export const canApply = has(['admin', 'manager', 'cashier', 'facilitator']);
export const canDecide = has(['admin', 'manager']);
export const canDisburse = has(['admin', 'manager', 'cashier']);
export const canCollect = has(['admin', 'manager', 'cashier', 'facilitator']);
export const canReverse = has(['admin', 'manager']);

const STATUS_COLOURS: Record<FinancingStatus, string> = {
  applied: 'blue',
  approved: 'orange',
  rejected: 'gray',
  disbursed: 'teal',
  closed: 'green',
  written_off: 'red',
};

/** A badge's label is never cut ("Berjal…" in a narrow table column): the badge keeps its full width. */
export const WHOLE_BADGE = {
  style: { textTransform: 'none', flexShrink: 0, minWidth: 'max-content' },
  styles: { label: { overflow: 'visible', textOverflow: 'clip' } },
} as const;

export function StatusBadge({ status }: { status: FinancingStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOURS[status]} variant="light" {...WHOLE_BADGE} data-testid="financing-status">
      {t(`financing.statuses.${status}`)}
    </Badge>
  );
}

const INSTALMENT_COLOURS: Record<Instalment['status'], string> = {
  paid: 'green',
  partial: 'yellow',
  due: 'gray',
  overdue: 'red',
  projected: 'blue',
};

export function InstalmentBadge({ status }: { status: Instalment['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={INSTALMENT_COLOURS[status]}
      variant={status === 'overdue' ? 'filled' : 'light'}
      size="sm"
      {...WHOLE_BADGE}
      data-testid="instalment-status"
    >
      {t(`financing.detail.instalmentStatuses.${status}`)}
    </Badge>
  );
}

/** What the second part of an instalment is called: interest, margin, profit share. */
export function useProfitLabel() {
  const { t } = useTranslation();
  return (kind: string) =>
    kind === 'murabahah'
      ? t('financing.profit.murabahah')
      : kind === 'mudharabah' || kind === 'musyarakah'
        ? t('financing.profit.sharing')
        : kind === 'qardh'
          ? t('financing.profit.qardh')
          : t('financing.profit.conventional');
}

/**
 * The reason a manager gives for a write-off, a reschedule or a reversal (at least 3
 * characters: `tooShort`), with the server's message on the field after sending.
 */
export function ReasonField({
  value,
  onChange,
  description,
  showRequired,
  error,
}: {
  value: string;
  onChange(value: string): void;
  description?: string;
  /** The form was sent with too short a reason. */
  showRequired: boolean;
  /** The last answer of the server, if it failed. */
  error: unknown;
}) {
  const { t } = useTranslation();
  return (
    <Textarea
      label={t('financing.actions.reason')}
      description={description}
      required
      autosize
      minRows={2}
      maxLength={300}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={(showRequired ? t('common.required') : undefined) ?? fieldError(error, 'reason')}
    />
  );
}
