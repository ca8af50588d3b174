import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  List,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, request } from '../../api/client.ts';
import { useSignedIn } from '../../auth/session.ts';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert, FormError, fieldError } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatRupiah, RupiahInput } from '../../components/rupiah-input.tsx';
import { QueryStates } from '../../components/states.tsx';
import { useToast } from '../../components/toast.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { todayIso, useFormatDate } from '../registry/shared.tsx';
import {
  ACTIVITY_KINDS,
  CHANNELS,
  canManagePartnerships,
  type PartnershipView,
  RESOURCE_KINDS,
  STEPS,
  useInvalidatePartnerships,
  usePartners,
  usePartnership,
} from './partnership-api.ts';

/** One partnership: the six steps, what each records, and the button to the next step. */
export function PartnershipDetailPage() {
  const { id = '' } = useParams();
  const partnership = usePartnership(id);
  return <QueryStates query={partnership}>{(view) => <Detail view={view} />}</QueryStates>;
}

/** A mutation on the partnership that answers the whole partnership again. */
function useChange<T>(view: PartnershipView, send: (input: T) => Promise<unknown>, after?: () => void) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidatePartnerships();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      await invalidate();
      toast.success(t('partnerships.saved'));
      after?.();
    },
    meta: { id: view.id },
  });
}

function Detail({ view }: { view: PartnershipView }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const isPhone = useIsPhone();
  const manage = canManagePartnerships(me.role);
  const current = STEPS.indexOf(view.step);
  const at = (step: (typeof STEPS)[number]) => current >= STEPS.indexOf(step);
  return (
    <Stack gap="md">
      <PageHeader title={view.title}>
        <Button
          component={Link}
          to={`/partnerships/monitoring?partnershipId=${view.id}`}
          variant="default"
          data-testid="partnership-monitoring"
        >
          {t('partnerships.openMonitoring')}
        </Button>
      </PageHeader>
      <Text size="sm" c="dimmed">
        {view.officeCode} · {view.villageCodes.join(', ')}
      </Text>
      <Stepper
        active={current}
        orientation={isPhone ? 'vertical' : 'horizontal'}
        size="xs"
        allowNextStepsSelect={false}
        data-testid="partnership-stepper"
      >
        {STEPS.map((step) => (
          <Stepper.Step key={step} label={t(`partnerships.steps.${step}`)} />
        ))}
      </Stepper>
      <Badge size="lg" variant="light" style={{ textTransform: 'none' }} data-testid="partnership-step">
        {t(`partnerships.steps.${view.step}`)}
      </Badge>
      {manage && <Advance view={view} />}
      <Exploration view={view} manage={manage} />
      {at('penyamaan_persepsi') && <Perception view={view} manage={manage} />}
      <Roles view={view} manage={manage} />
      {at('pengaturan_peran') && <Resources view={view} manage={manage} />}
      {at('komunikasi_intensif') && <Communications view={view} manage={manage} />}
      <Activities view={view} manage={manage} />
      <Agreements view={view} manage={manage} />
      {at('pemantauan_penilaian') && <Evaluations view={view} manage={manage} />}
    </Stack>
  );
}

const MISSING = [
  'exploration_notes_required',
  'partner_required',
  'vision_required',
  'roles_incomplete',
  'communication_required',
  'activity_required',
] as const;
/** `partnerships.vision_required` → its key in the web dictionary (every code the step rules answer). */
const missingKey = (code: string) => MISSING.find((k) => code === `partnerships.${k}`) ?? 'activity_required';

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <Paper withBorder radius="md" p="sm" data-testid={testId}>
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function Advance({ view }: { view: PartnershipView }) {
  const { t } = useTranslation();
  const move = useChange(view, () => api.post(`/api/v1/partnerships/${view.id}/advance`, { to: view.nextStep }));
  if (!view.nextStep)
    return (
      <Alert color="teal" variant="light" data-testid="partnership-last-step">
        {t('partnerships.lastStep')}
      </Alert>
    );
  return (
    <Paper withBorder radius="md" p="sm">
      {view.missingToAdvance.length > 0 && (
        <>
          <Text size="sm" fw={600}>
            {t('partnerships.needs')}
          </Text>
          <List size="sm" mb="xs" data-testid="partnership-missing">
            {view.missingToAdvance.map((code) => (
              <List.Item key={code}>{t(`partnerships.missing.${missingKey(code)}`)}</List.Item>
            ))}
          </List>
        </>
      )}
      {move.error ? <ErrorAlert error={move.error} /> : null}
      <Button
        onClick={() => move.mutate(undefined)}
        loading={move.isPending}
        disabled={view.missingToAdvance.length > 0}
        data-testid="partnership-advance"
      >
        {t('partnerships.advanceTo', { step: t(`partnerships.steps.${view.nextStep}`) })}
      </Button>
    </Paper>
  );
}

