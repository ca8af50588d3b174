import { ageOn } from '../../core/dates.ts';
import type { Locale } from '../../core/locale.ts';
import { translate } from '../../core/messages.ts';
import { regionInScope } from '../../core/scope.ts';
import type { Relation } from '../registry/registry.schema.ts';
import type { AidCard, EligibilityRule, SchoolLevel } from './programme.schema.ts';

/**
 * Eligibility that explains itself: every rule of a programme evaluated over what the registry
 * holds about a family or a person, each with the value seen, what was required, whether it
 * passed, and a message (a catalogue code with its params, worded in the caller's language by
 * the service). Eligible when every rule passes. What the registry does not record (school
 * level; pregnancy and disability until the health profile is read) fails its rule and says
 * "not recorded", never a silent pass. No I/O.
 */

/** `null`: not recorded. */
export type SubjectMember = {
  birthDate: string;
  sex: 'M' | 'F';
  relation: Relation;
  schoolLevel: SchoolLevel | 'none' | null;
  disability: 'severe' | 'none' | null;
  pregnant: boolean | null;
};

export type EligibilitySubject = {
  unit: 'household' | 'person';
  villageCode: string;
  decile: number | null;
  cards: Record<AidCard, boolean>;
  /** The person, or the family's living members. */
  members: SubjectMember[];
  /** Codes of the programmes the unit (or for a person, their family) is enrolled in now. */
  enrolledIn: ReadonlySet<string>;
};

/** A catalogue message with params; a param may itself be a message (or a list of them). */
export type MessageRef = { code: string; params?: Record<string, string | number | MessageRef | MessageRef[]> };

export type RuleOutcome = { rule: EligibilityRule['kind']; passed: boolean; value: unknown; required: unknown; message: MessageRef };
export type Eligibility = { eligible: boolean; rules: RuleOutcome[] };

const CARD_NAMES: Record<AidCard, string> = { kks: 'KKS', kis: 'KIS', kip: 'KIP', pkh: 'PKH' };

type MemberRule = Extract<EligibilityRule, { kind: 'age' | 'sex' | 'relation' | 'school_level' | 'disability' | 'pregnant' }>;
/** What one member shows for a member rule: the value, and whether it meets the rule (null: not recorded). */
type Seen = { value: unknown; meets: boolean | null; words: MessageRef | null };

function seenOf(rule: MemberRule, member: SubjectMember, asOf: string): Seen {
  switch (rule.kind) {
    case 'age': {
      const age = ageOn(member.birthDate, asOf);
      const meets = (rule.min === undefined || age >= rule.min) && (rule.max === undefined || age <= rule.max);
      return { value: age, meets, words: { code: 'aid.seen.age', params: { value: age } } };
    }
    case 'sex':
      return { value: member.sex, meets: member.sex === rule.sex, words: { code: `aid.seen.sex_${member.sex}` } };
    case 'relation':
      return {
        value: member.relation,
        meets: rule.relations.includes(member.relation),
        words: { code: `aid.relation.${member.relation}` },
      };
    case 'school_level':
      if (member.schoolLevel === null) return { value: null, meets: null, words: null };
      return {
        value: member.schoolLevel,
        meets: member.schoolLevel !== 'none' && rule.levels.includes(member.schoolLevel),
        words:
          member.schoolLevel === 'none'
            ? { code: 'aid.seen.not_in_school' }
            : { code: 'aid.seen.school_level', params: { value: member.schoolLevel } },
      };
    case 'disability':
      if (member.disability === null) return { value: null, meets: null, words: null };
      return {
        value: member.disability,
        meets: member.disability === rule.level,
        words: { code: member.disability === 'severe' ? 'aid.seen.disability_severe' : 'aid.seen.disability_none' },
      };
    case 'pregnant':
      if (member.pregnant === null) return { value: null, meets: null, words: null };
      return {
        value: member.pregnant,
        meets: member.pregnant,
        words: { code: member.pregnant ? 'aid.seen.pregnant' : 'aid.seen.not_pregnant' },
      };
  }
}

function wantedOf(rule: MemberRule): { required: unknown; words: MessageRef } {
  switch (rule.kind) {
    case 'age': {
      const required = { ...(rule.min === undefined ? {} : { min: rule.min }), ...(rule.max === undefined ? {} : { max: rule.max }) };
      if (rule.min !== undefined && rule.max !== undefined)
        return { required, words: { code: 'aid.want.age_between', params: { min: rule.min, max: rule.max } } };
      if (rule.min !== undefined) return { required, words: { code: 'aid.want.age_at_least', params: { min: rule.min } } };
      if (rule.max !== undefined) return { required, words: { code: 'aid.want.age_at_most', params: { max: rule.max } } };
      return { required, words: { code: 'aid.want.any_age' } };
    }
    case 'sex':
      return { required: rule.sex, words: { code: `aid.want.sex_${rule.sex}` } };
    case 'relation':
      return {
        required: rule.relations,
        words: { code: 'aid.want.relation', params: { relations: rule.relations.map((r) => ({ code: `aid.relation.${r}` })) } },
      };
    case 'school_level':
      return { required: rule.levels, words: { code: 'aid.want.school_level', params: { levels: rule.levels.join(', ') } } };
    case 'disability':
      return { required: rule.level, words: { code: 'aid.want.disability_severe' } };
    case 'pregnant':
      return { required: true, words: { code: 'aid.want.pregnant' } };
  }
}

