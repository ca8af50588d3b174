// The "new encounter" form of a health worker: vitals with their units and ranges checked as they
// are typed (the server's own rules), the flags they raise, an ICD-10 picker, treatment and an
// optional referral.

import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  checkVitals,
  VITAL_RANGES,
  type VitalField,
  type VitalProblem,
  vitalFlags,
} from '../../../../src/modules/health/encounters.rules.ts';
import { useMoneyMutation } from '../../api/idempotency.ts';
import { DateField } from '../../components/date-field.tsx';
import { FormError, fieldError } from '../../components/error-alert.tsx';
import { useToast } from '../../components/toast.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { todayIso, yearsBetween } from '../registry/shared.tsx';
import {
  type EncounterInput,
  type EncounterView,
  encountersPath,
  type Icd10Item,
  icd10Query,
  useInvalidateHealth,
} from './encounter-api.ts';
import { FlagBadges } from './encounter-flags.tsx';

const VITAL_LABELS = {
  systolic: 'healthEncounters.systolic',
  diastolic: 'healthEncounters.diastolic',
  weightKg: 'healthEncounters.weight',
  heightCm: 'healthEncounters.height',
  temperatureC: 'healthEncounters.temperature',
  glucoseMgDl: 'healthEncounters.glucose',
} as const satisfies Record<VitalField, string>;
const FIELDS = Object.keys(VITAL_LABELS) as VitalField[];

/** The value typed in a field: a number, or undefined when empty. */
const numberOf = (value: string | number) =>
  value === '' ? undefined : typeof value === 'number' ? value : Number(value.replace(',', '.'));

function useProblemText() {
  const { t } = useTranslation();
  return (problem: VitalProblem | undefined) => {
    if (!problem) return undefined;
    if (problem.code === 'health.vital_out_of_range') return t('healthEncounters.outOfRange', problem.params);
    if (problem.code === 'health.vital_decimals') return t('healthEncounters.tooManyDecimals', problem.params);
    return t('healthEncounters.diastolicBelow');
  };
}

