import { Badge, Button, Card, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { businessesQuery, type GroupView, meetingsQuery } from '../../api/registry.ts';
import {
  COACHING_TOPIC_LIST,
  type CoachingTopic,
  coachingQuery,
  type MergedView,
  mergeBusinesses,
  mergedQuery,
  putMergedMonth,
  recordCoaching,
  useInvalidateUsep,
} from '../../api/usep.ts';
import { useSignedIn } from '../../auth/session.ts';
import { ListStates } from '../../components/states.tsx';
import { useToast } from '../../components/toast.tsx';
import { todayIso, useFormatDate } from '../registry/shared.tsx';
import { FormModal, PastDateField, useFormChecks } from './usep-form.tsx';
import { canPassOn, MonthFiguresModal, MonthsTable } from './usep-shared.tsx';

/** Coaching (pembinaan) of the group's members: topic, attendance and follow-up actions. */
export function CoachingTab({ group }: { group: GroupView }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const formatDate = useFormatDate();
  const sessions = useQuery(coachingQuery(group.id));
  const [open, setOpen] = useState(false);
  const rows = sessions.data ?? [];
  return (
    <Stack gap="sm">
      {canPassOn(me.role) && (
        <Group>
          <Button onClick={() => setOpen(true)} data-testid="open-coaching">
            {t('usepWeb.recordCoaching')}
          </Button>
        </Group>
      )}
      <ListStates query={sessions} count={rows.length} empty={t('usepWeb.noCoaching')}>
        <Stack gap="sm" data-testid="coaching-list">
          {rows.map((s) => {
            const present = s.attendance.filter((a) => a.present).length;
            return (
              <Card key={s.id} withBorder padding="sm">
                <Stack gap={4}>
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Text fw={600}>{s.title}</Text>
                    <Badge variant="light">{t(`usepWeb.topics.${s.topic}`)}</Badge>
                  </Group>
                  <Text size="sm" c="dimmed">
                    {formatDate(s.heldOn)} · {t('usepWeb.coach')}: {s.coachName} ·{' '}
                    {t('usepWeb.presentOf', { present, total: s.attendance.length })}
                  </Text>
                  {s.notes && <Text size="sm">{s.notes}</Text>}
                  {s.followUp && (
                    <Text size="sm">
                      <b>{t('usepWeb.followUp')}:</b> {s.followUp}
                    </Text>
                  )}
                  {s.attendance
                    .filter((a) => a.followUp)
                    .map((a) => (
                      <Text key={a.personId} size="sm">
                        · {a.fullName}: {a.followUp}
                      </Text>
                    ))}
                </Stack>
              </Card>
            );
          })}
        </Stack>
      </ListStates>
      {open && <CoachingModal group={group} onClose={() => setOpen(false)} />}
    </Stack>
  );
}

function CoachingModal({ group, onClose }: { group: GroupView; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateUsep();
  const members = group.members.filter((m) => m.leftOn === null);
  const [draft, setDraft] = useState({
    topic: null as CoachingTopic | null,
    title: '',
    heldOn: todayIso(),
    coachName: '',
    villageCode: group.villageCodes[0] ?? '',
    notes: '',
    followUp: '',
  });
  const [present, setPresent] = useState<string[]>([]);
  const [personal, setPersonal] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () =>
      recordCoaching({
        groupId: group.id,
        villageCode: draft.villageCode,
        heldOn: draft.heldOn,
        topic: draft.topic ?? 'other',
        title: draft.title.trim(),
        notes: draft.notes.trim(),
        followUp: draft.followUp.trim(),
        coachName: draft.coachName.trim(),
        attendance: members.map((m) => ({
          personId: m.personId,
          present: present.includes(m.personId),
          followUp: (personal[m.personId] ?? '').trim(),
        })),
      }),
    onSuccess: async () => {
      await invalidate();
      toast.success(t('usepWeb.coachingSaved'));
      onClose();
    },
  });
  const local = {
    topic: draft.topic ? undefined : t('common.required'),
    title: draft.title.trim() ? undefined : t('common.required'),
    coachName: draft.coachName.trim() ? undefined : t('common.required'),
    heldOn: !draft.heldOn ? t('common.required') : draft.heldOn > todayIso() ? t('common.dateInFuture') : undefined,
  };
  const checks = useFormChecks(local, save.error);
  const { show } = checks;
  return (
    <FormModal
      title={t('usepWeb.recordCoaching')}
      size="xl"
      checks={checks}
      send={() => save.mutate()}
      pending={save.isPending}
      onClose={onClose}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('usepWeb.topic')}
          required
          data={COACHING_TOPIC_LIST.map((topic) => ({ value: topic, label: t(`usepWeb.topics.${topic}`) }))}
          value={draft.topic}
          onChange={(topic) => setDraft({ ...draft, topic: topic as CoachingTopic | null })}
          error={show('topic')}
          comboboxProps={{ withinPortal: true }}
          data-testid="coaching-topic"
        />
        <PastDateField
          label={t('usepWeb.heldOn')}
          field="heldOn"
          required
          value={draft.heldOn}
          onChange={(v) => setDraft({ ...draft, heldOn: v })}
          checks={checks}
        />
      </SimpleGrid>
      <TextInput
        label={t('usepWeb.coachingTitle')}
        required
        maxLength={200}
        value={draft.title}
        onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })}
        error={show('title')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('usepWeb.coach')}
          required
          maxLength={120}
          value={draft.coachName}
          onChange={(e) => setDraft({ ...draft, coachName: e.currentTarget.value })}
          error={show('coachName')}
        />
        {group.villageCodes.length > 1 && (
          <Select
            label={t('usepWeb.village')}
            data={group.villageCodes}
            value={draft.villageCode}
            onChange={(v) => setDraft({ ...draft, villageCode: v ?? draft.villageCode })}
            comboboxProps={{ withinPortal: true }}
          />
        )}
      </SimpleGrid>
      <Textarea
        label={t('usepWeb.notes')}
        autosize
        minRows={2}
        value={draft.notes}
        onChange={(e) => setDraft({ ...draft, notes: e.currentTarget.value })}
        error={show('notes')}
      />
      <Textarea
        label={t('usepWeb.followUp')}
        description={t('usepWeb.followUpHint')}
        autosize
        minRows={2}
        value={draft.followUp}
        onChange={(e) => setDraft({ ...draft, followUp: e.currentTarget.value })}
        error={show('followUp')}
      />
      <Text fw={600} size="sm">
        {t('usepWeb.attendance')}
      </Text>
      <Stack gap={6}>
        {members.map((m) => (
          <Group key={m.personId} gap="xs" wrap="wrap" align="center">
            <Checkbox
              style={{ minWidth: 180 }}
              label={m.fullName}
              checked={present.includes(m.personId)}
              onChange={(e) =>
                setPresent((old) => (e.currentTarget.checked ? [...old, m.personId] : old.filter((id) => id !== m.personId)))
              }
            />
            {present.includes(m.personId) && (
              <TextInput
                size="xs"
                style={{ flex: 1, minWidth: 160 }}
                aria-label={t('usepWeb.personalFollowUp', { name: m.fullName })}
                placeholder={t('usepWeb.personalFollowUpPlaceholder')}
                maxLength={500}
                value={personal[m.personId] ?? ''}
                onChange={(e) => setPersonal({ ...personal, [m.personId]: e.currentTarget.value })}
              />
            )}
          </Group>
        ))}
      </Stack>
    </FormModal>
  );
}

