// The assignment letter (surat tugas) of a cadre: number, signer, date and end date, as
// recruiting and editing a cadre both ask for it. The end date follows the letter's date
// (a year's assignment) until someone sets it apart.

import { SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/date-field.tsx';

export type LetterForm = { letterNumber: string; signedBy: string; letterDate: string; validUntil: string };

/** A year's assignment by default: the day before the letter's date a year on. */
export function oneYearOn(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(next.getTime())) return '';
  next.setUTCFullYear(next.getUTCFullYear() + 1);
  next.setUTCDate(next.getUTCDate() - 1);
  return next.toISOString().slice(0, 10);
}

export function LetterFields<T extends LetterForm>({
  form,
  setForm,
  errorOf,
  today,
  testId,
  hints = {},
}: {
  form: T;
  setForm(next: NoInfer<T>): void;
  /** The field's message (missing, or the server's), if any. */
  errorOf(field: keyof LetterForm, value: string): string | undefined;
  today: string;
  /** Prefix of the fields' test ids ("recruit", "edit"). */
  testId: string;
  hints?: { letterNumber?: string; signedBy?: string; validUntilError?: string };
}) {
  const { t } = useTranslation();
  const set = (key: keyof LetterForm) => (event: React.ChangeEvent<HTMLInputElement>) =>
    setForm({ ...form, [key]: event.currentTarget.value });
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
      <TextInput
        label={t('cadres.letterNumber')}
        description={hints.letterNumber}
        required
        value={form.letterNumber}
        onChange={set('letterNumber')}
        error={errorOf('letterNumber', form.letterNumber)}
        data-testid={`${testId}-letter`}
      />
      <TextInput
        label={t('cadres.signedBy')}
        description={hints.signedBy}
        required
        value={form.signedBy}
        onChange={set('signedBy')}
        error={errorOf('signedBy', form.signedBy)}
        data-testid={`${testId}-signed-by`}
      />
      <DateField
        label={t('cadres.letterDate')}
        required
        value={form.letterDate}
        max={today}
        onChange={(event) => {
          const letterDate = event.currentTarget.value;
          const follows = form.validUntil === oneYearOn(form.letterDate);
          setForm({ ...form, letterDate, validUntil: follows ? oneYearOn(letterDate) : form.validUntil });
        }}
        error={errorOf('letterDate', form.letterDate) ?? (form.letterDate > today ? t('cadres.letterDateFuture') : undefined)}
        data-testid={`${testId}-letter-date`}
      />
      <DateField
        label={t('cadres.validUntil')}
        required
        value={form.validUntil}
        min={form.letterDate}
        onChange={set('validUntil')}
        error={errorOf('validUntil', form.validUntil) ?? hints.validUntilError}
        data-testid={`${testId}-valid-until`}
      />
    </SimpleGrid>
  );
}
