// "Ringkasan anggota" on a family's page: how to reach the family (phone), and each member's key
// flags: financing arrears, JKN-KIS card, social-assistance programmes; each only for the roles
// that read it.
import { Anchor, Badge, Card, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type HouseholdOverview, householdOverviewQuery } from '../../api/person-view.ts';
import type { Relation } from '../../api/registry.ts';
import { formatRupiah } from '../../components/rupiah-input.tsx';
import { ListStates } from '../../components/states.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { Detail, RelationBadge } from './shared.tsx';

type Member = HouseholdOverview['members'][number];

export function HouseholdOverviewSection({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const overview = useQuery(householdOverviewQuery(householdId));
  const data = overview.data;
  const members = (data?.members ?? []).filter((m) => !m.deceased);
  return (
    <Stack gap="xs" data-testid="household-overview">
      <Title order={3} size="h4">
        {t('personView.household.overview')}
      </Title>
      <ListStates query={overview} count={members.length} empty={t('personView.household.noMembers')}>
        {data && (
          <Stack gap="sm">
            {/* The phone, address and RT/RW are in the household's own details above. */}
            {(data.totals.financingOverdue !== null || data.aidProgrammes) && (
              <Paper withBorder radius="md" p="md">
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
                  {data.totals.financingOverdue !== null && (
                    <Detail label={t('personView.household.totalOverdue')} testId="household-overdue">
                      <Text span size="sm" fw={700} c={data.totals.financingOverdue !== '0' ? 'red.9' : undefined}>
                        {formatRupiah(data.totals.financingOverdue)}
                      </Text>
                      {' · '}
                      {t('personView.household.inArrears', { count: data.totals.membersInArrears ?? 0 })}
                    </Detail>
                  )}
                  {data.aidProgrammes && (
                    <Detail label={t('personView.household.familyAid')}>
                      {data.aidProgrammes.length === 0 ? t('personView.household.noAid') : data.aidProgrammes.map((p) => p.name).join(', ')}
                    </Detail>
                  )}
                </SimpleGrid>
              </Paper>
            )}
            {isPhone ? (
              <Stack gap="xs">
                {members.map((m) => (
                  <Card key={m.personId} withBorder radius="md" padding="sm" data-testid="overview-row">
                    <Group justify="space-between" wrap="nowrap" gap="xs">
                      <Anchor component={Link} to={`/persons/${m.personId}`} size="sm" fw={600}>
                        {m.fullName}
                      </Anchor>
                      <RelationBadge relation={m.relation as Relation} />
                    </Group>
                    <Flags member={m} parts={data.parts} />
                  </Card>
                ))}
              </Stack>
            ) : (
              <Table.ScrollContainer minWidth={720}>
                <Table verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('registry.fullName')}</Table.Th>
                      <Table.Th>{t('registry.relation')}</Table.Th>
                      {data.parts.financing && <Table.Th>{t('personView.household.financing')}</Table.Th>}
                      {data.parts.jkn && <Table.Th>{t('personView.household.jkn')}</Table.Th>}
                      {data.parts.aid && <Table.Th>{t('personView.household.aid')}</Table.Th>}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {members.map((m) => (
                      <Table.Tr key={m.personId} data-testid="overview-row">
                        <Table.Td>
                          <Anchor component={Link} to={`/persons/${m.personId}`} size="sm" fw={500}>
                            {m.fullName}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <RelationBadge relation={m.relation as Relation} />
                        </Table.Td>
                        {data.parts.financing && (
                          <Table.Td>
                            <FinancingFlag member={m} />
                          </Table.Td>
                        )}
                        {data.parts.jkn && (
                          <Table.Td>
                            <JknFlag member={m} />
                          </Table.Td>
                        )}
                        {data.parts.aid && (
                          <Table.Td>
                            <AidFlag member={m} />
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        )}
      </ListStates>
    </Stack>
  );
}

function Flags({ member, parts }: { member: Member; parts: HouseholdOverview['parts'] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} mt={4}>
      {parts.financing && (
        <Group gap={6} wrap="wrap">
          <Text size="xs" c="dimmed">
            {t('personView.household.financing')}:
          </Text>
          <FinancingFlag member={member} />
        </Group>
      )}
      {parts.jkn && (
        <Group gap={6} wrap="wrap">
          <Text size="xs" c="dimmed">
            {t('personView.household.jkn')}:
          </Text>
          <JknFlag member={member} />
        </Group>
      )}
      {parts.aid && (
        <Group gap={6} wrap="wrap">
          <Text size="xs" c="dimmed">
            {t('personView.household.aid')}:
          </Text>
          <AidFlag member={member} />
        </Group>
      )}
    </Stack>
  );
}

const badge = { textTransform: 'none', maxWidth: '100%', height: 'auto', whiteSpace: 'normal' } as const;

function FinancingFlag({ member }: { member: Member }) {
  const { t } = useTranslation();
  if (!member.financing) return <Text size="sm">{t('personView.household.noFinancing')}</Text>;
  if (member.financing.overdue === '0')
    return (
      <Badge variant="light" color="teal" style={badge}>
        {t('personView.household.current')}
      </Badge>
    );
  return (
    <Badge variant="light" color="red" style={badge} data-testid="flag-arrears">
      {t('personView.household.overdue', { amount: formatRupiah(member.financing.overdue), days: member.financing.daysPastDue })}
    </Badge>
  );
}

function JknFlag({ member }: { member: Member }) {
  const { t } = useTranslation();
  if (!member.jkn) return <Text size="sm">{t('personView.household.noCard')}</Text>;
  return (
    <Badge variant="light" color={member.jkn.status === 'active' ? 'teal' : 'red'} style={badge}>
      {member.jkn.segment} {member.jkn.jknClass} · {t(`personView.jkn.statuses.${member.jkn.status}`)}
    </Badge>
  );
}

function AidFlag({ member }: { member: Member }) {
  const { t } = useTranslation();
  if (!member.aidProgrammes || member.aidProgrammes.length === 0) return <Text size="sm">{t('personView.household.noAid')}</Text>;
  return <Text size="sm">{member.aidProgrammes.map((p) => p.name).join(', ')}</Text>;
}
