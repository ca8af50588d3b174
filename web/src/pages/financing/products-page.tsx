import { Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isShariaKind, type Product, productsQuery, sharesProfit } from '../../api/financing.ts';
import { useSignedIn } from '../../auth/session.ts';
import { PlusIcon } from '../../components/icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatRupiah } from '../../components/rupiah-input.tsx';
import { ListStates } from '../../components/states.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { canKeepProducts } from './shared.tsx';

/** A percentage as people write it: the server's "10.0000" is "10". */
const percent = (value: string) => (value.includes('.') ? value.replace(/\.?0+$/, '') : value);
/** 100 − p of a percentage written as text, exactly enough for a label ("60" → "40"). */
const rest = (value: string) => String(Math.round((100 - Number(value)) * 10_000) / 10_000);

export function ProductsPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const isPhone = useIsPhone();
  const products = useQuery(productsQuery);
  const rows = products.data ?? [];
  const terms = (p: Product) =>
    sharesProfit(p.kind)
      ? t('financing.products.nisbahShown', { member: percent(p.memberNisbahPercent ?? '0'), lkm: rest(p.memberNisbahPercent ?? '0') })
      : p.kind === 'murabahah'
        ? t('financing.products.marginShown', { rate: percent(p.ratePercent) })
        : p.kind === 'qardh'
          ? t('financing.products.noRate')
          : t('financing.products.rateShown', { rate: percent(p.ratePercent) });
  const limits = (p: Product) => `${formatRupiah(p.minAmount)} – ${formatRupiah(p.maxAmount)}`;
  const term = (p: Product) =>
    `${t('financing.products.termRange', { min: p.minInstallments, max: p.maxInstallments })}, ${t(`financing.frequencies.${p.frequency}`).toLowerCase()}`;
  const kind = (p: Product) => (
    <Group gap={4} wrap="nowrap">
      <Badge variant="light" color={isShariaKind(p.kind) ? 'green' : 'blue'} style={{ textTransform: 'none' }}>
        {t(`financing.kinds.${p.kind}`)}
      </Badge>
      {!p.active && (
        <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>
          {t('common.inactive')}
        </Badge>
      )}
    </Group>
  );

  return (
    <Stack gap="md">
      <PageHeader title={t('financing.products.title')}>
        {canKeepProducts(me.role) && (
          <Button component={Link} to="/financing/products/new" leftSection={<PlusIcon size={16} />}>
            {t('financing.products.add')}
          </Button>
        )}
      </PageHeader>
      <ListStates query={products} count={rows.length} empty={t('financing.products.empty')}>
        {isPhone ? (
          <Stack gap="sm" data-testid="products-list">
            {rows.map((p) => (
              <Card key={p.id} withBorder radius="md" padding="sm" data-testid="product-row">
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                  <Stack gap={0} miw={0}>
                    <Text fw={600} size="sm">
                      {p.name}
                    </Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {p.code}
                    </Text>
                  </Stack>
                  {kind(p)}
                </Group>
                <Text size="sm" mt={6}>
                  {terms(p)} · {term(p)}
                </Text>
                <Text size="sm" c="dimmed">
                  {limits(p)}
                </Text>
              </Card>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table striped verticalSpacing="xs" data-testid="products-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('financing.products.code')}</Table.Th>
                  <Table.Th>{t('financing.products.name')}</Table.Th>
                  <Table.Th>{t('financing.products.kind')}</Table.Th>
                  <Table.Th>
                    {t('financing.profit.conventional')} / {t('financing.profit.murabahah')}
                  </Table.Th>
                  <Table.Th>{t('financing.products.limits')}</Table.Th>
                  <Table.Th>{t('financing.products.term')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((p) => (
                  <Table.Tr key={p.id} data-testid="product-row">
                    <Table.Td ff="monospace">{p.code}</Table.Td>
                    <Table.Td>{p.name}</Table.Td>
                    <Table.Td>{kind(p)}</Table.Td>
                    <Table.Td>{terms(p)}</Table.Td>
                    <Table.Td>{limits(p)}</Table.Td>
                    <Table.Td>{term(p)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListStates>
    </Stack>
  );
}
