import { Button, Group, Modal, MultiSelect, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../src/core/roles.ts';
import { api } from '../api/client.ts';
import { useOffices } from '../api/queries.ts';
import type { Role, UserView } from '../api/types.ts';
import { FormError, fieldError } from '../components/error-alert.tsx';
import { RegionMultiSelect } from '../components/region-picker.tsx';
import { useToast } from '../components/toast.tsx';

export function useRoleOptions() {
  const { t } = useTranslation();
  return ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}

function useOfficeOptions(selected: string[]) {
  const { t } = useTranslation();
  const offices = useOffices(true);
  return (offices.data ?? [])
    .filter((office) => office.active || selected.includes(office.code))
    .map((office) => ({
      value: office.code,
      label: `${office.code} — ${office.name}${office.active ? '' : ` (${t('common.inactive').toLowerCase()})`}`,
    }));
}

export function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['users'] });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
}

type Draft = {
  username: string;
  fullName: string;
  role: Role | null;
  officeCodes: string[];
  areaCodes: string[];
  password: string;
  confirm: string;
};

/** Create a user (no `user`) or change one's name, role and offices. */
export function UserFormModal({ user, opened, onClose }: { user: UserView | null; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const creating = user === null;
  const toast = useToast();
  const invalidate = useInvalidateUsers();
  const roleOptions = useRoleOptions();
  const [draft, setDraft] = useState<Draft>(() => ({
    username: user?.username ?? '',
    fullName: user?.fullName ?? '',
    role: user?.role ?? null,
    officeCodes: user?.offices.map((office) => office.code) ?? [],
    areaCodes: user?.areaCodes ?? [],
    password: '',
    confirm: '',
  }));
  const [checked, setChecked] = useState(false);
  const officeOptions = useOfficeOptions(draft.officeCodes);

  const save = useMutation({
    mutationFn: () =>
      creating
        ? api.post<UserView>('/api/v1/users', {
            username: draft.username.trim(),
            fullName: draft.fullName.trim(),
            role: draft.role,
            password: draft.password,
            officeCodes: draft.officeCodes,
            areaCodes: draft.areaCodes,
          })
        : api.patch<UserView>(`/api/v1/users/${user.id}`, {
            fullName: draft.fullName.trim(),
            role: draft.role,
            officeCodes: draft.officeCodes,
            areaCodes: draft.areaCodes,
          }),
    onSuccess: (saved) => {
      invalidate();
      toast.success(t(creating ? 'users.created' : 'users.updated', { username: saved.username }));
      onClose();
    },
  });

  const local = {
    username: !creating || draft.username.trim() ? undefined : t('common.required'),
    fullName: draft.fullName.trim() ? undefined : t('common.required'),
    role: draft.role ? undefined : t('common.required'),
    password: !creating || draft.password.length >= 8 ? undefined : t('setup.passwordHint'),
    confirm: !creating || draft.confirm === draft.password ? undefined : t('setup.passwordMismatch'),
  };
  const errorOf = (field: keyof typeof local | 'officeCodes') =>
    (checked && field !== 'officeCodes' ? local[field] : undefined) ?? fieldError(save.error, field);
  // The server names the area at fault (areaCodes.1): shown under the picker.
  const areaError = draft.areaCodes.map((_, i) => fieldError(save.error, `areaCodes.${i}`)).find(Boolean);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.values(local).every((message) => !message)) save.mutate();
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={creating ? t('users.createTitle') : t('users.editTitle', { username: user.username })}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={save.error} fields={['username', 'fullName', 'role', 'officeCodes', 'areaCodes', 'password']} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('users.username')}
              description={creating ? t('users.usernameHint') : undefined}
              required={creating}
              disabled={!creating}
              name="username"
              autoCapitalize="none"
              autoComplete="off"
              spellCheck={false}
              value={draft.username}
              onChange={(event) => setDraft({ ...draft, username: event.currentTarget.value.toLowerCase() })}
              error={errorOf('username')}
              data-autofocus={creating || undefined}
            />
            <TextInput
              label={t('users.fullName')}
              required
              name="fullName"
              value={draft.fullName}
              onChange={(event) => setDraft({ ...draft, fullName: event.currentTarget.value })}
              error={errorOf('fullName')}
              data-autofocus={!creating || undefined}
            />
          </SimpleGrid>
          <Select
            label={t('users.role')}
            required
            name="role"
            data={roleOptions}
            value={draft.role}
            onChange={(role) => setDraft({ ...draft, role: role as Role | null })}
            error={errorOf('role')}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="user-role"
          />
          <MultiSelect
            label={t('users.offices')}
            description={t('users.officesHint')}
            name="officeCodes"
            data={officeOptions}
            value={draft.officeCodes}
            onChange={(officeCodes) => setDraft({ ...draft, officeCodes })}
            error={errorOf('officeCodes')}
            searchable
            clearable
            comboboxProps={{ withinPortal: true }}
            data-testid="user-offices"
          />
          <RegionMultiSelect
            label={t('users.areas')}
            description={t('users.areasHint')}
            value={draft.areaCodes}
            onChange={(areaCodes) => setDraft({ ...draft, areaCodes })}
            error={areaError}
            data-testid="user-areas"
          />
          {creating && (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <PasswordInput
                label={t('users.password')}
                description={t('setup.passwordHint')}
                required
                name="password"
                autoComplete="new-password"
                value={draft.password}
                onChange={(event) => setDraft({ ...draft, password: event.currentTarget.value })}
                error={errorOf('password')}
              />
              <PasswordInput
                label={t('users.confirmPassword')}
                required
                name="confirm"
                autoComplete="new-password"
                value={draft.confirm}
                onChange={(event) => setDraft({ ...draft, confirm: event.currentTarget.value })}
                error={errorOf('confirm')}
              />
            </SimpleGrid>
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {creating ? t('common.create') : t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function ResetPasswordModal({ user, opened, onClose }: { user: UserView; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateUsers();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [checked, setChecked] = useState(false);
  const reset = useMutation({
    mutationFn: () => api.post(`/api/v1/users/${user.id}/password`, { password }),
    onSuccess: () => {
      invalidate();
      toast.success(t('users.resetDone', { username: user.username }));
      onClose();
    },
  });
  const local = {
    password: password.length >= 8 ? undefined : t('setup.passwordHint'),
    confirm: confirm === password ? undefined : t('setup.passwordMismatch'),
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!local.password && !local.confirm) reset.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('users.resetTitle', { username: user.username })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={reset.error} fields={['password']} />
          <PasswordInput
            label={t('users.newPassword')}
            description={t('setup.passwordHint')}
            required
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={(checked ? local.password : undefined) ?? fieldError(reset.error, 'password')}
            data-autofocus
          />
          <PasswordInput
            label={t('users.confirmPassword')}
            required
            autoComplete="new-password"
            value={confirm}
            onChange={(event) => setConfirm(event.currentTarget.value)}
            error={checked ? local.confirm : undefined}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={reset.isPending}>
              {t('users.resetPassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
