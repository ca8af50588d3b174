import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { FacilitatorItem } from '../../../../src/modules/groups/groups.schema.ts';
import { api } from '../../api/client.ts';
import { useOffices } from '../../api/queries.ts';
import { GROUP_KINDS, type GroupView, useInvalidateRegistry } from '../../api/registry.ts';
import { useSignedIn } from '../../auth/session.ts';
import { DateField } from '../../components/date-field.tsx';
import { FormError, fieldError } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RegionMultiSelect } from '../../components/region-picker.tsx';
import { useToast } from '../../components/toast.tsx';
import { NotFoundPage } from '../not-found-page.tsx';
import { canManageGroups, todayIso } from '../registry/shared.tsx';

const FIELDS = ['kind', 'name', 'officeCode', 'villageCodes', 'facilitatorUsername', 'accountNumber', 'formedOn'] as const;
type Field = (typeof FIELDS)[number];

export function GroupNewPage() {
  const me = useSignedIn();
  if (!canManageGroups(me.role)) return <NotFoundPage />;
  return <GroupForm />;
}

function GroupForm() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const navigate = useNavigate();
  const toast = useToast();
  const invalidate = useInvalidateRegistry();
  // Offices of the signed-in user; an admin without any sees them all.
  const allOffices = useOffices();
  const offices = me.offices.length > 0 ? me.offices : (allOffices.data ?? []);
  const [kind, setKind] = useState<string | null>('kube');
  const [name, setName] = useState('');
  const [officeCode, setOfficeCode] = useState<string | null>(me.offices.length === 1 ? (me.offices[0]?.code ?? null) : null);
  const [villageCodes, setVillageCodes] = useState<string[]>([]);
  const [facilitator, setFacilitator] = useState(me.role === 'facilitator' ? me.username : '');
  const [accountNumber, setAccountNumber] = useState('');
  const [formedOn, setFormedOn] = useState(todayIso());
  const [checked, setChecked] = useState(false);

  const save = useMutation({
    mutationFn: () =>
      api.post<GroupView>('/api/v1/groups', {
        kind,
        name: name.trim(),
        officeCode,
        villageCodes,
        facilitatorUsername: facilitator.trim() || undefined,
        accountNumber: accountNumber.trim() || undefined,
        formedOn,
      }),
    onSuccess: async (group) => {
      await invalidate();
      toast.success(t('groups.created', { name: group.name }));
      void navigate(`/groups/${group.id}`);
    },
  });

  const local: Partial<Record<Field, string>> = {
    ...(kind ? {} : { kind: t('common.required') }),
    ...(name.trim() ? {} : { name: t('common.required') }),
    ...(officeCode ? {} : { officeCode: t('common.required') }),
    ...(villageCodes.length > 0 ? {} : { villageCodes: t('common.required') }),
    ...(formedOn ? {} : { formedOn: t('common.required') }),
  };
  const errorOf = (field: Field) => (checked ? local[field] : undefined) ?? fieldError(save.error, field);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(local).length === 0) save.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={760}>
        <PageHeader title={t('groups.newTitle')} />
        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
          <Stack gap="sm">
            <Select
              label={t('groups.kind')}
              required
              data={GROUP_KINDS.map((code) => ({ value: code, label: t(`groups.kinds.${code}`) }))}
              value={kind}
              onChange={setKind}
              allowDeselect={false}
              description={kind && (GROUP_KINDS as readonly string[]).includes(kind) ? t(`groups.kindHints.${kind as 'kube'}`) : undefined}
              error={errorOf('kind')}
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput
              label={t('groups.name')}
              placeholder={t('groups.namePlaceholder')}
              required
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={errorOf('name')}
              maxLength={120}
              name="group-name"
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label={t('groups.office')}
                required
                data={offices.map((office) => ({ value: office.code, label: `${office.code} — ${office.name}` }))}
                value={officeCode}
                onChange={setOfficeCode}
                error={errorOf('officeCode')}
                comboboxProps={{ withinPortal: true }}
              />
              <DateField
                label={t('groups.formedOn')}
                required
                value={formedOn}
                max={todayIso()}
                onChange={(event) => setFormedOn(event.currentTarget.value)}
                error={errorOf('formedOn')}
              />
            </SimpleGrid>
            <RegionMultiSelect
              label={t('groups.villages')}
              description={t('groups.villagesHint')}
              required
              level={4}
              value={villageCodes}
              onChange={setVillageCodes}
              error={errorOf('villageCodes')}
              data-testid="group-villages"
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <FacilitatorField value={facilitator} onChange={setFacilitator} error={errorOf('facilitatorUsername')} />
              <TextInput
                label={t('groups.accountNumber')}
                value={accountNumber}
                onChange={(event) => setAccountNumber(event.currentTarget.value)}
                error={errorOf('accountNumber')}
                maxLength={40}
                inputMode="numeric"
              />
            </SimpleGrid>
          </Stack>
        </Paper>
        <FormError error={save.error} fields={[...FIELDS]} />
        {checked && Object.keys(local).length > 0 && (
          <Text size="sm" c="red.9" role="alert">
            {t('household.checkMarked')}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" component={Link} to="/groups">
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('groups.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * The active facilitators in the user's scope (`GET /api/v1/groups/facilitators`, open to
 * managers and facilitators, who may not list users); a facilitator starts as themselves.
 */
function FacilitatorField({ value, onChange, error }: { value: string; onChange(username: string): void; error?: string }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const facilitators = useQuery({
    queryKey: ['groups', 'facilitators'],
    queryFn: () => api.get<{ items: FacilitatorItem[] }>('/api/v1/groups/facilitators'),
    select: (data) => data.items,
    staleTime: 60_000,
  });
  const items = facilitators.data ?? [];
  const options = items.map((facilitator) => ({
    value: facilitator.username,
    label: `${facilitator.displayName} (${facilitator.username}) · ${facilitator.officeCodes.join(', ')}`,
  }));
  // Until the list arrives (or should it lack them), a facilitator still sees their own name.
  if (me.role === 'facilitator' && value === me.username && !items.some((facilitator) => facilitator.username === me.username))
    options.unshift({ value: me.username, label: `${me.fullName} (${me.username})` });
  return (
    <Select
      label={t('groups.facilitator')}
      description={t('groups.facilitatorHint')}
      placeholder={t('groups.noFacilitator')}
      data={options}
      value={value || null}
      onChange={(username) => onChange(username ?? '')}
      error={error ?? (facilitators.isError ? t('groups.facilitatorsFailed') : undefined)}
      nothingFoundMessage={facilitators.isPending ? t('app.loading') : t('groups.noFacilitators')}
      clearable
      searchable
      comboboxProps={{ withinPortal: true }}
      data-testid="group-facilitator"
    />
  );
}
