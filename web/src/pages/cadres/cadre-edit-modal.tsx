// Changing a cadre after recruitment (PATCH /api/v1/cadres/{id}): the phone, the assignment
// letter (renewing it when it runs out) and the villages. Only changed fields are sent; the
// server refuses to take away a village where the cadre still has families, naming it.
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CadreView, type UpdateCadreInput, updateCadre, useInvalidateCadres } from '../../api/cadres.ts';
import { FormError, fieldError } from '../../components/error-alert.tsx';
import { RegionMultiSelect } from '../../components/region-picker.tsx';
import { useToast } from '../../components/toast.tsx';
import { todayIso } from '../registry/shared.tsx';
import { LetterFields, oneYearOn } from './letter-fields.tsx';

const FIELDS = ['phone', 'letterNumber', 'letterDate', 'signedBy', 'validUntil', 'villageCodes'] as const;
type Form = { phone: string; letterNumber: string; letterDate: string; signedBy: string; validUntil: string };

/** What differs from the cadre as loaded: the PATCH body. */
export function cadreChanges(cadre: CadreView, form: Form, villageCodes: string[]): UpdateCadreInput {
  const changes: UpdateCadreInput = {};
  const phone = form.phone.replace(/[\s-]/g, '');
  if (phone !== cadre.phone) changes.phone = phone;
  for (const key of ['letterNumber', 'letterDate', 'signedBy', 'validUntil'] as const)
    if (form[key].trim() !== cadre[key]) changes[key] = form[key].trim();
  const held = cadre.villages.map((v) => v.code);
  if (villageCodes.length !== held.length || villageCodes.some((code) => !held.includes(code))) changes.villageCodes = villageCodes;
  return changes;
}

/**
 * `renewing`: opened from the expired-letter warning, so the letter comes first and its
 * dates are proposed as a new letter of today, valid a year.
 */
export function CadreEditModal({ cadre, renewing = false, onClose }: { cadre: CadreView; renewing?: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateCadres();
  const today = todayIso();
  const [form, setForm] = useState<Form>({
    phone: cadre.phone,
    letterNumber: cadre.letterNumber,
    letterDate: renewing ? today : cadre.letterDate,
    signedBy: cadre.signedBy,
    validUntil: renewing ? oneYearOn(today) : cadre.validUntil,
  });
  const [villageCodes, setVillageCodes] = useState<string[]>(cadre.villages.map((v) => v.code));
  const [checked, setChecked] = useState(false);
  const set = (key: keyof Form) => (event: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [key]: event.currentTarget.value });
  const changes = cadreChanges(cadre, form, villageCodes);
  const save = useMutation({
    mutationFn: () => updateCadre(cadre.id, changes),
    onSuccess: () => {
      // What the card prints changed: a card printed before shows the old letter or area.
      const printed = ['letterNumber', 'validUntil', 'villageCodes'].some((key) => key in changes);
      toast.success(printed && cadre.cardVersion > 0 ? t('cadres.edit.savedReprint') : t('cadres.edit.saved'));
      // Closed at once: the page's sections reload behind it (on a slow line that can take a while).
      onClose();
      void invalidate();
    },
  });
  const missing = (value: string | string[]) =>
    checked && (Array.isArray(value) ? value.length === 0 : value.trim() === '') ? t('common.required') : undefined;
  const errorOf = (field: (typeof FIELDS)[number], value: string | string[]) => missing(value) ?? fieldError(save.error, field);
  const complete = villageCodes.length > 0 && Object.values(form).every((v) => v.trim() !== '');
  const unchanged = Object.keys(changes).length === 0;
  const stillExpired = form.validUntil !== '' && form.validUntil < today;

  const letter = (
    <LetterFields
      form={form}
      setForm={setForm}
      errorOf={errorOf}
      today={today}
      testId="edit"
      hints={{
        letterNumber: renewing ? t('cadres.edit.newLetterHint') : undefined,
        validUntilError: stillExpired ? t('cadres.edit.stillExpired') : undefined,
      }}
    />
  );
  return (
    <Modal opened onClose={onClose} title={renewing ? t('cadres.edit.renewTitle') : t('cadres.edit.title')} centered size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          if (complete && !unchanged) save.mutate();
        }}
        noValidate
        data-testid="edit-form"
      >
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {cadre.name}
          </Text>
          {renewing && (
            <Alert color="orange" variant="light">
              <Text size="sm">{t('cadres.edit.renewHint')}</Text>
            </Alert>
          )}
          {letter}
          <TextInput
            label={t('cadres.phone')}
            description={t('cadres.recruit.phoneHint')}
            required
            type="tel"
            inputMode="tel"
            value={form.phone}
            onChange={set('phone')}
            error={errorOf('phone', form.phone)}
            data-testid="edit-phone"
          />
          <RegionMultiSelect
            label={t('cadres.villages')}
            description={t('cadres.edit.villagesHint')}
            required
            level={4}
            value={villageCodes}
            onChange={setVillageCodes}
            error={errorOf('villageCodes', villageCodes)}
            data-testid="edit-villages"
          />
          {checked && unchanged && (
            <Text size="sm" c="dimmed" role="status">
              {t('cadres.edit.unchanged')}
            </Text>
          )}
          <FormError error={save.error} fields={[...FIELDS]} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="edit-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
