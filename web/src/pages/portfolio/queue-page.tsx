import { Anchor, Badge, Card, Group, List, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { sumRupiah } from '../../../../src/core/money.ts';
import { useFunds } from '../../api/ledger.ts';
import { type QueueView, queueQuery } from '../../api/portfolio.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { formatRupiah } from '../../components/rupiah-input.tsx';
import { ListStates } from '../../components/states.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { IllnessBadge, type IllnessStatus, useIllnessStatus } from '../health/illness-badge.tsx';
import { Amount, useParamState } from '../ledger/ledger-shared.tsx';
import { todayIso, useFormatDate } from '../registry/shared.tsx';
import { Figure } from './portfolio-shared.tsx';

type Waiting = QueueView['waiting'][number];
type Overdue = QueueView['overdue'][number];

const financingLink = (id: string) => `/financings/${encodeURIComponent(id)}`;

/** A fund's revolving queue: who waits and until when, and whose arrears hold them up. */
export function QueuePage() {
  const { t } = useTranslation();
  const funds = useFunds();
  const [fund, setFund] = useParamState('fund', '');
  const only = funds.data?.length === 1 ? funds.data[0]?.code : undefined;
  // A single fund needs no choosing.
  useEffect(() => {
    if (!fund && only) setFund(only);
  }, [fund, only, setFund]);
  const queue = useQuery(queueQuery(fund || null));

  return (
    <Stack gap="md">
      <PageHeader title={t('queue.title')} />
      <Text size="sm" c="dimmed">
        {t('queue.intro')}
      </Text>
      <ListStates query={funds} count={funds.data?.length ?? 0} empty={t('queue.noFunds')}>
        <Select
          label={t('queue.fund')}
          placeholder={t('queue.pickFund')}
          data={(funds.data ?? []).map((f) => ({ value: f.code, label: `${f.code} · ${f.name}` }))}
          value={fund || null}
          onChange={setFund}
          searchable
          maw={{ base: '100%', sm: 420 }}
          comboboxProps={{ withinPortal: true }}
        />
        {!fund ? (
          <Paper withBorder p="xl" radius="md">
            <Text c="dimmed" ta="center" data-testid="empty-state">
              {t('queue.pickFundFirst')}
            </Text>
          </Paper>
        ) : (
          // One queue per fund: loading and failure here, its empty parts below.
          <ListStates query={queue} count={1} empty="">
            {queue.data && <Queue data={queue.data} />}
          </ListStates>
        )}
      </ListStates>
    </Stack>
  );
}

function Queue({ data }: { data: QueueView }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const waitingTotal = sumRupiah(data.waiting.map((w) => w.amount));
  const positions = new Map(data.waiting.map((w) => [w.financingId, w.position]));
  const illness = useIllnessStatus([
    ...data.waiting.map((w) => w.personId),
    ...data.overdue.flatMap((o) => [o.personId, ...o.holdingUp.map((h) => h.personId)]),
  ]);
  return (
    <IllnessContext.Provider value={illness}>
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
          <Figure
            label={t('queue.cash')}
            value={formatRupiah(data.cash)}
            note={t('queue.asOf', { date: formatDate(data.asOf) })}
            testId="queue-cash"
          />
          <Figure label={t('queue.waitingCount')} value={String(data.waiting.length)} testId="queue-count" />
          <Figure label={t('queue.waitingTotal')} value={formatRupiah(waitingTotal)} testId="queue-total" />
        </SimpleGrid>

        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('queue.waitingTitle')}
          </Title>
          {data.waiting.length === 0 ? (
            <Paper withBorder p="lg" radius="md">
              <Text c="dimmed" ta="center" data-testid="waiting-empty">
                {t('queue.waitingEmpty')}
              </Text>
            </Paper>
          ) : (
            <WaitingLine rows={data.waiting} />
          )}
        </Stack>

        <Stack gap="sm" data-testid="overdue-section">
          <Title order={3} size="h4">
            {t('queue.overdueTitle')}
          </Title>
          {data.overdue.length === 0 ? (
            <Paper withBorder p="lg" radius="md">
              <Text c="dimmed" ta="center" data-testid="overdue-empty">
                {t('queue.overdueEmpty')}
              </Text>
            </Paper>
          ) : (
            <>
              <Text size="sm" c="dimmed">
                {t('queue.overdueIntro')}
              </Text>
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
                {data.overdue.map((item) => (
                  <OverdueCard key={item.financingId} item={item} positions={positions} />
                ))}
              </SimpleGrid>
            </>
          )}
        </Stack>
      </Stack>
    </IllnessContext.Provider>
  );
}

