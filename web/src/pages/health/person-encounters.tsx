// A person's encounters with health workers (clinical: health workers and the admin only, every
// opening audited), their referrals with the letter and the outcome, and illness episodes (no
// diagnosis in them) for those who record them; other roles see only whether the member can work.

import { Anchor, Badge, Button, Card, Group, Modal, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { referralAddressee } from '../../../../src/modules/health/encounters.rules.ts';
import { personQuery } from '../../api/registry.ts';
import { useSignedIn } from '../../auth/session.ts';
import { DateField } from '../../components/date-field.tsx';
import { FormError, fieldError } from '../../components/error-alert.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { ListStates } from '../../components/states.tsx';
import { useToast } from '../../components/toast.tsx';
import { todayIso, useFormatDate } from '../registry/shared.tsx';
import {
  canReadClinical,
  canRecordIllness,
  canSeeIllnessStatus,
  canWriteClinical,
  type EncounterView,
  type ReferralView,
  referralLetterUrl,
  saveReferralOutcome,
  useEncounters,
  useInvalidateHealth,
} from './encounter-api.ts';
import { FlagBadges } from './encounter-flags.tsx';
import { NewEncounterModal } from './encounter-form.tsx';
import { IllnessSection, IllnessStatusLine } from './encounter-illness.tsx';
import { useFormatDecimal } from './health-format.ts';

/** Part of a person's health page: what the signed-in role may see of encounters and illness. */
export function PersonEncounters({ personId }: { personId: string }) {
  const me = useSignedIn();
  return (
    <>
      {canReadClinical(me.role) && <EncountersSection personId={personId} />}
      {canRecordIllness(me.role) ? (
        <IllnessSection personId={personId} />
      ) : (
        canSeeIllnessStatus(me.role) && <IllnessStatusLine personId={personId} />
      )}
    </>
  );
}

function EncountersSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const person = useQuery(personQuery(personId));
  const encounters = useEncounters(personId);
  const [adding, setAdding] = useState(false);
  const [outcomeOf, setOutcomeOf] = useState<ReferralView | null>(null);
  const items = encounters.data?.pages.flatMap((page) => page.items) ?? [];
  const deceased = person.data?.deceased ?? false;
  return (
    <Stack gap="sm" data-testid="encounters-section">
      <Group justify="space-between" gap="xs">
        <Stack gap={0}>
          <Title order={3} size="h4">
            {t('healthEncounters.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('healthEncounters.readAudited')}
          </Text>
        </Stack>
        {canWriteClinical(me.role) && person.data && !deceased && (
          <Button
            size="xs"
            variant="light"
            leftSection={<PlusIcon size={14} />}
            onClick={() => setAdding(true)}
            data-testid="encounter-new"
          >
            {t('healthEncounters.newEncounter')}
          </Button>
        )}
      </Group>
      <ListStates query={encounters} count={items.length} empty={t('healthEncounters.empty')}>
        <Stack gap="xs">
          {items.map((encounter) => (
            <EncounterCard key={encounter.id} encounter={encounter} onOutcome={setOutcomeOf} />
          ))}
        </Stack>
        <LoadMore hasMore={encounters.hasNextPage} loading={encounters.isFetchingNextPage} onLoad={() => void encounters.fetchNextPage()} />
      </ListStates>
      {adding && person.data && (
        <NewEncounterModal
          personId={personId}
          personName={person.data.fullName}
          birthDate={person.data.birthDate}
          onClose={() => setAdding(false)}
        />
      )}
      {outcomeOf && <OutcomeModal personId={personId} referral={outcomeOf} onClose={() => setOutcomeOf(null)} />}
    </Stack>
  );
}

function EncounterCard({ encounter, onOutcome }: { encounter: EncounterView; onOutcome(referral: ReferralView): void }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const formatDate = useFormatDate();
  const decimal = useFormatDecimal();
  const v = encounter.vitals;
  const measures = [
    v.systolic !== null && v.diastolic !== null && `${t('healthEncounters.bloodPressure')} ${v.systolic}/${v.diastolic} mmHg`,
    v.weightKg !== null && `${t('healthEncounters.weight')} ${decimal(v.weightKg)} kg`,
    v.heightCm !== null && `${t('healthEncounters.height')} ${decimal(v.heightCm)} cm`,
    v.temperatureC !== null && `${t('healthEncounters.temperature')} ${decimal(v.temperatureC)} °C`,
    v.glucoseMgDl !== null && `${t('healthEncounters.glucose')} ${v.glucoseMgDl} mg/dL`,
  ].filter(Boolean);
  const referral = encounter.referral;
  return (
    <Card withBorder radius="md" padding="sm" data-testid="encounter">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={600} size="sm">
            {formatDate(encounter.encounteredOn)} · {t(`healthEncounters.places.${encounter.place}`)}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`healthEncounters.professions.${encounter.profession}`)} · {encounter.worker.name}
          </Text>
        </Group>
        {encounter.complaint && (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {encounter.complaint}
          </Text>
        )}
        {measures.length > 0 && (
          <Text size="sm" c="dimmed">
            {measures.join(' · ')}
          </Text>
        )}
        <FlagBadges flags={encounter.flags} />
        {encounter.diagnoses.length > 0 ? (
          <Stack gap={2}>
            {encounter.diagnoses.map((d, i) => (
              <Text key={d.code} size="sm" fw={i === 0 ? 600 : 400}>
                <Text span ff="monospace" size="sm">
                  {d.code}
                </Text>{' '}
                {d.name}
              </Text>
            ))}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('healthEncounters.noDiagnosis')}
          </Text>
        )}
        {encounter.treatment && (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            <Text span fw={600} size="sm">
              {t('healthEncounters.treatment')}:
            </Text>{' '}
            {encounter.treatment}
          </Text>
        )}
        {referral && (
          <Paper withBorder radius="sm" p="xs" bg="var(--mantine-color-gray-0)" data-testid="referral">
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Stack gap={2} miw={0}>
                <Text size="sm">
                  {t('healthEncounters.referredTo', {
                    destination: referralAddressee(
                      referral.destinationKind,
                      referral.destination,
                      t(`healthEncounters.addressee.${referral.destinationKind}`),
                    ),
                    date: formatDate(referral.referredOn),
                  })}
                </Text>
                {referral.outcome ? (
                  <Badge variant="light" color="teal" style={{ textTransform: 'none' }} data-testid="referral-outcome">
                    {t(`healthEncounters.outcomes.${referral.outcome}`)} · {formatDate(referral.outcomeOn)}
                  </Badge>
                ) : (
                  <Text size="xs" c="orange.9">
                    {t('healthEncounters.outcomePending')}
                  </Text>
                )}
              </Stack>
              <Group gap="xs">
                <Anchor href={referralLetterUrl(referral.id)} target="_blank" rel="noopener" size="sm" data-testid="referral-letter">
                  {t('healthEncounters.letter')}
                </Anchor>
                {canWriteClinical(me.role) && (
                  <Button size="compact-xs" variant="light" onClick={() => onOutcome(referral)} data-testid="referral-record-outcome">
                    {t('healthEncounters.recordOutcome')}
                  </Button>
                )}
              </Group>
            </Group>
          </Paper>
        )}
      </Stack>
    </Card>
  );
}

