import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import {
  type AssignResult,
  type CadreView,
  cadreQuery,
  canManageCadres,
  type FamilyView,
  letterExpired,
  removeFamily,
  trainingsQuery,
  useFamilies,
  useInvalidateCadres,
} from '../../api/cadres.ts';
import { ApiError, api } from '../../api/client.ts';
import type { PersonPage } from '../../api/registry.ts';
import { useSignedIn } from '../../auth/session.ts';
import { QrIcon } from '../../components/cadre-icons.tsx';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert, FormError, fieldError } from '../../components/error-alert.tsx';
import { PlusIcon, SearchIcon } from '../../components/icons.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { ListStates } from '../../components/states.tsx';
import { useToast } from '../../components/toast.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { NotFoundPage } from '../not-found-page.tsx';
import { Detail, GroupedDigits, todayIso, useFormatDate } from '../registry/shared.tsx';
import { CadreCardReissueModal } from './cadre-card-reissue.tsx';
import { CadreCollectionSection } from './cadre-collection-section.tsx';
import { CadreEditModal } from './cadre-edit-modal.tsx';
import { CadrePerformanceSection } from './cadre-performance-section.tsx';
import { CadrePhoto } from './cadre-photo.tsx';
import { CadreStatusModal } from './cadre-status-modal.tsx';
import { CadreVisitsSection } from './cadre-visits-section.tsx';
import { CadreStatusBadge } from './shared.tsx';

export function CadrePage() {
  const { id = '' } = useParams();
  const cadre = useQuery(cadreQuery(id));
  if (cadre.isPending) return <PageLoader />;
  if (cadre.isError) {
    if (cadre.error instanceof ApiError && (cadre.error.status === 404 || cadre.error.status === 422)) return <NotFoundPage />;
    return <ErrorAlert error={cadre.error} onRetry={() => void cadre.refetch()} />;
  }
  return <CadreDetail cadre={cadre.data} />;
}

function CadreDetail({ cadre }: { cadre: CadreView }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const formatDate = useFormatDate();
  const manages = canManageCadres(me.role);
  const [changingStatus, setChangingStatus] = useState(false);
  const [editing, setEditing] = useState<'edit' | 'renew' | null>(null);
  const [reissuing, setReissuing] = useState(false);
  const expired = letterExpired(cadre, todayIso());
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Group gap="sm" align="flex-start" wrap="nowrap" miw={0}>
          <CadrePhoto cadre={cadre} manages={manages} />
          <Stack gap={4} miw={0}>
            {me.role !== 'cadre' && (
              <Anchor component={Link} to="/cadres" size="sm">
                ← {t('cadres.back')}
              </Anchor>
            )}
            <Group gap="xs">
              <Title order={1} size="h2" data-testid="cadre-name">
                {cadre.name}
              </Title>
              <CadreStatusBadge status={cadre.status} />
            </Group>
          </Stack>
        </Group>
        {manages && (
          <Group gap="xs">
            <Button variant="default" onClick={() => setEditing('edit')} data-testid="edit-open">
              {t('cadres.edit.open')}
            </Button>
            <Button variant="default" onClick={() => setChangingStatus(true)} data-testid="status-open">
              {t('cadres.statusChange.open')}
            </Button>
          </Group>
        )}
        {/* The server lets a cadre print only their own card; this page is theirs. */}
        {me.role === 'cadre' && cadre.status === 'active' && (
          <Button
            component="a"
            href={`/api/v1/cadres/${cadre.id}/card.pdf`}
            target="_blank"
            rel="noopener"
            variant="light"
            leftSection={<QrIcon size={16} />}
            data-testid="my-card-link"
          >
            {t('cadres.myCard')}
          </Button>
        )}
      </Group>
      {expired && (
        <Alert color="red" variant="light" title={t('cadres.expired.title')} role="alert" data-testid="letter-expired">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('cadres.expired.text', { date: formatDate(cadre.validUntil) })}</Text>
            {manages ? (
              <Button size="xs" color="red" onClick={() => setEditing('renew')} data-testid="renew-open">
                {t('cadres.expired.renew')}
              </Button>
            ) : (
              <Text size="sm">{t('cadres.expired.ask')}</Text>
            )}
          </Stack>
        </Alert>
      )}
      {manages && cadre.status === 'active' && (
        <Group gap="xs" justify="space-between" align="center">
          <Text size="sm" c="dimmed" style={{ flex: '1 1 16rem' }} data-testid="cadre-card-hint">
            {t('cadres.cardHint')} {cadre.cardVersion > 0 ? t('cadres.cardVersion', { version: cadre.cardVersion }) : t('cadres.noCard')}.
          </Text>
          <Group gap="xs">
            <Button
              component="a"
              href={`/api/v1/cadres/${cadre.id}/card.pdf`}
              target="_blank"
              rel="noopener"
              variant="light"
              leftSection={<QrIcon size={16} />}
              data-testid="cadre-card-link"
            >
              {t('cadres.card')}
            </Button>
            <Button
              component="a"
              href={`/api/v1/cadres/${cadre.id}/assignment-letter.pdf`}
              target="_blank"
              rel="noopener"
              variant="light"
              data-testid="assignment-letter-link"
            >
              {t('cadres.assignmentLetter')}
            </Button>
            {cadre.cardVersion > 0 && (
              <Button variant="default" onClick={() => setReissuing(true)} data-testid="reissue-open">
                {t('cadres.reissue.open')}
              </Button>
            )}
          </Group>
        </Group>
      )}
      <Paper withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
          <Detail label={t('cadres.letterNumber')} testId="cadre-letter">
            {cadre.letterNumber}
          </Detail>
          <Detail label={t('cadres.letterDate')}>{formatDate(cadre.letterDate)}</Detail>
          <Detail label={t('cadres.signedBy')}>{cadre.signedBy}</Detail>
          <Detail label={t('cadres.validUntil')} testId="cadre-valid-until">
            {formatDate(cadre.validUntil)}
            {expired && (
              <Badge ml="xs" color="red" variant="light" style={{ textTransform: 'none' }}>
                {t('cadres.expired.badge')}
              </Badge>
            )}
          </Detail>
          <Detail label={t('cadres.phone')} testId="cadre-phone">
            {cadre.phone}
          </Detail>
          <Detail label={t('cadres.villages')} testId="cadre-villages">
            {cadre.villages.map((v) => v.name).join(', ')}
          </Detail>
        </SimpleGrid>
      </Paper>
      <CadreCollectionSection cadre={cadre} />
      <CadreVisitsSection cadre={cadre} />
      <CadrePerformanceSection cadreId={cadre.id} />
      <Trainings cadreId={cadre.id} manages={manages} />
      <Families cadre={cadre} manages={manages} />
      {changingStatus && <CadreStatusModal cadre={cadre} onClose={() => setChangingStatus(false)} />}
      {editing && <CadreEditModal cadre={cadre} renewing={editing === 'renew'} onClose={() => setEditing(null)} />}
      {reissuing && <CadreCardReissueModal cadre={cadre} onClose={() => setReissuing(false)} />}
    </Stack>
  );
}

