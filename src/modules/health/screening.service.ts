import { actorScope, assertRole, type Context, inTransaction } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { decodeCursor, encodeCursor } from '../../core/cursor.ts';
import { daysBetween } from '../../core/dates.ts';
import { AppError, forbidden, invalid, notFound, refuseFutureDate } from '../../core/errors.ts';
import { firstTime, type Idempotent } from '../../core/idempotency.ts';
import { uuidv7 } from '../../core/ids.ts';
import { regionInScope, regionLikePatterns } from '../../core/scope.ts';
import type { Queryable, Tx } from '../../db/database.ts';
import { recordAudit } from '../audit/index.ts';
import { once } from '../idempotency/index.ts';
import { staffByIds } from '../identity/index.ts';
import { unknownRegionCodes } from '../regions/index.ts';
import { findPersonForActor, personsByIds, womenBornBetween } from '../registry/index.ts';
import { CLINICAL_READERS, CLINICIANS } from './health.roles.ts';
import type { ScreeningTable } from './health.tables.ts';
import {
  actionProblem,
  birthDatesForAges,
  checkTarget,
  nextDueOn,
  recallWindow,
  SCREENING_METHODS,
  type ScreeningRule,
  type ScreeningTarget,
  targetInForce,
} from './screening.rules.ts';
import type { RecallItem, RecallsQuery, ScreeningInput, ScreeningView } from './screening.schema.ts';
import {
  findRecallRows,
  findScreenedPersonIds,
  findScreeningRules,
  findScreeningsOfPerson,
  findScreeningTargets,
  insertScreening,
} from './screening.store.ts';

/** The user doing clinical or counselling work, with the office of theirs that serves a village (else their first office). */
export function workerAndOffice(ctx: Context, villageCode: string): { workerId: string; officeId: string } {
  if (ctx.actor.kind !== 'user') throw forbidden();
  const offices = ctx.actor.offices;
  const serving =
    offices.find((o) => regionInScope({ kind: 'regions', regionCodes: o.regionCodes, officeIds: [o.id] }, villageCode)) ?? offices[0];
  if (!serving) throw new AppError('health.screening_needs_office', 'forbidden');
  return { workerId: ctx.actor.id, officeId: serving.id };
}

async function rulesAndTargets(db: Queryable): Promise<{ rules: ScreeningRule[]; targets: ScreeningTarget[] }> {
  const [rules, targets] = await Promise.all([findScreeningRules(db), findScreeningTargets(db)]);
  return {
    rules: rules.map((r) => ({
      effectiveFrom: r.effective_from,
      method: r.method,
      result: r.result,
      action: r.action,
      intervalMonths: r.interval_months,
    })),
    targets: targets.map((t) => ({ effectiveFrom: t.effective_from, method: t.method, sex: t.sex, minAge: t.min_age, maxAge: t.max_age })),
  };
}

function toView(
  row: Pick<
    ScreeningTable,
    'id' | 'person_id' | 'method' | 'screened_on' | 'result' | 'action' | 'next_due_on' | 'village_code' | 'worker_id'
  >,
  outsideTargetAges: boolean,
  workerName: string,
): ScreeningView {
  return {
    id: row.id,
    personId: row.person_id,
    method: row.method,
    screenedOn: row.screened_on,
    result: row.result,
    action: row.action,
    nextDueOn: row.next_due_on,
    outsideTargetAges,
    villageCode: row.village_code,
    worker: { id: row.worker_id, fullName: workerName },
  };
}

async function insertScreeningOf(ctx: Context, tx: Tx, personId: string, input: ScreeningInput): Promise<ScreeningView> {
  const person = await findPersonForActor(ctx, tx, personId);
  if (!person || person.merged_into) throw notFound('person', personId);
  if (person.died_on !== null && person.died_on < input.screenedOn) throw invalid('registry.person_deceased', 'screenedOn');
  refuseFutureDate(input.screenedOn, businessDate(ctx.clock), 'screenedOn');
  const { rules, targets } = await rulesAndTargets(tx);
  const target = checkTarget(targets, { sex: person.sex, birthDate: person.birth_date }, input.method, input.screenedOn);
  if (!target.eligible) throw invalid(target.code, 'method');
  const problem = actionProblem(input.result, input.action);
  if (problem) throw invalid(problem, 'action');
  const due = nextDueOn(rules, input);
  if (!due) throw invalid('health.screening_no_rule', 'result');
  const { workerId, officeId } = workerAndOffice(ctx, person.village_code);
  const row = {
    id: uuidv7(ctx.clock.now().getTime()),
    person_id: person.id,
    village_code: person.village_code,
    office_id: officeId,
    worker_id: workerId,
    method: input.method,
    screened_on: input.screenedOn,
    result: input.result,
    action: input.action,
    next_due_on: due,
  };
  await insertScreening(tx, row);
  // UU 27/2022: the audit trail is read by auditors too, so it names the act and the recall, not the result.
  await recordAudit(tx, ctx, {
    action: 'health.screening.record',
    entityType: 'screening',
    entityId: row.id,
    officeId,
    regionCode: person.village_code,
    after: { personId: person.id, method: input.method, screenedOn: input.screenedOn, nextDueOn: due },
  });
  const fullName = ctx.actor.kind === 'user' ? ctx.actor.fullName : '';
  return toView(row, target.outsideTargetAges, fullName);
}

