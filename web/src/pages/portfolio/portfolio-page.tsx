import { Alert, Anchor, Badge, Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import {
  DIMENSIONS,
  type Dimension,
  isDimension,
  NO_CLOSED_DAY,
  type PortfolioRow,
  portfolioQuery,
  useCloseDay,
} from '../../api/portfolio.ts';
import { groupQuery } from '../../api/registry.ts';
import { useSignedIn } from '../../auth/session.ts';
import { DateField } from '../../components/date-field.tsx';
import { FormError, fieldError } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatRupiah } from '../../components/rupiah-input.tsx';
import { ListStates } from '../../components/states.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { canAdminister } from '../../nav.ts';
import { Amount, useParamState } from '../ledger/ledger-shared.tsx';
import { todayIso, useFormatDate } from '../registry/shared.tsx';
import { ClassBars, Figure, percentOf, totalsOf, usePercent } from './portfolio-shared.tsx';
import { QualityRulePanel } from './quality-rule-panel.tsx';

/** Portfolio at risk of a closed day: headline figures, quality classes, a breakdown; admins close days here. */
export function PortfolioPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const formatDate = useFormatDate();
  const [byParam, setBy] = useParamState('by', 'office');
  const by: Dimension = isDimension(byParam) ? byParam : 'office';
  const [date, setDate] = useParamState('date', '');
  const query = useQuery(portfolioQuery(by, date || null));
  const noClosedDay = query.error instanceof ApiError && query.error.code === NO_CLOSED_DAY;
  const data = query.data;

  return (
    <Stack gap="md">
      <PageHeader title={t('portfolio.title')}>
        {data && !query.isError && (
          <Badge variant="light" size="lg" style={{ textTransform: 'none' }} data-testid="portfolio-date">
            {t('portfolio.closedDay', { date: formatDate(data.date) })}
          </Badge>
        )}
      </PageHeader>
      <DateField
        label={t('portfolio.date')}
        description={date ? undefined : t('portfolio.latest')}
        value={date}
        onChange={(event) => setDate(event.currentTarget.value || null)}
        maw={{ base: '100%', sm: 260 }}
      />
      {noClosedDay ? (
        <Paper withBorder p="xl" radius="md" data-testid="portfolio-none-yet">
          <Stack gap={4} align="center" ta="center">
            <Text fw={600}>{t('portfolio.noClosedDay')}</Text>
            <Text size="sm" c="dimmed">
              {t('portfolio.noClosedDayText')} {canAdminister(me.role) ? '' : t('portfolio.noClosedDayAskAdmin')}
            </Text>
          </Stack>
        </Paper>
      ) : (
        <ListStates query={query} count={data?.rows.length ?? 0} empty={t('portfolio.empty')}>
          {/* The breakdown of the figures shown (while another one loads, the previous stays). */}
          {data && <Dashboard rows={data.rows} rowsBy={isDimension(data.by) ? data.by : by} by={by} onBy={setBy} latest={!date} />}
        </ListStates>
      )}
      {canAdminister(me.role) && <CloseDayPanel />}
      {canAdminister(me.role) && <QualityRulePanel />}
    </Stack>
  );
}

/** The drill-down of a PAR figure (of the whole, or of one breakdown row): the named financings behind it. */
const atRiskLink = (par: 1 | 30 | 90, row?: { by: Dimension; key: string | null; label: string }) =>
  `/financing/portfolio/at-risk?${new URLSearchParams({
    par: String(par),
    ...(row ? { by: row.by, key: row.key ?? 'none', label: row.label } : {}),
  }).toString()}`;

