import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { inTransaction } from '../../context.ts';
import { addDays, dayBefore } from '../../core/dates.ts';
import type { Queryable } from '../../db/database.ts';
import { describeEachDatabase } from '../../testing/databases.ts';
import { systemTestContext } from '../../testing/server.ts';
import { fillDemo } from '../demo/index.ts';
import { totalsThrough, writeBalances } from './balances.store.ts';
import { createFund, postEntry } from './ledger.service.ts';
import { accountTotals, fundCash, fundPositions } from './ledger.store.ts';

/** The oracle: every line summed, no snapshot involved. */
async function summedLines(db: Queryable, through: string, from = '0001-01-01', officeIds: string[] | null = null) {
  const rows = await sql<{ account_code: string; debit: string; credit: string }>`
    SELECT account_code, sum(debit)::text AS debit, sum(credit)::text AS credit FROM journal_line
    WHERE entry_date <= ${through}::date AND entry_date >= ${from}::date
      AND (${officeIds === null} OR office_id = ANY (${officeIds ?? []}::uuid[]))
    GROUP BY account_code ORDER BY account_code`.execute(db);
  return rows.rows.filter((r) => r.debit !== '0' || r.credit !== '0');
}
async function fundCashSummed(db: Queryable, fundId: string) {
  const row = await sql<{ cash: string }>`
    SELECT coalesce(sum(debit) - sum(credit), 0)::text AS cash FROM journal_line
    WHERE fund_id = ${fundId}::uuid AND account_code IN ('1.1.01', '1.1.02', '1.1.03')`.execute(db);
  return BigInt(row.rows[0]?.cash ?? '0');
}
const snapshotDays = async (db: Queryable) =>
  (await sql<{ as_of: string }>`SELECT as_of::text FROM ledger_balance_day ORDER BY as_of`.execute(db)).rows.map((r) => r.as_of);
const isoDay = (offset: number) => addDays('2025-01-01', offset);

describeEachDatabase('ledger balance snapshots', (getDatabase) => {
  let offices: string[];
  let fundId: string;
  const ctx = () => systemTestContext(getDatabase());
  const post = (entryDate: string, office: string, amount: bigint, debitCode: string, creditCode: string, fund: string | null) =>
    inTransaction(ctx(), (tx) =>
      postEntry(tx, ctx(), {
        officeId: office,
        entryDate,
        memo: 'uji saldo harian',
        source: { type: 'manual', id: null },
        lines: [
          { accountCode: debitCode, debit: amount, fundId: fund },
          { accountCode: creditCode, credit: amount, fundId: fund },
        ],
      }),
    );
  const snapshot = (date: string) => inTransaction(ctx(), (tx) => writeBalances(tx, date));

  beforeAll(async () => {
    await fillDemo(ctx());
    offices = (await sql<{ id: string }>`SELECT id FROM office ORDER BY code LIMIT 2`.execute(getDatabase().db)).rows.map((r) => r.id);
    expect(offices).toHaveLength(2);
    const fund = await createFund(ctx(), {
      code: 'UJI-SALDO',
      name: 'Dana uji saldo',
      kind: 'own_capital',
      source: 'Modal sendiri',
      officeCode: 'YK01',
      initialCapital: '0',
      cashAccount: '1.1.02',
    });
    fundId = fund.id;
  });

  it('reads a snapshot plus the lines after it, and a back-dated line drops the snapshots it falls into', async () => {
    const db = getDatabase().db;
    const [yk] = offices as [string, string];
    await post('2024-03-01', yk, 1_000_000n, '1.1.02', '3.2.02', fundId);
    await snapshot('2024-03-01');
    await post('2024-03-02', yk, 250_000n, '5.2.02', '1.1.02', fundId);
    await snapshot('2024-03-02');
    expect(await snapshotDays(db)).toEqual(expect.arrayContaining(['2024-03-01', '2024-03-02']));
    // The snapshot of 2 March is read, and the line of 3 March after it.
    await post('2024-03-03', yk, 1_500n, '1.1.02', '4.2.02', fundId);
    expect(await totalsThrough(db, '2024-03-03', [yk])).toEqual(await summedLines(db, '2024-03-03', undefined, [yk]));
    const before = await totalsThrough(db, '2024-03-02', null);
    // A line dated 1 March, posted now: both snapshots are dropped, the totals stay exact.
    await post('2024-03-01', yk, 777n, '1.1.02', '4.2.02', fundId);
    const days = await snapshotDays(db);
    expect(days).not.toContain('2024-03-01');
    expect(days).not.toContain('2024-03-02');
    const after = await totalsThrough(db, '2024-03-02', null);
    const cash = (rows: typeof before) => rows.find((r) => r.account_code === '1.1.02')?.debit;
    expect(BigInt(cash(after) ?? '0') - BigInt(cash(before) ?? '0')).toBe(777n);
    expect(after).toEqual(await summedLines(db, '2024-03-02'));
    // Written again, the snapshot of 2 March agrees with every line.
    await snapshot('2024-03-02');
    expect(await totalsThrough(db, '2024-03-02', null)).toEqual(await summedLines(db, '2024-03-02'));
    expect(await fundCash(db, fundId)).toBe(await fundCashSummed(db, fundId));
  });

  it('agrees with the sum of every line, whatever is posted, snapshotted or back-dated in between (property)', async () => {
    const db = getDatabase().db;
    const action = fc.oneof(
      fc.record({
        kind: fc.constant('post' as const),
        day: fc.integer({ min: 0, max: 40 }),
        office: fc.integer({ min: 0, max: 1 }),
        amount: fc.bigInt({ min: 1n, max: 5_000_000_000n }),
        pair: fc.constantFrom(['1.1.02', '3.2.02'], ['5.2.02', '1.1.01'], ['1.1.01', '4.2.02'], ['1.1.03', '1.1.02']),
        withFund: fc.boolean(),
      }),
      fc.record({ kind: fc.constant('snapshot' as const), day: fc.integer({ min: 0, max: 40 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 45 }), async (actions, askedDay) => {
        for (const a of actions) {
          if (a.kind === 'snapshot') await snapshot(isoDay(a.day));
          else await post(isoDay(a.day), offices[a.office] as string, a.amount, a.pair[0], a.pair[1], a.withFund ? fundId : null);
        }
        const asOf = isoDay(askedDay);
        const from = isoDay(Math.max(0, askedDay - 10));
        expect(await totalsThrough(db, asOf, null)).toEqual(await summedLines(db, asOf));
        expect(await totalsThrough(db, asOf, [offices[1] as string])).toEqual(
          await summedLines(db, asOf, undefined, [offices[1] as string]),
        );
        expect(await accountTotals(db, asOf, null, from)).toEqual(await summedLines(db, asOf, from));
        expect(await fundCash(db, fundId)).toBe(await fundCashSummed(db, fundId));
      }),
      { numRuns: 12 },
    );
    const [position] = await fundPositions(db, [fundId]);
    expect(BigInt(position?.cash ?? '0')).toBe(await fundCashSummed(db, fundId));
  });

  it('names the day before a date across months and years', () => {
    expect(dayBefore('2025-03-01')).toBe('2025-02-28');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
  });
});
