import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Chip,
  Group,
  Modal,
  NumberInput,
  Radio,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { businessDate, systemClock } from '../../../src/core/clock.ts';
import { formatDateShort } from '../../../src/core/format.ts';
import { ageOn, type Icd10Entry, icd10Name, searchIcd10 } from '../../../src/modules/health/encounters.rules.ts';
import { MAX_DIAGNOSES } from '../../../src/modules/health/encounters.schema.ts';
import type { FieldFamily, FieldMember, HealthBundle } from '../../../src/modules/health/field.schema.ts';
import { DateField } from '../components/date-field.tsx';
import { useToast } from '../components/toast.tsx';
import { type EncounterRecord, recordEncounter, recordIllness, recordScreening, type ScreeningRecord, useField } from './field-store.ts';
import './field-text.ts';
import type { OutboxEntry } from './outbox.ts';

/** The first families shown; the search finds the rest. */
const SHOWN = 60;
type Filter = 'all' | 'overdue' | 'due' | 'pregnant' | 'chronic' | 'ill';
const FILTERS: Filter[] = ['all', 'overdue', 'due', 'pregnant', 'chronic', 'ill'];

const today = () => businessDate(systemClock);
export const healthFamilyName = (family: FieldFamily) => family.headName ?? `KK ${family.kkNumber}`;

const matches = (member: FieldMember, filter: Filter) =>
  filter === 'all' ||
  (filter === 'overdue' && member.recall?.status === 'overdue') ||
  (filter === 'due' && member.recall?.status === 'due') ||
  (filter === 'pregnant' && member.pregnancy !== undefined) ||
  (filter === 'chronic' && (member.conditions?.length ?? 0) > 0) ||
  (filter === 'ill' && member.illness !== undefined);

/** Records of a person made on this phone since the download: waiting, or gone through after it. */
const recordedFor = (entries: OutboxEntry[], personId: string, downloadedAt: string) =>
  entries.filter(
    (e) =>
      (e.status === 'waiting' || (e.status === 'applied' && (e.settledAt ?? '') >= downloadedAt)) &&
      (e.operation.type === 'encounter' || e.operation.type === 'screening' || e.operation.type === 'illness') &&
      e.operation.payload.personId === personId,
  ).length;