// The members' illness (never the diagnosis), fetched once for the whole queue.
const IllnessContext = createContext<Map<string, IllnessStatus>>(new Map());

function Member({ id, name, number, personId }: { id: string; name: string; number: string; personId: string }) {
  const illness = useContext(IllnessContext).get(personId);
  return (
    <Stack gap={0} miw={0}>
      <Anchor component={Link} to={financingLink(id)} size="sm" fw={600}>
        {name}
      </Anchor>
      <Text size="xs" c="dimmed">
        {number}
      </Text>
      {illness ? <IllnessBadge status={illness} /> : null}
    </Stack>
  );
}

function Expected({ on }: { on: string | null }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  if (!on)
    return (
      <Badge color="gray" variant="light" style={{ textTransform: 'none' }} data-testid="expected-on">
        {t('queue.notScheduled')}
      </Badge>
    );
  return (
    <Text size="sm" fw={500} data-testid="expected-on" style={{ whiteSpace: 'nowrap' }}>
      {formatDate(on)}
    </Text>
  );
}

function WaitingLine({ rows }: { rows: Waiting[] }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const formatDate = useFormatDate();
  // The approval is a moment; shown as the local day it happened.
  const approved = (at: string | null) => (at ? formatDate(todayIso(new Date(at))) : '—');
  if (isPhone)
    return (
      <Stack gap="xs" data-testid="queue-waiting">
        {rows.map((row) => (
          <Card key={row.financingId} withBorder radius="md" padding="sm" data-testid="queue-waiting-row">
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
              <Group gap="xs" wrap="nowrap" align="flex-start" miw={0}>
                <Badge circle size="lg" variant="light">
                  {row.position}
                </Badge>
                <Member id={row.financingId} name={row.memberName} number={row.number} personId={row.personId} />
              </Group>
              <Amount value={row.amount} bold />
            </Group>
            <Group justify="space-between" mt="xs" gap="xs">
              <Text size="xs" c="dimmed">
                {t('queue.expectedOn')}
              </Text>
              <Expected on={row.expectedOn} />
            </Group>
            <Group justify="space-between" gap="xs">
              <Text size="xs" c="dimmed">
                {t('queue.cumulativeNeed')}
              </Text>
              <Amount value={row.cumulativeNeed} />
            </Group>
          </Card>
        ))}
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing={6} data-testid="queue-waiting">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>{t('queue.position')}</Table.Th>
            <Table.Th>{t('queue.member')}</Table.Th>
            <Table.Th ta="right">{t('queue.amount')}</Table.Th>
            <Table.Th>{t('queue.approvedAt')}</Table.Th>
            <Table.Th ta="right">{t('queue.cumulativeNeed')}</Table.Th>
            <Table.Th>{t('queue.expectedOn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.financingId} data-testid="queue-waiting-row">
              <Table.Td fw={600}>{row.position}</Table.Td>
              <Table.Td>
                <Member id={row.financingId} name={row.memberName} number={row.number} personId={row.personId} />
              </Table.Td>
              <Table.Td ta="right">
                <Amount value={row.amount} />
              </Table.Td>
              <Table.Td>{approved(row.approvedAt)}</Table.Td>
              <Table.Td ta="right">
                <Amount value={row.cumulativeNeed} />
              </Table.Td>
              <Table.Td>
                <Expected on={row.expectedOn} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One financing in arrears and the waiting members its overdue amount would have financed. */
function OverdueCard({ item, positions }: { item: Overdue; positions: Map<string, number> }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="sm" data-testid="overdue-item" style={{ borderLeft: '4px solid var(--mantine-color-red-6)' }}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Member id={item.financingId} name={item.memberName} number={item.number} personId={item.personId} />
        <Stack gap={0} align="flex-end">
          <Text size="xs" c="dimmed">
            {t('queue.overdueAmount')}
          </Text>
          <Text size="sm" fw={700} c="red.9" style={{ whiteSpace: 'nowrap' }} data-testid="overdue-amount">
            {formatRupiah(item.overdueAmount)}
          </Text>
        </Stack>
      </Group>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" mt="sm">
        {t('queue.holdingUp')}
      </Text>
      {item.holdingUp.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('queue.holdingNobody')}
        </Text>
      ) : (
        <List size="sm" spacing={2} listStyleType="none" data-testid="holding-up">
          {item.holdingUp.map((held) => (
            <List.Item key={held.financingId} data-testid="held-member">
              <Group gap={6} wrap="nowrap">
                <Badge size="sm" variant="light" circle>
                  {positions.get(held.financingId) ?? '·'}
                </Badge>
                <Anchor component={Link} to={financingLink(held.financingId)} size="sm">
                  {held.memberName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {held.number}
                </Text>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}
