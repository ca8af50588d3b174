import { Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QrIcon } from '../components/cadre-icons.tsx';
import { useField } from './field-store.ts';
import './field-text.ts';

/**
 * A cadre's own ID card (the PDF the office prints), to show a family, who can scan its QR
 * code. It comes from the server, so it opens only with signal.
 */
export function FieldMyCard() {
  const field = useField();
  const { t: ft } = useTranslation('field');
  const stored = field.bundle;
  const cadreId = stored?.bundle.cadreId;
  if (!cadreId || field.worker?.role !== 'cadre' || stored.username !== field.worker.username) return null;
  if (!field.online || field.signedOut)
    return (
      <Text size="sm" c="dimmed" data-testid="field-my-card-offline">
        {ft('myCard')}: {ft('myCardNeedsSignal')}
      </Text>
    );
  return (
    <Button
      component="a"
      href={`/api/v1/cadres/${encodeURIComponent(cadreId)}/card.pdf`}
      target="_blank"
      rel="noopener"
      variant="light"
      size="md"
      fullWidth
      leftSection={<QrIcon size={18} />}
      data-testid="field-my-card"
    >
      {ft('myCard')}
    </Button>
  );
}
