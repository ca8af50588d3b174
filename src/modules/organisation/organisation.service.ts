import type { z } from 'zod';
import { actorScope, assertRole, type Context, inTransaction } from '../../context.ts';
import { AppError, conflict, type FieldError, notFound } from '../../core/errors.ts';
import { uuidv7 } from '../../core/ids.ts';
import { ADMINS, ROLES } from '../../core/roles.ts';
import { officeInScope } from '../../core/scope.ts';
import type { Queryable, Tx } from '../../db/database.ts';
import { recordAudit } from '../audit/index.ts';
import { findRegionsByCodes, unknownRegionCodes } from '../regions/index.ts';
import type { CreateOfficeInput, OfficeView, UpdateOfficeInput, updateOrganisationInputSchema } from './organisation.schema.ts';
import {
  findCoveredRegions,
  findOfficeByCode,
  findOfficeById,
  findOfficesByCodes,
  findOfficesByIds,
  findOfficeWithRegionsByCode,
  findOrganisation,
  insertOffice,
  insertOrganisation,
  listOfficeRows,
  replaceOfficeRegions,
  updateOffice,
  updateOrganisationDetails,
} from './organisation.store.ts';
import type { OfficeRow } from './organisation.tables.ts';

export async function getOrganisation(db: Queryable) {
  const row = await findOrganisation(db);
  return row ? { id: row.id, name: row.name, isDemo: row.is_demo } : null;
}

export async function createOrganisation(tx: Tx, ctx: Context, input: { name: string; isDemo?: boolean }) {
  if (await findOrganisation(tx)) throw new AppError('setup.already_done', 'conflict');
  const id = uuidv7(ctx.clock.now().getTime());
  await insertOrganisation(tx, { id, name: input.name, is_demo: input.isDemo ?? false });
  await recordAudit(tx, ctx, { action: 'organisation.create', entityType: 'organisation', entityId: id, after: input });
  return { id, name: input.name, isDemo: input.isDemo ?? false };
}

/** The organisation as its page shows it: name, letterhead address, the number to report a fake card. */
export async function getOrganisationDetails(db: Queryable) {
  const row = await findOrganisation(db);
  return row
    ? { id: row.id, name: row.name, isDemo: row.is_demo, address: row.address ?? null, reportContact: row.report_contact ?? null }
    : null;
}

/** Renames the organisation and sets its letterhead address and report contact (fields left out stay). */
export async function changeOrganisation(ctx: Context, input: z.infer<typeof updateOrganisationInputSchema>) {
  assertRole(ctx, ADMINS);
  return inTransaction(ctx, async (tx) => {
    const before = await getOrganisationDetails(tx);
    if (!before) throw new AppError('setup.not_done', 'conflict');
    const after = {
      name: input.name,
      address: input.address === undefined ? before.address : input.address,
      reportContact: input.reportContact === undefined ? before.reportContact : input.reportContact,
    };
    await updateOrganisationDetails(
      tx,
      before.id,
      { name: after.name, address: after.address, report_contact: after.reportContact },
      ctx.clock.now(),
    );
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter((key) => after[key] !== before[key]);
    await recordAudit(tx, ctx, {
      action: 'organisation.update',
      entityType: 'organisation',
      entityId: before.id,
      before: Object.fromEntries(changed.map((key) => [key, before[key]])),
      after: Object.fromEntries(changed.map((key) => [key, after[key]])),
    });
    return { ...before, ...after };
  });
}

async function toOfficeViews(db: Queryable, rows: OfficeRow[]): Promise<OfficeView[]> {
  const covered = await findCoveredRegions(
    db,
    rows.map((row) => row.id),
  );
  // Names of the home and covered regions in one read (the regions module owns them).
  const regions = new Map(
    (await findRegionsByCodes(db, [...new Set([...rows.map((row) => row.region_code), ...covered.map((c) => c.code)])])).map((r) => [
      r.code,
      r,
    ]),
  );
  const homeNames = new Map([...regions].map(([code, r]) => [code, r.name]));
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    regionCode: row.region_code,
    regionName: homeNames.get(row.region_code) ?? null,
    address: row.address,
    active: row.active,
    regions: covered
      .filter((c) => c.office_id === row.id)
      .map((c) => ({ code: c.code, name: regions.get(c.code)?.name ?? c.code, level: regions.get(c.code)?.level ?? 0 })),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }));
}

async function assertRegionsExist(db: Queryable, codes: string[], field: string) {
  const unknown = await unknownRegionCodes(db, codes);
  if (unknown.length > 0)
    throw new AppError('common.validation_failed', 'invalid', {
      errors: unknown.map((code) => ({ field, code: 'offices.unknown_region', params: { code } })),
    });
}

/** Inside a caller's transaction: used by first-run setup and the demo as well. */
export async function addOffice(tx: Tx, ctx: Context, input: CreateOfficeInput): Promise<OfficeView> {
  if (await findOfficeByCode(tx, input.code)) throw conflict('offices.code_taken', 'code', { code: input.code });
  await assertRegionsExist(tx, [input.regionCode], 'regionCode');
  await assertRegionsExist(tx, input.coveredRegionCodes, 'coveredRegionCodes');
  const id = uuidv7(ctx.clock.now().getTime());
  await insertOffice(tx, {
    id,
    code: input.code,
    name: input.name,
    kind: input.kind,
    region_code: input.regionCode,
    address: input.address ?? null,
  });
  await replaceOfficeRegions(tx, id, [...new Set(input.coveredRegionCodes)]);
  await recordAudit(tx, ctx, {
    action: 'office.create',
    entityType: 'office',
    entityId: id,
    officeId: id,
    regionCode: input.regionCode,
    after: input,
  });
  const [view] = await toOfficeViews(tx, [(await findOfficeById(tx, id)) as OfficeRow]);
  return view as OfficeView;
}

