import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { Role } from '../../../../src/core/roles.ts';
import { ApiError } from '../../api/client.ts';
import {
  type Overview,
  overviewQuery,
  type ReportAction,
  type ReportView,
  reportQuery,
  reportsQuery,
  useReportStep,
} from '../../api/usep.ts';
import { useSignedIn } from '../../auth/session.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { formatRupiah } from '../../components/rupiah-input.tsx';
import { useFormatDate } from '../registry/shared.tsx';

/** The actions a role may take on a report in a status (the server decides again). */
function actionsFor(role: Role, status: ReportView['status']): ReportAction[] {
  const group = role === 'admin' || role === 'manager' || role === 'facilitator';
  if (status === 'draft' && group) return ['submit'];
  if (status === 'submitted' && role === 'supervisor') return ['accept', 'return'];
  if (status === 'accepted' && role === 'official') return ['acknowledge'];
  if (status === 'acknowledged' && (role === 'admin' || role === 'manager')) return ['receive'];
  if (status === 'returned' && group) return ['revise'];
  return [];
}

const STATUS_COLOUR: Record<ReportView['status'], string> = {
  draft: 'gray',
  submitted: 'blue',
  returned: 'red',
  accepted: 'teal',
  acknowledged: 'cyan',
  received: 'green',
  superseded: 'gray',
};

export function UsepReportsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const selected = params.get('report');
  const reports = useQuery(reportsQuery);
  const rows = reports.data?.items ?? [];
  return (
    <Stack gap="md">
      <PageHeader title={t('usep.reportsTitle')} />
      {reports.isError && <Alert color="red">{t('common.error')}</Alert>}
      {rows.length === 0 && reports.isSuccess && <Text c="dimmed">{t('usep.empty')}</Text>}
      <Stack gap="xs" data-testid="usep-reports">
        {rows.map((r) => (
          <Card key={r.id} withBorder padding="sm" onClick={() => setParams({ report: r.id })} style={{ cursor: 'pointer' }}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <div>
                <Text fw={600}>{r.groupName}</Text>
                <Text size="sm" c="dimmed">
                  {r.number} · {r.periodStart} – {r.periodEnd} · {t('usep.version')} {r.version}
                </Text>
              </div>
              <Badge color={STATUS_COLOUR[r.status]}>{t(`usep.statuses.${r.status}`)}</Badge>
            </Group>
          </Card>
        ))}
      </Stack>
      {selected && <ReportDetail id={selected} onOpen={(id) => setParams({ report: id })} />}
    </Stack>
  );
}

