import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OfficeKind } from '../api/types.ts';
import { RegionMultiSelect, RegionSelect } from './region-picker.tsx';

export type OfficeDraft = {
  code: string;
  name: string;
  kind: OfficeKind;
  regionCode: string | null;
  address: string;
  coveredRegionCodes: string[];
};

export const emptyOffice = (kind: OfficeKind = 'branch'): OfficeDraft => ({
  code: '',
  name: '',
  kind,
  regionCode: null,
  address: '',
  coveredRegionCodes: [],
});

export const OFFICE_FIELDS = ['code', 'name', 'kind', 'regionCode', 'address', 'coveredRegionCodes'] as const;

type Props = {
  value: OfficeDraft;
  onChange(next: OfficeDraft): void;
  /** Message for a field, e.g. from the server's problem (`office.code` → `code`). */
  errorOf(field: (typeof OFFICE_FIELDS)[number]): string | undefined;
  codeEditable: boolean;
};

/** The office form, used by first-run setup and the offices page. */
export function OfficeFields({ value, onChange, errorOf, codeEditable }: Props) {
  const { t } = useTranslation();
  const set = <K extends keyof OfficeDraft>(key: K, field: OfficeDraft[K]) => onChange({ ...value, [key]: field });
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('offices.code')}
          description={codeEditable ? t('offices.codeHint') : undefined}
          required
          disabled={!codeEditable}
          value={value.code}
          onChange={(event) => set('code', event.currentTarget.value.toUpperCase())}
          error={errorOf('code')}
          autoCapitalize="characters"
          maxLength={20}
          name="office-code"
        />
        <Select
          label={t('offices.kind')}
          required
          allowDeselect={false}
          value={value.kind}
          onChange={(kind) => kind && set('kind', kind as OfficeKind)}
          data={(['head', 'branch', 'unit'] as const).map((kind) => ({ value: kind, label: t(`offices.kinds.${kind}`) }))}
          error={errorOf('kind')}
          name="office-kind"
        />
      </SimpleGrid>
      <TextInput
        label={t('offices.name')}
        required
        value={value.name}
        onChange={(event) => set('name', event.currentTarget.value)}
        error={errorOf('name')}
        maxLength={120}
        name="office-name"
      />
      <RegionSelect
        label={t('offices.homeRegion')}
        description={t('offices.homeRegionHint')}
        required
        value={value.regionCode}
        // The office usually serves at least its own region: offer that as a start.
        onChange={(code) =>
          onChange({
            ...value,
            regionCode: code,
            coveredRegionCodes: value.coveredRegionCodes.length === 0 && code ? [code] : value.coveredRegionCodes,
          })
        }
        error={errorOf('regionCode')}
        data-testid="office-home-region"
      />
      <RegionMultiSelect
        label={t('offices.coveredRegions')}
        description={t('offices.coveredRegionsHint')}
        required
        value={value.coveredRegionCodes}
        onChange={(codes) => set('coveredRegionCodes', codes)}
        error={errorOf('coveredRegionCodes')}
        data-testid="office-covered-regions"
      />
      <TextInput
        label={t('offices.address')}
        value={value.address}
        onChange={(event) => set('address', event.currentTarget.value)}
        error={errorOf('address')}
        maxLength={300}
        name="office-address"
      />
    </Stack>
  );
}

/** Checks made before sending, so an obviously missing field is marked at once. */
export function missingOfficeFields(draft: OfficeDraft): Partial<Record<(typeof OFFICE_FIELDS)[number], true>> {
  return {
    ...(draft.code.trim() ? {} : { code: true }),
    ...(draft.name.trim() ? {} : { name: true }),
    ...(draft.regionCode ? {} : { regionCode: true }),
    ...(draft.coveredRegionCodes.length > 0 ? {} : { coveredRegionCodes: true }),
  };
}

export function officeBody(draft: OfficeDraft) {
  return {
    name: draft.name.trim(),
    kind: draft.kind,
    regionCode: draft.regionCode ?? '',
    address: draft.address.trim() || undefined,
    coveredRegionCodes: draft.coveredRegionCodes,
  };
}
