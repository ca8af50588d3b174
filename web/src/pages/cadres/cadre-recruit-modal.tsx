// Recruiting a JKN-KIS cadre (POST /api/v1/cadres): a person of the registry, the office, the
// assignment letter (surat tugas) and the villages they work in; then the photo, if one is
// chosen (PUT /api/v1/cadres/{id}/photo). The API's photoUrl (a link elsewhere) is left to API
// clients: an uploaded photo is printed on the card, a link is not.
import { Button, FileInput, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { type CadreView, useInvalidateCadres } from '../../api/cadres.ts';
import { api } from '../../api/client.ts';
import { useOffices } from '../../api/queries.ts';
import { useSignedIn } from '../../auth/session.ts';
import { FormError, fieldError, useErrorText } from '../../components/error-alert.tsx';
import { PersonPicker } from '../../components/person-picker.tsx';
import { RegionMultiSelect } from '../../components/region-picker.tsx';
import { useToast } from '../../components/toast.tsx';
import { todayIso } from '../registry/shared.tsx';
import { PHOTO_ACCEPT, photoProblem, uploadCadrePhoto } from './cadre-photo.tsx';
import { LetterFields, oneYearOn } from './letter-fields.tsx';

const FIELDS = [
  'personId',
  'officeCode',
  'phone',
  'letterNumber',
  'letterDate',
  'signedBy',
  'validUntil',
  'villageCodes',
  'username',
] as const;

export function CadreRecruitModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const toast = useToast();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const invalidate = useInvalidateCadres();
  const offices = useOffices();
  // A manager recruits for their own offices; an admin for any.
  const officeOptions = (offices.data ?? [])
    .filter((office) => me.role === 'admin' || me.offices.some((own) => own.code === office.code))
    .map((office) => ({ value: office.code, label: `${office.code} · ${office.name}` }));
  const today = todayIso();
  const [personId, setPersonId] = useState<string | null>(null);
  const [officeCode, setOfficeCode] = useState<string | null>(me.offices[0]?.code ?? null);
  const [villageCodes, setVillageCodes] = useState<string[]>([]);
  const [photo, setPhoto] = useState<File | null>(null);
  const [form, setForm] = useState({
    phone: '',
    letterNumber: '',
    letterDate: today,
    signedBy: '',
    validUntil: oneYearOn(today),
    username: '',
  });
  const [checked, setChecked] = useState(false);
  const set = (key: keyof typeof form) => (event: React.ChangeEvent<HTMLInputElement>) =>
    setForm({ ...form, [key]: event.currentTarget.value });
  const save = useMutation({
    mutationFn: () =>
      api.post<CadreView>('/api/v1/cadres', {
        personId,
        officeCode,
        phone: form.phone.replace(/[\s-]/g, ''),
        letterNumber: form.letterNumber,
        letterDate: form.letterDate,
        signedBy: form.signedBy,
        validUntil: form.validUntil,
        villageCodes,
        username: form.username.trim() || undefined,
      }),
    onSuccess: async (cadre) => {
      // The cadre is registered whatever becomes of the photo: a failed upload is said, and can be redone on their page.
      if (photo)
        await uploadCadrePhoto(cadre.id, photo).catch((error: unknown) =>
          toast.failure(t('cadres.photo.failedAfterRecruit', { problem: errorText(error) })),
        );
      await invalidate();
      toast.success(t('cadres.recruit.saved', { name: cadre.name }));
      onClose();
      void navigate(`/cadres/${cadre.id}`);
    },
  });
  const missing = (value: string | null | string[]) =>
    checked && (value === null || (Array.isArray(value) ? value.length === 0 : value.trim() === '')) ? t('common.required') : undefined;
  const errorOf = (field: (typeof FIELDS)[number], value?: string | null | string[]) =>
    (value === undefined ? undefined : missing(value)) ?? fieldError(save.error, field);
  const photoWrong = photo ? photoProblem(photo) : null;
  const complete =
    !photoWrong &&
    personId &&
    officeCode &&
    villageCodes.length > 0 &&
    [form.phone, form.letterNumber, form.letterDate, form.signedBy, form.validUntil].every((v) => v.trim() !== '');

  return (
    <Modal opened onClose={onClose} title={t('cadres.recruit.title')} centered size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          if (complete) save.mutate();
        }}
        noValidate
        data-testid="recruit-form"
      >
        <Stack gap="sm">
          <PersonPicker
            label={t('cadres.recruit.person')}
            description={t('cadres.recruit.personHint')}
            required
            value={personId}
            onChange={(person) => setPersonId(person?.id ?? null)}
            error={errorOf('personId', personId)}
            data-testid="recruit-person"
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Select
              label={t('cadres.recruit.office')}
              required
              data={officeOptions}
              value={officeCode}
              onChange={setOfficeCode}
              error={errorOf('officeCode', officeCode)}
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput
              label={t('cadres.phone')}
              description={t('cadres.recruit.phoneHint')}
              required
              type="tel"
              inputMode="tel"
              value={form.phone}
              onChange={set('phone')}
              error={errorOf('phone', form.phone)}
              data-testid="recruit-phone"
            />
          </SimpleGrid>
          <RegionMultiSelect
            label={t('cadres.villages')}
            description={t('cadres.recruit.villagesHint')}
            required
            level={4}
            value={villageCodes}
            onChange={setVillageCodes}
            error={errorOf('villageCodes', villageCodes)}
            data-testid="recruit-villages"
          />
          <LetterFields
            form={form}
            setForm={setForm}
            errorOf={errorOf}
            today={today}
            testId="recruit"
            hints={{ signedBy: t('cadres.recruit.signedByHint') }}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <FileInput
              label={t('cadres.recruit.photo')}
              description={t('cadres.recruit.photoHint')}
              accept={PHOTO_ACCEPT}
              clearable
              value={photo}
              onChange={setPhoto}
              error={photoWrong ? t(`cadres.photo.${photoWrong}`) : undefined}
              data-testid="recruit-photo"
            />
            <TextInput
              label={t('cadres.recruit.username')}
              description={t('cadres.recruit.usernameHint')}
              value={form.username}
              onChange={set('username')}
              error={errorOf('username')}
              autoCapitalize="none"
            />
          </SimpleGrid>
          <FormError error={save.error} fields={[...FIELDS]} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="recruit-save">
              {t('cadres.recruit.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
