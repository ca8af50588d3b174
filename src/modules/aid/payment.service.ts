import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { actorName, actorScope, assertRole, type Context, inTransaction } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { decodeCursor, encodeCursor } from '../../core/cursor.ts';
import { conflict, invalid, notFound } from '../../core/errors.ts';
import { uuidv7 } from '../../core/ids.ts';
import { translate } from '../../core/messages.ts';
import { officeInScope } from '../../core/scope.ts';
import { isCleanText } from '../../core/text.ts';
import type { Queryable } from '../../db/database.ts';
import { recordAudit } from '../audit/index.ts';
import { ACCOUNTS, fundById, postEntry } from '../ledger/index.ts';
import { householdsByIds, personNamesOf } from '../registry/index.ts';
import { AID_READERS, CYCLE_MAKERS } from './aid.roles.ts';
import { findProgrammeById } from './aid.store.ts';
import type { AidChannel, AidCycleRow, AidProgrammeRow, EntitlementStatus } from './aid.tables.ts';
import { maskAccount } from './enrolment.rules.ts';
import {
  type ConfirmationLine,
  decideLine,
  emptyCounts,
  firstReference,
  type InstructionState,
  instructionFileHeader,
  instructionFileLine,
  isConfirmationHeader,
  type LineDetail,
  type LineOutcome,
  linesOf,
  parseConfirmationLine,
  referencePeriods,
  referencePrefix,
  retryReference,
} from './payment.rules.ts';
import type {
  InstructionBatchView,
  issuePageQuerySchema,
  ReconciliationView,
  reconciliationListSchema,
  retryListQuerySchema,
  retryListSchema,
} from './payment.schema.ts';
import {
  analyzeEntitlements,
  analyzeInstructions,
  applySettlements,
  countInstructedEntitlements,
  countIssues,
  filePage,
  findBatchById,
  findCycleById,
  findReconciliationById,
  finishReconciliation,
  type IssueRow,
  insertBatch,
  insertInstructions,
  insertIssues,
  insertReconciliation,
  instructablePage,
  instructionStates,
  issuePage,
  listBatchRows,
  listReconciliationRows,
  lockCycle,
  markBatchInstructed,
  type NewInstruction,
  nextBatchNumber,
  paidElsewhere,
  retryPage,
  type Settlement,
  updateBatchTotals,
} from './payment.store.ts';
import { AID_CHANNELS } from './programme.schema.ts';

/** Rows per statement when instructing, writing files and reconciling: memory stays bounded at any size. */
const PAGE = 5_000;
/** Issues shown with an import's answer; the rest are paged (GET /reconciliations/{id}?cursor=). */
const ISSUES_SHOWN = 200;
const ISSUE_CURSOR = ['offset'] as const;
const RETRY_CURSOR = ['uuid'] as const;

type CycleInScope = { cycle: AidCycleRow; programme: AidProgrammeRow; fund: { id: string; office_id: string } | undefined };

/**
 * A cycle the actor may work on: it belongs to the office holding its programme's fund (the
 * office that pays and books it). A cycle of a programme without a fund is organisation-wide
 * (admins). Unknown and out-of-scope cycles answer alike (404).
 */
async function cycleForActor(ctx: Context, db: Queryable, cycleId: string): Promise<CycleInScope> {
  const cycle = await findCycleById(db, cycleId);
  const programme = cycle ? await findProgrammeById(db, cycle.programme_id) : undefined;
  if (!cycle || !programme) throw notFound('cycle', cycleId);
  const fund = programme.fund_id ? await fundById(db, programme.fund_id) : undefined;
  const scope = actorScope(ctx);
  if (fund ? !officeInScope(scope, fund.office_id) : scope.kind !== 'all') throw notFound('cycle', cycleId);
  return { cycle, programme, fund };
}

// ---------------------------------------------------------------------------------------------
// Instruction batches

