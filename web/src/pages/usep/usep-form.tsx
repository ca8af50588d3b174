import { Button, Group, Modal, type ModalProps, Stack, Text, TextInput } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError, fieldError } from '../../components/error-alert.tsx';
import { todayIso } from '../registry/shared.tsx';

export type FormChecks = ReturnType<typeof useFormChecks>;

/**
 * The checks of a USEP form: `local` holds this browser's message per field (undefined when
 * fine), shown once the user has tried to submit; the server's message of a field comes after.
 * Every field whose message is shown beside it goes through `show`, so the form's alert
 * (FormProblems) shows exactly the server's messages that have no place beside a field — e.g.
 * a refusal of the whole list of recipients ("more than the pot holds"), not of one of them.
 */
export function useFormChecks(local: Record<string, string | undefined>, error: unknown) {
  const [checked, setChecked] = useState(false);
  const shown = new Set<string>();
  return {
    error,
    shown,
    show(field: string): string | undefined {
      shown.add(field);
      return (checked ? local[field] : undefined) ?? fieldError(error, field);
    },
    /** Marks the form tried; sends it when every local check passes. */
    submit(send: () => void) {
      setChecked(true);
      if (Object.values(local).every((message) => !message)) send();
    },
  };
}

/** The server's problems not shown beside a field (rendered after the fields took theirs). */
function FormProblems({ checks }: { checks: FormChecks }) {
  return <FormError error={checks.error} fields={[...checks.shown]} />;
}

/** A USEP form in a dialog: hint, the problems, the fields, then Cancel and the action. */
export function FormModal({
  title,
  size,
  hint,
  checks,
  send,
  pending,
  submitLabel,
  danger,
  onClose,
  children,
}: {
  title: string;
  size?: ModalProps['size'];
  hint?: string;
  checks: FormChecks;
  send(): void;
  pending: boolean;
  submitLabel?: string;
  danger?: boolean;
  onClose(): void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={title} centered size={size}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          checks.submit(send);
        }}
      >
        <Stack gap="sm">
          {hint && (
            <Text size="sm" c="dimmed">
              {hint}
            </Text>
          )}
          <FormProblems checks={checks} />
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={danger ? 'red' : undefined} loading={pending}>
              {submitLabel ?? t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** A date of something that has happened (today at the latest); its message comes from the form's checks. */
export function PastDateField({
  label,
  field,
  value,
  onChange,
  checks,
  required,
}: {
  label: string;
  field: string;
  value: string;
  onChange(value: string): void;
  checks: FormChecks;
  required?: boolean;
}) {
  return (
    <TextInput
      type="date"
      label={label}
      required={required}
      max={todayIso()}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={checks.show(field)}
    />
  );
}
