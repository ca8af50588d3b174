// The dashboards (issue 15 §7): portfolio, social assistance, JKN, health and partnerships by month
// for an office, a region or the whole scope over a period (all in the URL), read from the monthly
// aggregates close of day fills: headline figures, a bar chart with the table as its text
// alternative, and the same figures as PDF and Excel.
import { Badge, Box, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { addMonths } from '../../../../src/core/dates.ts';
import { formatMonth } from '../../../../src/core/format.ts';
import { translate } from '../../../../src/core/messages.ts';
import {
  DASHBOARD_SUBJECTS,
  type DashboardFilter,
  type DashboardSubject,
  type DashboardView,
  dashboardFileUrl,
  dashboardQuery,
  isDashboardSubject,
} from '../../api/dashboards.ts';
import { useOffices } from '../../api/queries.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { RegionSelect } from '../../components/region-picker.tsx';
import { formatRupiah } from '../../components/rupiah-input.tsx';
import { ListStates } from '../../components/states.tsx';
import { useUrlSearchParams } from '../../components/use-url-search-params.ts';
import { currentLocale } from '../../i18n/index.ts';
import { ClassBars, Figure, usePercent } from '../portfolio/portfolio-shared.tsx';
import { todayIso, useFormatDate } from '../registry/shared.tsx';

/** The figures drawn as bars by month, per dashboard (the table below lists them all). */
const CHART_SERIES: Record<DashboardSubject, string[]> = {
  portfolio: ['disbursed', 'repaid'],
  aid: ['paid_amount'],
  jkn: ['collected'],
  health: ['iks_sehat', 'iks_pra_sehat', 'iks_tidak_sehat'],
  partnerships: ['activities', 'participants'],
};
// At least 3:1 against white (WCAG 1.4.11 for graphics), and told apart without colour by the legend's order.
const SERIES_COLOURS = ['#0b7a57', '#1c5fa8', '#a34f00'];
const MONTHS_OFFERED = 60;

type Metric = DashboardView['metrics'][number];

/** Month options, newest first: the last five years to this month. */
function monthOptions(locale: 'id' | 'en') {
  const thisMonth = todayIso().slice(0, 7);
  return Array.from({ length: MONTHS_OFFERED }, (_, i) => {
    const value = addMonths(thisMonth, -i);
    return { value, label: formatMonth(value, locale) };
  });
}

export function DashboardsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const { subject: subjectParam } = useParams();
  const subject: DashboardSubject = isDashboardSubject(subjectParam) ? subjectParam : 'portfolio';
  const [params, setParams] = useUrlSearchParams();
  const filter: DashboardFilter = {
    office: params.get('office'),
    region: params.get('region'),
    from: params.get('from'),
    to: params.get('to'),
  };
  const set = (changes: Partial<DashboardFilter>) =>
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        for (const [key, value] of Object.entries(changes)) value ? next.set(key, value) : next.delete(key);
        return next;
      },
      { replace: true },
    );
  const offices = useOffices();
  const query = useQuery(dashboardQuery(subject, filter));
  const view = query.data;
  const months = monthOptions(locale);
  const filtered = Boolean(filter.office || filter.region || filter.from || filter.to);

  return (
    <Stack gap="md">
      <PageHeader title={t('dashboards.title')}>
        <Group gap="xs">
          <Button component="a" variant="default" href={dashboardFileUrl(subject, 'pdf', filter)} data-testid="dashboard-pdf">
            {t('dashboards.pdf')}
          </Button>
          <Button component="a" variant="default" href={dashboardFileUrl(subject, 'xlsx', filter)} data-testid="dashboard-xlsx">
            {t('dashboards.xlsx')}
          </Button>
        </Group>
      </PageHeader>
      <Tabs
        value={subject}
        onChange={(value) => value && navigate({ pathname: `/dashboards/${value}`, search: params.toString() })}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('dashboards.subjectsLabel')}>
          {DASHBOARD_SUBJECTS.map((key) => (
            <Tabs.Tab key={key} value={key} data-testid={`dashboard-tab-${key}`}>
              {t(`dashboards.subjects.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Paper withBorder radius="md" p="sm" component="section" aria-label={t('dashboards.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <Select
            label={t('dashboards.office')}
            placeholder={t('dashboards.anyOffice')}
            data={(offices.data ?? []).map((o) => ({ value: o.code, label: `${o.code} · ${o.name}` }))}
            value={filter.office}
            onChange={(code) => set({ office: code, region: null })}
            clearable
            comboboxProps={{ withinPortal: true }}
            data-testid="dashboard-office"
          />
          <RegionSelect
            label={t('dashboards.region')}
            placeholder={t('dashboards.regionHint')}
            value={filter.region}
            onChange={(code) => set({ region: code, office: null })}
            data-testid="dashboard-region"
          />
          <Select
            label={t('dashboards.from')}
            data={months}
            value={filter.from ?? view?.from ?? null}
            onChange={(month) => set({ from: month })}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="dashboard-from"
          />
          <Select
            label={t('dashboards.to')}
            data={months}
            value={filter.to ?? view?.to ?? null}
            onChange={(month) => set({ to: month })}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="dashboard-to"
          />
        </SimpleGrid>
        {filtered && (
          <Button
            variant="subtle"
            size="compact-sm"
            mt="xs"
            onClick={() => set({ office: null, region: null, from: null, to: null })}
            data-testid="dashboard-clear"
          >
            {t('dashboards.clear')}
          </Button>
        )}
      </Paper>
      <ListStates query={query} count={view ? 1 : 0} empty={t('dashboards.empty')}>
        {view && <Dashboard view={view} />}
      </ListStates>
    </Stack>
  );
}

function Dashboard({ view }: { view: DashboardView }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const percent = usePercent();
  const formatDate = useFormatDate();
  const nameOf = (key: string) => translate(`dashboards.metric_${key}`, locale);
  const show = (metric: Pick<Metric, 'unit'>, value: string) => (metric.unit === 'rupiah' ? formatRupiah(value) : value);
  const lastMonth = view.months[view.months.length - 1] ?? view.to;
  const series = CHART_SERIES[view.subject]
    .map((key) => view.metrics.find((m) => m.key === key))
    .filter((m): m is Metric => m !== undefined);
  const classes =
    view.subject === 'portfolio' ? [1, 2, 3, 4, 5].map((n) => BigInt(view.metrics.find((m) => m.key === `class_${n}`)?.total ?? '0')) : [];
  const outstanding = BigInt(view.metrics.find((m) => m.key === 'outstanding')?.total ?? '0');
  const headline = view.metrics.filter((m) => !m.key.startsWith('class_'));

  return (
    <Stack gap="md" data-testid="dashboard" data-subject={view.subject}>
      <Group gap="xs" wrap="wrap">
        <Title order={2} size="h3">
          {translate(`dashboards.title_${view.subject}`, locale)}
        </Title>
        <Badge
          variant="light"
          color={view.asOf ? 'teal' : 'orange'}
          size="lg"
          style={{ textTransform: 'none' }}
          data-testid="dashboard-as-of"
        >
          {view.asOf ? t('dashboards.asOf', { date: formatDate(view.asOf) }) : t('dashboards.noneYet')}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        {view.ratios.map((ratio) => (
          <Figure
            key={ratio.key}
            label={translate(`dashboards.ratio_${ratio.key}`, locale)}
            value={percent(ratio.total)}
            note={t('dashboards.lastMonth', { month: formatMonth(lastMonth, locale) })}
            testId={`dashboard-ratio-${ratio.key}`}
          />
        ))}
        {headline.map((metric) => (
          <Figure
            key={metric.key}
            label={nameOf(metric.key)}
            value={show(metric, metric.total)}
            note={
              metric.kind === 'flow'
                ? t('dashboards.periodTotal', { from: formatMonth(view.from, locale), to: formatMonth(view.to, locale) })
                : t('dashboards.lastMonth', { month: formatMonth(lastMonth, locale) })
            }
            testId={`dashboard-metric-${metric.key}`}
          />
        ))}
      </SimpleGrid>
      {series.length > 0 && (
        <Paper withBorder radius="md" p="md">
          <Title order={3} size="h4" mb="sm">
            {t('dashboards.chart')}
          </Title>
          <MonthBars view={view} series={series} nameOf={nameOf} />
        </Paper>
      )}
      {view.subject === 'portfolio' && (
        <Paper withBorder radius="md" p="md">
          <Title order={3} size="h4" mb="sm">
            {t('dashboards.classes', { month: formatMonth(lastMonth, locale) })}
          </Title>
          <ClassBars byClass={classes} outstanding={outstanding} />
        </Paper>
      )}
      <Paper withBorder radius="md" p="md">
        <Title order={3} size="h4" mb="sm" id="dashboard-table-title">
          {t('dashboards.table')}
        </Title>
        {/* Wider than a phone: scrolled sideways, so it takes the keyboard's focus too (WCAG 2.1.1). */}
        <Box
          role="region"
          aria-labelledby="dashboard-table-title"
          tabIndex={0}
          style={{ overflowX: 'auto' }}
          data-testid="dashboard-table-scroll"
        >
          <Table
            miw={Math.max(480, 120 * (view.metrics.length + view.ratios.length))}
            striped
            verticalSpacing={4}
            fz="sm"
            aria-labelledby="dashboard-table-title"
            data-testid="dashboard-table"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('dashboards.month')}</Table.Th>
                {view.metrics.map((m) => (
                  <Table.Th key={m.key} scope="col" ta="right">
                    {nameOf(m.key)}
                  </Table.Th>
                ))}
                {view.ratios.map((r) => (
                  <Table.Th key={r.key} scope="col" ta="right">
                    {translate(`dashboards.ratio_${r.key}`, locale)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.months.map((month, i) => (
                <Table.Tr key={month} data-testid="dashboard-row" data-month={month}>
                  <Table.Th scope="row" fw={500}>
                    {formatMonth(month, locale)}
                  </Table.Th>
                  {view.metrics.map((m) => (
                    <Table.Td key={m.key} ta="right" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                      {show(m, m.values[i] ?? '0')}
                    </Table.Td>
                  ))}
                  {view.ratios.map((r) => (
                    <Table.Td key={r.key} ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {percent(r.values[i] ?? '0.00')}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row">{t('dashboards.period')}</Table.Th>
                {view.metrics.map((m) => (
                  <Table.Th key={m.key} ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {show(m, m.total)}
                  </Table.Th>
                ))}
                {view.ratios.map((r) => (
                  <Table.Th key={r.key} ta="right">
                    {percent(r.total)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Box>
      </Paper>
    </Stack>
  );
}

/** Bars by month, one per figure side by side, in plain SVG that fits 360 px; the table is its text alternative. */
function MonthBars({ view, series, nameOf }: { view: DashboardView; series: Metric[]; nameOf(key: string): string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const width = 640;
  const height = 180;
  const slot = width / Math.max(1, view.months.length);
  const bar = Math.max(2, (slot - 6) / series.length);
  // One scale per unit would mislead when rupiah and counts share a chart; the series of a chart share their unit.
  const peak = series.reduce((max, m) => m.values.reduce((mx, v) => (BigInt(v) > mx ? BigInt(v) : mx), max), 1n);
  const h = (value: string) => Number((BigInt(value) * BigInt(height - 10)) / peak);
  const label = t('dashboards.chartOf', {
    name: series.map((m) => nameOf(m.key)).join(', '),
    from: formatMonth(view.from, locale),
    to: formatMonth(view.to, locale),
  });
  return (
    <Stack gap="xs">
      <svg viewBox={`0 0 ${width} ${height + 20}`} width="100%" role="img" aria-label={label} data-testid="dashboard-chart">
        <title>{label}</title>
        <line x1={0} x2={width} y1={height} y2={height} stroke="#868e96" />
        {view.months.map((month, i) => (
          <g key={month}>
            {series.map((m, k) => {
              const value = m.values[i] ?? '0';
              return (
                <rect
                  key={m.key}
                  x={i * slot + 3 + k * bar}
                  y={height - h(value)}
                  width={Math.max(1, bar - 1)}
                  height={h(value)}
                  fill={SERIES_COLOURS[k % SERIES_COLOURS.length]}
                />
              );
            })}
            <text x={i * slot + slot / 2} y={height + 14} fontSize={11} textAnchor="middle" fill="#212529">
              {month.slice(5)}/{month.slice(2, 4)}
            </text>
          </g>
        ))}
      </svg>
      <Group gap="md" wrap="wrap" aria-hidden>
        {series.map((m, k) => (
          <Group key={m.key} gap={6} wrap="nowrap">
            <span
              style={{
                width: 12,
                height: 12,
                borderRadius: 2,
                background: SERIES_COLOURS[k % SERIES_COLOURS.length],
                display: 'inline-block',
              }}
            />
            <Text size="sm">{nameOf(m.key)}</Text>
          </Group>
        ))}
      </Group>
    </Stack>
  );
}
