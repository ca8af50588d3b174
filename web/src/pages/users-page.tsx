import { ActionIcon, Alert, Badge, Button, Card, Group, Menu, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api } from '../api/client.ts';
import { useOffices, useUsers } from '../api/queries.ts';
import type { UserView } from '../api/types.ts';
import { useSignedIn } from '../auth/session.ts';
import { ConfirmModal } from '../components/confirm-modal.tsx';
import { DotsIcon, PlusIcon, SearchIcon } from '../components/icons.tsx';
import { LoadMore } from '../components/load-more.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ListStates } from '../components/states.tsx';
import { useToast } from '../components/toast.tsx';
import { useIsPhone } from '../components/use-is-phone.ts';
import { canAdminister } from '../nav.ts';
import { ResetPasswordModal, UserFormModal, useInvalidateUsers, useRoleOptions } from './user-modals.tsx';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; user: UserView }
  | { kind: 'password'; user: UserView }
  | { kind: 'active'; user: UserView };

export function UsersPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const editable = canAdminister(me.role);
  const isPhone = useIsPhone();
  const roleOptions = useRoleOptions();
  const offices = useOffices(true);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [role, setRole] = useState<string | null>(null);
  const [office, setOffice] = useState<string | null>(null);
  // "Locked out" comes from the address too (/users?locked=true): the admin's home count opens this list.
  const [params, setParams] = useSearchParams();
  const [active, setStatus] = useState<string | null>(params.get('locked') === 'true' ? 'locked' : params.get('active'));
  const setActive = (value: string | null) => {
    setStatus(value);
    setParams(value === 'locked' ? { locked: 'true' } : value ? { active: value } : {}, { replace: true });
  };
  const users = useUsers({
    q: q || undefined,
    role: role ?? undefined,
    office: office ?? undefined,
    active: active === 'locked' ? undefined : (active ?? undefined),
    locked: active === 'locked' ? 'true' : undefined,
  });
  const rows = users.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(q || role || office || active);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);

  const actionsOf = (user: UserView) =>
    editable ? <UserActions user={user} isSelf={user.id === me.id} open={(kind) => setDialog({ kind, user })} /> : null;

  return (
    <Stack gap="md">
      <PageHeader title={t('users.title')}>
        {editable && (
          <Button leftSection={<PlusIcon size={16} />} onClick={() => setDialog({ kind: 'create' })}>
            {t('users.add')}
          </Button>
        )}
      </PageHeader>
      {!editable && (
        <Alert color="gray" variant="light">
          {t('users.readOnly')}
        </Alert>
      )}

      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <TextInput
          aria-label={t('common.search')}
          placeholder={t('users.searchPlaceholder')}
          leftSection={<SearchIcon size={16} />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          type="search"
        />
        <Select
          aria-label={t('users.role')}
          placeholder={t('users.allRoles')}
          data={roleOptions}
          value={role}
          onChange={setRole}
          clearable
        />
        <Select
          aria-label={t('users.office')}
          placeholder={t('users.allOffices')}
          data={(offices.data ?? []).map((o) => ({ value: o.code, label: `${o.code} — ${o.name}` }))}
          value={office}
          onChange={setOffice}
          clearable
          searchable
        />
        <Select
          aria-label={t('common.status')}
          data={[
            { value: 'true', label: t('common.active') },
            { value: 'false', label: t('common.inactive') },
            { value: 'locked', label: t('users.lockedOut') },
          ]}
          placeholder={t('users.allStatuses')}
          value={active}
          onChange={setActive}
          clearable
        />
      </SimpleGrid>

      <ListStates query={users} count={rows.length} empty={filtered ? t('common.noResults') : t('users.empty')}>
        {isPhone ? (
          <Stack gap="sm" data-testid="users-list">
            {rows.map((user) => (
              <Card key={user.id} withBorder radius="md" padding="sm" data-testid="user-row">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Stack gap={2} miw={0}>
                    <Text fw={600} truncate>
                      {user.fullName}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {user.username}
                    </Text>
                  </Stack>
                  {actionsOf(user)}
                </Group>
                <Group gap={6} mt="xs">
                  <RoleBadge user={user} />
                  {!user.active && <InactiveBadge />}
                  <OfficeBadges user={user} />
                </Group>
              </Card>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={700}>
            <Table striped highlightOnHover verticalSpacing="xs" data-testid="users-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('users.username')}</Table.Th>
                  <Table.Th>{t('users.fullName')}</Table.Th>
                  <Table.Th>{t('users.role')}</Table.Th>
                  <Table.Th>{t('users.offices')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                  {editable && <Table.Th w={60} aria-label={t('common.actions')} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((user) => (
                  <Table.Tr key={user.id} data-testid="user-row">
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {user.username}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {user.fullName}
                      {user.id === me.id && (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          ({t('users.you')})
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <RoleBadge user={user} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <OfficeBadges user={user} />
                      </Group>
                    </Table.Td>
                    <Table.Td>{user.active ? <Text size="sm">{t('common.active')}</Text> : <InactiveBadge />}</Table.Td>
                    {editable && <Table.Td>{actionsOf(user)}</Table.Td>}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMore hasMore={users.hasNextPage} loading={users.isFetchingNextPage} onLoad={() => void users.fetchNextPage()} />
      </ListStates>

      {dialog?.kind === 'create' && <UserFormModal user={null} opened onClose={close} />}
      {dialog?.kind === 'edit' && <UserFormModal key={dialog.user.id} user={dialog.user} opened onClose={close} />}
      {dialog?.kind === 'password' && <ResetPasswordModal user={dialog.user} opened onClose={close} />}
      {dialog?.kind === 'active' && <ActiveModal user={dialog.user} onClose={close} />}
    </Stack>
  );
}

function RoleBadge({ user }: { user: UserView }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={user.role === 'admin' ? 'grape' : 'teal'} style={{ textTransform: 'none' }}>
      {t(`roles.${user.role}`)}
    </Badge>
  );
}

function InactiveBadge() {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>
      {t('common.inactive')}
    </Badge>
  );
}

function OfficeBadges({ user }: { user: UserView }) {
  const { t } = useTranslation();
  return [
    ...user.offices.map((office) => (
      <Badge key={office.id} variant="default" title={office.name} style={{ textTransform: 'none' }}>
        {office.code}
      </Badge>
    )),
    // An official's area narrows the offices' regions (a lurah's kelurahan).
    ...user.areaCodes.map((code) => (
      <Badge key={code} variant="light" color="grape" title={t('users.areas')} style={{ textTransform: 'none' }} data-testid="user-area">
        {code}
      </Badge>
    )),
  ];
}

function UserActions({ user, isSelf, open }: { user: UserView; isSelf: boolean; open(kind: 'edit' | 'password' | 'active'): void }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={`${t('common.actions')}: ${user.username}`}>
          <DotsIcon />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => open('edit')}>{t('common.edit')}</Menu.Item>
        <Menu.Item onClick={() => open('password')}>{t('users.resetPassword')}</Menu.Item>
        {!isSelf && (
          <Menu.Item color={user.active ? 'red' : undefined} onClick={() => open('active')}>
            {user.active ? t('users.deactivate') : t('users.reactivate')}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

function ActiveModal({ user, onClose }: { user: UserView; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateUsers();
  const deactivating = user.active;
  const change = useMutation({
    mutationFn: () => api.patch<UserView>(`/api/v1/users/${user.id}`, { active: !deactivating }),
    onSuccess: () => {
      invalidate();
      toast.success(t(deactivating ? 'users.deactivated' : 'users.reactivated', { username: user.username }));
      onClose();
    },
  });
  return (
    <ConfirmModal
      opened
      onClose={onClose}
      title={t(deactivating ? 'users.deactivateTitle' : 'users.reactivateTitle', { username: user.username })}
      body={t(deactivating ? 'users.deactivateBody' : 'users.reactivateBody', { name: user.fullName })}
      confirmLabel={deactivating ? t('users.deactivate') : t('users.reactivate')}
      danger={deactivating}
      loading={change.isPending}
      error={change.error}
      onConfirm={() => change.mutate()}
    />
  );
}
