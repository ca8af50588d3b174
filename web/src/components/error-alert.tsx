import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError, NETWORK_ERROR } from '../api/client.ts';

/** The text to show for a failure: the server's localised detail, or our own for the network. */
export function useErrorText() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (!(error instanceof ApiError)) return t('common.error');
    if (error.code === NETWORK_ERROR || !error.detail) return t('common.networkError');
    // Shown away from the fields (or the form has no field for it): say what is wrong, not "check the fields marked".
    const messages = [...new Set(error.fieldErrors.map((fe) => fe.message).filter(Boolean))];
    return messages.length > 0 ? messages.join(' ') : error.detail;
  };
}

export function ErrorAlert({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useTranslation();
  const text = useErrorText();
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text size="sm">{text(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}

/** For forms: the problem's detail unless every message is already shown beside a field. */
export function FormError({ error, fields }: { error: unknown; fields: string[] }) {
  if (!error) return null;
  if (error instanceof ApiError && error.fieldErrors.length > 0) {
    const shown = error.fieldErrors.every((fe) => fields.some((field) => fe.field === field || fe.field.startsWith(`${field}.`)));
    if (shown) return null;
  }
  return <ErrorAlert error={error} />;
}

export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldMessage(field) : undefined;
}
