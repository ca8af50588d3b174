// Changes to one person: a death, a move to another KK, a business.

import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import {
  type BusinessView,
  type HouseholdView,
  type PersonDetail,
  type Relation,
  type Sector,
  useInvalidateRegistry,
  usePersons,
} from '../../api/registry.ts';
import { DateField } from '../../components/date-field.tsx';
import { FormError, fieldError } from '../../components/error-alert.tsx';
import { RegionSelect } from '../../components/region-picker.tsx';
import { formatRupiah, RupiahInput, rupiahMinus } from '../../components/rupiah-input.tsx';
import { useToast } from '../../components/toast.tsx';
import { todayIso, useRelationOptions } from './shared.tsx';

export const SECTORS: Sector[] = ['trade', 'food', 'agriculture', 'livestock', 'fishery', 'craft', 'services', 'manufacturing', 'other'];

function ModalButtons({ loading, label, onClose, danger }: { loading: boolean; label: string; onClose(): void; danger?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt="xs">
      <Button variant="default" onClick={onClose}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={loading} color={danger ? 'red' : undefined}>
        {label}
      </Button>
    </Group>
  );
}

export function DeathModal({ person, onClose }: { person: PersonDetail; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateRegistry();
  const [diedOn, setDiedOn] = useState(todayIso());
  const save = useMutation({
    mutationFn: () => api.post<HouseholdView>(`/api/v1/persons/${person.id}/death`, { diedOn }),
    onSuccess: async () => {
      await invalidate();
      toast.success(t('person.deathRecorded', { name: person.fullName }));
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('person.deathTitle', { name: person.fullName })} centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Text size="sm">{t('person.deathBody')}</Text>
          {person.relation === 'head' && (
            <Alert color="orange" variant="light">
              {t('person.deathOfHead')}
            </Alert>
          )}
          <DateField
            label={t('person.diedOn')}
            required
            value={diedOn}
            min={person.birthDate}
            max={todayIso()}
            onChange={(event) => setDiedOn(event.currentTarget.value)}
            error={fieldError(save.error, 'diedOn')}
            data-autofocus
          />
          <FormError error={save.error} fields={['diedOn']} />
          <ModalButtons loading={save.isPending} label={t('person.recordDeath')} onClose={onClose} danger />
        </Stack>
      </form>
    </Modal>
  );
}

export function MoveModal({ person, onClose }: { person: PersonDetail; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateRegistry();
  const [kkNumber, setKkNumber] = useState('');
  const [relation, setRelation] = useState<Relation | null>(null);
  const [villageCode, setVillageCode] = useState<string | null>(person.household.villageCode);
  const [address, setAddress] = useState('');
  const [checked, setChecked] = useState(false);
  const kk = kkNumber.replace(/\s+/g, '');
  const [lookup] = useDebouncedValue(/^\d{16}$/.test(kk) ? kk : '', 300);
  // Is the KK already registered? Then the person joins it; else it is a new KK with them as head.
  const found = usePersons({ q: lookup || undefined }, 30);
  const members = lookup ? (found.data?.pages[0]?.items ?? []).filter((p) => p.kkNumber === lookup) : [];
  const known = lookup !== '' && found.isSuccess && lookup === kk;
  const isNew = known && members.length === 0;
  const head = members.find((m) => m.relation === 'head' && !m.deceased);
  const relationOptions = useRelationOptions(head ? ['head'] : []);

  const save = useMutation({
    mutationFn: () =>
      api.post<HouseholdView>(`/api/v1/persons/${person.id}/move`, {
        kkNumber: kk,
        relation: isNew ? 'head' : relation,
        ...(isNew ? { villageCode: villageCode ?? undefined, address: address.trim() || undefined } : {}),
      }),
    onSuccess: async (household) => {
      await invalidate();
      toast.success(t('person.moved', { name: person.fullName, kk: household.kkNumber }));
      onClose();
    },
  });
  const local = {
    kkNumber: /^\d{16}$/.test(kk) ? undefined : t('household.kkSixteen'),
    relation: isNew || relation ? undefined : t('common.required'),
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!local.kkNumber && !local.relation && known) save.mutate();
  };
  const show = (message: string | undefined) => (checked ? message : undefined);

  return (
    <Modal opened onClose={onClose} title={t('person.moveTitle', { name: person.fullName })} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('person.moveBody')}</Text>
          <TextInput
            label={t('person.targetKk')}
            description={t('household.kkHint', { count: kk.length })}
            required
            value={kkNumber}
            onChange={(event) => setKkNumber(event.currentTarget.value)}
            error={show(local.kkNumber) ?? fieldError(save.error, 'kkNumber')}
            inputMode="numeric"
            autoComplete="off"
            data-autofocus
            styles={{ input: { fontFamily: 'monospace', letterSpacing: 1 } }}
          />
          {lookup && !known && (
            <Text size="sm" c="dimmed">
              {t('app.loading')}
            </Text>
          )}
          {known && !isNew && (
            <Alert color="teal" variant="light" data-testid="move-existing">
              {t('person.moveExisting', {
                head: head?.fullName ?? '—',
                village: members[0]?.villageName ?? members[0]?.villageCode ?? '',
                count: members.filter((m) => !m.deceased).length,
              })}
            </Alert>
          )}
          {isNew && (
            <Alert color="orange" variant="light" data-testid="move-new">
              {t('person.moveNew', { name: person.fullName })}
            </Alert>
          )}
          {known && !isNew && (
            <Select
              label={t('person.newRelation')}
              required
              data={relationOptions}
              value={relation}
              onChange={(value) => setRelation(value as Relation | null)}
              error={show(local.relation) ?? fieldError(save.error, 'relation')}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          {isNew && (
            <>
              <RegionSelect
                label={t('registry.village')}
                level={4}
                value={villageCode}
                onChange={setVillageCode}
                error={fieldError(save.error, 'villageCode')}
              />
              <Textarea
                label={t('registry.address')}
                placeholder={person.household.address}
                value={address}
                onChange={(event) => setAddress(event.currentTarget.value)}
                error={fieldError(save.error, 'address')}
                autosize
                minRows={1}
                maxLength={300}
              />
            </>
          )}
          <FormError error={save.error} fields={['kkNumber', 'relation', 'villageCode', 'address']} />
          <ModalButtons loading={save.isPending} label={t('person.move')} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

type BusinessDraft = {
  name: string;
  businessType: string;
  sector: Sector | null;
  startedOn: string;
  capitalRupiah: string;
  monthlyRevenueRupiah: string;
  monthlyCostsRupiah: string;
};

export function BusinessModal({ personId, onClose }: { personId: string; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateRegistry();
  const [draft, setDraft] = useState<BusinessDraft>({
    name: '',
    businessType: '',
    sector: null,
    startedOn: '',
    capitalRupiah: '',
    monthlyRevenueRupiah: '',
    monthlyCostsRupiah: '',
  });
  const [checked, setChecked] = useState(false);
  const set = <K extends keyof BusinessDraft>(key: K, value: BusinessDraft[K]) => setDraft((old) => ({ ...old, [key]: value }));
  const save = useMutation({
    mutationFn: () =>
      api.post<BusinessView>(`/api/v1/persons/${personId}/businesses`, {
        name: draft.name.trim(),
        businessType: draft.businessType.trim(),
        sector: draft.sector,
        startedOn: draft.startedOn || null,
        capitalRupiah: draft.capitalRupiah || '0',
        monthlyRevenueRupiah: draft.monthlyRevenueRupiah || '0',
        monthlyCostsRupiah: draft.monthlyCostsRupiah || '0',
      }),
    onSuccess: async (business) => {
      await invalidate();
      toast.success(t('business.saved', { name: business.name }));
      onClose();
    },
  });
  const local = {
    name: draft.name.trim() ? undefined : t('common.required'),
    businessType: draft.businessType.trim() ? undefined : t('common.required'),
    sector: draft.sector ? undefined : t('common.required'),
  };
  const show = (field: keyof typeof local) => (checked ? local[field] : undefined) ?? fieldError(save.error, field);
  const profit = rupiahMinus(draft.monthlyRevenueRupiah, draft.monthlyCostsRupiah);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.values(local).every((message) => !message)) save.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={t('business.addTitle')} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('business.name')}
              placeholder={t('business.namePlaceholder')}
              required
              value={draft.name}
              onChange={(event) => set('name', event.currentTarget.value)}
              error={show('name')}
              maxLength={120}
              data-autofocus
            />
            <TextInput
              label={t('business.type')}
              placeholder={t('business.typePlaceholder')}
              required
              value={draft.businessType}
              onChange={(event) => set('businessType', event.currentTarget.value)}
              error={show('businessType')}
              maxLength={80}
            />
            <Select
              label={t('business.sector')}
              required
              data={SECTORS.map((sector) => ({ value: sector, label: t(`business.sectors.${sector}`) }))}
              value={draft.sector}
              onChange={(value) => set('sector', value as Sector | null)}
              error={show('sector')}
              comboboxProps={{ withinPortal: true }}
            />
            <DateField
              label={t('business.startedOn')}
              value={draft.startedOn}
              max={todayIso()}
              onChange={(event) => set('startedOn', event.currentTarget.value)}
              error={fieldError(save.error, 'startedOn')}
            />
            <RupiahInput
              label={t('business.capital')}
              value={draft.capitalRupiah}
              onChange={(value) => set('capitalRupiah', value)}
              error={fieldError(save.error, 'capitalRupiah')}
            />
            <RupiahInput
              label={t('business.revenue')}
              value={draft.monthlyRevenueRupiah}
              onChange={(value) => set('monthlyRevenueRupiah', value)}
              error={fieldError(save.error, 'monthlyRevenueRupiah')}
            />
            <RupiahInput
              label={t('business.costs')}
              value={draft.monthlyCostsRupiah}
              onChange={(value) => set('monthlyCostsRupiah', value)}
              error={fieldError(save.error, 'monthlyCostsRupiah')}
            />
            <Stack gap={2} justify="flex-end">
              <Text size="sm" fw={500}>
                {t('business.profit')}
              </Text>
              <Text size="lg" fw={700} c={profit.startsWith('-') ? 'red.9' : 'teal.9'}>
                {formatRupiah(profit)}
              </Text>
            </Stack>
          </SimpleGrid>
          <FormError
            error={save.error}
            fields={['name', 'businessType', 'sector', 'startedOn', 'capitalRupiah', 'monthlyRevenueRupiah', 'monthlyCostsRupiah']}
          />
          <ModalButtons loading={save.isPending} label={t('common.save')} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