const batchFileName = (programme: AidProgrammeRow, cycle: AidCycleRow, channel: AidChannel, number: number) =>
  `instruksi-${programme.code}-${cycle.period_start}-${channel}-${number}.csv`;

type BatchRow = NonNullable<Awaited<ReturnType<typeof findBatchById>>>;

const batchView = (row: BatchRow, scope: CycleInScope): InstructionBatchView => ({
  id: row.id,
  cycleId: row.cycle_id,
  channel: row.channel,
  number: row.number,
  instructionCount: row.instruction_count,
  total: String(row.total),
  createdBy: row.created_by,
  createdAt: new Date(row.created_at).toISOString(),
  fileName: batchFileName(scope.programme, scope.cycle, row.channel, row.number),
});

function assertChannel(channel: string): asserts channel is AidChannel {
  if (!(AID_CHANNELS as readonly string[]).includes(channel)) throw invalid('aid.unknown_channel', 'channel', { channel });
}

/**
 * The next numbered batch of a channel for an approved cycle: every approved entitlement of that
 * channel with something to pay, and the retry list (entitlements whose latest instruction failed
 * or was returned). Each gets one instruction with a unique reference (a retry: the same stem,
 * the next attempt) and becomes `instructed`. Read and written a page at a time, each page one
 * INSERT … SELECT; nothing is posted on the ledger (what is owed stays owed until paid).
 */
export async function createInstructionBatch(
  ctx: Context,
  cycleId: string,
  channel: AidChannel,
  options: { pageSize?: number } = {},
): Promise<InstructionBatchView> {
  assertRole(ctx, CYCLE_MAKERS);
  assertChannel(channel);
  const pageSize = options.pageSize ?? PAGE;
  return inTransaction(ctx, async (tx) => {
    const scope = await cycleForActor(ctx, tx, cycleId);
    const locked = await lockCycle(tx, cycleId);
    if (locked?.status !== 'approved') throw conflict('aid.cycle_not_approved', 'id', { status: locked?.status ?? 'open' });
    const now = ctx.clock.now();
    const number = await nextBatchNumber(tx, cycleId, channel);
    const batchId = uuidv7(now.getTime());
    await insertBatch(tx, {
      id: batchId,
      cycle_id: cycleId,
      channel,
      number,
      instruction_count: 0,
      total: 0n,
      created_by: actorName(ctx.actor),
      created_at: now,
    });
    const periodStart = scope.cycle.period_start;
    const batch = { id: batchId, periodStart };
    const prefix = referencePrefix(scope.programme.code, periodStart);
    let sequence = await countInstructedEntitlements(tx, cycleId, periodStart);
    await analyzeEntitlements(tx);
    let count = 0;
    let total = 0n;
    // First the approved ones, then the retries; each in id order.
    for (const status of ['approved', 'failed', 'returned'] satisfies EntitlementStatus[]) {
      let afterId: string | null = null;
      for (;;) {
        const page = await instructablePage(tx, { cycleId, periodStart, channel, status, afterId, limit: pageSize });
        if (page.length === 0) break;
        const names = new Map(
          (
            await personNamesOf(
              tx,
              page.map((row) => row.recipient_id),
            )
          ).map((p) => [p.id, p.full_name]),
        );
        const families = await householdsByIds(
          tx,
          page.map((row) => row.unit_household_id),
        );
        const rows: NewInstruction[] = page.map((row) => {
          const attempt = (row.last_attempt ?? 0) + 1;
          return {
            id: uuidv7(now.getTime()),
            entitlementId: row.id,
            reference: row.last_reference === null ? firstReference(prefix, ++sequence) : retryReference(row.last_reference, attempt),
            attempt,
            payeeName: names.get(row.recipient_id) ?? '',
            payeeKk: families.get(row.unit_household_id)?.kkNumber ?? '',
          };
        });
        await insertInstructions(tx, batch, now, rows);
        count += page.length;
        for (const row of page) total += BigInt(row.amount);
        afterId = page[page.length - 1]?.id ?? null;
        if (page.length < pageSize) break;
      }
    }
    if (count === 0) throw conflict('aid.nothing_to_instruct', 'channel', { channel });
    await markBatchInstructed(tx, batch, now);
    await analyzeInstructions(tx);
    await updateBatchTotals(tx, batchId, count, total);
    const row = (await findBatchById(tx, batchId)) as BatchRow;
    const view = batchView(row, scope);
    await recordAudit(tx, ctx, {
      action: 'aid.instruction_batch_create',
      entityType: 'aid_instruction_batch',
      entityId: batchId,
      officeId: scope.fund?.office_id,
      after: { cycleId, programme: scope.programme.code, channel, number, instructionCount: count, total: total.toString() },
    });
    return view;
  });
}

