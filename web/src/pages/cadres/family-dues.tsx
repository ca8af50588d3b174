// A family's JKN-KIS dues (paid through, arrears, the amount to reactivate) and recording the
// month it is paid through: shown where a cadre collects and on the household's JKN panel.
// Without that month the dues cannot be worked out and a collection is refused.
import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addMonths } from '../../../../src/core/dates.ts';
import type { RehabPlanView } from '../../../../src/modules/jkn/jkn.schema.ts';
import { canRecordJkn, useInvalidateCadres } from '../../api/cadres.ts';
import { ApiError } from '../../api/client.ts';
import { type FamilyDues, familyDuesQuery, savePaidThrough } from '../../api/contributions.ts';
import { useSignedIn } from '../../auth/session.ts';
import { ErrorAlert, FormError, fieldError } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatRupiah } from '../../components/rupiah-input.tsx';
import { useToast } from '../../components/toast.tsx';

/** "Maret 2026" / "March 2026" of a YYYY-MM month. */
export function useFormatMonth() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return (month: string | null | undefined) => (month ? format.format(new Date(`${month}-01T00:00:00Z`)) : '—');
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

type DuesState = { isPending: boolean; isError: boolean; error: unknown; data?: FamilyDues; refetch(): unknown };

/**
 * The family's dues; when the paid-through month is not recorded, says so and, for those who
 * may record it (`canRecord`), asks for it right there.
 */
