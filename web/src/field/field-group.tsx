import { Anchor, Badge, Button, Card, Checkbox, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { businessDate, systemClock } from '../../../src/core/clock.ts';
import { formatDateShort, formatRupiah } from '../../../src/core/format.ts';
import { positiveRupiahOf } from '../../../src/core/input.ts';
import type { SheetFinancing, SheetGroup } from '../../../src/modules/sync/sync.schema.ts';
import { RupiahInput } from '../components/rupiah-input.tsx';
import { useToast } from '../components/toast.tsx';
import { recordAttendance, recordPayment, useField } from './field-store.ts';
import './field-text.ts';
import { PhoneReceiptCard } from './field-receipt.tsx';
import { financingWithLocal, phoneReceiptOf, recordedSince } from './outbox.ts';

/** One group at its meeting: each member's due, a payment per member, and who came. */
export function FieldGroupScreen() {
  const { id } = useParams();
  const field = useField();
  const { t: ft } = useTranslation('field');
  const [paying, setPaying] = useState<SheetFinancing | null>(null);
  const [attendance, setAttendance] = useState(false);
  const stored = field.bundle;
  const group = stored?.bundle.groups.find((g) => g.groupId === id);
  const back = (
    <Anchor component={Link} to="/field" size="md" py={8} display="inline-block">
      ← {ft('back')}
    </Anchor>
  );
  if (!stored || !group)
    return (
      <Stack>
        {back}
        <Text>{ft('groupNotFound')}</Text>
      </Stack>
    );
  const since = stored.downloadedAt;
  const dueNow = group.financings.reduce(
    (sum, f) => sum + BigInt(financingWithLocal(f, recordedSince(field.outbox, f.financingId, since)).dueNow),
    0n,
  );
  return (
    <Stack gap="sm">
      {back}
      <Title order={1} size="h3">
        {group.name}
      </Title>
      <Text size="sm" c="dimmed">
        {ft('dueUntil', { date: formatDateShort(stored.bundle.dueUntil) })} · {ft('groupDue', { amount: formatRupiah(dueNow) })}
      </Text>
      {group.members.length > 0 ? (
        <Button variant="light" size="md" onClick={() => setAttendance(true)}>
          {ft('attendance')}
        </Button>
      ) : null}
      {group.financings.length === 0 ? <Text c="dimmed">{ft('noFinancings')}</Text> : null}
      {group.financings.map((financing) => {
        const recorded = recordedSince(field.outbox, financing.financingId, since);
        // The figures after what this phone recorded since the download, at once.
        return (
          <MemberCard
            key={financing.financingId}
            financing={financingWithLocal(financing, recorded)}
            recorded={recorded}
            onPay={() => setPaying(financing)}
          />
        );
      })}
      {paying ? <PaymentModal group={group} financing={paying} since={since} onClose={() => setPaying(null)} /> : null}
      {attendance ? <AttendanceModal group={group} onClose={() => setAttendance(false)} /> : null}
    </Stack>
  );
}

function Figure({ label, value, strong, color }: { label: string; value: string; strong?: boolean; color?: string }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size={strong ? 'lg' : 'sm'} fw={strong ? 800 : 600} c={color}>
        {value}
      </Text>
    </Group>
  );
}

/** The member's illness (from the bundle, so it shows offline): whether they can work, never why. */
function FieldIllness({ illness }: { illness: SheetFinancing['illness'] | undefined }) {
  const { t: ft } = useTranslation('field');
  if (!illness) return null;
  const label =
    illness.status === 'recovering'
      ? ft('recovering', { date: formatDateShort(illness.unableUntil ?? illness.unableFrom) })
      : illness.unableUntil
        ? ft('illUntil', { date: formatDateShort(illness.unableUntil) })
        : ft('illSince', { date: formatDateShort(illness.unableFrom) });
  return (
    <Badge
      color={illness.status === 'ill' ? 'red' : 'yellow'}
      variant="light"
      size="sm"
      mt={4}
      style={{ textTransform: 'none' }}
      data-testid="illness-badge"
    >
      {label}
    </Badge>
  );
}

function MemberCard({ financing, recorded, onPay }: { financing: SheetFinancing; recorded: bigint; onPay: () => void }) {
  const { t: ft } = useTranslation('field');
  return (
    <Card withBorder padding="sm" component="article" aria-label={financing.memberName}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text fw={700} size="lg">
              {financing.memberName}
            </Text>
            <Text size="xs" c="dimmed">
              {financing.number} · {financing.productName}
            </Text>
            <FieldIllness illness={financing.illness} />
          </Stack>
          {recorded > 0n ? (
            <Badge color="orange" variant="light" style={{ flexShrink: 0 }}>
              {ft('recorded', { amount: formatRupiah(recorded) })}
            </Badge>
          ) : null}
        </Group>
        <Text size="sm">
          {financing.instalment
            ? ft('instalment', { n: financing.instalment.n, date: formatDateShort(financing.instalment.dueDate) })
            : ft('noInstalmentDue')}
        </Text>
        <Figure label={ft('dueNow')} value={formatRupiah(financing.dueNow)} strong color="teal.9" />
        {financing.overdue !== '0' ? <Figure label={ft('overdue')} value={formatRupiah(financing.overdue)} color="red.8" /> : null}
        {financing.lateCharges !== '0' ? (
          <Text size="xs" c="red.9" ta="right">
            {ft('lateCharges', { amount: formatRupiah(financing.lateCharges) })}
          </Text>
        ) : null}
        <Figure label={ft('outstanding')} value={formatRupiah(financing.outstanding)} />
        <Button size="lg" fullWidth mt={4} onClick={onPay}>
          {ft('recordPayment')}
        </Button>
      </Stack>
    </Card>
  );
}

