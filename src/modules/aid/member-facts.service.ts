import type { Queryable } from '../../db/database.ts';
import { pregnancyAndDisabilityOf } from '../health/index.ts';
import { householdsWithPersons } from '../registry/index.ts';
import type { Relation } from '../registry/registry.schema.ts';

/**
 * What eligibility and entitlements read of one living member of a family, for many families
 * in one go (cycles compute hundreds of thousands). null: not recorded.
 * School level and year come from the registry (person.school_level, school_year); pregnancy and
 * severe disability from the health profile where it is recorded (`pregnancyAndDisabilityOf` of
 * the health module: a woman's pregnancy on the day, and "severe" for a multiple disability).
 * A man is never pregnant (false, not "not recorded").
 */
export type AidMemberFacts = {
  id: string;
  birthDate: string;
  sex: 'M' | 'F';
  relation: Relation;
  schoolLevel: 'SD' | 'SMP' | 'SMA' | null;
  schoolYear: 'new' | 'middle' | 'final' | null;
  pregnant: boolean | null;
  disability: 'severe' | 'none' | null;
};

/** Living, unmerged members of each family on `onDate`, keyed by household id. */
export async function memberFactsOf(db: Queryable, householdIds: string[], onDate: string): Promise<Map<string, AidMemberFacts[]>> {
  const families = await householdsWithPersons(db, householdIds);
  const living = families.map((family) => ({
    id: family.id,
    persons: family.persons.filter((p) => !p.merged && (p.diedOn === null || p.diedOn > onDate)),
  }));
  const health = await pregnancyAndDisabilityOf(
    db,
    living.flatMap((family) => family.persons.map((p) => p.id)),
    onDate,
  );
  return new Map(
    living.map((family) => [
      family.id,
      family.persons.map((p) => {
        const recorded = health.get(p.id);
        return {
          id: p.id,
          birthDate: p.birthDate,
          sex: p.sex,
          relation: p.relation as Relation,
          schoolLevel: p.schoolLevel,
          schoolYear: p.schoolLevel === null ? null : p.schoolYear,
          pregnant: p.sex === 'M' ? false : (recorded?.pregnant ?? null),
          disability: recorded?.disability ?? null,
        };
      }),
    ]),
  );
}
