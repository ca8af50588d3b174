import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Context, inTransaction } from '../../context.ts';
import { fixedClock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import { uuidv7 } from '../../core/ids.ts';
import type { Queryable } from '../../db/database.ts';
import { describeEachDatabase } from '../../testing/databases.ts';
import { systemTestContext } from '../../testing/server.ts';
import { listAuditTrail, recordAudit } from '../audit/index.ts';
import {
  ACCOUNTS,
  accountStatement,
  checkIntegrity,
  listEntries,
  postEntry,
  snapshotLedgerBalances,
  trialBalance,
} from '../ledger/index.ts';
import { archiveMonth, ensureComingPartitions, listPartitions, restoreMonth } from './index.ts';

/** The partitions a query's plan reads (EXPLAIN), by name. */
async function partitionsRead(db: Queryable, query: string): Promise<string[]> {
  const plan = await sql<{ 'QUERY PLAN': string }>`EXPLAIN (COSTS OFF) ${sql.raw(query)}`.execute(db);
  const text = plan.rows.map((row) => row['QUERY PLAN']).join('\n');
  return [...new Set(text.match(/\b(journal_line|cadre_visit|audit_log|aid_instruction)_(p\d{6}|a\d{6}|default)\b/g) ?? [])].sort();
}

const memorySink = () => {
  const lines: string[] = [];
  return { lines, sink: { name: 'archive.jsonl', write: async (line: string) => void lines.push(line), finish: async () => {} } };
};
async function* linesOf(lines: string[]) {
  yield* lines;
}
const refusal = async (work: Promise<unknown>) => {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const appError = error as AppError;
  return appError.errors[0]?.code ?? appError.code;
};

describeEachDatabase('monthly partitions', (getDatabase) => {
  // Business date 10 May 2025: February and March are closed months, May is open.
  const clock = fixedClock(new Date('2025-05-10T03:00:00Z'));
  let officeId: string;
  const ctxAt = (at?: string): Context => systemTestContext(getDatabase(), at ? fixedClock(new Date(at)) : clock) as Context;
  const post = (entryDate: string, amount: bigint) =>
    inTransaction(ctxAt(), (tx) =>
      postEntry(tx, ctxAt(), {
        officeId,
        entryDate,
        memo: 'uji partisi',
        source: { type: 'manual', id: null },
        lines: [
          { accountCode: ACCOUNTS.cashInTransit, debit: amount },
          { accountCode: ACCOUNTS.ownCapital, credit: amount },
        ],
      }),
    );

  beforeAll(async () => {
    const db = getDatabase().db;
    await sql`INSERT INTO organisation (id, name) VALUES (${uuidv7()}, 'Uji partisi')`.execute(db);
    officeId = uuidv7();
    const region = await sql<{ code: string }>`SELECT code FROM region ORDER BY code LIMIT 1`.execute(db);
    await sql`INSERT INTO office (id, code, name, kind, region_code) VALUES (${officeId}, 'PT01', 'Kantor uji partisi', 'head', ${region.rows[0]?.code})`.execute(
      db,
    );
    // January to May 2025 (the template was migrated today: these months are older).
    expect(await ensureComingPartitions(db, '2025-01-20', 4)).toBe(25);
    expect(await ensureComingPartitions(db, '2025-01-20', 4)).toBe(0);
  });

  it('reads only the partitions of the months a date range names (EXPLAIN)', async () => {
    const db = getDatabase().db;
    expect(
      await partitionsRead(
        db,
        `SELECT entry_id, debit, credit FROM journal_line WHERE account_code = '${ACCOUNTS.cashInTransit}' AND entry_date >= '2025-02-01' AND entry_date <= '2025-02-28'`,
      ),
    ).toEqual(['journal_line_p202502']);
    expect(
      await partitionsRead(db, `SELECT count(*) FROM cadre_visit WHERE visited_on >= '2025-03-01' AND visited_on < '2025-05-01'`),
    ).toEqual(['cadre_visit_p202503', 'cadre_visit_p202504']);
    // Aid payments by their cycle's period start: a cycle's instructions (its file, its retries,
    // a confirmation's lookups) read the cycle's month only, whatever else the table holds.
    expect(
      await partitionsRead(
        db,
        `SELECT reference, amount FROM aid_instruction WHERE batch_id = '${uuidv7()}' AND period_start = '2025-03-01' ORDER BY reference`,
      ),
    ).toEqual(['aid_instruction_p202503']);
    expect(
      await partitionsRead(
        db,
        `SELECT id, status FROM aid_instruction WHERE reference = ANY(ARRAY['PKH-20250401-000001-1']) AND period_start = ANY(ARRAY['2025-04-01'::date])`,
      ),
    ).toEqual(['aid_instruction_p202504']);
    expect(await partitionsRead(db, `SELECT count(*) FROM aid_instruction WHERE status = 'paid'`)).toEqual(
      expect.arrayContaining(['aid_instruction_p202501', 'aid_instruction_p202505', 'aid_instruction_default']),
    );
    expect(
      await partitionsRead(
        db,
        `SELECT id FROM audit_log WHERE at >= '2025-04-01T00:00:00Z' AND at < '2025-05-01T00:00:00Z' ORDER BY at DESC, id DESC LIMIT 50`,
      ),
    ).toEqual(['audit_log_p202504']);
    // Without a range every month is read, and the default partition (a month never made) too.
    expect((await partitionsRead(db, 'SELECT count(*) FROM journal_line')).length).toBeGreaterThan(5);
  });

  describe('archive and restore', () => {
    let archive: string[];

    beforeAll(async () => {
      await post('2025-02-10', 150_000n);
      await post('2025-03-05', 25_000n);
      await inTransaction(ctxAt('2025-02-11T02:00:00Z'), (tx) =>
        recordAudit(tx, ctxAt('2025-02-11T02:00:00Z'), { action: 'partitions.archive', entityType: 'partition', officeId }),
      );
      await inTransaction(ctxAt(), (tx) => snapshotLedgerBalances(tx, '2025-02-28'));
    });

    it('refuses the open month, a month not closed yet, and an unknown table or month', async () => {
      const { sink } = memorySink();
      expect(await refusal(archiveMonth(ctxAt(), { table: 'journal_line', month: '2025-05', lastClosed: '2025-05-09' }, sink))).toBe(
        'partitions.month_open',
      );
      expect(await refusal(archiveMonth(ctxAt(), { table: 'journal_line', month: '2025-04', lastClosed: '2025-04-29' }, sink))).toBe(
        'partitions.month_not_closed',
      );
      expect(await refusal(archiveMonth(ctxAt(), { table: 'journal_line', month: '2025-02', lastClosed: null }, sink))).toBe(
        'partitions.month_not_closed',
      );
      expect(await refusal(archiveMonth(ctxAt(), { table: 'financing', month: '2025-02', lastClosed: '2025-04-30' }, sink))).toBe(
        'partitions.table_unknown',
      );
      expect(await refusal(archiveMonth(ctxAt(), { table: 'journal_line', month: '2025-13', lastClosed: '2025-04-30' }, sink))).toBe(
        'partitions.month_invalid',
      );
    });

    it('writes a closed month to a file with its checksum, detaches it, and the reports over it say so', async () => {
      const before = await trialBalance(ctxAt(), { asOf: '2025-02-20' });
      expect(before).toMatchObject({ debit: '150000', credit: '150000', archivedMonths: [] });

      const { lines, sink } = memorySink();
      const result = await archiveMonth(ctxAt(), { table: 'journal_line', month: '2025-02', lastClosed: '2025-03-31' }, sink);
      expect(result).toMatchObject({ table: 'journal_line', month: '2025-02', rows: 2 });
      expect(lines).toHaveLength(4);
      expect(JSON.parse(lines[0] ?? '')).toEqual({ format: 'jaring-partition-archive/1', table: 'journal_line', month: '2025-02' });
      expect(lines.slice(1, 3).map((line) => JSON.parse(line).debit + JSON.parse(line).credit)).toEqual(
        expect.arrayContaining([150000 + 0, 0 + 150000]),
      );
      expect(JSON.parse(lines[3] ?? '')).toEqual({ end: true, rows: 2, sha256: result.sha256 });
      archive = lines;

      const db = getDatabase().db;
      const left = await sql<{ n: number }>`SELECT count(*)::int AS n FROM journal_line WHERE entry_date < '2025-03-01'`.execute(db);
      expect(left.rows[0]?.n).toBe(0);
      const listed = await listPartitions(ctxAt());
      expect(listed.partitions.find((p) => p.partition === 'journal_line_a202502')).toMatchObject({ archived: true, rows: 0 });
      expect(listed.partitions.some((p) => p.partition === 'journal_line_p202502')).toBe(false);
      expect(listed.archived).toEqual([
        expect.objectContaining({ table: 'journal_line', month: '2025-02', rows: 2, sha256: result.sha256 }),
      ]);

      // A day inside the archived month, with no snapshot to stand in for its lines: the report says so.
      const during = await trialBalance(ctxAt(), { asOf: '2025-02-20' });
      expect(during).toMatchObject({ debit: '0', credit: '0', archivedMonths: ['2025-02'] });
      // After the month, the snapshot of 28 February still carries it: complete, nothing to say.
      const after = await trialBalance(ctxAt(), { asOf: '2025-03-31' });
      expect(after).toMatchObject({ debit: '175000', credit: '175000', archivedMonths: [] });
      const statement = await accountStatement(ctxAt(), ACCOUNTS.cashInTransit, { from: '2025-02-01', to: '2025-03-31', limit: 50 });
      expect(statement.archivedMonths).toEqual(['2025-02']);
      expect(statement.lines.map((line) => [line.date, line.debit])).toEqual([['2025-03-05', '25000']]);
      // The journal entry list (its entries span February–March) and the books check over the month say so too.
      const entries = await listEntries(ctxAt(), { limit: 50 });
      expect(entries.items.map((entry) => entry.entryDate)).toEqual(['2025-03-05', '2025-02-10']);
      expect(entries.archivedMonths).toEqual(['2025-02']);
      expect((await checkIntegrity(ctxAt(), { from: '2025-02-01', to: '2025-03-31' })).archivedMonths).toEqual(['2025-02']);
      expect((await checkIntegrity(ctxAt(), { from: '2025-03-01', to: '2025-03-31' })).archivedMonths).toEqual([]);

      // A late line of the archived month is refused, not hidden in the default partition.
      await expect(post('2025-02-15', 1_000n)).rejects.toThrow();
      expect(
        await refusal(archiveMonth(ctxAt(), { table: 'journal_line', month: '2025-02', lastClosed: '2025-03-31' }, memorySink().sink)),
      ).toBe('partitions.already_archived');
    });

    it('archives the audit trail of a month, and the audit list says the month is archived', async () => {
      const page = async () => listAuditTrail(ctxAt(), { from: '2025-02-01', to: '2025-02-28', limit: 50 });
      expect((await page()).items.map((item) => item.action)).toEqual(['partitions.archive']);
      expect((await page()).archivedMonths).toEqual([]);
      const { sink } = memorySink();
      expect(await archiveMonth(ctxAt(), { table: 'audit_log', month: '2025-02', lastClosed: '2025-03-31' }, sink)).toMatchObject({
        rows: 1,
      });
      expect(await page()).toMatchObject({ items: [], archivedMonths: ['2025-02'] });
      const march = await listAuditTrail(ctxAt(), { from: '2025-03-01', to: '2025-03-31', limit: 50 });
      expect(march.archivedMonths).toEqual([]);
    });

    it('restores a month only from its own unaltered file, and the reports are whole again', async () => {
      const tampered = archive.map((line, index) => (index === 1 ? line.replace('150000', '150001') : line));
      expect(await refusal(restoreMonth(ctxAt(), linesOf(tampered)))).toBe('partitions.archive_invalid');
      expect(await refusal(restoreMonth(ctxAt(), linesOf(archive.slice(0, 3))))).toBe('partitions.archive_invalid');
      expect((await trialBalance(ctxAt(), { asOf: '2025-02-20' })).archivedMonths).toEqual(['2025-02']);

      expect(await restoreMonth(ctxAt(), linesOf(archive))).toEqual({ table: 'journal_line', month: '2025-02', rows: 2 });
      expect(await trialBalance(ctxAt(), { asOf: '2025-02-20' })).toMatchObject({ debit: '150000', credit: '150000', archivedMonths: [] });
      expect(
        await partitionsRead(getDatabase().db, `SELECT * FROM journal_line WHERE entry_date BETWEEN '2025-02-01' AND '2025-02-28'`),
      ).toEqual(['journal_line_p202502']);
      // The restored month is append-only again, like every other.
      await expect(sql`UPDATE journal_line SET debit = debit WHERE entry_date = '2025-02-10'`.execute(getDatabase().db)).rejects.toThrow(
        /append-only/,
      );
      expect(await refusal(restoreMonth(ctxAt(), linesOf(archive)))).toBe('partitions.not_archived');
    });
  });
});
