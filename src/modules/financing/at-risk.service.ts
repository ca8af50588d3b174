import type { z } from 'zod';
import { actorScope, assertRole, type Context } from '../../context.ts';
import { decodeCursor, encodeCursor } from '../../core/cursor.ts';
import { AppError } from '../../core/errors.ts';
import { regionLikePatterns } from '../../core/scope.ts';
import { staffByIds } from '../identity/index.ts';
import { fundCodesByIds } from '../ledger/index.ts';
import { officesByIds } from '../organisation/index.ts';
import { householdRowsByIds, personsByIds } from '../registry/index.ts';
import { atRiskFinancings, lastFinishedRun } from './close-day.store.ts';
import { PAR_READERS } from './financing.roles.ts';
import type { atRiskQuerySchema, atRiskViewSchema } from './financing.schema.ts';

/**
 * PAR drilled down: the named financings behind PAR 1, 30 or 90 (optionally one row of the
 * portfolio's breakdown: an office, fund, group or facilitator), as the last close of day
 * counted them, with the member's phone and the responsible officer to call. In the actor's
 * offices and regions; a key outside them simply matches nothing.
 */
export async function financingsAtRisk(ctx: Context, query: z.infer<typeof atRiskQuerySchema>): Promise<z.infer<typeof atRiskViewSchema>> {
  assertRole(ctx, PAR_READERS);
  const asOf = (await lastFinishedRun(ctx.db))?.business_date;
  if (!asOf) throw new AppError('close_day.none_yet', 'not_found');
  const offset = query.cursor ? decodeCursor(query.cursor, ['offset'])[0] : 0;
  const scope = actorScope(ctx);
  const { rows, totals } = await atRiskFinancings(ctx.db, {
    minDays: Number(query.par),
    by: query.by && query.key ? { dimension: query.by, key: query.key === 'none' ? null : query.key } : undefined,
    officeIds: scope.kind === 'all' ? null : scope.officeIds,
    regionPatterns: regionLikePatterns(scope),
    offset,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const [persons, officers, offices, funds] = await Promise.all([
    personsByIds(
      ctx.db,
      page.map((r) => r.person_id),
    ),
    staffByIds(
      ctx.db,
      page.flatMap((r) => (r.officer_id ? [r.officer_id] : [])),
    ),
    officesByIds(
      ctx.db,
      page.map((r) => r.office_id),
    ),
    fundCodesByIds(
      ctx.db,
      page.map((r) => r.fund_id),
    ),
  ]);
  const households = new Map(
    (
      await householdRowsByIds(
        ctx.db,
        [...persons.values()].map((p) => p.householdId),
      )
    ).map((h) => [h.id, h.phone]),
  );
  return {
    asOf,
    par: Number(query.par),
    totals,
    items: page.map((r) => {
      const person = persons.get(r.person_id);
      const officer = r.officer_id ? officers.get(r.officer_id) : undefined;
      return {
        id: r.id,
        number: r.number,
        personId: r.person_id,
        personName: person?.fullName ?? '',
        phone: (person && households.get(person.householdId)) ?? '',
        outstanding: r.outstanding,
        overdue: r.overdue,
        daysPastDue: r.days_past_due,
        qualityClass: r.quality_class,
        officeCode: offices.get(r.office_id)?.code ?? '',
        fundCode: funds.get(r.fund_id) ?? '',
        facilitator: r.officer_id && officer ? { id: r.officer_id, name: officer.fullName } : null,
      };
    }),
    nextCursor: rows.length > query.limit ? encodeCursor(['offset'], [offset + query.limit]) : null,
  };
}
