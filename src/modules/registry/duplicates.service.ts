import { actorScope, assertRole, type Context, inTransaction } from '../../context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { regionInScope, regionLikePatterns } from '../../core/scope.ts';
import type { Queryable } from '../../db/database.ts';
import { recordAudit } from '../audit/index.ts';
import { saveSetting, settingValue } from '../organisation/index.ts';
import { DEFAULT_NAME_SIMILARITY, type DuplicateReason, type PairEvidence, pairReasons } from './duplicates.rules.ts';
import { type CandidateRow, findCandidatePairs, findDecidedPairs, findNextVillages, findPersonPlaces } from './duplicates.store.ts';
import { DUPLICATE_DECIDERS, DUPLICATE_READERS, DUPLICATE_SETTERS } from './registry.roles.ts';
import type { DuplicateDecisionInput } from './registry.schema.ts';
import { getPerson } from './registry.service.ts';
import { findDuplicateDecision, findPersonById, insertDuplicateDecision, markMerged, moveBusinesses } from './registry.store.ts';

const SETTINGS_KEY = 'registry.duplicates';
/** The highest village code beneath a region code (codes are PP.RR.DD.VVVV). */
const HIGHEST = '99.99.99.9999';
const FIRST_CHUNK = 16;
const LARGEST_CHUNK = 4096;

export type DuplicateSettings = { nameSimilarity: number };

/** The duplicate review's settings (the name similarity from which a pair is raised), defaults filled in. */
export async function duplicateSettings(db: Queryable): Promise<DuplicateSettings> {
  const stored = await settingValue(db, SETTINGS_KEY);
  const similarity = stored?.nameSimilarity;
  return { nameSimilarity: typeof similarity === 'number' ? similarity : DEFAULT_NAME_SIMILARITY };
}

export async function getDuplicateSettings(ctx: Context) {
  assertRole(ctx, DUPLICATE_READERS);
  return duplicateSettings(ctx.db);
}

export async function updateDuplicateSettings(ctx: Context, input: DuplicateSettings) {
  assertRole(ctx, DUPLICATE_SETTERS);
  return inTransaction(ctx, async (tx) => {
    const before = await duplicateSettings(tx);
    const after: DuplicateSettings = { nameSimilarity: input.nameSimilarity };
    await saveSetting(tx, SETTINGS_KEY, after, ctx.clock.now());
    await recordAudit(tx, ctx, { action: 'registry.duplicate_settings', entityType: 'setting', entityId: undefined, before, after });
    return after;
  });
}

/**
 * Pairs of persons who share a recipient account across two households, from the module that
 * keeps accounts (the aid enrolment's channel account). A source returns pairs of person ids;
 * the review checks scope, merges and decisions itself. See docs/aid.md.
 */
export type SharedAccountSource = (db: Queryable) => Promise<[string, string][]>;
const accountSources = new Set<SharedAccountSource>();
/** Adds a source of shared-account pairs to the review; returns the function that removes it. */
export function addSharedAccountSource(source: SharedAccountSource) {
  accountSources.add(source);
  return () => {
    accountSources.delete(source);
  };
}

/** The village ranges to walk for a scope: the whole country, or each region code's villages (nested codes dropped). */
function villageRanges(scope: ReturnType<typeof actorScope>, village: string | undefined) {
  if (village) return regionInScope(scope, village) ? [{ from: village, upper: village }] : [];
  if (scope.kind === 'all') return [{ from: '', upper: HIGHEST }];
  const codes = [...new Set(scope.regionCodes)].sort();
  const outer = codes.filter((code) => !codes.some((other) => other !== code && code.startsWith(`${other}.`)));
  return outer.map((code) => ({ from: code, upper: code + HIGHEST.slice(code.length) }));
}

/** What a candidate row says about its pair (both persons are born the same day). */
const evidenceOf = (row: CandidateRow): PairEvidence => ({
  sameName: row.same_name,
  sameKey: row.same_key,
  similarity: row.similarity,
  sameVillage: row.same_village,
  sameBirthDate: true,
  sameHousehold: row.same_household,
});

type Pair = { aId: string; bId: string; villageCode: string; evidence: PairEvidence };

/**
 * Possible duplicates for a reviewer, tolerant of typos: the same or a similar name (name key,
 * trigram similarity from the setting) with the same birth date and village; the same person
 * (same name key and birth date) in two households; one recipient account for two households.
 * Villages are walked in code order, a growing chunk at a time, until the page is full: the work
 * follows the villages read, never the country's pairs. Decided pairs are not raised again.
 */
