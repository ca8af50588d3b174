// "Kelompok" on a person's page: the groups they are or were in (their own or their family's
// membership), with their officer role.
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { personGroupsQuery } from '../../api/person-view.ts';
import { ListStates } from '../../components/states.tsx';
import { useFormatDate } from '../registry/shared.tsx';

export function PersonGroupsSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const groups = useQuery(personGroupsQuery(personId));
  const rows = groups.data?.items ?? [];
  return (
    <Stack gap="xs" data-testid="person-groups">
      <Title order={3} size="h4">
        {t('personView.groups.title')}
      </Title>
      <ListStates query={groups} count={rows.length} empty={t('personView.groups.empty')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {rows.map((g) => (
            <Card key={g.groupId} withBorder radius="md" padding="sm" data-testid="person-group">
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                <Stack gap={2} miw={0}>
                  <Anchor component={Link} to={`/groups/${g.groupId}`} fw={600} size="sm">
                    {g.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {g.kindName}
                  </Text>
                </Stack>
                <Badge variant="light" color={g.leftOn ? 'gray' : 'teal'} style={{ flexShrink: 0, textTransform: 'none' }}>
                  {g.leftOn ? t('personView.groups.ended') : t('personView.groups.active')}
                </Badge>
              </Group>
              <Text size="sm" mt={4}>
                {g.officerRole ? t(`personView.groups.officers.${g.officerRole}`) : t('personView.groups.member')}
                {g.through === 'household' ? ` · ${t('personView.groups.throughHousehold')}` : ''}
              </Text>
              <Text size="xs" c="dimmed">
                {t('personView.groups.joined', { date: formatDate(g.joinedOn) })}
                {g.leftOn ? ` · ${t('personView.groups.left', { date: formatDate(g.leftOn) })}` : ''}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      </ListStates>
    </Stack>
  );
}
