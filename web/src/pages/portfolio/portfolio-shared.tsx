// Pieces shared by the portfolio screens: sums and ratios in whole rupiah, figures, class bars.
import { Box, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PortfolioRow } from '../../api/portfolio.ts';
import { formatRupiah } from '../../components/rupiah-input.tsx';

export type Totals = {
  financings: number;
  outstanding: bigint;
  atRisk1: bigint;
  atRisk30: bigint;
  atRisk90: bigint;
  provision: bigint;
  byClass: bigint[];
};

/** The whole portfolio of a day: every row of one breakdown added up (any breakdown gives the same). */
export function totalsOf(rows: PortfolioRow[]): Totals {
  const totals: Totals = {
    financings: 0,
    outstanding: 0n,
    atRisk1: 0n,
    atRisk30: 0n,
    atRisk90: 0n,
    provision: 0n,
    byClass: [0n, 0n, 0n, 0n, 0n],
  };
  for (const row of rows) {
    totals.financings += row.financings;
    totals.outstanding += BigInt(row.outstanding);
    totals.atRisk1 += BigInt(row.atRisk1);
    totals.atRisk30 += BigInt(row.atRisk30);
    totals.atRisk90 += BigInt(row.atRisk90);
    totals.provision += BigInt(row.provision);
    row.byClass.forEach((amount, index) => {
      totals.byClass[index] = (totals.byClass[index] ?? 0n) + BigInt(amount);
    });
  }
  return totals;
}

/** Percent with two decimals, rounded half-up in integers: the server's rule for PAR. */
export function percentOf(part: bigint, whole: bigint): string {
  if (whole === 0n) return '0.00';
  const basis = (part * 20000n + whole) / (2n * whole);
  return `${basis / 100n}.${(basis % 100n).toString().padStart(2, '0')}`;
}

/** "12,34%" in Bahasa Indonesia, "12.34%" in English. */
export function usePercent() {
  const { i18n } = useTranslation();
  return (percent: string) => `${i18n.language === 'en' ? percent : percent.replace('.', ',')}%`;
}

/** One headline figure: a label, the value, and a line under it. */
export function Figure({
  label,
  value,
  note,
  testId,
  color,
  children,
}: {
  label: string;
  value: string;
  note?: string;
  testId: string;
  color?: string;
  /** Below the note: a link to the list behind the figure. */
  children?: React.ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="sm" data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text
        fw={700}
        fz={{ base: 'md', sm: 'lg' }}
        c={color}
        style={{ fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' }}
        data-testid={`${testId}-value`}
      >
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
      {children}
    </Paper>
  );
}

export const CLASS_KEYS = ['c1', 'c2', 'c3', 'c4', 'c5'] as const;
// Lancar green through Macet dark red.
const CLASS_COLORS = ['teal.6', 'yellow.5', 'orange.6', 'red.6', 'red.9'];

/** Outstanding by quality class (kolektibilitas 1–5) as horizontal bars, each its share of the whole. */
export function ClassBars({ byClass, outstanding }: { byClass: bigint[]; outstanding: bigint }) {
  const { t } = useTranslation();
  const percent = usePercent();
  return (
    <Stack gap="sm" data-testid="class-bars">
      {CLASS_KEYS.map((key, index) => {
        const amount = byClass[index] ?? 0n;
        const share = percentOf(amount, outstanding);
        const name = t(`portfolio.classes.${key}`);
        return (
          <Box key={key} data-testid="class-bar" data-class={index + 1}>
            <Group justify="space-between" gap={4} wrap="wrap">
              <Text size="sm" fw={500}>
                {index + 1} · {name}
              </Text>
              <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="class-bar-amount">
                {formatRupiah(amount)} · {percent(share)}
              </Text>
            </Group>
            <Box
              h={14}
              bg="gray.1"
              mt={4}
              style={{ borderRadius: 4, overflow: 'hidden' }}
              role="img"
              aria-label={t('portfolio.classBar', { name, amount: formatRupiah(amount), percent: share })}
            >
              <Box
                h="100%"
                bg={CLASS_COLORS[index]}
                // A sliver stays visible for a class that holds anything at all.
                style={{ width: amount > 0n ? `max(3px, ${share}%)` : 0, borderRadius: 4 }}
              />
            </Box>
          </Box>
        );
      })}
    </Stack>
  );
}
