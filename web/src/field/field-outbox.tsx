import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateShort, formatRupiah } from '../../../src/core/format.ts';
import { positiveRupiahOf } from '../../../src/core/input.ts';
import { RupiahInput } from '../components/rupiah-input.tsx';
import { ReceiptActions } from './field-receipt.tsx';
import { discard, resend, syncNow, useField } from './field-store.ts';
import { formatMoment } from './field-text.ts';
import { byRecordedAt, type OutboxEntry } from './outbox.ts';

const LOGIN = `/login?next=${encodeURIComponent('/field/outbox')}`;

/** What waits, what the server refused (kept until the worker resolves it), and what went through. */
export function FieldOutboxScreen() {
  const field = useField();
  const { t: ft } = useTranslation('field');
  const { i18n } = useTranslation();
  const entries = [...field.outbox].sort(byRecordedAt);
  const refused = entries.filter((e) => e.status === 'refused');
  const waiting = entries.filter((e) => e.status === 'waiting');
  const applied = entries.filter((e) => e.status === 'applied').reverse();
  return (
    <Stack gap="sm">
      <Title order={1} size="h3">
        {ft('outboxTitle')}
      </Title>
      <Card withBorder padding="sm">
        <Stack gap={6}>
          <Button size="lg" fullWidth onClick={() => void syncNow()} loading={field.syncing} disabled={!field.online || field.signedOut}>
            {ft('syncNow')}
          </Button>
          {!field.online ? (
            <Text size="sm" c="dimmed">
              {ft('syncOffline')}
            </Text>
          ) : null}
          {field.lastSyncAt ? (
            <Text size="sm" c="dimmed">
              {ft('lastSync', { when: formatMoment(field.lastSyncAt, i18n.language) })}
            </Text>
          ) : null}
          {field.problem === 'server' && field.problemDetail ? (
            <Text size="sm" c="red.9">
              {ft('syncServerProblem', { detail: field.problemDetail })}
            </Text>
          ) : null}
          {field.signedOut ? (
            <Alert color="orange" p="xs">
              <Text size="sm">{ft('signedOutBody')}</Text>
              <Anchor href={LOGIN} fw={700}>
                {ft('signIn')}
              </Anchor>
            </Alert>
          ) : null}
        </Stack>
      </Card>
      {entries.length === 0 ? <Text c="dimmed">{ft('emptyOutbox')}</Text> : null}
      {refused.length > 0 ? (
        <Section title={ft('refusedTitle', { count: refused.length })} testId="outbox-refused">
          <Text size="sm" c="dimmed">
            {ft('refusedHint')}
          </Text>
          {refused.map((entry) => (
            <EntryCard key={entry.clientId} entry={entry} />
          ))}
        </Section>
      ) : null}
      {waiting.length > 0 ? (
        <Section title={ft('waitingTitle', { count: waiting.length })} testId="outbox-waiting">
          {waiting.map((entry) => (
            <EntryCard key={entry.clientId} entry={entry} />
          ))}
        </Section>
      ) : null}
      {applied.length > 0 ? (
        <Section title={ft('appliedTitle', { count: applied.length })} testId="outbox-applied">
          {applied.map((entry) => (
            <EntryCard key={entry.clientId} entry={entry} />
          ))}
        </Section>
      ) : null}
    </Stack>
  );
}