/** Merged businesses (penggabungan usaha sejenis): members' shares, the musyawarah that agreed, own figures. */
export function MergedTab({ group }: { group: GroupView }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const formatDate = useFormatDate();
  const merged = useQuery(mergedQuery(group.id));
  const meetings = useQuery(meetingsQuery(group.id));
  const invalidate = useInvalidateUsep();
  const [open, setOpen] = useState(false);
  const [monthOf, setMonthOf] = useState<MergedView | null>(null);
  const rows = merged.data ?? [];
  const editable = canPassOn(me.role);
  return (
    <Stack gap="sm">
      {editable && (
        <Group>
          <Button onClick={() => setOpen(true)} data-testid="open-merge">
            {t('usepWeb.merge')}
          </Button>
        </Group>
      )}
      <ListStates query={merged} count={rows.length} empty={t('usepWeb.noMerged')}>
        <Stack gap="sm" data-testid="merged-list">
          {rows.map((m) => {
            const meeting = meetings.data?.find((x) => x.id === m.meetingId);
            return (
              <Card key={m.id} withBorder padding="sm">
                <Stack gap="xs">
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <div>
                      <Text fw={600}>{m.name}</Text>
                      <Text size="sm" c="dimmed">
                        {m.businessType} · {t('usepWeb.mergedOn', { date: formatDate(m.mergedOn) })}
                        {meeting ? ` · ${t('usepWeb.agreedAt', { date: formatDate(meeting.heldOn), agenda: meeting.agenda })}` : ''}
                      </Text>
                    </div>
                    {editable && (
                      <Button size="xs" variant="light" onClick={() => setMonthOf(m)}>
                        {t('usepWeb.recordMonth')}
                      </Button>
                    )}
                  </Group>
                  <Stack gap={0}>
                    {m.members.map((x) => (
                      <Text key={x.businessId} size="sm">
                        {x.fullName} · {x.businessName}: <b>{(x.shareBp / 100).toLocaleString('id-ID')}%</b>
                      </Text>
                    ))}
                  </Stack>
                  {m.months.length > 0 ? (
                    <MonthsTable months={m.months} />
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('usepWeb.noMonths')}
                    </Text>
                  )}
                </Stack>
              </Card>
            );
          })}
        </Stack>
      </ListStates>
      {open && <MergeModal group={group} onClose={() => setOpen(false)} />}
      {monthOf && (
        <MonthFiguresModal
          title={t('usepWeb.monthTitle', { name: monthOf.name })}
          save={async (month, figures) => {
            await putMergedMonth(monthOf.id, month, figures);
            await invalidate();
          }}
          onClose={() => setMonthOf(null)}
        />
      )}
    </Stack>
  );
}