export async function listDuplicateCandidates(ctx: Context, query: { village?: string; limit: number }) {
  assertRole(ctx, DUPLICATE_READERS);
  const scope = actorScope(ctx);
  const regionPatterns = regionLikePatterns(scope);
  const { nameSimilarity } = await duplicateSettings(ctx.db);
  const pairs: Pair[] = [];
  let walkedUpTo: string | null = null;
  let exhausted = true;
  for (const range of villageRanges(scope, query.village)) {
    let after: string | null = null;
    let chunk = FIRST_CHUNK;
    while (pairs.length < query.limit) {
      const villages = await findNextVillages(ctx.db, { from: range.from, after, upper: range.upper, count: chunk });
      if (villages.length === 0) break;
      after = villages[villages.length - 1] as string;
      walkedUpTo = after;
      const rows = await findCandidatePairs(ctx.db, { villages, regionPatterns, threshold: nameSimilarity });
      for (const row of rows)
        pairs.push({
          aId: row.a_id,
          bId: row.b_id,
          villageCode: row.village_code,
          evidence: evidenceOf(row),
        });
      if (villages.length < chunk) break;
      chunk = Math.min(chunk * 2, LARGEST_CHUNK);
    }
    if (pairs.length >= query.limit) {
      exhausted = false;
      break;
    }
  }
  await addSharedAccountPairs(ctx, pairs, { scope, village: query.village, upTo: exhausted ? null : walkedUpTo });
  pairs.sort((x, y) => (x.villageCode < y.villageCode ? -1 : x.villageCode > y.villageCode ? 1 : x.aId < y.aId ? -1 : 1));

  const views = new Map<string, Awaited<ReturnType<typeof getPerson>>>();
  const view = async (id: string) => {
    const known = views.get(id);
    if (known) return known;
    const found = await getPerson(ctx, id);
    views.set(id, found);
    return found;
  };
  const items = [];
  for (const pair of pairs) {
    if (items.length >= query.limit) break;
    const { reasons, score } = pairReasons(pair.evidence, nameSimilarity);
    if (reasons.length === 0) continue;
    items.push({ a: await view(pair.aId), b: await view(pair.bId), reason: reasons[0] as DuplicateReason, reasons, score });
  }
  return { items };
}

/** Adds (or marks) the pairs of the account sources that the reviewer may see and that are not decided. */
async function addSharedAccountPairs(
  ctx: Context,
  pairs: Pair[],
  range: { scope: ReturnType<typeof actorScope>; village?: string; upTo: string | null },
) {
  if (accountSources.size === 0) return;
  const raised = new Map<string, [string, string]>();
  for (const source of accountSources)
    for (const [x, y] of await source(ctx.db)) if (x !== y) raised.set(x < y ? `${x} ${y}` : `${y} ${x}`, x < y ? [x, y] : [y, x]);
  if (raised.size === 0) return;
  const persons = new Map((await findPersonPlaces(ctx.db, [...new Set([...raised.values()].flat())])).map((p) => [p.id, p]));
  const decided = new Set((await findDecidedPairs(ctx.db, [...raised.values()])).map((d) => `${d.person_a} ${d.person_b}`));
  const byKey = new Map(pairs.map((pair) => [`${pair.aId} ${pair.bId}`, pair]));
  for (const [key, [aId, bId]] of raised) {
    const a = persons.get(aId);
    const b = persons.get(bId);
    if (!a || !b || a.merged_into || b.merged_into || decided.has(key)) continue;
    if (!regionInScope(range.scope, a.village_code) || !regionInScope(range.scope, b.village_code)) continue;
    const villageCode = a.village_code < b.village_code ? a.village_code : b.village_code;
    if (range.village && a.village_code !== range.village && b.village_code !== range.village) continue;
    if (range.upTo !== null && villageCode > range.upTo) continue;
    const known = byKey.get(key);
    if (known) {
      known.evidence.sharedAccount = true;
      continue;
    }
    pairs.push({
      aId,
      bId,
      villageCode,
      evidence: {
        sameName: false,
        sameKey: false,
        similarity: 0,
        sameVillage: a.village_code === b.village_code,
        sameBirthDate: false,
        sameHousehold: a.household_id === b.household_id,
        sharedAccount: a.household_id !== b.household_id,
      },
    });
  }
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

/**
 * Every candidate pair the reviewer could be shown, counted by reason: the whole walk, village
 * chunk by village chunk (for benches and a national overview; the list stops at its page).
 */
export async function countDuplicateCandidates(ctx: Context, options: { chunk?: number } = {}) {
  assertRole(ctx, DUPLICATE_READERS);
  const scope = actorScope(ctx);
  const regionPatterns = regionLikePatterns(scope);
  const { nameSimilarity } = await duplicateSettings(ctx.db);
  const byReason: Record<DuplicateReason, number> = {
    same_name_birth_date_village: 0,
    similar_name_birth_date_village: 0,
    same_person_two_households: 0,
    shared_account: 0,
  };
  let villages = 0;
  let pairs = 0;
  for (const range of villageRanges(scope, undefined)) {
    let after: string | null = null;
    for (;;) {
      const chunk = await findNextVillages(ctx.db, { from: range.from, after, upper: range.upper, count: options.chunk ?? LARGEST_CHUNK });
      if (chunk.length === 0) break;
      after = chunk[chunk.length - 1] as string;
      villages += chunk.length;
      for (const row of await findCandidatePairs(ctx.db, { villages: chunk, regionPatterns, threshold: nameSimilarity })) {
        const { reasons } = pairReasons(evidenceOf(row), nameSimilarity);
        if (reasons.length === 0) continue;
        pairs += 1;
        for (const reason of reasons) byReason[reason] += 1;
      }
    }
  }
  return { villages, pairs, byReason };
}