/** A cycle's instruction batches, oldest first. */
export async function listInstructionBatches(ctx: Context, cycleId: string): Promise<{ items: InstructionBatchView[] }> {
  assertRole(ctx, AID_READERS);
  const scope = await cycleForActor(ctx, ctx.db, cycleId);
  return { items: (await listBatchRows(ctx.db, cycleId)).map((row) => batchView(row, scope)) };
}

/**
 * A batch's file, ready to stream: checked first (unknown or out of scope: 404), then read a page
 * at a time in reference order. Built only from the instructions' rows, so every download is the
 * same bytes.
 */
export async function openInstructionFile(
  ctx: Context,
  batchId: string,
): Promise<{ batch: InstructionBatchView; fileName: string; chunks: () => AsyncGenerator<string> }> {
  assertRole(ctx, CYCLE_MAKERS);
  const row = await findBatchById(ctx.db, batchId);
  if (!row) throw notFound('instruction_batch', batchId);
  const scope = await cycleForActor(ctx, ctx.db, row.cycle_id).catch(() => {
    throw notFound('instruction_batch', batchId);
  });
  const batch = batchView(row, scope);
  const { db } = ctx;
  const channel = row.channel;
  async function* chunks(): AsyncGenerator<string> {
    yield instructionFileHeader(channel);
    let after: string | null = null;
    for (;;) {
      const page = await filePage(db, { id: batchId, periodStart: scope.cycle.period_start }, after, PAGE);
      if (page.length === 0) return;
      yield page
        .map((r) =>
          instructionFileLine(channel, {
            reference: r.reference,
            account: r.account,
            payeeName: r.payee_name,
            payeeKk: r.payee_kk,
            villageCode: r.village_code,
            amount: r.amount,
          }),
        )
        .join('');
      after = page[page.length - 1]?.reference ?? null;
      if (page.length < PAGE) return;
    }
  }
  return { batch, fileName: batch.fileName, chunks };
}

/**
 * Writes a batch's file to `sink` a page at a time, waiting for the sink after each page (the
 * whole file is never in memory). Answers the instructions written.
 */
export async function writeInstructionFile(
  ctx: Context,
  batchId: string,
  sink: (chunk: string) => Promise<void> | void,
): Promise<{ instructions: number; fileName: string }> {
  const file = await openInstructionFile(ctx, batchId);
  for await (const chunk of file.chunks()) await sink(chunk);
  return { instructions: file.batch.instructionCount, fileName: file.fileName };
}

// ---------------------------------------------------------------------------------------------
// Reconciliation

/** How an issue's reason is stored: its catalogue code and params, worded when read. */
const storedDetail = (detail: LineDetail) => JSON.stringify(detail);

function wordedDetail(stored: string, locale: Context['locale']): string {
  try {
    const detail = JSON.parse(stored) as LineDetail;
    return translate(detail.code, locale, detail.params ?? {});
  } catch {
    return stored;
  }
}

type ReconciliationRow = NonNullable<Awaited<ReturnType<typeof findReconciliationById>>>;

