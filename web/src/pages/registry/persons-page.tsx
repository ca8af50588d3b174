import { Anchor, Button, Card, Group, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type PersonView, usePersons } from '../../api/registry.ts';
import { useSignedIn } from '../../auth/session.ts';
import { PlusIcon, SearchIcon } from '../../components/icons.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RegionSelect } from '../../components/region-picker.tsx';
import { ListStates } from '../../components/states.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { useUrlSearchParams } from '../../components/use-url-search-params.ts';
import { canChangeRegistry, DeceasedBadge, GroupedDigits, RelationBadge, SexAndAge } from './shared.tsx';

/** Find persons by NIK, KK number or name; the search and village stay in the address (back button, links). */
export function PersonsPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const isPhone = useIsPhone();
  const [params, setParams] = useUrlSearchParams();
  const search = params.get('q') ?? '';
  const village = params.get('village');
  const setParam = (key: string, value: string | null) =>
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const [debounced] = useDebouncedValue(search.replace(/\s+/g, ' ').trim(), 300);
  // The server needs two characters; a NIK or KK may be typed in groups of four.
  const q = /^[\d\s]+$/.test(debounced) ? debounced.replace(/\s/g, '') : debounced;
  const persons = usePersons({ q: q.length >= 2 ? q : undefined, village: village ?? undefined });
  const rows = persons.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = q.length >= 2 || Boolean(village);

  return (
    <Stack gap="md">
      <PageHeader title={t('persons.title')}>
        {canChangeRegistry(me.role) && (
          <Button component={Link} to="/households/new" leftSection={<PlusIcon size={16} />}>
            {t('persons.registerHousehold')}
          </Button>
        )}
      </PageHeader>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('persons.searchLabel')}
          placeholder={t('persons.searchPlaceholder')}
          description={t('persons.searchHint')}
          leftSection={<SearchIcon size={16} />}
          value={search}
          onChange={(event) => setParam('q', event.currentTarget.value)}
          type="search"
          autoComplete="off"
        />
        <RegionSelect
          label={t('registry.village')}
          description={t('persons.villageHint')}
          level={4}
          placeholder={t('persons.allVillages')}
          value={village}
          onChange={(code) => setParam('village', code)}
          data-testid="persons-village"
        />
      </SimpleGrid>

      <ListStates query={persons} count={rows.length} empty={filtered ? t('persons.noMatch') : t('persons.empty')}>
        {isPhone ? (
          <Stack gap="sm" data-testid="persons-list">
            {rows.map((person) => (
              <PersonCard key={person.id} person={person} />
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover verticalSpacing="xs" data-testid="persons-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('registry.fullName')}</Table.Th>
                  <Table.Th>{t('registry.nik')}</Table.Th>
                  <Table.Th>{t('registry.kkNumber')}</Table.Th>
                  <Table.Th>{t('registry.sexAge')}</Table.Th>
                  <Table.Th>{t('registry.relation')}</Table.Th>
                  <Table.Th>{t('registry.village')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((person) => (
                  <Table.Tr key={person.id} data-testid="person-row">
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Anchor component={Link} to={`/persons/${person.id}`} fw={500} size="sm">
                          {person.fullName}
                        </Anchor>
                        {person.deceased && <DeceasedBadge diedOn={null} />}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <GroupedDigits value={person.nik} />
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/households/${person.householdId}`} size="sm" c="inherit">
                        <GroupedDigits value={person.kkNumber} />
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <SexAndAge sex={person.sex} birthDate={person.birthDate} />
                    </Table.Td>
                    <Table.Td>
                      <RelationBadge relation={person.relation} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{person.villageName ?? person.villageCode}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMore hasMore={persons.hasNextPage} loading={persons.isFetchingNextPage} onLoad={() => void persons.fetchNextPage()} />
      </ListStates>
    </Stack>
  );
}

function PersonCard({ person }: { person: PersonView }) {
  return (
    <Card withBorder radius="md" padding="sm" data-testid="person-row">
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Stack gap={2} miw={0}>
          <Anchor component={Link} to={`/persons/${person.id}`} fw={600} truncate>
            {person.fullName}
          </Anchor>
          <GroupedDigits value={person.nik} />
        </Stack>
        <RelationBadge relation={person.relation} />
      </Group>
      <Group gap={6} mt={6} justify="space-between" wrap="wrap">
        <SexAndAge sex={person.sex} birthDate={person.birthDate} />
        <Text size="sm" c="dimmed">
          {person.villageName ?? person.villageCode}
        </Text>
      </Group>
      {person.deceased && (
        <Group mt={6}>
          <DeceasedBadge diedOn={person.diedOn} />
        </Group>
      )}
    </Card>
  );
}
