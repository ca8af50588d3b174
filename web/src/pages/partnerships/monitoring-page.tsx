import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { withQuery } from '../../api/client.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { formatRupiah } from '../../components/rupiah-input.tsx';
import { QueryStates } from '../../components/states.tsx';
import { useFormatDecimal, useFormatRate } from '../health/health-format.ts';
import { useFormatDate } from '../registry/shared.tsx';
import { type MonitoringView, useMonitoring } from './partnership-api.ts';

const BEFORE = 'var(--mantine-color-gray-5)';
const AFTER = 'var(--mantine-color-teal-6)';

/** M&E of one partnership (`?partnershipId=`) or of all in scope: input, process, output, outcome; chart, PDF, Excel. */
export function MonitoringPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const partnershipId = params.get('partnershipId');
  const monitoring = useMonitoring(partnershipId);
  const query = partnershipId ? { partnershipId } : {};
  return (
    <Stack gap="md">
      <PageHeader
        title={
          monitoring.data?.title ? t('partnerships.monitoringOf', { title: monitoring.data.title }) : t('partnerships.monitoringTitle')
        }
      >
        <Group gap="xs">
          <Button
            component="a"
            href={withQuery('/api/v1/partnerships/monitoring.pdf', query)}
            variant="default"
            data-testid="monitoring-pdf"
          >
            {t('partnerships.pdf')}
          </Button>
          <Button
            component="a"
            href={withQuery('/api/v1/partnerships/monitoring.xlsx', query)}
            variant="default"
            data-testid="monitoring-xlsx"
          >
            {t('partnerships.xlsx')}
          </Button>
        </Group>
      </PageHeader>
      <QueryStates query={monitoring}>{(view) => <Figures view={view} />}</QueryStates>
    </Stack>
  );
}

function Block({ title, rows, testId }: { title: string; rows: [string, string | number][]; testId: string }) {
  return (
    <Paper withBorder radius="md" p="sm" data-testid={testId}>
      <Text fw={700} mb={4}>
        {title}
      </Text>
      {rows.map(([label, value]) => (
        <Group key={label} justify="space-between" gap="xs" wrap="nowrap">
          <Text size="sm" c="dimmed">
            {label}
          </Text>
          <Text size="sm" fw={700}>
            {value}
          </Text>
        </Group>
      ))}
    </Paper>
  );
}

