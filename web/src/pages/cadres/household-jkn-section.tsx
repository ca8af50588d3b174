// The household page's "JKN-KIS": each member's card, the family's class and this month's due,
// the cadre looking after the family, and recording a card (with the recruiting cadre); the
// family's dues with its paid-through month, and the inpatient penalty calculator.

import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  CLASSES,
  cadresQuery,
  canManageCadres,
  canReadJkn,
  canRecordJkn,
  type HouseholdJknView,
  householdJknQuery,
  type JknClass,
  type JknSegment,
  SEGMENTS,
  useInvalidateCadres,
} from '../../api/cadres.ts';
import { ApiError, api } from '../../api/client.ts';
import { useSignedIn } from '../../auth/session.ts';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert, FormError, fieldError } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatRupiah } from '../../components/rupiah-input.tsx';
import { useToast } from '../../components/toast.tsx';
import { todayIso, useFormatDate } from '../registry/shared.tsx';
import { FamilyDuesSection } from './family-dues.tsx';
import { PenaltyQuoteForm } from './penalty-quote-form.tsx';

type Member = HouseholdJknView['members'][number];

export function HouseholdJknSection({ householdId }: { householdId: string }) {
  const me = useSignedIn();
  if (!canReadJkn(me.role)) return null;
  return <JknPanel householdId={householdId} />;
}