function Dashboard({
  rows,
  rowsBy,
  by,
  onBy,
  latest,
}: {
  rows: PortfolioRow[];
  rowsBy: Dimension;
  by: Dimension;
  onBy(by: string): void;
  /** The last closed day: the drill-down (as of that day) matches the figures. */
  latest: boolean;
}) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const percent = usePercent();
  const totals = totalsOf(rows);
  const par = (days: 1 | 30 | 90, atRisk: bigint) => (
    <Figure
      key={days}
      label={t('portfolio.par', { days })}
      value={percent(percentOf(atRisk, totals.outstanding))}
      note={t('portfolio.atRisk', { amount: formatRupiah(atRisk) })}
      testId={`par${days}`}
      color={atRisk > 0n ? (days === 1 ? 'orange.8' : 'red.8') : undefined}
    >
      {latest && atRisk > 0n && (
        <Anchor component={Link} to={atRiskLink(days)} size="sm" data-testid={`par${days}-drill`}>
          {t('portfolio.drill.show')}
        </Anchor>
      )}
    </Figure>
  );
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
        <Figure
          label={t('portfolio.outstanding')}
          value={formatRupiah(totals.outstanding)}
          note={t('portfolio.financings', { count: totals.financings })}
          testId="outstanding"
        />
        {par(1, totals.atRisk1)}
        {par(30, totals.atRisk30)}
        {par(90, totals.atRisk90)}
        <Figure
          label={t('portfolio.provision')}
          value={formatRupiah(totals.provision)}
          note={t('portfolio.provisionHint')}
          testId="provision"
        />
      </SimpleGrid>

      <Paper withBorder radius="md" p="md">
        <Title order={3} size="h4" mb="sm">
          {t('portfolio.byClassTitle')}
        </Title>
        <ClassBars byClass={totals.byClass} outstanding={totals.outstanding} />
      </Paper>

      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Title order={3} size="h4">
              {t('portfolio.byTitle')}
            </Title>
            <SegmentedControl
              aria-label={t('portfolio.by')}
              value={by}
              onChange={onBy}
              size={isPhone ? 'xs' : 'sm'}
              fullWidth={isPhone}
              w={isPhone ? '100%' : undefined}
              data={DIMENSIONS.map((value) => ({ value, label: t(`portfolio.dimensions.${value}`) }))}
              data-testid="portfolio-by"
            />
          </Group>
          <Breakdown rows={rows} by={rowsBy} isPhone={isPhone} latest={latest} />
        </Stack>
      </Paper>
    </Stack>
  );
}

