// A person's health profile: conditions, pregnancy, disability, smoking, KB, JKN (read from the JKN
// records). Shown only to health workers and the admin (every read is audited); health workers edit.

import {
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
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import {
  canReadClinical,
  canRecordClinical,
  type ProfileInput,
  type ProfileView,
  personHealthQuery,
  savePersonHealth,
  useInvalidateHealth,
} from '../../api/health-profile.ts';
import { personQuery } from '../../api/registry.ts';
import { useSignedIn } from '../../auth/session.ts';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert, FormError, fieldError } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { useToast } from '../../components/toast.tsx';
import { Detail, useFormatDate } from '../registry/shared.tsx';

const CONDITIONS = ['hipertensi', 'diabetes', 'tb_paru', 'gangguan_jiwa', 'lainnya'] as const;
const DISABILITIES = ['none', 'physical', 'sensory', 'intellectual', 'mental', 'multiple'] as const;
const KB_METHODS = ['none', 'pill', 'injection', 'implant', 'iud', 'condom', 'tubectomy', 'vasectomy', 'lam', 'other'] as const;
type Tri = boolean | null;

/** Part of a person's health page; renders nothing for roles that may not read clinical records. */
export function PersonHealthProfile({ personId }: { personId: string }) {
  const me = useSignedIn();
  if (!canReadClinical(me.role)) return null;
  return <ProfilePanel personId={personId} canEdit={canRecordClinical(me.role)} />;
}

function useTri() {
  const { t } = useTranslation();
  return (value: Tri) => (value === null ? t('healthProfile.unknown') : value ? t('healthProfile.yes') : t('healthProfile.no'));
}

