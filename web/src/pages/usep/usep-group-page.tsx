import { Alert, Anchor, Badge, Button, Card, Group, Paper, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { type GroupView, groupQuery } from '../../api/registry.ts';
import { type ChainView, chainQuery, type Recipient } from '../../api/usep.ts';
import { useSignedIn } from '../../auth/session.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatRupiah } from '../../components/rupiah-input.tsx';
import { ListStates } from '../../components/states.tsx';
import { NotFoundPage } from '../not-found-page.tsx';
import { useFormatDate } from '../registry/shared.tsx';
import { CoachingTab, MergedTab } from './group-development.tsx';
import { AllocateModal, PassOnModal } from './stimulus-modals.tsx';
import { canAllocate, canPassOn, Figure, FinancingStatusBadge } from './usep-shared.tsx';

const TABS = ['chain', 'coaching', 'merged'] as const;
type Tab = (typeof TABS)[number];

/** One USEP KM group: its chain stimulus (allocations, rounds, pot, multiplier), coaching and merged businesses. */
export function UsepGroupPage() {
  const { id = '' } = useParams();
  const group = useQuery(groupQuery(id));
  if (group.isPending) return <PageLoader />;
  if (group.isError) {
    if (group.error instanceof ApiError && (group.error.status === 404 || group.error.status === 422)) return <NotFoundPage />;
    return <ErrorAlert error={group.error} onRetry={() => void group.refetch()} />;
  }
  return <UsepGroup group={group.data} />;
}

function UsepGroup({ group }: { group: GroupView }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'chain';
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Group gap="md">
          <Anchor component={Link} to="/usep/chain" size="sm">
            ← {t('nav.usepChain')}
          </Anchor>
          <Anchor component={Link} to={`/groups/${group.id}`} size="sm">
            {t('usepWeb.groupPage')}
          </Anchor>
        </Group>
        <Title order={1} size="h2" data-testid="usep-group-name">
          {group.name}
        </Title>
      </Stack>
      <Tabs value={tab} onChange={(value) => setParams({ tab: value ?? 'chain' }, { replace: true })} keepMounted={false}>
        <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto' }}>
          {TABS.map((key) => (
            <Tabs.Tab key={key} value={key}>
              {t(`usepWeb.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="chain" pt="md">
          <ChainTab group={group} />
        </Tabs.Panel>
        <Tabs.Panel value="coaching" pt="md">
          <CoachingTab group={group} />
        </Tabs.Panel>
        <Tabs.Panel value="merged" pt="md">
          <MergedTab group={group} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function ChainTab({ group }: { group: GroupView }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const formatDate = useFormatDate();
  const chain = useQuery(chainQuery(group.id));
  const [dialog, setDialog] = useState<'allocate' | 'passOn' | null>(null);
  if (chain.isPending) return <PageLoader />;
  if (chain.isError) return <ErrorAlert error={chain.error} onRetry={() => void chain.refetch()} />;
  const c = chain.data;
  const rounds = [...new Set(c.recipients.map((r) => r.round))].sort((a, b) => a - b);
  return (
    <Stack gap="md">
      <Group gap="xs">
        {canAllocate(me.role) && (
          <Button onClick={() => setDialog('allocate')} disabled={!c.pot} data-testid="open-allocate">
            {t('usepWeb.allocate')}
          </Button>
        )}
        {canPassOn(me.role) && (
          <Button variant="light" onClick={() => setDialog('passOn')} disabled={!c.pot} data-testid="open-pass-on">
            {t('usepWeb.passOn')}
          </Button>
        )}
      </Group>
      {!c.pot && (
        <Alert color="yellow" variant="light">
          {t('usepWeb.noPot')}
        </Alert>
      )}
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm" data-testid="chain-figures">
          <Figure label={t('usepWeb.stimulus')} value={formatRupiah(c.multiplier.stimulusRupiah)} />
          <Figure label={t('usep.revolved')} value={formatRupiah(c.multiplier.revolvedRupiah)} />
          <Figure label={t('usep.multiplier')} value={`${c.multiplier.multiplier}×`} testId="chain-multiplier" />
          <Figure label={t('usep.families')} value={c.multiplier.families} />
          <Figure label={t('usep.rounds')} value={c.multiplier.rounds} />
          <Figure label={t('usepWeb.familiesPerMillion')} value={c.multiplier.familiesPerMillion} />
          {c.pot && <Figure label={t('usepWeb.potCash')} value={formatRupiah(c.pot.cash)} />}
          {c.pot && <Figure label={t('usepWeb.promised')} value={formatRupiah(c.pot.promised)} />}
          {c.pot && <Figure label={t('usepWeb.potFree')} value={formatRupiah(c.pot.free)} testId="chain-free" />}
          <Figure
            label={t('usep.arrears')}
            value={`${formatRupiah(c.arrears.overdueRupiah)} (${t('usepWeb.recipientsInArrears', { count: c.arrears.recipientsInArrears })})`}
          />
        </SimpleGrid>
      </Paper>

      <Title order={3} size="h4">
        {t('usepWeb.allocations')}
      </Title>
      <ListStates query={chain} count={c.allocations.length} empty={t('usepWeb.noAllocations')}>
        <Stack gap="xs" data-testid="allocations">
          {c.allocations.map((a) => (
            <Card key={a.id} withBorder padding="sm">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text size="sm">
                  {formatDate(a.allocatedOn)} · {a.stimulusFundCode}
                  {a.reference ? ` · ${a.reference}` : ''}
                </Text>
                <Text fw={700}>{formatRupiah(a.amount)}</Text>
              </Group>
            </Card>
          ))}
        </Stack>
      </ListStates>

      <Title order={3} size="h4">
        {t('usepWeb.chainTitle')}
      </Title>
      <ListStates query={chain} count={c.recipients.length} empty={t('usepWeb.noRecipients')}>
        <Stack gap="md" data-testid="chain-rounds">
          {rounds.map((round) => (
            <Stack key={round} gap="xs" data-testid={`round-${round}`}>
              <Text fw={700}>
                {t('usepWeb.round', { round })}
                <Text span size="sm" c="dimmed" ml="xs">
                  {round === 1 ? t('usepWeb.roundOneHint') : t('usepWeb.roundLaterHint')}
                </Text>
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                {c.recipients
                  .filter((r) => r.round === round)
                  .map((r) => (
                    <RecipientCard key={r.financingId} recipient={r} chain={c} />
                  ))}
              </SimpleGrid>
            </Stack>
          ))}
        </Stack>
      </ListStates>

      {dialog === 'allocate' && <AllocateModal group={group} onClose={() => setDialog(null)} />}
      {dialog === 'passOn' && <PassOnModal group={group} chain={c} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

function RecipientCard({ recipient: r, chain }: { recipient: Recipient; chain: ChainView }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const allocation = (id: string | null) => chain.allocations.find((a) => a.id === id);
  return (
    <Card withBorder padding="sm" data-testid="recipient">
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Anchor component={Link} to={`/persons/${r.personId}`} fw={600}>
            {r.fullName}
          </Anchor>
          <FinancingStatusBadge status={r.status} />
        </Group>
        <Text size="sm">
          <Anchor component={Link} to={`/financings/${r.financingId}`} size="sm">
            {r.number}
          </Anchor>{' '}
          · <b>{formatRupiah(r.amount)}</b> · {t('usepWeb.decidedOn', { date: formatDate(r.meetingHeldOn) })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('usepWeb.repaid')}: {formatRupiah(r.repaidPrincipal)}
          {r.overdueAmount !== '0' && (
            <Text span c="red.9" fw={600}>
              {' '}
              · {t('usepWeb.overdue', { amount: formatRupiah(r.overdueAmount), days: r.daysPastDue })}
            </Text>
          )}
        </Text>
        <Stack gap={0} data-testid="sources">
          {r.sources.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a recipient's sources keep their order and have no id
            <Text key={i} size="sm">
              <Badge size="xs" variant="light" color={s.kind === 'stimulus' ? 'teal' : s.kind === 'repayment' ? 'blue' : 'gray'} mr={4}>
                {t(`usepWeb.sources.${s.kind}`)}
              </Badge>
              {formatRupiah(s.amount)}{' '}
              {s.kind === 'stimulus' &&
                t('usepWeb.fromAllocation', {
                  fund: allocation(s.allocationId)?.stimulusFundCode ?? '',
                  date: formatDate(allocation(s.allocationId)?.allocatedOn ?? ''),
                })}
              {s.kind === 'repayment' && t('usepWeb.fromRepayment', { name: s.fromName ?? '' })}
            </Text>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}