export function DuesPanel({ dues, canRecord }: { dues: DuesState; canRecord: boolean }) {
  const { t } = useTranslation();
  const formatMonth = useFormatMonth();
  if (dues.isPending) return <PageLoader />;
  if (dues.isError) return <ErrorAlert error={dues.error} onRetry={() => void dues.refetch()} />;
  const view = dues.data;
  if (!view?.quote)
    return (
      <Stack gap="xs">
        <Alert color="orange" variant="light" data-testid="dues-unknown">
          {view && view.persons === 0 ? t('cadres.collection.noPayingMembers') : t('cadres.collection.paidThroughUnknown')}
        </Alert>
        {view && view.persons > 0 && view.paidThrough === null && canRecord && <PaidThroughEditor householdId={view.householdId} />}
      </Stack>
    );
  const { quote } = view;
  const item = (label: string, value: string, testId?: string, color?: string) => (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={600} c={color} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
  return (
    <Paper withBorder radius="md" p="xs" data-testid="dues-panel">
      <Group gap={6} mb={6}>
        <Badge
          variant="light"
          color={quote.status === 'active' ? 'teal' : 'red'}
          style={{ textTransform: 'none' }}
          data-testid="dues-status"
        >
          {t(`jkn.statuses.${quote.status}`)}
        </Badge>
        <Text size="xs" c="dimmed">
          {view.jknClass ? t(`jkn.classes.${view.jknClass as 'I'}`) : ''} · {t('jkn.payingMembers', { count: view.persons })}
        </Text>
      </Group>
      <SimpleGrid cols={2} spacing="xs">
        {item(t('cadres.collection.paidThrough'), formatMonth(view.paidThrough), 'dues-paid-through')}
        {item(t('cadres.collection.monthlyDue'), formatRupiah(String(quote.monthlyDue)))}
        {item(
          t('cadres.collection.arrears', { count: quote.arrearsMonths }),
          formatRupiah(String(quote.arrearsAmount)),
          'dues-arrears',
          quote.arrearsMonths > 0 ? 'red.7' : undefined,
        )}
        {item(t('cadres.collection.reactivation'), formatRupiah(String(quote.reactivationTotal)), 'dues-total')}
      </SimpleGrid>
      {view.rehab ? (
        <RehabPlan plan={view.rehab} />
      ) : (
        quote.rehabEligible && (
          <Text size="xs" c="dimmed" mt={6}>
            {t('cadres.collection.rehab')}
          </Text>
        )
      )}
    </Paper>
  );
}

/** The REHAB plan: how many instalments and of how much, what is paid first, and the month's own contribution beside it. */
function RehabPlan({ plan }: { plan: RehabPlanView }) {
  const { t } = useTranslation();
  const formatMonth = useFormatMonth();
  const first = plan.parts[0];
  const firstLast = addMonths(plan.firstMonth, (first?.months ?? 1) - 1);
  return (
    <Stack gap={2} mt={6} data-testid="dues-rehab">
      <Text size="sm" fw={600}>
        {t('cadres.collection.rehabTitle', { count: plan.instalments, total: formatRupiah(plan.total) })}
      </Text>
      <Text size="xs" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="dues-rehab-parts">
        {plan.parts
          .map((part) => t('cadres.collection.rehabPart', { times: part.count, amount: formatRupiah(part.amount), count: part.months }))
          .join(`, ${t('cadres.collection.rehabThen')} `)}
      </Text>
      <Text size="xs" c="dimmed" data-testid="dues-rehab-first">
        {t('cadres.collection.rehabFirst', {
          amount: formatRupiah(first?.amount ?? '0'),
          period:
            firstLast === plan.firstMonth ? formatMonth(plan.firstMonth) : `${formatMonth(plan.firstMonth)} – ${formatMonth(firstLast)}`,
        })}
      </Text>
      <Text size="xs" c="dimmed">
        {t('cadres.collection.rehabMonthly', { amount: formatRupiah(plan.monthlyDue) })}
      </Text>
    </Stack>
  );
}

/**
 * The month through which the family has paid (e.g. read from Mobile JKN or a payment slip).
 * Not a <form>: it also sits inside the collection form. Enter saves.
 */
export function PaidThroughEditor({ householdId, current, onDone }: { householdId: string; current?: string | null; onDone?(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const client = useQueryClient();
  const invalidate = useInvalidateCadres();
  const formatMonth = useFormatMonth();
  const [month, setMonth] = useState(current ?? '');
  const [checked, setChecked] = useState(false);
  const save = useMutation({
    mutationFn: (paidThrough: string) => savePaidThrough(householdId, paidThrough),
    onSuccess: async (dues) => {
      client.setQueryData(familyDuesQuery(householdId).queryKey, dues);
      await invalidate();
      toast.success(t('jknAccount.saved', { month: formatMonth(dues.paidThrough) }));
      onDone?.();
    },
  });
  const problem = !checked ? undefined : month === '' ? t('common.required') : MONTH.test(month) ? undefined : t('jknAccount.format');
  const submit = () => {
    setChecked(true);
    if (MONTH.test(month)) save.mutate(month);
  };
  return (
    <Stack gap="xs" data-testid="paid-through-form">
      <TextInput
        type="month"
        maw={360}
        label={t('jknAccount.paidThrough')}
        description={t('jknAccount.paidThroughHint')}
        placeholder={t('jknAccount.placeholder')}
        required
        value={month}
        onChange={(event) => {
          setMonth(event.currentTarget.value.trim());
          save.reset();
        }}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          submit();
        }}
        error={problem ?? fieldError(save.error, 'paidThrough')}
        data-testid="paid-through-month"
      />
      <FormError error={save.error} fields={['paidThrough']} />
      <Group justify="flex-end" gap="xs">
        {onDone && (
          <Button variant="default" size="xs" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        )}
        <Button size="xs" loading={save.isPending} onClick={submit} data-testid="paid-through-save">
          {t('jknAccount.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The household page's dues: what the family owes and, for who may, recording or correcting the paid-through month. */
export function FamilyDuesSection({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const dues = useQuery(familyDuesQuery(householdId));
  const [editing, setEditing] = useState(false);
  const records = canRecordJkn(me.role);
  // Outside the caller's area the household's JKN panel is not shown either.
  if (dues.isError && dues.error instanceof ApiError && (dues.error.status === 404 || dues.error.status === 403)) return null;
  const recorded = dues.data?.paidThrough ?? null;
  return (
    <Stack gap="xs" data-testid="family-dues">
      <Group justify="space-between" gap="xs">
        <Title order={4} size="h5">
          {t('jknAccount.title')}
        </Title>
        {records && recorded && !editing && (
          <Button size="compact-xs" variant="light" onClick={() => setEditing(true)} data-testid="paid-through-edit">
            {t('jknAccount.change')}
          </Button>
        )}
      </Group>
      {editing && recorded ? (
        <Paper withBorder radius="md" p="xs">
          <PaidThroughEditor householdId={householdId} current={recorded} onDone={() => setEditing(false)} />
        </Paper>
      ) : (
        <DuesPanel dues={dues} canRecord={records} />
      )}
    </Stack>
  );
}