function reconciliationSummary(row: ReconciliationRow, issueCount: number) {
  return {
    id: row.id,
    cycleId: row.cycle_id,
    channel: row.channel,
    fileName: row.file_name,
    fileSha256: row.file_sha256,
    lineCount: row.line_count,
    counts: { ...emptyCounts(), ...(row.counts as Record<LineOutcome, number>) },
    paidTotal: String(row.paid_total),
    returnedTotal: String(row.returned_total),
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    issueCount,
  };
}

async function reconciliationView(
  ctx: Context,
  db: Queryable,
  row: ReconciliationRow,
  page: { offset: number; limit: number },
): Promise<ReconciliationView> {
  const issueCount = (await countIssues(db, [row.id])).get(row.id) ?? 0;
  const issues = await issuePage(db, row.id, page.offset, page.limit + 1);
  const shown = issues.slice(0, page.limit);
  const last = shown[shown.length - 1];
  return {
    ...reconciliationSummary(row, issueCount),
    issues: shown.map((issue) => ({
      lineNo: issue.line_no,
      outcome: issue.outcome,
      reference: issue.reference,
      detail: wordedDetail(issue.detail, ctx.locale),
    })),
    nextCursor: issues.length > page.limit && last ? encodeCursor(ISSUE_CURSOR, [last.line_no]) : null,
  };
}

/** The first line that is not blank, and the lines after it with their numbers (the header is line 1 of the file). */
async function* numbered(lines: AsyncIterable<string> | Iterable<string>, hash: ReturnType<typeof createHash>) {
  let lineNo = 0;
  for await (const line of linesOf(lines)) {
    lineNo++;
    hash.update(`${line}\n`);
    if (line.trim() !== '') yield { lineNo, line };
  }
}

export type ReconcileInput = {
  channel: AidChannel;
  fileName: string;
  /** The file's lines; each piece one or more whole lines (a reader of lines, or the whole body). */
  lines: AsyncIterable<string> | Iterable<string>;
};

/**
 * Imports a channel's confirmation file for a cycle. Each line is decided by `decideLine`
 * (payment.rules.ts): instructed → paid / failed / returned is applied once; a paid reference
 * confirmed again is a duplicate and nothing moves; the same failure again is unchanged; a paid
 * one returned is applied (the entitlement goes to the retry list); unknown references, amount
 * mismatches and bad lines are listed, not applied. Lines go in chunks (one read and one write
 * statement per chunk); a reference seen twice in a file starts a new chunk, so lines apply in file
 * order. One ledger entry per import on the programme's fund: Dr aid payable / Cr bank for what
 * was paid, Dr bank / Cr aid payable for payments returned. A second import of the same file
 * changes nothing. A file whose first line is not the header is refused (422), nothing stored.
 */