function TextSave({
  view,
  label,
  field,
  value,
  manage,
  testId,
}: {
  view: PartnershipView;
  label: string;
  field: 'explorationNotes' | 'vision' | 'goals';
  value: string;
  manage: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const save = useChange(view, () => api.patch(`/api/v1/partnerships/${view.id}`, { [field]: text }));
  if (!manage)
    return (
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        <b>{label}:</b> {value || '—'}
      </Text>
    );
  return (
    <Stack gap={4}>
      <Textarea label={label} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} data-testid={testId} />
      <Group justify="flex-end">
        <Button
          size="xs"
          variant="light"
          onClick={() => save.mutate(undefined)}
          loading={save.isPending}
          disabled={text === value}
          data-testid={`${testId}-save`}
        >
          {t('partnerships.save')}
        </Button>
      </Group>
    </Stack>
  );
}

function Exploration({ view, manage }: { view: PartnershipView; manage: boolean }) {
  const { t } = useTranslation();
  return (
    <Section title={t('partnerships.sections.exploration')}>
      <TextSave
        view={view}
        label={t('partnerships.fields.explorationNotes')}
        field="explorationNotes"
        value={view.explorationNotes}
        manage={manage}
        testId="exploration-notes"
      />
    </Section>
  );
}

function Perception({ view, manage }: { view: PartnershipView; manage: boolean }) {
  const { t } = useTranslation();
  return (
    <Section title={t('partnerships.sections.perception')}>
      <Stack gap="xs">
        <TextSave view={view} label={t('partnerships.fields.vision')} field="vision" value={view.vision} manage={manage} testId="vision" />
        <TextSave view={view} label={t('partnerships.fields.goals')} field="goals" value={view.goals} manage={manage} testId="goals" />
      </Stack>
    </Section>
  );
}

function Roles({ view, manage }: { view: PartnershipView; manage: boolean }) {
  const { t } = useTranslation();
  const partners = usePartners();
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [responsibilities, setResponsibilities] = useState('');
  const save = useChange(
    view,
    (input: { partnerId: string; responsibilities: string }) =>
      api.put(`/api/v1/partnerships/${view.id}/partners/${input.partnerId}`, { responsibilities: input.responsibilities }),
    () => {
      setPartnerId(null);
      setResponsibilities('');
    },
  );
  return (
    <Section title={t('partnerships.sections.roles')} testId="roles-matrix">
      <Stack gap="xs">
        {view.members.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('partnerships.noneYet')}
          </Text>
        )}
        {view.members.map((m) => (
          <Card key={m.partnerId} withBorder padding="xs" data-testid="member-row">
            <Group justify="space-between" wrap="wrap" gap={4}>
              <Text fw={600} size="sm">
                {m.name}
              </Text>
              <Badge variant="light" size="sm" style={{ textTransform: 'none' }}>
                {t(`partnerships.kinds.${m.kind}`)}
              </Badge>
            </Group>
            {manage ? (
              <RoleEdit value={m.responsibilities} onSave={(text) => save.mutate({ partnerId: m.partnerId, responsibilities: text })} />
            ) : (
              <Text size="sm">{m.responsibilities || '—'}</Text>
            )}
          </Card>
        ))}
        {manage && (
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
            <Select
              label={t('partnerships.fields.partner')}
              data={(partners.data?.items ?? [])
                .filter((p) => !view.members.some((m) => m.partnerId === p.id))
                .map((p) => ({ value: p.id, label: p.name }))}
              value={partnerId}
              onChange={setPartnerId}
              searchable
              data-testid="member-partner"
            />
            <TextInput
              label={t('partnerships.fields.responsibilities')}
              value={responsibilities}
              onChange={(e) => setResponsibilities(e.currentTarget.value)}
              data-testid="member-responsibilities"
            />
            <Button
              mt={{ base: 0, sm: 24 }}
              variant="light"
              disabled={!partnerId}
              onClick={() => partnerId && save.mutate({ partnerId, responsibilities })}
              loading={save.isPending}
              data-testid="member-add"
            >
              {t('partnerships.addToMatrix')}
            </Button>
          </SimpleGrid>
        )}
        {save.error ? <ErrorAlert error={save.error} /> : null}
      </Stack>
    </Section>
  );
}

