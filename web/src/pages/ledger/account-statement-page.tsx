import { Anchor, Group, Paper, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type AccountStatement, useAccountStatement } from '../../api/ledger.ts';
import { ArchivedMonthsNotice } from '../../components/archived-notice.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ListStates } from '../../components/states.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { todayIso, useFormatDate } from '../registry/shared.tsx';
import { Amount, DateField, entryPath, firstOfYear, OfficeFilter, useAccountChoices, useParamState } from './ledger-shared.tsx';

type Line = AccountStatement['lines'][number];

/** One account's lines in a period with the balance after each, 50 at a time; each opens its entry. */
export function AccountStatementPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const formatDate = useFormatDate();
  const today = todayIso();
  const [account, setAccount] = useParamState('account', '');
  const [from, setFrom] = useParamState('from', firstOfYear(today));
  const [to, setTo] = useParamState('to', today);
  const [office, setOffice] = useParamState('office', '');
  // An inactive account's history is still read here.
  const choices = useAccountChoices(undefined, { includeInactive: true });
  const statement = useAccountStatement(account || null, { from, to, office: office || null });
  const pages = statement.data?.pages ?? [];
  const lines: Line[] = pages.flatMap((page) => page.lines);
  const first = pages[0];
  const last = pages.at(-1);

  return (
    <Stack gap="md">
      <PageHeader title={t('ledger.statementTitle')} />
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
        <Select
          label={t('ledger.account')}
          placeholder={t('ledger.chooseAccount')}
          data={choices.data}
          value={account || null}
          onChange={setAccount}
          searchable
          comboboxProps={{ withinPortal: true }}
        />
        <DateField label={t('ledger.from')} value={from} onChange={setFrom} />
        <DateField label={t('ledger.to')} value={to} onChange={setTo} error={from > to ? t('ledger.toBeforeFrom') : undefined} />
        <OfficeFilter value={office} onChange={setOffice} />
      </SimpleGrid>
      {!account ? (
        <Paper withBorder p="xl" radius="md">
          <Text c="dimmed" ta="center">
            {t('ledger.pickAccountFirst')}
          </Text>
        </Paper>
      ) : (
        <>
          {first && (
            <Group justify="space-between" wrap="wrap">
              <Text size="sm">
                {t('ledger.opening')}: <Amount value={first.opening} bold />
              </Text>
              {last?.closing !== null && last?.closing !== undefined && (
                <Text size="sm">
                  {t('ledger.closing')}: <Amount value={last.closing} bold testId="statement-closing" />
                </Text>
              )}
            </Group>
          )}
          <ArchivedMonthsNotice months={pages[0]?.archivedMonths} />
          <ListStates query={statement} count={lines.length} empty={t('ledger.statementEmpty')}>
            {isPhone ? (
              <Stack gap="xs" data-testid="statement-lines">
                {lines.map((line) => (
                  <Paper key={`${line.entryId}-${line.balance}`} withBorder p="xs" radius="md">
                    <Group justify="space-between" wrap="nowrap" align="flex-start">
                      <Text size="xs" c="dimmed">
                        {formatDate(line.date)}
                      </Text>
                      <Amount value={line.debit !== '0' ? line.debit : `-${line.credit}`} />
                    </Group>
                    <Anchor component={Link} to={entryPath(line.entryId)} size="sm" data-testid="statement-entry">
                      {line.memo}
                    </Anchor>
                    <Group justify="space-between">
                      <Text size="xs" c="dimmed">
                        {t('ledger.balance')}
                      </Text>
                      <Amount value={line.balance} bold />
                    </Group>
                  </Paper>
                ))}
              </Stack>
            ) : (
              <Table.ScrollContainer minWidth={640}>
                <Table striped verticalSpacing={6} data-testid="statement-lines">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={110}>{t('ledger.date')}</Table.Th>
                      <Table.Th>{t('ledger.memo')}</Table.Th>
                      <Table.Th ta="right">{t('ledger.debit')}</Table.Th>
                      <Table.Th ta="right">{t('ledger.credit')}</Table.Th>
                      <Table.Th ta="right">{t('ledger.balance')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {lines.map((line) => (
                      <Table.Tr key={`${line.entryId}-${line.balance}`}>
                        <Table.Td>{formatDate(line.date)}</Table.Td>
                        <Table.Td>
                          <Anchor component={Link} to={entryPath(line.entryId)} size="sm" data-testid="statement-entry">
                            {line.memo}
                          </Anchor>
                        </Table.Td>
                        <Table.Td ta="right">{line.debit !== '0' && <Amount value={line.debit} />}</Table.Td>
                        <Table.Td ta="right">{line.credit !== '0' && <Amount value={line.credit} />}</Table.Td>
                        <Table.Td ta="right">
                          <Amount value={line.balance} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <LoadMore
              hasMore={statement.hasNextPage}
              loading={statement.isFetchingNextPage}
              onLoad={() => void statement.fetchNextPage()}
            />
          </ListStates>
        </>
      )}
    </Stack>
  );
}
