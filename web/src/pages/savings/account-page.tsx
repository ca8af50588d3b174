// One savings account: particulars, balance, deposit and withdrawal, the statement, the passbook.
import { Alert, Anchor, Badge, Button, Card, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import {
  type MovementKind,
  passbookUrl,
  type SavingsAccountDetail,
  type SavingsMovementView,
  savingsSettingsQuery,
  useMovement,
  useReverseMovement,
  useSavingsAccount,
} from '../../api/savings.ts';
import { useSignedIn } from '../../auth/session.ts';
import { ErrorAlert, FormError, fieldError } from '../../components/error-alert.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { DownloadIcon } from '../../components/registry-icons.tsx';
import { formatRupiah, RupiahInput } from '../../components/rupiah-input.tsx';
import { useToast } from '../../components/toast.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { useFormatMonth } from '../cadres/family-dues.tsx';
import { NotFoundPage } from '../not-found-page.tsx';
import { Detail, GroupedDigits, useFormatDate } from '../registry/shared.tsx';
import { SavingsSettingsButton } from './settings-modal.tsx';
import { canCorrectSavings, canMoveSavings, canReadSavings, SavingsKindBadge, SignedRupiah } from './shared.tsx';

export function SavingsAccountPage() {
  const me = useSignedIn();
  return canReadSavings(me.role) ? <SavingsAccount /> : <NotFoundPage />;
}

function SavingsAccount() {
  const { id = '' } = useParams();
  const account = useSavingsAccount(id);
  if (account.isPending) return <PageLoader />;
  if (account.isError) {
    if (account.error instanceof ApiError && (account.error.status === 404 || account.error.status === 422)) return <NotFoundPage />;
    return <ErrorAlert error={account.error} onRetry={() => void account.refetch()} />;
  }
  const pages = account.data.pages;
  const first = pages[0] as SavingsAccountDetail;
  return (
    <AccountView
      account={first}
      movements={pages.flatMap((page) => page.movements)}
      more={{ hasMore: account.hasNextPage, loading: account.isFetchingNextPage, onLoad: () => void account.fetchNextPage() }}
    />
  );
}

type More = { hasMore: boolean; loading: boolean; onLoad: () => void };

function AccountView({ account, movements, more }: { account: SavingsAccountDetail; movements: SavingsMovementView[]; more: More }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const formatDate = useFormatDate();
  const open = account.status === 'open';
  const teller = canMoveSavings(me.role) && open;

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Anchor component={Link} to={`/persons/${account.person.id}`} size="sm">
          ← {account.person.fullName}
        </Anchor>
        <Group gap="xs">
          <Title order={1} size="h2" data-testid="savings-number" ff="monospace">
            {account.number}
          </Title>
          <SavingsKindBadge kind={account.kind} />
          {!open && (
            <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>
              {t('savings.closed')}
            </Badge>
          )}
        </Group>
      </Stack>

      <Paper withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          <Detail label={t('savings.balance')} testId="savings-account-balance">
            <Text fw={700} size="xl">
              {formatRupiah(account.balance)}
            </Text>
          </Detail>
          <Detail label={t('savings.member')}>
            <Stack gap={0}>
              <Text size="sm">{account.person.fullName}</Text>
              <GroupedDigits value={account.person.nik} />
            </Stack>
          </Detail>
          <Detail label={t('savings.office')}>{`${account.officeCode} — ${account.officeName}`}</Detail>
          <Detail label={open ? t('savings.openedOn') : t('savings.closedOn')}>
            {formatDate(open ? account.openedOn : account.closedOn)}
          </Detail>
        </SimpleGrid>
        <Group mt="md" justify="space-between">
          <Button
            component="a"
            href={passbookUrl(account.id)}
            target="_blank"
            rel="noopener"
            variant="light"
            size="xs"
            leftSection={<DownloadIcon size={14} />}
          >
            {t('savings.passbook')}
          </Button>
          <SavingsSettingsButton />
        </Group>
      </Paper>

      {account.wajib && <WajibStandingNote standing={account.wajib} />}
      {!open && <Alert color="gray">{t('savings.closedAccount')}</Alert>}
      {open && !canMoveSavings(me.role) && (
        <Text size="sm" c="dimmed">
          {t('savings.readOnly')}
        </Text>
      )}
      {teller && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <MovementForm account={account} kind="deposits" />
          {account.withdrawable ? (
            <MovementForm account={account} kind="withdrawals" />
          ) : (
            <Alert color="gray" variant="light" data-testid="savings-not-withdrawable">
              {t('savings.notWithdrawable')}
            </Alert>
          )}
        </SimpleGrid>
      )}

      <Title order={3} size="h4">
        {t('savings.statement')}
      </Title>
      <Statement account={account} movements={movements} />
      <LoadMore {...more} />
    </Stack>
  );
}