function RoleEdit({ value, onSave }: { value: string; onSave(text: string): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <TextInput
        style={{ flex: 1 }}
        aria-label={t('partnerships.fields.responsibilities')}
        placeholder={t('partnerships.fields.responsibilities')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        data-testid="member-role"
      />
      <Button size="xs" variant="light" disabled={text === value} onClick={() => onSave(text)} data-testid="member-role-save">
        {t('partnerships.save')}
      </Button>
    </Group>
  );
}

function Resources({ view, manage }: { view: PartnershipView; manage: boolean }) {
  const { t } = useTranslation();
  const names = new Map(view.members.map((m) => [m.partnerId, m.name]));
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [kind, setKind] = useState<string>('money');
  const [description, setDescription] = useState('');
  const [amount, setAmount] = useState('');
  const [quantity, setQuantity] = useState<number | string>('');
  const save = useChange(
    view,
    () =>
      api.post(`/api/v1/partnerships/${view.id}/resources`, {
        partnerId,
        kind,
        description,
        ...(kind === 'money' ? { amount: amount || '0' } : {}),
        ...(quantity === '' ? {} : { quantity: Number(quantity) }),
      }),
    () => {
      setDescription('');
      setAmount('');
      setQuantity('');
    },
  );
  return (
    <Section title={t('partnerships.sections.resources')} testId="resources">
      <Stack gap="xs">
        {view.resources.map((r) => (
          <Group key={r.id} justify="space-between" wrap="wrap" gap={4} data-testid="resource-row">
            <Text size="sm">
              {names.get(r.partnerId)} · {t(`partnerships.resources.${r.kind}`)}: {r.description}
            </Text>
            <Text size="sm" fw={600}>
              {r.amount !== null ? formatRupiah(r.amount) : (r.quantity ?? '')}
            </Text>
          </Group>
        ))}
        {manage && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <Select
              label={t('partnerships.fields.partner')}
              data={view.members.map((m) => ({ value: m.partnerId, label: m.name }))}
              value={partnerId}
              onChange={setPartnerId}
              error={fieldError(save.error, 'partnerId')}
            />
            <Select
              label={t('partnerships.fields.resourceKind')}
              data={RESOURCE_KINDS.map((k) => ({ value: k, label: t(`partnerships.resources.${k}`) }))}
              value={kind}
              onChange={(v) => setKind(v ?? 'money')}
              allowDeselect={false}
            />
            <TextInput
              label={t('partnerships.fields.description')}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
            />
            {kind === 'money' ? (
              <RupiahInput
                label={t('partnerships.fields.amount')}
                value={amount}
                onChange={setAmount}
                error={fieldError(save.error, 'amount')}
              />
            ) : (
              <NumberInput label={t('partnerships.fields.quantity')} value={quantity} onChange={setQuantity} min={1} allowDecimal={false} />
            )}
          </SimpleGrid>
        )}
        {manage && (
          <Group justify="flex-end">
            <FormError error={save.error} fields={['partnerId', 'amount']} />
            <Button variant="light" onClick={() => save.mutate(undefined)} loading={save.isPending} disabled={!partnerId}>
              {t('partnerships.addResource')}
            </Button>
          </Group>
        )}
      </Stack>
    </Section>
  );
}

function PartnerPicker({
  view,
  value,
  onChange,
  testId,
}: {
  view: PartnershipView;
  value: string[];
  onChange(v: string[]): void;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <MultiSelect
      label={t('partnerships.fields.partnersInvolved')}
      data={view.members.map((m) => ({ value: m.partnerId, label: m.name }))}
      value={value}
      onChange={onChange}
      data-testid={testId}
    />
  );
}

