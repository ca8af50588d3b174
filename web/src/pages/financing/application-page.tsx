import { Anchor, Button, Group, Loader, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { wholeNumberOf } from '../../../../src/core/input.ts';
import { api } from '../../api/client.ts';
import { type Financing, financingQuery, productsQuery, useInvalidateFinancing } from '../../api/financing.ts';
import { useFunds } from '../../api/ledger.ts';
import { businessesQuery, useGroups } from '../../api/registry.ts';
import { useSignedIn } from '../../auth/session.ts';
import { DateField } from '../../components/date-field.tsx';
import { FormError, fieldError } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PersonPicker } from '../../components/person-picker.tsx';
import { formatRupiah, RupiahInput } from '../../components/rupiah-input.tsx';
import { useToast } from '../../components/toast.tsx';
import { MemberIllnessBadge } from '../health/illness-badge.tsx';
import { NotFoundPage } from '../not-found-page.tsx';
import { todayIso } from '../registry/shared.tsx';
import { canApply } from './shared.tsx';

const FIELDS = [
  'personId',
  'productCode',
  'fundCode',
  'principal',
  'installments',
  'purpose',
  'groupId',
  'businessId',
  'groupRecommendation',
  'healthNotes',
  'lkmCapitalPercent',
  'appliedOn',
] as const;
type Field = (typeof FIELDS)[number];

export function ApplicationPage() {
  const me = useSignedIn();
  if (!canApply(me.role)) return <NotFoundPage />;
  return <ApplicationForm />;
}

function ApplicationForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const invalidate = useInvalidateFinancing();
  const products = useQuery(productsQuery);
  const funds = useFunds();
  const groups = useGroups({});
  const [personId, setPersonId] = useState<string | null>(null);
  const [productCode, setProductCode] = useState<string | null>(null);
  const [fundCode, setFundCode] = useState<string | null>(null);
  const [principal, setPrincipal] = useState('');
  const [installments, setInstallments] = useState<number | string>('');
  const [purpose, setPurpose] = useState('');
  const [groupId, setGroupId] = useState<string | null>(null);
  const [businessId, setBusinessId] = useState<string | null>(null);
  const [recommendation, setRecommendation] = useState('');
  const [healthNotes, setHealthNotes] = useState('');
  const [capital, setCapital] = useState('');
  const [appliedOn, setAppliedOn] = useState(todayIso());
  const [checked, setChecked] = useState(false);
  const product = (products.data ?? []).find((p) => p.code === productCode);
  const activeProducts = (products.data ?? []).filter((p) => p.active);
  const activeFunds = (funds.data ?? []).filter((f) => f.active);
  const groupRows = groups.data?.pages.flatMap((page) => page.items) ?? [];
  // The member's businesses from the registry, once a member is chosen.
  const businesses = useQuery({ ...businessesQuery(personId ?? ''), enabled: Boolean(personId) });
  const activeBusinesses = (businesses.data ?? []).filter((b) => b.active);

  const save = useMutation({
    mutationFn: () =>
      api.post<Financing>('/api/v1/financings', {
        personId,
        productCode,
        fundCode,
        principal,
        installments: wholeNumberOf(installments),
        purpose: purpose.trim(),
        groupId: groupId ?? undefined,
        businessId: businessId ?? undefined,
        groupRecommendation: recommendation.trim() || undefined,
        healthNotes: healthNotes.trim() || undefined,
        lkmCapitalPercent: product?.kind === 'musyarakah' ? capital.trim() : undefined,
        appliedOn,
      }),
    onSuccess: async (financing) => {
      // The answer carries the projected schedule: the financing page shows it at once.
      queryClient.setQueryData(financingQuery(financing.id).queryKey, financing);
      await invalidate();
      toast.success(t('financing.apply.created', { number: financing.number }));
      void navigate(`/financings/${financing.id}`);
    },
  });

  const required = t('common.required');
  const local: Partial<Record<Field, string>> = {
    ...(personId ? {} : { personId: required }),
    ...(productCode ? {} : { productCode: required }),
    ...(fundCode ? {} : { fundCode: required }),
    ...(principal ? {} : { principal: required }),
    ...((wholeNumberOf(installments) ?? 0) >= 1 ? {} : { installments: required }),
    ...(purpose.trim().length >= 3 ? {} : { purpose: purpose.trim() ? t('common.atLeastChars', { count: 3 }) : required }),
    ...(product?.kind !== 'musyarakah' || /^\d{1,3}(\.\d{1,4})?$/.test(capital.trim()) ? {} : { lkmCapitalPercent: required }),
    ...(!appliedOn ? { appliedOn: required } : appliedOn > todayIso() ? { appliedOn: t('common.dateInFuture') } : {}),
  };
  const errorOf = (field: Field) => (checked ? local[field] : undefined) ?? fieldError(save.error, field);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(local).length === 0) save.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={760}>
        <PageHeader title={t('financing.apply.title')} />
        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
          <Stack gap="sm">
            <PersonPicker
              label={t('financing.apply.member')}
              description={t('financing.apply.memberHint')}
              required
              value={personId}
              onChange={(person) => {
                setPersonId(person?.id ?? null);
                setBusinessId(null);
              }}
              error={errorOf('personId')}
              data-testid="application-member"
            />
            <MemberIllnessBadge personId={personId} />
            <Select
              label={t('financing.apply.business')}
              placeholder={
                !personId
                  ? t('financing.apply.businessPickMember')
                  : businesses.isPending
                    ? t('app.loading')
                    : activeBusinesses.length === 0
                      ? t('financing.apply.noBusinesses')
                      : t('financing.apply.noBusiness')
              }
              data={activeBusinesses.map((b) => ({ value: b.id, label: `${b.name} · ${b.businessType}` }))}
              value={businessId}
              onChange={setBusinessId}
              disabled={!personId || businesses.isPending || activeBusinesses.length === 0}
              rightSection={personId && businesses.isFetching ? <Loader size="xs" /> : undefined}
              error={(businesses.isError ? t('financing.apply.businessesFailed') : undefined) ?? errorOf('businessId')}
              description={
                personId && !businesses.isPending && !businesses.isError && activeBusinesses.length === 0 ? (
                  <Anchor component={Link} to={`/persons/${personId}`} size="xs" data-testid="record-business">
                    {t('financing.apply.recordBusiness')}
                  </Anchor>
                ) : (
                  t('financing.apply.businessHint')
                )
              }
              clearable
              comboboxProps={{ withinPortal: true }}
              data-testid="application-business"
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label={t('financing.product')}
                required
                data={activeProducts.map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }))}
                value={productCode}
                onChange={setProductCode}
                error={errorOf('productCode')}
                description={
                  product
                    ? t('financing.apply.productHint', {
                        min: formatRupiah(product.minAmount),
                        max: formatRupiah(product.maxAmount),
                        minN: product.minInstallments,
                        maxN: product.maxInstallments,
                        frequency: t(`financing.frequencies.${product.frequency}`).toLowerCase(),
                      })
                    : undefined
                }
                nothingFoundMessage={products.isPending ? t('app.loading') : t('financing.apply.noProducts')}
                searchable
                comboboxProps={{ withinPortal: true }}
              />
              <Select
                label={t('financing.apply.fund')}
                required
                data={activeFunds.map((f) => ({
                  value: f.code,
                  label: `${f.name} (${f.code}) · ${t('financing.apply.fundCash', { cash: formatRupiah(f.cash) })}`,
                }))}
                value={fundCode}
                onChange={setFundCode}
                error={errorOf('fundCode')}
                nothingFoundMessage={funds.isPending ? t('app.loading') : t('financing.apply.noFunds')}
                comboboxProps={{ withinPortal: true }}
              />
              <RupiahInput
                label={t('financing.principal')}
                required
                value={principal}
                onChange={setPrincipal}
                error={errorOf('principal')}
                name="principal"
              />
              <NumberInput
                label={t('financing.installments')}
                required
                min={1}
                max={520}
                allowDecimal={false}
                value={installments}
                onChange={setInstallments}
                error={errorOf('installments')}
              />
              {product?.kind === 'musyarakah' && (
                <TextInput
                  label={t('financing.apply.lkmCapital')}
                  required
                  value={capital}
                  onChange={(e) => setCapital(e.currentTarget.value.replace(',', '.'))}
                  error={errorOf('lkmCapitalPercent')}
                  inputMode="decimal"
                  rightSection="%"
                />
              )}
              <DateField
                label={t('financing.appliedOn')}
                required
                value={appliedOn}
                max={todayIso()}
                onChange={(e) => setAppliedOn(e.currentTarget.value)}
                error={errorOf('appliedOn')}
              />
            </SimpleGrid>
            <Textarea
              label={t('financing.purpose')}
              required
              autosize
              minRows={2}
              maxLength={500}
              value={purpose}
              onChange={(e) => setPurpose(e.currentTarget.value)}
              error={errorOf('purpose')}
            />
            <Select
              label={t('financing.apply.group')}
              placeholder={t('financing.apply.noGroup')}
              data={groupRows.map((g) => ({ value: g.id, label: g.name }))}
              value={groupId}
              onChange={setGroupId}
              error={errorOf('groupId')}
              clearable
              searchable
              comboboxProps={{ withinPortal: true }}
            />
            <Textarea
              label={t('financing.groupRecommendation')}
              autosize
              minRows={2}
              maxLength={1000}
              value={recommendation}
              onChange={(e) => setRecommendation(e.currentTarget.value)}
              error={errorOf('groupRecommendation')}
            />
            <Textarea
              label={t('financing.healthNotes')}
              autosize
              minRows={2}
              maxLength={1000}
              value={healthNotes}
              onChange={(e) => setHealthNotes(e.currentTarget.value)}
              error={errorOf('healthNotes')}
            />
          </Stack>
        </Paper>
        <FormError error={save.error} fields={[...FIELDS]} />
        {checked && Object.keys(local).length > 0 && (
          <Text size="sm" c="red.9" role="alert">
            {t('household.checkMarked')}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" component={Link} to="/financings">
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('financing.apply.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