function Figures({ view }: { view: MonitoringView }) {
  const { t } = useTranslation();
  const rate = useFormatRate();
  const decimal = useFormatDecimal();
  const formatDate = useFormatDate();
  const i = (key: string) => t(`partnerships.ind.${key}` as 'partnerships.ind.partners');
  const { before, after } = view.outcome;
  const outcomeRows: [string, (o: NonNullable<typeof before>) => string][] = [
    [i('screeningCoverage'), (o) => rate(o.screeningCoverage)],
    [i('screened'), (o) => `${o.screenedWomen} / ${o.targetWomen}`],
    [i('sessions'), (o) => String(o.counsellingSessions)],
    [i('counselled'), (o) => String(o.counselledPersons)],
    [i('meanIks'), (o) => decimal(o.meanIks)],
    [i('healthyShare'), (o) => rate(o.healthyShare)],
  ];
  const p = view.principles;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Block
          title={t('partnerships.input')}
          testId="monitoring-input"
          rows={[
            [i('partnerships'), view.input.partnerships],
            [i('partners'), view.input.partners],
            [i('money'), formatRupiah(view.input.money)],
            [i('goods'), view.input.goods.items],
            [i('people'), view.input.people.quantity],
            [i('facilities'), view.input.facilities.items],
          ]}
        />
        <Block
          title={t('partnerships.process')}
          testId="monitoring-process"
          rows={[
            [i('meeting'), view.process.meeting],
            [i('workshop'), view.process.workshop],
            [i('agreement'), view.process.agreement],
            [i('seminar'), view.process.seminar],
            [i('communications'), view.process.communications],
          ]}
        />
        <Block
          title={t('partnerships.output')}
          testId="monitoring-output"
          rows={[
            [i('network'), view.output.network],
            [i('activeAgreements'), view.output.activeAgreements],
            [i('jointProgrammes'), view.output.jointProgrammes],
            [i('carriedOut'), view.output.carriedOut],
            [i('principles'), `${p.equity ?? '—'} / ${p.transparency ?? '—'} / ${p.mutualBenefit ?? '—'}`],
          ]}
        />
      </SimpleGrid>
      <Paper withBorder radius="md" p="sm" data-testid="monitoring-outcome">
        <Title order={3} size="h5" mb={4}>
          {t('partnerships.outcome')}
        </Title>
        {before === null ? (
          <Text size="sm" c="dimmed">
            {t('partnerships.outcomeNone')}
          </Text>
        ) : (
          <Stack gap="sm">
            <Text size="xs" c="dimmed">
              {t('partnerships.outcomeIntro', { start: view.outcome.startedOn ? formatDate(view.outcome.startedOn) : '' })} ·{' '}
              {view.outcome.villageCodes.join(', ')}
            </Text>
            <OutcomeChart view={view} />
            <Table.ScrollContainer minWidth={300}>
              <Table verticalSpacing={4} fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th />
                    <Table.Th>{t('partnerships.before')}</Table.Th>
                    <Table.Th>{t('partnerships.after')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {outcomeRows.map(([label, pick]) => (
                    <Table.Tr key={label} data-testid="outcome-row">
                      <Table.Td>{label}</Table.Td>
                      <Table.Td>{pick(before)}</Table.Td>
                      <Table.Td>{after ? pick(after) : '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}

/** Paired bars (before, after) of the three outcome ratios, in plain SVG that fits 360 px. */
function OutcomeChart({ view }: { view: MonitoringView }) {
  const { t } = useTranslation();
  const rate = useFormatRate();
  const bars: [string, 'screeningCoverage' | 'meanIks' | 'healthyShare'][] = [
    [t('partnerships.ind.screeningCoverage'), 'screeningCoverage'],
    [t('partnerships.ind.meanIks'), 'meanIks'],
    [t('partnerships.ind.healthyShare'), 'healthyShare'],
  ];
  const width = 300;
  const height = 140;
  const slot = width / bars.length;
  const bar = 30;
  const h = (v: string | null | undefined) => Math.min(Number(v ?? 0), 1) * (height - 30);
  return (
    <svg
      viewBox={`0 0 ${width} ${height + 30}`}
      width="100%"
      style={{ maxWidth: 480 }}
      role="img"
      aria-label={t('partnerships.outcome')}
      data-testid="outcome-chart"
    >
      <line x1={0} x2={width} y1={height} y2={height} stroke="var(--mantine-color-gray-4)" />
      {bars.map(([label, key], index) => {
        const x = index * slot + (slot - 2 * bar) / 2;
        const values = [view.outcome.before?.[key], view.outcome.after?.[key]];
        return (
          <g key={key}>
            {values.map((v, k) => (
              <g key={String(k)}>
                <rect x={x + k * bar} y={height - h(v)} width={bar - 3} height={h(v)} fill={k === 0 ? BEFORE : AFTER} />
                <text x={x + k * bar + (bar - 3) / 2} y={height - h(v) - 3} fontSize={9} textAnchor="middle">
                  {v == null ? '—' : rate(v)}
                </text>
              </g>
            ))}
            <text x={index * slot + slot / 2} y={height + 14} fontSize={9} textAnchor="middle">
              {label}
            </text>
          </g>
        );
      })}
      <rect x={0} y={height + 20} width={8} height={8} fill={BEFORE} />
      <text x={12} y={height + 28} fontSize={9}>
        {t('partnerships.before')}
      </text>
      <rect x={70} y={height + 20} width={8} height={8} fill={AFTER} />
      <text x={82} y={height + 28} fontSize={9}>
        {t('partnerships.after')}
      </text>
    </svg>
  );
}
