// Illness episodes of a member (unable to trade): recorded by health workers, facilitators and the
// admin; no diagnosis in them. Other roles see one plain line: unable to work since/until.

import { Badge, Button, Card, Checkbox, Group, Modal, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMoneyMutation } from '../../api/idempotency.ts';
import { personQuery } from '../../api/registry.ts';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert, FormError, fieldError } from '../../components/error-alert.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { ListStates } from '../../components/states.tsx';
import { useToast } from '../../components/toast.tsx';
import { todayIso, useFormatDate } from '../registry/shared.tsx';
import {
  correctIllness,
  type IllnessStatus,
  type IllnessView,
  illnessesPath,
  illnessesQuery,
  illnessStatusQuery,
  useInvalidateHealth,
} from './encounter-api.ts';

function useStatusText() {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (status: IllnessStatus) => {
    if (status.status === 'ill')
      return status.unableUntil
        ? t('healthEncounters.illness.statusIllUntil', { from: formatDate(status.unableFrom), until: formatDate(status.unableUntil) })
        : t('healthEncounters.illness.statusIll', { from: formatDate(status.unableFrom) });
    if (status.status === 'recovering')
      return t('healthEncounters.illness.statusRecovering', { from: formatDate(status.unableFrom), until: formatDate(status.unableUntil) });
    return t('healthEncounters.illness.statusNone');
  };
}

/** For roles that may only know whether the member can work: one line, never why. */
export function IllnessStatusLine({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const status = useQuery(illnessStatusQuery(personId));
  const text = useStatusText();
  if (status.isPending) return null;
  if (status.isError) return <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />;
  return (
    <Stack gap={4} data-testid="illness-status">
      <Title order={3} size="h4">
        {t('healthEncounters.illness.title')}
      </Title>
      <Text size="sm" c={status.data.status === 'ill' ? 'red.9' : undefined}>
        {text(status.data)}
      </Text>
    </Stack>
  );
}

export function IllnessSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const illnesses = useQuery(illnessesQuery(personId));
  const person = useQuery(personQuery(personId));
  const text = useStatusText();
  const [editing, setEditing] = useState<IllnessView | 'new' | null>(null);
  const items = illnesses.data?.items ?? [];
  return (
    <Stack gap="sm" data-testid="illness-section">
      <Group justify="space-between" gap="xs">
        <Stack gap={0}>
          <Title order={3} size="h4">
            {t('healthEncounters.illness.title')}
          </Title>
          {illnesses.data && (
            <Text size="sm" c={illnesses.data.status.status === 'ill' ? 'red.9' : 'dimmed'} data-testid="illness-status">
              {text(illnesses.data.status)}
            </Text>
          )}
        </Stack>
        {person.data && !person.data.deceased && (
          <Button
            size="xs"
            variant="light"
            leftSection={<PlusIcon size={14} />}
            onClick={() => setEditing('new')}
            data-testid="illness-new"
          >
            {t('healthEncounters.illness.add')}
          </Button>
        )}
      </Group>
      <ListStates query={illnesses} count={items.length} empty={t('healthEncounters.illness.empty')}>
        <Stack gap="xs">
          {items.map((episode) => (
            <Card key={episode.id} withBorder radius="md" padding="xs" data-testid="illness">
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Group gap="xs">
                  <Text size="sm">
                    {formatDate(episode.fromOn)} – {episode.toOn ? formatDate(episode.toOn) : t('healthEncounters.illness.open')}
                  </Text>
                  <Badge variant="light" color={episode.open ? 'red' : 'gray'} style={{ textTransform: 'none' }}>
                    {t('healthEncounters.illness.days', { count: episode.daysUnable })}
                  </Badge>
                </Group>
                <Button size="compact-xs" variant="subtle" onClick={() => setEditing(episode)} data-testid="illness-edit">
                  {t('healthEncounters.illness.edit')}
                </Button>
              </Group>
            </Card>
          ))}
        </Stack>
      </ListStates>
      {editing && (
        <IllnessModal
          personId={personId}
          personName={person.data?.fullName ?? ''}
          episode={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}

function IllnessModal({
  personId,
  personName,
  episode,
  onClose,
}: {
  personId: string;
  personName: string;
  episode: IllnessView | null;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateHealth(personId);
  const [fromOn, setFromOn] = useState(episode?.fromOn ?? todayIso());
  const [stillIll, setStillIll] = useState(episode ? episode.open : true);
  const [toOn, setToOn] = useState(episode?.toOn ?? todayIso());
  const [days, setDays] = useState<string | number>(episode?.daysUnableGiven ? episode.daysUnable : '');
  const body = { fromOn, toOn: stillIll ? null : toOn, daysUnable: days === '' ? null : Number(days) };
  const done = async () => {
    await invalidate();
    toast.success(t('healthEncounters.illness.saved'));
    onClose();
  };
  const create = useMoneyMutation<IllnessView, void>(() => ({ path: illnessesPath(personId), body }), { onSuccess: done });
  const correct = useMutation({ mutationFn: () => correctIllness(episode?.id ?? '', body), onSuccess: done });
  const save = episode ? correct : create;
  return (
    <Modal
      opened
      onClose={onClose}
      title={episode ? t('healthEncounters.illness.editTitle') : t('healthEncounters.illness.addTitle', { name: personName })}
      centered
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <Text size="xs" c="dimmed">
            {t('healthEncounters.illness.noDiagnosis')}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <DateField
              label={t('healthEncounters.illness.fromOn')}
              required
              value={fromOn}
              max={todayIso()}
              onChange={(event) => setFromOn(event.currentTarget.value)}
              error={fieldError(save.error, 'fromOn')}
              data-testid="illness-from"
            />
            <DateField
              label={t('healthEncounters.illness.toOn')}
              value={stillIll ? '' : toOn}
              min={fromOn}
              disabled={stillIll}
              onChange={(event) => setToOn(event.currentTarget.value)}
              error={fieldError(save.error, 'toOn')}
              data-testid="illness-to"
            />
          </SimpleGrid>
          <Checkbox
            label={t('healthEncounters.illness.stillIll')}
            checked={stillIll}
            onChange={(event) => setStillIll(event.currentTarget.checked)}
            data-testid="illness-still"
          />
          <NumberInput
            label={t('healthEncounters.illness.daysUnable')}
            description={t('healthEncounters.illness.daysUnableHint')}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            value={days}
            onChange={setDays}
            error={fieldError(save.error, 'daysUnable')}
          />
          <FormError error={save.error} fields={['fromOn', 'toOn', 'daysUnable']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="illness-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
