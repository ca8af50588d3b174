// The repayment comparison's fast path (monthly facts, cached monthly aggregates) against the
// reference (every financing's history rebuilt, compareRepayment): equal on generated
// portfolios, in memory (property) and on both databases through reversals, backdated
// repayments and care, a write-off and the business date moving.

import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../context.ts';
import { businessDate, fixedClock } from '../../core/clock.ts';
import { addMonths, monthIndex, nextDay } from '../../core/dates.ts';
import { describeEachDatabase } from '../../testing/databases.ts';
import { BULK_FLAT_PRODUCT, BULK_FUND } from '../../testing/financing-fixtures.ts';
import { systemTestContext } from '../../testing/server.ts';
import { fillDemo } from '../demo/index.ts';
import { closeDay, financingDemoApi, type MonthFact, monthFacts } from '../financing/index.ts';
import { createFund } from '../ledger/index.ts';
import {
  aggregateMonth,
  CARE_MONTHS,
  compareRepayment,
  comparisonOf,
  type HistoryFinancing,
  monthEnd,
  monthsOf,
  PAR_DAYS,
  tallyMonth,
} from './finance-link.rules.ts';
import { repaymentComparison, repaymentComparisonRebuilt } from './finance-link.service.ts';

const dayOf = (base: string, days: number) => new Date(Date.parse(`${base}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------
// In memory: facts → per-person sums (as the SQL GROUP BY) → aggregate → tallies, against compareRepayment.
// ---------------------------------------------------------------------------------------------

type Generated = HistoryFinancing & { officeId: string };

const financingArb = (persons: number) =>
  fc
    .record({
      person: fc.integer({ min: 0, max: persons - 1 }),
      office: fc.constantFrom('o1', 'o2'),
      disbursedDay: fc.integer({ min: 0, max: 500 }),
      count: fc.integer({ min: 1, max: 8 }),
      principal: fc.integer({ min: 1, max: 9 }),
      profit: fc.integer({ min: 0, max: 3 }),
      pays: fc.array(
        fc.record({
          day: fc.integer({ min: 0, max: 400 }),
          principal: fc.integer({ min: 0, max: 12 }),
          profit: fc.integer({ min: 0, max: 4 }),
        }),
        {
          maxLength: 10,
        },
      ),
      closed: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
    })
    .map((g): Generated => {
      const disbursedOn = dayOf('2024-06-01', g.disbursedDay);
      return {
        id: '',
        personId: `p${g.person}`,
        officeId: g.office,
        disbursedOn,
        closedOn: g.closed === null ? null : dayOf(disbursedOn, g.closed),
        instalments: Array.from({ length: g.count }, (_, i) => ({
          n: i + 1,
          dueDate: dayOf(disbursedOn, 30 * (i + 1)),
          principal: BigInt(g.principal) * 100_000n,
          profit: BigInt(g.profit) * 10_000n,
        })),
        repayments: g.pays.map((p) => ({
          paidOn: dayOf(disbursedOn, p.day),
          principal: BigInt(p.principal) * 50_000n,
          profit: BigInt(p.profit) * 10_000n,
        })),
      };
    });

function sumByPerson(facts: MonthFact[]) {
  const rows = new Map<
    string,
    {
      person_id: string;
      office_id: string;
      closed_month: string | null;
      due: number;
      on_time: number;
      financings: number;
      outstanding: bigint;
      at_risk: bigint;
      dpd_sum: number;
    }
  >();
  for (const f of facts) {
    const key = `${f.personId}|${f.officeId}|${f.closedMonth}`;
    const r = rows.get(key) ?? {
      person_id: f.personId,
      office_id: f.officeId,
      closed_month: f.closedMonth,
      due: 0,
      on_time: 0,
      financings: 0,
      outstanding: 0n,
      at_risk: 0n,
      dpd_sum: 0,
    };
    rows.set(key, r);
    r.due += f.due;
    r.on_time += f.onTime;
    if (!f.inPortfolio) continue;
    r.financings += 1;
    r.outstanding += f.outstandingPrincipal;
    if (f.daysPastDue >= PAR_DAYS) r.at_risk += f.outstandingPrincipal;
    r.dpd_sum += f.daysPastDue;
  }
  return [...rows.values()].map((r) => ({ ...r, outstanding: r.outstanding.toString(), at_risk: r.at_risk.toString() }));
}

describe('the comparison from monthly facts equals the rebuilt history (in memory)', () => {
  it('for any portfolio, care, period, business date and offices', () => {
    fc.assert(
      fc.property(
        fc.array(financingArb(8), { minLength: 1, maxLength: 12 }).map((list) => list.map((f, k) => ({ ...f, id: `f${k}` }))),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 30 })), { maxLength: 12 }),
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 200, max: 800 }),
        fc.constantFrom<'all' | 'o1' | 'o2'>('all', 'o1', 'o2'),
        (financings, careEvents, fromOffset, length, todayOffset, office) => {
          const today = dayOf('2024-06-01', todayOffset);
          const from = addMonths('2024-06', fromOffset);
          const to = addMonths(from, length);
          const months = monthsOf(from, to);
          const care = new Map<string, string[]>();
          for (const [person, month] of careEvents) {
            const m = addMonths('2024-01', month);
            care.set(`p${person}`, [...(care.get(`p${person}`) ?? []), m]);
          }
          // The reference sees what financingHistoryBetween loads: the offices asked for, in the
          // portfolio at some time in the period; care months up to the period's end.
          const periodEnd = monthEnd(to) < today ? monthEnd(to) : today;
          const history = financings.filter(
            (f) =>
              (office === 'all' || f.officeId === office) &&
              f.disbursedOn <= periodEnd &&
              (f.closedOn === null || f.closedOn >= `${from}-01`) &&
              `${from}-01` <= today,
          );
          const careUpTo = (id: string) => (care.get(id) ?? []).filter((m) => `${m}-01` <= periodEnd);
          const reference = compareRepayment(history, careUpTo, months, today);
          const offices = office === 'all' ? null : new Set([office]);
          const fast = comparisonOf(
            months.map((month) => {
              if (`${month}-01` > today) return { month, ...tallyMonth({ groups: [], members: [] }, from, offices) };
              const end = monthEnd(month) < today ? monthEnd(month) : today;
              const facts = financings.flatMap((f) => monthFacts(f, [{ month, end }]).flatMap((x) => (x ? [x] : [])));
              const inWindow = (id: string) =>
                (care.get(id) ?? []).some(
                  (m) => monthIndex(m) <= monthIndex(month) && monthIndex(m) > monthIndex(month) - CARE_MONTHS && `${m}-01` <= end,
                );
              return { month, ...tallyMonth(aggregateMonth(sumByPerson(facts), inWindow), from, offices) };
            }),
          );
          expect(fast).toEqual(reference);
        },
      ),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// On both databases: the service's fast path against the rebuilt history, through changes.
// ---------------------------------------------------------------------------------------------

/** A small deterministic generator (mulberry32). */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RANGES = [
  { from: '2025-01', to: '2026-03' },
  { from: '2025-06', to: '2025-12' },
  { from: '2026-02', to: '2026-05' },
  { from: '2024-01', to: '2024-06' },
];
const ENTRY = '01900000-0000-7000-8000-0000000000fa';

describeEachDatabase('the comparison from monthly facts equals the rebuilt history', (getDatabase) => {
  let ctx: Context;
  let scoped: Context;
  const clock = fixedClock(new Date('2026-03-20T03:00:00Z'));
  const financingIds: string[] = [];
  const personIds: string[] = [];
  let officeIds: string[] = [];

  async function expectSame(contexts: Context[] = [ctx, scoped]) {
    const answers = [];
    for (const c of contexts)
      for (const range of RANGES) {
        const fast = await repaymentComparison(c, range);
        expect(fast).toEqual(await repaymentComparisonRebuilt(c, range));
        answers.push(fast);
      }
    return answers;
  }

  it('on a generated portfolio', async () => {
    const database = getDatabase();
    ctx = { ...systemTestContext(database), clock };
    await fillDemo(ctx);
    const db = database.db;
    const rnd = random(12);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)] as T;
    const offices = await db.selectFrom('office').select(['id', 'code']).orderBy('code').execute();
    officeIds = offices.map((o) => o.id);
    const yk = offices.find((o) => o.code === 'YK01') ?? offices[0];
    const officeRow = await db
      .selectFrom('office_region')
      .select('region_code')
      .where('office_id', '=', yk?.id as string)
      .execute();
    scoped = {
      ...ctx,
      actor: {
        kind: 'user',
        id: '01900000-0000-7000-8000-0000000000fb',
        username: 'manajer.test',
        fullName: 'Manajer',
        role: 'manager',
        offices: [{ id: yk?.id as string, code: 'YK01', name: 'YK01', regionCodes: officeRow.map((r) => r.region_code) }],
        scope: { kind: 'regions', regionCodes: officeRow.map((r) => r.region_code), officeIds: [yk?.id as string] },
        via: 'session',
      },
    };
    const persons = await db.selectFrom('person').select(['id', 'village_code']).orderBy('nik').limit(24).execute();
    personIds.push(...persons.map((p) => p.id));
    await financingDemoApi.defineProduct(ctx, { ...BULK_FLAT_PRODUCT, code: 'TFLAT', name: 'Test flat' });
    await createFund(ctx, { ...BULK_FUND, code: 'TFUND', name: 'Test', source: 'test' });
    const fund = await db.selectFrom('fund').select('id').where('code', '=', 'TFUND').executeTakeFirstOrThrow();
    const product = await db.selectFrom('financing_product').select('id').where('code', '=', 'TFLAT').executeTakeFirstOrThrow();
    await sql`
      WITH e AS (
        INSERT INTO journal_entry (id, office_id, entry_date, memo, source_type, created_by)
        VALUES (${ENTRY}::uuid, ${yk?.id}::uuid, '2026-03-20'::date, 'test', 'test', 'test') RETURNING id, office_id)
      INSERT INTO journal_line (entry_id, line_no, account_code, office_id, entry_date, debit, credit)
      SELECT e.id, l.n, l.code, e.office_id, '2026-03-20'::date, l.debit, l.credit FROM e
      CROSS JOIN (VALUES (1::smallint, '1.1.02', 1::bigint, 0::bigint), (2::smallint, '1.2.01', 0::bigint, 1::bigint)) l(n, code, debit, credit)`.execute(
      db,
    );
    for (let k = 0; k < 40; k++) {
      const person = persons[k % persons.length] as (typeof persons)[number];
      const id = `01900000-0000-7000-8001-${k.toString(16).padStart(12, '0')}`;
      financingIds.push(id);
      const disbursedOn = dayOf('2024-09-01', Math.floor(rnd() * 560));
      const count = 3 + Math.floor(rnd() * 10);
      const principal = BigInt(1 + Math.floor(rnd() * 8)) * 500_000n;
      const profit = BigInt(Math.floor(rnd() * 4)) * 25_000n;
      const instalments = Array.from({ length: count }, (_, i) => ({ n: i + 1, dueDate: dayOf(disbursedOn, 30 * (i + 1)) }));
      // Each instalment: paid on the day, late, in part, early, or not at all (a tenth stop paying).
      const stopper = rnd() < 0.15;
      const repayments: { paidOn: string; principal: bigint; profit: bigint }[] = [];
      for (const i of instalments) {
        const kind = stopper && i.n > 2 ? 'none' : pick(['on_time', 'on_time', 'late', 'part', 'early']);
        if (kind === 'none') continue;
        const paidOn = dayOf(i.dueDate, kind === 'late' ? 5 + Math.floor(rnd() * 50) : kind === 'early' ? -Math.floor(rnd() * 10) : 0);
        if (paidOn > '2026-03-20') continue;
        repayments.push({ paidOn, principal: kind === 'part' ? principal / 2n : principal, profit });
      }
      const paidAll = repayments.length === count && repayments.every((r) => r.principal === principal);
      const closedOn = paidAll ? repayments.map((r) => r.paidOn).sort()[count - 1] : k % 13 === 5 ? dayOf(disbursedOn, 200) : null;
      const status = paidAll ? 'closed' : closedOn ? 'written_off' : 'disbursed';
      await db
        .insertInto('financing')
        .values({
          id,
          number: `T-${k}`,
          person_id: person.id,
          office_id: k % 3 === 2 ? (officeIds.find((o) => o !== yk?.id) ?? (yk?.id as string)) : (yk?.id as string),
          region_code: person.village_code,
          fund_id: fund.id,
          product_id: product.id,
          status: closedOn && closedOn > '2026-03-20' ? 'disbursed' : status,
          principal: (principal * BigInt(count)).toString(),
          installments: count,
          purpose: 'test',
          applied_on: dayOf(disbursedOn, -5),
          created_by_name: 'test',
          disbursed_on: disbursedOn,
          disbursement_method: 'transfer',
          first_due_date: instalments[0]?.dueDate as string,
          closed_on: closedOn && closedOn > '2026-03-20' ? null : (closedOn ?? null),
        })
        .execute();
      await db
        .insertInto('financing_installment')
        .values(
          instalments.map((i) => ({
            financing_id: id,
            n: i.n,
            due_date: i.dueDate,
            principal: principal.toString(),
            profit: profit.toString(),
          })),
        )
        .execute();
      if (repayments.length > 0)
        await db
          .insertInto('financing_repayment')
          .values(
            repayments.map((r, j) => ({
              id: `01900000-0000-7000-8002-${(k * 100 + j).toString(16).padStart(12, '0')}`,
              financing_id: id,
              paid_on: r.paidOn,
              amount: (r.principal + r.profit).toString(),
              principal: r.principal.toString(),
              profit: r.profit.toString(),
              penalty: '0',
              allocation: '[]',
              channel: 'counter' as const,
              received_by: 'test',
              journal_entry_id: ENTRY,
            })),
          )
          .execute();
    }
    // Care: encounters for a third of the members at random months, a counselling session with attendance.
    const worker = await db.selectFrom('app_user').select('id').limit(1).executeTakeFirstOrThrow();
    for (const [k, p] of persons.entries())
      if (k % 3 === 0)
        await db
          .insertInto('health_encounter')
          .values({
            id: `01900000-0000-7000-8003-${k.toString(16).padStart(12, '0')}`,
            person_id: p.id,
            village_code: p.village_code,
            office_id: yk?.id as string,
            worker_id: worker.id,
            profession: 'doctor',
            place: 'home',
            encountered_on: dayOf('2024-10-01', Math.floor(rnd() * 530)),
            complaint: '',
            treatment: '',
          })
          .execute();
    await db
      .insertInto('counselling_session')
      .values({
        id: '01900000-0000-7000-8004-000000000001',
        office_id: yk?.id as string,
        village_code: persons[0]?.village_code as string,
        topic: 'nutrition',
        topic_note: '',
        held_on: '2025-08-14',
        place: 'Balai RW',
        worker_id: worker.id,
      })
      .execute();
    await db
      .insertInto('session_attendance')
      .values(persons.filter((_, k) => k % 4 === 1).map((p) => ({ session_id: '01900000-0000-7000-8004-000000000001', person_id: p.id })))
      .execute();
    const answers = await expectSame();
    // Not a trivial portfolio: both groups have members and instalments.
    expect(answers[0]?.underCare.members).toBeGreaterThan(0);
    expect(answers[0]?.others.members).toBeGreaterThan(0);
    expect(answers[0]?.underCare.onTimeRate).not.toBeNull();
  });

  it('after a repayment is reversed', async () => {
    const db = getDatabase().db;
    const before = await repaymentComparison(ctx, RANGES[0] as (typeof RANGES)[number]);
    const target = await db
      .selectFrom('financing_repayment')
      .select('id')
      .where('paid_on', '>=', '2025-05-01')
      .where('paid_on', '<=', '2025-09-30')
      .where('reversal_entry_id', 'is', null)
      .orderBy('paid_on')
      .limit(3)
      .execute();
    await db
      .updateTable('financing_repayment')
      .set({ reversal_entry_id: ENTRY, reversal_reason: 'test' })
      .where(
        'id',
        'in',
        target.map((t) => t.id),
      )
      .execute();
    const [after] = await expectSame();
    expect(after).not.toEqual(before);
  });

  it('after a backdated repayment', async () => {
    const db = getDatabase().db;
    const before = await repaymentComparison(ctx, RANGES[0] as (typeof RANGES)[number]);
    // Pay every unpaid instalment of the financings in arrears the day it fell due, recorded today.
    const late = await db.selectFrom('financing').select('id').where('id', 'in', financingIds).where('status', '=', 'disbursed').execute();
    let j = 0;
    for (const f of late.slice(0, 6)) {
      const instalments = await db
        .selectFrom('financing_installment')
        .select(['due_date', 'principal', 'profit'])
        .where('financing_id', '=', f.id)
        .orderBy('n')
        .execute();
      const first = instalments.find((i) => i.due_date >= '2025-06-01' && i.due_date <= '2026-02-28');
      if (!first) continue;
      await db
        .insertInto('financing_repayment')
        .values({
          id: `01900000-0000-7000-8005-${(j++).toString(16).padStart(12, '0')}`,
          financing_id: f.id,
          paid_on: first.due_date,
          amount: (BigInt(first.principal) + BigInt(first.profit)).toString(),
          principal: first.principal,
          profit: first.profit,
          penalty: '0',
          allocation: '[]',
          channel: 'counter',
          received_by: 'test',
          journal_entry_id: ENTRY,
        })
        .execute();
    }
    expect(j).toBeGreaterThan(0);
    const [after] = await expectSame();
    expect(after).not.toEqual(before);
  });

  it('after care is recorded back in time and an attendance is taken back', async () => {
    const db = getDatabase().db;
    const before = await repaymentComparison(ctx, RANGES[0] as (typeof RANGES)[number]);
    const person = await db
      .selectFrom('person')
      .select(['id', 'village_code'])
      .where('id', 'in', personIds)
      .orderBy('nik')
      .offset(1)
      .limit(1)
      .executeTakeFirstOrThrow();
    const worker = await db.selectFrom('app_user').select('id').limit(1).executeTakeFirstOrThrow();
    const office = await db.selectFrom('financing').select('office_id').where('person_id', '=', person.id).limit(1).executeTakeFirst();
    await db
      .insertInto('health_encounter')
      .values({
        id: '01900000-0000-7000-8003-0000000000ff',
        person_id: person.id,
        village_code: person.village_code,
        office_id: office?.office_id ?? (officeIds[0] as string),
        worker_id: worker.id,
        profession: 'nurse',
        place: 'clinic',
        encountered_on: '2025-02-03',
        complaint: '',
        treatment: '',
      })
      .execute();
    await db
      .deleteFrom('session_attendance')
      .where('person_id', '=', personIds[5] as string)
      .execute();
    const [after] = await expectSame();
    expect(after).not.toEqual(before);
  });

  it('after a write-off and a schedule change', async () => {
    const db = getDatabase().db;
    const running = await db
      .selectFrom('financing')
      .select('id')
      .where('id', 'in', financingIds)
      .where('status', '=', 'disbursed')
      .orderBy('number')
      .execute();
    await db
      .updateTable('financing')
      .set({ status: 'written_off', closed_on: '2025-11-15' })
      .where('id', '=', running[0]?.id as string)
      .execute();
    await db
      .updateTable('financing_installment')
      .set({ due_date: '2025-10-03' })
      .where('financing_id', '=', running[1]?.id as string)
      .where('n', '=', 1)
      .execute();
    await expectSame();
  });

  it('as the business date moves within the month and into the next', async () => {
    clock.advance(5 * 86_400_000);
    await expectSame();
    clock.advance(8 * 86_400_000);
    await expectSame();
  });

  it("close of day builds the next business date's facts, which the next day's request reads", async () => {
    const db = getDatabase().db;
    const today = businessDate(clock);
    await closeDay(ctx, today);
    const built = await db
      .selectFrom('financing_fact_month')
      .select(['end_day'])
      .where('month', '=', nextDay(today).slice(0, 7))
      .executeTakeFirst();
    expect(built?.end_day).toBe(nextDay(today));
    clock.advance(86_400_000);
    await expectSame();
  });
});
