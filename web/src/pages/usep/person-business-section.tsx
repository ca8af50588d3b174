import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { type BusinessView, businessesQuery, type Sector, useInvalidateRegistry } from '../../api/registry.ts';
import { developmentQuery, putBusinessMonth, useInvalidateUsep } from '../../api/usep.ts';
import { useSignedIn } from '../../auth/session.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatRupiah, rupiahMinus } from '../../components/rupiah-input.tsx';
import { ListStates } from '../../components/states.tsx';
import { useToast } from '../../components/toast.tsx';
import { canChangeRegistry, todayIso, useFormatDate } from '../registry/shared.tsx';
import { FormModal, PastDateField, useFormChecks } from './usep-form.tsx';
import { canPassOn, canReadChain, MonthFiguresModal, MonthsTable, useFormatMonth } from './usep-shared.tsx';

const SECTOR_LIST: Sector[] = ['trade', 'food', 'agriculture', 'livestock', 'fishery', 'craft', 'services', 'manufacturing', 'other'];

/**
 * A member's businesses over time, on the person's page: figures month by month with the
 * change since the first month, the coaching the owner attended, and (for the staff who may)
 * recording a month, correcting and closing the business. Self-contained: mounted with one line.
 */
export function PersonBusinessSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const businesses = useQuery({ ...businessesQuery(personId), enabled: canReadChain(me.role) });
  if (!canReadChain(me.role)) return null;
  const rows = businesses.data ?? [];
  if (businesses.isSuccess && rows.length === 0) return null;
  return (
    <Stack gap="sm" data-testid="business-development">
      <Title order={3} size="h4">
        {t('usepWeb.developmentTitle')}
      </Title>
      <ListStates query={businesses} count={rows.length} empty={t('business.empty')}>
        <Stack gap="sm">
          {rows.map((business) => (
            <BusinessDevelopment key={business.id} business={business} />
          ))}
        </Stack>
      </ListStates>
    </Stack>
  );
}

type Dialog = 'month' | 'edit' | 'close' | null;

