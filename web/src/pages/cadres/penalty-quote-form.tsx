// The inpatient penalty (denda pelayanan) a family would pay after reactivating its card: a
// small calculator on the household's JKN panel. The server computes it (POST
// /api/v1/jkn/penalty-quote); the segment is the family's own.

import { Alert, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HouseholdJknView, JknSegment } from '../../api/cadres.ts';
import { familyDuesQuery } from '../../api/contributions.ts';
import { type PenaltyInput, quotePenalty } from '../../api/jkn.ts';
import { DateField } from '../../components/date-field.tsx';
import { FormError, fieldError } from '../../components/error-alert.tsx';
import { formatRupiah, RupiahInput } from '../../components/rupiah-input.tsx';
import { todayIso } from '../registry/shared.tsx';

type CareType = PenaltyInput['careType'];
const CARE_TYPES: CareType[] = ['inpatient', 'outpatient'];
const FIELDS = ['reactivatedOn', 'admittedOn', 'careType', 'inaCbgTariff', 'monthsInArrears', 'segment'];

/** The segments of the family's living members with a card, most common first. */
function familySegments(view: HouseholdJknView): JknSegment[] {
  const counts = new Map<JknSegment, number>();
  for (const member of view.members)
    if (member.jkn && !member.deceased) counts.set(member.jkn.segment, (counts.get(member.jkn.segment) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([segment]) => segment);
}

export function PenaltyQuoteForm({ view }: { view: HouseholdJknView }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const segments = familySegments(view);
  // Reactivating now would clear today's arrears: those months are the first guess.
  const arrearsMonths = useQuery(familyDuesQuery(view.householdId)).data?.quote?.arrearsMonths;
  return (
    <Stack gap="xs" data-testid="penalty-quote">
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600}>
          {t('penaltyQuote.title')}
        </Text>
        <Button size="compact-xs" variant="light" onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid="penalty-open">
          {open ? t('penaltyQuote.hide') : t('penaltyQuote.open')}
        </Button>
      </Group>
      {open &&
        (segments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('penaltyQuote.noCard')}
          </Text>
        ) : (
          <PenaltyForm segments={segments} arrearsMonths={arrearsMonths} />
        ))}
    </Stack>
  );
}

