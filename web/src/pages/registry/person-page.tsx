import { Alert, Anchor, Badge, Button, Card, Group, Menu, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { type BusinessView, businessesQuery, type PersonDetail, personQuery } from '../../api/registry.ts';
import { useSignedIn } from '../../auth/session.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ChevronDownIcon, PlusIcon } from '../../components/icons.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatRupiah } from '../../components/rupiah-input.tsx';
import { ListStates } from '../../components/states.tsx';
import { UnitAidSection } from '../aid/unit-aid-section.tsx';
import { HouseholdVisitsSection } from '../cadres/household-visits.tsx';
import { PersonJknSection } from '../cadres/person-jkn.tsx';
import { PersonFinancings } from '../financing/person-financings.tsx';
import { PersonGroupsSection } from '../groups/person-groups.tsx';
import { PersonHealth } from '../health/person-health.tsx';
import { NotFoundPage } from '../not-found-page.tsx';
import { PersonOptOutSection } from '../reminders/person-opt-out.tsx';
import { SavingsSection } from '../savings/savings-section.tsx';
import { PersonBusinessSection } from '../usep/person-business-section.tsx';
import { HouseholdMembers } from './household-page.tsx';
import { BusinessModal, DeathModal, MoveModal } from './person-modals.tsx';
import { PersonTimelineSection } from './person-timeline.tsx';
import { canChangeRegistry, DeceasedBadge, Detail, GroupedDigits, RelationBadge, SexAndAge, useFormatDate } from './shared.tsx';

type Dialog = 'death' | 'move' | 'business';

export function PersonPage() {
  const { id = '' } = useParams();
  const person = useQuery(personQuery(id));
  if (person.isPending) return <PageLoader />;
  if (person.isError) {
    if (person.error instanceof ApiError && (person.error.status === 404 || person.error.status === 422)) return <NotFoundPage />;
    return <ErrorAlert error={person.error} onRetry={() => void person.refetch()} />;
  }
  return <PersonView person={person.data} />;
}

function PersonView({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const formatDate = useFormatDate();
  const editable = canChangeRegistry(me.role) && !person.nikMasked;
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const household = person.household;
  const place = [household.address, household.rt && `RT ${household.rt}`, household.rw && `RW ${household.rw}`].filter(Boolean).join(', ');

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} miw={0}>
          <Anchor component={Link} to="/persons" size="sm">
            ← {t('persons.title')}
          </Anchor>
          <Group gap="xs">
            <Title order={1} size="h2" data-testid="person-name">
              {person.fullName}
            </Title>
            {person.deceased && <DeceasedBadge diedOn={person.diedOn} />}
          </Group>
        </Stack>
        {editable && !person.deceased && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button variant="light" rightSection={<ChevronDownIcon size={16} />}>
                {t('person.changes')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => setDialog('move')}>{t('person.move')}</Menu.Item>
              <Menu.Item onClick={() => setDialog('business')}>{t('business.add')}</Menu.Item>
              <Menu.Divider />
              <Menu.Item color="red" onClick={() => setDialog('death')}>
                {t('person.recordDeath')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      {person.nikMasked && (
        <Alert color="gray" variant="light">
          {t('persons.masked')}
        </Alert>
      )}

      <Paper withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
          <Detail label={t('registry.nik')} testId="person-nik">
            <GroupedDigits value={person.nik} />
          </Detail>
          <Detail label={t('registry.kkNumber')}>
            <Anchor component={Link} to={`/households/${person.householdId}`} size="sm">
              <GroupedDigits value={person.kkNumber} />
            </Anchor>
          </Detail>
          <Detail label={t('registry.relation')}>
            <RelationBadge relation={person.relation} />
          </Detail>
          <Detail label={t('registry.sexAge')} testId="person-sex">
            <SexAndAge sex={person.sex} birthDate={person.birthDate} />
          </Detail>
          <Detail label={t('registry.birth')}>{[person.birthPlace, formatDate(person.birthDate)].filter(Boolean).join(', ')}</Detail>
          <Detail label={t('registry.village')}>{household.villagePath || person.villageName || person.villageCode}</Detail>
          {place && <Detail label={t('registry.address')}>{place}</Detail>}
        </SimpleGrid>
      </Paper>

      <Title order={3} size="h4">
        {t('person.household')}
      </Title>
      <HouseholdMembers household={household} highlight={person.id} />

      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('business.title')}
        </Title>
        {editable && !person.deceased && (
          <Button size="xs" variant="light" leftSection={<PlusIcon size={14} />} onClick={() => setDialog('business')}>
            {t('business.add')}
          </Button>
        )}
      </Group>
      <Businesses personId={person.id} />
      <PersonBusinessSection personId={person.id} />

      <PersonGroupsSection personId={person.id} />
      <PersonFinancings personId={person.id} />

      <SavingsSection personId={person.id} deceased={person.deceased} />

      <PersonHealth personId={person.id} />
      <UnitAidSection kind="persons" id={person.id} />
      <PersonJknSection personId={person.id} householdId={person.householdId} />
      <HouseholdVisitsSection householdId={person.householdId} />
      <PersonOptOutSection personId={person.id} deceased={person.deceased} />
      <PersonTimelineSection personId={person.id} />

      {dialog === 'death' && <DeathModal person={person} onClose={close} />}
      {dialog === 'move' && <MoveModal person={person} onClose={close} />}
      {dialog === 'business' && <BusinessModal personId={person.id} onClose={close} />}
    </Stack>
  );
}

function Businesses({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const businesses = useQuery(businessesQuery(personId));
  const rows = businesses.data ?? [];
  return (
    <ListStates query={businesses} count={rows.length} empty={t('business.empty')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" data-testid="businesses">
        {rows.map((business) => (
          <BusinessCard key={business.id} business={business} />
        ))}
      </SimpleGrid>
    </ListStates>
  );
}

function BusinessCard({ business }: { business: BusinessView }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const loss = business.monthlyProfitRupiah.startsWith('-');
  return (
    <Card withBorder radius="md" padding="sm">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} miw={0}>
          <Text fw={600} truncate>
            {business.name}
          </Text>
          <Text size="sm" c="dimmed">
            {business.businessType}
            {business.startedOn ? ` · ${t('business.since', { date: formatDate(business.startedOn) })}` : ''}
          </Text>
        </Stack>
        <Badge variant="light" color="gray" style={{ textTransform: 'none', flexShrink: 0 }}>
          {t(`business.sectors.${business.sector}`)}
        </Badge>
      </Group>
      <Table mt="xs" verticalSpacing={2} horizontalSpacing={0} withRowBorders={false}>
        <Table.Tbody>
          <MoneyRow label={t('business.capital')} value={business.capitalRupiah} />
          <MoneyRow label={t('business.revenue')} value={business.monthlyRevenueRupiah} />
          <MoneyRow label={t('business.costs')} value={business.monthlyCostsRupiah} />
          <Table.Tr>
            <Table.Td>
              <Text size="sm" fw={600}>
                {t('business.profit')}
              </Text>
            </Table.Td>
            <Table.Td ta="right">
              <Text size="sm" fw={700} c={loss ? 'red.9' : 'teal.9'}>
                {formatRupiah(business.monthlyProfitRupiah)}
              </Text>
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function MoneyRow({ label, value }: { label: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" c="dimmed">
          {label}
        </Text>
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm">{formatRupiah(value)}</Text>
      </Table.Td>
    </Table.Tr>
  );
}
