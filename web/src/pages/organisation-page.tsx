import { Alert, Button, Group, Paper, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { organisationQuery, setupQuery } from '../api/queries.ts';
import type { Organisation } from '../api/types.ts';
import { FormError, fieldError } from '../components/error-alert.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { QueryStates } from '../components/states.tsx';
import { useToast } from '../components/toast.tsx';

export function OrganisationPage() {
  const { t } = useTranslation();
  const organisation = useQuery(organisationQuery);
  return (
    <Stack gap="md" maw={640}>
      <PageHeader title={t('organisation.title')} />
      <QueryStates query={organisation}>{(data) => <OrganisationForm organisation={data} />}</QueryStates>
    </Stack>
  );
}

function OrganisationForm({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [name, setName] = useState(organisation.name);
  const [address, setAddress] = useState(organisation.address ?? '');
  const [reportContact, setReportContact] = useState(organisation.reportContact ?? '');
  const changed =
    name.trim() !== organisation.name ||
    address.trim() !== (organisation.address ?? '') ||
    reportContact.trim() !== (organisation.reportContact ?? '');
  const save = useMutation({
    mutationFn: () =>
      api.patch<Organisation>('/api/v1/organisation', { name: name.trim(), address: address.trim(), reportContact: reportContact.trim() }),
    onSuccess: (saved) => {
      queryClient.setQueryData(organisationQuery.queryKey, saved);
      for (const key of [['me'], setupQuery.queryKey, ['audit']]) void queryClient.invalidateQueries({ queryKey: key });
      toast.success(t('organisation.saved'));
    },
  });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (name.trim()) save.mutate();
  };
  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {organisation.isDemo && (
            <Alert color="orange" variant="light">
              {t('organisation.demoNote')}
            </Alert>
          )}
          <FormError error={save.error} fields={['name', 'address', 'reportContact']} />
          <TextInput
            label={t('organisation.name')}
            required
            value={name}
            maxLength={160}
            onChange={(event) => setName(event.currentTarget.value)}
            error={name.trim() ? fieldError(save.error, 'name') : t('common.required')}
          />
          <TextInput
            label={t('organisation.address')}
            description={t('organisation.addressHint')}
            value={address}
            maxLength={300}
            onChange={(event) => setAddress(event.currentTarget.value)}
            error={fieldError(save.error, 'address')}
          />
          <TextInput
            label={t('organisation.reportContact')}
            description={t('organisation.reportContactHint')}
            value={reportContact}
            maxLength={120}
            inputMode="tel"
            onChange={(event) => setReportContact(event.currentTarget.value)}
            error={fieldError(save.error, 'reportContact')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} disabled={!name.trim() || !changed}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
