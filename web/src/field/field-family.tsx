import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { businessDate, systemClock } from '../../../src/core/clock.ts';
import { addMonths } from '../../../src/core/dates.ts';
import { formatDateShort, formatRupiah } from '../../../src/core/format.ts';
import { positiveRupiahOf, rupiahOf, wholeNumberOf } from '../../../src/core/input.ts';
import type { RehabPlanView } from '../../../src/modules/jkn/jkn.schema.ts';
import type { BundleFamily } from '../../../src/modules/sync/sync.schema.ts';
import { RupiahInput } from '../components/rupiah-input.tsx';
import { useToast } from '../components/toast.tsx';
import { i18n } from '../i18n/index.ts';
import { PhoneReceiptCard, ReceiptActions } from './field-receipt.tsx';
import { recordContribution, recordVisit, useField, type VisitKind } from './field-store.ts';
import { formatMonth, formatMonthLong } from './field-text.ts';
import { familyWithLocal, monthsRecordedSince, phoneReceiptOf, receiptsOf, visitsRecordedSince } from './outbox.ts';

const VISIT_KINDS: VisitKind[] = ['reminder', 'socialisation', 'recruitment', 'complaint', 'follow_up'];
/** The outcomes offered for each kind of visit (a tap, not typing at the door); "other" lets the cadre write one. */
type Outcome =
  | 'paid'
  | 'promised'
  | 'cannotPay'
  | 'notHome'
  | 'understood'
  | 'wantsMore'
  | 'willing'
  | 'registered'
  | 'notWilling'
  | 'complaintNoted'
  | 'complaintSolved'
  | 'needsOffice'
  | 'cardActive'
  | 'inProcess'
  | 'visitAgain'
  | 'other';
const OUTCOMES: Record<VisitKind, Outcome[]> = {
  reminder: ['paid', 'promised', 'cannotPay', 'notHome'],
  socialisation: ['understood', 'wantsMore', 'notHome'],
  recruitment: ['willing', 'registered', 'notWilling', 'notHome'],
  complaint: ['complaintNoted', 'complaintSolved', 'needsOffice'],
  follow_up: ['cardActive', 'inProcess', 'visitAgain'],
};
/** The first families shown; the search finds the rest (a caseload is up to 500). */
const SHOWN = 60;

export const familyName = (family: BundleFamily) => family.headName ?? `KK ${family.kkNumber}`;

