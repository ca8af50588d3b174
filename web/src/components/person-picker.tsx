import { Group, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { PersonPage, PersonView } from '../api/registry.ts';

const labelOf = (person: PersonView) => `${person.fullName} · ${person.nik}`;

/**
 * Choose a registered person by typing a NIK, KK number or part of a name (the server's
 * search, typos tolerated). `exclude` hides people already chosen elsewhere (e.g. members).
 */
export function PersonPicker({
  label,
  description,
  error,
  required,
  value,
  onChange,
  exclude = [],
  'data-testid': testId,
}: {
  label: string;
  description?: string;
  error?: string;
  required?: boolean;
  value: string | null;
  onChange(person: PersonView | null): void;
  exclude?: string[];
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<PersonView | null>(null);
  // The box shows the chosen person's label: that is not a search.
  const showsPicked = picked !== null && labelOf(picked) === search;
  const [debounced] = useDebouncedValue(showsPicked ? '' : search.trim(), 300);
  const q = /^[\d\s]+$/.test(debounced) ? debounced.replace(/\s/g, '') : debounced;
  const found = useQuery({
    queryKey: ['persons', 'picker', q],
    queryFn: () => api.get<PersonPage>('/api/v1/persons', { q, limit: 20 }),
    enabled: q.length >= 2,
    staleTime: 30_000,
  });
  const listed = q.length >= 2 ? (found.data?.items ?? []).filter((person) => !person.deceased && !exclude.includes(person.id)) : [];
  const byId = new Map<string, PersonView>(listed.map((person) => [person.id, person]));
  if (picked) byId.set(picked.id, picked);
  const data = [...byId.values()].map((person) => ({ value: person.id, label: labelOf(person) }));
  const listedIds = new Set(listed.map((person) => person.id));

  return (
    <Select
      label={label}
      description={description}
      error={error}
      required={required}
      searchable
      clearable
      value={value}
      onChange={(id) => {
        const person = id ? (byId.get(id) ?? null) : null;
        setPicked(person);
        onChange(person);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      filter={({ options }) => options.filter((option) => 'value' in option && listedIds.has(option.value))}
      placeholder={t('persons.searchPlaceholder')}
      nothingFoundMessage={q.length < 2 ? t('regions.pickerTypeMore') : found.isFetching ? t('app.loading') : t('persons.noMatch')}
      renderOption={({ option }) => {
        const person = byId.get(option.value);
        if (!person) return option.label;
        return (
          <Stack gap={0}>
            <Text size="sm" fw={500}>
              {person.fullName}
            </Text>
            <Group gap={6}>
              <Text size="xs" c="dimmed" ff="monospace">
                {person.nik}
              </Text>
              <Text size="xs" c="dimmed">
                · {person.villageName ?? person.villageCode}
              </Text>
            </Group>
          </Stack>
        );
      }}
      maxDropdownHeight={320}
      comboboxProps={{ withinPortal: true }}
      data-testid={testId}
    />
  );
}
