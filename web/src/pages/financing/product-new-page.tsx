import { ActionIcon, Button, Group, Input, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { positiveRupiahOf, wholeNumberOf } from '../../../../src/core/input.ts';
import { api } from '../../api/client.ts';
import {
  type AllocationPart,
  DEFAULT_ALLOCATION_ORDER,
  PRODUCT_KINDS,
  type Product,
  type ProductKind,
  ROUNDINGS,
  type Rounding,
  sharesProfit,
  useInvalidateFinancing,
} from '../../api/financing.ts';
import { useSignedIn } from '../../auth/session.ts';
import { FormError, fieldError } from '../../components/error-alert.tsx';
import { ArrowDownIcon, ArrowUpIcon } from '../../components/financing-icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RupiahInput } from '../../components/rupiah-input.tsx';
import { useToast } from '../../components/toast.tsx';
import { NotFoundPage } from '../not-found-page.tsx';
import { canKeepProducts } from './shared.tsx';

const FIELDS = [
  'code',
  'name',
  'kind',
  'ratePercent',
  'memberNisbahPercent',
  'frequency',
  'minAmount',
  'maxAmount',
  'minInstallments',
  'maxInstallments',
  'graceOnPrincipal',
  'graceOnProfit',
  'penaltyPerMilleDaily',
  'penaltyCapPercent',
  'rounding',
  'inMultiplesOf',
  'allocationOrder',
] as const;
type Field = (typeof FIELDS)[number];
const FREQUENCIES = ['monthly', 'fortnightly', 'weekly'] as const;
const PERCENT = /^\d{1,3}(\.\d{1,4})?$/;

export function ProductNewPage() {
  const me = useSignedIn();
  if (!canKeepProducts(me.role)) return <NotFoundPage />;
  return <ProductForm />;
}

function ProductForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const invalidate = useInvalidateFinancing();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ProductKind>('flat');
  const [rate, setRate] = useState('');
  const [nisbah, setNisbah] = useState('');
  const [frequency, setFrequency] = useState<(typeof FREQUENCIES)[number]>('monthly');
  const [minAmount, setMinAmount] = useState('');
  const [maxAmount, setMaxAmount] = useState('');
  const [minN, setMinN] = useState<number | string>(3);
  const [maxN, setMaxN] = useState<number | string>(24);
  const [graceP, setGraceP] = useState<number | string>(0);
  const [graceI, setGraceI] = useState<number | string>(0);
  const [penalty, setPenalty] = useState('0');
  const [penaltyCap, setPenaltyCap] = useState('0');
  const [rounding, setRounding] = useState<Rounding>('half-up');
  const [multiples, setMultiples] = useState('');
  const [allocation, setAllocation] = useState<AllocationPart[]>([...DEFAULT_ALLOCATION_ORDER]);
  const [checked, setChecked] = useState(false);
  // Mudharabah and musyarakah share profit by nisbah; qardh takes nothing; the rest take a rate or a margin.
  const takesRate = !sharesProfit(kind) && kind !== 'qardh';
  const takesNisbah = sharesProfit(kind);

  const save = useMutation({
    mutationFn: () =>
      api.post<Product>('/api/v1/financing/products', {
        code: code.trim().toUpperCase(),
        name: name.trim(),
        kind,
        ratePercent: takesRate ? rate.trim() : '0',
        memberNisbahPercent: takesNisbah ? nisbah.trim() : undefined,
        frequency,
        minAmount,
        maxAmount,
        minInstallments: wholeNumberOf(minN),
        maxInstallments: wholeNumberOf(maxN),
        graceOnPrincipal: wholeNumberOf(graceP) ?? 0,
        graceOnProfit: wholeNumberOf(graceI) ?? 0,
        penaltyPerMilleDaily: penalty.trim() || '0',
        penaltyCapPercent: penaltyCap.trim() || '0',
        rounding,
        inMultiplesOf: multiples || undefined,
        allocationOrder: allocation,
      }),
    onSuccess: async (product) => {
      await invalidate();
      toast.success(t('financing.products.created', { code: product.code }));
      void navigate('/financing/products');
    },
  });

  const required = t('common.required');
  const local: Partial<Record<Field, string>> = {
    ...(/^[A-Za-z0-9-]{2,20}$/.test(code.trim()) ? {} : { code: code.trim() ? t('financing.products.codeHint') : required }),
    ...(name.trim() ? {} : { name: required }),
    ...(!takesRate || PERCENT.test(rate.trim()) ? {} : { ratePercent: required }),
    ...(!takesNisbah || PERCENT.test(nisbah.trim()) ? {} : { memberNisbahPercent: required }),
    ...(minAmount ? {} : { minAmount: required }),
    ...(maxAmount ? {} : { maxAmount: required }),
    ...((wholeNumberOf(minN) ?? 0) >= 1 ? {} : { minInstallments: required }),
    ...((wholeNumberOf(maxN) ?? 0) >= 1 ? {} : { maxInstallments: required }),
    ...(multiples === '' || positiveRupiahOf(multiples) !== null ? {} : { inMultiplesOf: t('financing.products.multiplesPositive') }),
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
        <PageHeader title={t('financing.products.newTitle')} />
        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('financing.products.code')}
                description={t('financing.products.codeHint')}
                required
                value={code}
                onChange={(e) => setCode(e.currentTarget.value.toUpperCase())}
                error={errorOf('code')}
                maxLength={20}
              />
              <TextInput
                label={t('financing.products.name')}
                required
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={errorOf('name')}
                maxLength={120}
              />
              <Select
                label={t('financing.products.kind')}
                required
                data={PRODUCT_KINDS.map((k) => ({ value: k, label: t(`financing.kinds.${k}`) }))}
                value={kind}
                onChange={(value) => value && setKind(value as ProductKind)}
                allowDeselect={false}
                error={errorOf('kind')}
                comboboxProps={{ withinPortal: true }}
              />
              <Select
                label={t('financing.products.frequency')}
                required
                data={FREQUENCIES.map((f) => ({ value: f, label: t(`financing.frequencies.${f}`) }))}
                value={frequency}
                onChange={(value) => value && setFrequency(value as (typeof FREQUENCIES)[number])}
                allowDeselect={false}
                error={errorOf('frequency')}
                comboboxProps={{ withinPortal: true }}
              />
              {takesRate && (
                <TextInput
                  label={kind === 'murabahah' ? t('financing.products.margin') : t('financing.products.rate')}
                  required
                  value={rate}
                  onChange={(e) => setRate(e.currentTarget.value.replace(',', '.'))}
                  error={errorOf('ratePercent')}
                  inputMode="decimal"
                  rightSection="%"
                />
              )}
              {takesNisbah && (
                <TextInput
                  label={t('financing.products.nisbah')}
                  description={t('financing.products.nisbahHint')}
                  required
                  value={nisbah}
                  onChange={(e) => setNisbah(e.currentTarget.value.replace(',', '.'))}
                  error={errorOf('memberNisbahPercent')}
                  inputMode="decimal"
                  rightSection="%"
                />
              )}
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <RupiahInput
                label={t('financing.products.minAmount')}
                required
                value={minAmount}
                onChange={setMinAmount}
                error={errorOf('minAmount')}
              />
              <RupiahInput
                label={t('financing.products.maxAmount')}
                required
                value={maxAmount}
                onChange={setMaxAmount}
                error={errorOf('maxAmount')}
              />
              <NumberInput
                label={t('financing.products.minInstallments')}
                required
                min={1}
                max={520}
                allowDecimal={false}
                value={minN}
                onChange={setMinN}
                error={errorOf('minInstallments')}
              />
              <NumberInput
                label={t('financing.products.maxInstallments')}
                required
                min={1}
                max={520}
                allowDecimal={false}
                value={maxN}
                onChange={setMaxN}
                error={errorOf('maxInstallments')}
              />
              <NumberInput
                label={t('financing.products.graceOnPrincipal')}
                min={0}
                max={52}
                allowDecimal={false}
                value={graceP}
                onChange={setGraceP}
                error={errorOf('graceOnPrincipal')}
              />
              <NumberInput
                label={t('financing.products.graceOnProfit')}
                min={0}
                max={52}
                allowDecimal={false}
                value={graceI}
                onChange={setGraceI}
                error={errorOf('graceOnProfit')}
              />
              <TextInput
                label={t('financing.products.penalty')}
                value={penalty}
                onChange={(e) => setPenalty(e.currentTarget.value.replace(',', '.'))}
                error={errorOf('penaltyPerMilleDaily')}
                inputMode="decimal"
              />
              <TextInput
                label={t('financing.products.penaltyCap')}
                value={penaltyCap}
                onChange={(e) => setPenaltyCap(e.currentTarget.value.replace(',', '.'))}
                error={errorOf('penaltyCapPercent')}
                inputMode="decimal"
                rightSection="%"
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label={t('financing.products.rounding')}
                description={t('financing.products.roundingHint')}
                required
                data={ROUNDINGS.map((r) => ({ value: r, label: t(`financing.products.roundings.${r}`) }))}
                value={rounding}
                onChange={(value) => value && setRounding(value as Rounding)}
                allowDeselect={false}
                error={errorOf('rounding')}
                comboboxProps={{ withinPortal: true }}
              />
              <RupiahInput
                label={t('financing.products.inMultiplesOf')}
                description={t('financing.products.inMultiplesOfHint')}
                value={multiples}
                onChange={setMultiples}
                error={errorOf('inMultiplesOf')}
                name="inMultiplesOf"
              />
            </SimpleGrid>
            <AllocationOrderInput value={allocation} onChange={setAllocation} error={errorOf('allocationOrder')} />
          </Stack>
        </Paper>
        <FormError error={save.error} fields={[...FIELDS]} />
        {checked && Object.keys(local).length > 0 && (
          <Text size="sm" c="red.9" role="alert">
            {t('household.checkMarked')}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" component={Link} to="/financing/products">
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('financing.products.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The order a repayment pays the parts of what is due: each part once, moved up or down. */
function AllocationOrderInput({
  value,
  onChange,
  error,
}: {
  value: AllocationPart[];
  onChange(order: AllocationPart[]): void;
  error?: string;
}) {
  const { t } = useTranslation();
  const move = (index: number, by: -1 | 1) => {
    const next = [...value];
    const [part] = next.splice(index, 1);
    if (part) next.splice(index + by, 0, part);
    onChange(next);
  };
  const isDefault = value.every((part, index) => part === DEFAULT_ALLOCATION_ORDER[index]);
  return (
    <Input.Wrapper
      labelElement="div"
      label={t('financing.products.allocationOrder')}
      description={isDefault ? t('financing.products.allocationDefault') : t('financing.products.allocationHint')}
      error={error}
    >
      <Stack gap={4} mt={6} maw={420} data-testid="allocation-order">
        {value.map((part, index) => {
          const name = t(`financing.products.allocationParts.${part}`);
          return (
            <Group
              key={part}
              justify="space-between"
              wrap="nowrap"
              gap="xs"
              px="sm"
              py={4}
              style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-sm)' }}
              data-testid="allocation-part"
            >
              <Text size="sm">
                {index + 1}. {name}
              </Text>
              <Group gap={4} wrap="nowrap">
                <ActionIcon
                  variant="default"
                  aria-label={t('financing.products.moveUp', { part: name })}
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                >
                  <ArrowUpIcon size={16} />
                </ActionIcon>
                <ActionIcon
                  variant="default"
                  aria-label={t('financing.products.moveDown', { part: name })}
                  disabled={index === value.length - 1}
                  onClick={() => move(index, 1)}
                >
                  <ArrowDownIcon size={16} />
                </ActionIcon>
              </Group>
            </Group>
          );
        })}
      </Stack>
    </Input.Wrapper>
  );
}