export async function reconcile(
  ctx: Context,
  cycleId: string,
  input: ReconcileInput,
  options: { chunkSize?: number; onProgress?: (lines: number) => void } = {},
): Promise<ReconciliationView> {
  assertRole(ctx, CYCLE_MAKERS);
  assertChannel(input.channel);
  const fileName = input.fileName.trim();
  if (fileName === '' || fileName.length > 200 || !isCleanText(fileName)) throw invalid('aid.reconcile.file_name', 'fileName');
  const chunkSize = options.chunkSize ?? PAGE;
  await cycleForActor(ctx, ctx.db, cycleId);

  const hash = createHash('sha256');
  const lines = numbered(input.lines, hash)[Symbol.asyncIterator]();
  const first = await lines.next();
  if (first.done) throw invalid('aid.reconcile.empty', 'body');
  if (!isCleanText(first.value.line) || !isConfirmationHeader(first.value.line))
    throw invalid('aid.reconcile.header', 'body', { expected: 'reference,status,date,channel_reference,amount' });

  const today = businessDate(ctx.clock);
  return inTransaction(ctx, async (tx) => {
    const scope = await cycleForActor(ctx, tx, cycleId);
    const locked = await lockCycle(tx, cycleId);
    if (locked?.status !== 'approved' && locked?.status !== 'closed')
      throw conflict('aid.cycle_not_approved', 'id', { status: locked?.status ?? 'open' });
    const now = ctx.clock.now();
    const id = uuidv7(now.getTime());
    await insertReconciliation(tx, {
      id,
      cycle_id: cycleId,
      channel: input.channel,
      file_name: fileName,
      file_sha256: '0'.repeat(64),
      line_count: 0,
      counts: '{}',
      paid_total: 0n,
      returned_total: 0n,
      created_by: actorName(ctx.actor),
      created_at: now,
    });

    const counts = emptyCounts();
    let paidTotal = 0n;
    let returnedTotal = 0n;
    let lineCount = 0;
    let issues: IssueRow[] = [];
    let chunk: { lineNo: number; line: ConfirmationLine }[] = [];
    let inChunk = new Set<string>();

    const flushIssues = async () => {
      await insertIssues(tx, id, issues);
      issues = [];
    };
    const flushChunk = async () => {
      if (chunk.length === 0) return;
      const rows = await instructionStates(tx, cycleId, input.channel, [...inChunk], referencePeriods(inChunk));
      const byReference = new Map(rows.map((row) => [row.reference, row]));
      // Whether the entitlement is paid by another instruction matters only to a payment confirmed on a settled one.
      const settled = chunk.flatMap(({ line }) => {
        const row = byReference.get(line.reference);
        return row && line.status === 'paid' && (row.status === 'failed' || row.status === 'returned') ? [row.id] : [];
      });
      const paidByAnother = await paidElsewhere(tx, settled);
      const states = new Map<string, InstructionState & { id: string }>(
        rows.map((row) => [
          row.reference,
          { id: row.id, status: row.status, amount: BigInt(row.amount), ours: row.ours, paidElsewhere: paidByAnother.has(row.id) },
        ]),
      );
      const settlements: Settlement[] = [];
      for (const { lineNo, line } of chunk) {
        const state = states.get(line.reference);
        const decision = decideLine(state, line);
        counts[decision.outcome]++;
        if ('detail' in decision) {
          issues.push({
            id: uuidv7(now.getTime()),
            lineNo,
            outcome: decision.outcome,
            reference: line.reference,
            detail: storedDetail(decision.detail),
          });
          continue;
        }
        settlements.push({
          instructionId: (state as { id: string }).id,
          status: decision.status,
          date: line.date,
          channelReference: line.channelReference,
        });
        if (decision.moneyOut) paidTotal += line.amount;
        if (decision.moneyBack) returnedTotal += line.amount;
      }
      await applySettlements(tx, { id, periodStart: scope.cycle.period_start }, now, settlements);
      await flushIssues();
      chunk = [];
      inChunk = new Set();
      options.onProgress?.(lineCount);
    };

    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      const { lineNo, line } = next.value;
      lineCount++;
      const parsed = parseConfirmationLine(line, today);
      if (!parsed.ok) {
        counts.invalid++;
        issues.push({
          id: uuidv7(now.getTime()),
          lineNo,
          outcome: 'invalid',
          reference: parsed.reference,
          detail: storedDetail(parsed.detail),
        });
        if (issues.length >= chunkSize) await flushIssues();
        continue;
      }
      if (inChunk.has(parsed.line.reference) || chunk.length >= chunkSize) await flushChunk();
      chunk.push({ lineNo, line: parsed.line });
      inChunk.add(parsed.line.reference);
    }
    await flushChunk();
    await flushIssues();

    const sha256 = hash.digest('hex');
    await finishReconciliation(tx, id, { lineCount, counts, paidTotal, returnedTotal, sha256 });
    if (paidTotal > 0n || returnedTotal > 0n) {
      if (!scope.fund) throw conflict('aid.payment_no_fund', 'id', { programme: scope.programme.code });
      const fundId = scope.fund.id;
      await postEntry(tx, ctx, {
        officeId: scope.fund.office_id,
        entryDate: today,
        memo: `Rekonsiliasi bantuan ${scope.cycle.name} (${input.channel}): ${fileName}`.slice(0, 500),
        source: { type: 'aid_reconciliation', id },
        lines: [
          { accountCode: ACCOUNTS.aidPayable, debit: paidTotal, fundId },
          { accountCode: ACCOUNTS.bankCash, credit: paidTotal, fundId },
          { accountCode: ACCOUNTS.bankCash, debit: returnedTotal, fundId },
          { accountCode: ACCOUNTS.aidPayable, credit: returnedTotal, fundId },
        ],
      });
    }
    await recordAudit(tx, ctx, {
      action: 'aid.reconciliation_import',
      entityType: 'aid_reconciliation',
      entityId: id,
      officeId: scope.fund?.office_id,
      after: {
        cycleId,
        channel: input.channel,
        fileName,
        fileSha256: sha256,
        lineCount,
        counts,
        paidTotal: paidTotal.toString(),
        returnedTotal: returnedTotal.toString(),
      },
    });
    const row = (await findReconciliationById(tx, id)) as ReconciliationRow;
    return reconciliationView(ctx, tx, row, { offset: 0, limit: ISSUES_SHOWN });
  });
}

