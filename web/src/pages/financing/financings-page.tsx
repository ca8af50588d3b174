import { Anchor, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { FINANCING_STATUSES, type FinancingListItem, type FinancingStatus, useFinancings } from '../../api/financing.ts';
import { useSignedIn } from '../../auth/session.ts';
import { PlusIcon } from '../../components/icons.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatRupiah } from '../../components/rupiah-input.tsx';
import { ListStates } from '../../components/states.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { useFormatDate } from '../registry/shared.tsx';
import { canApply, StatusBadge } from './shared.tsx';

export function FinancingsPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const isPhone = useIsPhone();
  const formatDate = useFormatDate();
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const setStatus = (value: string | null) =>
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        if (value) next.set('status', value);
        else next.delete('status');
        return next;
      },
      { replace: true },
    );
  const financings = useFinancings({ status: status ?? undefined });
  const rows = financings.data?.pages.flatMap((page) => page.items) ?? [];
  const link = (f: FinancingListItem) => (
    <Anchor component={Link} to={`/financings/${f.id}`} fw={500} size="sm" ff="monospace">
      {f.number}
    </Anchor>
  );

  return (
    <Stack gap="md">
      <PageHeader title={t('financing.title')}>
        {canApply(me.role) && (
          <Button component={Link} to="/financings/new" leftSection={<PlusIcon size={16} />}>
            {t('financing.newApplication')}
          </Button>
        )}
      </PageHeader>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('common.status')}
          placeholder={t('financing.allStatuses')}
          data={FINANCING_STATUSES.map((s) => ({ value: s, label: t(`financing.statuses.${s}`) }))}
          value={status}
          onChange={setStatus}
          clearable
          comboboxProps={{ withinPortal: true }}
          data-testid="financing-status-filter"
        />
      </SimpleGrid>
      <ListStates query={financings} count={rows.length} empty={status ? t('financing.noMatch') : t('financing.empty')}>
        {isPhone ? (
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
                    <Text size="sm" c={f.daysPastDue > 0 ? 'red' : 'dimmed'}>
                      {t('financing.outstanding')} {formatRupiah(f.outstanding)}
                    </Text>
                  )}
                </Group>
              </Card>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table striped highlightOnHover verticalSpacing="xs" data-testid="financings-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('financing.number')}</Table.Th>
                  <Table.Th>{t('financing.member')}</Table.Th>
                  <Table.Th>{t('financing.product')}</Table.Th>
                  <Table.Th>{t('financing.fund')}</Table.Th>
                  <Table.Th ta="right">{t('financing.principal')}</Table.Th>
                  <Table.Th ta="right">{t('financing.outstanding')}</Table.Th>
                  <Table.Th ta="right">{t('financing.daysPastDue')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                  <Table.Th>{t('financing.appliedOn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((f) => (
                  <Table.Tr key={f.id} data-testid="financing-row">
                    <Table.Td>{link(f)}</Table.Td>
                    <Table.Td>{f.personName}</Table.Td>
                    <Table.Td>{f.productCode}</Table.Td>
                    <Table.Td>{f.fundCode}</Table.Td>
                    <Table.Td ta="right">{formatRupiah(f.principal)}</Table.Td>
                    <Table.Td ta="right">{f.status === 'disbursed' ? formatRupiah(f.outstanding) : '—'}</Table.Td>
                    <Table.Td ta="right" c={f.daysPastDue > 0 ? 'red' : undefined}>
                      {f.status === 'disbursed' ? f.daysPastDue : '—'}
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={f.status as FinancingStatus} />
                    </Table.Td>
                    <Table.Td>{formatDate(f.appliedOn)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMore hasMore={financings.hasNextPage} loading={financings.isFetchingNextPage} onLoad={() => void financings.fetchNextPage()} />
      </ListStates>
    </Stack>
  );
}
