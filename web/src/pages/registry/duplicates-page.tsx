import { Alert, Anchor, Badge, Button, Group, Paper, Radio, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { type DuplicatePair, duplicatesQuery, type PersonDetail, useInvalidateRegistry } from '../../api/registry.ts';
import { useSignedIn } from '../../auth/session.ts';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { FormError } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RegionSelect } from '../../components/region-picker.tsx';
import { ListStates } from '../../components/states.tsx';
import { useToast } from '../../components/toast.tsx';
import { canDecideDuplicates, DeceasedBadge, Detail, GroupedDigits, RelationBadge, useFormatDate } from './shared.tsx';

/** Possible duplicates side by side; a reviewer merges them (choosing the record to keep) or marks them distinct. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const [params, setParams] = useSearchParams();
  const village = params.get('village');
  const pairs = useQuery(duplicatesQuery(village));
  const rows = pairs.data ?? [];
  const editable = canDecideDuplicates(me.role);
  return (
    <Stack gap="md">
      <PageHeader title={t('duplicates.title')} />
      <Text size="sm" c="dimmed">
        {t('duplicates.intro')}
      </Text>
      {!editable && (
        <Alert color="gray" variant="light">
          {t('duplicates.readOnly')}
        </Alert>
      )}
      <RegionSelect
        label={t('registry.village')}
        level={4}
        placeholder={t('persons.allVillages')}
        value={village}
        onChange={(code) => setParams(code ? { village: code } : {}, { replace: true })}
      />
      <ListStates query={pairs} count={rows.length} empty={t('duplicates.empty')}>
        <Stack gap="md" data-testid="duplicate-pairs">
          {rows.map((pair, index) => (
            <PairCard key={`${pair.a.id}-${pair.b.id}`} pair={pair} n={index + 1} editable={editable} />
          ))}
        </Stack>
      </ListStates>
    </Stack>
  );
}

/** A score 0–1 as a percentage ("87%"). */
const formatScore = (score: number) => `${Math.round(score * 100)}%`;

function PairCard({ pair, n, editable }: { pair: DuplicatePair; n: number; editable: boolean }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateRegistry();
  const [keep, setKeep] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [mustChoose, setMustChoose] = useState(false);
  const decide = useMutation({
    mutationFn: (decision: 'merge' | 'distinct') =>
      api.post('/api/v1/registry/duplicates/decisions', {
        personIds: [pair.a.id, pair.b.id],
        decision,
        ...(decision === 'merge' ? { keepPersonId: keep } : {}),
        note: note.trim(),
      }),
    onSuccess: async (_, decision) => {
      setConfirming(false);
      toast.success(decision === 'merge' ? t('duplicates.merged') : t('duplicates.markedDistinct'));
      await invalidate();
    },
  });
  const kept = keep === pair.a.id ? pair.a : keep === pair.b.id ? pair.b : null;

  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} data-testid="duplicate-pair">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={3} size="h5">
            {t('duplicates.pair', { n })}
          </Title>
          <Text size="sm" c="dimmed" data-testid="duplicate-score">
            {t('duplicates.score', { score: formatScore(pair.score) })}
          </Text>
        </Group>
        <Group gap="xs" aria-label={t('duplicates.reasonsLabel')} data-testid="duplicate-reasons">
          {pair.reasons.map((reason) => (
            <Badge key={reason} variant="light" color={reason === 'similar_name_birth_date_village' ? 'yellow' : 'orange'} tt="none">
              {t(`duplicates.reason.${reason}`)}
            </Badge>
          ))}
        </Group>
        <Radio.Group value={keep} onChange={setKeep} error={mustChoose && !keep ? t('duplicates.chooseKeep') : undefined}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {[pair.a, pair.b].map((person) => (
              <PersonSide key={person.id} person={person} chosen={keep === person.id} editable={editable} />
            ))}
          </SimpleGrid>
        </Radio.Group>
        {editable && (
          <>
            <Textarea
              label={t('duplicates.note')}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              autosize
              minRows={1}
              maxLength={500}
            />
            {!confirming && <FormError error={decide.error} fields={[]} />}
            <Group justify="flex-end" gap="sm">
              <Button
                variant="default"
                loading={decide.isPending && decide.variables === 'distinct'}
                onClick={() => decide.mutate('distinct')}
              >
                {t('duplicates.distinct')}
              </Button>
              <Button
                onClick={() => {
                  setMustChoose(true);
                  if (keep) setConfirming(true);
                }}
              >
                {t('duplicates.merge')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
      {confirming && kept && (
        <ConfirmModal
          opened
          title={t('duplicates.mergeTitle', { name: kept.fullName })}
          body={t('duplicates.mergeBody', { kept: kept.nik })}
          confirmLabel={t('duplicates.merge')}
          loading={decide.isPending}
          error={decide.error}
          onConfirm={() => decide.mutate('merge')}
          onClose={() => setConfirming(false)}
        />
      )}
    </Paper>
  );
}

function PersonSide({ person, chosen, editable }: { person: PersonDetail; chosen: boolean; editable: boolean }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const household = person.household;
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      bg={chosen ? 'teal.0' : undefined}
      style={chosen ? { borderColor: 'var(--mantine-color-teal-5)' } : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Anchor component={Link} to={`/persons/${person.id}`} fw={600} miw={0}>
            {person.fullName}
          </Anchor>
          <Group gap={4} wrap="nowrap">
            <RelationBadge relation={person.relation} />
            {person.deceased && <DeceasedBadge diedOn={person.diedOn} />}
          </Group>
        </Group>
        <SimpleGrid cols={2} spacing="xs">
          <Detail label={t('registry.nik')}>
            <GroupedDigits value={person.nik} />
          </Detail>
          <Detail label={t('registry.kkNumber')}>
            <GroupedDigits value={person.kkNumber} />
          </Detail>
          <Detail label={t('registry.birth')}>{[person.birthPlace, formatDate(person.birthDate)].filter(Boolean).join(', ')}</Detail>
          <Detail label={t('registry.sexLabel')}>{t(`registry.sex.${person.sex}`)}</Detail>
        </SimpleGrid>
        <Detail label={t('registry.address')}>
          {[household.address, household.rt && `RT ${household.rt}`, household.rw && `RW ${household.rw}`, household.villagePath]
            .filter(Boolean)
            .join(', ')}
        </Detail>
        <Text size="xs" c="dimmed">
          {t('duplicates.otherMembers', {
            names:
              household.members
                .filter((member) => member.id !== person.id)
                .map((member) => member.fullName)
                .join(', ') || '—',
          })}
        </Text>
        {editable && <Radio value={person.id} label={t('duplicates.keep')} />}
      </Stack>
    </Paper>
  );
}