/** A cadre's families, most in arrears and longest unvisited first, with a search. */
export function FieldFamilyList({ families: downloaded }: { families: BundleFamily[] }) {
  const { t: ft } = useTranslation('field');
  const field = useField();
  const since = field.bundle?.downloadedAt ?? '';
  // What this phone recorded since the download shows at once (visited today, months paid).
  const families = downloaded.map((f) => familyWithLocal(f, field.outbox, since, businessDate(systemClock)));
  const [search, setSearch] = useState('');
  const needle = search.trim().toLowerCase();
  const matching = needle
    ? families.filter((f) => (f.headName ?? '').toLowerCase().includes(needle) || f.kkNumber.includes(needle))
    : families;
  if (families.length === 0) return <Text c="dimmed">{ft('noFamilies')}</Text>;
  return (
    <Stack gap="sm">
      <TextInput
        size="md"
        type="search"
        aria-label={ft('searchFamilies')}
        placeholder={ft('searchFamilies')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
      />
      <Text size="sm" c="dimmed">
        {ft('familiesShown', { shown: Math.min(matching.length, SHOWN), count: families.length })}
      </Text>
      {matching.length === 0 ? <Text c="dimmed">{ft('noMatch')}</Text> : null}
      {matching.slice(0, SHOWN).map((family) => (
        <Card
          key={family.householdId}
          withBorder
          padding="sm"
          component={Link}
          to={`/field/families/${family.householdId}`}
          aria-label={familyName(family)}
          style={{ minHeight: 64 }}
        >
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text fw={700}>{familyName(family)}</Text>
              <Text size="xs" c="dimmed">
                <LastVisit family={family} />
              </Text>
            </Stack>
            <ArrearsBadge family={family} />
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

/** "Dikunjungi 10/03/2026 (2 hari lalu)", "(hari ini)" on the day, or never. */
function LastVisit({ family }: { family: BundleFamily }) {
  const { t: ft } = useTranslation('field');
  if (family.daysSinceVisit === null) return <>{ft('neverVisited')}</>;
  const date = family.lastVisitOn ? formatDateShort(family.lastVisitOn) : '';
  return <>{family.daysSinceVisit === 0 ? ft('lastVisitToday', { date }) : ft('lastVisit', { date, count: family.daysSinceVisit })}</>;
}

function ArrearsBadge({ family }: { family: BundleFamily }) {
  const { t: ft } = useTranslation('field');
  const { i18n } = useTranslation();
  if (family.arrearsMonths === null) return null;
  return family.arrearsMonths > 0 ? (
    <Badge color="red" variant="light" style={{ flexShrink: 0 }}>
      {ft('arrears', { count: family.arrearsMonths })}
    </Badge>
  ) : (
    <Badge color="teal" variant="light" style={{ flexShrink: 0 }}>
      {ft('paidUp', { month: family.paidThrough ? formatMonthLong(family.paidThrough, i18n.language) : '' })}
    </Badge>
  );
}

/** One family at the door: their dues, and a visit or a payment recorded into the outbox. */
export function FieldFamilyScreen() {
  const { id } = useParams();
  const field = useField();
  const { t: ft } = useTranslation('field');
  const [visiting, setVisiting] = useState(false);
  const [paying, setPaying] = useState(false);
  const stored = field.bundle;
  const downloaded = stored?.bundle.families.find((f) => f.householdId === id);
  const family =
    downloaded && stored ? familyWithLocal(downloaded, field.outbox, stored.downloadedAt, businessDate(systemClock)) : undefined;
  const cadreId = stored?.bundle.cadreId;
  const back = (
    <Anchor component={Link} to="/field" size="md" py={8} display="inline-block">
      ← {ft('back')}
    </Anchor>
  );
  if (!stored || !family || !cadreId)
    return (
      <Stack>
        {back}
        <Text>{ft('familyNotFound')}</Text>
      </Stack>
    );
  const months = monthsRecordedSince(field.outbox, family.householdId, stored.downloadedAt);
  const visits = visitsRecordedSince(field.outbox, family.householdId, stored.downloadedAt);
  const receipts = receiptsOf(field.outbox, family.householdId);
  // The phone's receipts of this family's payments not yet (or not) receipted by the server.
  const phoneReceipts = field.outbox
    .filter(
      (e) =>
        e.operation.type === 'contribution' &&
        e.operation.payload.householdId === family.householdId &&
        phoneReceiptOf(e) &&
        !(e.status === 'applied' && e.receipt),
    )
    .reverse();
  const rtRw = family.rt || family.rw ? ft('rtRw', { rt: family.rt ?? '-', rw: family.rw ?? '-' }) : '';
  const address = [family.address, rtRw].filter(Boolean).join(', ');
  return (
    <Stack gap="sm">
      {back}
      <Title order={1} size="h3">
        {familyName(family)}
      </Title>
      <Text size="sm" c="dimmed">
        {family.jknClass
          ? ft('familySummary', { kk: family.kkNumber, jknClass: family.jknClass, count: family.persons })
          : ft('noJkn', { kk: family.kkNumber })}
      </Text>
      <Stack gap={0} data-testid="family-contact">
        <Text size="sm">{address || ft('noAddress')}</Text>
        {family.phone ? (
          <Anchor href={`tel:${family.phone.replace(/[\s-]/g, '')}`} size="md" py={10} display="inline-block" mih={44}>
            {ft('callFamily', { phone: family.phone })}
          </Anchor>
        ) : (
          <Text size="sm" c="dimmed">
            {ft('noPhone')}
          </Text>
        )}
      </Stack>
      <Card withBorder padding="sm">
        <Stack gap={6}>
          <Group justify="space-between">
            <ArrearsBadge family={family} />
            {months > 0 ? (
              <Badge color="orange" variant="light">
                {ft('recordedMonths', { count: months })}
              </Badge>
            ) : null}
          </Group>
          {family.monthlyDue ? <Figure label={ft('monthlyDue')} value={formatRupiah(family.monthlyDue)} /> : null}
          {family.reactivationTotal && family.arrearsMonths ? (
            <Figure label={ft('reactivation')} value={formatRupiah(family.reactivationTotal)} strong />
          ) : null}
          {family.rehab ? <RehabPlan plan={family.rehab} /> : null}
          <Text size="sm" c="dimmed">
            <LastVisit family={family} />
            {visits > 0 ? ` · ${ft('recordedVisits')}` : ''}
          </Text>
        </Stack>
      </Card>
      <Button size="lg" fullWidth onClick={() => setVisiting(true)}>
        {ft('recordVisit')}
      </Button>
      {family.monthlyDue ? (
        <Button size="lg" fullWidth variant="light" onClick={() => setPaying(true)}>
          {ft('recordContribution')}
        </Button>
      ) : null}
      {phoneReceipts.length > 0 ? (
        <Stack gap="xs" component="section" aria-label={ft('phoneReceiptsTitle')} data-testid="family-phone-receipts" mt="xs">
          <Title order={2} size="h5">
            {ft('phoneReceiptsTitle')}
          </Title>
          {phoneReceipts.map((entry) => (
            <Card key={entry.clientId} withBorder padding="sm">
              <PhoneReceiptCard entry={entry} />
            </Card>
          ))}
        </Stack>
      ) : null}
      {receipts.length > 0 ? (
        <Stack gap="xs" component="section" aria-label={ft('receiptsTitle')} data-testid="family-receipts" mt="xs">
          <Title order={2} size="h5">
            {ft('receiptsTitle')}
          </Title>
          {receipts.map((entry) => (
            <Card key={entry.clientId} withBorder padding="sm">
              <Text fw={700}>{formatRupiah(entry.receipt?.amount ?? '0')}</Text>
              <ReceiptActions entry={entry} />
            </Card>
          ))}
        </Stack>
      ) : null}
      {visiting ? <VisitModal cadreId={cadreId} family={family} onClose={() => setVisiting(false)} /> : null}
      {paying ? <ContributionModal cadreId={cadreId} family={family} onClose={() => setPaying(false)} /> : null}
    </Stack>
  );
}

/** The REHAB plan the bundle carries: instalments, what is paid first, and the month's own contribution beside them. */
function RehabPlan({ plan }: { plan: RehabPlanView }) {
  const { t: ft } = useTranslation('field');
  const { i18n } = useTranslation();
  const first = plan.parts[0];
  const firstLast = addMonths(plan.firstMonth, (first?.months ?? 1) - 1);
  const month = (m: string) => formatMonth(m, i18n.language);
  return (
    <Stack gap={2} data-testid="field-rehab">
      <Text size="sm" fw={700}>
        {ft('rehabTitle', { count: plan.instalments, total: formatRupiah(plan.total) })}
      </Text>
      <Text size="sm">
        {plan.parts
          .map((p) => ft('rehabPart', { times: p.count, amount: formatRupiah(p.amount), count: p.months }))
          .join(`, ${ft('rehabThen')} `)}
      </Text>
      <Text size="xs" c="dimmed">
        {ft('rehabFirst', {
          period: firstLast === plan.firstMonth ? month(firstLast) : `${month(plan.firstMonth)} – ${month(firstLast)}`,
          amount: formatRupiah(first?.amount ?? '0'),
        })}
      </Text>
      <Text size="xs" c="dimmed">
        {ft('rehabMonthly', { amount: formatRupiah(plan.monthlyDue) })}
      </Text>
    </Stack>
  );
}

function Figure({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size={strong ? 'lg' : 'sm'} fw={strong ? 800 : 600}>
        {value}
      </Text>
    </Group>
  );
}

function VisitModal({ cadreId, family, onClose }: { cadreId: string; family: BundleFamily; onClose: () => void }) {
  const { t: ft } = useTranslation('field');
  const toast = useToast();
  const [kind, setKind] = useState<VisitKind>(family.arrearsMonths ? 'reminder' : 'socialisation');
  const [choice, setChoice] = useState<Outcome | null>(null);
  const [other, setOther] = useState('');
  // The outcome is kept in Indonesian, the language of the office's records, whatever the phone shows.
  const recordText = i18n.getFixedT('id', 'field');
  const outcome: string = choice === 'other' ? other : choice ? String(recordText(`outcome_${choice}` as never)) : '';
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const save = async () => {
    if (!outcome.trim()) {
      setError(ft('outcomeRequired'));
      return;
    }
    setSaving(true);
    try {
      await recordVisit(cadreId, family, kind, outcome.trim(), notes);
      toast.success(ft('saved'));
      onClose();
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={ft('visitTitle', { name: familyName(family) })} centered>
      <Stack gap="sm">
        <Select
          label={ft('visitKind')}
          size="md"
          allowDeselect={false}
          data={VISIT_KINDS.map((k) => ({ value: k, label: ft(`visit_${k}`) }))}
          value={kind}
          onChange={(v) => {
            if (!v) return;
            setKind(v as VisitKind);
            if (choice !== 'other') setChoice(null);
          }}
        />
        <Radio.Group
          label={ft('outcome')}
          withAsterisk
          value={choice}
          error={error}
          onChange={(v) => {
            setChoice(v as Outcome);
            setError(undefined);
          }}
        >
          <Stack gap={0} mt={4}>
            {[...OUTCOMES[kind], 'other' as const].map((o) => (
              <Radio
                key={o}
                value={o}
                label={ft(`outcome_${o}`)}
                size="md"
                py={10}
                styles={{ body: { alignItems: 'center', minHeight: 44 } }}
              />
            ))}
          </Stack>
        </Radio.Group>
        {choice === 'other' ? (
          <TextInput
            label={ft('outcomeOther')}
            size="md"
            required
            maxLength={300}
            value={other}
            onChange={(e) => {
              setOther(e.currentTarget.value);
              setError(undefined);
            }}
          />
        ) : null}
        <Textarea
          label={ft('notes')}
          maxLength={1000}
          autosize
          minRows={2}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
        />
        <Text size="sm">{ft('visitedOn', { date: formatDateShort(businessDate(systemClock)) })}</Text>
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

/** Months start at the arrears plus the current month, the amount at months × this month's due; the server checks it against each month's own rate. */
function ContributionModal({ cadreId, family, onClose }: { cadreId: string; family: BundleFamily; onClose: () => void }) {
  const { t: ft } = useTranslation('field');
  const toast = useToast();
  const monthly = rupiahOf(family.monthlyDue) ?? 0n;
  // Up to date: the months in arrears still billed (at most 24) and the current one.
  const [monthsTyped, setMonthsTyped] = useState<string | number>(Math.min(Math.min(family.arrearsMonths ?? 0, 24) + 1, 36));
  const typedMonths = wholeNumberOf(monthsTyped);
  const months = typedMonths !== null && typedMonths >= 1 && typedMonths <= 36 ? typedMonths : null;
  const [amount, setAmount] = useState(months === null ? '' : (monthly * BigInt(months)).toString());
  const [error, setError] = useState<{ months?: string; amount?: string }>({});
  const [saving, setSaving] = useState(false);
  const [savedId, setSavedId] = useState<string | null>(null);
  const field = useField();
  const expected = months === null ? null : monthly * BigInt(months);
  const typedAmount = positiveRupiahOf(amount);
  // Warned, not blocked: the phone knows only this month's rate (the server checks each month's),
  // and a refused op waits in the outbox to be corrected; a cadre offline is never stuck with cash in hand.
  const differs = expected !== null && typedAmount !== null && typedAmount !== expected;
  const changeMonths = (value: string | number) => {
    setMonthsTyped(value);
    const next = wholeNumberOf(value);
    if (next !== null && next >= 1 && next <= 36) setAmount((monthly * BigInt(next)).toString());
    setError({});
  };
  const save = async () => {
    if (months === null) {
      setError({ months: ft('monthsRequired') });
      return;
    }
    if (typedAmount === null) {
      setError({ amount: ft('amountRequired') });
      return;
    }
    setSaving(true);
    try {
      const entry = await recordContribution(cadreId, family, months, amount);
      toast.success(ft('saved'));
      if (phoneReceiptOf(entry)) setSavedId(entry.clientId);
      else onClose();
    } finally {
      setSaving(false);
    }
  };
  const saved = savedId ? field.outbox.find((e) => e.clientId === savedId) : undefined;
  if (saved)
    return (
      <Modal opened onClose={onClose} title={ft('contributionTitle', { name: familyName(family) })} centered>
        <Stack gap="sm">
          <PhoneReceiptCard entry={saved} />
          <Button size="lg" variant="default" fullWidth onClick={onClose}>
            {ft('receiptDone')}
          </Button>
        </Stack>
      </Modal>
    );
  return (
    <Modal opened onClose={onClose} title={ft('contributionTitle', { name: familyName(family) })} centered>
      <Stack gap="sm">
        <NumberInput
          label={ft('months')}
          size="md"
          min={1}
          max={36}
          allowDecimal={false}
          value={monthsTyped}
          error={error.months}
          onChange={changeMonths}
        />
        <Text size="sm" c="dimmed">
          {ft('contributionHint', {
            count: months ?? 0,
            monthly: formatRupiah(monthly),
            amount: formatRupiah(expected ?? 0n),
          })}
        </Text>
        <RupiahInput
          label={ft('amount')}
          value={amount}
          onChange={(digits) => {
            setAmount(digits);
            setError({});
          }}
          error={error.amount}
          required
        />
        {differs ? (
          <Alert color="orange" variant="light" p="xs" role="alert" data-testid="amount-not-months">
            <Stack gap={6}>
              <Text size="sm">
                {ft('amountNotMonths', { count: months ?? 0, monthly: formatRupiah(monthly), amount: formatRupiah(expected) })}
              </Text>
              <Button variant="white" color="orange" size="md" onClick={() => setAmount(expected.toString())}>
                {ft('useAmount', { amount: formatRupiah(expected) })}
              </Button>
            </Stack>
          </Alert>
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
