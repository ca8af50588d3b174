// One payment cycle: compute, review (totals by region and channel), approval by a second person
// (the maker is refused, plainly), entitlements (approve all or one, exclude with a reason), and
// payments: instruction batches per channel with their CSV, confirmation upload and its report,
// and the retry list.
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import {
  approveCycle,
  approveEntitlements,
  type CycleWithTotals,
  canCheckCycles,
  canMakeCycles,
  computeCycle,
  cycleQuery,
  ENTITLEMENT_STATUS_LIST,
  type Entitlement,
  excludeEntitlement,
  type ReviewLevel,
  reviewQuery,
  useEntitlements,
  useInvalidateAid,
} from '../../api/aid.ts';
import { ApiError } from '../../api/client.ts';
import { useSignedIn } from '../../auth/session.ts';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { ErrorAlert, FormError, fieldError, useErrorText } from '../../components/error-alert.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatRupiah } from '../../components/rupiah-input.tsx';
import { ListStates } from '../../components/states.tsx';
import { useToast } from '../../components/toast.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { NotFoundPage } from '../not-found-page.tsx';
import { Detail, useFormatDate } from '../registry/shared.tsx';
import { PaymentsSection } from './payments-section.tsx';
import { CycleStatusBadge, EntitlementBadge, Figures } from './shared.tsx';

export function CyclePage() {
  const { id = '' } = useParams();
  const cycle = useQuery({
    ...cycleQuery(id),
    // A compute that has not finished (here or from the CLI): look again until it has.
    refetchInterval: (query) => (query.state.data?.computeState === 'computing' ? 3000 : false),
  });
  if (cycle.isPending) return <PageLoader />;
  if (cycle.isError) {
    if (cycle.error instanceof ApiError && (cycle.error.status === 404 || cycle.error.status === 422)) return <NotFoundPage />;
    return <ErrorAlert error={cycle.error} onRetry={() => void cycle.refetch()} />;
  }
  return <CycleDetail cycle={cycle.data} />;
}

function CycleDetail({ cycle }: { cycle: CycleWithTotals }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const formatDate = useFormatDate();
  const toast = useToast();
  const invalidate = useInvalidateAid();
  const [approving, setApproving] = useState(false);
  const compute = useMutation({
    mutationFn: () => computeCycle(cycle.id),
    onSuccess: async (result) => {
      await invalidate();
      toast.success(t('aid.cycle.computed', { inserted: result.inserted, total: result.total }));
    },
  });
  const open = cycle.status === 'open';
  // The cycle names its maker by username (actorName).
  const maker = me.username === cycle.createdBy;

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Anchor component={Link} to={`/aid/programmes/${cycle.programmeCode}?tab=cycles`} size="sm">
          ← {t('aid.cycle.back', { programme: cycle.programmeCode.toUpperCase() })}
        </Anchor>
        <Group justify="space-between" align="flex-start" gap="sm">
          <Group gap="sm" miw={0}>
            <Title order={1} size="h2" data-testid="cycle-title">
              {cycle.name}
            </Title>
            <CycleStatusBadge status={cycle.status} />
          </Group>
          <Group gap="xs">
            {open && canMakeCycles(me.role) && (
              <Button
                variant={cycle.computeState === 'computed' ? 'default' : 'filled'}
                loading={compute.isPending}
                onClick={() => compute.mutate()}
              >
                {cycle.computeState === 'idle' ? t('aid.cycle.compute') : t('aid.cycle.recompute')}
              </Button>
            )}
            {open && canCheckCycles(me.role) && (
              <Button color="teal" onClick={() => setApproving(true)} disabled={cycle.computeState !== 'computed'}>
                {t('aid.cycle.approve')}
              </Button>
            )}
          </Group>
        </Group>
      </Stack>
      {compute.error ? <ErrorAlert error={compute.error} /> : null}
      {(compute.isPending || cycle.computeState === 'computing') && (
        <Alert color="blue" variant="light" data-testid="compute-progress">
          <Group gap="sm" wrap="nowrap">
            <Loader size="sm" />
            <Text size="sm">{t('aid.cycle.computing')}</Text>
          </Group>
        </Alert>
      )}
      <Paper withBorder radius="md" p="md">
        <Group gap="xl" wrap="wrap">
          <Detail label={t('aid.cycles.period')}>
            {formatDate(cycle.periodStart)} – {formatDate(cycle.periodEnd)}
          </Detail>
          <Detail label={t('aid.cycles.computedAt')} testId="compute-state">
            {t(`aid.cycles.computeStates.${cycle.computeState}`)}
          </Detail>
          <Detail label={t('aid.cycles.maker')}>{cycle.createdByName}</Detail>
          <Detail label={t('aid.cycles.checker')}>{cycle.approvedByName ?? '—'}</Detail>
        </Group>
      </Paper>
      <Figures
        testId="cycle-totals"
        items={[
          { label: t('aid.cycle.recipients'), value: cycle.totals.count, testId: 'cycle-count' },
          { label: t('aid.cycle.owed'), value: formatRupiah(cycle.totals.amount), testId: 'cycle-amount' },
          {
            label: t('aid.cycle.statuses.paid'),
            value: `${cycle.totals.byStatus.paid.count} · ${formatRupiah(cycle.totals.byStatus.paid.amount)}`,
          },
          {
            label: t('aid.cycle.statuses.failed'),
            value: cycle.totals.byStatus.failed.count + cycle.totals.byStatus.returned.count,
          },
        ]}
      />
      <ReviewSection cycle={cycle} />
      <EntitlementsSection cycle={cycle} />
      <PaymentsSection cycle={cycle} />
      {approving && <ApproveCycleModal cycle={cycle} maker={maker} onClose={() => setApproving(false)} />}
    </Stack>
  );
}