/** A health worker's families, most urgent first: what is due for whom, with a search and a filter. */
export function FieldHealthHome({ health }: { health: HealthBundle }) {
  const { t: ft } = useTranslation('field');
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const needle = search.trim().toLowerCase();
  const shown = health.families.filter(
    (f) =>
      f.members.some((m) => matches(m, filter)) &&
      (!needle || f.kkNumber.includes(needle) || f.members.some((m) => m.name.toLowerCase().includes(needle))),
  );
  return (
    <Stack gap="sm">
      <Button component={Link} to="/field/health/sessions" variant="light" size="md">
        {ft('sessionsButton')}
      </Button>
      <Title order={2} size="h4">
        {ft('healthFamiliesTitle')}
      </Title>
      {health.truncated ? (
        <Alert color="orange" p="xs">
          <Text size="sm">{ft('healthTruncated')}</Text>
        </Alert>
      ) : null}
      {health.families.length === 0 ? (
        <Text c="dimmed">{ft('healthNoFamilies')}</Text>
      ) : (
        <>
          <TextInput
            size="md"
            type="search"
            aria-label={ft('searchHealth')}
            placeholder={ft('searchHealth')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
          <Chip.Group value={filter} onChange={(v) => setFilter(v as Filter)}>
            <Group gap={6}>
              {FILTERS.map((f) => (
                <Chip key={f} value={f} size="sm">
                  {ft(FILTER_TEXT[f])}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          <Text size="sm" c="dimmed">
            {ft('familiesShown', { shown: Math.min(shown.length, SHOWN), count: health.families.length })}
          </Text>
          {shown.length === 0 ? <Text c="dimmed">{ft('noMatch')}</Text> : null}
          {shown.slice(0, SHOWN).map((family) => (
            <Card
              key={family.householdId}
              withBorder
              padding="sm"
              component={Link}
              to={`/field/health/families/${family.householdId}`}
              aria-label={healthFamilyName(family)}
              style={{ minHeight: 64 }}
            >
              <Stack gap={4}>
                <Text fw={700}>{healthFamilyName(family)}</Text>
                <Text size="xs" c="dimmed">
                  KK {family.kkNumber} · {family.villageCode}
                </Text>
                {family.members
                  .filter((m) => m.recall || m.pregnancy || m.conditions || m.illness)
                  .map((m) => (
                    <Group key={m.personId} gap={4} wrap="wrap">
                      <Text size="sm">{m.name}</Text>
                      <MemberBadges member={m} />
                    </Group>
                  ))}
              </Stack>
            </Card>
          ))}
        </>
      )}
    </Stack>
  );
}

const FILTER_TEXT = {
  all: 'filterAll',
  overdue: 'recallOverdue',
  due: 'recallDue',
  pregnant: 'pregnant',
  chronic: 'chronic',
  ill: 'ill',
} as const;

/** What is due for one person, as small badges: recall, pregnancy with EDD, chronic conditions, illness. */
function MemberBadges({ member }: { member: FieldMember }) {
  const { t: ft } = useTranslation('field');
  return (
    <>
      {member.recall ? (
        <Badge color={member.recall.status === 'overdue' ? 'red' : 'orange'} variant="light" tt="none">
          {ft(member.recall.status === 'overdue' ? 'recallOverdue' : member.recall.lastScreenedOn ? 'recallDue' : 'recallNever')}
        </Badge>
      ) : null}
      {member.pregnancy ? (
        <Badge color="grape" variant="light" tt="none">
          {member.pregnancy.expectedDelivery
            ? ft('pregnantEdd', { date: formatDateShort(member.pregnancy.expectedDelivery) })
            : ft('pregnant')}
        </Badge>
      ) : null}
      {member.conditions?.map((c) => (
        <Badge key={c} color="blue" variant="light" tt="none">
          {ft(`condition_${c}`)}
        </Badge>
      ))}
      {member.illness ? (
        <Badge color={member.illness.status === 'ill' ? 'red' : 'yellow'} variant="filled" tt="none">
          {ft(member.illness.status === 'ill' ? 'ill' : 'recoveringBadge')}
        </Badge>
      ) : null}
    </>
  );
}

/** One family: each member with what is due, and an encounter or a screening recorded into the outbox. */
export function FieldHealthFamilyScreen() {
  const { id } = useParams();
  const field = useField();
  const { t: ft } = useTranslation('field');
  const [encounter, setEncounter] = useState<FieldMember | null>(null);
  const [screening, setScreening] = useState<FieldMember | null>(null);
  const family = field.bundle?.bundle.health?.families.find((f) => f.householdId === id);
  const back = (
    <Anchor component={Link} to="/field" size="md" py={8} display="inline-block">
      ← {ft('back')}
    </Anchor>
  );
  if (!family)
    return (
      <Stack>
        {back}
        <Text>{ft('familyNotFound')}</Text>
      </Stack>
    );
  const now = today();
  return (
    <Stack gap="sm">
      {back}
      <Title order={1} size="h3">
        {healthFamilyName(family)}
      </Title>
      <Text size="sm" c="dimmed">
        KK {family.kkNumber} · {family.address} · {family.villageCode}
      </Text>
      {family.members.map((member) => {
        const recorded = recordedFor(field.outbox, member.personId, field.bundle?.downloadedAt ?? '');
        return (
          <Card key={member.personId} withBorder padding="sm" component="article" aria-label={member.name}>
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Text fw={700}>{member.name}</Text>
                <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
                  {ft(`sex_${member.sex}`)} · {ft('age', { count: ageOn(member.birthDate, now) })}
                </Text>
              </Group>
              <Group gap={4}>
                <MemberBadges member={member} />
              </Group>
              {member.recall ? (
                <Text size="sm">
                  {member.recall.lastScreenedOn
                    ? ft('recallLine', {
                        method: ft(`method_${member.recall.method}`),
                        last: formatDateShort(member.recall.lastScreenedOn),
                        next: formatDateShort(member.recall.nextDueOn),
                      })
                    : ft('recallNeverLine', { method: ft(`method_${member.recall.method}`) })}
                </Text>
              ) : null}
              {member.illness ? (
                <Text size="sm">
                  {member.illness.status === 'ill' || !member.illness.unableUntil
                    ? ft('illSince', { date: formatDateShort(member.illness.unableFrom) })
                    : ft('recoveringSince', {
                        from: formatDateShort(member.illness.unableFrom),
                        to: formatDateShort(member.illness.unableUntil),
                      })}
                </Text>
              ) : null}
              {recorded > 0 ? (
                <Text size="sm" c="teal.9" fw={600}>
                  {ft('healthRecorded', { count: recorded })}
                </Text>
              ) : null}
              <Button size="md" variant="light" onClick={() => setEncounter(member)}>
                {ft('recordEncounter')}
              </Button>
              {member.sex === 'F' ? (
                <Button size="md" variant="light" color="grape" onClick={() => setScreening(member)}>
                  {ft('recordScreening')}
                </Button>
              ) : null}
            </Stack>
          </Card>
        );
      })}
      {encounter ? <EncounterModal family={family} member={encounter} onClose={() => setEncounter(null)} /> : null}
      {screening ? <ScreeningModal family={family} member={screening} onClose={() => setScreening(null)} /> : null}
    </Stack>
  );
}

type Vitals = NonNullable<EncounterRecord['vitals']>;
const VITALS: { key: keyof Vitals; min: number; max: number; decimals: number }[] = [
  { key: 'systolic', min: 40, max: 300, decimals: 0 },
  { key: 'diastolic', min: 20, max: 200, decimals: 0 },
  { key: 'weightKg', min: 0.5, max: 400, decimals: 1 },
  { key: 'heightCm', min: 20, max: 250, decimals: 1 },
  { key: 'temperatureC', min: 30, max: 45, decimals: 1 },
  { key: 'glucoseMgDl', min: 10, max: 1000, decimals: 0 },
];

/** An encounter: who saw the member where, complaint, vitals with units, ICD-10 diagnoses, treatment, referral. */
function EncounterModal({ family, member, onClose }: { family: FieldFamily; member: FieldMember; onClose: () => void }) {
  const { t: ft } = useTranslation('field');
  const icd10 = useField().bundle?.bundle.health?.icd10 ?? [];
  const toast = useToast();
  const [profession, setProfession] = useState<EncounterRecord['profession']>('doctor');
  const [place, setPlace] = useState<EncounterRecord['place']>('home');
  const [complaint, setComplaint] = useState('');
  const [vitals, setVitals] = useState<Partial<Record<keyof Vitals, number | string>>>({});
  const [diagnoses, setDiagnoses] = useState<Icd10Entry[]>([]);
  const [treatment, setTreatment] = useState('');
  const [refer, setRefer] = useState(false);
  const [destinationKind, setDestinationKind] = useState<'puskesmas' | 'hospital'>('puskesmas');
  const [destination, setDestination] = useState('');
  const [reason, setReason] = useState('');
  const [unable, setUnable] = useState(false);
  const [unableUntil, setUnableUntil] = useState('');
  const [tried, setTried] = useState(false);
  const date = today();
  const referralMissing = refer && (!destination.trim() || !reason.trim());
  const untilWrong = unable && unableUntil !== '' && unableUntil < date;
  const save = async () => {
    setTried(true);
    if (referralMissing || untilWrong) return;
    const measured = Object.fromEntries(
      VITALS.flatMap(({ key }) => (typeof vitals[key] === 'number' ? [[key, vitals[key]]] : [])),
    ) as Vitals;
    await recordEncounter(
      {
        personId: member.personId,
        profession,
        place,
        encounteredOn: date,
        ...(complaint.trim() ? { complaint: complaint.trim() } : {}),
        ...(Object.keys(measured).length > 0 ? { vitals: measured } : {}),
        diagnoses: diagnoses.map((d) => d.code),
        ...(treatment.trim() ? { treatment: treatment.trim() } : {}),
        ...(refer ? { referral: { destinationKind, destination: destination.trim(), reason: reason.trim() } } : {}),
      },
      { family: healthFamilyName(family), member: member.name },
    );
    if (unable)
      await recordIllness(
        { personId: member.personId, fromOn: date, toOn: unableUntil || null },
        { family: healthFamilyName(family), member: member.name },
      );
    toast.success(ft('saved'));
    onClose();
  };
  return (
    <Modal opened onClose={onClose} title={ft('encounterTitle', { name: member.name })} fullScreen>
      <Stack gap="sm">
        <Text size="sm">{ft('encounteredOn', { date: formatDateShort(date) })}</Text>
        <Select
          label={ft('profession')}
          size="md"
          allowDeselect={false}
          value={profession}
          onChange={(v) => v && setProfession(v as typeof profession)}
          data={(['doctor', 'midwife', 'nurse'] as const).map((p) => ({ value: p, label: ft(`profession_${p}`) }))}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {ft('place')}
          </Text>
          <SegmentedControl
            fullWidth
            value={place}
            onChange={(v) => setPlace(v as typeof place)}
            data={(['home', 'clinic'] as const).map((p) => ({ value: p, label: ft(`place_${p}`) }))}
          />
        </Stack>
        <Textarea
          label={ft('complaint')}
          size="md"
          autosize
          minRows={2}
          value={complaint}
          onChange={(e) => setComplaint(e.currentTarget.value)}
        />
        <Text size="sm" fw={600}>
          {ft('vitals')}
        </Text>
        <Group grow gap="xs" align="flex-start" wrap="wrap">
          {VITALS.map(({ key, min, max, decimals }) => (
            <NumberInput
              key={key}
              label={ft(key)}
              size="md"
              miw={140}
              min={min}
              max={max}
              decimalScale={decimals}
              decimalSeparator=","
              allowNegative={false}
              hideControls
              inputMode="decimal"
              value={vitals[key] ?? ''}
              onChange={(v) => setVitals((all) => ({ ...all, [key]: v }))}
            />
          ))}
        </Group>
        <DiagnosisPicker list={icd10} value={diagnoses} onChange={setDiagnoses} />
        <Textarea
          label={ft('treatment')}
          size="md"
          autosize
          minRows={2}
          value={treatment}
          onChange={(e) => setTreatment(e.currentTarget.value)}
        />
        {/* Already unable to work with no end: one episode at a time (the office app closes it). */}
        {member.illness?.status === 'ill' && member.illness.unableUntil === null ? (
          <Text size="sm">{ft('illSince', { date: formatDateShort(member.illness.unableFrom) })}</Text>
        ) : (
          <Checkbox size="md" label={ft('unableToWork')} checked={unable} onChange={(e) => setUnable(e.currentTarget.checked)} />
        )}
        {unable ? (
          <DateField
            size="md"
            label={ft('unableUntil')}
            min={date}
            value={unableUntil}
            onChange={(e) => setUnableUntil(e.currentTarget.value)}
            error={untilWrong ? ft('unableUntilWrong') : null}
          />
        ) : null}
        <Checkbox size="md" label={ft('refer')} checked={refer} onChange={(e) => setRefer(e.currentTarget.checked)} />
        {refer ? (
          <Stack gap="xs">
            <SegmentedControl
              fullWidth
              aria-label={ft('destinationKind')}
              value={destinationKind}
              onChange={(v) => setDestinationKind(v as typeof destinationKind)}
              data={(['puskesmas', 'hospital'] as const).map((d) => ({ value: d, label: ft(`destination_${d}`) }))}
            />
            <TextInput label={ft('destination')} size="md" value={destination} onChange={(e) => setDestination(e.currentTarget.value)} />
            <Textarea label={ft('referralReason')} size="md" autosize value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
            {tried && referralMissing ? (
              <Text size="sm" c="red.9">
                {ft('referralRequired')}
              </Text>
            ) : null}
          </Stack>
        ) : null}
        <Button size="lg" fullWidth onClick={() => void save()}>
          {ft('save')}
        </Button>
        <Button variant="default" size="md" fullWidth onClick={onClose}>
          {ft('cancel')}
        </Button>
      </Stack>
    </Modal>
  );
}

/** An IVA or pap smear screening: result and action; the server sets the next date by its dated rule. */
function ScreeningModal({ family, member, onClose }: { family: FieldFamily; member: FieldMember; onClose: () => void }) {
  const { t: ft } = useTranslation('field');
  const toast = useToast();
  const [method, setMethod] = useState<ScreeningRecord['method']>(member.recall?.method ?? 'iva');
  const [result, setResult] = useState<ScreeningRecord['result'] | null>(null);
  const [action, setAction] = useState<ScreeningRecord['action']>('none');
  const date = today();
  const save = async () => {
    if (!result) return;
    await recordScreening(
      { personId: member.personId, method, screenedOn: date, result, action },
      { family: healthFamilyName(family), member: member.name },
    );
    toast.success(ft('saved'));
    onClose();
  };
  return (
    <Modal opened onClose={onClose} title={ft('screeningTitle', { name: member.name })} fullScreen>
      <Stack gap="sm">
        <Text size="sm">{ft('screenedOn', { date: formatDateShort(date) })}</Text>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {ft('method')}
          </Text>
          <SegmentedControl
            fullWidth
            value={method}
            onChange={(v) => setMethod(v as typeof method)}
            data={(['iva', 'pap_smear'] as const).map((m) => ({ value: m, label: ft(`method_${m}`) }))}
          />
        </Stack>
        <Radio.Group label={ft('result')} size="md" value={result} onChange={(v) => setResult(v as typeof result)}>
          <Stack gap="sm" mt={6}>
            {(['negative', 'positive', 'suspected_cancer', 'inadequate'] as const).map((r) => (
              <Radio key={r} value={r} label={ft(`result_${r}`)} size="md" />
            ))}
          </Stack>
        </Radio.Group>
        <Select
          label={ft('screeningAction')}
          size="md"
          allowDeselect={false}
          value={action}
          onChange={(v) => v && setAction(v as typeof action)}
          data={(['none', 'cryotherapy', 'thermal_ablation', 'referral', 'repeat'] as const).map((a) => ({
            value: a,
            label: ft(`action_${a}`),
          }))}
        />
        <Button size="lg" fullWidth disabled={!result} onClick={() => void save()}>
          {ft('save')}
        </Button>
        <Button variant="default" size="md" fullWidth onClick={onClose}>
          {ft('cancel')}
        </Button>
      </Stack>
    </Modal>
  );
}

/** ICD-10 diagnoses from the curated list shipped in the bundle: search by code or name, tap to add; the first is the primary. */
function DiagnosisPicker({ list, value, onChange }: { list: Icd10Entry[]; value: Icd10Entry[]; onChange(items: Icd10Entry[]): void }) {
  const { t: ft, i18n } = useTranslation('field');
  const [q, setQ] = useState('');
  const locale = i18n.language === 'en' ? 'en' : 'id';
  const found = q.trim() ? searchIcd10(list, q, 8).filter((e) => !value.some((v) => v.code === e.code)) : [];
  return (
    <Stack gap={6}>
      <TextInput
        label={ft('diagnoses')}
        description={ft('diagnosesHint')}
        size="md"
        type="search"
        value={q}
        disabled={value.length >= MAX_DIAGNOSES}
        onChange={(e) => setQ(e.currentTarget.value)}
      />
      {found.map((entry) => (
        <Button
          key={entry.code}
          variant="default"
          size="md"
          justify="flex-start"
          styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
          h="auto"
          py={6}
          onClick={() => {
            onChange([...value, entry]);
            setQ('');
          }}
        >
          {entry.code} · {icd10Name(entry, locale)}
        </Button>
      ))}
      {value.map((entry, i) => (
        <Group key={entry.code} justify="space-between" wrap="nowrap" gap="xs">
          <Text size="sm" fw={i === 0 ? 700 : 400}>
            {entry.code} · {icd10Name(entry, locale)}
          </Text>
          <Button
            variant="subtle"
            color="red"
            size="compact-sm"
            aria-label={ft('removeDiagnosis', { code: entry.code })}
            onClick={() => onChange(value.filter((v) => v.code !== entry.code))}
          >
            ✕
          </Button>
        </Group>
      ))}
    </Stack>
  );
}
