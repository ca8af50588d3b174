import { ActionIcon, Alert, Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { productsQuery } from '../../api/financing.ts';
import { newIdempotencyKey, useFunds } from '../../api/ledger.ts';
import { type GroupView, type Meeting, meetingsQuery } from '../../api/registry.ts';
import { allocateStimulus, type ChainView, passOn, useInvalidateUsep } from '../../api/usep.ts';
import { formatRupiah, RupiahInput, rupiahSum } from '../../components/rupiah-input.tsx';
import { useToast } from '../../components/toast.tsx';
import { todayIso } from '../registry/shared.tsx';
import { FormModal, PastDateField, useFormChecks } from './usep-form.tsx';

/** A Dinas/NGO stimulus allocated to the group: capital and cash move to the group's revolving fund. */
export function AllocateModal({ group, onClose }: { group: { id: string; name: string }; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateUsep();
  const funds = useFunds();
  const stimulusFunds = (funds.data ?? []).filter((fund) => fund.kind === 'stimulus' && fund.active);
  const [key] = useState(newIdempotencyKey);
  const [draft, setDraft] = useState({ stimulusFundCode: null as string | null, amount: '', allocatedOn: todayIso(), reference: '' });
  const save = useMutation({
    mutationFn: () =>
      allocateStimulus(
        {
          stimulusFundCode: draft.stimulusFundCode ?? '',
          groupId: group.id,
          amount: draft.amount,
          allocatedOn: draft.allocatedOn,
          reference: draft.reference.trim(),
        },
        key,
      ),
    onSuccess: async () => {
      await invalidate();
      toast.success(t('usepWeb.allocated', { amount: formatRupiah(draft.amount), group: group.name }));
      onClose();
    },
  });
  const local = {
    stimulusFundCode: draft.stimulusFundCode ? undefined : t('common.required'),
    amount: draft.amount && draft.amount !== '0' ? undefined : t('common.amountPositive'),
    allocatedOn: !draft.allocatedOn ? t('common.required') : draft.allocatedOn > todayIso() ? t('common.dateInFuture') : undefined,
  };
  const checks = useFormChecks(local, save.error);
  const { show } = checks;
  return (
    <FormModal
      title={t('usepWeb.allocateTitle', { group: group.name })}
      size="lg"
      hint={t('usepWeb.allocateHint')}
      checks={checks}
      send={() => save.mutate()}
      pending={save.isPending}
      submitLabel={t('usepWeb.allocate')}
      onClose={onClose}
    >
      <Select
        label={t('usepWeb.stimulusFund')}
        required
        data={stimulusFunds.map((fund) => ({
          value: fund.code,
          label: `${fund.code} — ${fund.name} (${t('usepWeb.cash')} ${formatRupiah(fund.cash)})`,
        }))}
        value={draft.stimulusFundCode}
        onChange={(value) => setDraft({ ...draft, stimulusFundCode: value })}
        error={show('stimulusFundCode')}
        nothingFoundMessage={t('usepWeb.noStimulusFund')}
        placeholder={funds.isPending ? t('app.loading') : undefined}
        comboboxProps={{ withinPortal: true }}
        data-testid="allocate-fund"
      />
      {funds.isSuccess && stimulusFunds.length === 0 && (
        <Alert color="yellow" variant="light">
          {t('usepWeb.noStimulusFund')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <RupiahInput
          label={t('usepWeb.amount')}
          required
          value={draft.amount}
          onChange={(amount) => setDraft({ ...draft, amount })}
          error={show('amount')}
        />
        <PastDateField
          label={t('usepWeb.allocatedOn')}
          field="allocatedOn"
          required
          value={draft.allocatedOn}
          onChange={(v) => setDraft({ ...draft, allocatedOn: v })}
          checks={checks}
        />
      </SimpleGrid>
      <TextInput
        label={t('usepWeb.reference')}
        placeholder={t('usepWeb.referencePlaceholder')}
        maxLength={200}
        value={draft.reference}
        onChange={(e) => setDraft({ ...draft, reference: e.currentTarget.value })}
        error={show('reference')}
      />
    </FormModal>
  );
}

type RecipientDraft = { personId: string | null; amount: string; installments: string; purpose: string };
const NEW_MEETING = '__new';
const emptyRecipient = (): RecipientDraft => ({ personId: null, amount: '', installments: '10', purpose: '' });

/**
 * A musyawarah's decision: who receives the group's revolving money. The meeting is picked from
 * the group's minutes or recorded here first (its minutes then carry the decision).
 */
export function PassOnModal({ group, chain, onClose }: { group: GroupView; chain: ChainView; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateUsep();
  const meetings = useQuery(meetingsQuery(group.id));
  const products = useQuery(productsQuery);
  const members = group.members.filter((m) => m.leftOn === null);
  const [key] = useState(newIdempotencyKey);
  const [meetingId, setMeetingId] = useState<string | null>(null);
  const [meeting, setMeeting] = useState({
    heldOn: todayIso(),
    place: '',
    agenda: '',
    decisions: '',
    minutes: '',
    present: members.map((m) => m.personId),
  });
  const [productCode, setProductCode] = useState<string | null>(null);
  const [appliedOn, setAppliedOn] = useState(todayIso());
  const [recipients, setRecipients] = useState<RecipientDraft[]>([emptyRecipient()]);
  const free = chain.pot?.free ?? '0';
  const requested = rupiahSum(recipients.map((r) => r.amount));
  const overPot = BigInt(requested) > BigInt(free);

  const save = useMutation({
    mutationFn: async () => {
      let id = meetingId;
      if (id === NEW_MEETING) {
        const recorded = await api.post<Meeting>(`/api/v1/groups/${group.id}/meetings`, {
          heldOn: meeting.heldOn,
          place: meeting.place.trim(),
          agenda: meeting.agenda.trim(),
          decisions: meeting.decisions.trim(),
          minutes: meeting.minutes.trim(),
          attendance: members.map((m) => ({ personId: m.personId, present: meeting.present.includes(m.personId) })),
        });
        // The musyawarah is on record now: a retry of the decision refers to it, never records it twice.
        id = recorded.id;
        setMeetingId(recorded.id);
        await meetings.refetch();
      }
      return passOn(
        group.id,
        {
          meetingId: id ?? '',
          productCode: productCode ?? '',
          appliedOn,
          recipients: recipients.map((r) => ({
            personId: r.personId ?? '',
            amount: r.amount,
            installments: Number(r.installments),
            purpose: r.purpose.trim(),
          })),
        },
        key,
      );
    },
    onSuccess: async () => {
      await invalidate();
      toast.success(t('usepWeb.passedOn', { count: recipients.length, amount: formatRupiah(requested) }));
      onClose();
    },
  });

  const newMeeting = meetingId === NEW_MEETING;
  const local: Record<string, string | undefined> = {
    meetingId: meetingId ? undefined : t('usepWeb.meetingRequired'),
    agenda: newMeeting && !meeting.agenda.trim() ? t('common.required') : undefined,
    heldOn: newMeeting && (!meeting.heldOn || meeting.heldOn > todayIso()) ? t('common.dateInFuture') : undefined,
    decisions: newMeeting && !meeting.decisions.trim() ? t('usepWeb.decisionsRequired') : undefined,
    productCode: productCode ? undefined : t('common.required'),
    appliedOn: appliedOn ? undefined : t('common.required'),
  };
  recipients.forEach((r, i) => {
    local[`recipients.${i}.personId`] = r.personId ? undefined : t('usepWeb.recipientRequired');
    local[`recipients.${i}.amount`] = r.amount && r.amount !== '0' ? undefined : t('common.amountPositive');
    local[`recipients.${i}.installments`] =
      /^\d+$/.test(r.installments) && Number(r.installments) >= 1 && Number(r.installments) <= 120
        ? undefined
        : t('usepWeb.installmentsRange');
    local[`recipients.${i}.purpose`] = r.purpose.trim() ? undefined : t('common.required');
  });
  const checks = useFormChecks(local, save.error);
  const { show } = checks;
  const setRecipient = (i: number, patch: Partial<RecipientDraft>) =>
    setRecipients((old) => old.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const meetingOptions = [
    ...(meetings.data ?? []).map((m) => ({ value: m.id, label: `${m.heldOn} · ${m.agenda}` })),
    { value: NEW_MEETING, label: t('usepWeb.newMeeting') },
  ];
  const productOptions = (products.data ?? []).filter((p) => p.active).map((p) => ({ value: p.code, label: `${p.code} — ${p.name}` }));

  return (
    <FormModal
      title={t('usepWeb.passOnTitle', { group: group.name })}
      size="xl"
      hint={t('usepWeb.passOnHint')}
      checks={checks}
      send={() => save.mutate()}
      pending={save.isPending}
      submitLabel={t('usepWeb.passOn')}
      onClose={onClose}
    >
      <Paper withBorder p="xs" radius="sm">
        <Text size="sm" data-testid="pot-free">
          {t('usepWeb.potFree')}: <b>{formatRupiah(free)}</b> · {t('usepWeb.requested')}:{' '}
          <b style={{ color: overPot ? 'var(--mantine-color-red-8)' : undefined }}>{formatRupiah(requested)}</b>
        </Text>
        {overPot && (
          <Text size="sm" c="red.9" data-testid="over-pot">
            {t('usepWeb.overPot')}
          </Text>
        )}
      </Paper>
      <Select
        label={t('usepWeb.musyawarah')}
        description={t('usepWeb.musyawarahHint')}
        required
        data={meetingOptions}
        value={meetingId}
        onChange={setMeetingId}
        error={show('meetingId')}
        comboboxProps={{ withinPortal: true }}
        data-testid="passon-meeting"
      />
      {newMeeting && (
        <Paper withBorder p="sm" radius="sm">
          <Stack gap="xs">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <PastDateField
                label={t('usepWeb.heldOn')}
                field="heldOn"
                required
                value={meeting.heldOn}
                onChange={(v) => setMeeting({ ...meeting, heldOn: v })}
                checks={checks}
              />
              <TextInput
                label={t('usepWeb.place')}
                maxLength={200}
                value={meeting.place}
                onChange={(e) => setMeeting({ ...meeting, place: e.currentTarget.value })}
                error={show('place')}
              />
            </SimpleGrid>
            <TextInput
              label={t('usepWeb.agenda')}
              required
              maxLength={2000}
              value={meeting.agenda}
              onChange={(e) => setMeeting({ ...meeting, agenda: e.currentTarget.value })}
              error={show('agenda')}
            />
            <Textarea
              label={t('usepWeb.decisions')}
              description={t('usepWeb.decisionsHint')}
              required
              autosize
              minRows={2}
              value={meeting.decisions}
              onChange={(e) => setMeeting({ ...meeting, decisions: e.currentTarget.value })}
              error={show('decisions')}
            />
            <Textarea
              label={t('usepWeb.minutes')}
              autosize
              minRows={2}
              value={meeting.minutes}
              onChange={(e) => setMeeting({ ...meeting, minutes: e.currentTarget.value })}
              error={show('minutes')}
            />
            <Checkbox.Group
              label={t('usepWeb.attendance')}
              value={meeting.present}
              onChange={(present) => setMeeting({ ...meeting, present })}
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4} mt={4}>
                {members.map((m) => (
                  <Checkbox key={m.personId} value={m.personId} label={m.fullName} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          </Stack>
        </Paper>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('usepWeb.product')}
          required
          data={productOptions}
          value={productCode}
          onChange={setProductCode}
          error={show('productCode')}
          comboboxProps={{ withinPortal: true }}
          data-testid="passon-product"
        />
        <TextInput
          type="date"
          label={t('usepWeb.appliedOn')}
          required
          value={appliedOn}
          onChange={(e) => setAppliedOn(e.currentTarget.value)}
          error={show('appliedOn')}
        />
      </SimpleGrid>
      <Text fw={600} size="sm">
        {t('usepWeb.recipients')}
      </Text>
      {recipients.map((r, i) => {
        const chosenElsewhere = recipients.filter((_, j) => j !== i).map((x) => x.personId);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until a member is chosen
          <Paper key={i} withBorder p="xs" radius="sm" data-testid={`recipient-${i}`}>
            <Stack gap="xs">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Select
                  style={{ flex: 1 }}
                  label={t('usepWeb.member')}
                  required
                  searchable
                  data={members.filter((m) => !chosenElsewhere.includes(m.personId)).map((m) => ({ value: m.personId, label: m.fullName }))}
                  value={r.personId}
                  onChange={(personId) => setRecipient(i, { personId })}
                  error={show(`recipients.${i}.personId`)}
                  comboboxProps={{ withinPortal: true }}
                />
                {recipients.length > 1 && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    mt={26}
                    aria-label={t('usepWeb.removeRecipient')}
                    onClick={() => setRecipients((old) => old.filter((_, j) => j !== i))}
                  >
                    ×
                  </ActionIcon>
                )}
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
                <RupiahInput
                  label={t('usepWeb.amount')}
                  required
                  value={r.amount}
                  onChange={(amount) => setRecipient(i, { amount })}
                  error={show(`recipients.${i}.amount`)}
                />
                <TextInput
                  label={t('usepWeb.installments')}
                  required
                  inputMode="numeric"
                  value={r.installments}
                  onChange={(e) => setRecipient(i, { installments: e.currentTarget.value.replace(/\D/g, '').slice(0, 3) })}
                  error={show(`recipients.${i}.installments`)}
                />
                <TextInput
                  label={t('usepWeb.purpose')}
                  required
                  maxLength={500}
                  value={r.purpose}
                  onChange={(e) => setRecipient(i, { purpose: e.currentTarget.value })}
                  error={show(`recipients.${i}.purpose`)}
                />
              </SimpleGrid>
            </Stack>
          </Paper>
        );
      })}
      {recipients.length < Math.min(50, members.length) && (
        <Button variant="light" size="xs" onClick={() => setRecipients((old) => [...old, emptyRecipient()])}>
          {t('usepWeb.addRecipient')}
        </Button>
      )}
    </FormModal>
  );
}
