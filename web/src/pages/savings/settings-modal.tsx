// The institution's amounts of simpanan pokok (once) and wajib (a month), set by an admin.
import { Button, Center, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { positiveRupiahOf } from '../../../../src/core/input.ts';
import { api } from '../../api/client.ts';
import { type SavingsSettings, savingsSettingsQuery } from '../../api/savings.ts';
import { useSignedIn } from '../../auth/session.ts';
import { ErrorAlert, FormError, fieldError } from '../../components/error-alert.tsx';
import { formatRupiah, RupiahInput } from '../../components/rupiah-input.tsx';
import { useToast } from '../../components/toast.tsx';

/** The button that opens the settings: for an admin only (the server refuses the others). */
export function SavingsSettingsButton() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const [open, setOpen] = useState(false);
  if (me.role !== 'admin') return null;
  return (
    <>
      <Button size="xs" variant="subtle" onClick={() => setOpen(true)}>
        {t('savings.settings')}
      </Button>
      {open && <SavingsSettingsModal onClose={() => setOpen(false)} />}
    </>
  );
}

function SavingsSettingsModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const settings = useQuery(savingsSettingsQuery);
  return (
    <Modal opened onClose={onClose} title={t('savings.settingsTitle')} centered>
      {settings.isPending ? (
        <Center py="lg">
          <Loader color="teal" aria-label={t('app.loading')} />
        </Center>
      ) : settings.isError ? (
        <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsForm current={settings.data} onClose={onClose} />
      )}
    </Modal>
  );
}

function SettingsForm({ current, onClose }: { current: SavingsSettings; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [pokokAmount, setPokok] = useState(current.pokokAmount);
  const [wajibAmount, setWajib] = useState(current.wajibAmount);
  const [checked, setChecked] = useState(false);
  const save = useMutation({
    mutationFn: () => api.put<SavingsSettings>('/api/v1/savings/settings', { pokokAmount, wajibAmount }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(savingsSettingsQuery.queryKey, saved);
      await queryClient.invalidateQueries({ queryKey: ['savings'] });
      toast.success(t('savings.settingsSaved', { pokok: formatRupiah(saved.pokokAmount), wajib: formatRupiah(saved.wajibAmount) }));
      onClose();
    },
  });
  const missing = (value: string) => (checked && positiveRupiahOf(value) === null ? t('savings.amountRequired') : undefined);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(true);
        if (positiveRupiahOf(pokokAmount) !== null && positiveRupiahOf(wajibAmount) !== null) save.mutate();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('savings.settingsBody')}</Text>
        <RupiahInput
          label={t('savings.pokokAmount')}
          description={t('savings.pokokAmountHint')}
          value={pokokAmount}
          onChange={setPokok}
          required
          error={missing(pokokAmount) ?? fieldError(save.error, 'pokokAmount')}
        />
        <RupiahInput
          label={t('savings.wajibAmount')}
          description={t('savings.wajibAmountHint')}
          value={wajibAmount}
          onChange={setWajib}
          required
          error={missing(wajibAmount) ?? fieldError(save.error, 'wajibAmount')}
        />
        <FormError error={save.error} fields={['pokokAmount', 'wajibAmount']} />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