function BusinessDevelopment({ business }: { business: BusinessView }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const formatDate = useFormatDate();
  const formatMonth = useFormatMonth();
  const development = useQuery(developmentQuery(business.id));
  const invalidateUsep = useInvalidateUsep();
  const [dialog, setDialog] = useState<Dialog>(null);
  const open = business.active;
  const months = development.data?.months ?? [];
  const first = months[0];
  const last = months[months.length - 1];
  return (
    <Card withBorder padding="sm" data-testid={`development-${business.name}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <div>
            <Text fw={600}>{business.name}</Text>
            <Text size="sm" c="dimmed">
              {business.businessType} · {t(`business.sectors.${business.sector}`)}
            </Text>
          </div>
          {open ? (
            <Badge color="teal" variant="light">
              {t('common.active')}
            </Badge>
          ) : (
            <Badge color="gray" data-testid="business-closed">
              {t('usepWeb.closedOn', { date: formatDate(business.closedOn ?? '') })}
            </Badge>
          )}
        </Group>
        {!open && business.closedReason && (
          <Text size="sm">
            {t('usepWeb.closeReason')}: {business.closedReason}
          </Text>
        )}
        {open && (
          <Group gap="xs">
            {canPassOn(me.role) && (
              <Button size="xs" onClick={() => setDialog('month')} data-testid="record-month">
                {t('usepWeb.recordMonth')}
              </Button>
            )}
            {canChangeRegistry(me.role) && (
              <>
                <Button size="xs" variant="light" onClick={() => setDialog('edit')}>
                  {t('common.edit')}
                </Button>
                <Button size="xs" variant="light" color="red" onClick={() => setDialog('close')}>
                  {t('usepWeb.closeBusiness')}
                </Button>
              </>
            )}
          </Group>
        )}
        {development.isError ? (
          <ErrorAlert error={development.error} onRetry={() => void development.refetch()} />
        ) : (
          <ListStates query={development} count={months.length} empty={t('usepWeb.noMonths')}>
            {first && last && first !== last && (
              <Text size="sm" data-testid="development-change">
                {t('usepWeb.change', {
                  from: formatMonth(first.month),
                  to: formatMonth(last.month),
                  revenue: signed(rupiahMinus(last.revenueRupiah, first.revenueRupiah)),
                  profit: signed(rupiahMinus(last.profitRupiah, first.profitRupiah)),
                })}
              </Text>
            )}
            <MonthsTable months={months} testId="development-months" />
          </ListStates>
        )}
        {(development.data?.coaching.length ?? 0) > 0 && (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t('usepWeb.coachingAttended')}
            </Text>
            {development.data?.coaching.map((c) => (
              <Text key={c.sessionId} size="sm">
                {formatDate(c.heldOn)} · {t(`usepWeb.topics.${c.topic}`)}: {c.title} ·{' '}
                {c.present ? t('usepWeb.present') : t('usepWeb.absent')}
                {c.followUp ? ` · ${t('usepWeb.followUp')}: ${c.followUp}` : ''}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
      {dialog === 'month' && (
        <MonthFiguresModal
          title={t('usepWeb.monthTitle', { name: business.name })}
          initial={last ? { capitalRupiah: last.capitalRupiah } : { capitalRupiah: business.capitalRupiah }}
          save={async (month, figures) => {
            await putBusinessMonth(business.id, month, figures);
            await invalidateUsep();
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'edit' && <EditBusinessModal business={business} onClose={() => setDialog(null)} />}
      {dialog === 'close' && <CloseBusinessModal business={business} onClose={() => setDialog(null)} />}
    </Card>
  );
}

const signed = (digits: string) => (digits.startsWith('-') ? `−${formatRupiah(digits.slice(1))}` : `+${formatRupiah(digits)}`);

function useInvalidateBusiness() {
  const registry = useInvalidateRegistry();
  const usep = useInvalidateUsep();
  return () => Promise.all([registry(), usep()]);
}

function EditBusinessModal({ business, onClose }: { business: BusinessView; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateBusiness();
  const [draft, setDraft] = useState({
    name: business.name,
    businessType: business.businessType,
    sector: business.sector as Sector | null,
    startedOn: business.startedOn ?? '',
  });
  const save = useMutation({
    mutationFn: () =>
      api.patch<BusinessView>(`/api/v1/persons/${business.personId}/businesses/${business.id}`, {
        name: draft.name.trim(),
        businessType: draft.businessType.trim(),
        sector: draft.sector,
        startedOn: draft.startedOn || null,
      }),
    onSuccess: async (saved) => {
      await invalidate();
      toast.success(t('business.saved', { name: saved.name }));
      onClose();
    },
  });
  const local = {
    name: draft.name.trim() ? undefined : t('common.required'),
    businessType: draft.businessType.trim() ? undefined : t('common.required'),
    sector: draft.sector ? undefined : t('common.required'),
    startedOn: draft.startedOn && draft.startedOn > todayIso() ? t('common.dateInFuture') : undefined,
  };
  const checks = useFormChecks(local, save.error);
  const { show } = checks;
  return (
    <FormModal
      title={t('usepWeb.editBusiness', { name: business.name })}
      size="lg"
      checks={checks}
      send={() => save.mutate()}
      pending={save.isPending}
      onClose={onClose}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('business.name')}
          required
          maxLength={120}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
          error={show('name')}
        />
        <TextInput
          label={t('business.type')}
          required
          maxLength={80}
          value={draft.businessType}
          onChange={(e) => setDraft({ ...draft, businessType: e.currentTarget.value })}
          error={show('businessType')}
        />
        <Select
          label={t('business.sector')}
          required
          data={SECTOR_LIST.map((sector) => ({ value: sector, label: t(`business.sectors.${sector}`) }))}
          value={draft.sector}
          onChange={(sector) => setDraft({ ...draft, sector: sector as Sector | null })}
          error={show('sector')}
          comboboxProps={{ withinPortal: true }}
        />
        <PastDateField
          label={t('business.startedOn')}
          field="startedOn"
          value={draft.startedOn}
          onChange={(v) => setDraft({ ...draft, startedOn: v })}
          checks={checks}
        />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('usepWeb.editHint')}
      </Text>
    </FormModal>
  );
}

function CloseBusinessModal({ business, onClose }: { business: BusinessView; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateBusiness();
  const [closedOn, setClosedOn] = useState(todayIso());
  const [reason, setReason] = useState('');
  const save = useMutation({
    mutationFn: () =>
      api.post<BusinessView>(`/api/v1/persons/${business.personId}/businesses/${business.id}/close`, {
        closedOn,
        reason: reason.trim(),
      }),
    onSuccess: async () => {
      await invalidate();
      toast.success(t('usepWeb.businessClosed', { name: business.name }));
      onClose();
    },
  });
  const local = {
    closedOn: !closedOn ? t('common.required') : closedOn > todayIso() ? t('common.dateInFuture') : undefined,
    reason: reason.trim().length >= 3 ? undefined : t('common.atLeastChars', { count: 3 }),
  };
  const checks = useFormChecks(local, save.error);
  const { show } = checks;
  return (
    <FormModal
      title={t('usepWeb.closeTitle', { name: business.name })}
      hint={t('usepWeb.closeHint')}
      checks={checks}
      send={() => save.mutate()}
      pending={save.isPending}
      submitLabel={t('usepWeb.closeBusiness')}
      danger
      onClose={onClose}
    >
      <PastDateField label={t('usepWeb.closedOnLabel')} field="closedOn" required value={closedOn} onChange={setClosedOn} checks={checks} />
      <Textarea
        label={t('usepWeb.closeReason')}
        required
        maxLength={300}
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={show('reason')}
      />
    </FormModal>
  );
}