/** A cycle's imports, newest first, with their counts (issues: GET /reconciliations/{id}). */
export async function listReconciliations(ctx: Context, cycleId: string): Promise<z.input<typeof reconciliationListSchema>> {
  assertRole(ctx, AID_READERS);
  await cycleForActor(ctx, ctx.db, cycleId);
  const rows = await listReconciliationRows(ctx.db, cycleId);
  const issueCounts = await countIssues(
    ctx.db,
    rows.map((row) => row.id),
  );
  return { items: rows.map((row) => reconciliationSummary(row, issueCounts.get(row.id) ?? 0)) };
}

/** One import with its issues in line order, a page at a time. */
export async function getReconciliation(
  ctx: Context,
  id: string,
  query: z.infer<typeof issuePageQuerySchema>,
): Promise<ReconciliationView> {
  assertRole(ctx, AID_READERS);
  const row = await findReconciliationById(ctx.db, id);
  if (!row) throw notFound('reconciliation', id);
  await cycleForActor(ctx, ctx.db, row.cycle_id).catch(() => {
    throw notFound('reconciliation', id);
  });
  const [offset] = query.cursor ? decodeCursor(query.cursor, ISSUE_CURSOR) : [0];
  return reconciliationView(ctx, ctx.db, row, { offset, limit: query.limit });
}

// ---------------------------------------------------------------------------------------------
// Retry list

/** Failed and returned entitlements of a cycle waiting for the next batch of their channel, with their latest instruction. */
export async function getRetryList(
  ctx: Context,
  cycleId: string,
  query: z.infer<typeof retryListQuerySchema>,
): Promise<z.input<typeof retryListSchema>> {
  assertRole(ctx, AID_READERS);
  const { cycle } = await cycleForActor(ctx, ctx.db, cycleId);
  const afterId = query.cursor ? decodeCursor(query.cursor, RETRY_CURSOR)[0] : undefined;
  const rows = await retryPage(ctx.db, {
    cycleId,
    periodStart: cycle.period_start,
    channel: query.channel,
    afterId,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const names = new Map(
    (
      await personNamesOf(
        ctx.db,
        page.map((row) => row.recipient_id),
      )
    ).map((p) => [p.id, p.full_name]),
  );
  const last = page[page.length - 1];
  return {
    items: page.map((row) => ({
      entitlementId: row.id,
      enrolmentId: row.enrolment_id,
      householdId: row.unit_household_id,
      personId: row.person_id,
      recipientName: names.get(row.recipient_id) ?? '',
      villageCode: row.village_code,
      channel: row.channel,
      account: maskAccount(row.account) ?? '',
      amount: row.amount,
      status: row.status,
      attempts: row.last_attempt,
      lastReference: row.last_reference,
      lastSettledOn: row.last_settled_on,
      lastChannelReference: row.last_channel_reference,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(RETRY_CURSOR, [last.id]) : null,
  };
}