export async function createOffice(ctx: Context, input: CreateOfficeInput) {
  assertRole(ctx, ADMINS);
  return inTransaction(ctx, (tx) => addOffice(tx, ctx, input));
}

/**
 * Counts the office changes committed by this process: identity keeps signed-in users
 * (their offices and the regions these cover) for a few seconds and drops them when it moves.
 */
let officeChanges = 0;
export const officeChangeCount = () => officeChanges;

export async function changeOffice(ctx: Context, id: string, input: UpdateOfficeInput) {
  assertRole(ctx, ADMINS);
  const result = await changeOfficeInTransaction(ctx, id, input);
  officeChanges++;
  return result;
}

function changeOfficeInTransaction(ctx: Context, id: string, input: UpdateOfficeInput) {
  return inTransaction(ctx, async (tx) => {
    const before = await findOfficeById(tx, id);
    if (!before) throw notFound('office', id);
    const [beforeView] = await toOfficeViews(tx, [before]);
    if (input.regionCode) await assertRegionsExist(tx, [input.regionCode], 'regionCode');
    if (input.coveredRegionCodes) await assertRegionsExist(tx, input.coveredRegionCodes, 'coveredRegionCodes');
    await updateOffice(tx, id, {
      name: input.name,
      kind: input.kind,
      region_code: input.regionCode,
      address: input.address,
      active: input.active,
      updated_at: ctx.clock.now(),
    });
    if (input.coveredRegionCodes) await replaceOfficeRegions(tx, id, [...new Set(input.coveredRegionCodes)]);
    const [after] = await toOfficeViews(tx, [(await findOfficeById(tx, id)) as OfficeRow]);
    await recordAudit(tx, ctx, {
      action: 'office.update',
      entityType: 'office',
      entityId: id,
      officeId: id,
      regionCode: after?.regionCode,
      before: officeAuditShape(beforeView),
      after: officeAuditShape(after),
    });
    return after as OfficeView;
  });
}

const officeAuditShape = (view: OfficeView | undefined) =>
  view && {
    code: view.code,
    name: view.name,
    kind: view.kind,
    regionCode: view.regionCode,
    address: view.address,
    active: view.active,
    regions: view.regions.map((r) => r.code),
  };

export async function listOffices(ctx: Context, includeInactive: boolean) {
  assertRole(ctx, ROLES);
  const scope = actorScope(ctx);
  const rows = await listOfficeRows(ctx.db, { ids: scope.kind === 'all' ? null : scope.officeIds, includeInactive });
  return { items: await toOfficeViews(ctx.db, rows) };
}

export async function getOffice(ctx: Context, id: string) {
  const scope = actorScope(ctx);
  if (scope.kind !== 'all' && !scope.officeIds.includes(id)) throw notFound('office', id);
  const row = await findOfficeById(ctx.db, id);
  if (!row) throw notFound('office', id);
  const [view] = await toOfficeViews(ctx.db, [row]);
  return view as OfficeView;
}

/**
 * The id of an office the actor works in, named by its code in a body or a query; an office outside
 * the actor's scope is refused as an unknown one (same status, code and text), as getOffice does by id.
 */
export async function resolveOfficeForActor(ctx: Context, db: Queryable, code: string, field: string): Promise<string> {
  const office = await findOfficeByCode(db, code);
  if (!office || !officeInScope(actorScope(ctx), office.id))
    throw new AppError('common.validation_failed', 'invalid', { errors: [unknownOffice(field, code)] });
  return office.id;
}

/** An office of the actor's scope by its code, with the region codes it covers (one statement); else a validation error on `field`. */
export async function officeRegionsForActor(
  ctx: Context,
  db: Queryable,
  code: string,
  field: string,
): Promise<{ id: string; regionCodes: string[] }> {
  const office = await findOfficeWithRegionsByCode(db, code);
  if (!office || !officeInScope(actorScope(ctx), office.id))
    throw new AppError('common.validation_failed', 'invalid', { errors: [unknownOffice(field, code)] });
  return { id: office.id, regionCodes: office.region_codes };
}

const unknownOffice = (field: string, code: string): FieldError => ({ field, code: 'users.unknown_office', params: { code } });

/** For identity: the offices (with covered region codes) behind a user's office ids. */
export async function officesWithRegions(db: Queryable, ids: string[]) {
  const rows = await findOfficesByIds(db, ids);
  const covered = await findCoveredRegions(db, ids);
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    active: row.active,
    regionCodes: covered.filter((c) => c.office_id === row.id).map((c) => c.code),
  }));
}

/** Office codes → ids; unknown codes are a validation error on `field`. */
export async function resolveOfficeCodes(db: Queryable, codes: string[], field: string): Promise<string[]> {
  const unique = [...new Set(codes)];
  const rows = await findOfficesByCodes(db, unique);
  const unknown = unique.filter((code) => !rows.some((row) => row.code === code));
  if (unknown.length > 0)
    throw new AppError('common.validation_failed', 'invalid', {
      errors: unknown.map((code) => unknownOffice(field, code)),
    });
  return rows.map((row) => row.id);
}

/** Offices by id (code and name), for lists of another module that name the office of each row. */
export async function officesByIds(db: Queryable, ids: string[]): Promise<Map<string, { code: string; name: string }>> {
  const rows = await findOfficesByIds(db, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, { code: row.code, name: row.name }]));
}

/** A module's settings, stored under its key in the organisation's settings (undefined: never saved). */