/** The amount starts at what is still due after payments already recorded on this phone. */
function PaymentModal({
  group,
  financing,
  since,
  onClose,
}: {
  group: SheetGroup;
  financing: SheetFinancing;
  since: string;
  onClose: () => void;
}) {
  const field = useField();
  const { t: ft } = useTranslation('field');
  const toast = useToast();
  const recorded = recordedSince(field.outbox, financing.financingId, since);
  const remainingDue = BigInt(financing.dueNow) - recorded;
  const remainingOwed = BigInt(financing.outstanding) - recorded;
  const [amount, setAmount] = useState(remainingDue > 0n ? remainingDue.toString() : '');
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const [savedId, setSavedId] = useState<string | null>(null);
  const typed = positiveRupiahOf(amount);
  const above = typed !== null && typed > remainingOwed;
  const save = async () => {
    if (typed === null) {
      setError(ft('amountRequired'));
      return;
    }
    setSaving(true);
    try {
      const entry = await recordPayment(group, financing, amount);
      toast.success(ft('saved'));
      // The receipt at once, with its number; without one (a phone never online since the update) just close.
      if (phoneReceiptOf(entry)) setSavedId(entry.clientId);
      else onClose();
    } finally {
      setSaving(false);
    }
  };
  const saved = savedId ? field.outbox.find((e) => e.clientId === savedId) : undefined;
  if (saved)
    return (
      <Modal opened onClose={onClose} title={ft('paymentTitle', { name: financing.memberName })} centered>
        <Stack gap="sm">
          <PhoneReceiptCard entry={saved} />
          <Button size="lg" variant="default" fullWidth onClick={onClose}>
            {ft('receiptDone')}
          </Button>
        </Stack>
      </Modal>
    );
  return (
    <Modal opened onClose={onClose} title={ft('paymentTitle', { name: financing.memberName })} centered>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {financing.number} · {ft('dueNow')}: {formatRupiah(financing.dueNow)}
        </Text>
        <RupiahInput
          label={ft('amount')}
          value={amount}
          onChange={(digits) => {
            setAmount(digits);
            setError(undefined);
          }}
          error={error}
          required
        />
        {above ? (
          <Text size="sm" c="orange.9">
            {ft('aboveOutstanding', { amount: formatRupiah(remainingOwed < 0n ? 0n : remainingOwed) })}
          </Text>
        ) : null}
        <Text size="sm">{ft('paidOn', { date: formatDateShort(businessDate(systemClock)) })}</Text>
        <Button size="lg" fullWidth loading={saving} onClick={() => void save()}>
          {ft('save')}
        </Button>
        <Button variant="default" size="md" fullWidth onClick={onClose}>
          {ft('cancel')}
        </Button>
      </Stack>
    </Modal>
  );
}

function AttendanceModal({ group, onClose }: { group: SheetGroup; onClose: () => void }) {
  const { t: ft } = useTranslation('field');
  const toast = useToast();
  const field = useField();
  // Taken already today on this phone: start from it (the server edits the day's meeting, it adds no second one).
  const today = businessDate(systemClock);
  const earlier = field.outbox
    .filter(
      (e) => e.operation.type === 'attendance' && e.operation.payload.groupId === group.groupId && e.operation.payload.heldOn === today,
    )
    .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt))
    .at(-1);
  const [present, setPresent] = useState<string[]>(
    earlier?.operation.type === 'attendance'
      ? earlier.operation.payload.personIds.filter((id) => group.members.some((m) => m.personId === id))
      : [],
  );
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    try {
      await recordAttendance(group, present);
      toast.success(ft('saved'));
      onClose();
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={ft('attendanceTitle', { date: formatDateShort(businessDate(systemClock)) })} centered>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {ft('attendanceHint')}
        </Text>
        {earlier ? (
          <Text size="sm" c="orange.9">
            {ft('attendanceEdit')}
          </Text>
        ) : null}
        <Button variant="light" size="lg" fullWidth onClick={() => setPresent(group.members.map((m) => m.personId))}>
          {ft('allPresent')}
        </Button>
        <Checkbox.Group value={present} onChange={setPresent}>
          <Stack gap={0}>
            {group.members.map((member) => (
              <Checkbox
                key={member.personId}
                value={member.personId}
                label={member.name}
                size="md"
                py={10}
                styles={{ body: { alignItems: 'center', minHeight: 44 }, label: { minHeight: 24 } }}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <Button size="lg" fullWidth loading={saving} onClick={() => void save()}>
          {ft('attendanceSave', { count: present.length })}
        </Button>
        <Button variant="default" size="md" fullWidth onClick={onClose}>
          {ft('cancel')}
        </Button>
      </Stack>
    </Modal>
  );
}