const WHAT: Partial<Record<MemberRule['kind'], string>> = {
  school_level: 'aid.what.school_level',
  disability: 'aid.what.disability',
  pregnant: 'aid.what.pregnant',
};

function memberRule(rule: MemberRule, subject: EligibilitySubject, asOf: string): RuleOutcome {
  const { required, words: wanted } = wantedOf(rule);
  const seen = subject.members.map((member) => seenOf(rule, member, asOf));
  const notRecorded = (): MessageRef => ({
    code: 'aid.rule.not_recorded',
    params: { what: { code: WHAT[rule.kind] ?? 'aid.what.data' }, wanted },
  });
  if (subject.unit === 'person') {
    const own = seen[0] ?? { value: null, meets: null, words: null };
    const message: MessageRef =
      own.meets === null || own.words === null
        ? notRecorded()
        : { code: own.meets ? 'aid.rule.person_meets' : 'aid.rule.person_fails', params: { wanted, seen: own.words } };
    return { rule: rule.kind, passed: own.meets === true, value: own.value, required, message };
  }
  const meeting = seen.filter((s) => s.meets === true).length;
  const unknown = seen.filter((s) => s.meets === null).length;
  let message: MessageRef;
  if (meeting > 0) message = { code: 'aid.rule.members_meet', params: { count: meeting, wanted } };
  else if (unknown > 0 && unknown === seen.length) message = notRecorded();
  else if (unknown > 0) message = { code: 'aid.rule.no_recorded_member_meets', params: { count: unknown, wanted } };
  else message = { code: 'aid.rule.no_member_meets', params: { wanted } };
  return { rule: rule.kind, passed: meeting > 0, value: seen.map((s) => s.value), required, message };
}

export function evaluateRule(rule: EligibilityRule, subject: EligibilitySubject, asOf: string): RuleOutcome {
  switch (rule.kind) {
    case 'card': {
      const held = subject.cards[rule.card];
      const card = CARD_NAMES[rule.card];
      const code = held
        ? rule.held
          ? 'aid.rule.card_held'
          : 'aid.rule.card_held_excluded'
        : rule.held
          ? 'aid.rule.card_missing'
          : 'aid.rule.card_not_held';
      return {
        rule: 'card',
        passed: held === rule.held,
        value: held,
        required: { card: rule.card, held: rule.held },
        message: { code, params: { card } },
      };
    }
    case 'decile': {
      const required = { min: rule.min, max: rule.max };
      const value = subject.decile;
      if (value === null)
        return { rule: 'decile', passed: false, value, required, message: { code: 'aid.rule.decile_not_recorded', params: required } };
      const passed = value >= rule.min && value <= rule.max;
      return {
        rule: 'decile',
        passed,
        value,
        required,
        message: { code: passed ? 'aid.rule.decile_in_range' : 'aid.rule.decile_out_of_range', params: { value, ...required } },
      };
    }
    case 'region': {
      const passed = regionInScope({ kind: 'regions', regionCodes: rule.codes, officeIds: [] }, subject.villageCode);
      return {
        rule: 'region',
        passed,
        value: subject.villageCode,
        required: rule.codes,
        message: {
          code: passed ? 'aid.rule.region_in' : 'aid.rule.region_out',
          params: { village: subject.villageCode, regions: rule.codes.join(', ') },
        },
      };
    }
    case 'not_enrolled': {
      const enrolled = subject.enrolledIn.has(rule.programme);
      return {
        rule: 'not_enrolled',
        passed: !enrolled,
        value: enrolled,
        required: { programme: rule.programme, enrolled: false },
        message: {
          code: enrolled ? 'aid.rule.already_enrolled' : 'aid.rule.not_enrolled',
          params: { programme: rule.programme.toUpperCase() },
        },
      };
    }
    default:
      return memberRule(rule, subject, asOf);
  }
}

/** Every rule in the programme's order; eligible when all pass (no rules: everyone is). */
export function evaluateEligibility(rules: EligibilityRule[], subject: EligibilitySubject, asOf: string): Eligibility {
  const outcomes = rules.map((rule) => evaluateRule(rule, subject, asOf));
  return { eligible: outcomes.every((o) => o.passed), rules: outcomes };
}

/** A message and the messages in its params, in one language. */
export function wordsOf(ref: MessageRef, locale: Locale): string {
  const params = Object.fromEntries(
    Object.entries(ref.params ?? {}).map(([key, value]) => [
      key,
      Array.isArray(value)
        ? value.map((inner) => wordsOf(inner, locale)).join(', ')
        : typeof value === 'object'
          ? wordsOf(value, locale)
          : value,
    ]),
  );
  return translate(ref.code, locale, params);
}
