import type { Queryable } from '../../db/database.ts';
import { householdsWithPersons } from '../registry/index.ts';
import type { Relation } from '../registry/registry.schema.ts';

/**
 * What eligibility and entitlements read of one living member of a family, for many families
 * in one go (cycles compute hundreds of thousands). null: not recorded.
 * School level and year come from the registry (person.school_level, school_year); pregnancy and
 * severe disability from the health profile where it is recorded.
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
  // PINNED SIGNATURE (issue 13 skeleton). The helper for "registry school level + health feed"
  // fills schoolLevel/schoolYear/pregnant/disability from their sources in batched reads.
  const families = await householdsWithPersons(db, householdIds);
  return new Map(
    families.map((family) => [
      family.id,
      family.persons
        .filter((p) => !p.merged && (p.diedOn === null || p.diedOn > onDate))
        .map((p) => ({
          id: p.id,
          birthDate: p.birthDate,
          sex: p.sex,
          relation: p.relation as Relation,
          schoolLevel: null,
          schoolYear: null,
          pregnant: null,
          disability: null,
        })),
    ]),
  );
}
