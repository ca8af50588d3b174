// The cadre page's field work: today's worklist (the families most in arrears and longest
// unvisited first, as the server orders them), recording a visit, and the latest visits.

import { Anchor, Badge, Button, Card, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type CadreView, useInvalidateCadres } from '../../api/cadres.ts';
import {
  canCollect,
  VISIT_KIND_OPTIONS,
  type VisitKind,
  visitsQuery,
  type WorklistFamily,
  worklistQuery,
} from '../../api/contributions.ts';
import { useMoneyMutation } from '../../api/idempotency.ts';
import { useSignedIn } from '../../auth/session.ts';
import { DateField } from '../../components/date-field.tsx';
import { FormError, fieldError } from '../../components/error-alert.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { formatRupiah } from '../../components/rupiah-input.tsx';
import { ListStates } from '../../components/states.tsx';
import { useToast } from '../../components/toast.tsx';
import { todayIso, useFormatDate } from '../registry/shared.tsx';
import { CollectModal, familyLabel, useFormatMonth } from './cadre-collection-section.tsx';

const PAGE = 10;

export function CadreVisitsSection({ cadre }: { cadre: CadreView }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const worklist = useQuery(worklistQuery(cadre.id));
  const [shown, setShown] = useState(PAGE);
  const [visiting, setVisiting] = useState<string | null | undefined>(undefined);
  const [collecting, setCollecting] = useState<string | null>(null);
  const works = canCollect(me.role) && cadre.status === 'active';
  const families = worklist.data?.items ?? [];
  return (
    <Stack gap="md">
      <Stack gap="sm" data-testid="cadre-worklist">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h4">
            {t('cadres.visits.worklist')}
          </Title>
          {works && (
            <Button
              size="xs"
              variant="light"
              leftSection={<PlusIcon size={14} />}
              onClick={() => setVisiting(null)}
              data-testid="visit-open"
            >
              {t('cadres.visits.record')}
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('cadres.visits.worklistHint')}
        </Text>
        <ListStates query={worklist} count={families.length} empty={t('cadres.familiesEmpty')}>
          <Stack gap="xs">
            {families.slice(0, shown).map((family) => (
              <WorklistRow
                key={family.householdId}
                family={family}
                actions={
                  works && (
                    <Group gap={4} wrap="nowrap" ml="auto" style={{ flexShrink: 0 }}>
                      <Button size="compact-xs" variant="subtle" onClick={() => setVisiting(family.householdId)}>
                        {t('cadres.visits.visit')}
                      </Button>
                      {family.arrearsMonths !== null && (
                        <Button size="compact-xs" variant="light" onClick={() => setCollecting(family.householdId)}>
                          {t('cadres.visits.collect')}
                        </Button>
                      )}
                    </Group>
                  )
                }
              />
            ))}
            {families.length > shown && (
              <Button variant="subtle" size="xs" onClick={() => setShown(shown + PAGE * 2)}>
                {t('cadres.visits.showMore', { count: families.length - shown })}
              </Button>
            )}
          </Stack>
        </ListStates>
      </Stack>
      <VisitList cadreId={cadre.id} families={families} />
      {visiting !== undefined && (
        <VisitModal cadreId={cadre.id} families={families} householdId={visiting} onClose={() => setVisiting(undefined)} />
      )}
      {collecting && <CollectModal cadre={cadre} householdId={collecting} onClose={() => setCollecting(null)} />}
    </Stack>
  );
}

function WorklistRow({ family, actions }: { family: WorklistFamily; actions: React.ReactNode }) {
  const { t } = useTranslation();
  const formatMonth = useFormatMonth();
  const arrears = family.arrearsMonths;
  return (
    <Card withBorder radius="md" padding="xs" data-testid="worklist-row">
      {/* On a phone the actions go under the family, so the badge and amounts keep the width. */}
      <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
        <Stack gap={2} miw={0} style={{ flex: '1 1 240px' }}>
          <Anchor component={Link} to={`/households/${family.householdId}`} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {family.headName ?? family.kkNumber}
          </Anchor>
          <Group gap={6} wrap="wrap">
            <Badge
              variant="light"
              color={arrears === null ? 'gray' : arrears > 0 ? 'red' : 'teal'}
              style={{ textTransform: 'none', maxWidth: 'none' }}
              data-testid="worklist-arrears"
            >
              {arrears === null
                ? t('cadres.visits.noAccount')
                : arrears > 0
                  ? t('cadres.visits.arrears', { count: arrears })
                  : t('cadres.visits.upToDate')}
            </Badge>
            {arrears !== null && arrears > 0 && family.reactivationTotal && (
              <Text size="xs" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {t('cadres.visits.toReactivate', { amount: formatRupiah(family.reactivationTotal) })}
              </Text>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {family.paidThrough ? `${t('cadres.collection.paidThrough')} ${formatMonth(family.paidThrough)} · ` : ''}
            {family.daysSinceVisit === null
              ? t('cadres.visits.neverVisited')
              : family.daysSinceVisit === 0
                ? t('cadres.visits.lastVisitToday')
                : t('cadres.visits.lastVisit', { count: family.daysSinceVisit })}
          </Text>
        </Stack>
        {actions}
      </Group>
    </Card>
  );
}

function VisitList({ cadreId, families }: { cadreId: string; families: WorklistFamily[] }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const visits = useQuery(visitsQuery(cadreId));
  const rows = visits.data ?? [];
  const byId = new Map(families.map((f) => [f.householdId, f]));
  return (
    <Stack gap="sm" data-testid="cadre-visits">
      <Title order={3} size="h4">
        {t('cadres.visits.title')}
      </Title>
      <ListStates query={visits} count={rows.length} empty={t('cadres.visits.empty')}>
        <Stack gap="xs">
          {rows.map((visit) => {
            const family = byId.get(visit.householdId);
            return (
              <Card key={visit.id} withBorder radius="md" padding="xs" data-testid="visit-row">
                <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                  <Text size="sm" fw={600} miw={0} style={{ overflowWrap: 'anywhere' }}>
                    {family ? (family.headName ?? family.kkNumber) : t('cadres.visits.formerFamily')}
                  </Text>
                  <Badge variant="light" color="blue" style={{ textTransform: 'none', flexShrink: 0 }}>
                    {t(`cadres.visits.kinds.${visit.kind}`)}
                  </Badge>
                </Group>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {visit.outcome}
                </Text>
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {formatDate(visit.visitedOn)}
                  {visit.notes ? ` · ${visit.notes}` : ''}
                </Text>
              </Card>
            );
          })}
        </Stack>
      </ListStates>
    </Stack>
  );
}

function VisitModal({
  cadreId,
  families,
  householdId,
  onClose,
}: {
  cadreId: string;
  families: WorklistFamily[];
  householdId: string | null;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateCadres();
  const [family, setFamily] = useState<string | null>(householdId);
  const [kind, setKind] = useState<VisitKind>('reminder');
  const [outcome, setOutcome] = useState('');
  const [notes, setNotes] = useState('');
  const [visitedOn, setVisitedOn] = useState(todayIso());
  const [checked, setChecked] = useState(false);
  // One key per submission, reused when a weak connection makes it go again: a visit is recorded once.
  const save = useMoneyMutation<unknown, void>(
    () => ({
      path: `/api/v1/cadres/${cadreId}/visits`,
      body: { householdId: family, kind, outcome: outcome.trim(), notes: notes.trim() || undefined, visitedOn },
    }),
    {
      onSuccess: async () => {
        await invalidate();
        toast.success(t('cadres.visits.saved'));
        onClose();
      },
    },
  );
  const required = (value: string | null) => (checked && (value ?? '').trim() === '' ? t('common.required') : undefined);
  return (
    <Modal opened onClose={onClose} title={t('cadres.visits.record')} centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          if (family && outcome.trim() && visitedOn) save.mutate();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Select
            label={t('cadres.collection.family')}
            required
            searchable
            data={families.map((f) => ({ value: f.householdId, label: familyLabel(f) }))}
            value={family}
            onChange={setFamily}
            nothingFoundMessage={t('cadres.familiesEmpty')}
            error={required(family) ?? fieldError(save.error, 'householdId')}
            comboboxProps={{ withinPortal: true }}
            data-testid="visit-family"
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Select
              label={t('cadres.visits.kind')}
              required
              allowDeselect={false}
              data={VISIT_KIND_OPTIONS.map((value) => ({ value, label: t(`cadres.visits.kinds.${value}`) }))}
              value={kind}
              onChange={(value) => value && setKind(value as VisitKind)}
              error={fieldError(save.error, 'kind')}
              comboboxProps={{ withinPortal: true }}
              data-testid="visit-kind"
            />
            <DateField
              label={t('cadres.visits.visitedOn')}
              required
              value={visitedOn}
              max={todayIso()}
              onChange={(event) => setVisitedOn(event.currentTarget.value)}
              error={required(visitedOn) ?? fieldError(save.error, 'visitedOn')}
            />
          </SimpleGrid>
          <TextInput
            label={t('cadres.visits.outcome')}
            description={t('cadres.visits.outcomeHint')}
            required
            maxLength={300}
            value={outcome}
            onChange={(event) => setOutcome(event.currentTarget.value)}
            error={required(outcome) ?? fieldError(save.error, 'outcome')}
            data-testid="visit-outcome"
          />
          <Textarea
            label={t('cadres.visits.notes')}
            autosize
            minRows={2}
            maxLength={1000}
            value={notes}
            onChange={(event) => setNotes(event.currentTarget.value)}
            error={fieldError(save.error, 'notes')}
          />
          <FormError error={save.error} fields={['householdId', 'kind', 'visitedOn', 'outcome', 'notes']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="visit-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
