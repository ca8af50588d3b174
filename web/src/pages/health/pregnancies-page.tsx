// Kehamilan menjelang persalinan: the health worker's list behind the home count "pregnancies
// near term" (expected delivery within 30 days), nearest first, each opening the woman's page.
import { Anchor, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { z } from 'zod';
import type { pregnancyListSchema } from '../../../../src/modules/health/profile.schema.ts';
import { api } from '../../api/client.ts';
import { ListStates } from '../../components/states.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { useFormatDate } from '../registry/shared.tsx';

type PregnancyList = z.infer<typeof pregnancyListSchema>;

export function PregnanciesPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const formatDate = useFormatDate();
  const list = useQuery({ queryKey: ['health', 'pregnancies'], queryFn: () => api.get<PregnancyList>('/api/v1/health/pregnancies') });
  const rows = list.data?.items ?? [];
  const days = (n: number) => (
    <Badge variant="light" color={n <= 7 ? 'red' : 'orange'} style={{ textTransform: 'none' }}>
      {t('pregnancies.daysToGo', { count: n })}
    </Badge>
  );
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('pregnancies.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('pregnancies.intro')}
        </Text>
      </Stack>
      <ListStates query={list} count={rows.length} empty={t('pregnancies.empty')}>
        {isPhone ? (
          <Stack gap="xs" data-testid="pregnancy-list">
            {rows.map((p) => (
              <Card key={p.personId} withBorder radius="md" padding="sm" data-testid="pregnancy-row">
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Anchor component={Link} to={`/persons/${p.personId}`} fw={600} size="sm">
                    {p.fullName}
                  </Anchor>
                  {days(p.daysToGo)}
                </Group>
                <Text size="xs" c="dimmed">
                  {t('pregnancies.expected')}: {formatDate(p.expectedDelivery)} · {p.villageCode}
                </Text>
              </Card>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped verticalSpacing="xs" data-testid="pregnancy-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('registry.fullName')}</Table.Th>
                  <Table.Th>{t('pregnancies.expected')}</Table.Th>
                  <Table.Th>{t('pregnancies.inDays')}</Table.Th>
                  <Table.Th>{t('registry.village')}</Table.Th>
                  <Table.Th>{t('pregnancies.family')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((p) => (
                  <Table.Tr key={p.personId} data-testid="pregnancy-row">
                    <Table.Td>
                      <Anchor component={Link} to={`/persons/${p.personId}`} size="sm" fw={500}>
                        {p.fullName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{formatDate(p.expectedDelivery)}</Table.Td>
                    <Table.Td>{days(p.daysToGo)}</Table.Td>
                    <Table.Td>{p.villageCode}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/households/${p.householdId}`} size="sm">
                        {t('pregnancies.openFamily')}
                      </Anchor>
                    </Table.Td>
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
