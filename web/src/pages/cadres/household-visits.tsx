// "Kunjungan kader" on a person's and a family's page: the family's latest cadre visits, their
// kind and outcome, and who visited.
import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { canReadVisits, householdVisitsQuery } from '../../api/person-view.ts';
import { useSignedIn } from '../../auth/session.ts';
import { ListStates } from '../../components/states.tsx';
import { useFormatDate } from '../registry/shared.tsx';

export function HouseholdVisitsSection({ householdId }: { householdId: string }) {
  const me = useSignedIn();
  if (!canReadVisits(me.role)) return null;
  return <HouseholdVisits householdId={householdId} />;
}

function HouseholdVisits({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const visits = useQuery(householdVisitsQuery(householdId));
  // A cadre who does not look after this family: nothing to show.
  if (visits.isError && visits.error instanceof ApiError && visits.error.status === 404) return null;
  const rows = visits.data?.items ?? [];
  return (
    <Stack gap="xs" data-testid="household-visits">
      <Title order={3} size="h4">
        {t('personView.visits.title')}
      </Title>
      <ListStates query={visits} count={rows.length} empty={t('personView.visits.empty')}>
        <Stack gap="xs">
          {rows.map((v) => (
            <Card key={v.id} withBorder radius="md" padding="sm" data-testid="household-visit">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text size="sm" fw={600}>
                  {t(`cadres.visits.kinds.${v.kind}`)}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDate(v.visitedOn)}
                  {v.cadreName ? ` · ${t('personView.visits.by', { name: v.cadreName })}` : ''}
                </Text>
              </Group>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {v.outcome}
              </Text>
              {v.notes && (
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {v.notes}
                </Text>
              )}
            </Card>
          ))}
        </Stack>
      </ListStates>
    </Stack>
  );
}
