import { type Insertable, type RawBuilder, sql, type Updateable } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type { AidCycleTable, AidEntitlementTable, AidTables, EntitlementStatus } from './aid.tables.ts';

type Queryable = StoreDb<AidTables>;

/** Region LIKE patterns of the caller (null: every region; none: nothing). */
type Patterns = string[] | null;
const inRegions = (patterns: Patterns): RawBuilder<boolean> =>
  patterns === null
    ? sql<boolean>`true`
    : patterns.length === 0
      ? sql<boolean>`false`
      : sql<boolean>`village_code LIKE ANY(${patterns}::text[])`;

// ---- cycles ----

export const insertCycle = (db: Queryable, row: Insertable<AidCycleTable>) =>
  db
    .insertInto('aid_cycle')
    .values(row)
    .execute()
    .then(() => undefined);

export const findCycle = (db: Queryable, id: string) => db.selectFrom('aid_cycle').selectAll().where('id', '=', id).executeTakeFirst();

/** Locks a cycle's row: approvals, exclusions and the end of a compute of one cycle run one after the other. */
export const lockCycle = (db: Queryable, id: string) =>
  db.selectFrom('aid_cycle').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/** Holds a cycle's row against approval while one chunk of a compute is written. */
export const shareCycle = (db: Queryable, id: string) =>
  db.selectFrom('aid_cycle').selectAll().where('id', '=', id).forShare().executeTakeFirst();

export const findCycleByStart = (db: Queryable, programmeId: string, periodStart: string) =>
  db
    .selectFrom('aid_cycle')
    .select('id')
    .where('programme_id', '=', programmeId)
    .where('period_start', '=', periodStart)
    .executeTakeFirst();

export const listCycleRows = (db: Queryable, programmeId: string) =>
  db.selectFrom('aid_cycle').selectAll().where('programme_id', '=', programmeId).orderBy('period_start', 'desc').execute();

export const updateCycle = (db: Queryable, id: string, changes: Updateable<AidCycleTable>) =>
  db.updateTable('aid_cycle').set(changes).where('id', '=', id).execute();

// ---- compute ----

type ComputeScope = { cycleId: string; programmeId: string; periodEnd: string };

/** Enrolments a cycle pays: enrolled (so with an account) on or before the period's last day. */
const payable = (s: ComputeScope) =>
  sql`e.programme_id = ${s.programmeId} AND e.status = 'enrolled' AND e.enrolled_on <= ${s.periodEnd}::date`;

/**
 * Where a compute's chunks end: the id of every `size`-th payable enrolment in id order, and of
 * the last one (so the count). One sort of the programme's enrolments at the start; each chunk is
 * then a range of ids, read by an index range scan whatever the table's physical order (a
 * `ORDER BY id LIMIT n` per chunk lets the planner sort the whole table for every chunk when
 * ids and rows are not in the same order).
 */
export async function chunkBoundaries(db: Queryable, s: ComputeScope, size: number): Promise<{ ends: string[]; total: number }> {
  const { rows } = await sql<{ id: string; n: number; total: number }>`
    SELECT id::text AS id, n::int AS n, total::int AS total FROM (
      SELECT e.id, row_number() OVER (ORDER BY e.id) AS n, count(*) OVER () AS total
      FROM aid_enrolment e WHERE ${payable(s)}
    ) x WHERE n % ${size} = 0 OR n = total ORDER BY n`.execute(db);
  return { ends: rows.map((r) => r.id), total: rows[0]?.total ?? 0 };
}

/** Enrolment ids after `after` up to `upTo` (null: no end, so an enrolment made since the boundaries were read is included). */
export type IdRange = { after: string | null; upTo: string | null };
const inRange = (r: IdRange) =>
  sql`e.id > ${r.after ?? '00000000-0000-0000-0000-000000000000'}::uuid ${r.upTo === null ? sql`` : sql`AND e.id <= ${r.upTo}::uuid`}`;

/**
 * One chunk of a cycle of a programme that pays per unit only (KKS, Sembako), in one statement:
 * the payable enrolments of an id range, each given the same components with the recipient as
 * member. Units already computed are skipped (NOT EXISTS) and a unit written by a concurrent run
 * is left alone (ON CONFLICT DO NOTHING).
 */