function ProfilePanel({ personId, canEdit }: { personId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const tri = useTri();
  const profile = useQuery(personHealthQuery(personId));
  // Pregnancy and the last period only for women (the server refuses them for men); the person page has the person cached.
  const sex = useQuery(personQuery(personId)).data?.sex ?? null;
  const woman = sex !== 'M';
  const [editing, setEditing] = useState(false);
  const title = (
    <Title order={3} size="h4">
      {t('healthProfile.title')}
    </Title>
  );
  if (profile.isPending)
    return (
      <Stack gap="sm">
        {title}
        <PageLoader />
      </Stack>
    );
  if (profile.isError) {
    if (profile.error instanceof ApiError && (profile.error.status === 403 || profile.error.status === 404)) return null;
    return (
      <Stack gap="sm">
        {title}
        <ErrorAlert error={profile.error} onRetry={() => void profile.refetch()} />
      </Stack>
    );
  }
  const view = profile.data;
  const date = (value: string | null) => (value ? formatDate(value) : t('healthProfile.none'));
  return (
    <Stack gap="sm" data-testid="health-profile">
      <Group justify="space-between">
        {title}
        {canEdit && (
          <Button variant="light" size="xs" onClick={() => setEditing(true)}>
            {t('healthProfile.edit')}
          </Button>
        )}
      </Group>
      <Paper withBorder radius="md" p="md">
        <Stack gap="md">
          {!view.recorded && (
            <Text size="sm" c="dimmed">
              {t('healthProfile.notRecorded')}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
            <Detail label={t('healthProfile.jkn')}>
              <Group gap={6}>
                <Badge variant="light" color={view.jkn.member ? 'teal' : 'gray'}>
                  {view.jkn.member ? t('healthProfile.jknMember') : t('healthProfile.jknNotMember')}
                </Badge>
                <Text size="xs" c="dimmed">
                  {t(`healthProfile.jknSource.${view.jkn.source ?? 'none'}`)}
                  {view.jkn.jknClass ? ` · ${view.jkn.segment ?? ''} ${view.jkn.jknClass}` : ''}
                </Text>
              </Group>
            </Detail>
            {woman && (
              <Detail label={t('healthProfile.pregnant')}>{view.recorded ? tri(view.pregnant) : t('healthProfile.unknown')}</Detail>
            )}
            {view.pregnant && <Detail label={t('healthProfile.lmp')}>{date(view.lastMenstrualPeriod)}</Detail>}
            {view.pregnant && <Detail label={t('healthProfile.edd')}>{date(view.expectedDelivery)}</Detail>}
            {woman && <Detail label={t('healthProfile.pregnancies')}>{view.pregnancies ?? t('healthProfile.none')}</Detail>}
            <Detail label={t('healthProfile.disability')}>{t(`healthProfile.disabilityKind.${view.disability}`)}</Detail>
            <Detail label={t('healthProfile.smoker')}>{tri(view.smoker)}</Detail>
            <Detail label={t('healthProfile.kbMethod')}>
              {view.kbMethod ? t(`healthProfile.kb.${view.kbMethod}`) : t('healthProfile.unknown')}
            </Detail>
          </SimpleGrid>
          <Stack gap={4}>
            <Text size="xs" c="dimmed">
              {t('healthProfile.conditions')}
            </Text>
            {view.conditions.length === 0 ? (
              <Text size="sm">{t('healthProfile.noConditions')}</Text>
            ) : (
              view.conditions.map((c) => (
                <Group key={c.code} gap="xs" wrap="wrap">
                  <Badge variant="light" color="red">
                    {t(`healthProfile.condition.${c.code}`)}
                  </Badge>
                  <Text size="sm">
                    {t('healthProfile.treatedRegularly')}: {tri(c.treatedRegularly)}
                    {c.since ? ` · ${t('healthProfile.since')} ${formatDate(c.since)}` : ''}
                    {c.note ? ` · ${c.note}` : ''}
                  </Text>
                </Group>
              ))
            )}
          </Stack>
        </Stack>
      </Paper>
      {editing && <ProfileModal personId={personId} view={view} sex={sex} onClose={() => setEditing(false)} />}
    </Stack>
  );
}

const toInput = (view: ProfileView): ProfileInput => ({
  pregnant: view.pregnant,
  lastMenstrualPeriod: view.lastMenstrualPeriod,
  expectedDelivery: view.expectedDelivery,
  pregnancies: view.pregnancies,
  disability: view.disability,
  smoker: view.smoker,
  kbMethod: view.kbMethod,
  conditions: view.conditions,
});

function TriSelect({ label, value, onChange }: { label: string; value: Tri; onChange: (value: Tri) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      label={label}
      value={value === null ? 'unknown' : String(value)}
      onChange={(v) => onChange(v === 'true' ? true : v === 'false' ? false : null)}
      data={[
        { value: 'unknown', label: t('healthProfile.unknown') },
        { value: 'true', label: t('healthProfile.yes') },
        { value: 'false', label: t('healthProfile.no') },
      ]}
      allowDeselect={false}
    />
  );
}

function ProfileModal({
  personId,
  view,
  sex,
  onClose,
}: {
  personId: string;
  view: ProfileView;
  sex: 'M' | 'F' | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateHealth();
  const [form, setForm] = useState<ProfileInput>(toInput(view));
  const set = <K extends keyof ProfileInput>(key: K, value: ProfileInput[K]) => setForm((f) => ({ ...f, [key]: value }));
  const save = useMutation({
    mutationFn: () => savePersonHealth(personId, { ...form, expectedDelivery: form.pregnant ? form.expectedDelivery : null }),
    onSuccess: async () => {
      toast.success(t('healthProfile.saved'));
      await invalidate('persons', personId);
      onClose();
    },
  });
  const dateInput = (key: 'lastMenstrualPeriod' | 'expectedDelivery', label: string, description?: string) => (
    <DateField
      label={label}
      description={description}
      value={form[key] ?? ''}
      onChange={(e) => set(key, e.currentTarget.value || null)}
      error={fieldError(save.error, key)}
    />
  );
  const toggleCondition = (code: (typeof CONDITIONS)[number], on: boolean) =>
    set(
      'conditions',
      on ? [...form.conditions, { code, note: '', since: null, treatedRegularly: null }] : form.conditions.filter((c) => c.code !== code),
    );
  const changeCondition = (code: string, patch: Partial<ProfileInput['conditions'][number]>) =>
    set(
      'conditions',
      form.conditions.map((c) => (c.code === code ? { ...c, ...patch } : c)),
    );
  return (
    <Modal opened onClose={onClose} title={t('healthProfile.edit')} size="lg" fullScreen={false}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <FormError
            error={save.error}
            fields={['pregnant', 'lastMenstrualPeriod', 'expectedDelivery', 'pregnancies', 'kbMethod', 'conditions']}
          />
          {sex !== 'M' && (
            <Switch
              label={t('healthProfile.pregnant')}
              checked={form.pregnant}
              onChange={(e) => set('pregnant', e.currentTarget.checked)}
              error={fieldError(save.error, 'pregnant')}
            />
          )}
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            {sex !== 'M' && dateInput('lastMenstrualPeriod', t('healthProfile.lmp'))}
            {form.pregnant && dateInput('expectedDelivery', t('healthProfile.edd'), t('healthProfile.eddHint'))}
            {sex !== 'M' && (
              <NumberInput
                label={t('healthProfile.pregnancies')}
                min={0}
                max={30}
                value={form.pregnancies ?? ''}
                onChange={(v) => set('pregnancies', typeof v === 'number' ? v : null)}
                error={fieldError(save.error, 'pregnancies')}
              />
            )}
            <Select
              label={t('healthProfile.disability')}
              value={form.disability}
              onChange={(v) => set('disability', (v ?? 'none') as ProfileInput['disability'])}
              data={DISABILITIES.map((d) => ({ value: d, label: t(`healthProfile.disabilityKind.${d}`) }))}
              allowDeselect={false}
            />
            <TriSelect label={t('healthProfile.smoker')} value={form.smoker} onChange={(v) => set('smoker', v)} />
            <Select
              label={t('healthProfile.kbMethod')}
              value={form.kbMethod}
              onChange={(v) => set('kbMethod', (v as ProfileInput['kbMethod']) ?? null)}
              data={KB_METHODS.filter((m) => !(m === 'vasectomy' && sex === 'F') && !(m === 'tubectomy' && sex === 'M')).map((m) => ({
                value: m,
                label: t(`healthProfile.kb.${m}`),
              }))}
              placeholder={t('healthProfile.unknown')}
              clearable
              error={fieldError(save.error, 'kbMethod')}
            />
          </SimpleGrid>
          <Text size="sm" fw={500}>
            {t('healthProfile.conditions')}
          </Text>
          {CONDITIONS.map((code) => {
            const current = form.conditions.find((c) => c.code === code);
            const index = form.conditions.findIndex((c) => c.code === code);
            return (
              <Stack key={code} gap={4}>
                <Checkbox
                  label={t(`healthProfile.condition.${code}`)}
                  checked={current !== undefined}
                  onChange={(e) => toggleCondition(code, e.currentTarget.checked)}
                />
                {current && (
                  <SimpleGrid cols={{ base: 1, xs: 3 }} pl="lg">
                    <TriSelect
                      label={t('healthProfile.treatedRegularly')}
                      value={current.treatedRegularly}
                      onChange={(v) => changeCondition(code, { treatedRegularly: v })}
                    />
                    <DateField
                      label={t('healthProfile.since')}
                      value={current.since ?? ''}
                      onChange={(e) => changeCondition(code, { since: e.currentTarget.value || null })}
                      error={fieldError(save.error, `conditions.${index}.since`)}
                    />
                    <TextInput
                      label={t('healthProfile.note')}
                      value={current.note}
                      maxLength={300}
                      onChange={(e) => changeCondition(code, { note: e.currentTarget.value })}
                    />
                  </SimpleGrid>
                )}
              </Stack>
            );
          })}
          <Text size="xs" c="dimmed">
            {t('healthProfile.jkn')}: {t('healthProfile.jknHint')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('healthProfile.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('healthProfile.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