const OUTCOMES = ['referred_back', 'treated', 'admitted', 'not_attended', 'died'] as const;

function OutcomeModal({ personId, referral, onClose }: { personId: string; referral: ReferralView; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateHealth(personId);
  const [outcome, setOutcome] = useState<string>(referral.outcome ?? 'referred_back');
  const [outcomeOn, setOutcomeOn] = useState(referral.outcomeOn ?? todayIso());
  const save = useMutation({
    mutationFn: () => saveReferralOutcome(referral.id, { outcome, outcomeOn }),
    onSuccess: async () => {
      await invalidate();
      toast.success(t('healthEncounters.outcomeSaved'));
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('healthEncounters.outcome')} centered>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <Select
            label={t('healthEncounters.outcome')}
            required
            data={OUTCOMES.map((value) => ({ value, label: t(`healthEncounters.outcomes.${value}`) }))}
            value={outcome}
            onChange={(value) => value && setOutcome(value)}
            error={fieldError(save.error, 'outcome')}
            comboboxProps={{ withinPortal: true }}
          />
          <DateField
            label={t('healthEncounters.outcomeOn')}
            required
            value={outcomeOn}
            min={referral.referredOn}
            max={todayIso()}
            onChange={(event) => setOutcomeOn(event.currentTarget.value)}
            error={fieldError(save.error, 'outcomeOn')}
          />
          <FormError error={save.error} fields={['outcome', 'outcomeOn']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="outcome-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