export async function computePerUnitChunk(
  db: Queryable,
  s: ComputeScope &
    IdRange & {
      amount: string;
      components: { category: string; amount: string }[];
      at: Date;
    },
): Promise<{ scanned: number; inserted: number }> {
  const components = sql`jsonb_build_array(${sql.join(
    s.components.map(
      (c) => sql`jsonb_build_object('member', c.recipient_id::text, 'category', ${c.category}::text, 'amount', ${c.amount}::text)`,
    ),
  )})`;
  const { rows } = await sql<{ scanned: number; inserted: number }>`
    WITH chunk AS (
      SELECT e.id, e.unit_household_id, e.person_id, e.village_code, e.recipient_id, e.channel, e.account
      FROM aid_enrolment e
      WHERE ${payable(s)} AND ${inRange(s)}
    ), inserted AS (
      INSERT INTO aid_entitlement (id, cycle_id, enrolment_id, unit_household_id, person_id, village_code, recipient_id, channel,
                                   account, amount, components, created_at, updated_at)
      SELECT jaring_uuidv7(), ${s.cycleId}::uuid, c.id, c.unit_household_id, c.person_id, c.village_code, c.recipient_id, c.channel,
             c.account, ${s.amount}::bigint, ${components}, ${s.at}::timestamptz, ${s.at}::timestamptz
      FROM chunk c
      WHERE NOT EXISTS (SELECT 1 FROM aid_entitlement x WHERE x.cycle_id = ${s.cycleId}::uuid AND x.enrolment_id = c.id)
      ON CONFLICT (cycle_id, enrolment_id) DO NOTHING
      RETURNING 1
    )
    SELECT (SELECT count(*)::int FROM chunk) AS scanned, (SELECT count(*)::int FROM inserted) AS inserted`.execute(db);
  return { scanned: rows[0]?.scanned ?? 0, inserted: rows[0]?.inserted ?? 0 };
}

export type EnrolmentForCompute = {
  id: string;
  unit_household_id: string;
  person_id: string | null;
  village_code: string;
  recipient_id: string;
  channel: AidEntitlementTable['channel'];
  account: string;
  done: boolean;
};

/** The payable enrolments of an id range, each marked when the cycle already has its entitlement. */
export async function findEnrolmentChunk(db: Queryable, s: ComputeScope & IdRange) {
  const { rows } = await sql<EnrolmentForCompute>`
    SELECT e.id, e.unit_household_id, e.person_id, e.village_code, e.recipient_id, e.channel, e.account,
           EXISTS (SELECT 1 FROM aid_entitlement x WHERE x.cycle_id = ${s.cycleId}::uuid AND x.enrolment_id = e.id) AS done
    FROM aid_enrolment e
    WHERE ${payable(s)} AND ${inRange(s)}
    ORDER BY e.id`.execute(db);
  return rows;
}

export type NewEntitlement = Omit<EnrolmentForCompute, 'id' | 'done'> & {
  id: string;
  enrolment_id: string;
  amount: string;
  components: string;
};

/** A chunk of entitlements in one statement (unnest); a unit already computed is left alone. */
export async function insertEntitlementRows(db: Queryable, cycleId: string, rows: NewEntitlement[], at: Date): Promise<number> {
  if (rows.length === 0) return 0;
  const col = <T>(pick: (r: NewEntitlement) => T) => rows.map(pick);
  const { rows: done } = await sql<{ n: number }>`
    WITH inserted AS (
      INSERT INTO aid_entitlement (id, cycle_id, enrolment_id, unit_household_id, person_id, village_code, recipient_id, channel,
                                   account, amount, components, created_at, updated_at)
      SELECT t.id, ${cycleId}::uuid, t.enrolment_id, t.unit_household_id, t.person_id, t.village_code, t.recipient_id, t.channel,
             t.account, t.amount, t.components::jsonb, ${at}::timestamptz, ${at}::timestamptz
      FROM unnest(${col((r) => r.id)}::uuid[], ${col((r) => r.enrolment_id)}::uuid[], ${col((r) => r.unit_household_id)}::uuid[],
                  ${col((r) => r.person_id)}::uuid[], ${col((r) => r.village_code)}::text[], ${col((r) => r.recipient_id)}::uuid[],
                  ${col((r) => r.channel)}::text[], ${col((r) => r.account)}::text[], ${col((r) => r.amount)}::bigint[],
                  ${col((r) => r.components)}::text[])
        AS t(id, enrolment_id, unit_household_id, person_id, village_code, recipient_id, channel, account, amount, components)
      ON CONFLICT (cycle_id, enrolment_id) DO NOTHING
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM inserted`.execute(db);
  return done[0]?.n ?? 0;
}

