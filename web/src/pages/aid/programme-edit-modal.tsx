// The administrator's form for a programme: names, target, period, channel, fund, caps and
// priority regions as fields; eligibility rules, the dated benefit table and lump-sum windows
// as JSON lists (their kinds are many; the server checks every one and names what is wrong).
import { Button, Group, Modal, Select, SimpleGrid, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, PERIODS, type ProgrammeInput, type ProgrammeView, saveProgramme, useInvalidateAid } from '../../api/aid.ts';
import { useFunds } from '../../api/ledger.ts';
import { FormError, fieldError } from '../../components/error-alert.tsx';
import { useToast } from '../../components/toast.tsx';
import { todayIso } from '../registry/shared.tsx';

type Draft = {
  code: string;
  nameId: string;
  nameEn: string;
  targetUnit: 'household' | 'person';
  period: ProgrammeInput['period'];
  stagesPerYear: string;
  channel: ProgrammeInput['channel'];
  fundCode: string | null;
  memberCap: string;
  newYearPercent: string;
  finalYearPercent: string;
  active: boolean;
  priorityRegions: string;
  eligibility: string;
  rates: string;
  paymentWindows: string;
};

const json = (value: unknown) => JSON.stringify(value, null, 2);
const numberText = (value: number | null) => (value === null ? '' : String(value));

function draftOf(programme: ProgrammeView | null): Draft {
  if (!programme)
    return {
      code: '',
      nameId: '',
      nameEn: '',
      targetUnit: 'household',
      period: 'month',
      stagesPerYear: '',
      channel: 'bank',
      fundCode: null,
      memberCap: '',
      newYearPercent: '',
      finalYearPercent: '',
      active: true,
      priorityRegions: '',
      eligibility: json([{ kind: 'decile', min: 1, max: 4 }]),
      rates: json([{ category: 'keluarga', basis: 'unit', amount: '100000', effectiveFrom: todayIso() }]),
      paymentWindows: '[]',
    };
  return {
    code: programme.code,
    nameId: programme.nameId,
    nameEn: programme.nameEn,
    targetUnit: programme.targetUnit,
    period: programme.period,
    stagesPerYear: numberText(programme.stagesPerYear),
    channel: programme.channel,
    fundCode: programme.fundCode,
    memberCap: numberText(programme.memberCap),
    newYearPercent: numberText(programme.newYearPercent),
    finalYearPercent: numberText(programme.finalYearPercent),
    active: programme.active,
    priorityRegions: programme.priorityRegions.join(', '),
    eligibility: json(programme.eligibility),
    rates: json(programme.rates),
    paymentWindows: json(programme.paymentWindows),
  };
}

const wholeOrNull = (text: string) => (text.trim() === '' ? null : Number(text.trim()));
function listOf(text: string): unknown[] | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

const FIELDS = [
  'code',
  'nameId',
  'nameEn',
  'targetUnit',
  'period',
  'stagesPerYear',
  'channel',
  'fundCode',
  'memberCap',
  'newYearPercent',
  'finalYearPercent',
  'priorityRegions',
  'eligibility',
  'rates',
  'paymentWindows',
];

