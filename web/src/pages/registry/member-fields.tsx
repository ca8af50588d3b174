// One member of a Kartu Keluarga: NIK first (it fills sex and birth date), then name,
// relation, place and date of birth. Used by the household form and "add member".

import { ActionIcon, Group, Paper, Radio, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Relation } from '../../api/registry.ts';
import { DateField } from '../../components/date-field.tsx';
import { birthDateFitsNik, checkNik, cleanNik, NikFeedback, NikReasons, nikParts } from './nik.tsx';
import { todayIso, useRelationOptions } from './shared.tsx';

export type MemberDraft = {
  key: number;
  nik: string;
  fullName: string;
  sex: 'M' | 'F' | null;
  birthPlace: string;
  birthDate: string;
  relation: Relation | null;
};

export const MEMBER_FIELDS = ['nik', 'fullName', 'sex', 'birthPlace', 'birthDate', 'relation'] as const;
export type MemberField = (typeof MEMBER_FIELDS)[number];

let nextKey = 1;
export const emptyMember = (relation: Relation | null = null): MemberDraft => ({
  key: nextKey++,
  nik: '',
  fullName: '',
  sex: null,
  birthPlace: '',
  birthDate: '',
  relation,
});

/** Fields left empty (checked before sending, so they are marked at once). */
export function missingMemberFields(draft: MemberDraft): MemberField[] {
  const missing: MemberField[] = [];
  if (!cleanNik(draft.nik)) missing.push('nik');
  if (!draft.fullName.trim()) missing.push('fullName');
  if (!draft.sex) missing.push('sex');
  if (!draft.birthDate) missing.push('birthDate');
  if (!draft.relation) missing.push('relation');
  return missing;
}

export function memberBody(draft: MemberDraft) {
  return {
    nik: cleanNik(draft.nik),
    fullName: draft.fullName.trim(),
    sex: draft.sex ?? undefined,
    birthPlace: draft.birthPlace.trim(),
    birthDate: draft.birthDate,
    relation: draft.relation ?? undefined,
  };
}

type Props = {
  value: MemberDraft;
  onChange(next: MemberDraft): void;
  /** A message for a field: a missing value, or the server's (`members.1.nik` → `nik`). */
  errorOf(field: MemberField): string | undefined;
  title: string;
  /** The Kartu Keluarga's relations this member may not take (e.g. a second head). */
  excludeRelations?: Relation[];
  onRemove?: () => void;
  removeLabel?: string;
  testId?: string;
};

export function MemberFields({ value, onChange, errorOf, title, excludeRelations, onRemove, removeLabel, testId }: Props) {
  const { t } = useTranslation();
  const relationOptions = useRelationOptions(excludeRelations);
  const check = checkNik(value.nik, t('nik.digitsOnly'));
  const decoded = check.state === 'valid' ? check.parts : null;
  const set = <K extends keyof MemberDraft>(key: K, field: MemberDraft[K]) => onChange({ ...value, [key]: field });

  // Typing a complete, possible NIK fills sex and birth date from it; they stay editable.
  const changeNik = (raw: string) => {
    const nik = cleanNik(raw);
    const parts = nikParts(nik);
    onChange(parts ? { ...value, nik, sex: parts.sex, birthDate: parts.birthDate } : { ...value, nik });
  };

  const sexContradicts = decoded && value.sex && value.sex !== decoded.sex;
  const dateContradicts = decoded && value.birthDate && !birthDateFitsNik(value.nik, value.birthDate);
  const nikError = errorOf('nik') ?? (check.state === 'invalid' ? <NikReasons reasons={check.reasons} /> : undefined);

  return (
    <Paper withBorder radius="md" p="sm" data-testid={testId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600} size="sm">
            {title}
          </Text>
          {onRemove && (
            <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={removeLabel}>
              <Text span fw={700} aria-hidden>
                ×
              </Text>
            </ActionIcon>
          )}
        </Group>
        <div>
          <TextInput
            label={t('registry.nik')}
            required
            value={value.nik}
            onChange={(event) => changeNik(event.currentTarget.value)}
            error={nikError}
            inputMode="numeric"
            autoComplete="off"
            maxLength={24}
            styles={{ input: { fontFamily: 'monospace', letterSpacing: 1 } }}
          />
          <div style={{ marginTop: 4 }}>
            <NikFeedback check={check} testId={testId ? `${testId}-nik` : undefined} />
          </div>
        </div>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('registry.fullName')}
            description={t('registry.fullNameHint')}
            required
            value={value.fullName}
            onChange={(event) => set('fullName', event.currentTarget.value)}
            error={errorOf('fullName')}
            maxLength={120}
            autoComplete="off"
          />
          <Select
            label={t('registry.relation')}
            required
            data={relationOptions}
            value={value.relation}
            onChange={(relation) => set('relation', relation as Relation | null)}
            error={errorOf('relation')}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <Radio.Group
            label={t('registry.sexLabel')}
            description={decoded ? t('nik.filledFromNik') : undefined}
            required
            value={value.sex ?? ''}
            onChange={(sex) => set('sex', sex === 'F' ? 'F' : 'M')}
            error={errorOf('sex') ?? (sexContradicts ? t('nik.sexContradicts', { sex: t(`registry.sex.${decoded.sex}`) }) : undefined)}
          >
            <Group gap="lg" mt={6}>
              <Radio value="M" label={t('registry.sex.M')} />
              <Radio value="F" label={t('registry.sex.F')} />
            </Group>
          </Radio.Group>
          <DateField
            label={t('registry.birthDate')}
            description={decoded ? t('nik.filledFromNik') : undefined}
            required
            value={value.birthDate}
            max={todayIso()}
            onChange={(event) => set('birthDate', event.currentTarget.value)}
            error={errorOf('birthDate') ?? (dateContradicts ? t('nik.dateContradicts') : undefined)}
          />
          <TextInput
            label={t('registry.birthPlace')}
            value={value.birthPlace}
            onChange={(event) => set('birthPlace', event.currentTarget.value)}
            error={errorOf('birthPlace')}
            maxLength={80}
          />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