function ReportDetail({ id, onOpen }: { id: string; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const formatDate = useFormatDate();
  const report = useQuery(reportQuery(id));
  const step = useReportStep();
  const [note, setNote] = useState('');
  const r = report.data;
  if (!r) return null;
  const c = r.compiled;
  const actions = actionsFor(me.role, r.status);
  const act = (action: ReportAction) =>
    step.mutate(
      { id: r.id, action, note },
      {
        onSuccess: (next) => {
          setNote('');
          if (next.id !== r.id) onOpen(next.id);
        },
      },
    );
  return (
    <Card withBorder padding="md" data-testid="usep-report">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={3}>{r.groupName}</Title>
          <Badge color={STATUS_COLOUR[r.status]} data-testid="usep-report-status">
            {t(`usep.statuses.${r.status}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {t('usep.number')}: {r.number} · {t('usep.period')}: {formatDate(r.periodStart)} – {formatDate(r.periodEnd)} · {t('usep.version')}{' '}
          {r.version}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
          <Text size="sm">
            {t('usep.members')}: {c.members.active}
          </Text>
          <Text size="sm">
            {t('usep.revolved')}: {formatRupiah(c.stimulus.revolvedRupiah)} ({t('usep.multiplier')} {c.stimulus.multiplier})
          </Text>
          <Text size="sm">
            {t('usep.families')}: {c.stimulus.families} · {t('usep.rounds')}: {c.stimulus.rounds}
          </Text>
          <Text size="sm">
            {t('usep.arrears')}: {formatRupiah(c.arrears.overdueRupiah)}
          </Text>
          <Text size="sm">
            {t('usep.attendance')}: {c.meetings.attendancePercent}%
          </Text>
        </SimpleGrid>
        <Text size="sm" fw={600}>
          {t('usep.narrative')}
        </Text>
        <Text size="sm">{r.narrative || '-'}</Text>
        <Text size="sm" fw={600}>
          {t('usep.problems')}
        </Text>
        <Text size="sm">{r.problems || '-'}</Text>
        <Text fw={600}>{t('usep.chain')}</Text>
        <Stack gap={4} data-testid="usep-steps">
          {r.steps.map((s) => (
            <Text key={`${s.step}-${s.at}`} size="sm">
              {t(`usep.steps.${s.step}`)}: {s.byName} ({t(`roles.${s.byRole as Role}`)}) · {new Date(s.at).toLocaleString()}
              {s.note ? ` · ${s.note}` : ''}
            </Text>
          ))}
        </Stack>
        <Group gap="sm">
          <Anchor href={`/api/v1/usep/reports/${r.id}/letter.pdf`} target="_blank">
            {t('usep.letterPdf')}
          </Anchor>
          <Anchor href={`/api/v1/usep/reports/${r.id}/letter.xlsx`}>{t('usep.letterXlsx')}</Anchor>
        </Group>
        {actions.length > 0 && (
          <Stack gap="xs">
            <Textarea label={t('usep.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
            {step.error instanceof ApiError && <Alert color="red">{step.error.fieldMessage('note') ?? step.error.detail}</Alert>}
            <Group gap="xs">
              {actions.map((action) => (
                <Button key={action} color={action === 'return' ? 'red' : undefined} loading={step.isPending} onClick={() => act(action)}>
                  {t(`usep.${action}`)}
                </Button>
              ))}
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

export function UsepOverviewPage() {
  const { t } = useTranslation();
  const [regency, setRegency] = useState('34.71');
  const overview = useQuery(overviewQuery(regency));
  const o = overview.data;
  return (
    <Stack gap="md">
      <PageHeader title={t('usep.overviewTitle')} />
      <TextInput label={t('usep.regency')} value={regency} onChange={(e) => setRegency(e.currentTarget.value)} maw={200} />
      {overview.isError && <Alert color="red">{t('common.error')}</Alert>}
      {o && (
        <>
          <Text fw={600}>{o.regency.name}</Text>
          <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs" data-testid="usep-counts">
            {(Object.keys(o.counts) as (keyof Overview['counts'])[]).map((key) => (
              <Card key={key} withBorder padding="xs">
                <Text size="xs" c="dimmed">
                  {t(`usep.counts.${key}`)}
                </Text>
                <Text fw={700}>{o.counts[key]}</Text>
              </Card>
            ))}
          </SimpleGrid>
          <Text size="sm">
            {t('usep.revolved')}: {formatRupiah(o.multiplier.revolvedRupiah)} / {formatRupiah(o.multiplier.stimulusRupiah)} (
            {t('usep.multiplier')} {o.multiplier.multiplier}; {t('usep.families')} {o.multiplier.families}; {t('usep.rounds')}{' '}
            {o.multiplier.rounds})
          </Text>
          <Table.ScrollContainer minWidth={320}>
            <Table striped verticalSpacing="xs" data-testid="usep-overview">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('usep.group')}</Table.Th>
                  <Table.Th>{t('usep.latest')}</Table.Th>
                  <Table.Th>{t('usep.multiplier')}</Table.Th>
                  <Table.Th>{t('usep.arrears')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {o.groups.map((g) => (
                  <Table.Tr key={g.groupId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/usep/groups/${g.groupId}`}>
                        {g.name}
                      </Anchor>{' '}
                      {g.late && <Badge color="red">{t('usep.late')}</Badge>}
                      {g.returnedCount > 0 && (
                        <Text size="xs" c="dimmed">
                          {t('usep.returnedCount')}: {g.returnedCount}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{g.latest ? t(`usep.statuses.${g.latest.status}`) : t('usep.none')}</Table.Td>
                    <Table.Td>{g.multiplier}</Table.Td>
                    <Table.Td>{formatRupiah(g.overdueRupiah)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
