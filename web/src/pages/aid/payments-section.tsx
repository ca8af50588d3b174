// A cycle's payments: instruction batches per channel (the CSV in the channel's layout), the
// channel's confirmation file uploaded and its reconciliation report, and the retry list.
import { Alert, Anchor, Button, Card, FileInput, Group, Modal, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AidChannel,
  batchesQuery,
  CHANNELS,
  type CycleWithTotals,
  canMakeCycles,
  createBatch,
  instructionFileUrl,
  OUTCOMES,
  type Reconciliation,
  reconciliationQuery,
  reconciliationsQuery,
  reviewQuery,
  uploadConfirmation,
  useInvalidateAid,
  useRetryList,
} from '../../api/aid.ts';
import { useSignedIn } from '../../auth/session.ts';
import { ErrorAlert, FormError, fieldError } from '../../components/error-alert.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { formatRupiah } from '../../components/rupiah-input.tsx';
import { ListStates, QueryStates } from '../../components/states.tsx';
import { useToast } from '../../components/toast.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { useFormatDate } from '../registry/shared.tsx';
import { EntitlementBadge, Figures, useFormatMoment } from './shared.tsx';

export function PaymentsSection({ cycle }: { cycle: CycleWithTotals }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const [dialog, setDialog] = useState<'batch' | 'upload' | null>(null);
  const [reportId, setReportId] = useState<string | null>(null);
  const maker = canMakeCycles(me.role);
  // The channels this cycle pays through (the review's), for the dialogs' first choice.
  const review = useQuery(reviewQuery(cycle.id, 'regency'));
  const channels = review.data?.byChannel.map((c) => c.channel) ?? [];
  const firstChannel: AidChannel = channels[0] ?? 'bank';
  return (
    <Stack gap="sm" data-testid="payments">
      <Group justify="space-between" gap="sm">
        <Title order={3} size="h4">
          {t('aid.payments.title')}
        </Title>
        {maker && cycle.status !== 'open' && (
          <Group gap="xs">
            <Button onClick={() => setDialog('batch')}>{t('aid.payments.createBatch')}</Button>
            <Button variant="light" onClick={() => setDialog('upload')}>
              {t('aid.payments.reconcile')}
            </Button>
          </Group>
        )}
      </Group>
      {cycle.status === 'open' ? (
        <Text size="sm" c="dimmed">
          {t('aid.payments.needsApproval')}
        </Text>
      ) : (
        <>
          <Batches cycleId={cycle.id} canDownload={maker} />
          {reportId && <ReconciliationReport id={reportId} onClose={() => setReportId(null)} />}
          <Reconciliations cycleId={cycle.id} onShow={setReportId} />
        </>
      )}
      <RetryList cycleId={cycle.id} />
      {dialog === 'batch' && <BatchModal cycleId={cycle.id} channel={firstChannel} onClose={() => setDialog(null)} />}
      {dialog === 'upload' && (
        <UploadModal
          cycleId={cycle.id}
          channel={firstChannel}
          onClose={() => setDialog(null)}
          onDone={(report) => {
            setDialog(null);
            setReportId(report.id);
          }}
        />
      )}
    </Stack>
  );
}

function ChannelSelect({ value, onChange, error }: { value: AidChannel; onChange(c: AidChannel): void; error?: string }) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('aid.channel')}
      data={CHANNELS.map((c) => ({ value: c, label: t(`aid.channels.${c}`) }))}
      value={value}
      onChange={(v) => v && onChange(v as AidChannel)}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
      error={error}
    />
  );
}