/** Approving a cycle: refused to its maker (403 aid.maker_checker), said plainly in the dialog. */
function ApproveCycleModal({ cycle, maker, onClose }: { cycle: CycleWithTotals; maker: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const errorText = useErrorText();
  const invalidate = useInvalidateAid();
  const approve = useMutation({
    mutationFn: () => approveCycle(cycle.id),
    onSuccess: async () => {
      await invalidate();
      toast.success(t('aid.cycle.approved'));
      onClose();
    },
  });
  const refused = approve.error instanceof ApiError && approve.error.code === 'aid.maker_checker';
  return (
    <Modal opened onClose={onClose} title={t('aid.cycle.approveTitle', { name: cycle.name })}>
      <Stack>
        <Text size="sm">{t('aid.cycle.approveBody')}</Text>
        {maker && !refused && (
          <Text size="sm" fw={600} data-testid="maker-note">
            {t('aid.cycle.youAreMaker')}
          </Text>
        )}
        <Text size="sm" fw={600}>
          {cycle.totals.count} · {formatRupiah(cycle.totals.amount)}
        </Text>
        {refused ? (
          <Alert color="red" variant="light" title={t('aid.cycle.refusedTitle')} data-testid="refusal" role="alert">
            {errorText(approve.error)}
          </Alert>
        ) : approve.error ? (
          <ErrorAlert error={approve.error} />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {refused ? t('common.close') : t('common.cancel')}
          </Button>
          {!refused && (
            <Button color="teal" loading={approve.isPending} onClick={() => approve.mutate()}>
              {t('aid.cycle.approve')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

function ReviewSection({ cycle }: { cycle: CycleWithTotals }) {
  const { t } = useTranslation();
  const [level, setLevel] = useState<ReviewLevel>('regency');
  const review = useQuery(reviewQuery(cycle.id, level));
  const data = review.data;
  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="sm">
        <Title order={3} size="h4">
          {t('aid.cycle.review')}
        </Title>
        <SegmentedControl
          aria-label={t('aid.cycle.level')}
          value={level}
          onChange={(v) => setLevel(v as ReviewLevel)}
          data={(['province', 'regency', 'district'] as const).map((l) => ({ value: l, label: t(`aid.cycle.levels.${l}`) }))}
          size="xs"
        />
      </Group>
      <ListStates query={review} count={data ? data.byRegion.length + data.byChannel.length : 0} empty={t('aid.cycle.entitlementsEmpty')}>
        {data && (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Table verticalSpacing={4} striped data-testid="review-regions">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('aid.cycle.region')}</Table.Th>
                  <Table.Th ta="right">{t('aid.cycle.count')}</Table.Th>
                  <Table.Th ta="right">{t('aid.cycle.amount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.byRegion.map((r) => (
                  <Table.Tr key={r.code}>
                    <Table.Td>
                      {r.name}{' '}
                      <Text span size="xs" c="dimmed" ff="monospace">
                        {r.code}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{r.count}</Table.Td>
                    <Table.Td ta="right">{formatRupiah(r.amount)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th>{t('aid.progress.total')}</Table.Th>
                  <Table.Th ta="right">{data.count}</Table.Th>
                  <Table.Th ta="right">{formatRupiah(data.amount)}</Table.Th>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
            <Table verticalSpacing={4} striped data-testid="review-channels">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('aid.cycle.byChannel')}</Table.Th>
                  <Table.Th ta="right">{t('aid.cycle.count')}</Table.Th>
                  <Table.Th ta="right">{t('aid.cycle.amount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.byChannel.map((c) => (
                  <Table.Tr key={c.channel}>
                    <Table.Td>{t(`aid.channels.${c.channel}`)}</Table.Td>
                    <Table.Td ta="right">{c.count}</Table.Td>
                    <Table.Td ta="right">{formatRupiah(c.amount)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </SimpleGrid>
        )}
      </ListStates>
    </Stack>
  );
}

function EntitlementsSection({ cycle }: { cycle: CycleWithTotals }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const isPhone = useIsPhone();
  const formatDate = useFormatDate();
  const toast = useToast();
  const invalidate = useInvalidateAid();
  const [status, setStatus] = useState<string | null>(null);
  const entitlements = useEntitlements(cycle.id, status);
  const rows = entitlements.data?.pages.flatMap((page) => page.items) ?? [];
  const [approveAll, setApproveAll] = useState(false);
  const [excluding, setExcluding] = useState<Entitlement | null>(null);
  const checker = canCheckCycles(me.role);
  const maker = canMakeCycles(me.role);
  const all = useMutation({
    mutationFn: () => approveEntitlements(cycle.id, { all: true }),
    onSuccess: async (result) => {
      await invalidate();
      setApproveAll(false);
      toast.success(t('aid.cycle.approveAllDone', { count: result.approved, amount: formatRupiah(result.amount) }));
    },
  });
  const one = useMutation({
    mutationFn: (id: string) => approveEntitlements(cycle.id, { ids: [id] }),
    onSuccess: async () => {
      await invalidate();
      toast.success(t('aid.cycle.approvedOne'));
    },
    onError: (error) => toast.failure(error instanceof ApiError ? error.detail : t('common.error')),
  });
  const computed = cycle.totals.byStatus.computed.count;
  const actions = (e: Entitlement) => (
    <Group gap={4} wrap="wrap">
      {checker && cycle.status === 'approved' && e.status === 'computed' && (
        <Button
          size="compact-sm"
          variant="light"
          color="teal"
          loading={one.isPending && one.variables === e.id}
          onClick={() => one.mutate(e.id)}
        >
          {t('aid.cycle.approveOne')}
        </Button>
      )}
      {maker && cycle.status !== 'closed' && (e.status === 'computed' || e.status === 'approved') && (
        <Button size="compact-sm" variant="light" color="red" onClick={() => setExcluding(e)}>
          {t('aid.cycle.exclude')}
        </Button>
      )}
    </Group>
  );
  const components = (e: Entitlement) =>
    e.components
      .filter((c) => c.amount !== '0')
      .map((c) => `${c.category} ${formatRupiah(c.amount)}`)
      .join(' · ');

  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="sm">
        <Title order={3} size="h4">
          {t('aid.cycle.entitlements')}
        </Title>
        {checker && cycle.status === 'approved' && computed > 0 && (
          <Button color="teal" onClick={() => setApproveAll(true)}>
            {t('aid.cycle.approveAll')} ({computed})
          </Button>
        )}
      </Group>
      {cycle.status === 'open' && computed > 0 && (
        <Text size="sm" c="dimmed">
          {t('aid.cycle.notApprovedYet')}
        </Text>
      )}
      <Select
        label={t('common.status')}
        placeholder={t('aid.enrolments.allStatuses')}
        data={ENTITLEMENT_STATUS_LIST.map((s) => ({ value: s, label: t(`aid.cycle.statuses.${s}`) }))}
        value={status}
        onChange={setStatus}
        clearable
        maw={320}
        comboboxProps={{ withinPortal: true }}
      />
      <ListStates
        query={entitlements}
        count={rows.length}
        empty={status ? t('aid.cycle.entitlementsNoMatch') : t('aid.cycle.entitlementsEmpty')}
      >
        {isPhone ? (
          <Stack gap="sm" data-testid="entitlements-list">
            {rows.map((e) => (
              <Card key={e.id} withBorder radius="md" padding="sm" data-testid="entitlement-row">
                <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                  <Stack gap={0} miw={0}>
                    <Anchor component={Link} to={`/households/${e.householdId}`} size="sm" fw={600}>
                      {e.recipientName}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {e.villageCode} · {t(`aid.channels.${e.channel}`)} {e.account}
                    </Text>
                  </Stack>
                  <EntitlementBadge status={e.status} />
                </Group>
                <Text fw={600} size="sm" mt={4}>
                  {formatRupiah(e.amount)}
                </Text>
                <Text size="xs" c="dimmed">
                  {components(e)}
                </Text>
                {e.exclusionReason && (
                  <Text size="xs" c="dimmed">
                    {t('aid.cycle.exclusionReason')}: {e.exclusionReason}
                  </Text>
                )}
                <Group mt={6}>{actions(e)}</Group>
              </Card>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={960}>
            <Table striped highlightOnHover verticalSpacing="xs" data-testid="entitlements-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('aid.enrolments.recipient')}</Table.Th>
                  <Table.Th>{t('aid.enrolments.village')}</Table.Th>
                  <Table.Th>{t('aid.enrolments.account')}</Table.Th>
                  <Table.Th ta="right">{t('aid.cycle.amount')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                  <Table.Th>{t('aid.cycle.paidOn')}</Table.Th>
                  <Table.Th>{t('aid.cycle.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((e) => (
                  <Table.Tr key={e.id} data-testid="entitlement-row">
                    <Table.Td>
                      <Anchor component={Link} to={`/households/${e.householdId}`} size="sm" fw={500}>
                        {e.recipientName}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {components(e)}
                      </Text>
                    </Table.Td>
                    <Table.Td ff="monospace">{e.villageCode}</Table.Td>
                    <Table.Td>
                      {t(`aid.channels.${e.channel}`)} {e.account}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatRupiah(e.amount)}
                    </Table.Td>
                    <Table.Td>
                      <EntitlementBadge status={e.status} />
                      {e.exclusionReason && (
                        <Text size="xs" c="dimmed">
                          {e.exclusionReason}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{e.paidOn ? formatDate(e.paidOn) : '—'}</Table.Td>
                    <Table.Td>{actions(e)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMore
          hasMore={entitlements.hasNextPage}
          loading={entitlements.isFetchingNextPage}
          onLoad={() => void entitlements.fetchNextPage()}
        />
      </ListStates>
      <ConfirmModal
        opened={approveAll}
        title={t('aid.cycle.approveAllTitle')}
        body={`${t('aid.cycle.approveAllBody')} (${computed} · ${formatRupiah(cycle.totals.byStatus.computed.amount)})`}
        confirmLabel={t('aid.cycle.approveAll')}
        loading={all.isPending}
        error={all.error}
        onConfirm={() => all.mutate()}
        onClose={() => setApproveAll(false)}
      />
      {excluding && <ExcludeModal entitlement={excluding} onClose={() => setExcluding(null)} />}
    </Stack>
  );
}

function ExcludeModal({ entitlement, onClose }: { entitlement: Entitlement; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateAid();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const exclude = useMutation({
    mutationFn: () => excludeEntitlement(entitlement.id, reason.trim()),
    onSuccess: async () => {
      await invalidate();
      toast.success(t('aid.cycle.excluded'));
      onClose();
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('aid.cycle.excludeTitle', { name: entitlement.recipientName, amount: formatRupiah(entitlement.amount) })}
    >
      <Stack>
        <Textarea
          label={t('aid.cycle.exclusionReason')}
          required
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={(tried && !reason.trim() ? t('common.required') : undefined) ?? fieldError(exclude.error, 'reason')}
        />
        <FormError error={exclude.error} fields={['reason']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={exclude.isPending}
            onClick={() => {
              setTried(true);
              if (reason.trim()) exclude.mutate();
            }}
          >
            {t('aid.cycle.exclude')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
