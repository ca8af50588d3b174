// IKS by village or office: families counted, mean IKS, healthy share and category counts from each
// family's latest IKS in the period, with the monthly trend as stacked bars (plain SVG).
import { Badge, Button, Card, Group, Paper, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  canRecordClinical,
  type IksAggregateView,
  iksAggregateQuery,
  recomputeVillage,
  useInvalidateHealth,
} from '../../api/health-profile.ts';
import { useSignedIn } from '../../auth/session.ts';
import { ErrorAlert, FormError } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { RegionSelect } from '../../components/region-picker.tsx';
import { useToast } from '../../components/toast.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { useFormatDecimal, useFormatMonth } from './health-format.ts';

type Counts = IksAggregateView['total'];
type Trend = IksAggregateView['trend'];
const COLORS = {
  sehat: 'var(--mantine-color-teal-6)',
  praSehat: 'var(--mantine-color-yellow-5)',
  tidakSehat: 'var(--mantine-color-red-6)',
};
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function IksPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const [by, setBy] = useState<'village' | 'office'>('village');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const query = { by, from: MONTH.test(from) ? from : undefined, to: MONTH.test(to) ? to : undefined };
  const data = useQuery(iksAggregateQuery(query));
  return (
    <Stack gap="md">
      <PageHeader title={t('healthProfile.page.title')} />
      <Text size="sm" c="dimmed">
        {t('healthProfile.page.intro')}
      </Text>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <SegmentedControl
          value={by}
          onChange={(v) => setBy(v as 'village' | 'office')}
          data={[
            { value: 'village', label: t('healthProfile.page.byVillage') },
            { value: 'office', label: t('healthProfile.page.byOffice') },
          ]}
        />
        <TextInput
          type="month"
          label={t('healthProfile.page.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          w={170}
        />
        <TextInput type="month" label={t('healthProfile.page.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} w={170} />
      </Group>
      {canRecordClinical(me.role) && <RecomputeForm />}
      {data.isPending ? (
        <PageLoader />
      ) : data.isError ? (
        <ErrorAlert error={data.error} onRetry={() => void data.refetch()} />
      ) : data.data.total.families === 0 ? (
        <Paper withBorder radius="md" p="lg">
          <Text c="dimmed" data-testid="iks-empty">
            {t('healthProfile.page.empty')}
          </Text>
        </Paper>
      ) : (
        <IksTables view={data.data} />
      )}
    </Stack>
  );
}

function RecomputeForm() {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateHealth();
  const [village, setVillage] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: () => recomputeVillage(village ?? ''),
    onSuccess: async (result) => {
      toast.success(t('healthProfile.page.recomputed', { count: result.families }));
      await invalidate('health');
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        run.mutate();
      }}
    >
      <Group gap="sm" align="flex-end" wrap="wrap">
        <div style={{ flex: '1 1 240px', maxWidth: 360 }}>
          <RegionSelect label={t('healthProfile.page.recomputeVillage')} level={4} value={village} onChange={setVillage} />
        </div>
        <Button type="submit" variant="light" loading={run.isPending} disabled={!village}>
          {t('healthProfile.page.recompute')}
        </Button>
      </Group>
      <FormError error={run.error} fields={['village']} />
    </form>
  );
}

function CategoryBadges({ counts }: { counts: Counts }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color="teal" variant="light" title={t('healthProfile.category.sehat')}>
        {counts.sehat}
      </Badge>
      <Badge color="yellow" variant="light" title={t('healthProfile.category.pra_sehat')}>
        {counts.praSehat}
      </Badge>
      <Badge color="red" variant="light" title={t('healthProfile.category.tidak_sehat')}>
        {counts.tidakSehat}
      </Badge>
    </Group>
  );
}

/** Stacked bars per month: sehat, pra-sehat, tidak sehat, each month scaled to its own families. */
function TrendChart({ trend, label }: { trend: Trend; label: string }) {
  const { t } = useTranslation();
  const decimal = useFormatDecimal();
  const formatMonth = useFormatMonth();
  if (trend.length === 0) return null;
  const width = Math.max(trend.length * 28, 120);
  const height = 60;
  return (
    <svg
      viewBox={`0 0 ${width} ${height + 14}`}
      width="100%"
      style={{ maxWidth: width * 2, display: 'block' }}
      role="img"
      aria-label={label}
    >
      {trend.map((m, i) => {
        const x = i * 28 + 4;
        let y = height;
        return (
          <g key={m.month}>
            {(['tidakSehat', 'praSehat', 'sehat'] as const).map((key) => {
              const h = m.families === 0 ? 0 : (m[key] / m.families) * height;
              y -= h;
              return <rect key={key} x={x} y={y} width={20} height={h} fill={COLORS[key]} />;
            })}
            <title>{`${formatMonth(m.month)}: ${m.families} · ${t('healthProfile.page.meanIks')} ${decimal(m.meanIks)}`}</title>
            <text x={x + 10} y={height + 11} fontSize={8} textAnchor="middle" fill="currentColor">
              {formatMonth(m.month).split(' ')[0]}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function IksTables({ view }: { view: IksAggregateView }) {
  const { t } = useTranslation();
  const decimal = useFormatDecimal();
  const isPhone = useIsPhone();
  const rows = [...view.rows, { code: '', name: t('healthProfile.page.total'), ...view.total, trend: view.trend }];
  if (isPhone)
    return (
      <Stack gap="xs" data-testid="iks-rows">
        {rows.map((row) => (
          <Card key={row.code || 'total'} withBorder radius="md" padding="sm">
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600} size="sm">
                  {row.name ?? row.code}
                </Text>
                <Text size="sm">{decimal(row.meanIks)}</Text>
              </Group>
              <Group justify="space-between" wrap="nowrap">
                <Text size="xs" c="dimmed">
                  {t('healthProfile.page.families')}: {row.families} · {t('healthProfile.page.healthyShare')}: {decimal(row.healthyShare)}
                </Text>
                <CategoryBadges counts={row} />
              </Group>
              <TrendChart trend={row.trend} label={t('healthProfile.page.trend')} />
            </Stack>
          </Card>
        ))}
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table verticalSpacing="xs" data-testid="iks-rows">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('healthProfile.page.name')}</Table.Th>
            <Table.Th ta="right">{t('healthProfile.page.families')}</Table.Th>
            <Table.Th ta="right">{t('healthProfile.page.meanIks')}</Table.Th>
            <Table.Th ta="right">{t('healthProfile.page.healthyShare')}</Table.Th>
            <Table.Th>
              {t('healthProfile.category.sehat')} / {t('healthProfile.category.pra_sehat')} / {t('healthProfile.category.tidak_sehat')}
            </Table.Th>
            <Table.Th>{t('healthProfile.page.trend')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.code || 'total'} fw={row.code ? undefined : 700}>
              <Table.Td>
                <Text size="sm" fw={row.code ? 500 : 700}>
                  {row.name ?? row.code}
                </Text>
                {row.code && (
                  <Text size="xs" c="dimmed">
                    {row.code}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{row.families}</Table.Td>
              <Table.Td ta="right">{decimal(row.meanIks)}</Table.Td>
              <Table.Td ta="right">{decimal(row.healthyShare)}</Table.Td>
              <Table.Td>
                <CategoryBadges counts={row} />
              </Table.Td>
              <Table.Td w={220}>
                <TrendChart trend={row.trend} label={t('healthProfile.page.trend')} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
