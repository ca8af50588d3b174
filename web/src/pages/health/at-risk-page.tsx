import { Anchor, Card, Group, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AtRiskView } from '../../../../src/modules/health/finance-link.schema.ts';
import { api } from '../../api/client.ts';
import { useSignedIn } from '../../auth/session.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { formatRupiah } from '../../components/rupiah-input.tsx';
import { ListStates } from '../../components/states.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { Amount, useParamState } from '../ledger/ledger-shared.tsx';
import { Figure } from '../portfolio/portfolio-shared.tsx';
import { useFormatDate } from '../registry/shared.tsx';
import { IllnessBadge } from './illness-badge.tsx';

type Item = AtRiskView['items'][number];

/** Members at risk: ill now or in the last 30 days with an instalment overdue or due within 14 days, most urgent first. */
export function AtRiskPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const formatDate = useFormatDate();
  const [office, setOffice] = useParamState('office', '');
  const query = useQuery({
    queryKey: ['health', 'at-risk', office],
    queryFn: () => api.get<AtRiskView>('/api/v1/health/at-risk', { office: office || undefined }),
    placeholderData: keepPreviousData,
  });
  const data = query.data;
  return (
    <Stack gap="md">
      <PageHeader title={t('healthFinance.atRisk.title')} />
      <Text size="sm" c="dimmed">
        {t('healthFinance.atRisk.intro')}
      </Text>
      {me.offices.length > 1 && (
        <Select
          label={t('healthFinance.atRisk.office')}
          data={[
            { value: '', label: t('healthFinance.atRisk.allOffices') },
            ...me.offices.map((o) => ({ value: o.code, label: `${o.code} · ${o.name}` })),
          ]}
          value={office}
          onChange={(value) => setOffice(value || null)}
          maw={{ base: '100%', sm: 360 }}
          allowDeselect={false}
          data-testid="at-risk-office"
        />
      )}
      {data && (
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <Figure
            label={t('healthFinance.atRisk.members')}
            value={String(data.totals.members)}
            note={t('healthFinance.atRisk.asOf', { date: formatDate(data.asOf) })}
            testId="at-risk-members"
          />
          <Figure
            label={t('healthFinance.atRisk.overdueTotal')}
            value={formatRupiah(data.totals.overdueAmount)}
            testId="at-risk-overdue"
            color="red.8"
          />
          <Figure label={t('healthFinance.atRisk.dueTotal')} value={formatRupiah(data.totals.dueWithin14Days)} testId="at-risk-due" />
        </SimpleGrid>
      )}
      <ListStates query={query} count={data?.items.length ?? 0} empty={t('healthFinance.atRisk.empty')}>
        {data && <AtRiskList items={data.items} />}
      </ListStates>
    </Stack>
  );
}

function Due({ item }: { item: Item }) {
  const formatDate = useFormatDate();
  if (!item.nextDueOn) return <Text size="sm">—</Text>;
  return (
    <Stack gap={0} align="flex-end">
      <Amount value={item.nextDueAmount} />
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {formatDate(item.nextDueOn)}
      </Text>
    </Stack>
  );
}

function MemberCell({ item }: { item: Item }) {
  return (
    <Stack gap={2} miw={0}>
      <Anchor component={Link} to={`/financings/${encodeURIComponent(item.financingId)}`} size="sm" fw={600}>
        {item.name}
      </Anchor>
      <Text size="xs" c="dimmed">
        {item.financingNumber}
      </Text>
      <IllnessBadge status={item} />
    </Stack>
  );
}

function AtRiskList({ items }: { items: Item[] }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const place = (item: Item) => `${item.villageName ?? item.villageCode} · ${item.groupName ?? t('healthFinance.atRisk.noGroup')}`;
  const days = (item: Item) => (item.daysPastDue > 0 ? t('healthFinance.atRisk.daysPastDueValue', { count: item.daysPastDue }) : '—');
  if (isPhone)
    return (
      <Stack gap="xs" data-testid="at-risk-list">
        {items.map((item) => (
          <Card
            key={item.financingId}
            withBorder
            radius="md"
            padding="sm"
            data-testid="at-risk-row"
            style={item.daysPastDue > 0 ? { borderLeft: '4px solid var(--mantine-color-red-6)' } : undefined}
          >
            <MemberCell item={item} />
            <Text size="xs" c="dimmed" mt={4}>
              {place(item)}
            </Text>
            <Group justify="space-between" mt="xs" gap="xs">
              <Text size="xs" c="dimmed">
                {t('healthFinance.atRisk.overdue')} · {days(item)}
              </Text>
              <Amount value={item.overdueAmount} bold />
            </Group>
            <Group justify="space-between" gap="xs">
              <Text size="xs" c="dimmed">
                {t('healthFinance.atRisk.nextDue')}
              </Text>
              <Due item={item} />
            </Group>
          </Card>
        ))}
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing={6} data-testid="at-risk-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('healthFinance.atRisk.member')}</Table.Th>
            <Table.Th>{t('healthFinance.atRisk.village')}</Table.Th>
            <Table.Th>{t('healthFinance.atRisk.group')}</Table.Th>
            <Table.Th ta="right">{t('healthFinance.atRisk.nextDue')}</Table.Th>
            <Table.Th ta="right">{t('healthFinance.atRisk.overdue')}</Table.Th>
            <Table.Th ta="right">{t('healthFinance.atRisk.daysPastDue')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.financingId} data-testid="at-risk-row">
              <Table.Td>
                <MemberCell item={item} />
              </Table.Td>
              <Table.Td>{item.villageName ?? item.villageCode}</Table.Td>
              <Table.Td>{item.groupName ?? t('healthFinance.atRisk.noGroup')}</Table.Td>
              <Table.Td ta="right">
                <Due item={item} />
              </Table.Td>
              <Table.Td ta="right">
                <Amount value={item.overdueAmount} bold={item.daysPastDue > 0} />
              </Table.Td>
              <Table.Td ta="right" c={item.daysPastDue > 0 ? 'red.9' : undefined}>
                {days(item)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
