/** Pure checks of a health profile: pregnancy dates (Naegele's rule) and what cannot be. */
import { addDays, daysBetween } from '../../core/dates.ts';
import type { FieldError } from '../../core/errors.ts';

/** Naegele's rule: the expected delivery is the first day of the last menstrual period + 280 days (40 weeks). */
export const NAEGELE_DAYS = 280;
/** A pregnancy is over by 44 weeks: a last period further back is a typing error. */
export const MAX_PREGNANCY_DAYS = 308;

export const expectedDeliveryOf = (lastMenstrualPeriod: string) => addDays(lastMenstrualPeriod, NAEGELE_DAYS);

export type ProfileFacts = {
  pregnant: boolean;
  lastMenstrualPeriod: string | null;
  expectedDelivery: string | null;
  pregnancies: number | null;
  kbMethod: string | null;
  conditions: readonly { code: string; since: string | null }[];
};

/**
 * What the person's sex and birth date and today make impossible, each on its field:
 * a pregnant man, a last period in the future or before birth, a delivery before the last
 * period, a pregnancy of more than 44 weeks, a vasectomy for a woman or a tubectomy for a man.
 */
export function profileErrors(input: ProfileFacts, person: { sex: 'M' | 'F'; birthDate: string }, today: string): FieldError[] {
  const errors: FieldError[] = [];
  const lmp = input.lastMenstrualPeriod;
  if (input.pregnant && person.sex === 'M') errors.push({ field: 'pregnant', code: 'health.pregnant_male' });
  if (lmp !== null && person.sex === 'M') errors.push({ field: 'lastMenstrualPeriod', code: 'health.pregnant_male' });
  if (lmp !== null && lmp > today) errors.push({ field: 'lastMenstrualPeriod', code: 'health.lmp_in_future', params: { date: lmp } });
  if (lmp !== null && lmp < person.birthDate)
    errors.push({ field: 'lastMenstrualPeriod', code: 'health.date_before_birth', params: { birthDate: person.birthDate } });
  if (input.pregnant && lmp !== null && lmp <= today && daysBetween(lmp, today) > MAX_PREGNANCY_DAYS)
    errors.push({ field: 'lastMenstrualPeriod', code: 'health.lmp_too_old', params: { date: lmp } });
  if (input.expectedDelivery !== null) {
    if (!input.pregnant) errors.push({ field: 'expectedDelivery', code: 'health.edd_without_pregnancy' });
    else if (lmp !== null && input.expectedDelivery <= lmp)
      errors.push({ field: 'expectedDelivery', code: 'health.edd_before_lmp', params: { date: input.expectedDelivery } });
  }
  if (input.pregnant && input.pregnancies === 0) errors.push({ field: 'pregnancies', code: 'health.pregnancies_too_few' });
  if ((input.kbMethod === 'vasectomy' && person.sex === 'F') || (input.kbMethod === 'tubectomy' && person.sex === 'M'))
    errors.push({ field: 'kbMethod', code: 'health.kb_method_sex' });
  input.conditions.forEach((c, i) => {
    if (c.since !== null && c.since > today)
      errors.push({ field: `conditions.${i}.since`, code: 'health.date_in_future', params: { date: c.since } });
    else if (c.since !== null && c.since < person.birthDate)
      errors.push({ field: `conditions.${i}.since`, code: 'health.date_before_birth', params: { birthDate: person.birthDate } });
  });
  return errors;
}

/** The delivery date to keep: the one typed, else Naegele's from the last period, only while pregnant. */
export function deliveryDateOf(input: Pick<ProfileFacts, 'pregnant' | 'lastMenstrualPeriod' | 'expectedDelivery'>): string | null {
  if (!input.pregnant) return null;
  if (input.expectedDelivery !== null) return input.expectedDelivery;
  return input.lastMenstrualPeriod === null ? null : expectedDeliveryOf(input.lastMenstrualPeriod);
}

/** What social assistance reads of a health profile: null where the profile does not say. */
export type AidHealthFacts = { pregnant: boolean | null; disability: 'severe' | 'none' | null };

/**
 * Pregnancy and severe disability on a day, for social assistance (PKH pays a pregnant woman and a
 * person with a severe disability). No profile: neither is recorded (null). Pregnant on `asOf`
 * when the profile says pregnant, the last period (if recorded) is on or before the day and the
 * expected delivery (if recorded) is not before it: a pregnancy whose expected delivery has passed
 * is no longer counted (the birth is a new member of the family).
 * Disability: the profile records a kind (physical, sensory, intellectual, mental, multiple), not
 * a severity. `multiple` (disabilitas ganda) is read as severe; `none` as none; a single kind as
 * not recorded (null), because its severity is not known: it neither pays nor is refused as
 * "not disabled" (docs/aid.md, "Pregnancy and disability").
 */
export function aidHealthFactsOf(
  profile: { pregnant: boolean; last_menstrual_period: string | null; expected_delivery: string | null; disability: string } | undefined,
  asOf: string,
): AidHealthFacts {
  if (!profile) return { pregnant: null, disability: null };
  const pregnant =
    profile.pregnant &&
    (profile.last_menstrual_period === null || profile.last_menstrual_period <= asOf) &&
    (profile.expected_delivery === null || profile.expected_delivery >= asOf);
  const disability = profile.disability === 'none' ? 'none' : profile.disability === 'multiple' ? 'severe' : null;
  return { pregnant, disability };
}