/** "12,5" or "12.5" percent → 1250 basis points; null when not a share. */
function basisPoints(percent: string): number | null {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(percent.trim());
  if (!match) return null;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bp >= 1 && bp <= 10_000 ? bp : null;
}

function MergeModal({ group, onClose }: { group: GroupView; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateUsep();
  const members = group.members.filter((m) => m.leftOn === null);
  const meetings = useQuery(meetingsQuery(group.id));
  const businessLists = useQueries({ queries: members.map((m) => businessesQuery(m.personId)) });
  const businesses = businessLists.flatMap((q, i) =>
    (q.data ?? []).filter((b) => b.active).map((b) => ({ ...b, ownerName: members[i]?.fullName ?? '' })),
  );
  const [draft, setDraft] = useState({ meetingId: null as string | null, name: '', businessType: '', mergedOn: todayIso() });
  const [shares, setShares] = useState<Record<string, string>>({});
  const chosen = Object.keys(shares);
  const chosenBusinesses = businesses.filter((b) => chosen.includes(b.id));
  const total = chosen.reduce((sum, id) => sum + (basisPoints(shares[id] ?? '') ?? 0), 0);
  const save = useMutation({
    mutationFn: () =>
      mergeBusinesses(group.id, {
        meetingId: draft.meetingId ?? '',
        name: draft.name.trim(),
        businessType: draft.businessType.trim(),
        mergedOn: draft.mergedOn,
        members: chosen.map((businessId) => ({ businessId, shareBp: basisPoints(shares[businessId] ?? '') ?? 0 })),
      }),
    onSuccess: async (m) => {
      await invalidate();
      toast.success(t('usepWeb.merged', { name: m.name }));
      onClose();
    },
  });
  const local = {
    meetingId: draft.meetingId ? undefined : t('usepWeb.meetingRequired'),
    name: draft.name.trim() ? undefined : t('common.required'),
    businessType: draft.businessType.trim() ? undefined : t('common.required'),
    mergedOn: !draft.mergedOn ? t('common.required') : draft.mergedOn > todayIso() ? t('common.dateInFuture') : undefined,
    members:
      chosen.length < 2
        ? t('usepWeb.mergeNeedsTwo')
        : new Set(chosenBusinesses.map((b) => b.sector)).size > 1
          ? t('usepWeb.mergeNotAlike')
          : chosen.some((id) => basisPoints(shares[id] ?? '') === null)
            ? t('usepWeb.shareInvalid')
            : total !== 10_000
              ? t('usepWeb.sharesNotWhole', { total: (total / 100).toLocaleString('id-ID') })
              : undefined,
  };
  const checks = useFormChecks(local, save.error);
  const { show } = checks;
  return (
    <FormModal
      title={t('usepWeb.merge')}
      size="xl"
      hint={t('usepWeb.mergeHint')}
      checks={checks}
      send={() => save.mutate()}
      pending={save.isPending}
      submitLabel={t('usepWeb.merge')}
      onClose={onClose}
    >
      <Select
        label={t('usepWeb.musyawarah')}
        description={t('usepWeb.mergeMeetingHint')}
        required
        data={(meetings.data ?? []).map((m) => ({ value: m.id, label: `${m.heldOn} · ${m.agenda}` }))}
        value={draft.meetingId}
        onChange={(meetingId) => setDraft({ ...draft, meetingId })}
        error={show('meetingId')}
        nothingFoundMessage={t('usepWeb.noMeetings')}
        comboboxProps={{ withinPortal: true }}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput
          label={t('usepWeb.mergedName')}
          required
          maxLength={120}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
          error={show('name')}
        />
        <TextInput
          label={t('business.type')}
          required
          maxLength={80}
          value={draft.businessType}
          onChange={(e) => setDraft({ ...draft, businessType: e.currentTarget.value })}
          error={show('businessType')}
        />
        <PastDateField
          label={t('usepWeb.mergedOnLabel')}
          field="mergedOn"
          required
          value={draft.mergedOn}
          onChange={(v) => setDraft({ ...draft, mergedOn: v })}
          checks={checks}
        />
      </SimpleGrid>
      <Text fw={600} size="sm">
        {t('usepWeb.mergedMembers')}
      </Text>
      {businessLists.some((q) => q.isPending) && <Text size="sm">{t('app.loading')}</Text>}
      {businessLists.every((q) => !q.isPending) && businesses.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('usepWeb.noMemberBusinesses')}
        </Text>
      )}
      <Paper withBorder p="xs" radius="sm">
        <Stack gap={6}>
          {businesses.map((b) => (
            <Group key={b.id} gap="xs" wrap="wrap">
              <Checkbox
                style={{ minWidth: 220, flex: 1 }}
                label={`${b.ownerName} · ${b.name} (${t(`business.sectors.${b.sector}`)})`}
                checked={b.id in shares}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setShares((old) => {
                    const next = { ...old };
                    if (on) next[b.id] = '';
                    else delete next[b.id];
                    return next;
                  });
                }}
              />
              {b.id in shares && (
                <TextInput
                  size="xs"
                  w={110}
                  aria-label={t('usepWeb.shareOf', { name: b.name })}
                  rightSection="%"
                  inputMode="decimal"
                  value={shares[b.id]}
                  onChange={(e) => setShares({ ...shares, [b.id]: e.currentTarget.value })}
                />
              )}
            </Group>
          ))}
        </Stack>
      </Paper>
      <Text size="sm" c={show('members') ? 'red.9' : undefined} role={show('members') ? 'alert' : undefined}>
        {show('members') ?? t('usepWeb.sharesTotal', { total: (total / 100).toLocaleString('id-ID') })}
      </Text>
    </FormModal>
  );
}
