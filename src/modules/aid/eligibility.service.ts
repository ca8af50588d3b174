import type { z } from 'zod';
import { actorScope, assertRole, type Context } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { invalid, notFound } from '../../core/errors.ts';
import { regionInScope } from '../../core/scope.ts';
import type { Queryable } from '../../db/database.ts';
import { findPersonForActor, householdById, type personById } from '../registry/index.ts';
import { AID_READERS } from './aid.roles.ts';
import { findCurrentEnrolmentCodes } from './aid.store.ts';
import { type Eligibility, type EligibilitySubject, evaluateEligibility, type SubjectMember, wordsOf } from './eligibility.rules.ts';
import type { eligibilityQuerySchema, eligibilityViewSchema } from './eligibility.schema.ts';
import { type AidMemberFacts, memberFactsOf } from './member-facts.service.ts';
import type { EligibilityRule } from './programme.schema.ts';
import { type LoadedProgramme, loadProgramme } from './programme.service.ts';

type PersonRow = NonNullable<Awaited<ReturnType<typeof personById>>>;
type HouseholdRow = NonNullable<Awaited<ReturnType<typeof householdById>>>;

/** What the rules read of a member: the registry's person with school level, and the health profile's pregnancy and disability. */
export type MemberFacts = AidMemberFacts;

/** A person who is not among the living members (deceased, merged): what the registry alone says. */
const personFacts = (person: PersonRow): MemberFacts => ({
  id: person.id,
  birthDate: person.birth_date,
  sex: person.sex,
  relation: person.relation,
  schoolLevel: person.school_level,
  schoolYear: person.school_level === null ? null : person.school_year,
  pregnant: person.sex === 'M' ? false : null,
  disability: null,
});

/** What the rules read of a member; null: not recorded (no school level in the registry, no health profile). */
export const subjectMember = (person: MemberFacts): SubjectMember => ({
  birthDate: person.birthDate,
  sex: person.sex,
  relation: person.relation,
  schoolLevel: person.schoolLevel,
  disability: person.disability,
  pregnant: person.pregnant,
});

/** The household's facts the rules read, for a unit of it: its village, decile and cards. */
export type HouseholdFacts = Pick<HouseholdRow, 'id' | 'village_code' | 'welfare_decile' | 'has_kks' | 'has_kis' | 'has_kip' | 'has_pkh'>;

/** A unit's eligibility from facts already read (the lists read a page of units at once). */
export function evaluateWith(
  programme: LoadedProgramme,
  household: HouseholdFacts,
  members: MemberFacts[],
  unit: 'household' | 'person',
  enrolledIn: Iterable<string>,
  today: string,
): Eligibility {
  const subject: EligibilitySubject = {
    unit,
    villageCode: household.village_code,
    decile: household.welfare_decile,
    cards: { kks: household.has_kks, kis: household.has_kis, kip: household.has_kip, pkh: household.has_pkh },
    members: members.map(subjectMember),
    enrolledIn: new Set(enrolledIn),
  };
  return evaluateEligibility(programme.row.eligibility as EligibilityRule[], subject, today);
}

/**
 * A unit's eligibility for a programme today: the family's living members (or the one person)
 * as given, the household's cards, decile and village, and the programmes it is in now.
 */
export async function evaluateUnit(
  db: Queryable,
  programme: LoadedProgramme,
  household: HouseholdFacts,
  members: MemberFacts[],
  unit: 'household' | 'person',
  today: string,
): Promise<Eligibility> {
  const enrolledIn = await findCurrentEnrolmentCodes(
    db,
    household.id,
    members.map((m) => m.id),
  );
  return evaluateWith(programme, household, members, unit, enrolledIn, today);
}

/**
 * Whether a household or a person is eligible for a programme today, with every rule explained
 * in the caller's language. A household or person outside the caller's scope answers as unknown.
 * A person asked about a family programme is answered for their family.
 */
export async function explainEligibility(
  ctx: Context,
  programmeIdOrCode: string,
  query: z.infer<typeof eligibilityQuerySchema>,
): Promise<z.input<typeof eligibilityViewSchema>> {
  assertRole(ctx, AID_READERS);
  if ((query.household === undefined) === (query.person === undefined)) throw invalid('aid.subject_required', 'household');
  const programme = await loadProgramme(ctx.db, programmeIdOrCode);
  if (!programme) throw notFound('programme', programmeIdOrCode);
  const today = businessDate(ctx.clock);

  let householdId: string;
  let person: PersonRow | undefined;
  if (query.person !== undefined) {
    person = await findPersonForActor(ctx, ctx.db, query.person);
    if (!person) throw notFound('person', query.person);
    householdId = person.household_id;
  } else {
    householdId = query.household as string;
    if (programme.row.target_unit === 'person') throw invalid('aid.unit_mismatch', 'household');
  }
  const household = await householdById(ctx.db, householdId);
  if (!household || !regionInScope(actorScope(ctx), household.village_code)) throw notFound('household', householdId);

  const forPerson = programme.row.target_unit === 'person' && person !== undefined;
  const family = (await memberFactsOf(ctx.db, [householdId], today)).get(householdId) ?? [];
  const members = forPerson && person ? [family.find((m) => m.id === person.id) ?? personFacts(person)] : family;
  const result = await evaluateUnit(ctx.db, programme, household, members, forPerson ? 'person' : 'household', today);
  return {
    eligible: result.eligible,
    rules: result.rules.map((outcome) => ({
      rule: outcome.rule,
      passed: outcome.passed,
      value: outcome.value,
      required: outcome.required,
      message: wordsOf(outcome.message, ctx.locale),
    })),
  };
}