function Batches({ cycleId, canDownload }: { cycleId: string; canDownload: boolean }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const formatMoment = useFormatMoment();
  const batches = useQuery(batchesQuery(cycleId));
  const rows = batches.data ?? [];
  const download = (id: string, fileName: string) =>
    canDownload ? (
      <Anchor href={instructionFileUrl(id)} download={fileName} size="sm" data-testid="batch-download">
        {t('aid.payments.download')}
      </Anchor>
    ) : null;
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('aid.payments.batches')}</Text>
      <ListStates query={batches} count={rows.length} empty={t('aid.payments.none')}>
        {isPhone ? (
          <Stack gap="xs" data-testid="batches-list">
            {rows.map((b) => (
              <Card key={b.id} withBorder radius="md" padding="sm" data-testid="batch-row">
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text fw={600} size="sm">
                    {t(`aid.channels.${b.channel}`)} #{b.number}
                  </Text>
                  <Text fw={600} size="sm">
                    {formatRupiah(b.total)}
                  </Text>
                </Group>
                <Text size="xs" c="dimmed">
                  {b.instructionCount} {t('aid.payments.instructions').toLowerCase()} · {formatMoment(b.createdAt)}
                </Text>
                {download(b.id, b.fileName)}
              </Card>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped verticalSpacing="xs" data-testid="batches-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('aid.channel')}</Table.Th>
                  <Table.Th>{t('aid.payments.number')}</Table.Th>
                  <Table.Th ta="right">{t('aid.payments.instructions')}</Table.Th>
                  <Table.Th ta="right">{t('aid.payments.total')}</Table.Th>
                  <Table.Th>{t('aid.payments.createdAt')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((b) => (
                  <Table.Tr key={b.id} data-testid="batch-row">
                    <Table.Td>{t(`aid.channels.${b.channel}`)}</Table.Td>
                    <Table.Td>#{b.number}</Table.Td>
                    <Table.Td ta="right">{b.instructionCount}</Table.Td>
                    <Table.Td ta="right">{formatRupiah(b.total)}</Table.Td>
                    <Table.Td>{formatMoment(b.createdAt)}</Table.Td>
                    <Table.Td>{download(b.id, b.fileName)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListStates>
    </Stack>
  );
}

function BatchModal({ cycleId, channel: first, onClose }: { cycleId: string; channel: AidChannel; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateAid();
  const [channel, setChannel] = useState<AidChannel>(first);
  const create = useMutation({
    mutationFn: () => createBatch(cycleId, channel),
    onSuccess: async (batch) => {
      await invalidate();
      toast.success(t('aid.payments.created', { number: batch.number, count: batch.instructionCount, amount: formatRupiah(batch.total) }));
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('aid.payments.createTitle')}>
      <Stack>
        <Text size="sm">{t('aid.payments.createBody')}</Text>
        <ChannelSelect value={channel} onChange={setChannel} error={fieldError(create.error, 'channel')} />
        <FormError error={create.error} fields={['channel']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={create.isPending} onClick={() => create.mutate()}>
            {t('aid.payments.createBatch')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function UploadModal({
  cycleId,
  channel: first,
  onClose,
  onDone,
}: {
  cycleId: string;
  channel: AidChannel;
  onClose(): void;
  onDone(report: Reconciliation): void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const invalidate = useInvalidateAid();
  const [channel, setChannel] = useState<AidChannel>(first);
  const [file, setFile] = useState<File | null>(null);
  const [tried, setTried] = useState(false);
  const upload = useMutation({
    mutationFn: (chosen: File) => uploadConfirmation(cycleId, channel, chosen),
    onSuccess: async (report) => {
      await invalidate();
      queryClient.setQueryData(reconciliationQuery(report.id).queryKey, report);
      onDone(report);
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('aid.payments.reconcileTitle')}>
      <Stack>
        <ChannelSelect value={channel} onChange={setChannel} error={fieldError(upload.error, 'channel')} />
        <FileInput
          label={t('aid.payments.file')}
          description={t('aid.payments.fileHint')}
          placeholder={t('aid.payments.filePick')}
          accept=".csv,text/csv"
          required
          value={file}
          onChange={setFile}
          clearable
          error={(tried && !file ? t('common.required') : undefined) ?? fieldError(upload.error, 'body')}
          data-testid="confirmation-file"
        />
        <FormError error={upload.error} fields={['channel', 'body']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={upload.isPending}
            onClick={() => {
              setTried(true);
              if (file) upload.mutate(file);
            }}
          >
            {t('aid.payments.upload')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ReconciliationReport({ id, onClose }: { id: string; onClose(): void }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const report = useQuery(reconciliationQuery(id));
  return (
    <Alert
      color="gray"
      variant="outline"
      data-testid="reconciliation-report"
      withCloseButton
      onClose={onClose}
      closeButtonLabel={t('common.close')}
    >
      <QueryStates query={report}>
        {(r) => (
          <Stack gap="sm">
            <Text fw={700}>{t('aid.payments.report', { file: r.fileName })}</Text>
            <Text size="sm" c="dimmed">
              {t(`aid.channels.${r.channel}`)} · {t('aid.payments.lines', { count: r.lineCount })}
            </Text>
            <Figures
              items={OUTCOMES.map((outcome) => ({
                label: t(`aid.payments.outcomes.${outcome}`),
                value: r.counts[outcome],
                testId: `count-${outcome}`,
              }))}
            />
            <Group gap="xl">
              <Text size="sm">
                {t('aid.payments.paidTotal')}: <b data-testid="paid-total">{formatRupiah(r.paidTotal)}</b>
              </Text>
              <Text size="sm">
                {t('aid.payments.returnedTotal')}: <b>{formatRupiah(r.returnedTotal)}</b>
              </Text>
            </Group>
            <Text fw={600} size="sm">
              {t('aid.payments.issues')} ({r.issueCount})
            </Text>
            {r.issues.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('aid.payments.noIssues')}
              </Text>
            ) : isPhone ? (
              <Stack gap={4} data-testid="reconciliation-issues">
                {r.issues.map((issue) => (
                  <Text key={issue.lineNo} size="sm">
                    {t('aid.payments.line')} {issue.lineNo} · {t(`aid.payments.outcomes.${issue.outcome}`)}: {issue.detail}
                  </Text>
                ))}
              </Stack>
            ) : (
              <Table.ScrollContainer minWidth={640}>
                <Table verticalSpacing={4} striped data-testid="reconciliation-issues">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('aid.payments.line')}</Table.Th>
                      <Table.Th>{t('common.status')}</Table.Th>
                      <Table.Th>{t('aid.payments.reference')}</Table.Th>
                      <Table.Th>{t('aid.payments.detail')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {r.issues.map((issue) => (
                      <Table.Tr key={issue.lineNo}>
                        <Table.Td>{issue.lineNo}</Table.Td>
                        <Table.Td>{t(`aid.payments.outcomes.${issue.outcome}`)}</Table.Td>
                        <Table.Td ff="monospace">{issue.reference ?? '—'}</Table.Td>
                        <Table.Td>{issue.detail}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        )}
      </QueryStates>
    </Alert>
  );
}

function Reconciliations({ cycleId, onShow }: { cycleId: string; onShow(id: string): void }) {
  const { t } = useTranslation();
  const formatMoment = useFormatMoment();
  const list = useQuery(reconciliationsQuery(cycleId));
  const rows = list.data ?? [];
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('aid.payments.history')}</Text>
      <ListStates query={list} count={rows.length} empty={t('aid.payments.historyEmpty')}>
        <Stack gap={6} data-testid="reconciliations-list">
          {rows.map((r) => (
            <Group key={r.id} justify="space-between" gap="xs" wrap="wrap">
              <Stack gap={0} miw={0}>
                <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                  {r.fileName}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatMoment(r.createdAt)} · {t('aid.payments.outcomes.paid')} {r.counts.paid} · {t('aid.payments.outcomes.failed')}{' '}
                  {r.counts.failed} · {t('aid.payments.issues')} {r.issueCount}
                </Text>
              </Stack>
              <Button size="compact-sm" variant="subtle" onClick={() => onShow(r.id)}>
                {t('aid.payments.show')}
              </Button>
            </Group>
          ))}
        </Stack>
      </ListStates>
    </Stack>
  );
}

function RetryList({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const formatDate = useFormatDate();
  const list = useRetryList(cycleId);
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('aid.payments.retry')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('aid.payments.retryHint')}
      </Text>
      {list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ListStates query={list} count={rows.length} empty={t('aid.payments.retryEmpty')}>
          {isPhone ? (
            <Stack gap="xs" data-testid="retry-list">
              {rows.map((r) => (
                <Card key={r.entitlementId} withBorder radius="md" padding="sm" data-testid="retry-row">
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <Text fw={600} size="sm">
                      {r.recipientName}
                    </Text>
                    <EntitlementBadge status={r.status} />
                  </Group>
                  <Text size="sm">{formatRupiah(r.amount)}</Text>
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {t(`aid.channels.${r.channel}`)} {r.account} · {r.lastReference} · {formatDate(r.lastSettledOn)}
                  </Text>
                </Card>
              ))}
            </Stack>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table striped verticalSpacing="xs" data-testid="retry-list">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('aid.enrolments.recipient')}</Table.Th>
                    <Table.Th>{t('aid.enrolments.account')}</Table.Th>
                    <Table.Th ta="right">{t('aid.cycle.amount')}</Table.Th>
                    <Table.Th>{t('common.status')}</Table.Th>
                    <Table.Th ta="right">{t('aid.payments.attempts')}</Table.Th>
                    <Table.Th>{t('aid.payments.lastReference')}</Table.Th>
                    <Table.Th>{t('aid.payments.lastSettledOn')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.entitlementId} data-testid="retry-row">
                      <Table.Td>
                        {r.recipientName}
                        <Text size="xs" c="dimmed" ff="monospace">
                          {r.villageCode}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {t(`aid.channels.${r.channel}`)} {r.account}
                      </Table.Td>
                      <Table.Td ta="right">{formatRupiah(r.amount)}</Table.Td>
                      <Table.Td>
                        <EntitlementBadge status={r.status} />
                      </Table.Td>
                      <Table.Td ta="right">{r.attempts}</Table.Td>
                      <Table.Td ff="monospace">{r.lastReference}</Table.Td>
                      <Table.Td>
                        {formatDate(r.lastSettledOn)}
                        {r.lastChannelReference && (
                          <Text size="xs" c="dimmed" ff="monospace">
                            {r.lastChannelReference}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
        </ListStates>
      )}
    </Stack>
  );
}
