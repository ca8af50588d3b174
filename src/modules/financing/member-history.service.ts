import type { Queryable } from '../../db/database.ts';
import { findInstalmentsOf } from './field.store.ts';
import {
  findDisbursedFinancingsOfPersons,
  findFinancingMembers,
  findFinancingsInPortfolioBetween,
  findInstalmentsInPortfolioBetween,
  findRepaymentsInPortfolioBetween,
} from './member-history.store.ts';
import { amountOwed, instalmentsDue } from './repayment.rules.ts';

/**
 * Running financings of some members with what each instalment still asks for (principal,
 * profit and late charges less what was paid), in two queries whatever the number of members.
 */
export async function runningFinancingsOfPersons(db: Queryable, personIds: string[]) {
  const financings = await findDisbursedFinancingsOfPersons(db, [...new Set(personIds)]);
  const instalments = await findInstalmentsOf(
    db,
    financings.map((f) => f.id),
  );
  const byFinancing = new Map<string, typeof instalments>();
  for (const i of instalments) {
    const list = byFinancing.get(i.financing_id);
    if (list) list.push(i);
    else byFinancing.set(i.financing_id, [i]);
  }
  return financings.map((f) => ({
    id: f.id,
    number: f.number,
    personId: f.person_id,
    officeId: f.office_id,
    regionCode: f.region_code,
    groupId: f.group_id,
    instalments: instalmentsDue(byFinancing.get(f.id) ?? []).map((i) => ({ n: i.n, dueDate: i.dueDate, owed: amountOwed([i]).total })),
  }));
}

export type FinancingHistory = {
  id: string;
  personId: string;
  disbursedOn: string;
  closedOn: string | null;
  instalments: { n: number; dueDate: string; principal: bigint; profit: bigint }[];
  repayments: { paidOn: string; principal: bigint; profit: bigint }[];
};

/**
 * The financings of some offices (null: all) that were in the portfolio at some time between
 * two days, with their whole schedules and standing repayments made by
 * `to`: what a report needs to rebuild the portfolio as it stood on any day of the period.
 * Three queries whatever the size.
 */
export async function financingHistoryBetween(
  db: Queryable,
  officeIds: string[] | null,
  from: string,
  to: string,
): Promise<FinancingHistory[]> {
  const [financings, instalments, repayments] = await Promise.all([
    findFinancingsInPortfolioBetween(db, officeIds, from, to),
    findInstalmentsInPortfolioBetween(db, officeIds, from, to),
    findRepaymentsInPortfolioBetween(db, officeIds, from, to),
  ]);
  const byId = new Map<string, FinancingHistory>();
  for (const f of financings)
    byId.set(f.id, {
      id: f.id,
      personId: f.person_id,
      disbursedOn: f.disbursed_on as string,
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

/** Whose financing each of these is (documents that name the member, e.g. a drawer's end-of-day report). */
export async function financingMembers(db: Queryable, ids: string[]): Promise<Map<string, { personId: string; number: string }>> {
  const rows = await findFinancingMembers(db, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, { personId: row.person_id, number: row.number }]));
}
