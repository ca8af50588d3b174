import { Anchor, Badge, Button, Card, Checkbox, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { businessDate, systemClock } from '../../../src/core/clock.ts';
import { formatDateShort } from '../../../src/core/format.ts';
import type { FieldSession, HealthBundle } from '../../../src/modules/health/field.schema.ts';
import { SESSION_TOPICS } from '../../../src/modules/health/sessions.rules.ts';
import { useToast } from '../components/toast.tsx';
import { newSessionId, recordSessionAttendance, type SessionRecord, useField } from './field-store.ts';
import './field-text.ts';

/** Search results shown at most. */
const FOUND = 30;

/** Counselling sessions: the worker's recent ones (add who came) and a new one, attendance ticked from a group or found in the bundle. */
export function FieldHealthSessionsScreen() {
  const field = useField();
  const { t: ft } = useTranslation('field');
  const [editing, setEditing] = useState<FieldSession | 'new' | null>(null);
  const health = field.bundle?.bundle.health;
  const back = (
    <Anchor component={Link} to="/field" size="md" py={8} display="inline-block">
      ← {ft('back')}
    </Anchor>
  );
  if (!health)
    return (
      <Stack>
        {back}
        <Text>{ft('noData')}</Text>
      </Stack>
    );
  if (editing) return <SessionForm health={health} session={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />;
  // Attendance recorded on this phone and not yet in the download, per session.
  const added = new Map<string, number>();
  for (const e of field.outbox)
    if (e.operation.type === 'session_attendance' && e.status !== 'refused')
      added.set(
        e.operation.payload.sessionId,
        (added.get(e.operation.payload.sessionId) ?? 0) + (e.operation.payload.personIds ?? []).length,
      );
  return (
    <Stack gap="sm">
      {back}
      <Title order={1} size="h3">
        {ft('sessionsTitle')}
      </Title>
      <Button size="lg" onClick={() => setEditing('new')}>
        {ft('newSession')}
      </Button>
      <Title order={2} size="h5">
        {ft('recentSessions')}
      </Title>
      {health.sessions.length === 0 ? <Text c="dimmed">{ft('noSessions')}</Text> : null}
      {health.sessions.map((s) => (
        <Card key={s.sessionId} withBorder padding="sm" component="article" aria-label={ft(`topic_${s.topic}`)}>
          <Stack gap={4}>
            <Text fw={700}>{ft('sessionLine', { topic: ft(`topic_${s.topic}`), date: formatDateShort(s.heldOn), place: s.place })}</Text>
            <Text size="sm" c="dimmed">
              {ft('sessionAttendees', { count: s.personIds.length + (added.get(s.sessionId) ?? 0) })}
            </Text>
            <Button variant="light" size="md" onClick={() => setEditing(s)}>
              {ft('addAttendance')}
            </Button>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

type Person = { personId: string; name: string; where: string };

/** A new session (topic, place, village, group) or more attendees of a recent one; the ticked persons go into the outbox. */
function SessionForm({ health, session, onDone }: { health: HealthBundle; session: FieldSession | null; onDone: () => void }) {
  const field = useField();
  const { t: ft } = useTranslation('field');
  const toast = useToast();
  const villages = [...new Set([...health.villageCodes, ...health.groups.flatMap((g) => g.villageCodes)])].sort();
  const [topic, setTopic] = useState<SessionRecord['topic']>(session?.topic ?? 'reproductive_health');
  const [topicNote, setTopicNote] = useState(session?.topicNote ?? '');
  const [place, setPlace] = useState(session?.place ?? '');
  const [village, setVillage] = useState<string | null>(session?.villageCode ?? villages[0] ?? null);
  const [groupId, setGroupId] = useState<string | null>(session?.groupId ?? null);
  const [search, setSearch] = useState('');
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [tried, setTried] = useState(false);
  const noteMissing = session === null && topic === 'other' && !topicNote.trim();
  const heldOn = session?.heldOn ?? businessDate(systemClock);
  const sessionId = useState(() => session?.sessionId ?? newSessionId())[0];
  // Already present: in the download, or recorded on this phone for the same session.
  const present = new Set(session?.personIds ?? []);
  for (const e of field.outbox)
    if (e.operation.type === 'session_attendance' && e.status !== 'refused' && e.operation.payload.sessionId === sessionId)
      for (const id of e.operation.payload.personIds ?? []) present.add(id);
  const groups = health.groups.filter((g) => !village || g.villageCodes.includes(village));
  const group = health.groups.find((g) => g.groupId === groupId);
  const everyone = new Map<string, Person>();
  for (const g of health.groups) for (const m of g.members) everyone.set(m.personId, { personId: m.personId, name: m.name, where: g.name });
  for (const f of health.families)
    for (const m of f.members) everyone.set(m.personId, { personId: m.personId, name: m.name, where: `KK ${f.kkNumber}` });
  const needle = search.trim().toLowerCase();
  const found =
    needle.length >= 2 ? [...everyone.values()].filter((p) => p.name.toLowerCase().includes(needle) || p.where.includes(needle)) : [];
  const toggle = (id: string, on: boolean) =>
    setTicked((all) => {
      const next = new Set(all);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const save = async () => {
    setTried(true);
    if (!place.trim() || !village || ticked.size === 0 || noteMissing) return;
    await recordSessionAttendance(
      {
        sessionId,
        topic,
        topicNote: topicNote.trim(),
        heldOn,
        place: place.trim(),
        villageCode: village,
        ...(groupId ? { groupId } : {}),
        personIds: [...ticked],
      },
      { group: group?.name ?? place.trim(), family: ft(`topic_${topic}`) },
    );
    toast.success(ft('saved'));
    onDone();
  };
  const row = (p: Person) => (
    <Checkbox
      key={p.personId}
      size="md"
      disabled={present.has(p.personId)}
      checked={present.has(p.personId) || ticked.has(p.personId)}
      onChange={(e) => toggle(p.personId, e.currentTarget.checked)}
      label={
        <Group gap={6} wrap="nowrap">
          <Text size="md">{p.name}</Text>
          {present.has(p.personId) ? (
            <Badge size="xs" color="teal" variant="light" tt="none">
              {ft('alreadyPresent')}
            </Badge>
          ) : (
            <Text size="xs" c="dimmed">
              {p.where}
            </Text>
          )}
        </Group>
      }
    />
  );
  return (
    <Stack gap="sm">
      <Anchor component="button" type="button" size="md" py={8} ta="left" onClick={onDone}>
        ← {ft('back')}
      </Anchor>
      <Title order={1} size="h3">
        {session ? ft('addAttendance') : ft('newSession')}
      </Title>
      <Text size="sm">{ft('sessionHeldOn', { date: formatDateShort(heldOn) })}</Text>
      <Select
        label={ft('topic')}
        size="md"
        allowDeselect={false}
        disabled={session !== null}
        value={topic}
        onChange={(v) => v && setTopic(v as typeof topic)}
        data={SESSION_TOPICS.map((t) => ({ value: t, label: ft(`topic_${t}`) }))}
      />
      {session === null && topic === 'other' ? (
        <TextInput
          label={ft('topicNote')}
          size="md"
          value={topicNote}
          onChange={(e) => setTopicNote(e.currentTarget.value)}
          error={tried && noteMissing ? ft('topicNoteRequired') : null}
        />
      ) : null}
      <Textarea
        label={ft('sessionPlace')}
        size="md"
        autosize
        disabled={session !== null}
        value={place}
        onChange={(e) => setPlace(e.currentTarget.value)}
        error={tried && !place.trim() ? ft('placeRequired') : null}
      />
      <Select
        label={ft('sessionVillage')}
        size="md"
        allowDeselect={false}
        disabled={session !== null}
        value={village}
        onChange={(v) => {
          setVillage(v);
          setGroupId(null);
        }}
        data={villages}
      />
      <Select
        label={ft('sessionGroup')}
        size="md"
        disabled={session !== null}
        placeholder={ft('openSession')}
        clearable
        value={groupId}
        onChange={setGroupId}
        data={groups.map((g) => ({ value: g.groupId, label: g.name }))}
      />
      <Title order={2} size="h5">
        {ft('pickAttendees')}
      </Title>
      {group ? (
        <Stack gap={6} component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
          <Text size="sm" fw={600} component="legend">
            {ft('groupMembersTitle', { name: group.name })}
          </Text>
          {group.members.map((m) => row({ personId: m.personId, name: m.name, where: group.name }))}
        </Stack>
      ) : null}
      <TextInput
        size="md"
        type="search"
        aria-label={ft('searchAttendees')}
        placeholder={ft('searchAttendees')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
      />
      {found.slice(0, FOUND).map(row)}
      {[...ticked]
        .filter((id) => !group?.members.some((m) => m.personId === id) && !found.some((p) => p.personId === id))
        .map((id) => everyone.get(id))
        .filter((p): p is Person => p !== undefined)
        .map(row)}
      {tried && ticked.size === 0 ? (
        <Text size="sm" c="red.9">
          {ft('attendeesRequired')}
        </Text>
      ) : null}
      <Button size="lg" fullWidth onClick={() => void save()}>
        {ft('sessionSave', { count: ticked.size })}
      </Button>
    </Stack>
  );
}
