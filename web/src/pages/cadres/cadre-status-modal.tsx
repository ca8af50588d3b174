// Suspending, revoking or reactivating a cadre (PATCH /api/v1/cadres/{id}/status), with the
// reason the audit log keeps. The API lets a manager reactivate a revoked cadre too (a
// revocation made in error), so nothing here is final; the consequences are spelt out.
import { Alert, Button, Checkbox, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CadreView, useInvalidateCadres } from '../../api/cadres.ts';
import { api } from '../../api/client.ts';
import { ErrorAlert, fieldError } from '../../components/error-alert.tsx';
import { useToast } from '../../components/toast.tsx';

type Status = CadreView['status'];

/** What a manager may turn a cadre of each status into. */
export const STATUS_CHANGES: Record<Status, Status[]> = {
  active: ['suspended', 'revoked'],
  suspended: ['active', 'revoked'],
  revoked: ['active'],
};

export function CadreStatusModal({ cadre, onClose }: { cadre: CadreView; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateCadres();
  const choices = STATUS_CHANGES[cadre.status];
  const [status, setStatus] = useState<Status>(choices[0] ?? 'active');
  const [reason, setReason] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [checked, setChecked] = useState(false);
  const save = useMutation({
    mutationFn: () => api.patch<CadreView>(`/api/v1/cadres/${cadre.id}/status`, { status, reason: reason.trim() }),
    onSuccess: async (changed) => {
      await invalidate();
      toast.success(t('cadres.statusChange.done', { status: t(`cadres.statuses.${changed.status}`) }));
      onClose();
    },
  });
  const noReason = reason.trim() === '';
  const revoking = status === 'revoked';
  return (
    <Modal opened onClose={onClose} title={t('cadres.statusChange.title', { name: cadre.name })} centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          if (!noReason && (!revoking || understood)) save.mutate();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Radio.Group
            label={t('cadres.statusChange.to')}
            value={status}
            onChange={(value) => {
              setStatus(value as Status);
              setUnderstood(false);
            }}
          >
            <Stack gap="xs" mt={4}>
              {choices.map((choice) => (
                <Radio key={choice} value={choice} label={t(`cadres.statusChange.actions.${choice}`)} data-testid={`status-${choice}`} />
              ))}
            </Stack>
          </Radio.Group>
          <Alert color={revoking ? 'red' : status === 'suspended' ? 'orange' : 'teal'} variant="light">
            <Text size="sm">{t(`cadres.statusChange.effects.${status}`)}</Text>
          </Alert>
          <Textarea
            label={t('cadres.statusChange.reason')}
            description={t('cadres.statusChange.reasonHint')}
            required
            autosize
            minRows={2}
            maxLength={300}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={(checked && noReason ? t('common.required') : undefined) ?? fieldError(save.error, 'reason')}
            data-testid="status-reason"
          />
          {revoking && (
            <Checkbox
              label={t('cadres.statusChange.understood')}
              checked={understood}
              onChange={(event) => setUnderstood(event.currentTarget.checked)}
              error={checked && !understood ? t('common.required') : undefined}
              data-testid="status-understood"
            />
          )}
          {save.error && !fieldError(save.error, 'reason') ? <ErrorAlert error={save.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={revoking ? 'red' : status === 'suspended' ? 'orange' : undefined} loading={save.isPending}>
              {t(`cadres.statusChange.confirm.${status}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
