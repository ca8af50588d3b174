import { actorName, actorScope, assertRole, type Context, inTransaction } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { decodeCursor, encodeCursor } from '../../core/cursor.ts';
import { AppError, conflict, type FieldError, invalid, notFound } from '../../core/errors.ts';
import { uuidv7 } from '../../core/ids.ts';
import { maskNik } from '../../core/mask.ts';
import { ROLES_SEEING_IDENTIFIERS } from '../../core/roles.ts';
import { regionInScope } from '../../core/scope.ts';
import type { Queryable } from '../../db/database.ts';
import { recordAudit } from '../audit/index.ts';
import { findCadreSettings, findCadreVillages, findFamilyPage, findHouseholdsWithCadre, saveCadreSettings } from './cadre-reads.service.ts';
import { MANAGERS, READERS, SETTINGS_KEEPERS } from './cadres.roles.ts';
import type { CadreSettings, TrainingInput } from './cadres.schema.ts';
import { cadreInScope } from './cadres.service.ts';
import { countFamilies, deleteFamily, findTrainings, insertFamilies, insertTraining, lockCadre } from './cadres.store.ts';

const today = (ctx: Context) => businessDate(ctx.clock);
const seesIdentifiers = (ctx: Context) => ctx.actor.kind !== 'user' || ROLES_SEEING_IDENTIFIERS.includes(ctx.actor.role);

/** The programme's rule of thumb: one cadre looks after about 500 families. */
export const DEFAULT_CASELOAD_CAP = 500;

export async function cadreSettings(db: Queryable): Promise<CadreSettings> {
  const stored = await findCadreSettings(db);
  return {
    caseloadCap: typeof stored?.caseloadCap === 'number' ? stored.caseloadCap : DEFAULT_CASELOAD_CAP,
    cardOrigin: typeof stored?.cardOrigin === 'string' ? stored.cardOrigin : null,
  };
}

export async function getCadreSettings(ctx: Context) {
  assertRole(ctx, SETTINGS_KEEPERS);
  return cadreSettings(ctx.db);
}

export async function updateCadreSettings(ctx: Context, input: { caseloadCap: number; cardOrigin?: string | null }) {
  assertRole(ctx, SETTINGS_KEEPERS);
  return inTransaction(ctx, async (tx) => {
    const before = await cadreSettings(tx);
    const after: CadreSettings = {
      caseloadCap: input.caseloadCap,
      cardOrigin: input.cardOrigin === undefined ? before.cardOrigin : (input.cardOrigin ?? null),
    };
    await saveCadreSettings(tx, after, ctx.clock.now());
    await recordAudit(tx, ctx, { action: 'cadre.settings', entityType: 'setting', entityId: undefined, before, after });
    return after;
  });
}

/** The origin printed in a card's QR code: the configured one, else the one the request came in on. */
export async function cardOrigin(ctx: Context, requestOrigin: string) {
  return (await cadreSettings(ctx.db)).cardOrigin ?? requestOrigin;
}

function trainingView(row: Awaited<ReturnType<typeof findTrainings>>[number]) {
  return {
    id: row.id,
    title: row.title,
    organiser: row.organiser,
    heldOn: row.held_on,
    hours: Number(row.hours),
    certificateNumber: row.certificate_number,
    recordedBy: row.created_by,
  };
}

export async function recordCadreTraining(ctx: Context, cadreId: string, input: TrainingInput) {
  assertRole(ctx, MANAGERS);
  const cadre = await cadreInScope(ctx, cadreId);
  if (input.heldOn > today(ctx)) throw invalid('cadres.training_in_future', 'heldOn');
  const id = uuidv7(ctx.clock.now().getTime());
  await inTransaction(ctx, async (tx) => {
    await insertTraining(tx, {
      id,
      cadre_id: cadreId,
      title: input.title,
      organiser: input.organiser,
      held_on: input.heldOn,
      hours: String(input.hours),
      certificate_number: input.certificateNumber ?? null,
      created_by: actorName(ctx.actor),
    });
    await recordAudit(tx, ctx, {
      action: 'cadre.record_training',
      entityType: 'cadre',
      entityId: cadreId,
      regionCode: cadre.villages[0]?.code,
      after: { trainingId: id, ...input },
    });
  });
  const rows = await findTrainings(ctx.db, cadreId);
  return trainingView(rows.find((r) => r.id === id) as (typeof rows)[number]);
}

