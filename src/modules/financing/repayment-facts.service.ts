import type { Db, Queryable } from '../../db/database.ts';
import { type FactInput, type FactMonth, type MonthFact, monthFacts } from './repayment-facts.rules.ts';
import {
  bumpFactMonths,
  deleteFactsOf,
  deleteMonthFacts,
  findFactInputs,
  findFactMonths,
  findFactPopulation,
  findMonthFactsByPerson,
  hasDirtyFinancings,
  insertFacts,
  lockFacts,
  saveFactMonths,
  takeDirtyFinancings,
} from './repayment-facts.store.ts';

/** Financings loaded and computed at a time (bounded memory, parameter arrays). */
const BATCH = 5000;

async function inputsOf(db: Queryable, ids: string[]): Promise<FactInput[]> {
  const { financings, instalments, repayments } = await findFactInputs(db, ids);
  const byId = new Map<
    string,
    FactInput & { instalments: FactInput['instalments'][number][]; repayments: FactInput['repayments'][number][] }
  >();
  for (const f of financings)
    byId.set(f.id, {
      id: f.id,
      personId: f.person_id,
      officeId: f.office_id,
      disbursedOn: f.disbursed_on,
      closedOn: f.closed_on,
      instalments: [],
      repayments: [],
    });
  for (const i of instalments)
    byId.get(i.financing_id)?.instalments.push({ n: i.n, dueDate: i.due_date, principal: BigInt(i.principal), profit: BigInt(i.profit) });
  for (const r of repayments)
    byId.get(r.financing_id)?.repayments.push({ paidOn: r.paid_on, principal: BigInt(r.principal), profit: BigInt(r.profit) });
  return [...byId.values()];
}

/** Computes and writes the facts of some financings for some months, in batches; answers a key of each fact written. */
async function writeFacts(db: Queryable, ids: string[], months: FactMonth[], keys?: Map<string, string>) {
  for (let start = 0; start < ids.length; start += BATCH) {
    const facts: MonthFact[] = [];
    for (const f of await inputsOf(db, ids.slice(start, start + BATCH)))
      for (const fact of monthFacts(f, months)) if (fact) facts.push(fact);
    await insertFacts(db, facts);
    if (keys) for (const f of facts) keys.set(`${f.month}|${f.financingId}`, factText(f));
  }
}

/** A fact as text, to compare what was stored with what is computed. */
const factText = (
  f: Pick<MonthFact, 'personId' | 'officeId' | 'closedMonth' | 'inPortfolio' | 'outstandingPrincipal' | 'daysPastDue' | 'due' | 'onTime'>,
) => [f.personId, f.officeId, f.closedMonth ?? '', f.inPortfolio, f.outstandingPrincipal, f.daysPastDue, f.due, f.onTime].join('|');

/**
 * Brings the monthly facts of the months asked for up to date and answers each month's stamp
 * (which moves whenever a fact of the month changes). A month not built yet, or built for
 * another day (the month not over, as the business date moves), is built whole; financings
 * changed since the last refresh (repayments recorded, reversed or backdated, schedules, status)
 * are recomputed for every built month. Nothing to do costs two small reads; the work runs in
 * one transaction under a lock, so concurrent requests wait for it instead of repeating it.
 */
export async function refreshRepaymentFacts(db: Db, months: readonly FactMonth[]): Promise<Map<string, string>> {
  const stale = (built: { month: string; end_day: string }[]) => {
    const byMonth = new Map(built.map((b) => [b.month, b.end_day]));
    return months.filter((m) => byMonth.get(m.month) !== m.end);
  };
  const built = await findFactMonths(db);
  if (stale(built).length > 0 || (await hasDirtyFinancings(db)))
    await db.transaction().execute(async (tx) => {
      await lockFacts(tx);
      const toBuild = stale(await findFactMonths(tx));
      const dirty = await takeDirtyFinancings(tx);
      if (toBuild.length > 0) {
        await deleteMonthFacts(
          tx,
          toBuild.map((m) => m.month),
        );
        const from = toBuild.map((m) => `${m.month}-01`).sort()[0] as string;
        const to = toBuild.map((m) => m.end).sort()[toBuild.length - 1] as string;
        await writeFacts(tx, await findFactPopulation(tx, from, to), toBuild);
        await saveFactMonths(tx, toBuild);
      }
      if (dirty.length > 0) {
        const rebuilt = new Set(toBuild.map((m) => m.month));
        const others = (await findFactMonths(tx)).filter((m) => !rebuilt.has(m.month)).map((m) => ({ month: m.month, end: m.end_day }));
        const ids = [...new Set(dirty)].sort();
        const before = new Map<string, string>();
        for (let start = 0; start < ids.length; start += BATCH)
          for (const r of await deleteFactsOf(
            tx,
            ids.slice(start, start + BATCH),
            others.map((m) => m.month),
          ))
            before.set(
              `${r.month}|${r.financing_id}`,
              factText({
                personId: r.person_id,
                officeId: r.office_id,
                closedMonth: r.closed_month,
                inPortfolio: r.in_portfolio,
                outstandingPrincipal: BigInt(r.outstanding_principal),
                daysPastDue: r.days_past_due,
                due: r.due,
                onTime: r.on_time,
              }),
            );
        const after = new Map<string, string>();
        if (others.length > 0) await writeFacts(tx, ids, others, after);
        // Only the months where a fact appeared, went or changed move their stamp.
        const touched = new Set<string>();
        for (const [key, text] of before) if (after.get(key) !== text) touched.add(key.slice(0, 7));
        for (const [key, text] of after) if (before.get(key) !== text) touched.add(key.slice(0, 7));
        await bumpFactMonths(tx, [...touched]);
      }
    });
  return new Map((await findFactMonths(db)).map((m) => [m.month, m.stamp]));
}

/**
 * At close of day: builds the month of the next business date for that date, when the facts
 * are in use (some month built already), so that the day's first comparison reads them.
 */
export async function prepareRepaymentFacts(db: Db, next: string) {
  if ((await findFactMonths(db)).length === 0) return;
  await refreshRepaymentFacts(db, [{ month: next.slice(0, 7), end: next }]);
}

/** A month's facts summed per member, office and closed month (refresh first). */
export const monthFactsByPerson = (db: Queryable, month: string, parDays: number) => findMonthFactsByPerson(db, month, parDays);
