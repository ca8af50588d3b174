import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { groupQuery } from '../../api/registry.ts';
import { useSignedIn } from '../../auth/session.ts';
import { FormError, fieldError } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryStates } from '../../components/states.tsx';
import { useToast } from '../../components/toast.tsx';
import { useFormatDate } from '../registry/shared.tsx';
import { canWriteSessions, memberOn, type SessionView, useInvalidateHealth, useSession } from './session-api.ts';
import { AttendancePicker } from './session-attendance.tsx';

/** One counselling session with its attendees by name; health workers and the administrator change who attended. */
export function SessionDetailPage() {
  const { id = '' } = useParams();
  const session = useSession(id);
  return <QueryStates query={session}>{(view) => <SessionDetail session={view} />}</QueryStates>;
}

function SessionDetail({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const formatDate = useFormatDate();
  const [editing, setEditing] = useState(false);
  const topic = session.topic === 'other' && session.topicNote ? session.topicNote : t(`healthScreening.sessions.topics.${session.topic}`);
  return (
    <Stack gap="md">
      <PageHeader title={topic}>
        <Button variant="default" component={Link} to="/health/sessions">
          {t('healthScreening.sessions.back')}
        </Button>
      </PageHeader>
      <Card withBorder radius="md" padding="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Text size="sm">
            {t('healthScreening.sessions.heldOn')}: <b>{formatDate(session.heldOn)}</b>
          </Text>
          <Text size="sm">
            {t('healthScreening.sessions.place')}: <b>{session.place}</b>
          </Text>
          <Text size="sm">
            {t('healthScreening.sessions.group')}:{' '}
            {session.groupId ? (
              <Anchor component={Link} to={`/groups/${session.groupId}`}>
                {session.groupName ?? session.groupId}
              </Anchor>
            ) : (
              t('healthScreening.sessions.open')
            )}
          </Text>
          <Text size="sm">
            {t('healthScreening.sessions.worker')}: <b>{session.worker.fullName}</b>
          </Text>
        </SimpleGrid>
        {session.topic !== 'other' && session.topicNote && (
          <Text size="sm" mt="xs">
            {session.topicNote}
          </Text>
        )}
      </Card>
      <Card withBorder radius="md" padding="md">
        <Group justify="space-between" mb="xs" wrap="wrap">
          <Group gap="xs">
            <Text fw={600}>{t('healthScreening.sessions.attendees')}</Text>
            <Badge variant="light" style={{ textTransform: 'none' }} data-testid="attendee-count">
              {t('healthScreening.sessions.attendeeCount', { count: session.attendeeCount })}
            </Badge>
            {session.groupId && (
              <Text size="xs" c="dimmed">
                {t('healthScreening.sessions.invitedCount', { count: session.invitedCount })}
              </Text>
            )}
          </Group>
          {canWriteSessions(me.role) && !editing && (
            <Button size="xs" variant="light" onClick={() => setEditing(true)} data-testid="edit-attendance">
              {t('healthScreening.sessions.editAttendance')}
            </Button>
          )}
        </Group>
        {editing ? (
          <AttendanceEditor session={session} onDone={() => setEditing(false)} />
        ) : session.attendees.length === 0 ? (
          <Text c="dimmed" size="sm" data-testid="empty-state">
            {t('healthScreening.sessions.noAttendees')}
          </Text>
        ) : (
          <Table striped verticalSpacing={4} data-testid="attendees">
            <Table.Tbody>
              {session.attendees.map((a) => (
                <Table.Tr key={a.personId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/persons/${a.personId}`} size="sm">
                      {a.fullName}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}

function AttendanceEditor({ session, onDone }: { session: SessionView; onDone(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateHealth();
  const [value, setValue] = useState(new Map(session.attendees.map((a) => [a.personId, a.fullName])));
  const group = useQuery({ ...groupQuery(session.groupId ?? ''), enabled: session.groupId !== null });
  const members = (group.data?.members ?? [])
    .filter((m) => memberOn(m, session.heldOn))
    .map((m) => ({ personId: m.personId, fullName: m.fullName }));
  const save = useMutation({
    mutationFn: () => api.put<SessionView>(`/api/v1/health/sessions/${session.id}/attendance`, { personIds: [...value.keys()] }),
    onSuccess: async () => {
      await invalidate();
      toast.success(t('healthScreening.sessions.attendanceSaved'));
      onDone();
    },
  });
  return (
    <Stack gap="sm">
      <AttendancePicker members={members} value={value} onChange={setValue} error={fieldError(save.error, 'personIds')} />
      <FormError error={save.error} fields={['personIds']} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button loading={save.isPending} onClick={() => save.mutate()} data-testid="save-attendance">
          {t('healthScreening.sessions.saveAttendance')}
        </Button>
      </Group>
    </Stack>
  );
}