function Breakdown({ rows, by, isPhone, latest }: { rows: PortfolioRow[]; by: Dimension; isPhone: boolean; latest: boolean }) {
  const { t } = useTranslation();
  const percent = usePercent();
  const parOf = (row: PortfolioRow) => [row.par1Percent, row.par30Percent, row.par90Percent].map(percent);
  // A PAR figure of a row, linked to its named financings when there are any (on the last closed day).
  const parCell = (row: PortfolioRow, days: 1 | 30 | 90, text: string) => {
    const atRisk = BigInt(days === 1 ? row.atRisk1 : days === 30 ? row.atRisk30 : row.atRisk90);
    if (!latest || atRisk === 0n) return text;
    return (
      <Anchor
        component={Link}
        to={atRiskLink(days, { by, key: row.key, label: row.label ?? '' })}
        size="inherit"
        data-testid={`row-par${days}-drill`}
      >
        {text}
      </Anchor>
    );
  };
  if (isPhone)
    return (
      <Stack gap="xs" data-testid="portfolio-rows">
        {rows.map((row) => {
          const [par1, par30, par90] = parOf(row);
          return (
            <Paper key={row.key ?? 'none'} withBorder p="xs" radius="md" data-testid="portfolio-row">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <RowLabel row={row} by={by} />
                <Amount value={row.outstanding} bold />
              </Group>
              <Text size="xs" c="dimmed">
                {t('portfolio.financings', { count: row.financings })}
              </Text>
              <Group gap="xs" mt={4}>
                <Text size="xs">PAR 1 {parCell(row, 1, par1 ?? '')}</Text>
                <Text size="xs">PAR 30 {parCell(row, 30, par30 ?? '')}</Text>
                <Text size="xs">PAR 90 {parCell(row, 90, par90 ?? '')}</Text>
              </Group>
              <Group justify="space-between" mt={2}>
                <Text size="xs" c="dimmed">
                  {t('portfolio.provision')}
                </Text>
                <Amount value={row.provision} />
              </Group>
            </Paper>
          );
        })}
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing={6} data-testid="portfolio-rows">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t(`portfolio.dimensions.${by}`)}</Table.Th>
            <Table.Th ta="right">{t('portfolio.financingsColumn')}</Table.Th>
            <Table.Th ta="right">{t('portfolio.outstanding')}</Table.Th>
            <Table.Th ta="right">{t('portfolio.par', { days: 1 })}</Table.Th>
            <Table.Th ta="right">{t('portfolio.par', { days: 30 })}</Table.Th>
            <Table.Th ta="right">{t('portfolio.par', { days: 90 })}</Table.Th>
            <Table.Th ta="right">{t('portfolio.provision')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const [par1, par30, par90] = parOf(row);
            return (
              <Table.Tr key={row.key ?? 'none'} data-testid="portfolio-row">
                <Table.Td>
                  <RowLabel row={row} by={by} />
                </Table.Td>
                <Table.Td ta="right">{row.financings}</Table.Td>
                <Table.Td ta="right">
                  <Amount value={row.outstanding} />
                </Table.Td>
                <Table.Td ta="right">{parCell(row, 1, par1 ?? '')}</Table.Td>
                <Table.Td ta="right">{parCell(row, 30, par30 ?? '')}</Table.Td>
                <Table.Td ta="right">{parCell(row, 90, par90 ?? '')}</Table.Td>
                <Table.Td ta="right">
                  <Amount value={row.provision} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const NONE_KEYS = { office: 'noOffice', fund: 'noFund', group: 'noGroup', facilitator: 'noFacilitator' } as const;

/** The row's name: office and fund codes come with the figures; a group's name is looked up. */
function RowLabel({ row, by }: { row: PortfolioRow; by: Dimension }) {
  const { t } = useTranslation();
  const group = useQuery({ ...groupQuery(row.key ?? ''), enabled: by === 'group' && Boolean(row.key) && !row.label });
  const text = !row.key
    ? t(`portfolio.${NONE_KEYS[by]}`)
    : (row.label ?? group.data?.name ?? (by === 'facilitator' ? `${t('portfolio.dimensions.facilitator')} ${row.key.slice(-6)}` : '…'));
  return (
    <Text size="sm" fw={500} c={row.key ? undefined : 'dimmed'} truncate>
      {text}
    </Text>
  );
}

/** Admins close a business day here; the result stays shown and the figures are read again. */
function CloseDayPanel() {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [date, setDate] = useState(todayIso());
  const close = useCloseDay();
  const result = close.data;
  return (
    <Paper withBorder radius="md" p="md" data-testid="close-day">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('portfolio.closeDay.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('portfolio.closeDay.intro')}
        </Text>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            close.mutate(date);
          }}
        >
          <Group align="flex-end" gap="sm" wrap="wrap">
            <DateField
              label={t('portfolio.closeDay.date')}
              value={date}
              max={todayIso()}
              onChange={(event) => setDate(event.currentTarget.value)}
              error={fieldError(close.error, 'date')}
              required
              w={{ base: '100%', xs: 220 }}
            />
            <Button type="submit" loading={close.isPending} disabled={!date}>
              {t('portfolio.closeDay.submit')}
            </Button>
          </Group>
        </form>
        {close.isError && <FormError error={close.error} fields={['date']} />}
        {result && !close.isPending && (
          <Alert
            color={result.alreadyClosed ? 'gray' : 'teal'}
            variant="light"
            title={result.alreadyClosed ? undefined : t('portfolio.closeDay.done', { date: formatDate(result.date) })}
            data-testid="close-day-result"
          >
            {result.alreadyClosed ? (
              <Text size="sm">{t('portfolio.closeDay.already', { date: formatDate(result.date) })}</Text>
            ) : (
              <Stack gap={2}>
                {result.daysClosed.length > 1 && (
                  <Text size="sm">
                    {t('portfolio.closeDay.caughtUp', {
                      from: formatDate(result.daysClosed[0] ?? result.date),
                      to: formatDate(result.daysClosed.at(-2) ?? result.date),
                    })}
                  </Text>
                )}
                <Text size="sm">{t('portfolio.closeDay.checked', { count: result.financings })}</Text>
                {result.stepsRun.length > 0 && (
                  <Text size="sm">
                    {t('portfolio.closeDay.steps', {
                      steps: result.stepsRun
                        .map((step) => {
                          const key = knownStep(step);
                          return key ? t(`portfolio.closeDay.stepNames.${key}`) : step;
                        })
                        .join(', '),
                    })}
                  </Text>
                )}
              </Stack>
            )}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

const STEP_KEYS = ['penalties', 'arrears', 'snapshot', 'provisions', 'balances', 'books', 'partitions'] as const;
const knownStep = (step: string) => STEP_KEYS.find((known) => known === step);
