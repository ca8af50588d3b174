import { assertRole, type Context } from '../../context.ts';
import { cadresAmongPersons } from '../cadres/index.ts';
import { searchFinancingsByNumber } from '../financing/index.ts';
import { searchGroups } from '../groups/index.ts';
import { findPersons } from '../registry/index.ts';
import { SEARCHERS } from './search.roles.ts';
import { planSearch } from './search.rules.ts';
import type { SearchQuery, SearchResult } from './search.schema.ts';

/** Groups are searched by a fragment of three characters or more (the trigram index needs them). */
const GROUP_FRAGMENT_MIN = 3;

/**
 * The header search box: each module answers within the actor's role and regions (an unknown
 * and an out-of-scope record alike are simply not found), NIK masked where the role may not
 * see it. A few small indexed queries, whatever the size of the registry.
 */
export async function searchEverything(ctx: Context, query: SearchQuery): Promise<SearchResult> {
  assertRole(ctx, SEARCHERS);
  const q = query.q.replace(/\s+/g, ' ').trim();
  const plan = planSearch(q);
  const personQuery = plan.nikOrKk ? q.replace(/\s+/g, '') : plan.name ? q : undefined;
  const [persons, financings, groups] = await Promise.all([
    personQuery ? findPersons(ctx, { q: personQuery, limit: query.limit }).then((page) => page.items) : [],
    plan.financingNumber ? searchFinancingsByNumber(ctx, q.replace(/\s+/g, ''), query.limit) : [],
    plan.name && q.length >= GROUP_FRAGMENT_MIN ? searchGroups(ctx, q, query.limit) : [],
  ]);
  const cadres = new Map(
    (
      await cadresAmongPersons(
        ctx,
        persons.map((p) => p.id),
      )
    ).map((c) => [c.personId, c.id]),
  );
  const households = plan.nikOrKk
    ? [...new Map(persons.filter((p) => p.kkNumber === personQuery).map((p) => [p.householdId, p])).values()].map((p) => ({
        id: p.householdId,
        kkNumber: p.kkNumber,
        headName: persons.find((m) => m.householdId === p.householdId && m.relation === 'head')?.fullName ?? null,
        villageName: p.villageName,
      }))
    : [];
  return {
    persons: persons.map((p) => ({
      id: p.id,
      fullName: p.fullName,
      nik: p.nik,
      nikMasked: p.nikMasked,
      householdId: p.householdId,
      kkNumber: p.kkNumber,
      villageName: p.villageName,
      deceased: p.deceased,
      cadreId: cadres.get(p.id) ?? null,
    })),
    households,
    financings,
    groups,
  };
}
