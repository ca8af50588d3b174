import { ActionIcon, Anchor, Badge, Button, Group, Menu, Modal, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { nextChildCode } from '../../../../src/modules/ledger/accounts.rules.ts';
import { ACCOUNT_SCHEME_LIST, type Account, type AccountScheme, accountsQuery, createAccount, updateAccount } from '../../api/ledger.ts';
import { useSignedIn } from '../../auth/session.ts';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { FormError, fieldError } from '../../components/error-alert.tsx';
import { DotsIcon, PlusIcon } from '../../components/icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ListStates } from '../../components/states.tsx';
import { useToast } from '../../components/toast.tsx';
import { canKeepLedger } from '../../nav.ts';
import { TypeBadge } from './ledger-shared.tsx';

type Dialog = { kind: 'add' } | { kind: 'rename' | 'active'; account: Account } | null;

/**
 * The chart of accounts as a tree: headers in bold, postable accounts open their ledger, inactive
 * ones marked. Admins and managers add an account under a group, rename, deactivate or reactivate.
 */
export function AccountsPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const keeper = canKeepLedger(me.role);
  const accounts = useQuery(accountsQuery);
  const rows = accounts.data ?? [];
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  return (
    <Stack gap="md">
      <PageHeader title={t('ledger.chartTitle')}>
        {keeper && (
          <Button leftSection={<PlusIcon size={16} />} onClick={() => setDialog({ kind: 'add' })} disabled={!accounts.data}>
            {t('ledger.chart.add')}
          </Button>
        )}
      </PageHeader>
      <Text size="sm" c="dimmed">
        {t('ledger.chartIntro')}
      </Text>
      <ListStates query={accounts} count={rows.length} empty={t('common.empty')}>
        <Table verticalSpacing={6} highlightOnHover data-testid="chart-of-accounts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={72}>{t('ledger.code')}</Table.Th>
              <Table.Th>{t('ledger.account')}</Table.Th>
              {keeper && <Table.Th w={40} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((account) => {
              const depth = account.code.split('.').length - 1;
              return (
                <Table.Tr
                  key={account.code}
                  data-testid="account-row"
                  data-active={account.active}
                  c={account.active ? undefined : 'dimmed'}
                >
                  <Table.Td>
                    <Text size="sm" fw={account.postable ? undefined : 700} style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {account.code}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} pl={depth * 14} wrap="wrap">
                      {account.postable ? (
                        <Anchor
                          component={Link}
                          to={`/finance/ledger?account=${encodeURIComponent(account.code)}`}
                          size="sm"
                          c={account.active ? undefined : 'dimmed'}
                        >
                          {account.name}
                        </Anchor>
                      ) : (
                        <Text size="sm" fw={700}>
                          {account.name}
                        </Text>
                      )}
                      {depth === 0 && <TypeBadge type={account.type} />}
                      {!account.active && (
                        <Badge size="sm" variant="filled" color="gray" style={{ textTransform: 'none' }} data-testid="account-inactive">
                          {t('ledger.chart.inactive')}
                        </Badge>
                      )}
                      {account.contra && (
                        <Badge size="sm" variant="outline" color="gray" style={{ textTransform: 'none' }}>
                          {t('ledger.contra')}
                        </Badge>
                      )}
                      {account.scheme !== 'both' && (
                        <Badge
                          size="sm"
                          variant="light"
                          color={account.scheme === 'sharia' ? 'green' : 'gray'}
                          style={{ textTransform: 'none' }}
                        >
                          {t(`ledger.schemes.${account.scheme}`)}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  {keeper && (
                    <Table.Td px={0}>
                      <AccountActions account={account} open={(kind) => setDialog({ kind, account })} />
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ListStates>
      {dialog?.kind === 'add' && <AddAccountModal accounts={rows} onClose={close} />}
      {dialog?.kind === 'rename' && <RenameModal account={dialog.account} onClose={close} />}
      {dialog?.kind === 'active' && <ActiveModal account={dialog.account} onClose={close} />}
    </Stack>
  );
}

function AccountActions({ account, open }: { account: Account; open(kind: 'rename' | 'active'): void }) {
  const { t } = useTranslation();
  const locked = account.active && account.system;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('ledger.chart.actions', { code: account.code })}>
          <DotsIcon />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => open('rename')}>{t('ledger.chart.rename')}</Menu.Item>
        <Menu.Item color={account.active && !locked ? 'red' : undefined} disabled={locked} onClick={() => open('active')}>
          {locked ? t('ledger.chart.systemLocked') : account.active ? t('ledger.chart.deactivate') : t('ledger.chart.reactivate')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

const useAfterSave = () => {
  const queryClient = useQueryClient();
  const toast = useToast();
  return async (message: string, onClose: () => void) => {
    await queryClient.invalidateQueries({ queryKey: ['ledger'] });
    toast.success(message);
    onClose();
  };
};

const ADD_FIELDS = ['parentCode', 'code', 'nameId', 'nameEn', 'scheme'];

function AddAccountModal({ accounts, onClose }: { accounts: Account[]; onClose(): void }) {
  const { t } = useTranslation();
  const afterSave = useAfterSave();
  const groups = accounts.filter((account) => !account.postable && account.active);
  const codes = accounts.map((account) => account.code);
  const [parentCode, setParentCode] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [nameId, setNameId] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [scheme, setScheme] = useState<AccountScheme>('both');
  const [tried, setTried] = useState(false);
  const parent = groups.find((group) => group.code === parentCode);
  const save = useMutation({
    mutationFn: () => createAccount({ parentCode: parentCode ?? '', code: code.trim(), nameId, nameEn, scheme }),
    onSuccess: (account) => afterSave(t('ledger.chart.added', { code: account.code }), onClose),
  });
  const missing = (value: string | null) => (tried && !value?.trim() ? t('ledger.chart.required') : undefined);
  const pickGroup = (value: string | null) => {
    setParentCode(value);
    setCode(value ? (nextChildCode(value, codes) ?? '') : '');
  };
  return (
    <Modal opened onClose={onClose} title={t('ledger.chart.addTitle')} centered size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (parentCode && code.trim() && nameId.trim() && nameEn.trim()) save.mutate();
        }}
      >
        <Stack gap="sm">
          {groups.length === 0 && <Text size="sm">{t('ledger.chart.noGroups')}</Text>}
          <Select
            label={t('ledger.chart.group')}
            description={t('ledger.chart.groupHint')}
            data={groups.map((group) => ({ value: group.code, label: `${group.code} · ${group.name}` }))}
            value={parentCode}
            onChange={pickGroup}
            searchable
            required
            error={missing(parentCode) ?? fieldError(save.error, 'parentCode')}
            comboboxProps={{ withinPortal: true }}
          />
          {parent && (
            <Text size="sm" c="dimmed" data-testid="account-type-from-group">
              {t('ledger.chart.typeFromGroup', { type: t(`ledger.types.${parent.type}`) })}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('ledger.chart.code')}
              description={t('ledger.chart.codeHint')}
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
              inputMode="decimal"
              required
              error={missing(code) ?? fieldError(save.error, 'code')}
            />
            <Select
              label={t('ledger.chart.scheme')}
              data={ACCOUNT_SCHEME_LIST.map((value) => ({ value, label: t(`ledger.chart.schemeChoices.${value}`) }))}
              value={scheme}
              onChange={(value) => setScheme((value as AccountScheme | null) ?? 'both')}
              allowDeselect={false}
              error={fieldError(save.error, 'scheme')}
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput
              label={t('ledger.chart.nameId')}
              placeholder={t('ledger.chart.nameIdHint')}
              value={nameId}
              onChange={(event) => setNameId(event.currentTarget.value)}
              required
              error={missing(nameId) ?? fieldError(save.error, 'nameId')}
            />
            <TextInput
              label={t('ledger.chart.nameEn')}
              placeholder={t('ledger.chart.nameEnHint')}
              value={nameEn}
              onChange={(event) => setNameEn(event.currentTarget.value)}
              required
              error={missing(nameEn) ?? fieldError(save.error, 'nameEn')}
            />
          </SimpleGrid>
          <FormError error={save.error} fields={ADD_FIELDS} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('ledger.chart.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function RenameModal({ account, onClose }: { account: Account; onClose(): void }) {
  const { t } = useTranslation();
  const afterSave = useAfterSave();
  const [nameId, setNameId] = useState(account.nameId);
  const [nameEn, setNameEn] = useState(account.nameEn);
  const [tried, setTried] = useState(false);
  const changes = {
    ...(nameId.trim() !== account.nameId ? { nameId } : {}),
    ...(nameEn.trim() !== account.nameEn ? { nameEn } : {}),
  };
  const save = useMutation({
    mutationFn: () => updateAccount(account.code, changes),
    onSuccess: () => afterSave(t('ledger.chart.renamed', { code: account.code }), onClose),
  });
  const missing = (value: string) => (tried && !value.trim() ? t('ledger.chart.required') : undefined);
  return (
    <Modal opened onClose={onClose} title={t('ledger.chart.renameTitle', { code: account.code })} centered>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (!nameId.trim() || !nameEn.trim()) return;
          if (Object.keys(changes).length === 0) onClose();
          else save.mutate();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('ledger.chart.nameId')}
            value={nameId}
            onChange={(event) => setNameId(event.currentTarget.value)}
            required
            error={missing(nameId) ?? fieldError(save.error, 'nameId')}
            data-autofocus
          />
          <TextInput
            label={t('ledger.chart.nameEn')}
            value={nameEn}
            onChange={(event) => setNameEn(event.currentTarget.value)}
            required
            error={missing(nameEn) ?? fieldError(save.error, 'nameEn')}
          />
          <FormError error={save.error} fields={['nameId', 'nameEn']} />
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

/** Deactivate or reactivate after a confirmation; the server's 409 (a balance, a system account) is shown in it. */
function ActiveModal({ account, onClose }: { account: Account; onClose(): void }) {
  const { t } = useTranslation();
  const afterSave = useAfterSave();
  const deactivating = account.active;
  const save = useMutation({
    mutationFn: () => updateAccount(account.code, { active: !deactivating }),
    onSuccess: () => afterSave(t(deactivating ? 'ledger.chart.deactivated' : 'ledger.chart.reactivated', { code: account.code }), onClose),
  });
  const names = { code: account.code, name: account.name };
  return (
    <ConfirmModal
      opened
      title={t(deactivating ? 'ledger.chart.deactivateTitle' : 'ledger.chart.reactivateTitle', names)}
      body={t(deactivating ? 'ledger.chart.deactivateBody' : 'ledger.chart.reactivateBody', names)}
      confirmLabel={t(deactivating ? 'ledger.chart.deactivateYes' : 'ledger.chart.reactivateYes')}
      danger={deactivating}
      loading={save.isPending}
      error={save.error}
      onConfirm={() => save.mutate()}
      onClose={onClose}
    />
  );
}
