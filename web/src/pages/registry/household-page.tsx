import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError, api } from '../../api/client.ts';
import { type HouseholdView, householdQuery, type Relation, useInvalidateRegistry } from '../../api/registry.ts';
import { useSignedIn } from '../../auth/session.ts';
import { ErrorAlert, FormError, fieldError } from '../../components/error-alert.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { useToast } from '../../components/toast.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { UnitAidSection } from '../aid/unit-aid-section.tsx';
import { HouseholdJknSection } from '../cadres/household-jkn-section.tsx';
import { HouseholdVisitsSection } from '../cadres/household-visits.tsx';
import { HouseholdHealth } from '../health/household-health.tsx';
import { NotFoundPage } from '../not-found-page.tsx';
import { HouseholdOverviewSection } from './household-overview.tsx';
import { emptyMember, MEMBER_FIELDS, MemberFields, memberBody, missingMemberFields } from './member-fields.tsx';
import {
  canChangeRegistry,
  DeceasedBadge,
  Detail,
  GroupedDigits,
  RelationBadge,
  SexAndAge,
  useFormatDate,
  useRelationOptions,
} from './shared.tsx';

type Dialog = 'member' | 'head';

export function HouseholdPage() {
  const { id = '' } = useParams();
  const household = useQuery(householdQuery(id));
  if (household.isPending) return <PageLoader />;
  if (household.isError) {
    if (household.error instanceof ApiError && (household.error.status === 404 || household.error.status === 422)) return <NotFoundPage />;
    return <ErrorAlert error={household.error} onRetry={() => void household.refetch()} />;
  }
  return <HouseholdDetail household={household.data} />;
}

