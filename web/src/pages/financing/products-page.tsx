import { Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { isShariaKind, type Product, productsQuery, sharesProfit, useInvalidateFinancing } from '../../api/financing.ts';
import { useSignedIn } from '../../auth/session.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatRupiah } from '../../components/rupiah-input.tsx';
import { ListStates } from '../../components/states.tsx';
import { useToast } from '../../components/toast.tsx';
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
  const toast = useToast();
  const invalidate = useInvalidateFinancing();
  const products = useQuery(productsQuery);
  const rows = products.data ?? [];
  const keeper = canKeepProducts(me.role);
  const toggle = useMutation({
    mutationFn: (p: Product) => api.patch<Product>(`/api/v1/financing/products/${encodeURIComponent(p.id)}`, { active: !p.active }),
    onSuccess: async (product) => {
      await invalidate();
      toast.success(t(product.active ? 'financing.products.activated' : 'financing.products.deactivated', { code: product.code }));
    },
  });
  const settings = (p: Product) =>
    [
      t('financing.products.allocationShown', {
        order: p.allocationOrder.map((part) => t(`financing.products.allocationParts.${part as 'penalty'}`).toLowerCase()).join(' → '),
      }),
      p.inMultiplesOf ? t('financing.products.multiplesShown', { amount: formatRupiah(p.inMultiplesOf) }) : null,
      t(`financing.products.roundings.${p.rounding as 'half-up'}`),
    ]
      .filter(Boolean)
      .join(' · ');
  const toggleButton = (p: Product) =>
    keeper && (
      <Button
        size="compact-xs"
        variant="subtle"
        color={p.active ? 'red' : 'teal'}
        loading={toggle.isPending && toggle.variables?.id === p.id}
        disabled={toggle.isPending && toggle.variables?.id !== p.id}
        onClick={() => toggle.mutate(p)}
        data-testid="product-toggle"
      >
        {p.active ? t('financing.products.deactivate') : t('financing.products.activate')}
      </Button>
    );
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
        {keeper && (
          <Button component={Link} to="/financing/products/new" leftSection={<PlusIcon size={16} />}>
            {t('financing.products.add')}
          </Button>
        )}
      </PageHeader>
      {toggle.isError && <ErrorAlert error={toggle.error} />}
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
                <Text size="xs" c="dimmed" data-testid="product-settings">
                  {settings(p)}
                </Text>
                {keeper && <Group justify="flex-end">{toggleButton(p)}</Group>}
              </Card>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={860}>
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
                  {keeper && <Table.Th aria-label={t('common.actions')} />}
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
                    <Table.Td>
                      {term(p)}
                      <Text size="xs" c="dimmed" data-testid="product-settings">
                        {settings(p)}
                      </Text>
                    </Table.Td>
                    {keeper && <Table.Td>{toggleButton(p)}</Table.Td>}
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