export async function listCadreTrainings(ctx: Context, cadreId: string) {
  assertRole(ctx, READERS);
  await cadreInScope(ctx, cadreId);
  const items = (await findTrainings(ctx.db, cadreId)).map(trainingView);
  return { items, totalHours: items.reduce((sum, t) => Math.round((sum + t.hours) * 10) / 10, 0) };
}

/**
 * Gives families (KK) to a cadre. Each must lie in the caller's scope and in one of the
 * cadre's villages, and have no other cadre; the caseload stays within the cap. All or none.
 */
export async function assignFamilies(ctx: Context, cadreId: string, householdIds: string[]) {
  assertRole(ctx, MANAGERS);
  const cadre = await cadreInScope(ctx, cadreId);
  if (cadre.status !== 'active') throw new AppError('cadres.not_active', 'conflict', { params: { status: cadre.status } });
  const ids = [...new Set(householdIds)];
  return inTransaction(ctx, async (tx) => {
    await lockCadre(tx, cadreId);
    // Read under the lock: an edit of the cadre's villages (updateCadre) takes the same lock.
    const villages = new Set((await findCadreVillages(tx, cadreId)).map((v) => v.village_code));
    const found = new Map((await findHouseholdsWithCadre(tx, ids)).map((h) => [h.id, h]));
    const outside: FieldError[] = [];
    const fresh: string[] = [];
    for (const id of ids) {
      const household = found.get(id);
      const field = `householdIds.${householdIds.indexOf(id)}`;
      if (!household || !regionInScope(actorScope(ctx), household.village_code)) throw notFound('household', id);
      if (household.cadre_id === cadreId) continue;
      if (household.cadre_id !== null) throw conflict('cadres.family_has_cadre', field, { cadre: household.cadre_name ?? '' });
      if (!villages.has(household.village_code)) outside.push({ field, code: 'cadres.family_outside_area' });
      fresh.push(id);
    }
    if (outside.length > 0) throw new AppError('common.validation_failed', 'invalid', { errors: outside });
    const { caseloadCap: cap } = await cadreSettings(tx);
    const count = await countFamilies(tx, cadreId);
    if (count + fresh.length > cap)
      throw new AppError('cadre.caseload_full', 'conflict', {
        params: { cap, count },
        errors: [{ field: 'householdIds', code: 'cadre.caseload_full', params: { cap, count } }],
      });
    if (fresh.length > 0) {
      const by = actorName(ctx.actor);
      const inserted = await insertFamilies(
        tx,
        fresh.map((household_id) => ({ household_id, cadre_id: cadreId, assigned_by: by, assigned_at: ctx.clock.now() })),
      );
      // Another request gave one of these families to a cadre after we read them.
      if (inserted !== fresh.length) throw conflict('cadres.family_has_cadre', 'householdIds', { cadre: '' });
      await recordAudit(tx, ctx, {
        action: 'cadre.assign_families',
        entityType: 'cadre',
        entityId: cadreId,
        regionCode: cadre.villages[0]?.code,
        after: { householdIds: fresh },
      });
    }
    return { assigned: fresh.length, caseload: { count: count + fresh.length, cap } };
  });
}

export async function unassignFamily(ctx: Context, cadreId: string, householdId: string) {
  assertRole(ctx, MANAGERS);
  const cadre = await cadreInScope(ctx, cadreId);
  await inTransaction(ctx, async (tx) => {
    if (!(await deleteFamily(tx, cadreId, householdId))) throw notFound('household', householdId);
    await recordAudit(tx, ctx, {
      action: 'cadre.unassign_family',
      entityType: 'cadre',
      entityId: cadreId,
      regionCode: cadre.villages[0]?.code,
      before: { householdId },
    });
  });
}

export async function listCadreFamilies(ctx: Context, cadreId: string, query: { cursor?: string; limit: number }) {
  assertRole(ctx, READERS);
  await cadreInScope(ctx, cadreId);
  const after = query.cursor ? decodeCursor(query.cursor, ['uuid'])[0] : undefined;
  const rows = await findFamilyPage(ctx.db, cadreId, after, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const visible = seesIdentifiers(ctx);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      householdId: row.id,
      kkNumber: visible ? row.kk_number : maskNik(row.kk_number),
      headName: row.head_name ?? null,
      villageCode: row.village_code,
      villageName: row.village_name,
      address: row.address,
      members: Number(row.members ?? 0),
      jknParticipants: Number(row.participants ?? 0),
      assignedAt: row.assigned_at.toISOString(),
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(['uuid'], [last.id]) : null,
    caseload: { count: await countFamilies(ctx.db, cadreId), cap: (await cadreSettings(ctx.db)).caseloadCap },
  };
}
