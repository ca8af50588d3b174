// One fund: its source, capital, cash and what it has lent out, the financings drawn from it; keepers add capital.

import { Anchor, Button, Card, Group, Modal, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { positiveRupiahOf } from '../../../../src/core/input.ts';
import { ACCOUNTS } from '../../../../src/modules/ledger/accounts.rules.ts';
import { ApiError } from '../../api/client.ts';
import { useFinancings } from '../../api/financing.ts';
import { useMoneyMutation } from '../../api/idempotency.ts';
import { type Fund, type FundCapitalResult, fundQuery } from '../../api/ledger.ts';
import { useSignedIn } from '../../auth/session.ts';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert, FormError, fieldError } from '../../components/error-alert.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatRupiah, RupiahInput } from '../../components/rupiah-input.tsx';
import { ListStates } from '../../components/states.tsx';
import { useToast } from '../../components/toast.tsx';
import { canKeepLedger } from '../../nav.ts';
import { FinancingsList } from '../financing/financings-list.tsx';
import { NotFoundPage } from '../not-found-page.tsx';
import { Detail, todayIso } from '../registry/shared.tsx';
import { FundKindBadge, firstOfYear } from './ledger-shared.tsx';

export function FundPage() {
  const { id = '' } = useParams();
  const fund = useQuery(fundQuery(id));
  if (fund.isPending) return <PageLoader />;
  if (fund.isError) {
    if (fund.error instanceof ApiError && (fund.error.status === 404 || fund.error.status === 422)) return <NotFoundPage />;
    return <ErrorAlert error={fund.error} onRetry={() => void fund.refetch()} />;
  }
  return <FundDetail fund={fund.data} />;
}

function FundDetail({ fund }: { fund: Fund }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const [adding, setAdding] = useState(false);
  const today = todayIso();
  const capitalAccount = fund.kind === 'own_capital' ? ACCOUNTS.ownCapital : ACCOUNTS.grantCapital;
  const statement = (account: string) =>
    `/finance/ledger?${new URLSearchParams({ account, from: firstOfYear(today), to: today, office: fund.officeCode })}`;

  return (
    <Stack gap="md" data-testid="fund-page">
      <Stack gap={4}>
        <Anchor component={Link} to="/finance/funds" size="sm">
          ← {t('ledger.fundsTitle')}
        </Anchor>
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Group gap="xs">
            <Title order={1} size="h2" data-testid="fund-code">
              {fund.code}
            </Title>
            <FundKindBadge kind={fund.kind} />
          </Group>
          {canKeepLedger(me.role) && (
            <Button leftSection={<PlusIcon size={16} />} onClick={() => setAdding(true)}>
              {t('ledger.addCapital')}
            </Button>
          )}
        </Group>
        <Text>{fund.name}</Text>
      </Stack>

      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <Detail label={t('ledger.fundSource')}>{fund.source}</Detail>
          <Detail label={t('ledger.office')}>{fund.officeCode}</Detail>
          {fund.groupId && (
            <Detail label={t('ledger.fundGroup')}>
              <Anchor component={Link} to={`/groups/${fund.groupId}`} size="sm">
                {t('ledger.openGroup')}
              </Anchor>
            </Detail>
          )}
        </SimpleGrid>
      </Paper>

      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        {(['capital', 'cash', 'outstanding'] as const).map((key) => (
          <Card key={key} withBorder radius="md" padding="sm">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t(`ledger.${key}`)}
            </Text>
            <Text fw={700} size="lg" data-testid={`fund-${key}`} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {formatRupiah(fund[key])}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Group gap="md">
        <Anchor component={Link} to={statement(capitalAccount)} size="sm">
          {t('ledger.capitalStatement', { code: capitalAccount })}
        </Anchor>
        <Anchor component={Link} to={statement(ACCOUNTS.bankCash)} size="sm">
          {t('ledger.bankStatement')}
        </Anchor>
      </Group>

      <FundFinancings fund={fund} />
      {adding && <AddCapitalModal fund={fund} onClose={() => setAdding(false)} />}
    </Stack>
  );
}

function FundFinancings({ fund }: { fund: Fund }) {
  const { t } = useTranslation();
  const financings = useFinancings({ fund: fund.code });
  const rows = financings.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="sm" mt="md">
      <Title order={3} size="h4">
        {t('ledger.fundFinancings')}
      </Title>
      <ListStates query={financings} count={rows.length} empty={t('ledger.fundFinancingsEmpty')}>
        <FinancingsList rows={rows} showFund={false} />
        <LoadMore hasMore={financings.hasNextPage} loading={financings.isFetchingNextPage} onLoad={() => void financings.fetchNextPage()} />
      </ListStates>
    </Stack>
  );
}

/** Capital received in the bank (e.g. a second stimulus tranche): posted once, even when the request is retried. */
function AddCapitalModal({ fund, onClose }: { fund: Fund; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState(todayIso());
  const [memo, setMemo] = useState('');
  const [checked, setChecked] = useState(false);
  const add = useMoneyMutation<FundCapitalResult, { amount: string; date: string; memo: string }>(
    (body) => ({ path: `/api/v1/funds/${encodeURIComponent(fund.id)}/capital`, body }),
    {
      onSuccess: async (result) => {
        toast.success(t('ledger.capitalAdded', { amount: formatRupiah(amount), code: fund.code, cash: formatRupiah(result.fund.cash) }));
        queryClient.setQueryData(['ledger', 'fund', fund.id], result.fund);
        await queryClient.invalidateQueries({ queryKey: ['ledger'] });
        onClose();
      },
    },
  );
  const problems = {
    amount: positiveRupiahOf(amount) === null ? t('ledger.amountRequired') : undefined,
    date: !date ? t('common.required') : undefined,
    memo: memo.trim().length < 3 ? t('ledger.capitalMemoRequired') : undefined,
  };
  return (
    <Modal opened onClose={onClose} title={t('ledger.addCapitalTitle', { code: fund.code })} centered>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          if (!problems.amount && !problems.date && !problems.memo) add.mutate({ amount, date, memo: memo.trim() });
        }}
      >
        <Stack gap="sm">
          <Text size="sm">
            {t('ledger.addCapitalBody', { account: fund.kind === 'own_capital' ? ACCOUNTS.ownCapital : ACCOUNTS.grantCapital })}
          </Text>
          <RupiahInput
            label={t('ledger.amount')}
            value={amount}
            onChange={setAmount}
            required
            error={(checked ? problems.amount : undefined) ?? fieldError(add.error, 'amount')}
          />
          <DateField
            label={t('ledger.capitalDate')}
            value={date}
            onChange={(event) => setDate(event.currentTarget.value)}
            required
            error={(checked ? problems.date : undefined) ?? fieldError(add.error, 'date')}
          />
          <TextInput
            label={t('ledger.memo')}
            placeholder={t('ledger.capitalMemoHint')}
            value={memo}
            onChange={(event) => setMemo(event.currentTarget.value)}
            required
            error={(checked ? problems.memo : undefined) ?? fieldError(add.error, 'memo')}
          />
          <FormError error={add.error} fields={['amount', 'date', 'memo']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('ledger.addCapital')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
