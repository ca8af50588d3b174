// PAR drilled down (issue 15 §3): the named financings behind a PAR figure, longest overdue first,
// each with the member's phone and the responsible officer to call.
import { Anchor, Badge, Card, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type AtRiskItem, type Dimension, isDimension, PAR_BUCKETS, type ParBucket, useAtRisk } from '../../api/portfolio.ts';
import { LoadMore } from '../../components/load-more.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatRupiah } from '../../components/rupiah-input.tsx';
import { ListStates } from '../../components/states.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { useUrlSearchParams } from '../../components/use-url-search-params.ts';
import { useFormatDate } from '../registry/shared.tsx';

const isBucket = (value: string | null): value is ParBucket => PAR_BUCKETS.includes(value as ParBucket);

export function AtRiskFinancingsPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const formatDate = useFormatDate();
  const [params, setParams] = useUrlSearchParams();
  const parParam = params.get('par');
  const par: ParBucket = isBucket(parParam) ? parParam : '30';
  const byParam = params.get('by') ?? '';
  const by: Dimension | undefined = isDimension(byParam) ? byParam : undefined;
  const key = by ? (params.get('key') ?? undefined) : undefined;
  const label = params.get('label') ?? '';
  const query = useAtRisk({ par, by, key });
  const pages = query.data?.pages ?? [];
  const rows = pages.flatMap((page) => page.items);
  const first = pages[0];
  const change = (next: Record<string, string | null>) =>
    setParams(
      (old) => {
        const copy = new URLSearchParams(old);
        for (const [name, value] of Object.entries(next)) {
          if (value) copy.set(name, value);
          else copy.delete(name);
        }
        return copy;
      },
      { replace: true },
    );

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Anchor component={Link} to="/financing/portfolio" size="sm">
          ← {t('portfolio.drill.back')}
        </Anchor>
        <PageHeader title={t('portfolio.drill.title', { par })} />
      </Stack>
      <Group gap="sm" wrap="wrap" align="center">
        <SegmentedControl
          aria-label="PAR"
          value={par}
          onChange={(value) => change({ par: value })}
          data={PAR_BUCKETS.map((bucket) => ({ value: bucket, label: `PAR ${bucket}` }))}
          data-testid="drill-par"
        />
        {by && (
          <Badge
            variant="light"
            color="gray"
            size="lg"
            style={{ textTransform: 'none', maxWidth: '100%', height: 'auto', whiteSpace: 'normal' }}
            rightSection={
              <Anchor component="button" type="button" size="xs" onClick={() => change({ by: null, key: null, label: null })}>
                {t('portfolio.drill.all')}
              </Anchor>
            }
            data-testid="drill-row"
          >
            {t('portfolio.drill.of', { label: label || t(`portfolio.dimensions.${by}`) })}
          </Badge>
        )}
      </Group>
      {first && (
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {t('portfolio.drill.intro', { par, date: formatDate(first.asOf) })}
          </Text>
          <Text size="sm" fw={600} data-testid="drill-totals">
            {t('portfolio.drill.count', { count: first.totals.financings, amount: formatRupiah(first.totals.outstanding) })}
          </Text>
        </Stack>
      )}
      <ListStates query={query} count={rows.length} empty={t('portfolio.drill.empty')}>
        {isPhone ? <AtRiskCards rows={rows} /> : <AtRiskTable rows={rows} />}
        <LoadMore hasMore={query.hasNextPage} loading={query.isFetchingNextPage} onLoad={() => void query.fetchNextPage()} />
      </ListStates>
    </Stack>
  );
}

function Phone({ phone, name }: { phone: string; name: string }) {
  const { t } = useTranslation();
  if (!phone)
    return (
      <Text span size="sm" c="dimmed">
        {t('portfolio.drill.noPhone')}
      </Text>
    );
  return (
    <Anchor
      href={`tel:${phone.replace(/[^\d+]/g, '')}`}
      size="sm"
      aria-label={t('portfolio.drill.call', { name })}
      data-testid="drill-phone"
    >
      {phone}
    </Anchor>
  );
}

function Officer({ item }: { item: AtRiskItem }) {
  const { t } = useTranslation();
  return item.facilitator ? (
    <Text span size="sm" data-testid="drill-officer">
      {item.facilitator.name}
    </Text>
  ) : (
    <Text span size="sm" c="dimmed" data-testid="drill-officer">
      {t('portfolio.drill.noFacilitator')}
    </Text>
  );
}

function AtRiskTable({ rows }: { rows: AtRiskItem[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="xs" data-testid="drill-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('portfolio.drill.member')}</Table.Th>
            <Table.Th>{t('portfolio.drill.phone')}</Table.Th>
            <Table.Th ta="right">{t('portfolio.drill.outstanding')}</Table.Th>
            <Table.Th ta="right">{t('portfolio.drill.overdue')}</Table.Th>
            <Table.Th ta="right">{t('portfolio.drill.days')}</Table.Th>
            <Table.Th>{t('portfolio.drill.facilitator')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((item) => (
            <Table.Tr key={item.id} data-testid="drill-row-item">
              <Table.Td>
                <Stack gap={0}>
                  <Anchor component={Link} to={`/persons/${item.personId}`} size="sm" fw={600}>
                    {item.personName}
                  </Anchor>
                  <Anchor component={Link} to={`/financings/${item.id}`} size="xs" ff="monospace">
                    {item.number}
                  </Anchor>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Phone phone={item.phone} name={item.personName} />
              </Table.Td>
              <Table.Td ta="right">{formatRupiah(item.outstanding)}</Table.Td>
              <Table.Td ta="right">{formatRupiah(item.overdue)}</Table.Td>
              <Table.Td ta="right" c="red.9" fw={600}>
                {item.daysPastDue}
              </Table.Td>
              <Table.Td>
                <Officer item={item} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AtRiskCards({ rows }: { rows: AtRiskItem[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid="drill-list">
      {rows.map((item) => (
        <Card key={item.id} withBorder radius="md" padding="sm" data-testid="drill-row-item">
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
            <Stack gap={0} miw={0}>
              <Anchor component={Link} to={`/persons/${item.personId}`} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                {item.personName}
              </Anchor>
              <Anchor component={Link} to={`/financings/${item.id}`} size="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                {item.number}
              </Anchor>
            </Stack>
            <Text size="sm" fw={700} c="red.9" style={{ whiteSpace: 'nowrap' }}>
              {t('portfolio.drill.daysLate', { count: item.daysPastDue })}
            </Text>
          </Group>
          <Group justify="space-between" mt={6} gap="xs">
            <Text size="sm">
              {t('portfolio.drill.outstanding')} {formatRupiah(item.outstanding)}
            </Text>
            <Phone phone={item.phone} name={item.personName} />
          </Group>
          <Text size="sm" mt={4}>
            {t('portfolio.drill.facilitator')}: <Officer item={item} />
          </Text>
        </Card>
      ))}
    </Stack>
  );
}