function Communications({ view, manage }: { view: PartnershipView; manage: boolean }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [heldOn, setHeldOn] = useState(todayIso());
  const [channel, setChannel] = useState<string>('meeting');
  const [summary, setSummary] = useState('');
  const [partnerIds, setPartnerIds] = useState<string[]>([]);
  const save = useChange(
    view,
    () => api.post(`/api/v1/partnerships/${view.id}/communications`, { heldOn, channel, summary, partnerIds }),
    () => setSummary(''),
  );
  return (
    <Section title={t('partnerships.sections.communications')} testId="communications">
      <Stack gap="xs">
        {view.communications.map((c) => (
          <Text key={c.id} size="sm" data-testid="communication-row">
            {formatDate(c.heldOn)} · {t(`partnerships.channels.${c.channel}`)}: {c.summary}
          </Text>
        ))}
        {manage && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <DateField label={t('partnerships.fields.heldOn')} value={heldOn} onChange={(e) => setHeldOn(e.currentTarget.value)} />
              <Select
                label={t('partnerships.fields.channel')}
                data={CHANNELS.map((k) => ({ value: k, label: t(`partnerships.channels.${k}`) }))}
                value={channel}
                onChange={(v) => setChannel(v ?? 'meeting')}
                allowDeselect={false}
              />
            </SimpleGrid>
            <Textarea
              label={t('partnerships.fields.summary')}
              value={summary}
              onChange={(e) => setSummary(e.currentTarget.value)}
              error={fieldError(save.error, 'summary')}
              data-testid="communication-summary"
            />
            <PartnerPicker view={view} value={partnerIds} onChange={setPartnerIds} />
            <FormError error={save.error} fields={['summary']} />
            <Group justify="flex-end">
              <Button variant="light" onClick={() => save.mutate(undefined)} loading={save.isPending} data-testid="communication-add">
                {t('partnerships.addCommunication')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Section>
  );
}

function Activities({ view, manage }: { view: PartnershipView; manage: boolean }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [kind, setKind] = useState<string>('meeting');
  const [title, setTitle] = useState('');
  const [heldOn, setHeldOn] = useState(todayIso());
  const [place, setPlace] = useState('');
  const [participants, setParticipants] = useState<number | string>(0);
  const [partnerIds, setPartnerIds] = useState<string[]>([]);
  const save = useChange(
    view,
    () =>
      api.post(`/api/v1/partnerships/${view.id}/activities`, {
        kind,
        title,
        heldOn,
        place,
        participants: Number(participants) || 0,
        partnerIds,
      }),
    () => {
      setTitle('');
      setPlace('');
    },
  );
  return (
    <Section title={t('partnerships.sections.activities')} testId="activities">
      <Stack gap="xs">
        {view.activities.length > 0 && (
          <Table.ScrollContainer minWidth={320}>
            <Table verticalSpacing={4} fz="sm">
              <Table.Tbody>
                {view.activities.map((a) => (
                  <Table.Tr key={a.id} data-testid="activity-row">
                    <Table.Td>{formatDate(a.heldOn)}</Table.Td>
                    <Table.Td>
                      <b>{t(`partnerships.activities.${a.kind}`)}</b> · {a.title}
                      <Text size="xs" c="dimmed">
                        {a.place} · {a.participants} · {a.partners.map((p) => p.name).join(', ')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {manage && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <Select
                label={t('partnerships.fields.activityKind')}
                data={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`partnerships.activities.${k}`) }))}
                value={kind}
                onChange={(v) => setKind(v ?? 'meeting')}
                allowDeselect={false}
                data-testid="activity-kind"
              />
              <TextInput
                label={t('partnerships.fields.title')}
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
                error={fieldError(save.error, 'title')}
                data-testid="activity-title"
              />
              <DateField
                label={t('partnerships.fields.heldOn')}
                value={heldOn}
                onChange={(e) => setHeldOn(e.currentTarget.value)}
                data-testid="activity-date"
              />
              <TextInput
                label={t('partnerships.fields.place')}
                value={place}
                onChange={(e) => setPlace(e.currentTarget.value)}
                error={fieldError(save.error, 'place')}
                data-testid="activity-place"
              />
              <NumberInput
                label={t('partnerships.fields.participants')}
                value={participants}
                onChange={setParticipants}
                min={0}
                allowDecimal={false}
                data-testid="activity-participants"
              />
              <PartnerPicker view={view} value={partnerIds} onChange={setPartnerIds} />
            </SimpleGrid>
            <FormError error={save.error} fields={['title', 'place']} />
            <Group justify="flex-end">
              <Button variant="light" onClick={() => save.mutate(undefined)} loading={save.isPending} data-testid="activity-add">
                {t('partnerships.addActivity')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Section>
  );
}

function Agreements({ view, manage }: { view: PartnershipView; manage: boolean }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [number, setNumber] = useState('');
  const [title, setTitle] = useState('');
  const [startsOn, setStartsOn] = useState(todayIso());
  const [endsOn, setEndsOn] = useState('');
  const [partnerIds, setPartnerIds] = useState<string[]>([]);
  const save = useChange(
    view,
    () => api.post(`/api/v1/partnerships/${view.id}/agreements`, { number, title, startsOn, endsOn, partnerIds }),
    () => {
      setNumber('');
      setTitle('');
    },
  );
  const upload = useChange(view, (input: { id: string; file: File }) =>
    request('PUT', `/api/v1/partnerships/agreements/${input.id}/document`, undefined, { body: input.file, contentType: 'application/pdf' }),
  );
  return (
    <Section title={t('partnerships.sections.agreements')} testId="agreements">
      <Stack gap="xs">
        {view.agreements.map((a) => (
          <Card key={a.id} withBorder padding="xs" data-testid="agreement-row">
            <Text fw={600} size="sm">
              {a.number} · {a.title}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDate(a.startsOn)} – {formatDate(a.endsOn)} · {a.parties.map((p) => p.name).join(', ')}
            </Text>
            <Group gap="xs" mt={4} wrap="wrap">
              {a.document ? (
                <Anchor href={a.document.url} size="sm" data-testid="agreement-download">
                  {t('partnerships.download')}
                </Anchor>
              ) : (
                <Text size="xs" c="dimmed">
                  {t('partnerships.noDocument')}
                </Text>
              )}
              {manage && (
                <FileInput
                  size="xs"
                  accept="application/pdf"
                  placeholder={t('partnerships.upload')}
                  aria-label={t('partnerships.upload')}
                  onChange={(file) => file && upload.mutate({ id: a.id, file })}
                  data-testid="agreement-upload"
                />
              )}
            </Group>
          </Card>
        ))}
        {upload.error ? <ErrorAlert error={upload.error} /> : null}
        {manage && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <TextInput
                label={t('partnerships.fields.number')}
                value={number}
                onChange={(e) => setNumber(e.currentTarget.value)}
                error={fieldError(save.error, 'number')}
              />
              <TextInput
                label={t('partnerships.fields.title')}
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
                error={fieldError(save.error, 'title')}
              />
              <DateField label={t('partnerships.fields.startsOn')} value={startsOn} onChange={(e) => setStartsOn(e.currentTarget.value)} />
              <DateField
                label={t('partnerships.fields.endsOn')}
                value={endsOn}
                onChange={(e) => setEndsOn(e.currentTarget.value)}
                error={fieldError(save.error, 'endsOn')}
              />
            </SimpleGrid>
            <PartnerPicker view={view} value={partnerIds} onChange={setPartnerIds} />
            <FormError error={save.error} fields={['number', 'title', 'endsOn']} />
            <Group justify="flex-end">
              <Button variant="light" onClick={() => save.mutate(undefined)} loading={save.isPending}>
                {t('partnerships.addAgreement')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Section>
  );
}

function Evaluations({ view, manage }: { view: PartnershipView; manage: boolean }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [scores, setScores] = useState({ equity: 3, transparency: 3, mutualBenefit: 3 });
  const [findings, setFindings] = useState('');
  const [recommendations, setRecommendations] = useState('');
  const save = useChange(
    view,
    () => api.post(`/api/v1/partnerships/${view.id}/evaluations`, { evaluatedOn: todayIso(), ...scores, findings, recommendations }),
    () => {
      setFindings('');
      setRecommendations('');
    },
  );
  const principles = ['equity', 'transparency', 'mutualBenefit'] as const;
  return (
    <Section title={t('partnerships.sections.evaluations')} testId="evaluations">
      <Stack gap="xs">
        {view.evaluations.map((e) => (
          <Card key={e.id} withBorder padding="xs" data-testid="evaluation-row">
            <Text size="sm" fw={600}>
              {formatDate(e.evaluatedOn)} · {principles.map((p) => `${t(`partnerships.fields.${p}`)} ${e[p]}/5`).join(' · ')}
            </Text>
            {e.findings && <Text size="sm">{e.findings}</Text>}
            {e.recommendations && (
              <Text size="sm" c="dimmed">
                {e.recommendations}
              </Text>
            )}
          </Card>
        ))}
        {manage && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
              {principles.map((p) => (
                <NumberInput
                  key={p}
                  label={`${t(`partnerships.fields.${p}`)} (1–5)`}
                  value={scores[p]}
                  onChange={(v) => setScores((old) => ({ ...old, [p]: Number(v) || 1 }))}
                  min={1}
                  max={5}
                  allowDecimal={false}
                  data-testid={`score-${p}`}
                />
              ))}
            </SimpleGrid>
            <Textarea label={t('partnerships.fields.findings')} value={findings} onChange={(e) => setFindings(e.currentTarget.value)} />
            <Textarea
              label={t('partnerships.fields.recommendations')}
              value={recommendations}
              onChange={(e) => setRecommendations(e.currentTarget.value)}
            />
            {save.error ? <ErrorAlert error={save.error} /> : null}
            <Group justify="flex-end">
              <Button onClick={() => save.mutate(undefined)} loading={save.isPending} data-testid="evaluation-save">
                {t('partnerships.evaluate')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Section>
  );
}
