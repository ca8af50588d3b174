// A list of financings: cards on a phone, a table elsewhere. The financings page shows every
// fund's; a fund's page shows its own, without the fund column.
import { Anchor, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { FinancingListItem, FinancingStatus } from '../../api/financing.ts';
import { formatRupiah } from '../../components/rupiah-input.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { useFormatDate } from '../registry/shared.tsx';
import { StatusBadge } from './shared.tsx';

export function FinancingsList({ rows, showFund = true }: { rows: FinancingListItem[]; showFund?: boolean }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const formatDate = useFormatDate();
  const link = (f: FinancingListItem) => (
    <Anchor component={Link} to={`/financings/${f.id}`} fw={500} size="sm" ff="monospace">
      {f.number}
    </Anchor>
  );
  if (isPhone)
    return (
      <Stack gap="sm" data-testid="financings-list">
        {rows.map((f) => (
          <Card key={f.id} withBorder radius="md" padding="sm" data-testid="financing-row">
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
              <Stack gap={0} miw={0}>
                <Text fw={600} size="sm" truncate>
                  {f.personName}
                </Text>
                {link(f)}
              </Stack>
              <StatusBadge status={f.status as FinancingStatus} />
            </Group>
            <Group justify="space-between" mt={6} gap="xs">
              <Text size="sm">
                {formatRupiah(f.principal)} · {f.productCode}
              </Text>
              {f.status === 'disbursed' && (
                <Text size="sm" c={f.daysPastDue > 0 ? 'red.9' : 'dimmed'}>
                  {t('financing.outstanding')} {formatRupiah(f.outstanding)}
                </Text>
              )}
            </Group>
            {f.facilitatorName && (
              <Text size="xs" c="dimmed" mt={2} data-testid="financing-row-officer">
                {t('financing.officer.column')}: {f.facilitatorName}
              </Text>
            )}
          </Card>
        ))}
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={showFund ? 1020 : 940}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="financings-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('financing.number')}</Table.Th>
            <Table.Th>{t('financing.member')}</Table.Th>
            <Table.Th>{t('financing.product')}</Table.Th>
            {showFund && <Table.Th>{t('financing.fund')}</Table.Th>}
            <Table.Th ta="right">{t('financing.principal')}</Table.Th>
            <Table.Th ta="right">{t('financing.outstanding')}</Table.Th>
            <Table.Th ta="right">{t('financing.daysPastDue')}</Table.Th>
            <Table.Th>{t('common.status')}</Table.Th>
            <Table.Th>{t('financing.officer.column')}</Table.Th>
            <Table.Th>{t('financing.appliedOn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((f) => (
            <Table.Tr key={f.id} data-testid="financing-row">
              <Table.Td>{link(f)}</Table.Td>
              <Table.Td>{f.personName}</Table.Td>
              <Table.Td>{f.productCode}</Table.Td>
              {showFund && <Table.Td>{f.fundCode}</Table.Td>}
              <Table.Td ta="right">{formatRupiah(f.principal)}</Table.Td>
              <Table.Td ta="right">{f.status === 'disbursed' ? formatRupiah(f.outstanding) : '—'}</Table.Td>
              <Table.Td ta="right" c={f.daysPastDue > 0 ? 'red.9' : undefined}>
                {f.status === 'disbursed' ? f.daysPastDue : '—'}
              </Table.Td>
              <Table.Td>
                <StatusBadge status={f.status as FinancingStatus} />
              </Table.Td>
              <Table.Td data-testid="financing-row-officer">{f.facilitatorName ?? '—'}</Table.Td>
              <Table.Td>{formatDate(f.appliedOn)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