/**
 * An IVA or pap smear screening of a woman by a health worker, with the next screening date by the
 * rule in force on the screening day. Pinned for the field sync (docs/health.md).
 */
export async function recordScreening(ctx: Context, personId: string, input: ScreeningInput): Promise<ScreeningView> {
  assertRole(ctx, CLINICIANS);
  return inTransaction(ctx, (tx) => insertScreeningOf(ctx, tx, personId, input));
}

/** `POST /persons/{id}/screenings`: with an Idempotency-Key, a repeat answers the first screening. */
export async function recordScreeningOnce(
  ctx: Context,
  personId: string,
  input: ScreeningInput,
  idempotencyKey?: string,
): Promise<Idempotent<ScreeningView>> {
  assertRole(ctx, CLINICIANS);
  return inTransaction(ctx, async (tx) => {
    if (!idempotencyKey) return firstTime(await insertScreeningOf(ctx, tx, personId, input));
    return once(tx, ctx, { key: idempotencyKey, operation: `health.screening:${personId}`, body: input }, () =>
      insertScreeningOf(ctx, tx, personId, input),
    );
  });
}

/** A woman's screenings, newest first, with her current next date. A clinical read: audited. */
export async function listScreenings(ctx: Context, personId: string) {
  assertRole(ctx, CLINICAL_READERS);
  return inTransaction(ctx, async (tx) => {
    const person = await findPersonForActor(ctx, tx, personId);
    if (!person) throw notFound('person', personId);
    const rows = await findScreeningsOfPerson(tx, personId);
    const { targets } = await rulesAndTargets(tx);
    const workers = await staffByIds(
      tx,
      rows.map((r) => r.worker_id),
    );
    await recordAudit(tx, ctx, {
      action: 'health.read',
      entityType: 'screening',
      entityId: personId,
      regionCode: person.village_code,
      after: { ids: rows.map((r) => r.id) },
    });
    const items = rows.map((row) => {
      const target = checkTarget(targets, { sex: person.sex, birthDate: person.birth_date }, row.method, row.screened_on);
      return toView(row, target.eligible ? target.outsideTargetAges : true, workers.get(row.worker_id)?.fullName ?? '');
    });
    return { items, nextDueOn: items[0]?.nextDueOn ?? null };
  });
}

/** Start of the never-screened part of the due list (a cursor naming no woman yet). */
const NIL_UUID = '00000000-0000-0000-0000-000000000000';
/** Women read from the registry per round while skipping those already screened. */
const WOMEN_BATCH = 500;

type RecallCursor = { phase: 'screened'; nextDueOn: string; id: string } | { phase: 'never'; afterId: string };

function decodeRecallCursor(cursor: string): RecallCursor {
  try {
    const [nextDueOn, id] = decodeCursor(cursor, ['date', 'uuid']);
    return { phase: 'screened', nextDueOn, id };
  } catch {
    const [afterId] = decodeCursor(cursor, ['uuid']);
    return { phase: 'never', afterId };
  }
}

/**
 * Recalls due (next date within 30 days from today) or overdue (before today) in the caller's
 * regions, one row per woman and method by her latest screening of that method, by next date.
 * The due list then names women in the target ages never screened (no worker, no date), by id.
 * A clinical read: audited with the persons listed.
 */
