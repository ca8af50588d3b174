import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { formatTimeWib } from '../../../../src/core/format.ts';
import type { DrawerReport } from '../../../../src/modules/drawer-report/drawer-report.schema.ts';
import { COUNT_SOURCE, differenceWords, movementPurposeText } from '../../../../src/modules/ledger/cash-drawer.rules.ts';
import { drawerReportQuery } from '../../api/ledger.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { formatRupiah } from '../../components/rupiah-input.tsx';
import { QueryStates } from '../../components/states.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { useFormatDate } from '../registry/shared.tsx';
import { Amount, Figure } from './ledger-shared.tsx';

type Report = DrawerReport;

/** A drawer's day: opening cash, every receipt and payment, the count by denomination, and its end-of-day report. */
export function DrawerDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const report = useQuery(drawerReportQuery(id));
  return (
    <Stack gap="md" maw={1000}>
      <QueryStates query={report}>{(data) => <DrawerDay report={data} />}</QueryStates>
      <Anchor component={Link} to="/finance/cash-drawer" size="sm">
        {t('ledger.backToDrawer')}
      </Anchor>
    </Stack>
  );
}

function DrawerDay({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'id';
  const formatDate = useFormatDate();
  const isPhone = useIsPhone();
  // Office time (WIB) whatever the browser's zone; English writes 09:05, Indonesian 09.05.
  const time = (iso: string) => (locale === 'en' ? formatTimeWib(iso).replace('.', ':') : formatTimeWib(iso));
  const difference = BigInt(report.difference ?? '0');
  const lines = report.movements.filter((m) => m.sourceType !== COUNT_SOURCE);
  return (
    <Stack gap="md">
      <PageHeader title={t('ledger.drawerDetailTitle', { name: report.cashierName, date: formatDate(report.businessDate) })}>
        {report.status === 'closed' ? (
          <Button component="a" href={`/api/v1/cash-drawers/${report.id}/report.pdf`} target="_blank" rel="noopener">
            {t('ledger.downloadReport')}
          </Button>
        ) : null}
      </PageHeader>
      <Group gap="xs" wrap="wrap">
        <Badge color={report.status === 'open' ? 'teal' : 'gray'} variant="light" style={{ textTransform: 'none' }}>
          {report.status === 'open' ? t('ledger.open') : t('ledger.closed')}
        </Badge>
        <Text size="sm">
          {report.office.name} ({report.office.code})
        </Text>
      </Group>
      <Stack gap={2}>
        <Text size="sm">{t('ledger.openedAtBy', { time: time(report.openedAt), name: report.openedByName })}</Text>
        {report.closedAt && (
          <Text size="sm">{t('ledger.closedAtBy', { time: time(report.closedAt), name: report.closedByName ?? '' })}</Text>
        )}
        <Text size="sm">
          {t('ledger.supervisor')}: {report.supervisorName ?? t('ledger.noSupervisor')}
        </Text>
      </Stack>
      {report.status === 'open' && (
        <Alert color="blue" variant="light">
          {t('ledger.reportNeedsClose')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="xs">
        <Figure label={t('ledger.openingFloat')} value={report.openingFloat} testId="detail-opening" />
        <Figure label={t('ledger.receipts', { count: report.receipts.count })} value={report.receipts.total} testId="detail-receipts" />
        <Figure label={t('ledger.payments', { count: report.payments.count })} value={report.payments.total} testId="detail-payments" />
        <Figure label={t('ledger.expected')} value={report.expectedCash} testId="detail-expected" strong />
        {report.countedCash !== null && <Figure label={t('ledger.countedCashLabel')} value={report.countedCash} testId="detail-counted" />}
        {report.difference !== null && (
          <Paper withBorder p="xs" radius="md">
            <Text size="xs" c="dimmed">
              {t('ledger.differenceLabel')}
            </Text>
            <Text size="sm" fw={700} c={difference < 0n ? 'red.9' : undefined} data-testid="detail-difference">
              {differenceWords(difference, formatRupiah, locale)}
            </Text>
          </Paper>
        )}
      </SimpleGrid>
      {report.closingNote && (
        <Text size="sm">
          {t('ledger.closingNoteLabel')}: {report.closingNote}
        </Text>
      )}
      <Text fw={600} component="h2" size="lg">
        {t('ledger.movements')}
      </Text>
      {lines.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('ledger.noMovements')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={isPhone ? 300 : 720}>
          <Table striped verticalSpacing={4} data-testid="detail-movements">
            <Table.Thead>
              <Table.Tr>
                {!isPhone && <Table.Th>{t('ledger.time')}</Table.Th>}
                <Table.Th>{t('ledger.forWhat')}</Table.Th>
                {!isPhone && <Table.Th>{t('ledger.member')}</Table.Th>}
                {!isPhone && <Table.Th>{t('ledger.recordedBy')}</Table.Th>}
                <Table.Th ta="right">{t('ledger.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((m) => (
                <Table.Tr key={`${m.entryId}-${m.direction}`} data-testid="detail-movement">
                  {!isPhone && <Table.Td style={{ whiteSpace: 'nowrap' }}>{time(m.createdAt)}</Table.Td>}
                  <Table.Td>
                    <Text size="sm">{movementPurposeText(m, locale)}</Text>
                    {isPhone && (
                      <Text size="xs" c="dimmed">
                        {[time(m.createdAt), m.memberName, m.recordedByName].filter(Boolean).join(' · ')}
                      </Text>
                    )}
                  </Table.Td>
                  {!isPhone && <Table.Td>{m.memberName ?? '–'}</Table.Td>}
                  {!isPhone && <Table.Td>{m.recordedByName}</Table.Td>}
                  <Table.Td ta="right">
                    <Amount value={m.direction === 'in' ? m.amount : `-${m.amount}`} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {report.status === 'closed' && (
        <>
          <Text fw={600} component="h2" size="lg">
            {t('ledger.denominationsCounted')}
          </Text>
          {report.countedPieces && report.countedPieces.length > 0 ? (
            <Table.ScrollContainer minWidth={280}>
              <Table striped verticalSpacing={4} data-testid="detail-pieces" maw={480}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('ledger.denomination')}</Table.Th>
                    <Table.Th ta="right">{t('ledger.piecesCount')}</Table.Th>
                    <Table.Th ta="right">{t('ledger.subtotal')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.countedPieces.map((p) => (
                    <Table.Tr key={p.value}>
                      <Table.Td>{formatRupiah(String(p.value))}</Table.Td>
                      <Table.Td ta="right">{p.pieces}</Table.Td>
                      <Table.Td ta="right">
                        <Amount value={p.subtotal} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : (
            <Text size="sm" c="dimmed">
              {t('ledger.noPieces')}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