export function NewEncounterModal({
  personId,
  personName,
  birthDate,
  onClose,
}: {
  personId: string;
  personName: string;
  birthDate: string;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const phone = useIsPhone();
  const decimalText = (value: number) => (i18n.language === 'en' ? String(value) : String(value).replace('.', ','));
  const invalidate = useInvalidateHealth(personId);
  const problemText = useProblemText();
  const [profession, setProfession] = useState<'doctor' | 'midwife' | 'nurse'>('doctor');
  const [place, setPlace] = useState<'home' | 'clinic'>('home');
  const [encounteredOn, setEncounteredOn] = useState(todayIso());
  const [complaint, setComplaint] = useState('');
  const [vitals, setVitals] = useState<Record<VitalField, string | number>>({
    systolic: '',
    diastolic: '',
    weightKg: '',
    heightCm: '',
    temperatureC: '',
    glucoseMgDl: '',
  });
  const [diagnoses, setDiagnoses] = useState<Icd10Item[]>([]);
  const [treatment, setTreatment] = useState('');
  const [refer, setRefer] = useState(false);
  const [destinationKind, setDestinationKind] = useState<'puskesmas' | 'hospital'>('puskesmas');
  const [destination, setDestination] = useState('');
  const [reason, setReason] = useState('');

  const measured = Object.fromEntries(FIELDS.map((f) => [f, numberOf(vitals[f])])) as Record<VitalField, number | undefined>;
  const problems = checkVitals(measured);
  const flags = problems.length === 0 ? vitalFlags(measured, yearsBetween(birthDate, encounteredOn)) : null;

  const body: EncounterInput = {
    profession,
    place,
    encounteredOn,
    complaint: complaint || undefined,
    vitals: Object.fromEntries(FIELDS.filter((f) => measured[f] !== undefined).map((f) => [f, measured[f]])),
    diagnoses: diagnoses.map((d) => d.code),
    treatment: treatment || undefined,
    referral: refer ? { destinationKind, destination, reason } : undefined,
  };
  const save = useMoneyMutation<EncounterView, void>(() => ({ path: encountersPath(personId), body }), {
    onSuccess: async () => {
      await invalidate();
      toast.success(t('healthEncounters.saved'));
      onClose();
    },
  });
  const shownFields = [
    'profession',
    'place',
    'encounteredOn',
    'complaint',
    'treatment',
    'diagnoses',
    'referral',
    ...FIELDS.map((f) => `vitals.${f}`),
  ];

  return (
    <Modal opened onClose={onClose} title={t('healthEncounters.newTitle', { name: personName })} size="lg" fullScreen={phone} centered>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (problems.length === 0) save.mutate();
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <Select
              label={t('healthEncounters.profession')}
              required
              data={(['doctor', 'midwife', 'nurse'] as const).map((value) => ({
                value,
                label: t(`healthEncounters.professions.${value}`),
              }))}
              value={profession}
              onChange={(value) => value && setProfession(value as typeof profession)}
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={t('healthEncounters.place')}
              required
              data={(['home', 'clinic'] as const).map((value) => ({ value, label: t(`healthEncounters.places.${value}`) }))}
              value={place}
              onChange={(value) => value && setPlace(value as typeof place)}
              comboboxProps={{ withinPortal: true }}
            />
            <DateField
              label={t('healthEncounters.encounteredOn')}
              required
              value={encounteredOn}
              min={birthDate}
              max={todayIso()}
              onChange={(event) => setEncounteredOn(event.currentTarget.value)}
              error={fieldError(save.error, 'encounteredOn')}
              data-testid="encounter-date"
            />
          </SimpleGrid>
          <Textarea
            label={t('healthEncounters.complaint')}
            autosize
            minRows={2}
            maxLength={2000}
            value={complaint}
            onChange={(event) => setComplaint(event.currentTarget.value)}
            error={fieldError(save.error, 'complaint')}
          />
          <Paper withBorder radius="md" p="sm">
            <Stack gap="xs">
              <Text fw={600} size="sm">
                {t('healthEncounters.vitals')}
              </Text>
              <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
                {FIELDS.map((field) => {
                  const range = VITAL_RANGES[field];
                  return (
                    <NumberInput
                      key={field}
                      label={t(VITAL_LABELS[field])}
                      description={t('healthEncounters.range', { ...range, min: decimalText(range.min), max: decimalText(range.max) })}
                      rightSection={
                        <Text size="xs" c="dimmed" pr={4}>
                          {range.unit}
                        </Text>
                      }
                      rightSectionWidth={range.unit.length > 3 ? 52 : 36}
                      hideControls
                      decimalScale={range.decimals}
                      allowNegative={false}
                      value={vitals[field]}
                      onChange={(value) => setVitals((all) => ({ ...all, [field]: value }))}
                      error={problemText(problems.find((p) => p.field === field)) ?? fieldError(save.error, `vitals.${field}`)}
                      data-testid={`vital-${field}`}
                    />
                  );
                })}
              </SimpleGrid>
              {flags && <FlagBadges flags={flags} />}
            </Stack>
          </Paper>
          <DiagnosisPicker value={diagnoses} onChange={setDiagnoses} error={fieldError(save.error, 'diagnoses')} />
          <Textarea
            label={t('healthEncounters.treatment')}
            autosize
            minRows={2}
            maxLength={2000}
            value={treatment}
            onChange={(event) => setTreatment(event.currentTarget.value)}
            error={fieldError(save.error, 'treatment')}
          />
          <Checkbox
            label={t('healthEncounters.refer')}
            checked={refer}
            onChange={(event) => setRefer(event.currentTarget.checked)}
            data-testid="encounter-refer"
          />
          {refer && (
            <Paper withBorder radius="md" p="sm">
              <Stack gap="sm">
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                  <Select
                    label={t('healthEncounters.destinationKind')}
                    required
                    data={(['puskesmas', 'hospital'] as const).map((value) => ({
                      value,
                      label: t(`healthEncounters.destinationKinds.${value}`),
                    }))}
                    value={destinationKind}
                    onChange={(value) => value && setDestinationKind(value as typeof destinationKind)}
                    comboboxProps={{ withinPortal: true }}
                  />
                  <TextInput
                    label={t('healthEncounters.destination')}
                    required
                    maxLength={200}
                    value={destination}
                    onChange={(event) => setDestination(event.currentTarget.value)}
                    error={fieldError(save.error, 'referral.destination')}
                    data-testid="referral-destination"
                  />
                </SimpleGrid>
                <Textarea
                  label={t('healthEncounters.reason')}
                  required
                  autosize
                  minRows={2}
                  maxLength={1000}
                  value={reason}
                  onChange={(event) => setReason(event.currentTarget.value)}
                  error={fieldError(save.error, 'referral.reason')}
                  data-testid="referral-reason"
                />
              </Stack>
            </Paper>
          )}
          <FormError error={save.error} fields={shownFields} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={problems.length > 0} data-testid="encounter-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Debounced text: what to search once typing pauses. */
function useDebounced(value: string, ms = 250) {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Picks ICD-10 codes from the curated list by code or name; the first picked is the primary diagnosis. */
function DiagnosisPicker({ value, onChange, error }: { value: Icd10Item[]; onChange(items: Icd10Item[]): void; error?: string }) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const results = useQuery({ ...icd10Query(q), enabled: q.length > 0 });
  const nameOf = (item: Icd10Item) => (i18n.language === 'en' ? item.nameEn : item.nameId);
  const options = (results.data?.items ?? [])
    .filter((item) => !value.some((v) => v.code === item.code))
    .map((item) => ({ value: item.code, label: `${item.code} · ${nameOf(item)}` }));
  return (
    <Stack gap={6}>
      <Select
        label={t('healthEncounters.diagnoses')}
        description={t('healthEncounters.diagnosisHint')}
        placeholder={t('healthEncounters.diagnosisSearch')}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        data={options}
        value={null}
        filter={({ options: all }) => all}
        nothingFoundMessage={q && !results.isPending ? t('healthEncounters.nothingFound') : undefined}
        onChange={(code) => {
          const item = results.data?.items.find((i) => i.code === code);
          if (item && value.length < 10) onChange([...value, item]);
          setSearch('');
        }}
        error={error}
        comboboxProps={{ withinPortal: true }}
        data-testid="diagnosis-search"
      />
      {value.length > 0 && (
        <Group gap={6}>
          {value.map((item, i) => (
            <Badge
              key={item.code}
              variant={i === 0 ? 'filled' : 'light'}
              color="teal"
              style={{ textTransform: 'none' }}
              data-testid="diagnosis-picked"
              rightSection={
                <ActionIcon
                  size="xs"
                  variant="transparent"
                  color={i === 0 ? 'white' : 'teal'}
                  aria-label={t('healthEncounters.remove', { code: item.code })}
                  onClick={() => onChange(value.filter((v) => v.code !== item.code))}
                >
                  ×
                </ActionIcon>
              }
            >
              {item.code} · {nameOf(item)}
              {i === 0 && value.length > 1 ? ` (${t('healthEncounters.primary')})` : ''}
            </Badge>
          ))}
        </Group>
      )}
    </Stack>
  );
}