function PenaltyForm({ segments, arrearsMonths }: { segments: JknSegment[]; arrearsMonths?: number }) {
  const { t } = useTranslation();
  const [reactivatedOn, setReactivatedOn] = useState(todayIso());
  const [admittedOn, setAdmittedOn] = useState(todayIso());
  const [careType, setCareType] = useState<CareType>('inpatient');
  const [tariff, setTariff] = useState('');
  const [months, setMonths] = useState<number | string>(arrearsMonths && arrearsMonths > 0 ? arrearsMonths : '');
  const [segment, setSegment] = useState<JknSegment>(segments[0] as JknSegment);
  const [checked, setChecked] = useState(false);
  const quote = useMutation({ mutationFn: quotePenalty });
  const monthsValid = months !== '' && Number.isInteger(Number(months)) && Number(months) >= 0 && Number(months) <= 600;
  // Said as the dates are typed: care before the reactivation has no penalty to work out (the server answers 422 too).
  const beforeReactivation =
    reactivatedOn && admittedOn && admittedOn < reactivatedOn ? t('penaltyQuote.admittedBeforeReactivation') : undefined;
  const problems = {
    reactivatedOn: reactivatedOn ? undefined : t('common.required'),
    admittedOn: admittedOn ? beforeReactivation : t('common.required'),
    inaCbgTariff: !tariff ? t('common.required') : tariff.length > 13 ? t('penaltyQuote.tariffTooLarge') : undefined,
    monthsInArrears: months === '' ? t('common.required') : monthsValid ? undefined : t('penaltyQuote.monthsRange'),
  };
  const shown = (field: keyof typeof problems) => (checked ? problems[field] : undefined) ?? fieldError(quote.error, field);
  // A figure on the screen always belongs to the inputs beside it.
  const changed =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      quote.reset();
    };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(true);
        if (Object.values(problems).some(Boolean)) return;
        quote.mutate({ reactivatedOn, admittedOn, careType, inaCbgTariff: tariff, monthsInArrears: Number(months), segment });
      }}
      noValidate
    >
      <Paper withBorder radius="md" p="xs">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <DateField
              label={t('penaltyQuote.reactivatedOn')}
              description={t('penaltyQuote.reactivatedOnHint')}
              required
              value={reactivatedOn}
              onChange={(event) => changed(setReactivatedOn)(event.currentTarget.value)}
              error={shown('reactivatedOn')}
              data-testid="penalty-reactivated"
            />
            <DateField
              label={t('penaltyQuote.admittedOn')}
              description={t('penaltyQuote.admittedOnHint')}
              required
              value={admittedOn}
              onChange={(event) => changed(setAdmittedOn)(event.currentTarget.value)}
              error={beforeReactivation ?? shown('admittedOn')}
              data-testid="penalty-admitted"
            />
            <Select
              label={t('penaltyQuote.careType')}
              required
              allowDeselect={false}
              data={CARE_TYPES.map((value) => ({ value, label: t(`penaltyQuote.careTypes.${value}`) }))}
              value={careType}
              onChange={(value) => value && changed(setCareType)(value as CareType)}
              error={fieldError(quote.error, 'careType')}
              comboboxProps={{ withinPortal: true }}
              data-testid="penalty-care-type"
            />
            {segments.length > 1 ? (
              <Select
                label={t('jkn.segment')}
                description={t('penaltyQuote.segmentHint')}
                required
                allowDeselect={false}
                data={segments.map((value) => ({ value, label: t(`jkn.segments.${value}`) }))}
                value={segment}
                onChange={(value) => value && changed(setSegment)(value as JknSegment)}
                error={fieldError(quote.error, 'segment')}
                comboboxProps={{ withinPortal: true }}
              />
            ) : (
              <Stack gap={2}>
                <Text size="sm" fw={500}>
                  {t('jkn.segment')}
                </Text>
                <Text size="sm" data-testid="penalty-segment">
                  {t(`jkn.segments.${segment}`)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('penaltyQuote.segmentFromFamily')}
                </Text>
              </Stack>
            )}
            <RupiahInput
              label={t('penaltyQuote.tariff')}
              description={t('penaltyQuote.tariffHint')}
              required
              value={tariff}
              onChange={changed(setTariff)}
              error={shown('inaCbgTariff')}
              name="ina-cbg-tariff"
            />
            <NumberInput
              label={t('penaltyQuote.months')}
              description={t('penaltyQuote.monthsHint')}
              required
              min={0}
              max={600}
              allowDecimal={false}
              allowNegative={false}
              value={months}
              onChange={changed(setMonths)}
              error={shown('monthsInArrears')}
              data-testid="penalty-months"
            />
          </SimpleGrid>
          <FormError error={quote.error} fields={FIELDS} />
          <Group justify="flex-end">
            <Button type="submit" size="xs" loading={quote.isPending} data-testid="penalty-submit">
              {t('penaltyQuote.submit')}
            </Button>
          </Group>
          {quote.data && (
            <Alert
              color={BigInt(quote.data.penalty) > 0n ? 'orange' : 'teal'}
              variant="light"
              data-testid="penalty-result"
              aria-live="polite"
            >
              <Text size="xs" c="dimmed">
                {t('penaltyQuote.penalty')}
              </Text>
              <Text fw={700} fz="lg" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="penalty-amount">
                {formatRupiah(quote.data.penalty)}
              </Text>
              <Text size="sm" data-testid="penalty-reason">
                {quote.data.reason}
              </Text>
            </Alert>
          )}
        </Stack>
      </Paper>
    </form>
  );
}
