import { Alert, Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { addMonths, monthsBetween } from '../../../../src/core/dates.ts';
import type { ComparisonView } from '../../../../src/modules/health/finance-link.schema.ts';
import { api, withQuery } from '../../api/client.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryStates } from '../../components/states.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { useParamState } from '../ledger/ledger-shared.tsx';
import { todayIso } from '../registry/shared.tsx';
import { useFormatDecimal, useFormatMonth, useFormatRate } from './health-format.ts';

type Figures = ComparisonView['underCare'];
const UNDER_CARE = 'var(--mantine-color-teal-6)';
const OTHERS = 'var(--mantine-color-gray-5)';
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Repayment of members under the health programme against the others, by month: figures, chart, PDF and Excel. */
export function ComparisonPage() {
  const { t } = useTranslation();
  const thisMonth = todayIso().slice(0, 7);
  const [from, setFrom] = useParamState('from', addMonths(thisMonth, -11));
  const [to, setTo] = useParamState('to', thisMonth);
  const valid = MONTH.test(from) && MONTH.test(to) && from <= to && monthsBetween(from, to) < 36;
  const query = useQuery({
    queryKey: ['health', 'repayment-comparison', from, to],
    queryFn: () => api.get<ComparisonView>('/api/v1/health/repayment-comparison', { from, to }),
    enabled: valid,
    placeholderData: keepPreviousData,
  });
  const download = (format: 'pdf' | 'xlsx') => withQuery(`/api/v1/health/repayment-comparison.${format}`, { from, to });
  return (
    <Stack gap="md">
      <PageHeader title={t('healthFinance.comparison.title')} />
      <Text size="sm" c="dimmed">
        {t('healthFinance.comparison.intro')}
      </Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          type="month"
          label={t('healthFinance.comparison.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value || null)}
          w={{ base: '100%', xs: 200 }}
          data-testid="comparison-from"
        />
        <TextInput
          type="month"
          label={t('healthFinance.comparison.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value || null)}
          w={{ base: '100%', xs: 200 }}
          data-testid="comparison-to"
        />
        <Button component="a" href={download('pdf')} variant="default" disabled={!valid} data-testid="comparison-pdf">
          {t('healthFinance.comparison.pdf')}
        </Button>
        <Button component="a" href={download('xlsx')} variant="default" disabled={!valid} data-testid="comparison-xlsx">
          {t('healthFinance.comparison.xlsx')}
        </Button>
      </Group>
      {!valid ? (
        <Alert color="yellow" data-testid="comparison-range-invalid">
          {t('healthFinance.comparison.rangeInvalid')}
        </Alert>
      ) : (
        <QueryStates query={query}>{(data) => <Comparison data={data} />}</QueryStates>
      )}
    </Stack>
  );
}

function Comparison({ data }: { data: ComparisonView }) {
  const { t } = useTranslation();
  const empty =
    data.underCare.members + data.others.members === 0 && data.months.every((m) => m.underCare.members + m.others.members === 0);
  if (empty)
    return (
      <Paper withBorder p="xl" radius="md">
        <Text c="dimmed" ta="center" data-testid="empty-state">
          {t('healthFinance.comparison.empty')}
        </Text>
      </Paper>
    );
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <GroupCard
          title={t('healthFinance.comparison.underCare')}
          figures={data.underCare}
          color={UNDER_CARE}
          testId="comparison-under-care"
        />
        <GroupCard title={t('healthFinance.comparison.others')} figures={data.others} color={OTHERS} testId="comparison-others" />
      </SimpleGrid>
      <Paper withBorder radius="md" p="sm">
        <Title order={3} size="h5" mb="xs">
          {t('healthFinance.comparison.chartTitle')}
        </Title>
        <Chart months={data.months} />
      </Paper>
      <MonthsTable months={data.months} />
      <Text size="xs" c="dimmed">
        {t('healthFinance.comparison.definitions')}
      </Text>
    </Stack>
  );
}

function GroupCard({ title, figures, color, testId }: { title: string; figures: Figures; color: string; testId: string }) {
  const { t } = useTranslation();
  const rate = useFormatRate();
  const decimal = useFormatDecimal();
  const none = t('healthFinance.comparison.none');
  const row = (label: string, value: string | null) => (
    <Group justify="space-between" gap="xs">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={700}>
        {value ?? none}
      </Text>
    </Group>
  );
  return (
    <Paper withBorder radius="md" p="sm" data-testid={testId} style={{ borderTop: `4px solid ${color}` }}>
      <Text fw={700} mb={4}>
        {title}
      </Text>
      {row(t('healthFinance.comparison.members'), String(figures.members))}
      {row(t('healthFinance.comparison.onTime'), figures.onTimeRate === null ? null : rate(figures.onTimeRate))}
      {row(t('healthFinance.comparison.par30'), figures.par30 === null ? null : rate(figures.par30))}
      {row(t('healthFinance.comparison.meanDpd'), figures.meanDaysPastDue === null ? null : decimal(figures.meanDaysPastDue))}
    </Paper>
  );
}

/** Paired bars of the on-time rate (0 to 1) per month, in plain SVG. */
function Chart({ months }: { months: ComparisonView['months'] }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const rate = useFormatRate();
  const formatMonth = useFormatMonth();
  const slot = isPhone ? 28 : 40;
  const height = 160;
  const width = Math.max(months.length * slot, 240);
  const bar = slot / 2 - 3;
  const oneYear = months.every((m) => m.month.slice(0, 4) === months[0]?.month.slice(0, 4));
  const h = (rate: string | null) => (rate === null ? 0 : Number(rate) * (height - 20));
  return (
    <div style={{ overflowX: 'auto' }}>
      <svg
        width={width}
        height={height + 24}
        role="img"
        aria-label={t('healthFinance.comparison.chartTitle')}
        data-testid="comparison-chart"
      >
        {[0, 0.5, 1].map((v) => (
          <line
            key={v}
            x1={0}
            x2={width}
            y1={height - v * (height - 20)}
            y2={height - v * (height - 20)}
            stroke="var(--mantine-color-gray-3)"
          />
        ))}
        {months.map((m, i) => {
          const x = i * slot + 3;
          return (
            <g key={m.month}>
              <rect x={x} y={height - h(m.underCare.onTimeRate)} width={bar} height={h(m.underCare.onTimeRate)} fill={UNDER_CARE}>
                <title>{`${formatMonth(m.month)} ${t('healthFinance.comparison.underCare')}: ${rate(m.underCare.onTimeRate)}`}</title>
              </rect>
              <rect x={x + bar + 1} y={height - h(m.others.onTimeRate)} width={bar} height={h(m.others.onTimeRate)} fill={OTHERS}>
                <title>{`${formatMonth(m.month)} ${t('healthFinance.comparison.others')}: ${rate(m.others.onTimeRate)}`}</title>
              </rect>
              {(months.length <= 12 || i % 3 === 0) && (
                <text x={x + bar} y={height + 16} fontSize={10} textAnchor="middle" fill="currentColor">
                  {oneYear ? formatMonth(m.month).split(' ')[0] : `${formatMonth(m.month).split(' ')[0]} ${m.month.slice(2, 4)}`}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <Group gap="md" mt={4}>
        <Group gap={4}>
          <span style={{ width: 10, height: 10, background: UNDER_CARE, display: 'inline-block' }} />
          <Text size="xs">{t('healthFinance.comparison.underCare')}</Text>
        </Group>
        <Group gap={4}>
          <span style={{ width: 10, height: 10, background: OTHERS, display: 'inline-block' }} />
          <Text size="xs">{t('healthFinance.comparison.others')}</Text>
        </Group>
      </Group>
    </div>
  );
}

function MonthsTable({ months }: { months: ComparisonView['months'] }) {
  const { t } = useTranslation();
  const rate = useFormatRate();
  const formatMonth = useFormatMonth();
  const none = t('healthFinance.comparison.none');
  const cells = (f: Figures) => (
    <>
      <Table.Td ta="right">{f.members}</Table.Td>
      <Table.Td ta="right">{f.onTimeRate === null ? none : rate(f.onTimeRate)}</Table.Td>
      <Table.Td ta="right">{f.par30 === null ? none : rate(f.par30)}</Table.Td>
    </>
  );
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped verticalSpacing={4} data-testid="comparison-months">
        <Table.Thead>
          <Table.Tr>
            <Table.Th rowSpan={2}>{t('healthFinance.comparison.month')}</Table.Th>
            <Table.Th colSpan={3} ta="center">
              {t('healthFinance.comparison.underCare')}
            </Table.Th>
            <Table.Th colSpan={3} ta="center">
              {t('healthFinance.comparison.others')}
            </Table.Th>
          </Table.Tr>
          <Table.Tr>
            {[0, 1].flatMap((k) => [
              <Table.Th key={`m${k}`} ta="right">
                {t('healthFinance.comparison.members')}
              </Table.Th>,
              <Table.Th key={`o${k}`} ta="right">
                {t('healthFinance.comparison.onTime')}
              </Table.Th>,
              <Table.Th key={`p${k}`} ta="right">
                {t('healthFinance.comparison.par30')}
              </Table.Th>,
            ])}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {months.map((m) => (
            <Table.Tr key={m.month}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatMonth(m.month)}</Table.Td>
              {cells(m.underCare)}
              {cells(m.others)}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