function HouseholdDetail({ household }: { household: HouseholdView }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const editable = canChangeRegistry(me.role) && !household.members.some((m) => m.nikMasked);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const cards = (['kks', 'kis', 'kip', 'pkh'] as const).filter((card) => household.cards[card]);
  const living = household.members.filter((m) => !m.deceased);
  const head = living.find((m) => m.relation === 'head');

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} miw={0}>
          <Anchor component={Link} to="/persons" size="sm">
            ← {t('persons.title')}
          </Anchor>
          <Title order={1} size="h2" data-testid="household-title">
            {t('household.title', { name: head?.fullName ?? household.kkNumber })}
          </Title>
        </Stack>
        {editable && (
          <Group gap="xs">
            <Button variant="light" leftSection={<PlusIcon size={16} />} onClick={() => setDialog('member')}>
              {t('household.addMember')}
            </Button>
            {living.length > 1 && (
              <Button variant="default" onClick={() => setDialog('head')}>
                {t('household.changeHead')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {!head && living.length > 0 && (
        <Alert color="orange" variant="light">
          {t('household.noHead')}
        </Alert>
      )}

      <Paper withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
          <Detail label={t('registry.kkNumber')} testId="household-kk">
            <GroupedDigits value={household.kkNumber} />
          </Detail>
          <Detail label={t('registry.village')}>{household.villagePath || household.villageCode}</Detail>
          <Detail label={t('registry.address')}>
            {[household.address, household.rt && `RT ${household.rt}`, household.rw && `RW ${household.rw}`].filter(Boolean).join(', ') ||
              '—'}
          </Detail>
          <Detail label={t('registry.phone')} testId="household-phone">
            {household.phone ? <a href={`tel:${household.phone.replace(/[ -]/g, '')}`}>{household.phone}</a> : '—'}
          </Detail>
          <Detail label={t('registry.decile')}>
            {household.welfareDecile ? t('registry.decileN', { n: household.welfareDecile }) : t('household.decileUnknown')}
          </Detail>
          <Detail label={t('registry.cards')}>
            {cards.length === 0 ? (
              '—'
            ) : (
              <Group gap={4}>
                {cards.map((card) => (
                  <Badge key={card} variant="light" color="blue">
                    {card.toUpperCase()}
                  </Badge>
                ))}
              </Group>
            )}
          </Detail>
        </SimpleGrid>
      </Paper>

      <Title order={3} size="h4">
        {t('household.membersSection', { count: household.members.length })}
      </Title>
      <HouseholdMembers household={household} />
      <HouseholdOverviewSection householdId={household.id} />
      <HouseholdJknSection householdId={household.id} />
      <HouseholdVisitsSection householdId={household.id} />
      <HouseholdHealth householdId={household.id} />
      <UnitAidSection kind="households" id={household.id} />

      {dialog === 'member' && <AddMemberModal household={household} onClose={close} />}
      {dialog === 'head' && <ChangeHeadModal household={household} onClose={close} />}
    </Stack>
  );
}

/** The members of a KK, head first; the person whose page this is stands out. */
export function HouseholdMembers({ household, highlight }: { household: HouseholdView; highlight?: string }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const formatDate = useFormatDate();
  const members = [...household.members].sort((a, b) => Number(a.deceased) - Number(b.deceased));
  const nameOf = (member: HouseholdView['members'][number]) =>
    member.id === highlight ? (
      <Text span fw={700} size="sm">
        {member.fullName}
      </Text>
    ) : (
      <Anchor component={Link} to={`/persons/${member.id}`} size="sm" fw={500}>
        {member.fullName}
      </Anchor>
    );
  if (isPhone)
    return (
      <Stack gap="xs" data-testid="household-members">
        {members.map((member) => (
          <Card
            key={member.id}
            withBorder
            radius="md"
            padding="xs"
            data-testid="member-row"
            bg={member.id === highlight ? 'teal.0' : undefined}
          >
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Stack gap={0} miw={0}>
                {nameOf(member)}
                <SexAndAge sex={member.sex} birthDate={member.birthDate} />
              </Stack>
              <Stack gap={4} align="flex-end">
                <RelationBadge relation={member.relation} />
                {member.deceased && <DeceasedBadge diedOn={member.diedOn} />}
              </Stack>
            </Group>
          </Card>
        ))}
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" data-testid="household-members">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('registry.fullName')}</Table.Th>
            <Table.Th>{t('registry.nik')}</Table.Th>
            <Table.Th>{t('registry.relation')}</Table.Th>
            <Table.Th>{t('registry.sexAge')}</Table.Th>
            <Table.Th>{t('registry.birthDate')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => (
            <Table.Tr key={member.id} data-testid="member-row" bg={member.id === highlight ? 'teal.0' : undefined}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  {nameOf(member)}
                  {member.deceased && <DeceasedBadge diedOn={member.diedOn} />}
                </Group>
              </Table.Td>
              <Table.Td>
                <GroupedDigits value={member.nik} />
              </Table.Td>
              <Table.Td>
                <RelationBadge relation={member.relation} />
              </Table.Td>
              <Table.Td>
                <SexAndAge sex={member.sex} birthDate={member.birthDate} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDate(member.birthDate)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AddMemberModal({ household, onClose }: { household: HouseholdView; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateRegistry();
  const [event, setEvent] = useState<'birth' | 'join'>('birth');
  const [member, setMember] = useState(() => emptyMember('child'));
  const [checked, setChecked] = useState(false);
  const hasHead = household.members.some((m) => m.relation === 'head' && !m.deceased);
  const save = useMutation({
    mutationFn: () => api.post<HouseholdView>(`/api/v1/households/${household.id}/members`, { event, member: memberBody(member) }),
    onSuccess: async () => {
      await invalidate();
      toast.success(t('household.memberAdded', { name: member.fullName.trim() }));
      onClose();
    },
  });
  const missing = missingMemberFields(member);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (missing.length === 0) save.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={t('household.addMemberTitle')} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SegmentedControl
            fullWidth
            value={event}
            onChange={(value) => setEvent(value === 'join' ? 'join' : 'birth')}
            data={[
              { value: 'birth', label: t('household.eventBirth') },
              { value: 'join', label: t('household.eventJoin') },
            ]}
          />
          <Text size="sm" c="dimmed">
            {event === 'birth' ? t('household.eventBirthHint') : t('household.eventJoinHint')}
          </Text>
          <MemberFields
            value={member}
            onChange={setMember}
            title={t('household.newMember')}
            excludeRelations={hasHead ? ['head'] : []}
            errorOf={(field) =>
              (checked && missing.includes(field) ? t('common.required') : undefined) ?? fieldError(save.error, `member.${field}`)
            }
          />
          <FormError error={save.error} fields={MEMBER_FIELDS.map((field) => `member.${field}`)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('household.addMember')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ChangeHeadModal({ household, onClose }: { household: HouseholdView; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateRegistry();
  const living = household.members.filter((m) => !m.deceased);
  const currentHead = living.find((m) => m.relation === 'head');
  const [personId, setPersonId] = useState<string | null>(null);
  const [previous, setPrevious] = useState<Relation>('other_family');
  const relationOptions = useRelationOptions(['head']);
  const save = useMutation({
    mutationFn: () =>
      api.post<HouseholdView>(`/api/v1/households/${household.id}/head`, {
        personId,
        ...(currentHead ? { previousHeadRelation: previous } : {}),
      }),
    onSuccess: async (updated) => {
      await invalidate();
      toast.success(t('household.headChanged', { name: updated.members.find((m) => m.id === personId)?.fullName ?? '' }));
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('household.changeHead')} centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (personId) save.mutate();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Select
            label={t('household.newHead')}
            required
            data={living.filter((m) => m.relation !== 'head').map((m) => ({ value: m.id, label: m.fullName }))}
            value={personId}
            onChange={setPersonId}
            error={fieldError(save.error, 'personId')}
            comboboxProps={{ withinPortal: true }}
            data-autofocus
          />
          {currentHead && (
            <Select
              label={t('household.previousHeadBecomes', { name: currentHead.fullName })}
              data={relationOptions}
              value={previous}
              onChange={(value) => value && setPrevious(value as Relation)}
              allowDeselect={false}
              error={fieldError(save.error, 'previousHeadRelation')}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <FormError error={save.error} fields={['personId', 'previousHeadRelation']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!personId}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