function Trainings({ cadreId, manages }: { cadreId: string; manages: boolean }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const trainings = useQuery(trainingsQuery(cadreId));
  const [adding, setAdding] = useState(false);
  const rows = trainings.data?.items ?? [];
  return (
    <Stack gap="sm" data-testid="cadre-trainings">
      <Group justify="space-between" gap="xs">
        <Title order={3} size="h4">
          {t('cadres.trainings')}
          {trainings.data && rows.length > 0 && (
            <Text span size="sm" c="dimmed" fw={400} ml="xs">
              {t('cadres.totalHours', { hours: trainings.data.totalHours, count: trainings.data.totalHours })}
            </Text>
          )}
        </Title>
        {manages && (
          <Button size="xs" variant="light" leftSection={<PlusIcon size={14} />} onClick={() => setAdding(true)}>
            {t('cadres.addTraining')}
          </Button>
        )}
      </Group>
      <ListStates query={trainings} count={rows.length} empty={t('cadres.trainingsEmpty')}>
        <Stack gap="xs">
          {rows.map((training) => (
            <Card key={training.id} withBorder radius="md" padding="xs" data-testid="training-row">
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Text fw={600} size="sm" miw={0} style={{ overflowWrap: 'anywhere' }}>
                  {training.title}
                </Text>
                <Text size="sm">{t('cadres.hoursN', { hours: training.hours })}</Text>
              </Group>
              <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {formatDate(training.heldOn)} · {training.organiser}
                {training.certificateNumber ? ` · ${training.certificateNumber}` : ''}
              </Text>
            </Card>
          ))}
        </Stack>
      </ListStates>
      {adding && <TrainingModal cadreId={cadreId} onClose={() => setAdding(false)} />}
    </Stack>
  );
}

