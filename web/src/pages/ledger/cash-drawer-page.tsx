import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { positiveRupiahOf, wholeNumberOf } from '../../../../src/core/input.ts';
import {
  DENOMINATIONS,
  DRAWER_PURPOSE_WORDS,
  type DrawerPurpose,
  drawerPurposes,
  movementPurposeText,
} from '../../../../src/modules/ledger/cash-drawer.rules.ts';
import { api } from '../../api/client.ts';
import {
  type DrawerDetail,
  type DrawerListFilters,
  type DrawerView,
  drawerQuery,
  drawersQuery,
  type MovementResult,
  newIdempotencyKey,
  postMoney,
} from '../../api/ledger.ts';
import { useSignedIn } from '../../auth/session.ts';
import { ErrorAlert, FormError, fieldError } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatRupiah, RupiahInput, rupiahMinus } from '../../components/rupiah-input.tsx';
import { ListStates } from '../../components/states.tsx';
import { useToast } from '../../components/toast.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { useFormatDate } from '../registry/shared.tsx';
import { Amount, Figure } from './ledger-shared.tsx';

/** A cashier's day: open the drawer with the float, receive and pay, count and close. */
export function CashDrawerPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const open = useQuery(drawersQuery('open', 50));
  const [lastClosed, setLastClosed] = useState<DrawerDetail | null>(null);
  const mine = open.data?.find((drawer) => drawer.cashier.id === me.id);
  const others = open.data?.filter((drawer) => drawer.cashier.id !== me.id) ?? [];
  // An auditor or supervisor reads the drawers; only admins, managers and cashiers hold one.
  const holdsDrawers = DRAWER_HOLDER_ROLES.includes(me.role);

  return (
    <Stack gap="md" maw={1000}>
      <PageHeader title={t('ledger.drawerTitle')} />
      {open.isPending ? (
        <PageLoader />
      ) : open.isError ? (
        <ErrorAlert error={open.error} onRetry={() => void open.refetch()} />
      ) : (
        <>
          {lastClosed && <ClosedResult drawer={lastClosed} />}
          {mine ? <OpenDrawer id={mine.id} onClosed={setLastClosed} /> : holdsDrawers && <OpenForm onOpened={() => setLastClosed(null)} />}
          {me.role !== 'cashier' && <OtherDrawers drawers={others} />}
        </>
      )}
      <History />
    </Stack>
  );
}

