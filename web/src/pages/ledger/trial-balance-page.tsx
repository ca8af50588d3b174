import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type TrialBalance, trialBalanceQuery } from '../../api/ledger.ts';
import { ArchivedMonthsNotice } from '../../components/archived-notice.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ListStates } from '../../components/states.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { todayIso } from '../registry/shared.tsx';
import { Amount, DateField, firstOfYear, OfficeFilter, useParamState } from './ledger-shared.tsx';

type Row = TrialBalance['accounts'][number];

export function TrialBalancePage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [asOf, setAsOf] = useParamState('asOf', todayIso());
  const [office, setOffice] = useParamState('office', '');
  const query = useQuery(trialBalanceQuery(asOf, office || null));
  const data = query.data;
  const rows = data?.accounts ?? [];
  const statementLink = (code: string) =>
    `/finance/ledger?account=${encodeURIComponent(code)}&from=${firstOfYear(asOf)}&to=${asOf}${office ? `&office=${office}` : ''}`;
  const balanced = data ? data.debit === data.credit : true;

  return (
    <Stack gap="md">
      <PageHeader title={t('ledger.trialTitle')}>
        {data && (
          <Badge
            color={balanced ? 'teal' : 'red'}
            variant="light"
            size="lg"
            data-testid="trial-balance-status"
            style={{ textTransform: 'none' }}
          >
            {balanced ? t('ledger.balanced') : t('ledger.unbalanced')}
          </Badge>
        )}
      </PageHeader>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <DateField label={t('ledger.asOf')} value={asOf} onChange={setAsOf} />
        <OfficeFilter value={office} onChange={setOffice} />
      </SimpleGrid>
      <ArchivedMonthsNotice months={data?.archivedMonths} />
      <ListStates query={query} count={rows.length} empty={t('ledger.trialEmpty')}>
        {isPhone ? (
          <Stack gap="xs" data-testid="trial-balance">
            {rows.map((row) => (
              <Paper key={row.code} withBorder p="xs" radius="md">
                <Anchor component={Link} to={statementLink(row.code)} size="sm" fw={500}>
                  {row.code} · {row.name}
                </Anchor>
                <Group justify="space-between" mt={4}>
                  <Text size="xs" c="dimmed">
                    {row.debit !== '0' ? t('ledger.debit') : t('ledger.credit')}
                  </Text>
                  <Amount value={row.debit !== '0' ? row.debit : row.credit} />
                </Group>
              </Paper>
            ))}
            <Totals data={data} />
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table striped verticalSpacing={6} data-testid="trial-balance">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={90}>{t('ledger.code')}</Table.Th>
                  <Table.Th>{t('ledger.account')}</Table.Th>
                  <Table.Th ta="right">{t('ledger.debit')}</Table.Th>
                  <Table.Th ta="right">{t('ledger.credit')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row: Row) => (
                  <Table.Tr key={row.code} data-testid="trial-balance-row">
                    <Table.Td>{row.code}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={statementLink(row.code)} size="sm">
                        {row.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td ta="right">{row.debit !== '0' && <Amount value={row.debit} />}</Table.Td>
                    <Table.Td ta="right">{row.credit !== '0' && <Amount value={row.credit} />}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th colSpan={2}>{t('ledger.total')}</Table.Th>
                  <Table.Th ta="right">
                    <Amount value={data?.debit ?? '0'} bold testId="trial-debit" />
                  </Table.Th>
                  <Table.Th ta="right">
                    <Amount value={data?.credit ?? '0'} bold testId="trial-credit" />
                  </Table.Th>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListStates>
    </Stack>
  );
}

function Totals({ data }: { data: TrialBalance | undefined }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xs" radius="md" bg="gray.0">
      <Group justify="space-between">
        <Text size="sm" fw={700}>
          {t('ledger.totalDebit')}
        </Text>
        <Amount value={data?.debit ?? '0'} bold testId="trial-debit" />
      </Group>
      <Group justify="space-between">
        <Text size="sm" fw={700}>
          {t('ledger.totalCredit')}
        </Text>
        <Amount value={data?.credit ?? '0'} bold testId="trial-credit" />
      </Group>
    </Paper>
  );
}