function JknPanel({ householdId }: { householdId: string }) {
  const { t, i18n } = useTranslation();
  const me = useSignedIn();
  const formatDate = useFormatDate();
  const jkn = useQuery(householdJknQuery(householdId));
  const [editing, setEditing] = useState<Member | null>(null);
  const title = (
    <Title order={3} size="h4">
      {t('jkn.title')}
    </Title>
  );
  if (jkn.isPending)
    return (
      <Stack gap="sm">
        {title}
        <PageLoader />
      </Stack>
    );
  if (jkn.isError) {
    // Not one of this cadre's families (or outside the caller's area): nothing to show.
    if (jkn.error instanceof ApiError && (jkn.error.status === 404 || jkn.error.status === 403)) return null;
    return (
      <Stack gap="sm">
        {title}
        <ErrorAlert error={jkn.error} onRetry={() => void jkn.refetch()} />
      </Stack>
    );
  }
  const view = jkn.data;
  const month = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${view.month}-01T00:00:00Z`));
  const records = canRecordJkn(me.role);
  return (
    <Stack gap="sm" data-testid="jkn-section">
      {title}
      <Paper withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          <Stack gap={2}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('jkn.familyClass')}
            </Text>
            <Text size="sm" data-testid="jkn-class">
              {view.jknClass ? t(`jkn.classes.${view.jknClass}`) : t('jkn.noClass')}
            </Text>
          </Stack>
          <Stack gap={2}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('jkn.monthlyDue', { month })}
            </Text>
            <Text size="sm" fw={700} data-testid="jkn-due">
              {formatRupiah(view.monthlyDue)}
            </Text>
            <Text size="xs" c="dimmed">
              {t('jkn.payingMembers', { count: view.payingMembers })}
            </Text>
          </Stack>
          <Stack gap={2}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('jkn.cadre')}
            </Text>
            <Text size="sm">
              {view.cadre ? (
                me.role === 'cadre' || !canReadJkn(me.role) ? (
                  view.cadre.name
                ) : (
                  <Anchor component={Link} to={`/cadres/${view.cadre.id}`} size="sm">
                    {view.cadre.name}
                  </Anchor>
                )
              ) : (
                t('jkn.noCadre')
              )}
            </Text>
          </Stack>
          {view.recruitment && (
            <Text size="sm" data-testid="jkn-recruitment">
              {t('jkn.recruitment', { cadre: view.recruitment.cadreName, date: formatDate(view.recruitment.recruitedOn) })}
            </Text>
          )}
        </SimpleGrid>
      </Paper>
      <Stack gap="xs">
        {view.members.map((member) => (
          <Card key={member.personId} withBorder radius="md" padding="xs" data-testid="jkn-member" opacity={member.deceased ? 0.6 : 1}>
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
              <Stack gap={2} miw={0}>
                <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {member.fullName}
                </Text>
                {member.jkn ? (
                  <Group gap={6} wrap="wrap">
                    <Text span ff="monospace" size="sm">
                      {member.jkn.cardNumber}
                    </Text>
                    <Badge variant="light" color="blue" style={{ textTransform: 'none' }}>
                      {member.jkn.segment} · {member.jkn.class}
                    </Badge>
                    <Badge variant="light" color={member.jkn.status === 'active' ? 'teal' : 'red'} style={{ textTransform: 'none' }}>
                      {t(`jkn.statuses.${member.jkn.status}`)} ({formatDate(member.jkn.statusRecordedOn)})
                    </Badge>
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('jkn.notRegistered')}
                  </Text>
                )}
              </Stack>
              {records && !member.deceased && (
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={() => setEditing(member)}
                  data-testid="jkn-record"
                  style={{ flexShrink: 0 }}
                >
                  {member.jkn ? t('jkn.edit') : t('jkn.record')}
                </Button>
              )}
            </Group>
          </Card>
        ))}
      </Stack>
      <FamilyDuesSection householdId={householdId} />
      <PenaltyQuoteForm view={view} />
      {editing && <JknModal view={view} member={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function JknModal({ view, member, onClose }: { view: HouseholdJknView; member: Member; onClose(): void }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const toast = useToast();
  const invalidate = useInvalidateCadres();
  const unregistered = view.members.every((m) => m.jkn === null) && view.recruitment === null;
  const cadres = useQuery({ ...cadresQuery, enabled: unregistered && canManageCadres(me.role) });
  const [cardNumber, setCardNumber] = useState(member.jkn?.cardNumber.includes('*') ? '' : (member.jkn?.cardNumber ?? ''));
  const [segment, setSegment] = useState<JknSegment>(member.jkn?.segment ?? 'PBPU');
  const [jknClass, setJknClass] = useState<JknClass>(member.jkn?.class ?? view.jknClass ?? 'III');
  const [status, setStatus] = useState<'active' | 'inactive'>(member.jkn?.status ?? 'active');
  const [recordedOn, setRecordedOn] = useState(todayIso());
  const [moveFamily, setMoveFamily] = useState(false);
  const [recruited, setRecruited] = useState(false);
  const [recruiter, setRecruiter] = useState<string | null>(view.cadre?.id ?? null);
  const [recruitedOn, setRecruitedOn] = useState(todayIso());
  const otherClass = view.members.find((m) => m.personId !== member.personId && m.jkn && m.jkn.class !== jknClass)?.jkn?.class;
  const save = useMutation({
    mutationFn: () =>
      api.put<HouseholdJknView>(`/api/v1/persons/${member.personId}/jkn`, {
        cardNumber,
        segment,
        class: jknClass,
        status,
        statusRecordedOn: recordedOn,
        applyClassToFamily: otherClass && moveFamily ? true : undefined,
        recruitment: recruited ? { cadreId: me.role === 'cadre' ? undefined : (recruiter ?? undefined), recruitedOn } : undefined,
      }),
    onSuccess: async () => {
      await invalidate();
      toast.success(t('jkn.saved'));
      onClose();
    },
  });
  const fields = ['cardNumber', 'segment', 'class', 'status', 'statusRecordedOn'];
  return (
    <Modal opened onClose={onClose} title={t('jkn.recordTitle', { name: member.fullName })} centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
        noValidate
      >
        <Stack gap="sm">
          <TextInput
            label={t('jkn.cardNumber')}
            description={t('jkn.cardNumberHint')}
            required
            inputMode="numeric"
            value={cardNumber}
            onChange={(event) => setCardNumber(event.currentTarget.value.replace(/\D/g, '').slice(0, 13))}
            error={fieldError(save.error, 'cardNumber')}
            data-testid="jkn-card-number"
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Select
              label={t('jkn.segment')}
              required
              data={SEGMENTS.map((value) => ({ value, label: t(`jkn.segments.${value}`) }))}
              value={segment}
              onChange={(value) => {
                if (!value) return;
                setSegment(value as JknSegment);
                if (value === 'PBI') setJknClass('III');
              }}
              error={fieldError(save.error, 'segment')}
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={t('jkn.class')}
              required
              data={CLASSES.map((value) => ({ value, label: t(`jkn.classes.${value}`) }))}
              value={jknClass}
              onChange={(value) => value && setJknClass(value as JknClass)}
              error={fieldError(save.error, 'class')}
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={t('jkn.status')}
              required
              data={(['active', 'inactive'] as const).map((value) => ({ value, label: t(`jkn.statuses.${value}`) }))}
              value={status}
              onChange={(value) => value && setStatus(value as 'active' | 'inactive')}
              comboboxProps={{ withinPortal: true }}
            />
            <DateField
              label={t('jkn.statusRecordedOn')}
              required
              value={recordedOn}
              max={todayIso()}
              onChange={(event) => setRecordedOn(event.currentTarget.value)}
              error={fieldError(save.error, 'statusRecordedOn')}
            />
          </SimpleGrid>
          {otherClass && (
            <Checkbox
              label={t('jkn.applyClassToFamily')}
              checked={moveFamily}
              onChange={(event) => setMoveFamily(event.currentTarget.checked)}
            />
          )}
          {unregistered && (me.role === 'cadre' || canManageCadres(me.role)) && (
            <Checkbox label={t('jkn.recruited')} checked={recruited} onChange={(event) => setRecruited(event.currentTarget.checked)} />
          )}
          {recruited && (
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              {me.role !== 'cadre' && (
                <Select
                  label={t('jkn.recruiter')}
                  required
                  data={(cadres.data ?? []).filter((c) => c.status === 'active').map((c) => ({ value: c.id, label: c.name }))}
                  value={recruiter}
                  onChange={setRecruiter}
                  searchable
                  error={fieldError(save.error, 'recruitment.cadreId')}
                  comboboxProps={{ withinPortal: true }}
                />
              )}
              <DateField
                label={t('jkn.recruitedOn')}
                required
                value={recruitedOn}
                max={todayIso()}
                onChange={(event) => setRecruitedOn(event.currentTarget.value)}
                error={fieldError(save.error, 'recruitment.recruitedOn')}
              />
            </SimpleGrid>
          )}
          <FormError error={save.error} fields={fields} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="jkn-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
