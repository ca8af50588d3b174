import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useSignedIn } from '../../auth/session.ts';
import { DateField } from '../../components/date-field.tsx';
import { FormError, fieldError } from '../../components/error-alert.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RegionMultiSelect } from '../../components/region-picker.tsx';
import { ListStates, QueryStates } from '../../components/states.tsx';
import { useToast } from '../../components/toast.tsx';
import { NotFoundPage } from '../not-found-page.tsx';
import { todayIso, useFormatDate } from '../registry/shared.tsx';
import { MonitoringPage } from './monitoring-page.tsx';
import { PartnerDetailPage } from './partner-detail.tsx';
import {
  canManagePartnerships,
  PARTNER_KINDS,
  type PartnershipView,
  type PartnerView,
  PILLARS,
  useBoard,
  useExpiring,
  useInvalidatePartnerships,
  usePartners,
  WIDER_ELEMENTS,
} from './partnership-api.ts';
import { PartnershipDetailPage } from './partnership-detail.tsx';

/** Partnerships for health promotion: the board, partners, MoUs ending soon, M&E, one partnership. */
export function PartnershipsPage() {
  const me = useSignedIn();
  const manage = canManagePartnerships(me.role);
  return (
    <Routes>
      <Route index element={<Shell tab="board" />} />
      <Route path="partners" element={<Shell tab="partners" />} />
      <Route path="partners/:id" element={<PartnerDetailPage />} />
      <Route path="expiring" element={<Shell tab="expiring" />} />
      <Route path="monitoring" element={<MonitoringPage />} />
      <Route path="new" element={manage ? <NewPartnership /> : <NotFoundPage />} />
      <Route path=":id" element={<PartnershipDetailPage />} />
    </Routes>
  );
}

type Tab = 'board' | 'partners' | 'expiring';
const TAB_PATHS: Record<Tab, string> = { board: '/partnerships', partners: '/partnerships/partners', expiring: '/partnerships/expiring' };

function Shell({ tab }: { tab: Tab }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const navigate = useNavigate();
  return (
    <Stack gap="md">
      <PageHeader title={t('partnerships.title')}>
        <Group gap="xs">
          <Button component={Link} to="/partnerships/monitoring" variant="default" data-testid="partnerships-monitoring">
            {t('partnerships.monitoring')}
          </Button>
          {canManagePartnerships(me.role) && (
            <Button component={Link} to="/partnerships/new" leftSection={<PlusIcon size={16} />} data-testid="partnership-new">
              {t('partnerships.add')}
            </Button>
          )}
        </Group>
      </PageHeader>
      <Tabs value={tab} onChange={(value) => value && void navigate(TAB_PATHS[value as Tab])}>
        <Tabs.List>
          <Tabs.Tab value="board">{t('partnerships.board')}</Tabs.Tab>
          <Tabs.Tab value="partners" data-testid="tab-partners">
            {t('partnerships.partners')}
          </Tabs.Tab>
          <Tabs.Tab value="expiring" data-testid="tab-expiring">
            {t('partnerships.expiring')}
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {tab === 'board' && <BoardView />}
      {tab === 'partners' && <PartnersView />}
      {tab === 'expiring' && <ExpiringView />}
    </Stack>
  );
}

