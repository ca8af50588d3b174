import { Alert, Badge, Button, Card, Group, Modal, Progress, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { daysBetween } from '../../../../src/core/dates.ts';
import { request } from '../../api/client.ts';
import { personQuery } from '../../api/registry.ts';
import { useSignedIn } from '../../auth/session.ts';
import { DateField } from '../../components/date-field.tsx';
import { FormError, fieldError } from '../../components/error-alert.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { ListStates, QueryStates } from '../../components/states.tsx';
import { useToast } from '../../components/toast.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { todayIso, useFormatDate } from '../registry/shared.tsx';
import { useFormatRate } from './health-format.ts';
import {
  canReadScreenings,
  canReadSessions,
  canScreen,
  SCREENING_ACTIONS,
  SCREENING_METHODS,
  SCREENING_RESULTS,
  type ScreeningInput,
  type ScreeningView,
  useAttendance,
  useInvalidateHealth,
  useScreenings,
} from './session-api.ts';

/** A person's screenings (clinical readers) and counselling attendance (session readers): part of the person page. */
export function PersonScreenings({ personId }: { personId: string }) {
  const me = useSignedIn();
  // The person page has already fetched the person (cached): cervical screening is for women only, the server refuses men.
  const person = useQuery(personQuery(personId));
  const woman = person.data?.sex === 'F';
  return (
    <>
      {canReadScreenings(me.role) && woman && <ScreeningHistory personId={personId} canRecord={canScreen(me.role)} />}
      {canReadSessions(me.role) && <AttendanceCard personId={personId} />}
    </>
  );
}

const resultColor: Record<ScreeningView['result'], string> = {
  negative: 'teal',
  positive: 'orange',
  suspected_cancer: 'red',
  inadequate: 'gray',
};

function ScreeningHistory({ personId, canRecord }: { personId: string; canRecord: boolean }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const formatDate = useFormatDate();
  const screenings = useScreenings(personId, true);
  const [recording, setRecording] = useState(false);
  const items = screenings.data?.items ?? [];
  const nextDueOn = screenings.data?.nextDueOn ?? null;
  const overdueDays = nextDueOn ? daysBetween(nextDueOn, todayIso()) : 0;
  return (
    <Card withBorder radius="md" padding="md" data-testid="person-screenings">
      <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
        <div>
          <Title order={4}>{t('healthScreening.title')}</Title>
          <Text size="xs" c="dimmed">
            {t('healthScreening.hint')}
          </Text>
        </div>
        {canRecord && (
          <Button size="xs" leftSection={<PlusIcon size={14} />} onClick={() => setRecording(true)} data-testid="record-screening">
            {t('healthScreening.record')}
          </Button>
        )}
      </Group>
      {nextDueOn && (
        <Group gap="xs" mb="xs">
          <Text fw={600} data-testid="next-due">
            {t('healthScreening.nextDueSummary', { date: formatDate(nextDueOn) })}
          </Text>
          {overdueDays > 0 && (
            <Badge color="red" variant="light" style={{ textTransform: 'none' }} data-testid="next-due-overdue">
              {t('healthScreening.recalls.overdue')} {t('healthScreening.recalls.daysOverdueValue', { count: overdueDays })}
            </Badge>
          )}
        </Group>
      )}
      <ListStates query={screenings} count={items.length} empty={t('healthScreening.empty')}>
        {isPhone ? (
          <Stack gap="xs">
            {items.map((s) => (
              <Card key={s.id} withBorder padding="xs" radius="sm">
                <Group justify="space-between" gap="xs">
                  <Text size="sm" fw={500}>
                    {formatDate(s.screenedOn)} · {t(`healthScreening.methods.${s.method}`)}
                  </Text>
                  <Badge color={resultColor[s.result]} variant="light" style={{ textTransform: 'none' }}>
                    {t(`healthScreening.results.${s.result}`)}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed">
                  {t(`healthScreening.actions.${s.action}`)} · {t('healthScreening.nextDueOn')}: {formatDate(s.nextDueOn)}
                </Text>
              </Card>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('healthScreening.screenedOn')}</Table.Th>
                  <Table.Th>{t('healthScreening.method')}</Table.Th>
                  <Table.Th>{t('healthScreening.result')}</Table.Th>
                  <Table.Th>{t('healthScreening.action')}</Table.Th>
                  <Table.Th>{t('healthScreening.nextDueOn')}</Table.Th>
                  <Table.Th>{t('healthScreening.worker')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((s) => (
                  <Table.Tr key={s.id} data-testid="screening-row">
                    <Table.Td>
                      {formatDate(s.screenedOn)}
                      {s.outsideTargetAges && (
                        <Badge ml={6} size="xs" variant="outline" color="gray" style={{ textTransform: 'none' }}>
                          {t('healthScreening.outsideTargetAges')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{t(`healthScreening.methods.${s.method}`)}</Table.Td>
                    <Table.Td>
                      <Badge color={resultColor[s.result]} variant="light" style={{ textTransform: 'none' }}>
                        {t(`healthScreening.results.${s.result}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{t(`healthScreening.actions.${s.action}`)}</Table.Td>
                    <Table.Td>{formatDate(s.nextDueOn)}</Table.Td>
                    <Table.Td>{s.worker.fullName}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListStates>
      {recording && <RecordScreeningModal personId={personId} onClose={() => setRecording(false)} />}
    </Card>
  );
}

function RecordScreeningModal({ personId, onClose }: { personId: string; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const formatDate = useFormatDate();
  const invalidate = useInvalidateHealth();
  const [input, setInput] = useState<ScreeningInput>({ method: 'iva', screenedOn: todayIso(), result: 'negative', action: 'none' });
  const [saved, setSaved] = useState<ScreeningView | null>(null);
  // One key per form: a retried submission (a lost answer) records the screening once.
  const [key] = useState(() => crypto.randomUUID());
  const save = useMutation({
    mutationFn: () =>
      request<ScreeningView>('POST', `/api/v1/persons/${encodeURIComponent(personId)}/screenings`, input, undefined, {
        'Idempotency-Key': key,
      }),
    onSuccess: async (view) => {
      setSaved(view);
      await invalidate();
      toast.success(t('healthScreening.saved', { date: formatDate(view.nextDueOn) }));
    },
  });
  const set = <K extends keyof ScreeningInput>(field: K, value: ScreeningInput[K]) => {
    setInput((old) => ({ ...old, [field]: value }));
    save.reset();
  };
  return (
    <Modal opened onClose={onClose} title={t('healthScreening.recordTitle')} centered>
      {saved ? (
        <Stack gap="sm">
          <Alert color="teal" data-testid="screening-saved">
            {t('healthScreening.saved', { date: formatDate(saved.nextDueOn) })}
          </Alert>
          {saved.outsideTargetAges && <Text size="sm">{t('healthScreening.outsideTargetAges')}</Text>}
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('common.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
          noValidate
        >
          <Stack gap="sm">
            <Select
              label={t('healthScreening.method')}
              data={SCREENING_METHODS.map((m) => ({ value: m, label: t(`healthScreening.methods.${m}`) }))}
              value={input.method}
              onChange={(v) => v && set('method', v as ScreeningInput['method'])}
              allowDeselect={false}
              error={fieldError(save.error, 'method')}
              comboboxProps={{ withinPortal: true }}
            />
            <DateField
              label={t('healthScreening.screenedOn')}
              required
              max={todayIso()}
              value={input.screenedOn}
              onChange={(event) => set('screenedOn', event.currentTarget.value)}
              error={fieldError(save.error, 'screenedOn')}
            />
            <Select
              label={t('healthScreening.result')}
              data={SCREENING_RESULTS.map((r) => ({ value: r, label: t(`healthScreening.results.${r}`) }))}
              value={input.result}
              onChange={(v) => v && set('result', v as ScreeningInput['result'])}
              allowDeselect={false}
              error={fieldError(save.error, 'result')}
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={t('healthScreening.action')}
              data={SCREENING_ACTIONS.map((a) => ({ value: a, label: t(`healthScreening.actions.${a}`) }))}
              value={input.action}
              onChange={(v) => v && set('action', v as ScreeningInput['action'])}
              allowDeselect={false}
              error={fieldError(save.error, 'action')}
              comboboxProps={{ withinPortal: true }}
              data-testid="screening-action"
            />
            <FormError error={save.error} fields={['method', 'screenedOn', 'result', 'action']} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('healthScreening.record')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function AttendanceCard({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const formatRate = useFormatRate();
  const attendance = useAttendance(personId, true);
  return (
    <Card withBorder radius="md" padding="md" data-testid="person-attendance">
      <Title order={4} mb="xs">
        {t('healthScreening.attendanceTitle')}
      </Title>
      <QueryStates query={attendance}>
        {(data) =>
          data.held === 0 ? (
            <Text c="dimmed" size="sm">
              {t('healthScreening.attendanceNone')}
            </Text>
          ) : (
            <Stack gap="xs">
              <Group justify="space-between">
                <Text size="sm">{t('healthScreening.attendanceSummary', { attended: data.attended, held: data.held })}</Text>
                <Text fw={700} data-testid="attendance-rate">
                  {t('healthScreening.attendanceRate')}: {formatRate(data.rate)}
                </Text>
              </Group>
              <Progress
                value={data.rate === null ? 0 : Number(data.rate) * 100}
                color="teal"
                aria-label={t('healthScreening.attendanceRate')}
              />
              <Stack gap={2}>
                {data.sessions.slice(0, 10).map((s) => (
                  <Group key={s.id} justify="space-between" gap="xs" wrap="nowrap">
                    <Text size="xs" truncate>
                      {formatDate(s.heldOn)} · {t(`healthScreening.sessions.topics.${s.topic}`)} · {s.place}
                    </Text>
                    <Badge size="xs" variant="light" color={s.attended ? 'teal' : 'gray'} style={{ textTransform: 'none', flexShrink: 0 }}>
                      {s.attended ? t('healthScreening.attended') : t('healthScreening.absent')}
                    </Badge>
                  </Group>
                ))}
              </Stack>
            </Stack>
          )
        }
      </QueryStates>
    </Card>
  );
}
