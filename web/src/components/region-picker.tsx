import { Badge, Group, MultiSelect, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { regionDetailQuery, regionSearchQuery } from '../api/queries.ts';
import type { RegionDetail, RegionItem } from '../api/types.ts';
import { useKindLabel } from './region-kind.ts';

const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

type Option = { code: string; name: string; kind: string; levelName: RegionItem['levelName']; path: string };

const fromItem = (item: RegionItem): Option => ({ ...item, path: item.path ?? '' });
const fromDetail = (detail: RegionDetail): Option => ({
  code: detail.code,
  name: detail.name,
  kind: detail.kind,
  levelName: detail.levelName,
  path: [...detail.parents]
    .reverse()
    .map((parent) => parent.name)
    .join(', '),
});
const labelOf = (option: Option) => (option.path ? `${option.name}, ${option.path}` : option.name);

/**
 * Options for the pickers: the server's name search (or one region when a code is typed),
 * plus the selected regions so their labels show even before any search.
 */
function useRegionOptions(search: string, selected: string[], level?: RegionLevel) {
  const selectedDetails = useQueries({ queries: selected.map((code) => regionDetailQuery(code)) });
  // A single select shows the chosen region's label in its box: that is not a search.
  const showsSelected = selectedDetails.some((query) => query.data && labelOf(fromDetail(query.data)) === search);
  const [debounced] = useDebouncedValue(showsSelected ? '' : search.trim(), 250);
  const isCode = REGION_CODE.test(debounced);
  const byName = useQuery({ ...regionSearchQuery(isCode ? '' : debounced, 30, level) });
  const byCode = useQuery({ ...regionDetailQuery(isCode ? debounced : null), retry: false });

  const options = new Map<string, Option>();
  for (const query of selectedDetails) if (query.data) options.set(query.data.code, fromDetail(query.data));
  // What the dropdown lists: the search's results while searching, else the chosen regions.
  const listed = new Set<string>(debounced.length >= 2 ? [] : selected);
  if (isCode && byCode.data && (!level || byCode.data.level === level)) {
    options.set(byCode.data.code, fromDetail(byCode.data));
    listed.add(byCode.data.code);
  }
  if (!isCode)
    for (const item of byName.data?.items ?? []) {
      if (!options.has(item.code)) options.set(item.code, fromItem(item));
      listed.add(item.code);
    }

  const searching = debounced.length >= 2 && (isCode ? byCode.isFetching : byName.isFetching);
  return { options, listed, searching, typedEnough: debounced.length >= 2 };
}

function RegionOption({ option }: { option: Option | undefined }) {
  const kindLabel = useKindLabel();
  if (!option) return null;
  const kind = kindLabel(option);
  return (
    <Stack gap={0}>
      <Group gap={6} wrap="nowrap">
        <Text size="sm" fw={500}>
          {option.name}
        </Text>
        <Badge size="xs" variant="light" color="gray" style={{ textTransform: 'none' }}>
          {kind}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {[option.path, option.code].filter(Boolean).join(' · ')}
      </Text>
    </Stack>
  );
}

/**
 * The list as wide as the field, under its left edge, pushed back on screen. Centred under the
 * field ('bottom'), its first frame was placed before its width was known: on a 360-px phone it
 * flashed out to x = 472 and shook into place.
 */
const DROPDOWN_ON_SCREEN = {
  withinPortal: true,
  width: 'target',
  position: 'bottom-start',
  middlewares: { flip: true, shift: { padding: 8 } },
} as const;

/** 1 province, 2 regency/city, 3 district, 4 village: a picker limited to one level offers only those. */
type RegionLevel = 1 | 2 | 3 | 4;
type CommonProps = {
  label: string;
  description?: string;
  error?: string;
  required?: boolean;
  level?: RegionLevel;
  placeholder?: string;
  'data-testid'?: string;
};

export function RegionSelect({
  value,
  onChange,
  level,
  placeholder,
  ...props
}: CommonProps & { value: string | null; onChange(code: string | null): void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const selected = useMemo(() => (value ? [value] : []), [value]);
  const { options, listed, searching, typedEnough } = useRegionOptions(search, selected, level);
  const data = [...options.values()].map((option) => ({ value: option.code, label: labelOf(option) }));
  return (
    <Select
      {...props}
      searchable
      clearable
      value={value}
      onChange={(code) => onChange(code)}
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      filter={({ options: all }) => all.filter((option) => 'value' in option && listed.has(option.value))}
      placeholder={placeholder ?? t('regions.pickerPlaceholder')}
      nothingFoundMessage={searching ? t('app.loading') : typedEnough ? t('regions.pickerNothing') : t('regions.pickerTypeMore')}
      renderOption={({ option }) => <RegionOption option={options.get(option.value)} />}
      maxDropdownHeight={320}
      comboboxProps={DROPDOWN_ON_SCREEN}
    />
  );
}

export function RegionMultiSelect({
  value,
  onChange,
  level,
  placeholder,
  ...props
}: CommonProps & { value: string[]; onChange(codes: string[]): void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const { options, listed, searching, typedEnough } = useRegionOptions(search, value, level);
  const data = [...options.values()].map((option) => ({ value: option.code, label: labelOf(option) }));
  return (
    <MultiSelect
      {...props}
      searchable
      clearable
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      filter={({ options: all }) => all.filter((option) => 'value' in option && listed.has(option.value))}
      hidePickedOptions
      placeholder={value.length === 0 ? (placeholder ?? t('regions.pickerPlaceholder')) : undefined}
      nothingFoundMessage={searching ? t('app.loading') : typedEnough ? t('regions.pickerNothing') : t('regions.pickerTypeMore')}
      renderOption={({ option }) => <RegionOption option={options.get(option.value)} />}
      maxDropdownHeight={320}
      comboboxProps={DROPDOWN_ON_SCREEN}
    />
  );
}