function Section({ title, testId, children }: { title: string; testId: string; children: React.ReactNode }) {
  return (
    <Stack gap="xs" component="section" aria-label={title} data-testid={testId} mt="xs">
      <Title order={2} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

const KIND_TEXT = {
  repayment: 'kindRepayment',
  attendance: 'kindAttendance',
  contribution: 'kindContribution',
  visit: 'kindVisit',
  encounter: 'kindEncounter',
  screening: 'kindScreening',
  session_attendance: 'kindSession',
  illness: 'kindIllness',
} as const;

/** What the op records, as the worker entered it. */
function OpSummary({ entry }: { entry: OutboxEntry }) {
  const { t: ft } = useTranslation('field');
  const op = entry.operation;
  const day = (iso: string | undefined) => formatDateShort(iso ?? op.recordedAt.slice(0, 10));
  if (op.type === 'repayment' || op.type === 'contribution')
    return (
      <>
        <Text size="xl" fw={800}>
          {formatRupiah(op.payload.amount)}
        </Text>
        <Text size="xs" c="dimmed">
          {op.type === 'repayment'
            ? `${entry.label.number} · ${entry.label.group} · ${day(op.payload.paidOn)}`
            : `${ft('contributionMonths', { count: op.payload.months })} · KK ${entry.label.number} · ${day(undefined)}`}
        </Text>
      </>
    );
  if (op.type === 'visit')
    return (
      <Text size="sm">
        {ft(`visit_${op.payload.kind}`)}: {op.payload.outcome} · {day(op.payload.visitedOn)}
      </Text>
    );
  if (op.type === 'encounter')
    return (
      <Text size="sm">
        {ft(`place_${op.payload.place}`)}
        {op.payload.diagnoses.length > 0 ? ` · ${op.payload.diagnoses.join(', ')}` : ''}
        {op.payload.referral ? ` · ${ft(`destination_${op.payload.referral.destinationKind}`)}` : ''} · {day(op.payload.encounteredOn)}
      </Text>
    );
  if (op.type === 'screening')
    return (
      <Text size="sm">
        {ft(`method_${op.payload.method}`)}: {ft(`result_${op.payload.result}`)} · {day(op.payload.screenedOn)}
      </Text>
    );
  if (op.type === 'illness')
    return (
      <Text size="sm">
        {op.payload.toOn
          ? ft('recoveringSince', { from: formatDateShort(op.payload.fromOn), to: formatDateShort(op.payload.toOn) })
          : ft('illSince', { date: formatDateShort(op.payload.fromOn) })}
      </Text>
    );
  if (op.type === 'session_attendance')
    return (
      <Text size="sm">
        {ft(`topic_${op.payload.topic}`)} · {ft('attendanceCount', { count: (op.payload.personIds ?? []).length })} ·{' '}
        {day(op.payload.heldOn)}
      </Text>
    );
  return (
    <Text size="sm">
      {ft('attendanceCount', { count: op.payload.personIds.length })} · {day(op.payload.heldOn)}
    </Text>
  );
}

const STATUS_COLOR = { waiting: 'orange', refused: 'red', applied: 'teal' } as const;
const STATUS_TEXT = { waiting: 'statusWaiting', refused: 'statusRefused', applied: 'statusApplied' } as const;

function EntryCard({ entry }: { entry: OutboxEntry }) {
  const field = useField();
  const { t: ft } = useTranslation('field');
  const { i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const op = entry.operation;
  const money = op.type === 'repayment' || op.type === 'contribution' ? op.payload.amount : null;
  const [amount, setAmount] = useState(money ?? '');
  const other = field.worker && entry.recordedBy && entry.recordedBy !== field.worker.username;
  const title = `${ft(KIND_TEXT[op.type])} · ${entry.label.member ?? entry.label.family ?? entry.label.group ?? ''}`;
  return (
    <Card withBorder padding="sm" component="article" aria-label={title}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={700} style={{ minWidth: 0 }}>
            {title}
          </Text>
          <Badge color={STATUS_COLOR[entry.status]} variant="light" style={{ flexShrink: 0 }}>
            {ft(STATUS_TEXT[entry.status])}
          </Badge>
        </Group>
        <OpSummary entry={entry} />
        <Text size="xs" c="dimmed">
          {ft('recordedOn', { when: formatMoment(entry.recordedAt, i18n.language) })}
          {entry.status === 'waiting' && entry.attempts > 0 ? ` · ${ft('attempts', { count: entry.attempts })}` : ''}
        </Text>
        {entry.status === 'applied' && entry.receipt ? <ReceiptActions entry={entry} /> : null}
        {other ? (
          <Text size="xs" c="orange.9">
            {ft('otherUser', { name: entry.recordedBy })}
          </Text>
        ) : null}
        {entry.status === 'refused' ? (
          <>
            <Alert color="red" p="xs" role="alert">
              <Text size="sm">{entry.reason}</Text>
            </Alert>
            {editing && money !== null ? (
              <Stack gap="xs">
                <RupiahInput label={ft('amount')} value={amount} onChange={setAmount} />
                <Button size="lg" fullWidth disabled={positiveRupiahOf(amount) === null} onClick={() => void resend(entry, amount)}>
                  {ft('resend')}
                </Button>
                <Button variant="default" size="md" fullWidth onClick={() => setEditing(false)}>
                  {ft('cancel')}
                </Button>
              </Stack>
            ) : confirming ? (
              <Stack gap="xs">
                <Text size="sm">{ft('discardConfirm')}</Text>
                <Button color="red" size="lg" fullWidth onClick={() => void discard(entry)}>
                  {ft('discard')}
                </Button>
                <Button variant="default" size="md" fullWidth onClick={() => setConfirming(false)}>
                  {ft('cancel')}
                </Button>
              </Stack>
            ) : (
              <Stack gap="xs">
                {money !== null ? (
                  <Button variant="light" size="md" fullWidth onClick={() => setEditing(true)}>
                    {ft('editAmount')}
                  </Button>
                ) : (
                  <Button variant="light" size="md" fullWidth onClick={() => void resend(entry)}>
                    {ft('resend')}
                  </Button>
                )}
                <Button variant="light" color="red" size="md" fullWidth onClick={() => setConfirming(true)}>
                  {ft('discard')}
                </Button>
              </Stack>
            )}
          </>
        ) : null}
      </Stack>
    </Card>
  );
}