export function ProgrammeEditModal({
  programme,
  onClose,
  onSaved,
}: {
  programme: ProgrammeView | null;
  onClose(): void;
  onSaved?(saved: ProgrammeView): void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateAid();
  const funds = useFunds();
  const [draft, setDraft] = useState<Draft>(() => draftOf(programme));
  const [badJson, setBadJson] = useState<string[]>([]);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const save = useMutation({
    mutationFn: (input: ProgrammeInput) => saveProgramme(programme?.id ?? null, input),
    onSuccess: async (saved) => {
      await invalidate();
      toast.success(t('aid.edit.saved'));
      onSaved?.(saved);
      onClose();
    },
  });

  const submit = () => {
    const eligibility = listOf(draft.eligibility);
    const rates = listOf(draft.rates);
    const paymentWindows = listOf(draft.paymentWindows);
    const bad = [!eligibility && 'eligibility', !rates && 'rates', !paymentWindows && 'paymentWindows'].filter(Boolean) as string[];
    setBadJson(bad);
    if (bad.length > 0) return;
    save.mutate({
      code: draft.code.trim(),
      nameId: draft.nameId,
      nameEn: draft.nameEn,
      targetUnit: draft.targetUnit,
      period: draft.period,
      stagesPerYear: wholeOrNull(draft.stagesPerYear),
      channel: draft.channel,
      fundCode: draft.fundCode,
      memberCap: wholeOrNull(draft.memberCap),
      newYearPercent: wholeOrNull(draft.newYearPercent),
      finalYearPercent: wholeOrNull(draft.finalYearPercent),
      active: draft.active,
      priorityRegions: draft.priorityRegions
        .split(/[\s,;]+/)
        .map((code) => code.trim())
        .filter(Boolean),
      eligibility: eligibility as ProgrammeInput['eligibility'],
      rates: rates as ProgrammeInput['rates'],
      paymentWindows: paymentWindows as ProgrammeInput['paymentWindows'],
    });
  };
  const error = (field: string) => (badJson.includes(field) ? t('aid.edit.invalidJson') : fieldError(save.error, field));

  return (
    <Modal opened onClose={onClose} title={programme ? t('aid.edit.title') : t('aid.edit.newTitle')} size="xl">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('aid.code')}
            required
            value={draft.code}
            onChange={(e) => set('code', e.currentTarget.value)}
            disabled={programme?.builtIn}
            description={programme?.builtIn ? t('aid.edit.builtInCode') : undefined}
            error={error('code')}
          />
          <Switch label={t('aid.active')} checked={draft.active} onChange={(e) => set('active', e.currentTarget.checked)} mt="lg" />
          <TextInput
            label={t('aid.nameId')}
            required
            value={draft.nameId}
            onChange={(e) => set('nameId', e.currentTarget.value)}
            error={error('nameId')}
          />
          <TextInput
            label={t('aid.nameEn')}
            required
            value={draft.nameEn}
            onChange={(e) => set('nameEn', e.currentTarget.value)}
            error={error('nameEn')}
          />
          <Select
            label={t('aid.targetUnit')}
            data={(['household', 'person'] as const).map((u) => ({ value: u, label: t(`aid.units.${u}`) }))}
            value={draft.targetUnit}
            onChange={(v) => v && set('targetUnit', v as Draft['targetUnit'])}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            error={error('targetUnit')}
          />
          <Select
            label={t('aid.period')}
            data={PERIODS.map((p) => ({ value: p, label: t(`aid.periods.${p}`) }))}
            value={draft.period}
            onChange={(v) => v && set('period', v as Draft['period'])}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            error={error('period')}
          />
          <TextInput
            label={t('aid.stagesPerYear')}
            inputMode="numeric"
            value={draft.stagesPerYear}
            onChange={(e) => set('stagesPerYear', e.currentTarget.value.replace(/\D/g, ''))}
            error={error('stagesPerYear')}
          />
          <Select
            label={t('aid.channel')}
            data={CHANNELS.map((c) => ({ value: c, label: t(`aid.channels.${c}`) }))}
            value={draft.channel}
            onChange={(v) => v && set('channel', v as Draft['channel'])}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            error={error('channel')}
          />
          <Select
            label={t('aid.fund')}
            description={t('aid.edit.fundHint')}
            data={(funds.data ?? []).map((f) => ({ value: f.code, label: `${f.code} · ${f.name}` }))}
            value={draft.fundCode}
            onChange={(v) => set('fundCode', v)}
            clearable
            searchable
            comboboxProps={{ withinPortal: true }}
            error={error('fundCode')}
          />
          <TextInput
            label={t('aid.memberCap')}
            inputMode="numeric"
            value={draft.memberCap}
            onChange={(e) => set('memberCap', e.currentTarget.value.replace(/\D/g, ''))}
            error={error('memberCap')}
          />
          <TextInput
            label={t('aid.newYearPercent')}
            inputMode="numeric"
            value={draft.newYearPercent}
            onChange={(e) => set('newYearPercent', e.currentTarget.value.replace(/\D/g, ''))}
            error={error('newYearPercent')}
          />
          <TextInput
            label={t('aid.finalYearPercent')}
            inputMode="numeric"
            value={draft.finalYearPercent}
            onChange={(e) => set('finalYearPercent', e.currentTarget.value.replace(/\D/g, ''))}
            error={error('finalYearPercent')}
          />
        </SimpleGrid>
        <TextInput
          label={t('aid.priorityRegions')}
          description={t('aid.edit.priorityHint')}
          value={draft.priorityRegions}
          onChange={(e) => set('priorityRegions', e.currentTarget.value)}
          error={error('priorityRegions')}
        />
        {(['eligibility', 'rates', 'paymentWindows'] as const).map((field) => (
          <Textarea
            key={field}
            label={t(field === 'eligibility' ? 'aid.edit.rulesJson' : field === 'rates' ? 'aid.edit.ratesJson' : 'aid.edit.windowsJson')}
            description={t('aid.edit.jsonHint')}
            autosize
            minRows={3}
            maxRows={14}
            ff="monospace"
            styles={{ input: { fontFamily: 'monospace', fontSize: 13 } }}
            value={draft[field]}
            onChange={(e) => set(field, e.currentTarget.value)}
            error={error(field)}
          />
        ))}
        <FormError error={save.error} fields={FIELDS} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={save.isPending} onClick={submit}>
            {t('aid.edit.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
