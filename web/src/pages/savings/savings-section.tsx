// The person page's "Simpanan": the member's accounts with balances, opening one, leaving.
import { Anchor, Badge, Button, Card, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { officesQuery } from '../../api/queries.ts';
import {
  KINDS,
  personSavingsQuery,
  type SavingsAccountView,
  type SavingsKind,
  savingsSettingsQuery,
  useInvalidateSavings,
  useLeave,
} from '../../api/savings.ts';
import { useSignedIn } from '../../auth/session.ts';
import { FormError, fieldError } from '../../components/error-alert.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { formatRupiah, rupiahSum } from '../../components/rupiah-input.tsx';
import { ListStates } from '../../components/states.tsx';
import { useToast } from '../../components/toast.tsx';
import { SavingsSettingsButton } from './settings-modal.tsx';
import { canMoveSavings, canReadSavings, SavingsKindBadge } from './shared.tsx';

export function SavingsSection({ personId, deceased }: { personId: string; deceased: boolean }) {
  const me = useSignedIn();
  if (!canReadSavings(me.role)) return null;
  return <SavingsAccounts personId={personId} deceased={deceased} />;
}

function SavingsAccounts({ personId, deceased }: { personId: string; deceased: boolean }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const accounts = useQuery(personSavingsQuery(personId));
  const [dialog, setDialog] = useState<'open' | 'leave' | null>(null);
  const rows = accounts.data ?? [];
  const open = rows.filter((a) => a.status === 'open');
  const missing = KINDS.filter((kind) => !open.some((a) => a.kind === kind));
  const teller = canMoveSavings(me.role);

  return (
    <Stack gap="sm" data-testid="savings-section">
      <Group justify="space-between" gap="xs">
        <Title order={3} size="h4">
          {t('savings.title')}
        </Title>
        {teller && (
          <Group gap="xs">
            <SavingsSettingsButton />
            {open.length > 0 && (
              <Button size="xs" variant="subtle" color="red" onClick={() => setDialog('leave')}>
                {t('savings.leave')}
              </Button>
            )}
            {!deceased && missing.length > 0 && (
              <Button size="xs" variant="light" leftSection={<PlusIcon size={14} />} onClick={() => setDialog('open')}>
                {t('savings.open')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      <ListStates query={accounts} count={rows.length} empty={t('savings.empty')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" data-testid="savings-accounts">
          {rows.map((account) => (
            <AccountCard key={account.id} account={account} />
          ))}
        </SimpleGrid>
      </ListStates>
      {dialog === 'open' && <OpenAccountModal personId={personId} kinds={missing} onClose={() => setDialog(null)} />}
      {dialog === 'leave' && <LeaveModal personId={personId} accounts={open} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

function AccountCard({ account }: { account: SavingsAccountView }) {
  const { t } = useTranslation();
  const closed = account.status === 'closed';
  return (
    <Card withBorder radius="md" padding="sm" data-testid="savings-account" opacity={closed ? 0.7 : 1}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <SavingsKindBadge kind={account.kind} />
        {closed && (
          <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>
            {t('savings.closed')}
          </Badge>
        )}
      </Group>
      <Anchor component={Link} to={`/savings/${account.id}`} size="sm" mt={6} ff="monospace">
        {account.number}
      </Anchor>
      <Text fw={700} size="lg" data-testid="savings-balance">
        {formatRupiah(account.balance)}
      </Text>
    </Card>
  );
}

function OpenAccountModal({ personId, kinds, onClose }: { personId: string; kinds: SavingsKind[]; onClose(): void }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const toast = useToast();
  const invalidate = useInvalidateSavings();
  const settings = useQuery(savingsSettingsQuery);
  // Admins work organisation-wide: every office, not only those they are listed at.
  const allOffices = useQuery({ ...officesQuery(false), enabled: me.role === 'admin' });
  const offices = me.role === 'admin' && allOffices.data ? allOffices.data : me.offices;
  const [kind, setKind] = useState<SavingsKind | null>(kinds[0] ?? null);
  const [officeCode, setOfficeCode] = useState<string | null>(me.offices.length === 1 ? (me.offices[0]?.code ?? null) : null);
  const [checked, setChecked] = useState(false);
  const save = useMutation({
    mutationFn: () => api.post<SavingsAccountView>('/api/v1/savings/accounts', { personId, kind, officeCode }),
    onSuccess: async (account) => {
      await invalidate();
      toast.success(t('savings.opened', { number: account.number }));
      onClose();
    },
  });
  const amount = kind === 'pokok' ? settings.data?.pokokAmount : kind === 'wajib' ? settings.data?.wajibAmount : undefined;
  return (
    <Modal opened onClose={onClose} title={t('savings.openTitle')} centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          if (kind && officeCode) save.mutate();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Select
            label={t('savings.kind')}
            required
            data={kinds.map((k) => ({ value: k, label: t(`savings.kinds.${k}`) }))}
            value={kind}
            onChange={(value) => setKind(value as SavingsKind | null)}
            description={kind ? t(`savings.kindHints.${kind}`, { amount: amount ? formatRupiah(amount) : '…' }) : undefined}
            error={(checked && !kind ? t('common.required') : undefined) ?? fieldError(save.error, 'kind')}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('savings.office')}
            required
            data={offices.map((o) => ({ value: o.code, label: `${o.code} — ${o.name}` }))}
            value={officeCode}
            onChange={setOfficeCode}
            error={(checked && !officeCode ? t('common.required') : undefined) ?? fieldError(save.error, 'officeCode')}
            comboboxProps={{ withinPortal: true }}
          />
          <FormError error={save.error} fields={['kind', 'officeCode']} />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('savings.open')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function LeaveModal({ personId, accounts, onClose }: { personId: string; accounts: SavingsAccountView[]; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const total = rupiahSum(accounts.map((a) => a.balance));
  const leave = useLeave(personId, (result) => {
    toast.success(t('savings.left', { amount: formatRupiah(result.paidOut) }));
    onClose();
  });
  const tooShort = reason.trim().length < 3;
  return (
    <Modal opened onClose={onClose} title={t('savings.leaveTitle')} centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          if (!tooShort) leave.mutate({ reason: reason.trim() });
        }}
        noValidate
      >
        <Stack gap="sm">
          <Text size="sm">{t('savings.leaveBody', { amount: formatRupiah(total) })}</Text>
          <TextInput
            label={t('savings.reason')}
            required
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={(checked && tooShort ? t('common.required') : undefined) ?? fieldError(leave.error, 'reason')}
          />
          <FormError error={leave.error} fields={['reason']} />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={leave.isPending}>
              {t('savings.leave')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
