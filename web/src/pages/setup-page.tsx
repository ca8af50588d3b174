import { Button, Divider, Paper, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { setupQuery } from '../api/queries.ts';
import type { SetupStatus } from '../api/types.ts';
import { FormError, fieldError } from '../components/error-alert.tsx';
import { emptyOffice, missingOfficeFields, OFFICE_FIELDS, OfficeFields, officeBody } from '../components/office-fields.tsx';
import { PublicFrame } from '../components/public-frame.tsx';

type AdminDraft = { username: string; fullName: string; password: string; confirm: string };

export function SetupPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [organisationName, setOrganisationName] = useState('');
  const [office, setOffice] = useState(() => emptyOffice('head'));
  const [admin, setAdmin] = useState<AdminDraft>({ username: '', fullName: '', password: '', confirm: '' });
  const [checked, setChecked] = useState(false);

  const setup = useMutation({
    mutationFn: () =>
      api.post('/api/v1/setup', {
        organisationName: organisationName.trim(),
        office: { code: office.code.trim(), ...officeBody(office) },
        admin: { username: admin.username.trim(), fullName: admin.fullName.trim(), password: admin.password },
      }),
    // The app then leaves this page for the login page.
    onSuccess: () =>
      queryClient.setQueryData<SetupStatus>(setupQuery.queryKey, (old) => ({ needed: false, organisation: old?.organisation ?? null })),
  });

  const missingOffice = missingOfficeFields(office);
  const local = {
    organisationName: organisationName.trim() ? undefined : t('common.required'),
    username: admin.username.trim() ? undefined : t('common.required'),
    fullName: admin.fullName.trim() ? undefined : t('common.required'),
    password: admin.password.length >= 8 ? undefined : t('setup.passwordHint'),
    confirm: admin.confirm === admin.password ? undefined : t('setup.passwordMismatch'),
  };
  const localOk = Object.values(local).every((message) => !message) && Object.keys(missingOffice).length === 0;
  const show = (message: string | undefined) => (checked ? message : undefined);
  const serverError = (field: string) => fieldError(setup.error, field);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (localOk) setup.mutate();
  };

  return (
    <PublicFrame size={720}>
      <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md">
        <form onSubmit={submit} noValidate>
          <Stack>
            <div>
              <Title order={1} size="h2">
                {t('setup.title')}
              </Title>
              <Text size="sm" c="dimmed" mt={4}>
                {t('setup.intro')}
              </Text>
            </div>
            <FormError
              error={setup.error}
              fields={[
                'organisationName',
                ...OFFICE_FIELDS.map((field) => `office.${field}`),
                'admin.username',
                'admin.fullName',
                'admin.password',
              ]}
            />

            <Divider label={<SectionLabel text={t('setup.organisationSection')} />} labelPosition="left" mt="xs" />
            <TextInput
              label={t('setup.organisationName')}
              placeholder={t('setup.organisationNameHint')}
              required
              name="organisationName"
              value={organisationName}
              onChange={(event) => setOrganisationName(event.currentTarget.value)}
              error={show(local.organisationName) ?? serverError('organisationName')}
              maxLength={160}
            />

            <Divider label={<SectionLabel text={t('setup.officeSection')} />} labelPosition="left" mt="xs" />
            <OfficeFields
              value={office}
              onChange={setOffice}
              codeEditable
              errorOf={(field) => (checked && missingOffice[field] ? t('common.required') : undefined) ?? serverError(`office.${field}`)}
            />

            <Divider label={<SectionLabel text={t('setup.adminSection')} />} labelPosition="left" mt="xs" />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('users.username')}
                description={t('users.usernameHint')}
                required
                name="admin-username"
                autoCapitalize="none"
                autoComplete="off"
                spellCheck={false}
                value={admin.username}
                onChange={(event) => setAdmin({ ...admin, username: event.currentTarget.value.toLowerCase() })}
                error={show(local.username) ?? serverError('admin.username')}
              />
              <TextInput
                label={t('setup.fullName')}
                required
                name="admin-fullName"
                value={admin.fullName}
                onChange={(event) => setAdmin({ ...admin, fullName: event.currentTarget.value })}
                error={show(local.fullName) ?? serverError('admin.fullName')}
              />
              <PasswordInput
                label={t('users.password')}
                description={t('setup.passwordHint')}
                required
                name="admin-password"
                autoComplete="new-password"
                value={admin.password}
                onChange={(event) => setAdmin({ ...admin, password: event.currentTarget.value })}
                error={show(local.password) ?? serverError('admin.password')}
              />
              <PasswordInput
                label={t('setup.confirmPassword')}
                required
                name="admin-confirm"
                autoComplete="new-password"
                value={admin.confirm}
                onChange={(event) => setAdmin({ ...admin, confirm: event.currentTarget.value })}
                error={show(local.confirm)}
              />
            </SimpleGrid>
            <Button type="submit" size="md" loading={setup.isPending} mt="sm">
              {t('setup.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </PublicFrame>
  );
}

const SectionLabel = ({ text }: { text: string }) => (
  <Text size="sm" fw={700} c="teal.9">
    {text}
  </Text>
);
