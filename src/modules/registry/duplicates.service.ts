import { actorScope, assertRole, type Context, inTransaction } from '../../context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { regionInScope, regionLikePatterns } from '../../core/scope.ts';
import { recordAudit } from '../audit/index.ts';
import { DUPLICATE_DECIDERS, DUPLICATE_READERS } from './registry.roles.ts';
import type { DuplicateDecisionInput } from './registry.schema.ts';
import { getPerson } from './registry.service.ts';
import {
  findDuplicateCandidates,
  findDuplicateDecision,
  findPersonById,
  insertDuplicateDecision,
  markMerged,
  moveBusinesses,
} from './registry.store.ts';

/** Near-duplicates for a reviewer: same name, birth date and village. Nothing is merged here. */
export async function listDuplicateCandidates(ctx: Context, query: { village?: string; limit: number }) {
  assertRole(ctx, DUPLICATE_READERS);
  const pairs = await findDuplicateCandidates(ctx.db, {
    regionPatterns: regionLikePatterns(actorScope(ctx)),
    villageCode: query.village,
    limit: query.limit,
  });
  const items = [];
  for (const pair of pairs)
    items.push({ a: await getPerson(ctx, pair.a_id), b: await getPerson(ctx, pair.b_id), reason: 'same_name_birth_date_village' as const });
  return { items };
}

/** A reviewer's decision: merge (the other record points at the one kept) or distinct. */
export async function decideDuplicate(ctx: Context, input: DuplicateDecisionInput) {
  assertRole(ctx, DUPLICATE_DECIDERS);
  const [first, second] = [...input.personIds].sort() as [string, string];
  return inTransaction(ctx, async (tx) => {
    const a = await findPersonById(tx, first);
    const b = await findPersonById(tx, second);
    const scope = actorScope(ctx);
    if (!a || !regionInScope(scope, a.village_code)) throw notFound('person', first);
    if (!b || !regionInScope(scope, b.village_code)) throw notFound('person', second);
    if (a.merged_into || b.merged_into || (await findDuplicateDecision(tx, first, second)))
      throw new AppError('registry.already_decided', 'conflict', { errors: [{ field: 'personIds', code: 'registry.already_decided' }] });
    const now = ctx.clock.now();
    const kept = input.decision === 'merge' ? (input.keepPersonId as string) : null;
    const dropped = kept === null ? null : kept === first ? second : first;
    await insertDuplicateDecision(tx, {
      person_a: first,
      person_b: second,
      decision: input.decision === 'merge' ? 'merged' : 'distinct',
      kept_person: kept,
      note: input.note,
      decided_by: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      decided_at: now,
    });
    if (kept && dropped) {
      await markMerged(tx, dropped, kept, now);
      await moveBusinesses(tx, dropped, kept, now);
    }
    await recordAudit(tx, ctx, {
      action: input.decision === 'merge' ? 'person.merge' : 'person.distinct',
      entityType: 'person',
      entityId: kept ?? first,
      regionCode: a.village_code,
      after: { personIds: [first, second], kept, dropped, note: input.note },
    });
    return { decision: input.decision, keptPersonId: kept, mergedPersonId: dropped };
  });
}