function TrainingModal({ cadreId, onClose }: { cadreId: string; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateCadres();
  const [form, setForm] = useState({ title: '', organiser: '', heldOn: todayIso(), certificateNumber: '' });
  const [hours, setHours] = useState<number | string>('');
  const [checked, setChecked] = useState(false);
  const set = (key: keyof typeof form) => (event: React.ChangeEvent<HTMLInputElement>) =>
    setForm({ ...form, [key]: event.currentTarget.value });
  const save = useMutation({
    mutationFn: () =>
      api.post(`/api/v1/cadres/${cadreId}/trainings`, {
        title: form.title,
        organiser: form.organiser,
        heldOn: form.heldOn,
        hours: Number(hours),
        certificateNumber: form.certificateNumber.trim() || undefined,
      }),
    onSuccess: async () => {
      await invalidate();
      toast.success(t('cadres.trainingSaved'));
      onClose();
    },
  });
  const required = (value: string | number) => (checked && String(value).trim() === '' ? t('common.required') : undefined);
  return (
    <Modal opened onClose={onClose} title={t('cadres.addTraining')} centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          if (form.title.trim() && form.organiser.trim() && form.heldOn && hours !== '') save.mutate();
        }}
        noValidate
      >
        <Stack gap="sm">
          <TextInput
            label={t('cadres.trainingTitle')}
            required
            value={form.title}
            onChange={set('title')}
            error={required(form.title) ?? fieldError(save.error, 'title')}
          />
          <TextInput
            label={t('cadres.organiser')}
            required
            value={form.organiser}
            onChange={set('organiser')}
            error={required(form.organiser) ?? fieldError(save.error, 'organiser')}
          />
          <SimpleGrid cols={2} spacing="sm">
            <DateField
              label={t('cadres.heldOn')}
              required
              value={form.heldOn}
              max={todayIso()}
              onChange={set('heldOn')}
              error={required(form.heldOn) ?? fieldError(save.error, 'heldOn')}
            />
            <NumberInput
              label={t('cadres.hours')}
              required
              min={0.5}
              max={999}
              step={0.5}
              decimalScale={1}
              value={hours}
              onChange={setHours}
              error={required(hours) ?? fieldError(save.error, 'hours')}
            />
          </SimpleGrid>
          <TextInput
            label={t('cadres.certificateNumber')}
            value={form.certificateNumber}
            onChange={set('certificateNumber')}
            error={fieldError(save.error, 'certificateNumber')}
          />
          <FormError error={save.error} fields={['title', 'organiser', 'heldOn', 'hours', 'certificateNumber']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function Families({ cadre, manages }: { cadre: CadreView; manages: boolean }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const families = useFamilies(cadre.id);
  const rows = families.data?.pages.flatMap((page) => page.items) ?? [];
  const caseload = families.data?.pages[0]?.caseload;
  const [assigning, setAssigning] = useState(false);
  const [removing, setRemoving] = useState<FamilyView | null>(null);
  const full = caseload ? caseload.count >= caseload.cap : false;
  const name = (family: FamilyView) => family.headName ?? family.kkNumber;
  const link = (family: FamilyView) => (
    <Anchor component={Link} to={`/households/${family.householdId}`} fw={500} size="sm">
      {name(family)}
    </Anchor>
  );
  const remove = (family: FamilyView) =>
    manages && (
      <Button size="compact-xs" variant="subtle" color="red" onClick={() => setRemoving(family)} style={{ flexShrink: 0 }}>
        {t('cadres.remove')}
      </Button>
    );
  return (
    <Stack gap="sm" data-testid="cadre-families">
      <Group justify="space-between" gap="xs">
        <Title order={3} size="h4">
          {t('cadres.families')}
        </Title>
        {manages && cadre.status === 'active' && (
          <Button size="xs" variant="light" leftSection={<PlusIcon size={14} />} onClick={() => setAssigning(true)} disabled={full}>
            {t('cadres.assign')}
          </Button>
        )}
      </Group>
      {caseload && (
        <Stack gap={4}>
          <Text size="sm" data-testid="cadre-caseload">
            {t('cadres.caseload', { count: caseload.count, cap: caseload.cap })}
            {full ? ` — ${t('cadres.caseloadFull')}` : ''}
          </Text>
          <Progress
            value={Math.min(100, (caseload.count / caseload.cap) * 100)}
            color={full ? 'orange' : 'teal'}
            size="sm"
            aria-label={t('cadres.caseload', { count: caseload.count, cap: caseload.cap })}
          />
        </Stack>
      )}
      <ListStates query={families} count={rows.length} empty={t('cadres.familiesEmpty')}>
        {isPhone ? (
          <Stack gap="xs">
            {rows.map((family) => (
              <Card key={family.householdId} withBorder radius="md" padding="xs" data-testid="family-row">
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  {link(family)}
                  {remove(family)}
                </Group>
                <GroupedDigits value={family.kkNumber} />
                <Text size="sm" c="dimmed">
                  {family.villageName ?? family.villageCode} · {t('cadres.members', { count: family.members })} ·{' '}
                  {t('cadres.participants', { count: family.jknParticipants })}
                </Text>
              </Card>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('cadres.head')}</Table.Th>
                  <Table.Th>{t('cadres.kkNumber')}</Table.Th>
                  <Table.Th>{t('cadres.village')}</Table.Th>
                  <Table.Th>{t('jkn.title')}</Table.Th>
                  {manages && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((family) => (
                  <Table.Tr key={family.householdId} data-testid="family-row">
                    <Table.Td>{link(family)}</Table.Td>
                    <Table.Td>
                      <GroupedDigits value={family.kkNumber} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{family.villageName ?? family.villageCode}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {t('cadres.participants', { count: family.jknParticipants })} / {t('cadres.members', { count: family.members })}
                      </Text>
                    </Table.Td>
                    {manages && <Table.Td ta="right">{remove(family)}</Table.Td>}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMore hasMore={families.hasNextPage} loading={families.isFetchingNextPage} onLoad={() => void families.fetchNextPage()} />
      </ListStates>
      {assigning && <AssignModal cadre={cadre} onClose={() => setAssigning(false)} />}
      {removing && <RemoveModal cadreId={cadre.id} family={removing} name={name(removing)} onClose={() => setRemoving(null)} />}
    </Stack>
  );
}

function RemoveModal({ cadreId, family, name, onClose }: { cadreId: string; family: FamilyView; name: string; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateCadres();
  const remove = useMutation({
    mutationFn: () => removeFamily(cadreId, family.householdId),
    onSuccess: async () => {
      await invalidate();
      toast.success(t('cadres.removed'));
      onClose();
    },
  });
  return (
    <ConfirmModal
      opened
      title={t('cadres.removeTitle')}
      body={t('cadres.removeText', { name })}
      confirmLabel={t('cadres.remove')}
      danger
      loading={remove.isPending}
      error={remove.error}
      onConfirm={() => remove.mutate()}
      onClose={onClose}
    />
  );
}

/** Find a family by its KK number (the registry's search), then give it to the cadre. */
function AssignModal({ cadre, onClose }: { cadre: CadreView; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateCadres();
  const [kk, setKk] = useState('');
  const search = useMutation({
    mutationFn: (number: string) => api.get<PersonPage>('/api/v1/persons', { q: number, limit: 50 }),
  });
  const found = search.data?.items.find((p) => p.kkNumber === kk) ?? search.data?.items[0];
  const head = search.data?.items.find((p) => p.relation === 'head') ?? found;
  const assign = useMutation({
    mutationFn: (householdId: string) => api.post<AssignResult>(`/api/v1/cadres/${cadre.id}/families`, { householdIds: [householdId] }),
    onSuccess: async () => {
      await invalidate();
      toast.success(t('cadres.assigned'));
      onClose();
    },
  });
  const validKk = /^\d{16}$/.test(kk);
  return (
    <Modal opened onClose={onClose} title={t('cadres.assignTitle')} centered>
      <Stack gap="sm">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            assign.reset();
            if (validKk) search.mutate(kk);
          }}
          noValidate
        >
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <TextInput
              label={t('cadres.kkNumber')}
              description={t('cadres.kkHint')}
              value={kk}
              onChange={(event) => setKk(event.currentTarget.value.replace(/\D/g, '').slice(0, 16))}
              inputMode="numeric"
              style={{ flex: 1 }}
              data-testid="assign-kk"
            />
            <Button type="submit" variant="default" leftSection={<SearchIcon size={16} />} disabled={!validKk} loading={search.isPending}>
              {t('cadres.find')}
            </Button>
          </Group>
        </form>
        {search.isError && <ErrorAlert error={search.error} />}
        {search.isSuccess && !found && (
          <Alert color="orange" variant="light">
            {t('cadres.kkNotFound')}
          </Alert>
        )}
        {found && head && (
          <Paper withBorder radius="md" p="sm">
            <Text size="sm" fw={600}>
              {t('cadres.foundFamily', { name: head.fullName, village: found.villageName ?? found.villageCode })}
            </Text>
            <Button
              mt="sm"
              fullWidth
              loading={assign.isPending}
              onClick={() => assign.mutate(found.householdId)}
              data-testid="assign-confirm"
            >
              {t('cadres.assignThis')}
            </Button>
          </Paper>
        )}
        {assign.error instanceof ApiError && assign.error.fieldErrors[0] ? (
          <Alert color="red" variant="light" role="alert">
            {assign.error.fieldErrors[0].message}
          </Alert>
        ) : assign.error ? (
          <ErrorAlert error={assign.error} />
        ) : null}
      </Stack>
    </Modal>
  );
}
