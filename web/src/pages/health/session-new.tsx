import { Button, Card, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { request } from '../../api/client.ts';
import { groupQuery, useGroups } from '../../api/registry.ts';
import { DateField } from '../../components/date-field.tsx';
import { FormError, fieldError } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RegionSelect } from '../../components/region-picker.tsx';
import { useToast } from '../../components/toast.tsx';
import { todayIso } from '../registry/shared.tsx';
import { memberOn, SESSION_TOPICS, type SessionInput, type SessionView, useInvalidateHealth } from './session-api.ts';
import { AttendancePicker } from './session-attendance.tsx';

/** A new counselling session: topic, day, place, village, a group (its members of the day ticked) or open, and who attended. */
export function SessionNewPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const invalidate = useInvalidateHealth();
  const [topic, setTopic] = useState<SessionInput['topic']>('reproductive_health');
  const [topicNote, setTopicNote] = useState('');
  const [heldOn, setHeldOn] = useState(todayIso());
  const [place, setPlace] = useState('');
  const [village, setVillage] = useState<string | null>(null);
  const [groupId, setGroupId] = useState<string | null>(null);
  const [attendees, setAttendees] = useState(new Map<string, string>());
  const [checked, setChecked] = useState(false);
  const [key] = useState(() => crypto.randomUUID());
  const groups = useGroups({ village: village ?? undefined });
  const groupOptions = (groups.data?.pages.flatMap((page) => page.items) ?? []).map((g) => ({ value: g.id, label: g.name }));
  const group = useQuery({ ...groupQuery(groupId ?? ''), enabled: groupId !== null });
  const members = (group.data?.members ?? [])
    .filter((m) => memberOn(m, heldOn))
    .map((m) => ({ personId: m.personId, fullName: m.fullName }));

  const save = useMutation({
    mutationFn: () =>
      request<SessionView>(
        'POST',
        '/api/v1/health/sessions',
        { topic, topicNote, heldOn, place, villageCode: village, groupId: groupId ?? undefined, personIds: [...attendees.keys()] },
        undefined,
        { 'Idempotency-Key': key },
      ),
    onSuccess: async (view) => {
      await invalidate();
      toast.success(t('healthScreening.sessions.saved'));
      void navigate(`/health/sessions/${view.id}`);
    },
  });
  // When a group (or the day) is chosen, its members of the day are ticked; anyone added by hand stays.
  const loadedGroup = group.data;
  useEffect(() => {
    if (!loadedGroup) return;
    setAttendees((old) => {
      const next = new Map(old);
      for (const m of loadedGroup.members) if (memberOn(m, heldOn)) next.set(m.personId, m.fullName);
      return next;
    });
  }, [loadedGroup, heldOn]);
  const missing = (value: string | null) => (checked && !value ? t('common.required') : undefined);

  return (
    <Stack gap="md">
      <PageHeader title={t('healthScreening.sessions.newTitle')}>
        <Button variant="default" component={Link} to="/health/sessions">
          {t('healthScreening.sessions.back')}
        </Button>
      </PageHeader>
      <Card withBorder radius="md" padding="md">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setChecked(true);
            if (village && place.trim() && heldOn && (topic !== 'other' || topicNote.trim())) save.mutate();
          }}
          noValidate
        >
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label={t('healthScreening.sessions.topic')}
                data={SESSION_TOPICS.map((code) => ({ value: code, label: t(`healthScreening.sessions.topics.${code}`) }))}
                value={topic}
                onChange={(v) => v && setTopic(v as SessionInput['topic'])}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
                data-testid="session-topic"
              />
              <DateField
                label={t('healthScreening.sessions.heldOn')}
                required
                value={heldOn}
                onChange={(event) => setHeldOn(event.currentTarget.value)}
                error={missing(heldOn) ?? fieldError(save.error, 'heldOn')}
              />
            </SimpleGrid>
            <Textarea
              label={t('healthScreening.sessions.topicNote')}
              required={topic === 'other'}
              autosize
              minRows={1}
              value={topicNote}
              onChange={(event) => setTopicNote(event.currentTarget.value)}
              error={(topic === 'other' ? missing(topicNote.trim() || null) : undefined) ?? fieldError(save.error, 'topicNote')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('healthScreening.sessions.place')}
                required
                value={place}
                onChange={(event) => setPlace(event.currentTarget.value)}
                error={missing(place.trim() || null) ?? fieldError(save.error, 'place')}
                data-testid="session-place"
              />
              <RegionSelect
                label={t('healthScreening.sessions.village')}
                level={4}
                required
                value={village}
                onChange={(code) => {
                  setVillage(code);
                  setGroupId(null);
                }}
                error={missing(village) ?? fieldError(save.error, 'villageCode')}
              />
            </SimpleGrid>
            <Select
              label={t('healthScreening.sessions.group')}
              description={t('healthScreening.sessions.groupHint')}
              placeholder={t('healthScreening.sessions.open')}
              data={groupOptions}
              value={groupId}
              onChange={(id) => {
                setGroupId(id);
                save.reset();
              }}
              clearable
              disabled={!village}
              error={fieldError(save.error, 'groupId')}
              comboboxProps={{ withinPortal: true }}
            />
            <AttendancePicker members={members} value={attendees} onChange={setAttendees} error={fieldError(save.error, 'personIds')} />
            <FormError error={save.error} fields={['topic', 'topicNote', 'heldOn', 'place', 'villageCode', 'groupId', 'personIds']} />
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending} data-testid="session-save">
                {t('healthScreening.sessions.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
