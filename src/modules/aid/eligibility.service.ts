import type { z } from 'zod';
import { actorScope, assertRole, type Context } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { invalid, notFound } from '../../core/errors.ts';
import { regionInScope } from '../../core/scope.ts';
import type { Queryable } from '../../db/database.ts';
import { findPersonForActor, householdById, householdMembers, personById } from '../registry/index.ts';
import type { Relation } from '../registry/registry.schema.ts';
import { AID_READERS } from './aid.roles.ts';
import { findCurrentEnrolmentCodes } from './aid.store.ts';
import { type Eligibility, type EligibilitySubject, evaluateEligibility, type SubjectMember, wordsOf } from './eligibility.rules.ts';
import type { eligibilityQuerySchema, eligibilityViewSchema } from './eligibility.schema.ts';
import type { EligibilityRule } from './programme.schema.ts';
import { type LoadedProgramme, loadProgramme } from './programme.service.ts';

type PersonRow = NonNullable<Awaited<ReturnType<typeof personById>>>;
type HouseholdRow = NonNullable<Awaited<ReturnType<typeof householdById>>>;

/** What the rules read of a member (the registry's person, or a member of `householdsWithPersons`). */
export type MemberFacts = { id: string; birthDate: string; sex: 'M' | 'F'; relation: Relation };
const memberFacts = (person: PersonRow): MemberFacts => ({
  id: person.id,
  birthDate: person.birth_date,
  sex: person.sex,
  relation: person.relation,
});

/**
 * What the registry says about a member, for the rules. School level is not in the registry
 * yet, and pregnancy and disability are in the health profile, which the health module does not
 * expose yet: all three read as "not recorded" (null).
 */
const subjectMember = (person: MemberFacts): SubjectMember => ({
  birthDate: person.birthDate,
  sex: person.sex,
  relation: person.relation,
  schoolLevel: null,
  disability: null,
  pregnant: null,
});

const alive = (person: { died_on: string | null }, today: string) => person.died_on === null || person.died_on > today;

async function livingMembers(db: Queryable, householdId: string, today: string): Promise<PersonRow[]> {
  const members = (await householdMembers(db, householdId)).filter((m) => alive(m, today));
  const rows = await Promise.all(members.map((m) => personById(db, m.id)));
  return rows.filter((row): row is PersonRow => row !== undefined);
}

/**
 * A unit's eligibility for a programme today: the family's living members (or the one person)
 * as given, the household's cards, decile and village, and the programmes it is in now.
 */
export async function evaluateUnit(
  db: Queryable,
  programme: LoadedProgramme,
  household: HouseholdRow,
  members: MemberFacts[],
  unit: 'household' | 'person',
  today: string,
): Promise<Eligibility> {
  const enrolledIn = await findCurrentEnrolmentCodes(
    db,
    household.id,
    members.map((m) => m.id),
  );
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
  const members = forPerson && person ? [person] : await livingMembers(ctx.db, householdId, today);
  const result = await evaluateUnit(ctx.db, programme, household, members.map(memberFacts), forPerson ? 'person' : 'household', today);
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