function OpenForm({ onOpened }: { onOpened(): void }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [openingFloat, setFloat] = useState('');
  const [checked, setChecked] = useState(false);
  const [officeCode, setOfficeCode] = useState<string | null>(me.offices[0]?.code ?? null);
  const save = useMutation({
    mutationFn: () => api.post<DrawerDetail>('/api/v1/cash-drawers', { openingFloat: openingFloat || '0', officeCode }),
    onSuccess: async () => {
      toast.success(t('ledger.drawerOpened'));
      onOpened();
      await queryClient.invalidateQueries({ queryKey: ['ledger', 'drawers'] });
    },
  });
  return (
    <Paper withBorder radius="md" p="md">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          // The float is counted and typed, 0 included: an empty field is not taken for Rp0.
          if (openingFloat !== '') save.mutate();
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('ledger.drawerIntro')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <RupiahInput
              label={t('ledger.openingFloat')}
              value={openingFloat}
              onChange={setFloat}
              required
              error={(checked && openingFloat === '' ? t('common.required') : undefined) ?? fieldError(save.error, 'openingFloat')}
            />
            {me.offices.length > 1 && (
              <Select
                label={t('ledger.office')}
                data={me.offices.map((office) => ({ value: office.code, label: `${office.code} · ${office.name}` }))}
                value={officeCode}
                onChange={setOfficeCode}
                error={fieldError(save.error, 'officeCode')}
                comboboxProps={{ withinPortal: true }}
              />
            )}
          </SimpleGrid>
          <FormError error={save.error} fields={['openingFloat', 'officeCode']} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('ledger.openDrawer')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function OpenDrawer({ id, onClosed }: { id: string; onClosed(drawer: DrawerDetail): void }) {
  const { t, i18n } = useTranslation();
  const isPhone = useIsPhone();
  const formatDate = useFormatDate();
  const me = useSignedIn();
  const drawer = useQuery(drawerQuery(id));
  const [moving, setMoving] = useState<'in' | 'out' | null>(null);
  const [closing, setClosing] = useState(false);
  if (drawer.isPending) return <PageLoader />;
  if (drawer.isError) return <ErrorAlert error={drawer.error} onRetry={() => void drawer.refetch()} />;
  const d = drawer.data;
  return (
    <Stack gap="sm" data-testid="open-drawer">
      <Group justify="space-between" wrap="wrap">
        <Group gap="xs">
          <Text fw={600}>{t('ledger.drawerOf', { name: me.fullName, date: formatDate(d.businessDate) })}</Text>
          <Badge color="teal" variant="light" style={{ textTransform: 'none' }}>
            {t('ledger.open')} · {d.officeCode}
          </Badge>
        </Group>
        <Group gap="xs">
          <Button onClick={() => setMoving('in')}>{t('ledger.receive')}</Button>
          <Button variant="light" onClick={() => setMoving('out')}>
            {t('ledger.pay')}
          </Button>
          <Button color="orange" variant="outline" onClick={() => setClosing(true)}>
            {t('ledger.countAndClose')}
          </Button>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
        <Figure label={t('ledger.openingFloat')} value={d.openingFloat} testId="drawer-opening" />
        <Figure label={t('ledger.cashIn')} value={d.cashIn} testId="drawer-in" />
        <Figure label={t('ledger.cashOut')} value={d.cashOut} testId="drawer-out" />
        <Figure label={t('ledger.expected')} value={d.expectedCash} testId="drawer-expected" strong />
      </SimpleGrid>
      <Text fw={600} mt="xs">
        {t('ledger.movements')}
      </Text>
      {d.movements.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('ledger.noMovements')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={isPhone ? 320 : 560}>
          <Table striped verticalSpacing={4} data-testid="drawer-movements">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ledger.memo')}</Table.Th>
                {!isPhone && <Table.Th>{t('ledger.counterAccount')}</Table.Th>}
                <Table.Th ta="right">{t('ledger.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.movements.map((movement) => (
                <Table.Tr key={`${movement.entryId}-${movement.direction}`}>
                  <Table.Td>
                    <Text size="sm">{movementPurposeText(movement, i18n.language === 'en' ? 'en' : 'id')}</Text>
                    <Text size="xs" c="dimmed">
                      {new Date(movement.createdAt).toLocaleTimeString(i18n.language === 'en' ? 'en-GB' : 'id-ID', {
                        hour: '2-digit',
                        minute: '2-digit',
                        timeZone: 'Asia/Jakarta',
                      })}
                    </Text>
                  </Table.Td>
                  {!isPhone && <Table.Td>{movement.accounts.map((a) => `${a.code} ${a.name}`).join(', ')}</Table.Td>}
                  <Table.Td ta="right">
                    <Amount value={movement.direction === 'in' ? movement.amount : `-${movement.amount}`} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {moving && <MovementModal drawer={d} direction={moving} onClose={() => setMoving(null)} />}
      {closing && (
        <CloseModal
          drawer={d}
          onClose={() => setClosing(false)}
          onClosed={(closed) => {
            setClosing(false);
            onClosed(closed);
          }}
        />
      )}
    </Stack>
  );
}

function MovementModal({ drawer, direction, onClose }: { drawer: DrawerView; direction: 'in' | 'out'; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'id';
  const toast = useToast();
  const queryClient = useQueryClient();
  // One key per form: a retry after a lost answer is recognised by the server, not posted twice.
  const [key] = useState(newIdempotencyKey);
  // What the money is for, in words: the server maps each purpose to its account.
  const choices = drawerPurposes(direction).map((purpose) => ({ value: purpose, label: DRAWER_PURPOSE_WORDS[purpose][locale] }));
  const [purpose, setPurpose] = useState<DrawerPurpose | null>(null);
  const [amount, setAmount] = useState('');
  const [memo, setMemo] = useState('');
  const [checked, setChecked] = useState(false);
  const local = {
    purpose: purpose ? undefined : t('common.required'),
    amount: positiveRupiahOf(amount) !== null ? undefined : t('common.amountPositive'),
    memo: memo.trim().length >= 3 ? undefined : memo.trim() ? t('common.atLeastChars', { count: 3 }) : t('common.required'),
  };
  const shownError = (field: keyof typeof local) => (checked ? local[field] : undefined) ?? fieldError(save.error, field);
  const save = useMutation({
    mutationFn: () =>
      postMoney<MovementResult>(`/api/v1/cash-drawers/${drawer.id}/movements`, { direction, purpose, amount: amount || '0', memo }, key),
    onSuccess: async (result) => {
      toast.success(t('ledger.movementSaved', { amount: formatRupiah(result.movement.amount) }));
      await queryClient.invalidateQueries({ queryKey: ['ledger'] });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={direction === 'in' ? t('ledger.receiveTitle') : t('ledger.payTitle')} centered>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          if (!local.purpose && !local.amount && !local.memo) save.mutate();
        }}
      >
        <Stack gap="sm">
          <Select
            label={t('ledger.purpose')}
            description={direction === 'in' ? t('ledger.receivePurposeHint') : t('ledger.payPurposeHint')}
            data={choices}
            value={purpose}
            onChange={(value) => setPurpose(value as DrawerPurpose | null)}
            required
            error={shownError('purpose')}
            comboboxProps={{ withinPortal: true }}
          />
          <RupiahInput label={t('ledger.amount')} value={amount} onChange={setAmount} required error={shownError('amount')} />
          <TextInput
            label={t('ledger.memo')}
            description={t('ledger.drawerMemoHint')}
            value={memo}
            onChange={(event) => setMemo(event.currentTarget.value)}
            required
            error={shownError('memo')}
          />
          <FormError error={save.error} fields={['purpose', 'amount', 'memo']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {direction === 'in' ? t('ledger.receive') : t('ledger.pay')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function CloseModal({ drawer, onClose, onClosed }: { drawer: DrawerView; onClose(): void; onClosed(drawer: DrawerDetail): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [key] = useState(newIdempotencyKey);
  const [counted, setCounted] = useState('');
  const [pieces, setPieces] = useState<Record<number, number>>({});
  const [note, setNote] = useState('');
  const [checked, setChecked] = useState(false);
  const difference = counted ? rupiahMinus(counted, drawer.expectedCash) : null;
  // A shortage or an overage is booked: the cashier says why, for whoever reads the books.
  const noteMissing = difference !== null && difference !== '0' && note.trim().length < 3;
  const byPieces = useMemo(
    () => DENOMINATIONS.reduce((sum, value) => sum + BigInt(value) * BigInt(pieces[value] ?? 0), 0n).toString(),
    [pieces],
  );
  const save = useMutation({
    mutationFn: () =>
      postMoney<DrawerDetail>(
        `/api/v1/cash-drawers/${drawer.id}/close`,
        {
          countedCash: counted || '0',
          note: note || undefined,
          // The count by denomination goes with the total when it is what the total came from.
          ...(byPieces !== '0' && byPieces === counted
            ? { denominations: DENOMINATIONS.map((value) => ({ value, pieces: pieces[value] ?? 0 })).filter((p) => p.pieces > 0) }
            : {}),
        },
        key,
      ),
    onSuccess: async (closed) => {
      toast.success(t('ledger.drawerClosed'));
      await queryClient.invalidateQueries({ queryKey: ['ledger'] });
      onClosed(closed);
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('ledger.closeTitle')} centered size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          if (counted && !noteMissing) save.mutate();
        }}
      >
        <Stack gap="sm">
          <Group justify="space-between">
            <Text size="sm">{t('ledger.expected')}</Text>
            <Amount value={drawer.expectedCash} bold />
          </Group>
          <Text size="sm" fw={600}>
            {t('ledger.denominations')}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs">
            {DENOMINATIONS.map((value) => (
              <NumberInput
                key={value}
                label={formatRupiah(String(value))}
                min={0}
                allowDecimal={false}
                allowNegative={false}
                value={pieces[value] ?? ''}
                onChange={(n) => {
                  const next = { ...pieces, [value]: wholeNumberOf(n) ?? 0 };
                  setPieces(next);
                  setCounted(DENOMINATIONS.reduce((sum, v) => sum + BigInt(v) * BigInt(next[v] ?? 0), 0n).toString());
                }}
                size="xs"
                placeholder={t('ledger.pieces')}
              />
            ))}
          </SimpleGrid>
          <RupiahInput
            label={t('ledger.countedCash')}
            value={counted}
            onChange={setCounted}
            required
            error={fieldError(save.error, 'countedCash')}
          />
          {byPieces !== '0' && byPieces !== counted && (
            <Text size="xs" c="dimmed">
              {formatRupiah(byPieces)}
            </Text>
          )}
          {difference !== null && (
            <Alert
              color={difference === '0' ? 'teal' : 'orange'}
              variant="light"
              data-testid="close-difference"
              title={differenceText(t, difference)}
            />
          )}
          {difference !== null && difference !== '0' && (
            <TextInput
              label={t('ledger.closeNote')}
              required
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              error={checked && noteMissing ? t('ledger.closeNoteRequired') : undefined}
            />
          )}
          <FormError error={save.error} fields={['countedCash']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="orange" loading={save.isPending} disabled={!counted}>
              {t('ledger.closeConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function differenceText(t: TFunction, difference: string) {
  if (difference === '0') return t('ledger.exact');
  return difference.startsWith('-')
    ? t('ledger.shortage', { amount: formatRupiah(difference.slice(1)) })
    : t('ledger.overage', { amount: formatRupiah(difference) });
}

function ClosedResult({ drawer }: { drawer: DrawerDetail }) {
  const { t } = useTranslation();
  const difference = drawer.difference ?? '0';
  return (
    <Alert color={difference === '0' ? 'teal' : 'orange'} variant="light" title={t('ledger.lastClosed')} data-testid="closed-result">
      <Stack gap={4}>
        <Group justify="space-between">
          <Text size="sm">{t('ledger.expected')}</Text>
          <Amount value={drawer.expectedCash} />
        </Group>
        <Group justify="space-between">
          <Text size="sm">{t('ledger.countedCash')}</Text>
          <Amount value={drawer.countedCash ?? '0'} />
        </Group>
        <Text size="sm" fw={600} data-testid="closed-difference">
          {differenceText(t, difference)}
        </Text>
        <Group gap="sm">
          <Anchor component={Link} to={`/finance/cash-drawer/${drawer.id}`} size="sm">
            {t('ledger.openDetail')}
          </Anchor>
          <Anchor href={`/api/v1/cash-drawers/${drawer.id}/report.pdf`} target="_blank" rel="noopener" size="sm">
            {t('ledger.downloadReport')}
          </Anchor>
        </Group>
      </Stack>
    </Alert>
  );
}

function OtherDrawers({ drawers }: { drawers: DrawerView[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('ledger.openDrawers')}</Text>
      {drawers.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('ledger.noOpenDrawers')}
        </Text>
      ) : (
        drawers.map((drawer) => (
          <Paper key={drawer.id} withBorder p="xs" radius="md">
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">
                {drawer.cashier.fullName} · {drawer.officeCode}
              </Text>
              <Amount value={drawer.expectedCash} />
            </Group>
          </Paper>
        ))
      )}
    </Stack>
  );
}

const DRAWER_HOLDER_ROLES: string[] = ['admin', 'manager', 'cashier'];
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The history's narrowing from the address: `?difference=true&from=YYYY-MM-DD` (the auditor's home count). */
function useHistoryFilters(): [DrawerListFilters, () => void] {
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? '';
  return [
    { difference: params.get('difference') === 'true' ? 'true' : undefined, from: ISO_DAY.test(from) ? from : undefined },
    () => setParams({}, { replace: true }),
  ];
}

function History() {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [filters, clear] = useHistoryFilters();
  const narrowed = Boolean(filters.difference || filters.from);
  const closed = useQuery(drawersQuery('closed', narrowed ? 200 : 10, filters));
  const rows = closed.data ?? [];
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('ledger.history')}</Text>
      {narrowed && (
        <Group gap="xs" data-testid="drawer-filters">
          {filters.difference && (
            <Badge variant="light" style={{ textTransform: 'none' }}>
              {t('ledger.differencesOnly')}
            </Badge>
          )}
          {filters.from && (
            <Badge variant="light" style={{ textTransform: 'none' }}>
              {t('ledger.closedSince', { date: formatDate(filters.from) })}
            </Badge>
          )}
          <Button variant="subtle" size="compact-sm" onClick={clear}>
            {t('common.clearFilters')}
          </Button>
        </Group>
      )}
      <ListStates query={closed} count={rows.length} empty={t('common.empty')}>
        <Table.ScrollContainer minWidth={320}>
          <Table striped verticalSpacing={4} data-testid="drawer-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ledger.date')}</Table.Th>
                <Table.Th>{t('ledger.cashier')}</Table.Th>
                <Table.Th ta="right">{t('ledger.difference')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('ledger.drawerDetail')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((drawer) => (
                <Table.Tr key={drawer.id}>
                  <Table.Td>{formatDate(drawer.businessDate)}</Table.Td>
                  <Table.Td>{drawer.cashier.fullName}</Table.Td>
                  <Table.Td ta="right">
                    <Amount value={drawer.difference ?? '0'} />
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/finance/cash-drawer/${drawer.id}`} size="sm">
                      {t('ledger.openDetail')}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </ListStates>
    </Stack>
  );
}