/** A column per step, in order; on a phone the columns stack. */
function BoardView() {
  const { t } = useTranslation();
  const board = useBoard();
  const formatDate = useFormatDate();
  return (
    <QueryStates query={board}>
      {(data) => (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" data-testid="partnership-board">
          {data.columns.map((column) => (
            <Paper key={column.step} withBorder radius="md" p="sm" data-testid={`board-${column.step}`}>
              <Group justify="space-between" mb="xs" wrap="nowrap">
                <Text fw={700} size="sm">
                  {t(`partnerships.steps.${column.step}`)}
                </Text>
                <Badge variant="light">{column.items.length}</Badge>
              </Group>
              <Stack gap="xs">
                {column.items.length === 0 && (
                  <Text size="xs" c="dimmed">
                    {t('partnerships.noneYet')}
                  </Text>
                )}
                {column.items.map((p) => (
                  <Card key={p.id} withBorder padding="xs" radius="sm" data-testid="board-card">
                    <Anchor component={Link} to={`/partnerships/${p.id}`} fw={600} size="sm">
                      {p.title}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {formatDate(p.startedOn)} · {t('partnerships.partnersCount', { count: p.partners })} · {p.officeCode}
                    </Text>
                  </Card>
                ))}
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      )}
    </QueryStates>
  );
}

function PartnersView() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const partners = usePartners();
  const items = partners.data?.items ?? [];
  return (
    <Stack gap="sm">
      {canManagePartnerships(me.role) && <NewPartner />}
      <ListStates query={partners} count={items.length} empty={t('partnerships.partnersEmpty')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" data-testid="partners-list">
          {items.map((p) => (
            <Card key={p.id} withBorder radius="md" padding="sm" data-testid="partner-row">
              <Anchor component={Link} to={`/partnerships/partners/${p.id}`} fw={600}>
                {p.name}
              </Anchor>
              <Group gap={6} mt={4}>
                <Badge variant="light" style={{ textTransform: 'none' }}>
                  {t(`partnerships.kinds.${p.kind}`)}
                </Badge>
                <Badge variant="outline" style={{ textTransform: 'none' }}>
                  {p.widerElement ? t(`partnerships.elements.${p.widerElement}`) : t(`partnerships.pillars.${p.pillar}`)}
                </Badge>
              </Group>
              {(p.contactName || p.contactPhone) && (
                <Text size="sm" mt={4}>
                  {[p.contactName, p.contactPhone, p.contactEmail].filter(Boolean).join(' · ')}
                </Text>
              )}
            </Card>
          ))}
        </SimpleGrid>
      </ListStates>
    </Stack>
  );
}

function NewPartner() {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidatePartnerships();
  const [open, setOpen] = useState(false);
  const empty = {
    name: '',
    kind: 'government',
    pillar: 'health_programme',
    widerElement: null as string | null,
    contactName: '',
    contactPhone: '',
  };
  const [form, setForm] = useState(empty);
  const save = useMutation({
    mutationFn: () =>
      api.post<PartnerView>('/api/v1/partners', { ...form, widerElement: form.pillar === 'wider' ? form.widerElement : null }),
    onSuccess: async () => {
      await invalidate();
      toast.success(t('partnerships.saved'));
      setForm(empty);
      setOpen(false);
    },
  });
  if (!open)
    return (
      <Group>
        <Button variant="light" leftSection={<PlusIcon size={16} />} onClick={() => setOpen(true)} data-testid="partner-new">
          {t('partnerships.addPartner')}
        </Button>
      </Group>
    );
  const set = (key: keyof typeof form) => (value: string | null) => setForm((old) => ({ ...old, [key]: value ?? '' }));
  return (
    <Paper withBorder radius="md" p="sm">
      <Stack gap="xs">
        <TextInput
          label={t('partnerships.fields.name')}
          value={form.name}
          onChange={(e) => set('name')(e.currentTarget.value)}
          error={fieldError(save.error, 'name')}
          data-testid="partner-name"
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <Select
            label={t('partnerships.fields.kind')}
            data={PARTNER_KINDS.map((k) => ({ value: k, label: t(`partnerships.kinds.${k}`) }))}
            value={form.kind}
            onChange={set('kind')}
            allowDeselect={false}
            data-testid="partner-kind"
          />
          <Select
            label={t('partnerships.fields.pillar')}
            data={PILLARS.map((k) => ({ value: k, label: t(`partnerships.pillars.${k}`) }))}
            value={form.pillar}
            onChange={set('pillar')}
            allowDeselect={false}
            data-testid="partner-pillar"
          />
          {form.pillar === 'wider' && (
            <Select
              label={t('partnerships.fields.element')}
              data={WIDER_ELEMENTS.map((k) => ({ value: k, label: t(`partnerships.elements.${k}`) }))}
              value={form.widerElement}
              onChange={(v) => setForm((old) => ({ ...old, widerElement: v }))}
              error={fieldError(save.error, 'widerElement')}
              data-testid="partner-element"
            />
          )}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <TextInput
            label={t('partnerships.fields.contactName')}
            value={form.contactName}
            onChange={(e) => set('contactName')(e.currentTarget.value)}
          />
          <TextInput
            label={t('partnerships.fields.contactPhone')}
            value={form.contactPhone}
            onChange={(e) => set('contactPhone')(e.currentTarget.value)}
          />
        </SimpleGrid>
        <FormError error={save.error} fields={['name', 'widerElement']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="partner-save">
            {t('partnerships.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function ExpiringView() {
  const { t } = useTranslation();
  const expiring = useExpiring();
  const formatDate = useFormatDate();
  const items = expiring.data?.items ?? [];
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('partnerships.expiringIntro')}
      </Text>
      <ListStates query={expiring} count={items.length} empty={t('partnerships.expiringEmpty')}>
        <Stack gap="xs" data-testid="expiring-list">
          {items.map((a) => (
            <Card key={a.id} withBorder radius="md" padding="sm" data-testid="expiring-row">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <div>
                  <Text fw={600}>
                    {a.number} · {a.title}
                  </Text>
                  <Anchor component={Link} to={`/partnerships/${a.partnershipId}`} size="sm">
                    {a.partnershipTitle}
                  </Anchor>
                </div>
                <Badge color={a.daysLeft <= 30 ? 'red' : 'yellow'} variant="light" style={{ textTransform: 'none' }}>
                  {formatDate(a.endsOn)} · {t('partnerships.daysLeft', { count: a.daysLeft })}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed">
                {a.parties.map((p) => p.name).join(', ')}
              </Text>
            </Card>
          ))}
        </Stack>
      </ListStates>
    </Stack>
  );
}

function NewPartnership() {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const location = useLocation();
  const invalidate = useInvalidatePartnerships();
  const [title, setTitle] = useState('');
  const [startedOn, setStartedOn] = useState(todayIso());
  const [villageCodes, setVillageCodes] = useState<string[]>([]);
  const [explorationNotes, setExplorationNotes] = useState('');
  const save = useMutation({
    mutationFn: () => api.post<PartnershipView>('/api/v1/partnerships', { title, startedOn, villageCodes, explorationNotes }),
    onSuccess: async (view) => {
      await invalidate();
      toast.success(t('partnerships.saved'));
      void navigate(`/partnerships/${view.id}`, { state: location.state });
    },
  });
  return (
    <Stack gap="md">
      <PageHeader title={t('partnerships.add')} />
      <Paper withBorder radius="md" p="sm">
        <Stack gap="xs">
          <TextInput
            label={t('partnerships.fields.title')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={fieldError(save.error, 'title')}
            data-testid="partnership-title"
          />
          <DateField
            label={t('partnerships.fields.startedOn')}
            value={startedOn}
            onChange={(e) => setStartedOn(e.currentTarget.value)}
            error={fieldError(save.error, 'startedOn')}
            data-testid="partnership-started"
          />
          <RegionMultiSelect
            label={t('partnerships.fields.villages')}
            level={4}
            value={villageCodes}
            onChange={setVillageCodes}
            error={fieldError(save.error, 'villageCodes')}
            data-testid="partnership-villages"
          />
          <Textarea
            label={t('partnerships.fields.explorationNotes')}
            value={explorationNotes}
            onChange={(e) => setExplorationNotes(e.currentTarget.value)}
            autosize
            minRows={3}
            data-testid="partnership-notes"
          />
          <FormError error={save.error} fields={['title', 'startedOn', 'villageCodes']} />
          <Group justify="flex-end">
            <Button component={Link} to="/partnerships" variant="default">
              {t('common.cancel')}
            </Button>
            <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="partnership-save">
              {t('partnerships.save')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <Title order={3} size="h6" c="dimmed">
        {t('partnerships.steps.penjajakan')}
      </Title>
    </Stack>
  );
}
