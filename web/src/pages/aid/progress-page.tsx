// Rollout progress of a programme by province, regency and district (priority regions first):
// eligible, enrolled, entitled, paid, failed and percent paid, as a table and a bar chart, with
// the same table as PDF and Excel. A region's name opens the level below it.
import { Anchor, Badge, Box, Breadcrumbs, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  cyclesQuery,
  type ProgressLevel,
  type ProgressQuery,
  type ProgressRow,
  programmesQuery,
  progressFileUrl,
  useProgress,
} from '../../api/aid.ts';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { useUrlSearchParams } from '../../components/use-url-search-params.ts';
import { useProgrammeName } from './shared.tsx';

const BELOW: Record<ProgressLevel, ProgressLevel | null> = { province: 'regency', regency: 'district', district: null };
const LEVELS: ProgressLevel[] = ['province', 'regency', 'district'];
const COUNTS = ['eligible', 'enrolled', 'entitled', 'paid', 'failed'] as const;

export function ProgressPage() {
  const { t, i18n } = useTranslation();
  const nameOf = useProgrammeName();
  const [params, setParams] = useUrlSearchParams();
  const programmes = useQuery(programmesQuery);
  const list = programmes.data ?? [];
  const programmeId = params.get('programme') ?? list.find((p) => p.fundCode && p.active)?.code ?? list.find((p) => p.active)?.code ?? null;
  const levelParam = params.get('level');
  const level: ProgressLevel = LEVELS.includes(levelParam as ProgressLevel) ? (levelParam as ProgressLevel) : 'province';
  const parent = params.get('parent');
  const cycle = params.get('cycle');
  const query: ProgressQuery = { level, parent, cycle };
  const cycles = useQuery({ ...cyclesQuery(programmeId ?? ''), enabled: Boolean(programmeId) });
  const progress = useProgress(programmeId, query);
  const percent = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 });
  const percentText = (value: number | string | undefined) => (value === undefined ? '—' : `${percent.format(Number(value))}%`);
  const count = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID');

  const set = (changes: Record<string, string | null>) =>
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        for (const [key, value] of Object.entries(changes)) value ? next.set(key, value) : next.delete(key);
        return next;
      },
      { replace: true },
    );
  const drill = (row: ProgressRow) => {
    const below = BELOW[level];
    if (below) set({ level: below, parent: row.regionCode });
  };
  // The path back up: a regency's parent is the first two parts of its code, a district's the first three... kept as codes.
  const trail = parent ? parent.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.')) : [];

  if (programmes.isPending) return <PageLoader />;
  if (programmes.isError) return <ErrorAlert error={programmes.error} onRetry={() => void programmes.refetch()} />;
  const unavailable = progress.error instanceof ApiError && (progress.error.status === 404 || progress.error.status === 405);
  const rows = progress.data?.rows ?? [];
  const totals = progress.data?.totals;

  return (
    <Stack gap="md">
      <PageHeader title={t('aid.progress.title')}>
        {programmeId && !unavailable && (
          <Group gap="xs">
            <Button component="a" variant="default" href={progressFileUrl(programmeId, 'pdf', query)} data-testid="progress-pdf">
              {t('aid.progress.pdf')}
            </Button>
            <Button component="a" variant="default" href={progressFileUrl(programmeId, 'xlsx', query)} data-testid="progress-xlsx">
              {t('aid.progress.xlsx')}
            </Button>
          </Group>
        )}
      </PageHeader>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Select
          label={t('aid.progress.programme')}
          data={list.map((p) => ({ value: p.code, label: nameOf(p) }))}
          value={programmeId}
          onChange={(v) => set({ programme: v, cycle: null, parent: null, level: null })}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('aid.progress.cycle')}
          placeholder={t('aid.progress.anyCycle')}
          data={(cycles.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={cycle}
          onChange={(v) => set({ cycle: v })}
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('aid.progress.level')}
          data={LEVELS.map((l) => ({ value: l, label: t(`aid.cycle.levels.${l}`) }))}
          value={level}
          onChange={(v) => set({ level: v, parent: null })}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
      </SimpleGrid>
      {parent && (
        <Breadcrumbs separator="›">
          <Anchor component="button" type="button" size="sm" onClick={() => set({ level: 'province', parent: null })}>
            {t('aid.progress.top')}
          </Anchor>
          {trail.map((code, i) => (
            <Anchor
              key={code}
              component="button"
              type="button"
              size="sm"
              ff="monospace"
              onClick={() => set({ level: LEVELS[i + 1] ?? 'district', parent: code })}
            >
              {code}
            </Anchor>
          ))}
        </Breadcrumbs>
      )}
      {unavailable ? (
        <Paper withBorder p="xl" radius="md">
          <Text c="dimmed" ta="center" data-testid="progress-unavailable">
            {t('aid.progress.unavailable')}
          </Text>
        </Paper>
      ) : progress.isError ? (
        <ErrorAlert error={progress.error} onRetry={() => void progress.refetch()} />
      ) : progress.isPending ? (
        <PageLoader />
      ) : rows.length === 0 ? (
        <Paper withBorder p="xl" radius="md">
          <Text c="dimmed" ta="center" data-testid="empty-state">
            {t('aid.progress.empty')}
          </Text>
        </Paper>
      ) : (
        <>
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover verticalSpacing="xs" data-testid="progress-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('aid.progress.region')}</Table.Th>
                  {COUNTS.map((key) => (
                    <Table.Th key={key} ta="right">
                      {t(`aid.progress.${key}`)}
                    </Table.Th>
                  ))}
                  <Table.Th ta="right">{t('aid.progress.percentPaid')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.regionCode} data-testid="progress-row">
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        {BELOW[level] ? (
                          <Anchor component="button" type="button" size="sm" fw={500} onClick={() => drill(row)}>
                            {row.regionName}
                          </Anchor>
                        ) : (
                          <Text size="sm">{row.regionName}</Text>
                        )}
                        {row.priority && (
                          <Badge size="xs" color="orange" variant="light" style={{ textTransform: 'none' }}>
                            {t('aid.progress.priority')}
                          </Badge>
                        )}
                      </Group>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {row.regionCode}
                      </Text>
                    </Table.Td>
                    {COUNTS.map((key) => (
                      <Table.Td key={key} ta="right">
                        {count.format(row[key])}
                      </Table.Td>
                    ))}
                    <Table.Td ta="right" fw={600}>
                      {percentText(row.percentPaid)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              {totals && (
                <Table.Tfoot>
                  <Table.Tr>
                    <Table.Th>{t('aid.progress.total')}</Table.Th>
                    {COUNTS.map((key) => (
                      <Table.Th key={key} ta="right">
                        {totals[key] === undefined ? '—' : count.format(totals[key] as number)}
                      </Table.Th>
                    ))}
                    <Table.Th ta="right">{percentText(totals.percentPaid)}</Table.Th>
                  </Table.Tr>
                </Table.Tfoot>
              )}
            </Table>
          </Table.ScrollContainer>
          <Title order={3} size="h4">
            {t('aid.progress.chart')}
          </Title>
          <Stack gap={6} data-testid="progress-chart">
            {rows.map((row) => {
              const value = Math.max(0, Math.min(100, Number(row.percentPaid) || 0));
              return (
                <Box key={row.regionCode}>
                  <Group justify="space-between" gap="xs" wrap="nowrap">
                    <Text size="sm" truncate>
                      {row.regionName}
                    </Text>
                    <Text size="sm" fw={600}>
                      {percentText(row.percentPaid)}
                    </Text>
                  </Group>
                  <Box
                    role="img"
                    aria-label={`${row.regionName}: ${percentText(row.percentPaid)}`}
                    h={14}
                    bg="gray.2"
                    style={{ borderRadius: 4, overflow: 'hidden' }}
                  >
                    <Box h="100%" w={`${value}%`} bg={row.priority ? 'orange.9' : 'teal.9'} />
                  </Box>
                </Box>
              );
            })}
          </Stack>
        </>
      )}
    </Stack>
  );
}