/** A deposit or withdrawal form; its submission carries one Idempotency-Key, kept on retries. */
function MovementForm({ account, kind }: { account: SavingsAccountDetail; kind: MovementKind }) {
  const { t } = useTranslation();
  const toast = useToast();
  const settings = useQuery(savingsSettingsQuery);
  const deposit = kind === 'deposits';
  const pokokDue = deposit && account.kind === 'pokok' && account.balance === '0';
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [checked, setChecked] = useState(false);
  const movement = useMovement(account.id, kind, (result) => {
    const values = { amount: formatRupiah(result.movement.amount.replace('-', '')), balance: formatRupiah(result.account.balance) };
    toast.success(deposit ? t('savings.deposited', values) : t('savings.withdrawn', values));
    setAmount('');
    setNote('');
    setChecked(false);
  });
  const suggested = pokokDue ? settings.data?.pokokAmount : account.kind === 'wajib' && deposit ? settings.data?.wajibAmount : undefined;
  const hint =
    account.kind === 'sukarela' || !deposit
      ? undefined
      : t(`savings.kindHints.${account.kind}`, { amount: suggested ? formatRupiah(suggested) : '…' });
  if (deposit && account.kind === 'pokok' && !pokokDue) return null;
  const label = deposit ? t('savings.deposit') : t('savings.withdraw');

  return (
    <Paper withBorder radius="md" p="md" data-testid={`savings-${kind}-form`}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          if (amount && amount !== '0') movement.mutate({ amount, note: note.trim() || undefined });
        }}
        noValidate
      >
        <Stack gap="sm">
          <Text fw={600}>{deposit ? t('savings.depositTitle') : t('savings.withdrawTitle')}</Text>
          <RupiahInput
            label={t('savings.amount')}
            description={hint}
            required
            name={`${kind}-amount`}
            value={amount}
            onChange={(digits) => {
              setAmount(digits);
              movement.reset();
            }}
            error={(checked && (!amount || amount === '0') ? t('common.required') : undefined) ?? fieldError(movement.error, 'amount')}
          />
          {suggested && !amount && (
            <Anchor component="button" type="button" size="xs" onClick={() => setAmount(suggested)} ta="left">
              {formatRupiah(suggested)}
            </Anchor>
          )}
          <TextInput label={t('savings.note')} value={note} maxLength={200} onChange={(event) => setNote(event.currentTarget.value)} />
          <FormError error={movement.error} fields={['amount', 'note']} />
          {movement.isPending && movement.failureCount > 0 && (
            <Text size="xs" c="dimmed">
              {t('savings.retrying')}
            </Text>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={movement.isPending} color={deposit ? 'teal' : 'orange'}>
              {label}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function Statement({ account, movements }: { account: SavingsAccountDetail; movements: SavingsMovementView[] }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const isPhone = useIsPhone();
  const formatDate = useFormatDate();
  const [reversing, setReversing] = useState<SavingsMovementView | null>(null);
  const correctable = (m: SavingsMovementView) =>
    canCorrectSavings(me.role) && account.status === 'open' && m.type !== 'reversal' && m.type !== 'closure' && !m.reversedById;

  if (movements.length === 0)
    return (
      <Paper withBorder p="xl" radius="md">
        <Text c="dimmed" ta="center" data-testid="empty-state">
          {t('savings.noMovements')}
        </Text>
      </Paper>
    );

  const what = (m: SavingsMovementView) => (
    <Group gap={6} wrap="wrap">
      <Text size="sm">{t(`savings.types.${m.type}`)}</Text>
      {m.reversedById && (
        <Badge size="xs" variant="light" color="gray" style={{ textTransform: 'none' }}>
          {t('savings.reversed')}
        </Badge>
      )}
      {m.note && (
        <Text size="xs" c="dimmed">
          {m.note}
        </Text>
      )}
    </Group>
  );
  const reverseButton = (m: SavingsMovementView) =>
    correctable(m) ? (
      <Button size="compact-xs" variant="subtle" color="red" onClick={() => setReversing(m)}>
        {t('savings.reverse')}
      </Button>
    ) : null;

  return (
    <>
      {isPhone ? (
        <Stack gap="xs" data-testid="savings-statement">
          {movements.map((m) => (
            <Card key={m.id} withBorder radius="md" padding="sm" data-testid="savings-movement">
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                <Stack gap={2} miw={0}>
                  {what(m)}
                  <Text size="xs" c="dimmed">
                    {formatDate(m.valueDate)} · {m.createdBy}
                  </Text>
                </Stack>
                <Stack gap={0} align="flex-end">
                  <SignedRupiah amount={m.amount} />
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {formatRupiah(m.balanceAfter)}
                  </Text>
                </Stack>
              </Group>
              {reverseButton(m)}
            </Card>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="xs" data-testid="savings-statement">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('savings.date')}</Table.Th>
                <Table.Th>{t('savings.type')}</Table.Th>
                <Table.Th ta="right">{t('savings.amount')}</Table.Th>
                <Table.Th ta="right">{t('savings.balance')}</Table.Th>
                <Table.Th>{t('savings.by')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {movements.map((m) => (
                <Table.Tr key={m.id} data-testid="savings-movement">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(m.valueDate)}</Table.Td>
                  <Table.Td>{what(m)}</Table.Td>
                  <Table.Td ta="right">
                    <SignedRupiah amount={m.amount} />
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatRupiah(m.balanceAfter)}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{m.createdBy}</Text>
                  </Table.Td>
                  <Table.Td>{reverseButton(m)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {reversing && <ReverseModal accountId={account.id} movement={reversing} onClose={() => setReversing(null)} />}
    </>
  );
}

function ReverseModal({ accountId, movement, onClose }: { accountId: string; movement: SavingsMovementView; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const reverse = useReverseMovement(accountId, (result) => {
    toast.success(t('savings.reversedDone', { balance: formatRupiah(result.account.balance) }));
    onClose();
  });
  const tooShort = reason.trim().length < 3;
  return (
    <Modal opened onClose={onClose} title={t('savings.reverseTitle', { amount: formatRupiah(movement.amount.replace('-', '')) })} centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          if (!tooShort) reverse.mutate({ movementId: movement.id, reason: reason.trim() });
        }}
        noValidate
      >
        <Stack gap="sm">
          <Text size="sm">{t('savings.reverseBody')}</Text>
          <TextInput
            label={t('savings.reason')}
            required
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={(checked && tooShort ? t('common.required') : undefined) ?? fieldError(reverse.error, 'reason')}
          />
          <FormError error={reverse.error} fields={['reason']} />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={reverse.isPending}>
              {t('savings.reverse')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Simpanan wajib as months: paid through which month, and what is in arrears. */
function WajibStandingNote({ standing }: { standing: NonNullable<SavingsAccountDetail['wajib']> }) {
  const { t } = useTranslation();
  const formatMonth = useFormatMonth();
  const through = formatMonth(standing.paidThrough);
  const paid = standing.paidThrough ? t('savings.wajib.paidThrough', { month: through }) : t('savings.wajib.nothingPaid');
  return standing.arrearsMonths > 0 ? (
    <Alert color="yellow" data-testid="wajib-standing">
      {t('savings.wajib.arrears', {
        count: standing.arrearsMonths,
        amount: formatRupiah(standing.arrearsAmount),
        paid,
        monthly: formatRupiah(standing.monthlyAmount),
      })}
    </Alert>
  ) : (
    <Alert color="teal" data-testid="wajib-standing">
      {t('savings.wajib.upToDate', { through, count: standing.monthsAhead })}
    </Alert>
  );
}
