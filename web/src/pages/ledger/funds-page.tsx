import { Anchor, Button, Card, Group, Modal, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ACCOUNTS } from '../../../../src/modules/ledger/accounts.rules.ts';
import { api } from '../../api/client.ts';
import { FUND_KIND_LIST, type Fund, type FundKind, useFunds } from '../../api/ledger.ts';
import { useOffices } from '../../api/queries.ts';
import { useGroups } from '../../api/registry.ts';
import { useSignedIn } from '../../auth/session.ts';
import { DateField } from '../../components/date-field.tsx';
import { FormError, fieldError } from '../../components/error-alert.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RupiahInput } from '../../components/rupiah-input.tsx';
import { ListStates } from '../../components/states.tsx';
import { useToast } from '../../components/toast.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { canKeepLedger } from '../../nav.ts';
import { todayIso } from '../registry/shared.tsx';
import { Amount, FundKindBadge, fundPath } from './ledger-shared.tsx';

/** The funds in scope with capital, cash and what is lent out, each opening its page; keepers define new ones. */
export function FundsPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const isPhone = useIsPhone();
  const funds = useFunds();
  const rows = funds.data ?? [];
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="md">
      <PageHeader title={t('ledger.fundsTitle')}>
        {canKeepLedger(me.role) && (
          <Button leftSection={<PlusIcon size={16} />} onClick={() => setCreating(true)}>
            {t('ledger.addFund')}
          </Button>
        )}
      </PageHeader>
      <ListStates query={funds} count={rows.length} empty={t('ledger.fundsEmpty')}>
        {isPhone ? (
          <Stack gap="sm" data-testid="funds-list">
            {rows.map((fund) => (
              <Card key={fund.id} withBorder radius="md" padding="sm" data-testid="fund-row">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Stack gap={0} miw={0}>
                    <Anchor component={Link} to={fundPath(fund.id)} fw={600}>
                      {fund.code}
                    </Anchor>
                    <Text size="sm">{fund.name}</Text>
                  </Stack>
                  <FundKindBadge kind={fund.kind} />
                </Group>
                <FundFigures fund={fund} />
              </Card>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table striped verticalSpacing={6} data-testid="funds-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('ledger.fundCode')}</Table.Th>
                  <Table.Th>{t('ledger.fundName')}</Table.Th>
                  <Table.Th>{t('ledger.fundKind')}</Table.Th>
                  <Table.Th>{t('ledger.office')}</Table.Th>
                  <Table.Th ta="right">{t('ledger.capital')}</Table.Th>
                  <Table.Th ta="right">{t('ledger.cash')}</Table.Th>
                  <Table.Th ta="right">{t('ledger.outstanding')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((fund) => (
                  <Table.Tr key={fund.id} data-testid="fund-row">
                    <Table.Td>
                      <Anchor component={Link} to={fundPath(fund.id)} fw={600} size="sm">
                        {fund.code}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{fund.name}</Text>
                      <Text size="xs" c="dimmed">
                        {fund.source}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <FundKindBadge kind={fund.kind} />
                    </Table.Td>
                    <Table.Td>{fund.officeCode}</Table.Td>
                    <Table.Td ta="right">
                      <Amount value={fund.capital} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Amount value={fund.cash} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Amount value={fund.outstanding} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListStates>
      {creating && <NewFundModal onClose={() => setCreating(false)} />}
    </Stack>
  );
}

function FundFigures({ fund }: { fund: Fund }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={3} spacing={4} mt="xs">
      {(['capital', 'cash', 'outstanding'] as const).map((key) => (
        <Stack key={key} gap={0}>
          <Text size="xs" c="dimmed">
            {t(`ledger.${key}`)}
          </Text>
          <Amount value={fund[key]} />
        </Stack>
      ))}
    </SimpleGrid>
  );
}

type Draft = {
  code: string;
  name: string;
  kind: FundKind;
  source: string;
  officeCode: string | null;
  groupId: string | null;
  initialCapital: string;
  capitalDate: string;
  cashAccount: typeof ACCOUNTS.bankCash | typeof ACCOUNTS.tellerCash;
};

const FIELDS = ['code', 'name', 'kind', 'source', 'officeCode', 'groupId', 'initialCapital', 'capitalDate', 'cashAccount'];

function NewFundModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const toast = useToast();
  const queryClient = useQueryClient();
  const offices = useOffices();
  const [draft, setDraft] = useState<Draft>({
    code: '',
    name: '',
    kind: 'stimulus',
    source: '',
    officeCode: me.offices[0]?.code ?? null,
    groupId: null,
    initialCapital: '',
    capitalDate: todayIso(),
    cashAccount: ACCOUNTS.bankCash,
  });
  const groups = useGroups({});
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((old) => ({ ...old, [key]: value }));
  const save = useMutation({
    mutationFn: () =>
      api.post<Fund>('/api/v1/funds', {
        code: draft.code,
        name: draft.name,
        kind: draft.kind,
        source: draft.source,
        officeCode: draft.officeCode,
        ...(draft.kind === 'group_revolving' && draft.groupId ? { groupId: draft.groupId } : {}),
        initialCapital: draft.initialCapital || '0',
        capitalDate: draft.capitalDate,
        cashAccount: draft.cashAccount,
      }),
    onSuccess: async (fund) => {
      toast.success(t('ledger.fundCreated', { code: fund.code }));
      await queryClient.invalidateQueries({ queryKey: ['ledger'] });
      onClose();
    },
  });
  const groupChoices = (groups.data?.pages ?? []).flatMap((page) => page.items).map((group) => ({ value: group.id, label: group.name }));
  return (
    <Modal opened onClose={onClose} title={t('ledger.addFund')} centered size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('ledger.fundCode')}
              description={t('ledger.fundCodeHint')}
              value={draft.code}
              onChange={(event) => set('code', event.currentTarget.value.toUpperCase())}
              required
              error={fieldError(save.error, 'code')}
            />
            <TextInput
              label={t('ledger.fundName')}
              value={draft.name}
              onChange={(event) => set('name', event.currentTarget.value)}
              required
              error={fieldError(save.error, 'name')}
            />
            <Select
              label={t('ledger.fundKind')}
              data={FUND_KIND_LIST.map((kind) => ({ value: kind, label: t(`ledger.fundKinds.${kind}`) }))}
              value={draft.kind}
              onChange={(kind) => set('kind', (kind as FundKind) ?? 'stimulus')}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            {draft.kind === 'group_revolving' && (
              <Select
                label={t('ledger.fundGroup')}
                data={groupChoices}
                value={draft.groupId}
                onChange={(id) => set('groupId', id)}
                searchable
                required
                error={fieldError(save.error, 'groupId')}
                comboboxProps={{ withinPortal: true }}
              />
            )}
            <TextInput
              label={t('ledger.fundSource')}
              placeholder={t('ledger.fundSourceHint')}
              value={draft.source}
              onChange={(event) => set('source', event.currentTarget.value)}
              required
              error={fieldError(save.error, 'source')}
            />
            <Select
              label={t('ledger.office')}
              data={(offices.data ?? []).map((office) => ({ value: office.code, label: `${office.code} · ${office.name}` }))}
              value={draft.officeCode}
              onChange={(code) => set('officeCode', code)}
              required
              error={fieldError(save.error, 'officeCode')}
              comboboxProps={{ withinPortal: true }}
            />
            <RupiahInput
              label={t('ledger.initialCapital')}
              value={draft.initialCapital}
              onChange={(digits) => set('initialCapital', digits)}
              error={fieldError(save.error, 'initialCapital')}
            />
            <DateField
              label={t('ledger.capitalDate')}
              value={draft.capitalDate}
              onChange={(event) => set('capitalDate', event.currentTarget.value)}
              error={fieldError(save.error, 'capitalDate')}
            />
            <Select
              label={t('ledger.cashAccount')}
              data={([ACCOUNTS.bankCash, ACCOUNTS.tellerCash] as const).map((code) => ({
                value: code,
                label: `${code} · ${t(code === ACCOUNTS.bankCash ? 'ledger.cashAccounts.bank' : 'ledger.cashAccounts.teller')}`,
              }))}
              value={draft.cashAccount}
              onChange={(code) => set('cashAccount', (code as Draft['cashAccount']) ?? ACCOUNTS.bankCash)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
          <FormError error={save.error} fields={FIELDS} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
