// Issuing a new ID card (POST /api/v1/cadres/{id}/card) when the old one is lost, stolen or
// damaged. The card's version goes up, so the old card's QR code stops verifying: whoever
// scans it is told the card was replaced. Then the new card is offered to print.
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type CadreView, issueNewCard, useInvalidateCadres } from '../../api/cadres.ts';
import { QrIcon } from '../../components/cadre-icons.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';

export function CadreCardReissueModal({ cadre, onClose }: { cadre: CadreView; onClose(): void }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateCadres();
  const issue = useMutation({
    mutationFn: () => issueNewCard(cadre.id),
    onSuccess: () => invalidate(),
  });
  const issued = issue.data;
  return (
    <Modal opened onClose={onClose} title={t('cadres.reissue.title')} centered>
      {issued ? (
        <Stack gap="sm" data-testid="reissue-done">
          <Alert color="teal" variant="light">
            <Text size="sm">{t('cadres.reissue.done', { version: issued.cardVersion })}</Text>
          </Alert>
          <Button
            component="a"
            href={`/api/v1/cadres/${cadre.id}/card.pdf`}
            target="_blank"
            rel="noopener"
            leftSection={<QrIcon size={16} />}
            data-testid="reissue-pdf"
          >
            {t('cadres.reissue.print')}
          </Button>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-testid="reissue-close">
              {t('cadres.reissue.close')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <Text size="sm">{t('cadres.reissue.when')}</Text>
          <Alert color="red" variant="light">
            <Text size="sm">{t('cadres.reissue.effect', { version: cadre.cardVersion })}</Text>
          </Alert>
          {issue.error ? <ErrorAlert error={issue.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={issue.isPending} onClick={() => issue.mutate()} data-testid="reissue-confirm">
              {t('cadres.reissue.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
