import { ActionIcon, Checkbox, Group, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PersonPicker } from '../../components/person-picker.tsx';

export type Attendee = { personId: string; fullName: string };

/**
 * Who attended: the group's members (ticked by default by the caller) as checkboxes, plus anyone
 * from the registry found by name or NIK. `value` maps person id → name.
 */
export function AttendancePicker({
  members,
  value,
  onChange,
  error,
}: {
  members: Attendee[];
  value: Map<string, string>;
  onChange(next: Map<string, string>): void;
  error?: string;
}) {
  const { t } = useTranslation();
  const [picker, setPicker] = useState(0);
  const memberIds = new Set(members.map((m) => m.personId));
  const others = [...value].filter(([id]) => !memberIds.has(id));
  const toggle = (attendee: Attendee, on: boolean) => {
    const next = new Map(value);
    if (on) next.set(attendee.personId, attendee.fullName);
    else next.delete(attendee.personId);
    onChange(next);
  };
  return (
    <Stack gap="xs">
      {members.length > 0 && (
        <Paper withBorder p="xs" radius="sm">
          <Text size="sm" fw={600} mb={4}>
            {t('healthScreening.sessions.members')}
          </Text>
          <ScrollArea.Autosize mah={280}>
            <Stack gap={6} data-testid="session-members">
              {members.map((m) => (
                <Checkbox
                  key={m.personId}
                  label={m.fullName}
                  checked={value.has(m.personId)}
                  onChange={(e) => toggle(m, e.currentTarget.checked)}
                />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        </Paper>
      )}
      <PersonPicker
        key={picker}
        label={t('healthScreening.sessions.addPerson')}
        description={t('healthScreening.sessions.addPersonHint')}
        value={null}
        exclude={[...value.keys()]}
        onChange={(person) => {
          if (!person) return;
          toggle({ personId: person.id, fullName: person.fullName }, true);
          setPicker((n) => n + 1);
        }}
        error={error}
        data-testid="session-person-picker"
      />
      {others.length > 0 && (
        <Paper withBorder p="xs" radius="sm">
          <Text size="sm" fw={600} mb={4}>
            {t('healthScreening.sessions.others')}
          </Text>
          <Stack gap={4}>
            {others.map(([id, name]) => (
              <Group key={id} justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm">{name}</Text>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('healthScreening.sessions.remove')}
                  onClick={() => toggle({ personId: id, fullName: name }, false)}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
