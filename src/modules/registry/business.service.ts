import type { z } from 'zod';
import { assertRole, type Context, inTransaction } from '../../context.ts';
import { conflict, invalid, notFound } from '../../core/errors.ts';
import { uuidv7 } from '../../core/ids.ts';
import type { Queryable } from '../../db/database.ts';
import { recordAudit } from '../audit/index.ts';
import { READERS, WRITERS } from './registry.roles.ts';
import type { BusinessInput, BusinessView, businessCloseSchema, businessEditSchema } from './registry.schema.ts';
import { findPersonForActor } from './registry.service.ts';
import { findBusiness, findBusinessesOfPerson, findBusinessesOfPersons, insertBusiness, updateBusiness } from './registry.store.ts';

type BusinessRow = Awaited<ReturnType<typeof findBusinessesOfPerson>>[number];

const toView = (row: BusinessRow): BusinessView => ({
  id: row.id,
  personId: row.person_id,
  name: row.name,
  businessType: row.business_type,
  sector: row.sector as BusinessView['sector'],
  startedOn: row.started_on,
  capitalRupiah: row.capital_rupiah,
  monthlyRevenueRupiah: row.monthly_revenue_rupiah,
  monthlyCostsRupiah: row.monthly_costs_rupiah,
  // Exact integer rupiah: BigInt, never a float. A loss shows as a negative amount.
  monthlyProfitRupiah: (BigInt(row.monthly_revenue_rupiah) - BigInt(row.monthly_costs_rupiah)).toString(),
  active: row.active,
  closedOn: row.closed_on,
  closedReason: row.closed_reason,
});

async function personInScope(ctx: Context, personId: string) {
  const person = await findPersonForActor(ctx, ctx.db, personId);
  if (!person) throw notFound('person', personId);
  return person;
}

export async function recordBusiness(ctx: Context, personId: string, input: BusinessInput): Promise<BusinessView> {
  assertRole(ctx, WRITERS);
  const person = await personInScope(ctx, personId);
  return inTransaction(ctx, async (tx) => {
    const id = uuidv7(ctx.clock.now().getTime());
    await insertBusiness(tx, {
      id,
      person_id: person.id,
      village_code: person.village_code,
      name: input.name,
      business_type: input.businessType,
      sector: input.sector,
      started_on: input.startedOn ?? null,
      capital_rupiah: input.capitalRupiah,
      monthly_revenue_rupiah: input.monthlyRevenueRupiah,
      monthly_costs_rupiah: input.monthlyCostsRupiah,
    });
    await recordAudit(tx, ctx, {
      action: 'business.create',
      entityType: 'business',
      entityId: id,
      regionCode: person.village_code,
      after: input,
    });
    const rows = await findBusinessesOfPerson(tx, person.id);
    return toView(rows.find((r) => r.id === id) as BusinessRow);
  });
}

export async function listBusinesses(ctx: Context, personId: string) {
  assertRole(ctx, READERS);
  await personInScope(ctx, personId);
  return { items: (await findBusinessesOfPerson(ctx.db, personId)).map(toView) };
}

/** Businesses of several persons (a group's members), for another module's reports; the caller checks scope. */
export const businessesOfPersons = (db: Queryable, personIds: string[]) => findBusinessesOfPersons(db, [...new Set(personIds)]);

async function businessOfPerson(ctx: Context, personId: string, businessId: string) {
  await personInScope(ctx, personId);
  const row = await findBusiness(ctx.db, businessId);
  if (!row || row.person_id !== personId) throw notFound('business', businessId);
  return row;
}

/** A business corrected; a closed one is history and changes no more. */
export async function changeBusiness(ctx: Context, personId: string, businessId: string, input: z.infer<typeof businessEditSchema>) {
  assertRole(ctx, WRITERS);
  const before = await businessOfPerson(ctx, personId, businessId);
  if (!before.active) throw conflict('registry.business_closed', 'businessId');
  await inTransaction(ctx, async (tx) => {
    await updateBusiness(tx, businessId, {
      name: input.name,
      business_type: input.businessType,
      sector: input.sector,
      started_on: input.startedOn,
      capital_rupiah: input.capitalRupiah,
      monthly_revenue_rupiah: input.monthlyRevenueRupiah,
      monthly_costs_rupiah: input.monthlyCostsRupiah,
      updated_at: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: 'business.change',
      entityType: 'business',
      entityId: businessId,
      regionCode: before.village_code,
      before,
      after: input,
    });
  });
  return toView((await findBusiness(ctx.db, businessId)) as BusinessRow);
}

/** A business closed (kept, with the day and the reason). */
export async function closeBusiness(ctx: Context, personId: string, businessId: string, input: z.infer<typeof businessCloseSchema>) {
  assertRole(ctx, WRITERS);
  const before = await businessOfPerson(ctx, personId, businessId);
  if (!before.active) throw conflict('registry.business_closed', 'businessId');
  if (before.started_on && input.closedOn < before.started_on) throw invalid('registry.business_closed_before_start', 'closedOn');
  await inTransaction(ctx, async (tx) => {
    await updateBusiness(tx, businessId, {
      active: false,
      closed_on: input.closedOn,
      closed_reason: input.reason,
      updated_at: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: 'business.close',
      entityType: 'business',
      entityId: businessId,
      regionCode: before.village_code,
      after: input,
    });
  });
  return toView((await findBusiness(ctx.db, businessId)) as BusinessRow);
}

/** A business in the actor's scope (by its person's village), for another module; undefined when unknown or out of scope. */
export async function businessForActor(ctx: Context, db: Queryable, id: string) {
  const row = await findBusiness(db, id);
  return row && (await findPersonForActor(ctx, db, row.person_id)) ? row : undefined;
}
