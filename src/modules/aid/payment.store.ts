import { type Insertable, sql } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type { AidChannel, AidInstructionBatchTable, AidReconciliationTable, AidTables, EntitlementStatus } from './aid.tables.ts';

type Queryable = StoreDb<AidTables>;

export const findCycleById = (db: Queryable, id: string) => db.selectFrom('aid_cycle').selectAll().where('id', '=', id).executeTakeFirst();

/** Locks a cycle's row until the transaction ends: batches and imports of one cycle run one after the other. */
export const lockCycle = (db: Queryable, id: string) =>
  db.selectFrom('aid_cycle').select(['id', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();

// ---------------------------------------------------------------------------------------------
// Instruction batches

export async function nextBatchNumber(db: Queryable, cycleId: string, channel: AidChannel): Promise<number> {
  const row = await db
    .selectFrom('aid_instruction_batch')
    .select((eb) => eb.fn.max('number').as('last'))
    .where('cycle_id', '=', cycleId)
    .where('channel', '=', channel)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

/** How many of the cycle's entitlements were ever instructed: each has exactly one first attempt. */
export async function countInstructedEntitlements(db: Queryable, cycleId: string, periodStart: string): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    SELECT count(*) AS n FROM aid_instruction i JOIN aid_instruction_batch b ON b.id = i.batch_id
    WHERE b.cycle_id = ${cycleId} AND i.period_start = ${periodStart}::date AND i.attempt = 1`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Fresh statistics of a table just written in bulk (a cycle's entitlements computed and approved,
 * a batch's instructions inserted): with the counts of an empty table the planner reads a keyset
 * page by sorting everything after it, page after page (measured: 31 s instead of 1 s for the file
 * of 173,000 instructions).
 */
export const analyzeEntitlements = (db: Queryable) => sql`ANALYZE aid_entitlement`.execute(db);
export const analyzeInstructions = (db: Queryable) => sql`ANALYZE aid_instruction`.execute(db);

export const insertBatch = (db: Queryable, row: Insertable<AidInstructionBatchTable>) =>
  db.insertInto('aid_instruction_batch').values(row).execute();

export const updateBatchTotals = (db: Queryable, id: string, count: number, total: bigint) =>
  db.updateTable('aid_instruction_batch').set({ instruction_count: count, total }).where('id', '=', id).execute();

export type InstructableRow = {
  id: string;
  recipient_id: string;
  unit_household_id: string;
  amount: string;
  last_reference: string | null;
  last_attempt: number | null;
};

/**
 * A page of a cycle's entitlements of one channel and status that can be instructed (an amount
 * to pay), in id order after `afterId`, each with its latest instruction (none for approved ones).
 * Instructions are read from the cycle's month only (`periodStart`: the partition key, migration 0048).
 */
export async function instructablePage(
  db: Queryable,
  filter: { cycleId: string; periodStart: string; channel: AidChannel; status: EntitlementStatus; afterId: string | null; limit: number },
): Promise<InstructableRow[]> {
  const { rows } = await sql<InstructableRow>`
    SELECT e.id, e.recipient_id, e.unit_household_id, e.amount::text AS amount,
           last.reference AS last_reference, last.attempt AS last_attempt
    FROM aid_entitlement e
    LEFT JOIN LATERAL (
      SELECT i.reference, i.attempt FROM aid_instruction i
      WHERE i.entitlement_id = e.id AND i.period_start = ${filter.periodStart}::date ORDER BY i.attempt DESC LIMIT 1
    ) last ON true
    WHERE e.cycle_id = ${filter.cycleId} AND e.status = ${filter.status} AND e.channel = ${filter.channel} AND e.amount > 0
      ${filter.afterId === null ? sql`` : sql`AND e.id > ${filter.afterId}`}
    ORDER BY e.id
    LIMIT ${filter.limit}`.execute(db);
  return rows.map((row) => ({ ...row, last_attempt: row.last_attempt === null ? null : Number(row.last_attempt) }));
}

export type NewInstruction = {
  id: string;
  entitlementId: string;
  reference: string;
  attempt: number;
  payeeName: string;
  payeeKk: string;
};

/** A page of instructions in one statement; the amount is the entitlement's, the period its cycle's (checked by the table's trigger). */
export async function insertInstructions(
  db: Queryable,
  batch: { id: string; periodStart: string },
  at: Date,
  rows: NewInstruction[],
): Promise<void> {
  if (rows.length === 0) return;
  const col = <T>(pick: (row: NewInstruction) => T) => rows.map(pick);
  await sql`
    INSERT INTO aid_instruction (id, batch_id, entitlement_id, period_start, reference, attempt, amount, payee_name, payee_kk, status,
                                 created_at, updated_at)
    SELECT t.id, ${batch.id}::uuid, t.entitlement_id, ${batch.periodStart}::date, t.reference, t.attempt, e.amount, t.payee_name, t.payee_kk, 'instructed', ${at}, ${at}
    FROM unnest(${col((r) => r.id)}::uuid[], ${col((r) => r.entitlementId)}::uuid[], ${col((r) => r.reference)}::text[],
                ${col((r) => r.attempt)}::smallint[], ${col((r) => r.payeeName)}::text[], ${col((r) => r.payeeKk)}::text[])
         AS t(id, entitlement_id, reference, attempt, payee_name, payee_kk)
    JOIN aid_entitlement e ON e.id = t.entitlement_id`.execute(db);
}

/** Every entitlement of the batch is now instructed (one statement for the whole batch). */
export const markBatchInstructed = (db: Queryable, batch: { id: string; periodStart: string }, at: Date) =>
  sql`UPDATE aid_entitlement e SET status = 'instructed', updated_at = ${at}
      FROM aid_instruction i
      WHERE i.batch_id = ${batch.id} AND i.period_start = ${batch.periodStart}::date AND e.id = i.entitlement_id`.execute(db);

export const findBatchById = (db: Queryable, id: string) =>
  db.selectFrom('aid_instruction_batch').selectAll().where('id', '=', id).executeTakeFirst();

export const listBatchRows = (db: Queryable, cycleId: string) =>
  db.selectFrom('aid_instruction_batch').selectAll().where('cycle_id', '=', cycleId).orderBy('created_at').orderBy('id').execute();

export type FileRow = { reference: string; amount: string; payee_name: string; payee_kk: string; account: string; village_code: string };

/** A page of a batch's file, in reference order after `afterReference` (the index (batch_id, reference)). */
export async function filePage(
  db: Queryable,
  batch: { id: string; periodStart: string },
  afterReference: string | null,
  limit: number,
): Promise<FileRow[]> {
  const { rows } = await sql<FileRow>`
    SELECT i.reference, i.amount::text AS amount, i.payee_name, i.payee_kk, e.account, e.village_code
    FROM aid_instruction i JOIN aid_entitlement e ON e.id = i.entitlement_id
    WHERE i.batch_id = ${batch.id} AND i.period_start = ${batch.periodStart}::date ${afterReference === null ? sql`` : sql`AND i.reference > ${afterReference}`}
    ORDER BY i.reference
    LIMIT ${limit}`.execute(db);
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Reconciliation

export const insertReconciliation = (db: Queryable, row: Insertable<AidReconciliationTable>) =>
  db.insertInto('aid_reconciliation').values(row).execute();

export const finishReconciliation = (
  db: Queryable,
  id: string,
  done: { lineCount: number; counts: Record<string, number>; paidTotal: bigint; returnedTotal: bigint; sha256: string },
) =>
  db
    .updateTable('aid_reconciliation')
    .set({
      line_count: done.lineCount,
      counts: JSON.stringify(done.counts),
      paid_total: done.paidTotal,
      returned_total: done.returnedTotal,
      file_sha256: done.sha256,
    })
    .where('id', '=', id)
    .execute();

export type InstructionStateRow = {
  id: string;
  reference: string;
  status: 'instructed' | 'paid' | 'failed' | 'returned';
  amount: string;
  ours: boolean;
};

/**
 * The instructions named by a chunk of lines (one index probe each in the months the references
 * name, `periods`), with whether they are of this cycle and channel.
 */
export async function instructionStates(
  db: Queryable,
  cycleId: string,
  channel: AidChannel,
  references: string[],
  periods: string[],
): Promise<InstructionStateRow[]> {
  if (references.length === 0 || periods.length === 0) return [];
  const { rows } = await sql<InstructionStateRow>`
    SELECT i.id, i.reference, i.status, i.amount::text AS amount, (b.cycle_id = ${cycleId} AND b.channel = ${channel}) AS ours
    FROM aid_instruction i JOIN aid_instruction_batch b ON b.id = i.batch_id
    WHERE i.reference = ANY(${references}::text[]) AND i.period_start = ANY(${periods}::date[])`.execute(db);
  return rows;
}

/** Of these instructions, those whose entitlement is paid by another instruction (asked only of the few lines that need it). */
export async function paidElsewhere(db: Queryable, instructionIds: string[]): Promise<Set<string>> {
  if (instructionIds.length === 0) return new Set();
  const { rows } = await sql<{ id: string }>`
    SELECT i.id FROM aid_instruction i
    WHERE i.id = ANY(${instructionIds}::uuid[])
      AND EXISTS (SELECT 1 FROM aid_instruction j WHERE j.entitlement_id = i.entitlement_id AND j.period_start = i.period_start
                  AND j.status = 'paid' AND j.id <> i.id)`.execute(db);
  return new Set(rows.map((row) => row.id));
}

export type Settlement = { instructionId: string; status: 'paid' | 'failed' | 'returned'; date: string; channelReference: string | null };

/**
 * Applies a chunk of settlements of one cycle (its period start: the instructions' partition) in
 * one statement: the instructions take the status, date and channel reference; their
 * entitlements follow (paid_on set when paid, cleared otherwise).
 */
export async function applySettlements(
  db: Queryable,
  reconciliation: { id: string; periodStart: string },
  at: Date,
  rows: Settlement[],
): Promise<void> {
  if (rows.length === 0) return;
  const col = <T>(pick: (row: Settlement) => T) => rows.map(pick);
  await sql`
    WITH s AS (
      SELECT * FROM unnest(${col((r) => r.instructionId)}::uuid[], ${col((r) => r.status)}::text[], ${col((r) => r.date)}::date[],
                           ${col((r) => r.channelReference)}::text[]) AS t(id, status, settled_on, channel_reference)
    ), settled AS (
      UPDATE aid_instruction i
      SET status = s.status, settled_on = s.settled_on, channel_reference = s.channel_reference,
          reconciliation_id = ${reconciliation.id}, updated_at = ${at}
      FROM s WHERE i.id = s.id AND i.period_start = ${reconciliation.periodStart}::date
      RETURNING i.entitlement_id, i.status, i.settled_on
    )
    UPDATE aid_entitlement e
    SET status = settled.status, paid_on = CASE WHEN settled.status = 'paid' THEN settled.settled_on END, updated_at = ${at}
    FROM settled WHERE e.id = settled.entitlement_id`.execute(db);
}

export type IssueRow = { id: string; lineNo: number; outcome: string; reference: string | null; detail: string };

export async function insertIssues(db: Queryable, reconciliationId: string, rows: IssueRow[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <T>(pick: (row: IssueRow) => T) => rows.map(pick);
  await sql`
    INSERT INTO aid_reconciliation_issue (id, reconciliation_id, line_no, outcome, reference, detail)
    SELECT t.id, ${reconciliationId}::uuid, t.line_no, t.outcome, t.reference, t.detail
    FROM unnest(${col((r) => r.id)}::uuid[], ${col((r) => r.lineNo)}::int[], ${col((r) => r.outcome)}::text[],
                ${col((r) => r.reference)}::text[], ${col((r) => r.detail)}::text[]) AS t(id, line_no, outcome, reference, detail)`.execute(
    db,
  );
}

export const findReconciliationById = (db: Queryable, id: string) =>
  db.selectFrom('aid_reconciliation').selectAll().where('id', '=', id).executeTakeFirst();

export const listReconciliationRows = (db: Queryable, cycleId: string) =>
  db
    .selectFrom('aid_reconciliation')
    .selectAll()
    .where('cycle_id', '=', cycleId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();

export const issuePage = (db: Queryable, reconciliationId: string, afterLine: number, limit: number) =>
  db
    .selectFrom('aid_reconciliation_issue')
    .select(['line_no', 'outcome', 'reference', 'detail'])
    .where('reconciliation_id', '=', reconciliationId)
    .where('line_no', '>', afterLine)
    .orderBy('line_no')
    .limit(limit)
    .execute();

export async function countIssues(db: Queryable, reconciliationIds: string[]): Promise<Map<string, number>> {
  if (reconciliationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('aid_reconciliation_issue')
    .select((eb) => ['reconciliation_id', eb.fn.countAll<string>().as('n')])
    .where('reconciliation_id', 'in', reconciliationIds)
    .groupBy('reconciliation_id')
    .execute();
  return new Map(rows.map((row) => [row.reconciliation_id, Number(row.n)]));
}

// ---------------------------------------------------------------------------------------------
// Retry list

export type RetryRow = {
  id: string;
  enrolment_id: string;
  unit_household_id: string;
  person_id: string | null;
  recipient_id: string;
  village_code: string;
  channel: AidChannel;
  account: string;
  amount: string;
  status: 'failed' | 'returned';
  last_reference: string;
  last_attempt: number;
  last_settled_on: string | null;
  last_channel_reference: string | null;
};

/** Failed and returned entitlements of a cycle (optionally one channel), in id order after `afterId`, with their latest instruction. */
export async function retryPage(
  db: Queryable,
  filter: { cycleId: string; periodStart: string; channel?: AidChannel; afterId?: string; limit: number },
): Promise<RetryRow[]> {
  const { rows } = await sql<RetryRow>`
    SELECT e.id, e.enrolment_id, e.unit_household_id, e.person_id, e.recipient_id, e.village_code, e.channel, e.account,
           e.amount::text AS amount, e.status,
           last.reference AS last_reference, last.attempt AS last_attempt, last.settled_on AS last_settled_on,
           last.channel_reference AS last_channel_reference
    FROM aid_entitlement e
    JOIN LATERAL (
      SELECT i.reference, i.attempt, i.settled_on, i.channel_reference FROM aid_instruction i
      WHERE i.entitlement_id = e.id AND i.period_start = ${filter.periodStart}::date ORDER BY i.attempt DESC LIMIT 1
    ) last ON true
    WHERE e.cycle_id = ${filter.cycleId} AND e.status IN ('failed', 'returned')
      ${filter.channel ? sql`AND e.channel = ${filter.channel}` : sql``}
      ${filter.afterId ? sql`AND e.id > ${filter.afterId}` : sql``}
    ORDER BY e.id
    LIMIT ${filter.limit}`.execute(db);
  return rows.map((row) => ({ ...row, last_attempt: Number(row.last_attempt) }));
}
