// The cadre page's performance: one month's figures (families visited, recruits, collected
// against due, collectability, deposits on time, incentive) and, for those who oversee
// cadres, six months of collected against due as bars (drawn like the portfolio's).
import { Alert, Box, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Performance, performanceQuery, shiftMonth } from '../../api/contributions.ts';
import { useSignedIn } from '../../auth/session.ts';
import { ArchivedMonthsNotice } from '../../components/archived-notice.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatRupiah } from '../../components/rupiah-input.tsx';
import { QueryStates } from '../../components/states.tsx';
import { Figure, usePercent } from '../portfolio/portfolio-shared.tsx';
import { todayIso } from '../registry/shared.tsx';
import { useFormatMonth } from './cadre-collection-section.tsx';

const CHART_MONTHS = 6;

export function CadrePerformanceSection({ cadreId }: { cadreId: string }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const formatMonth = useFormatMonth();
  const thisMonth = todayIso().slice(0, 7);
  const [month, setMonth] = useState(thisMonth);
  const performance = useQuery(performanceQuery(cadreId, month));
  const months = Array.from({ length: 12 }, (_, k) => shiftMonth(`${thisMonth}-01`, -k));
  return (
    <Stack gap="sm" data-testid="cadre-performance">
      <Group justify="space-between" gap="xs" align="flex-end">
        <Title order={3} size="h4">
          {t('cadres.performance.title')}
        </Title>
        <Select
          aria-label={t('cadres.performance.month')}
          size="xs"
          w={170}
          allowDeselect={false}
          data={months.map((value) => ({ value, label: formatMonth(value) }))}
          value={month}
          onChange={(value) => value && setMonth(value)}
          comboboxProps={{ withinPortal: true }}
          data-testid="performance-month"
        />
      </Group>
      <QueryStates query={performance}>
        {(data) => (
          <>
            <ArchivedMonthsNotice months={data.archivedMonths} />
            <Figures figures={data} />
          </>
        )}
      </QueryStates>
      {me.role !== 'cadre' && <CollectionChart cadreId={cadreId} lastMonth={thisMonth} />}
    </Stack>
  );
}

function Figures({ figures }: { figures: Performance }) {
  const { t } = useTranslation();
  const percent = usePercent();
  const rule = figures.incentiveRule;
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="xs">
        <Figure
          label={t('cadres.performance.visited')}
          value={t('cadres.performance.ofFamilies', { count: figures.familiesVisited, total: figures.familiesAssigned })}
          note={t('cadres.performance.visits', { count: figures.visits })}
          testId="perf-visited"
        />
        <Figure label={t('cadres.performance.recruited')} value={String(figures.recruited)} testId="perf-recruited" />
        <Figure
          label={t('cadres.performance.collected')}
          value={formatRupiah(figures.collected)}
          note={t('cadres.performance.ofDue', { due: formatRupiah(figures.due), count: figures.payments })}
          testId="perf-collected"
        />
        <Figure
          label={t('cadres.performance.collectability')}
          value={percent(figures.collectabilityPercent)}
          note={t('cadres.performance.arrearsCollected', { amount: formatRupiah(figures.arrearsCollected) })}
          testId="perf-collectability"
        />
        <Figure
          label={t('cadres.performance.depositsOnTime')}
          value={t('cadres.performance.ofDeposits', { count: figures.depositsOnTime, total: figures.deposits })}
          color={figures.depositsOnTime < figures.deposits ? 'orange.7' : undefined}
          testId="perf-deposits"
        />
        <Figure
          label={t('cadres.performance.cashHeld')}
          value={formatRupiah(figures.cashHeld)}
          color={figures.cashHeldFlagged ? 'red.7' : undefined}
          note={figures.cashHeldFlagged ? t('cadres.performance.cashFlagged') : undefined}
          testId="perf-cash"
        />
        <Figure
          label={t('cadres.performance.incentive')}
          value={formatRupiah(figures.incentive)}
          note={
            rule.kind === 'share_of_arrears'
              ? t('cadres.performance.ruleShare', { percent: rule.percent })
              : t('cadres.performance.ruleFees', {
                  perParticipant: formatRupiah(String(rule.perParticipant)),
                  perRecruit: formatRupiah(String(rule.perRecruit)),
                })
          }
          testId="perf-incentive"
        />
      </SimpleGrid>
    </Stack>
  );
}

/** Collected against due, month by month: the grey bar is what was due, the filled part what came in. */
function CollectionChart({ cadreId, lastMonth }: { cadreId: string; lastMonth: string }) {
  const { t } = useTranslation();
  const formatMonth = useFormatMonth();
  const percent = usePercent();
  const months = Array.from({ length: CHART_MONTHS }, (_, k) => shiftMonth(`${lastMonth}-01`, k - CHART_MONTHS + 1));
  const results = useQueries({ queries: months.map((month) => performanceQuery(cadreId, month)) });
  if (results.some((r) => r.isPending)) return <PageLoader />;
  const failed = results.find((r) => r.isError);
  if (failed) return <ErrorAlert error={failed.error} onRetry={() => void failed.refetch()} />;
  const rows = results.map((r) => r.data as Performance);
  const scale = rows.reduce((max, row) => {
    const biggest = BigInt(row.collected) > BigInt(row.due) ? BigInt(row.collected) : BigInt(row.due);
    return biggest > max ? biggest : max;
  }, 0n);
  const width = (amount: string) => (scale === 0n ? 0 : Number((BigInt(amount) * 10_000n) / scale) / 100);
  return (
    <Stack gap="xs" data-testid="performance-chart">
      <Text size="sm" fw={600}>
        {t('cadres.performance.chartTitle')}
      </Text>
      {scale === 0n ? (
        <Alert variant="light" color="gray">
          {t('cadres.performance.chartEmpty')}
        </Alert>
      ) : (
        rows.map((row) => {
          const label = t('cadres.performance.chartBar', {
            month: formatMonth(row.month),
            collected: formatRupiah(row.collected),
            due: formatRupiah(row.due),
          });
          return (
            <Box key={row.month} data-testid="performance-bar" data-month={row.month}>
              <Group justify="space-between" gap={4} wrap="wrap">
                <Text size="sm" fw={500}>
                  {formatMonth(row.month)}
                </Text>
                <Text size="xs" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatRupiah(row.collected)} / {formatRupiah(row.due)} · {percent(row.collectabilityPercent)}
                </Text>
              </Group>
              <Box h={14} mt={4} style={{ position: 'relative', borderRadius: 4, overflow: 'hidden' }} role="img" aria-label={label}>
                <Box h="100%" bg="gray.3" style={{ position: 'absolute', top: 0, left: 0, width: `${width(row.due)}%`, borderRadius: 4 }} />
                <Box
                  h="100%"
                  bg={BigInt(row.collected) >= BigInt(row.due) ? 'teal.6' : 'orange.5'}
                  // A sliver stays visible for a month with anything collected at all.
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    width: BigInt(row.collected) > 0n ? `max(3px, ${width(row.collected)}%)` : 0,
                    borderRadius: 4,
                  }}
                />
              </Box>
            </Box>
          );
        })
      )}
      <Group gap="md">
        <Group gap={4}>
          <Box w={12} h={12} bg="teal.6" style={{ borderRadius: 2 }} />
          <Text size="xs">{t('cadres.performance.legendCollected')}</Text>
        </Group>
        <Group gap={4}>
          <Box w={12} h={12} bg="gray.3" style={{ borderRadius: 2 }} />
          <Text size="xs">{t('cadres.performance.legendDue')}</Text>
        </Group>
      </Group>
    </Stack>
  );
}
