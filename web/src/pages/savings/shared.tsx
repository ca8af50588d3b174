import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SavingsKind } from '../../api/savings.ts';
import type { Role } from '../../api/types.ts';
import { formatRupiah } from '../../components/rupiah-input.tsx';

// The server decides again on every request (savings.service.ts).
const TELLERS: readonly Role[] = ['admin', 'manager', 'cashier'];
const CORRECTORS: readonly Role[] = ['admin', 'manager'];
const READERS: readonly Role[] = ['admin', 'manager', 'cashier', 'facilitator', 'supervisor', 'auditor'];
export const canMoveSavings = (role: Role) => TELLERS.includes(role);
export const canCorrectSavings = (role: Role) => CORRECTORS.includes(role);
export const canReadSavings = (role: Role) => READERS.includes(role);

const KIND_COLOR: Record<SavingsKind, string> = { pokok: 'indigo', wajib: 'grape', sukarela: 'teal' };

export function SavingsKindBadge({ kind }: { kind: SavingsKind }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={KIND_COLOR[kind]} style={{ textTransform: 'none', flexShrink: 0 }}>
      {t(`savings.kinds.${kind}`)}
    </Badge>
  );
}

/** A signed movement: money in green with a plus, money out red with a minus. */
export function SignedRupiah({ amount }: { amount: string }) {
  const out = amount.startsWith('-');
  return (
    <Text size="sm" fw={600} c={out ? 'red.9' : 'teal.9'} style={{ whiteSpace: 'nowrap' }}>
      {out ? '−' : '+'}
      {formatRupiah(out ? amount.slice(1) : amount)}
    </Text>
  );
}