export async function listRecalls(ctx: Context, query: RecallsQuery) {
  assertRole(ctx, CLINICAL_READERS);
  const scope = actorScope(ctx);
  const today = businessDate(ctx.clock);
  return inTransaction(ctx, async (tx) => {
    if (query.village && (!regionInScope(scope, query.village) || (await unknownRegionCodes(tx, [query.village])).length > 0))
      throw invalid('registry.village_unknown', 'village', { code: query.village });
    const cursor = query.cursor ? decodeRecallCursor(query.cursor) : undefined;
    const workerId = query.worker === 'me' ? (ctx.actor.kind === 'user' ? ctx.actor.id : NIL_UUID) : query.worker;
    const regionPatterns = regionLikePatterns(scope);
    const window = recallWindow(query.status, today);

    type Row = Omit<RecallItem, 'name' | 'workerName'>;
    const found: Row[] = [];
    let nextCursor: string | null = null;
    if (!cursor || cursor.phase === 'screened') {
      const rows = await findRecallRows(tx, {
        ...window,
        village: query.village,
        regionPatterns,
        workerId,
        after: cursor?.phase === 'screened' ? { nextDueOn: cursor.nextDueOn, id: cursor.id } : undefined,
        limit: query.limit + 1,
      });
      const page = rows.slice(0, query.limit);
      for (const r of page)
        found.push({
          personId: r.person_id,
          villageCode: r.village_code,
          method: r.method,
          lastScreenedOn: r.screened_on,
          lastResult: r.result,
          nextDueOn: r.next_due_on,
          daysOverdue: Math.max(0, daysBetween(r.next_due_on, today)),
          workerId: r.worker_id,
        });
      const last = page.at(-1);
      if (rows.length > query.limit && last) nextCursor = encodeCursor(['date', 'uuid'], [last.next_due_on, last.id]);
    }
    const neverScreenedListed = query.status === 'due' && workerId === undefined;
    if (nextCursor === null && neverScreenedListed) {
      const room = query.limit - found.length;
      const never = await neverScreenedWomen(tx, {
        today,
        village: query.village,
        regionPatterns,
        afterId: cursor?.phase === 'never' ? cursor.afterId : undefined,
        limit: room,
      });
      for (const w of never.women)
        found.push({
          personId: w.id,
          villageCode: w.villageCode,
          method: null,
          lastScreenedOn: null,
          lastResult: null,
          nextDueOn: null,
          daysOverdue: 0,
          workerId: null,
        });
      const resumeAfter = never.women.at(-1)?.id ?? (cursor?.phase === 'never' ? cursor.afterId : NIL_UUID);
      if (never.more) nextCursor = encodeCursor(['uuid'], [resumeAfter]);
    }
    const names = await personsByIds(
      tx,
      found.map((f) => f.personId),
    );
    const workers = await staffByIds(
      tx,
      found.flatMap((f) => (f.workerId ? [f.workerId] : [])),
    );
    // The result category is for the clinician who acts on it (an administrator sees dates only).
    const seesResult = ctx.actor.kind !== 'user' || (CLINICIANS as readonly string[]).includes(ctx.actor.role);
    const items: RecallItem[] = found.map(({ lastResult, ...f }) => ({
      ...f,
      name: names.get(f.personId)?.fullName ?? '',
      ...(seesResult ? { lastResult } : {}),
      workerName: f.workerId ? (workers.get(f.workerId)?.fullName ?? null) : null,
    }));
    await recordAudit(tx, ctx, {
      action: 'health.read',
      entityType: 'recall_list',
      regionCode: query.village ?? null,
      after: { status: query.status, village: query.village ?? null, ids: items.map((i) => i.personId) },
    });
    return { status: query.status, asOf: today, items, nextCursor };
  });
}

/**
 * Living women in the target ages in force today (any method) never screened, a page at a time:
 * women are read from the registry in batches by id and those with a screening dropped.
 */
async function neverScreenedWomen(
  tx: Tx,
  filter: { today: string; village?: string; regionPatterns: string[] | null; afterId?: string; limit: number },
): Promise<{ women: { id: string; villageCode: string }[]; more: boolean }> {
  const { targets } = await rulesAndTargets(tx);
  const inForce = SCREENING_METHODS.flatMap((m) => targetInForce(targets, m, filter.today) ?? []).filter((t) => t.sex === 'F');
  if (inForce.length === 0) return { women: [], more: false };
  const ages = birthDatesForAges(Math.min(...inForce.map((t) => t.minAge)), Math.max(...inForce.map((t) => t.maxAge)), filter.today);
  const women: { id: string; villageCode: string }[] = [];
  let afterId = filter.afterId === NIL_UUID ? undefined : filter.afterId;
  for (;;) {
    const batch = await womenBornBetween(tx, {
      ...ages,
      village: filter.village,
      regionPatterns: filter.regionPatterns,
      afterId,
      limit: WOMEN_BATCH,
    });
    const screened = await findScreenedPersonIds(
      tx,
      batch.map((w) => w.id),
    );
    for (const w of batch) {
      if (screened.has(w.id)) continue;
      if (women.length === filter.limit) return { women, more: true };
      women.push({ id: w.id, villageCode: w.villageCode });
    }
    if (batch.length < WOMEN_BATCH) return { women, more: false };
    afterId = batch.at(-1)?.id;
  }
}
