import { Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  balanceSheetQuery,
  incomeStatementQuery,
  type StatementRowView,
  type StatementSectionView,
  statementFileUrl,
} from '../../api/ledger.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { DownloadIcon } from '../../components/registry-icons.tsx';
import { ListStates } from '../../components/states.tsx';
import { todayIso } from '../registry/shared.tsx';
import { Amount, DateField, firstOfYear, OfficeFilter, useParamState } from './ledger-shared.tsx';

const TABS = ['balance-sheet', 'income-statement'] as const;
type Tab = (typeof TABS)[number];

/** Balance sheet and income statement, each with its PDF and Excel file. */
export function ReportsPage() {
  const { t } = useTranslation();
  const [tabParam, setTab] = useParamState('tab', 'balance-sheet');
  const tab: Tab = (TABS as readonly string[]).includes(tabParam) ? (tabParam as Tab) : 'balance-sheet';
  return (
    <Stack gap="md">
      <PageHeader title={t('ledger.reportsTitle')} />
      <Tabs value={tab} onChange={(value) => setTab(value)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="balance-sheet">{t('ledger.balanceSheet')}</Tabs.Tab>
          <Tabs.Tab value="income-statement">{t('ledger.incomeStatement')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="balance-sheet" pt="md">
          <BalanceSheetTab />
        </Tabs.Panel>
        <Tabs.Panel value="income-statement" pt="md">
          <IncomeStatementTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function Downloads({ kind, query }: { kind: 'balance-sheet' | 'income-statement'; query: Record<string, string | null> }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Button
        component="a"
        href={statementFileUrl(kind, 'pdf', query)}
        target="_blank"
        rel="noopener"
        variant="light"
        size="xs"
        leftSection={<DownloadIcon size={14} />}
      >
        {t('ledger.downloadPdf')}
      </Button>
      <Button
        component="a"
        href={statementFileUrl(kind, 'xlsx', query)}
        download
        variant="light"
        size="xs"
        leftSection={<DownloadIcon size={14} />}
      >
        {t('ledger.downloadXlsx')}
      </Button>
    </Group>
  );
}

function BalanceSheetTab() {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useParamState('asOf', todayIso());
  const [office, setOffice] = useParamState('office', '');
  const query = useQuery(balanceSheetQuery(asOf, office || null));
  const sheet = query.data;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <DateField label={t('ledger.asOf')} value={asOf} onChange={setAsOf} />
        <OfficeFilter value={office} onChange={setOffice} />
      </SimpleGrid>
      <Downloads kind="balance-sheet" query={{ asOf, office: office || null }} />
      <ListStates query={query} count={sheet ? 1 : 0} empty={t('ledger.nothingYet')}>
        {sheet && (
          <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }} data-testid="balance-sheet">
            <Section section={sheet.assets} />
            <Section section={sheet.liabilities} />
            <Section section={sheet.equity} />
            <TotalLine label={t('ledger.liabilitiesAndEquity')} value={sheet.liabilitiesAndEquity} testId="liabilities-and-equity" />
            <Group mt="sm">
              <Badge
                color={sheet.balanced ? 'teal' : 'red'}
                variant="light"
                style={{ textTransform: 'none' }}
                data-testid="balance-sheet-status"
              >
                {sheet.balanced ? t('ledger.sheetBalanced') : t('ledger.sheetUnbalanced')}
              </Badge>
            </Group>
          </Paper>
        )}
      </ListStates>
    </Stack>
  );
}

function IncomeStatementTab() {
  const { t } = useTranslation();
  const today = todayIso();
  const [from, setFrom] = useParamState('from', firstOfYear(today));
  const [to, setTo] = useParamState('to', today);
  const [office, setOffice] = useParamState('office', '');
  const query = useQuery(incomeStatementQuery({ from, to, office: office || null }));
  const statement = query.data;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <DateField label={t('ledger.from')} value={from} onChange={setFrom} />
        <DateField label={t('ledger.to')} value={to} onChange={setTo} error={from > to ? t('ledger.toBeforeFrom') : undefined} />
        <OfficeFilter value={office} onChange={setOffice} />
      </SimpleGrid>
      {from <= to && <Downloads kind="income-statement" query={{ from, to, office: office || null }} />}
      <ListStates query={query} count={statement ? 1 : 0} empty={t('ledger.nothingYet')}>
        {statement && (
          <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }} data-testid="income-statement">
            <Section section={statement.income} />
            <Section section={statement.expenses} />
            <TotalLine label={t('ledger.netProfit')} value={statement.netProfit} testId="net-profit" />
          </Paper>
        )}
      </ListStates>
    </Stack>
  );
}

/** A section: its heading, the headers (with subtotals) and accounts indented beneath, its total. */
function Section({ section }: { section: StatementSectionView }) {
  const { t } = useTranslation();
  return (
    <Table verticalSpacing={4} mb="md" layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th colSpan={2}>
            <Text fw={700} tt="uppercase" size="sm">
              {section.name}
            </Text>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {section.rows.length === 0 && (
          <Table.Tr>
            <Table.Td colSpan={2}>
              <Text size="sm" c="dimmed">
                {t('ledger.nothingYet')}
              </Text>
            </Table.Td>
          </Table.Tr>
        )}
        {section.rows.map((row) => (
          <StatementRow key={row.code ?? row.name} row={row} />
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th>{t('ledger.totalOf', { name: section.name.toLowerCase() })}</Table.Th>
          <Table.Th ta="right" w={140}>
            <Amount value={section.total} bold testId={`total-${section.code}`} />
          </Table.Th>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}

function StatementRow({ row }: { row: StatementRowView }) {
  const header = row.kind === 'header';
  return (
    <Table.Tr data-testid="statement-row">
      <Table.Td style={{ paddingLeft: 8 + (row.level - 1) * 16 }}>
        <Text size="sm" fw={header ? 600 : undefined} fs={row.kind === 'result' ? 'italic' : undefined}>
          {row.code && (
            <Text span c="dimmed" size="xs" mr={6} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {row.code}
            </Text>
          )}
          {row.name}
        </Text>
      </Table.Td>
      <Table.Td ta="right" w={140}>
        <Amount value={row.amount} bold={header} />
      </Table.Td>
    </Table.Tr>
  );
}

function TotalLine({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Group justify="space-between" wrap="nowrap" px={8} py={6} bg="gray.1" style={{ borderRadius: 4 }}>
      <Text fw={700} size="sm">
        {label}
      </Text>
      <Amount value={value} bold testId={testId} />
    </Group>
  );
}
