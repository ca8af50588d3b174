// The financing section of a person's page: each financing with its status, what is still
// owed and the arrears, linked to the financing (where a cashier takes a repayment).
import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type FinancingListItem, type FinancingStatus, useFinancings } from '../../api/financing.ts';
import { useSignedIn } from '../../auth/session.ts';
import { formatRupiah } from '../../components/rupiah-input.tsx';
import { ListStates } from '../../components/states.tsx';
import { canReadFinancing, StatusBadge } from './shared.tsx';

/** Nothing for a role that does not read financings (the server would refuse it too). */
export function PersonFinancings({ personId }: { personId: string }) {
  const me = useSignedIn();
  if (!canReadFinancing(me.role)) return null;
  return <PersonFinancingList personId={personId} />;
}

function PersonFinancingList({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const financings = useFinancings({ person: personId });
  const rows = financings.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="xs" data-testid="person-financings">
      <Title order={3} size="h4">
        {t('financing.ofPerson.title')}
      </Title>
      <ListStates query={financings} count={rows.length} empty={t('financing.ofPerson.empty')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {rows.map((f) => (
            <FinancingCard key={f.id} financing={f} />
          ))}
        </SimpleGrid>
      </ListStates>
    </Stack>
  );
}

function FinancingCard({ financing: f }: { financing: FinancingListItem }) {
  const { t } = useTranslation();
  const late = BigInt(f.overdue) > 0n;
  return (
    <Card withBorder radius="md" padding="sm" data-testid="person-financing">
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Stack gap={0} miw={0}>
          <Anchor component={Link} to={`/financings/${f.id}`} fw={600} size="sm" ff="monospace">
            {f.number}
          </Anchor>
          <Text size="sm" c="dimmed">
            {f.productCode} · {formatRupiah(f.principal)}
          </Text>
        </Stack>
        <StatusBadge status={f.status as FinancingStatus} />
      </Group>
      {f.status === 'disbursed' && (
        <Group justify="space-between" mt={6} gap="xs">
          <Text size="sm">
            {t('financing.outstanding')} {formatRupiah(f.outstanding)}
          </Text>
          <Text size="sm" fw={late ? 700 : 400} c={late ? 'red.9' : 'teal.9'} data-testid="person-financing-arrears">
            {late
              ? t('financing.ofPerson.overdue', { amount: formatRupiah(f.overdue), days: f.daysPastDue })
              : t('financing.ofPerson.current')}
          </Text>
        </Group>
      )}
    </Card>
  );
}
