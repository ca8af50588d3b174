// Changes to a business group: members join and leave, meetings, assets.

import { Button, Checkbox, Group, Modal, Paper, ScrollArea, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import { type Asset, type GroupView, type Meeting, type PersonView, useInvalidateRegistry } from '../../api/registry.ts';
import { DateField } from '../../components/date-field.tsx';
import { FormError, fieldError } from '../../components/error-alert.tsx';
import { PersonPicker } from '../../components/person-picker.tsx';
import { RupiahInput } from '../../components/rupiah-input.tsx';
import { useToast } from '../../components/toast.tsx';
import { todayIso, useFormatDate } from '../registry/shared.tsx';

type Member = GroupView['members'][number];

function Buttons({ loading, label, onClose, danger }: { loading: boolean; label: string; onClose(): void; danger?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt="xs">
      <Button variant="default" onClick={onClose}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={loading} color={danger ? 'red' : undefined}>
        {label}
      </Button>
    </Group>
  );
}

/**
 * Why this person cannot join. A conflict (group full, already in a group of the kind) is told
 * by the problem's detail, which names the kind and the limit (the field message lacks them).
 */
function personError(error: unknown): string | undefined {
  if (error instanceof ApiError && error.status === 409 && error.detail) return error.detail;
  return fieldError(error, 'personId');
}

export function AddMemberModal({ group, onClose }: { group: GroupView; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateRegistry();
  const [person, setPerson] = useState<PersonView | null>(null);
  const [joinedOn, setJoinedOn] = useState(todayIso());
  const [checked, setChecked] = useState(false);
  const save = useMutation({
    mutationFn: () => api.post<GroupView>(`/api/v1/groups/${group.id}/members`, { personId: person?.id, joinedOn }),
    onSuccess: async () => {
      await invalidate();
      toast.success(t('groups.members.added', { name: person?.fullName ?? '' }));
      onClose();
    },
  });
  const active = group.members.filter((member) => member.leftOn === null).map((member) => member.personId);
  return (
    <Modal opened onClose={onClose} title={t('groups.members.addTitle')} centered size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          if (person && joinedOn) save.mutate();
        }}
        noValidate
      >
        <Stack gap="sm">
          <PersonPicker
            label={t('groups.members.person')}
            description={t('groups.members.personHint')}
            required
            value={person?.id ?? null}
            onChange={(chosen) => {
              setPerson(chosen);
              save.reset();
            }}
            exclude={active}
            error={(checked && !person ? t('common.required') : undefined) ?? personError(save.error)}
            data-testid="group-member-picker"
          />
          <DateField
            label={t('groups.members.joinedOn')}
            required
            value={joinedOn}
            max={todayIso()}
            onChange={(event) => setJoinedOn(event.currentTarget.value)}
            error={(checked && !joinedOn ? t('common.required') : undefined) ?? fieldError(save.error, 'joinedOn')}
          />
          <FormError error={save.error} fields={['personId', 'joinedOn']} />
          <Buttons loading={save.isPending} label={t('groups.members.add')} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

export function LeaveModal({ group, member, onClose }: { group: GroupView; member: Member; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateRegistry();
  const [leftOn, setLeftOn] = useState(todayIso());
  const save = useMutation({
    mutationFn: () => api.post<GroupView>(`/api/v1/groups/${group.id}/members/${member.personId}/leave`, { leftOn }),
    onSuccess: async () => {
      await invalidate();
      toast.success(t('groups.members.left', { name: member.fullName }));
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('groups.members.leaveTitle', { name: member.fullName })} centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (leftOn) save.mutate();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Text size="sm">{t('groups.members.leaveBody')}</Text>
          <DateField
            label={t('groups.members.leftOn')}
            required
            value={leftOn}
            min={member.joinedOn}
            max={todayIso()}
            onChange={(event) => setLeftOn(event.currentTarget.value)}
            error={fieldError(save.error, 'leftOn')}
          />
          <FormError error={save.error} fields={['leftOn']} />
          <Buttons loading={save.isPending} label={t('groups.members.leave')} onClose={onClose} danger />
        </Stack>
      </form>
    </Modal>
  );
}

export function MeetingModal({ group, onClose }: { group: GroupView; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const formatDate = useFormatDate();
  const invalidate = useInvalidateRegistry();
  const members = group.members.filter((member) => member.leftOn === null);
  const [heldOn, setHeldOn] = useState(todayIso());
  const [place, setPlace] = useState('');
  const [agenda, setAgenda] = useState('');
  const [decisions, setDecisions] = useState('');
  const [minutes, setMinutes] = useState('');
  const [present, setPresent] = useState<string[]>([]);
  const [checked, setChecked] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      api.post<Meeting>(`/api/v1/groups/${group.id}/meetings`, {
        heldOn,
        place: place.trim(),
        agenda: agenda.trim(),
        decisions: decisions.trim(),
        minutes: minutes.trim(),
        attendance: members.map((member) => ({ personId: member.personId, present: present.includes(member.personId) })),
      }),
    onSuccess: async (meeting) => {
      await invalidate();
      toast.success(t('groups.meetings.saved', { date: formatDate(meeting.heldOn) }));
      onClose();
    },
  });
  const local = { heldOn: heldOn ? undefined : t('common.required'), agenda: agenda.trim() ? undefined : t('common.required') };
  const errorOf = (field: string, own?: string) => (checked ? own : undefined) ?? fieldError(save.error, field);
  return (
    <Modal opened onClose={onClose} title={t('groups.meetings.addTitle')} centered size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          if (!local.heldOn && !local.agenda) save.mutate();
        }}
        noValidate
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <DateField
              label={t('groups.meetings.heldOn')}
              required
              value={heldOn}
              max={todayIso()}
              onChange={(event) => setHeldOn(event.currentTarget.value)}
              error={errorOf('heldOn', local.heldOn)}
            />
            <TextInput
              label={t('groups.meetings.place')}
              value={place}
              onChange={(event) => setPlace(event.currentTarget.value)}
              error={errorOf('place')}
              maxLength={200}
            />
          </SimpleGrid>
          <Textarea
            label={t('groups.meetings.agenda')}
            required
            value={agenda}
            onChange={(event) => setAgenda(event.currentTarget.value)}
            error={errorOf('agenda', local.agenda)}
            autosize
            minRows={2}
            maxLength={2000}
          />
          <Textarea
            label={t('groups.meetings.decisions')}
            value={decisions}
            onChange={(event) => setDecisions(event.currentTarget.value)}
            error={errorOf('decisions')}
            autosize
            minRows={2}
            maxLength={5000}
          />
          <Textarea
            label={t('groups.meetings.minutes')}
            value={minutes}
            onChange={(event) => setMinutes(event.currentTarget.value)}
            error={errorOf('minutes')}
            autosize
            minRows={2}
            maxRows={8}
            maxLength={20_000}
          />
          <Paper withBorder radius="md" p="sm">
            <Group justify="space-between" mb="xs" gap="xs">
              <Text size="sm" fw={500}>
                {t('groups.meetings.attendance')} · {t('groups.meetings.present', { present: present.length, total: members.length })}
              </Text>
              <Group gap={4}>
                <Button size="compact-xs" variant="light" onClick={() => setPresent(members.map((member) => member.personId))}>
                  {t('groups.meetings.allPresent')}
                </Button>
                <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setPresent([])}>
                  {t('groups.meetings.nonePresent')}
                </Button>
              </Group>
            </Group>
            <ScrollArea.Autosize mah={240}>
              <Checkbox.Group value={present} onChange={setPresent} aria-label={t('groups.meetings.attendance')}>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6}>
                  {members.map((member) => (
                    <Checkbox key={member.personId} value={member.personId} label={member.fullName} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
            </ScrollArea.Autosize>
            {fieldError(save.error, 'attendance') && (
              <Text size="xs" c="red.9" mt={4}>
                {fieldError(save.error, 'attendance')}
              </Text>
            )}
          </Paper>
          <FormError error={save.error} fields={['heldOn', 'place', 'agenda', 'decisions', 'minutes', 'attendance']} />
          <Buttons loading={save.isPending} label={t('common.save')} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

export function AssetModal({ group, onClose }: { group: GroupView; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateRegistry();
  const [item, setItem] = useState('');
  const [value, setValue] = useState('');
  const [receivedOn, setReceivedOn] = useState(todayIso());
  const [source, setSource] = useState('');
  const [checked, setChecked] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      api.post<Asset>(`/api/v1/groups/${group.id}/assets`, {
        item: item.trim(),
        valueRupiah: value || '0',
        receivedOn,
        sourceProgramme: source.trim(),
      }),
    onSuccess: async (asset) => {
      await invalidate();
      toast.success(t('groups.assets.saved', { item: asset.item }));
      onClose();
    },
  });
  const local = {
    item: item.trim() ? undefined : t('common.required'),
    valueRupiah: value ? undefined : t('common.required'),
    receivedOn: receivedOn ? undefined : t('common.required'),
    sourceProgramme: source.trim() ? undefined : t('common.required'),
  };
  const errorOf = (field: keyof typeof local) => (checked ? local[field] : undefined) ?? fieldError(save.error, field);
  return (
    <Modal opened onClose={onClose} title={t('groups.assets.addTitle')} centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          if (Object.values(local).every((message) => !message)) save.mutate();
        }}
        noValidate
      >
        <Stack gap="sm">
          <TextInput
            label={t('groups.assets.item')}
            placeholder={t('groups.assets.itemPlaceholder')}
            required
            value={item}
            onChange={(event) => setItem(event.currentTarget.value)}
            error={errorOf('item')}
            maxLength={200}
            data-autofocus
          />
          <RupiahInput label={t('groups.assets.value')} required value={value} onChange={setValue} error={errorOf('valueRupiah')} />
          <DateField
            label={t('groups.assets.receivedOn')}
            required
            value={receivedOn}
            max={todayIso()}
            onChange={(event) => setReceivedOn(event.currentTarget.value)}
            error={errorOf('receivedOn')}
          />
          <TextInput
            label={t('groups.assets.source')}
            placeholder={t('groups.assets.sourcePlaceholder')}
            required
            value={source}
            onChange={(event) => setSource(event.currentTarget.value)}
            error={errorOf('sourceProgramme')}
            maxLength={120}
          />
          <FormError error={save.error} fields={Object.keys(local)} />
          <Buttons loading={save.isPending} label={t('common.save')} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
