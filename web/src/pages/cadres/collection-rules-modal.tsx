import { Button, Group, Modal, NumberInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectionSettings } from '../../../../src/modules/contributions/contributions.schema.ts';
import { api } from '../../api/client.ts';
import { FormError, fieldError } from '../../components/error-alert.tsx';
import { QueryStates } from '../../components/states.tsx';
import { useToast } from '../../components/toast.tsx';

const collectionSettingsQuery = queryOptions({
  queryKey: ['cadres', 'collection-settings'],
  queryFn: () => api.get<CollectionSettings>('/api/v1/contributions/settings'),
});

/** The admin sets how long a cadre may hold collected cash and how cadres earn their incentive. */
export function CollectionRulesModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const settings = useQuery(collectionSettingsQuery);
  return (
    <Modal opened onClose={onClose} title={t('cadres.rules.title')} centered>
      <QueryStates query={settings}>{(data) => <RulesForm settings={data} onClose={onClose} />}</QueryStates>
    </Modal>
  );
}

function RulesForm({ settings, onClose }: { settings: CollectionSettings; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const rule = settings.incentiveRule;
  const [days, setDays] = useState<number | string>(settings.cashHoldingLimitDays);
  const [kind, setKind] = useState<CollectionSettings['incentiveRule']['kind']>(rule.kind);
  const [percent, setPercent] = useState<number | string>(rule.kind === 'share_of_arrears' ? rule.percent : 25);
  const [perParticipant, setPerParticipant] = useState<number | string>(rule.kind === 'fees' ? rule.perParticipant : 2500);
  const [perRecruit, setPerRecruit] = useState<number | string>(rule.kind === 'fees' ? rule.perRecruit : 10000);
  const [checked, setChecked] = useState(false);
  // An emptied NumberInput gives '' and Number('') is 0: an empty field is missing, never a zero.
  const shown = kind === 'share_of_arrears' ? [days, percent] : [days, perParticipant, perRecruit];
  const missing = shown.some((value) => value === '');
  const required = (value: number | string) => (checked && value === '' ? t('common.required') : undefined);
  const save = useMutation({
    mutationFn: () =>
      api.put<CollectionSettings>('/api/v1/contributions/settings', {
        cashHoldingLimitDays: Number(days),
        incentiveRule:
          kind === 'share_of_arrears'
            ? { kind, percent: Number(percent) }
            : { kind, perParticipant: Number(perParticipant), perRecruit: Number(perRecruit) },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['cadres'] });
      toast.success(t('cadres.rules.saved'));
      onClose();
    },
  });
  const fields = ['cashHoldingLimitDays', 'incentiveRule.percent', 'incentiveRule.perParticipant', 'incentiveRule.perRecruit'];
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(true);
        if (!missing) save.mutate();
      }}
      noValidate
    >
      <Stack gap="sm">
        <NumberInput
          label={t('cadres.rules.days')}
          description={t('cadres.rules.daysHint')}
          min={1}
          max={60}
          allowDecimal={false}
          value={days}
          onChange={setDays}
          error={required(days) ?? fieldError(save.error, 'cashHoldingLimitDays')}
          required
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('cadres.rules.incentive')}
          </Text>
          <SegmentedControl
            fullWidth
            value={kind}
            onChange={(value) => setKind(value as typeof kind)}
            data={[
              { value: 'share_of_arrears', label: t('cadres.rules.share') },
              { value: 'fees', label: t('cadres.rules.fees') },
            ]}
          />
        </Stack>
        {kind === 'share_of_arrears' ? (
          <NumberInput
            label={t('cadres.rules.percent')}
            description={t('cadres.rules.percentHint')}
            min={0}
            max={100}
            decimalScale={2}
            suffix=" %"
            value={percent}
            onChange={setPercent}
            error={required(percent) ?? fieldError(save.error, 'incentiveRule.percent')}
            required
          />
        ) : (
          <>
            <NumberInput
              label={t('cadres.rules.perParticipant')}
              min={0}
              allowDecimal={false}
              thousandSeparator="."
              decimalSeparator=","
              prefix="Rp"
              value={perParticipant}
              onChange={setPerParticipant}
              error={required(perParticipant) ?? fieldError(save.error, 'incentiveRule.perParticipant')}
              required
            />
            <NumberInput
              label={t('cadres.rules.perRecruit')}
              min={0}
              allowDecimal={false}
              thousandSeparator="."
              decimalSeparator=","
              prefix="Rp"
              value={perRecruit}
              onChange={setPerRecruit}
              error={required(perRecruit) ?? fieldError(save.error, 'incentiveRule.perRecruit')}
              required
            />
          </>
        )}
        <FormError error={save.error} fields={fields} />
        <Group justify="flex-end">
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