export async function countEntitlements(db: Queryable, cycleId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM aid_entitlement WHERE cycle_id = ${cycleId}::uuid`.execute(db);
  return rows[0]?.n ?? 0;
}

// ---- totals and review ----

export async function entitlementTotalsByStatus(db: Queryable, cycleId: string, patterns: Patterns) {
  const { rows } = await sql<{ status: EntitlementStatus; count: number; amount: string }>`
    SELECT status, count(*)::int AS count, coalesce(sum(amount), 0)::text AS amount
    FROM aid_entitlement WHERE cycle_id = ${cycleId}::uuid AND ${inRegions(patterns)}
    GROUP BY status`.execute(db);
  return rows;
}

/** What is owed (not excluded) per region of a level, the region being the first `prefix` characters of the village code. */
export async function reviewByRegionRows(db: Queryable, cycleId: string, prefix: number, patterns: Patterns) {
  const { rows } = await sql<{ code: string; count: number; amount: string }>`
    SELECT left(village_code, ${prefix}::int) AS code, count(*)::int AS count, coalesce(sum(amount), 0)::text AS amount
    FROM aid_entitlement WHERE cycle_id = ${cycleId}::uuid AND status <> 'excluded' AND ${inRegions(patterns)}
    GROUP BY 1 ORDER BY 1`.execute(db);
  return rows;
}

export async function reviewByChannelRows(db: Queryable, cycleId: string, patterns: Patterns) {
  const { rows } = await sql<{ channel: AidEntitlementTable['channel']; count: number; amount: string }>`
    SELECT channel, count(*)::int AS count, coalesce(sum(amount), 0)::text AS amount
    FROM aid_entitlement WHERE cycle_id = ${cycleId}::uuid AND status <> 'excluded' AND ${inRegions(patterns)}
    GROUP BY 1 ORDER BY 1`.execute(db);
  return rows;
}

// ---- approval and exclusion ----

/** Every computed entitlement of a cycle within the regions becomes approved, in one statement: how many and their sum. */
export async function approveComputedEntitlements(
  db: Queryable,
  s: { cycleId: string; patterns: Patterns; by: string; at: Date },
): Promise<{ count: number; amount: string }> {
  const { rows } = await sql<{ count: number; amount: string }>`
    WITH approved AS (
      UPDATE aid_entitlement SET status = 'approved', approved_by = ${s.by}, approved_at = ${s.at}::timestamptz, updated_at = ${s.at}::timestamptz
      WHERE cycle_id = ${s.cycleId}::uuid AND status = 'computed' AND ${inRegions(s.patterns)}
      RETURNING amount
    )
    SELECT count(*)::int AS count, coalesce(sum(amount), 0)::text AS amount FROM approved`.execute(db);
  return rows[0] ?? { count: 0, amount: '0' };
}

/** These entitlements of a cycle within the regions, locked (the ones not found are left out). */
export const lockEntitlementsOfCycle = (db: Queryable, cycleId: string, ids: string[], patterns: Patterns) =>
  db
    .selectFrom('aid_entitlement')
    .select(['id', 'status', 'amount'])
    .where('cycle_id', '=', cycleId)
    .where('id', 'in', ids)
    .where(inRegions(patterns))
    .orderBy('id')
    .forUpdate()
    .execute();

export async function approveEntitlementRows(db: Queryable, ids: string[], by: string, at: Date): Promise<void> {
  await db
    .updateTable('aid_entitlement')
    .set({ status: 'approved', approved_by: by, approved_at: at, updated_at: at })
    .where('id', 'in', ids)
    .execute();
}

export const findEntitlement = (db: Queryable, id: string) =>
  db.selectFrom('aid_entitlement').selectAll().where('id', '=', id).executeTakeFirst();

export const lockEntitlement = (db: Queryable, id: string) =>
  db.selectFrom('aid_entitlement').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const updateEntitlement = (db: Queryable, id: string, changes: Updateable<AidEntitlementTable>) =>
  db.updateTable('aid_entitlement').set(changes).where('id', '=', id).execute();

/** A cycle's entitlements in id order after a cursor, within the regions, optionally of one status and under one region. */
export function listEntitlementRows(
  db: Queryable,
  filter: { cycleId: string; status?: EntitlementStatus; region?: string; patterns: Patterns; afterId?: string; limit: number },
) {
  let query = db.selectFrom('aid_entitlement').selectAll().where('cycle_id', '=', filter.cycleId).where(inRegions(filter.patterns));
  if (filter.status) query = query.where('status', '=', filter.status);
  const region = filter.region;
  if (region) query = query.where((w) => w.or([w('village_code', '=', region), w('village_code', 'like', `${region}.%`)]));
  if (filter.afterId) query = query.where('id', '>', filter.afterId);
  return query.orderBy('id').limit(filter.limit).execute();
}
