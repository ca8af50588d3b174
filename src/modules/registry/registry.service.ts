import { actorScope, assertRegionInScope, assertRole, type Context, inTransaction } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { decodeCursor, encodeCursor } from '../../core/cursor.ts';
import { AppError, type FieldError, notFound } from '../../core/errors.ts';
import { uuidv7 } from '../../core/ids.ts';
import { maskNik } from '../../core/mask.ts';
import { translate } from '../../core/messages.ts';
import { ROLES_SEEING_IDENTIFIERS } from '../../core/roles.ts';
import { regionInScope, regionLikePatterns } from '../../core/scope.ts';
import type { Queryable } from '../../db/database.ts';
import { recordAudit } from '../audit/index.ts';
import { findRegionsByCodes } from '../regions/index.ts';
import { decodeNik } from './nik.rules.ts';
import { READERS, WRITERS } from './registry.roles.ts';
import type { HouseholdInput, HouseholdView, NikDecoded, PersonsQuery, PersonView } from './registry.schema.ts';
import {
  findBusinessWithHousehold,
  findHeadsInVillage,
  findHouseholdById,
  findHouseholdByKk,
  findHouseholdPage,
  findHouseholdsByIds,
  findHouseholdsWithPersons,
  findLivingPersonPage,
  findMembers,
  findPersonById,
  findPersonNamesByIds,
  findPersonsByNiks,
  findUnmergedMembers,
  insertHousehold,
  insertPersons,
  lockHouseholdRow,
  type RegistryPageFilter,
  searchPersonRows,
  searchPersonRowsByName,
} from './registry.store.ts';
import type { HouseholdRow, PersonRow } from './registry.tables.ts';

const seesIdentifiers = (ctx: Context) => ctx.actor.kind !== 'user' || ROLES_SEEING_IDENTIFIERS.includes(ctx.actor.role);

/** Decodes a NIK and checks its region codes against today's regions. */
export async function decodeNikWithRegions(db: Queryable, nik: string, today: string, birthDate?: string, field = 'nik') {
  const decoded = decodeNik(nik, { today, birthDate, field });
  if (!decoded.ok) return { ok: false as const, errors: decoded.errors };
  const { provinceCode, regencyCode, districtCode } = decoded.value;
  const names = new Map((await findRegionsByCodes(db, [provinceCode, regencyCode, districtCode])).map((r) => [r.code, r.name]));
  if (!names.has(provinceCode))
    return {
      ok: false as const,
      errors: [{ field, code: 'registry.nik_province_unknown', params: { code: provinceCode } }] as FieldError[],
    };
  const warnings: string[] = [];
  // Old codes stay valid on cards (Merauke 91.01 is now 93.01): warn, do not reject.
  if (!names.has(regencyCode)) warnings.push('registry.nik_regency_unknown');
  else if (!names.has(districtCode)) warnings.push('registry.nik_district_unknown');
  return {
    ok: true as const,
    value: {
      ...decoded.value,
      provinceName: names.get(provinceCode) ?? null,
      regencyName: names.get(regencyCode) ?? null,
      districtName: names.get(districtCode) ?? null,
    },
    warnings,
  };
}

export async function explainNik(ctx: Context, nik: string, birthDate?: string): Promise<NikDecoded> {
  const result = await decodeNikWithRegions(ctx.db, nik, businessDate(ctx.clock), birthDate);
  if (!result.ok) throw new AppError('registry.nik_invalid', 'invalid', { errors: result.errors });
  return {
    ...result.value,
    warnings: result.warnings.map((code) => ({ code, message: translate(code, ctx.locale, { code: result.value.regencyCode }) })),
  };
}

async function villageNames(db: Queryable, codes: string[]) {
  const all = new Set<string>();
  for (const code of codes) {
    const parts = code.split('.');
    for (let i = 1; i <= parts.length; i++) all.add(parts.slice(0, i).join('.'));
  }
  return new Map((await findRegionsByCodes(db, [...all])).map((r) => [r.code, r.name]));
}

function toPersonView(ctx: Context, row: PersonRow, household: HouseholdRow | undefined, names: Map<string, string>): PersonView {
  const visible = seesIdentifiers(ctx);
  const kk = household?.kk_number ?? '';
  return {
    id: row.id,
    nik: visible ? row.nik : maskNik(row.nik),
    nikMasked: !visible,
    fullName: row.full_name,
    sex: row.sex,
    birthPlace: row.birth_place,
    birthDate: row.birth_date,
    relation: row.relation,
    householdId: row.household_id,
    kkNumber: visible ? kk : maskNik(kk),
    villageCode: row.village_code,
    villageName: names.get(row.village_code) ?? null,
    deceased: row.died_on !== null,
    diedOn: row.died_on,
    schoolLevel: row.school_level,
    schoolYear: row.school_year,
  };
}

async function toHouseholdView(ctx: Context, db: Queryable, household: HouseholdRow): Promise<HouseholdView> {
  const members = await findMembers(db, household.id);
  const names = await villageNames(db, [household.village_code]);
  const parts = household.village_code.split('.');
  const path = parts.map((_, i) => names.get(parts.slice(0, i + 1).join('.')) ?? '').reverse();
  const visible = seesIdentifiers(ctx);
  return {
    id: household.id,
    kkNumber: visible ? household.kk_number : maskNik(household.kk_number),
    villageCode: household.village_code,
    villagePath: path.filter(Boolean).join(', '),
    address: household.address,
    rt: household.rt,
    rw: household.rw,
    phone: household.phone,
    welfareDecile: household.welfare_decile,
    cards: { kks: household.has_kks, kis: household.has_kis, kip: household.has_kip, pkh: household.has_pkh },
    members: members.map((m) => toPersonView(ctx, m, household, names)),
    createdAt: household.created_at.toISOString(),
    updatedAt: household.updated_at.toISOString(),
  };
}

/** Checks every member: a valid NIK that agrees with sex and birth date, one head, no NIK twice. */
async function validateMembers(db: Queryable, input: HouseholdInput, today: string): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const heads = input.members.filter((m) => m.relation === 'head').length;
  if (heads !== 1) errors.push({ field: 'members', code: 'registry.one_head_required', params: { count: heads } });
  const seen = new Map<string, number>();
  for (const [index, member] of input.members.entries()) {
    const field = `members.${index}.nik`;
    const earlier = seen.get(member.nik);
    if (earlier !== undefined) errors.push({ field, code: 'registry.nik_repeated', params: { row: earlier + 1 } });
    seen.set(member.nik, index);
    const decoded = await decodeNikWithRegions(db, member.nik, today, undefined, field);
    if (!decoded.ok) {
      errors.push(...decoded.errors);
      continue;
    }
    if (decoded.value.sex !== member.sex) errors.push({ field: `members.${index}.sex`, code: 'registry.sex_contradicts_nik' });
    const century = decodeNik(member.nik, { today, birthDate: member.birthDate, field: `members.${index}.birthDate` });
    if (!century.ok) errors.push({ field: `members.${index}.birthDate`, code: 'registry.birth_date_contradicts_nik' });
  }
  return errors;
}

export async function registerHousehold(ctx: Context, input: HouseholdInput): Promise<HouseholdView> {
  assertRole(ctx, WRITERS);
  assertRegionInScope(ctx, input.villageCode);
  return inTransaction(ctx, async (tx) => {
    const [village] = await findRegionsByCodes(tx, [input.villageCode]);
    if (village?.level !== 4)
      throw new AppError('common.validation_failed', 'invalid', {
        errors: [{ field: 'villageCode', code: 'registry.village_unknown', params: { code: input.villageCode } }],
      });
    const errors = await validateMembers(tx, input, businessDate(ctx.clock));
    if (errors.length > 0) throw new AppError('common.validation_failed', 'invalid', { errors });
    if (await findHouseholdByKk(tx, input.kkNumber))
      throw new AppError('registry.kk_taken', 'conflict', { errors: [{ field: 'kkNumber', code: 'registry.kk_taken' }] });
    const taken = await findPersonsByNiks(
      tx,
      input.members.map((m) => m.nik),
    );
    if (taken.length > 0)
      throw new AppError('registry.nik_taken', 'conflict', {
        errors: input.members.flatMap((m, i) =>
          taken.some((t) => t.nik === m.nik) ? [{ field: `members.${i}.nik`, code: 'registry.nik_taken' }] : [],
        ),
      });
    const now = ctx.clock.now();
    const id = uuidv7(now.getTime());
    await insertHousehold(tx, {
      id,
      kk_number: input.kkNumber,
      village_code: input.villageCode,
      address: input.address,
      rt: input.rt ?? null,
      rw: input.rw ?? null,
      phone: input.phone ?? '',
      welfare_decile: input.welfareDecile ?? null,
      has_kks: input.cards.kks ?? false,
      has_kis: input.cards.kis ?? false,
      has_kip: input.cards.kip ?? false,
      has_pkh: input.cards.pkh ?? false,
    });
    await insertPersons(
      tx,
      input.members.map((m) => ({
        id: uuidv7(now.getTime()),
        nik: m.nik,
        full_name: m.fullName,
        sex: m.sex,
        birth_place: m.birthPlace,
        birth_date: m.birthDate,
        household_id: id,
        relation: m.relation,
        village_code: input.villageCode,
        died_on: null,
      })),
    );
    await recordAudit(tx, ctx, {
      action: 'household.register',
      entityType: 'household',
      entityId: id,
      regionCode: input.villageCode,
      after: input,
    });
    return toHouseholdView(ctx, tx, (await findHouseholdById(tx, id)) as HouseholdRow);
  });
}

export async function getHousehold(ctx: Context, id: string): Promise<HouseholdView> {
  assertRole(ctx, READERS);
  const household = await findHouseholdById(ctx.db, id);
  if (!household || !regionInScope(actorScope(ctx), household.village_code)) throw notFound('household', id);
  return toHouseholdView(ctx, ctx.db, household);
}

/**
 * A person the actor may see, whether named in a path or in a body; undefined when unknown or
 * living outside the actor's regions, so that both answer alike.
 */
export async function findPersonForActor(ctx: Context, db: Queryable, id: string) {
  const person = await findPersonById(db, id);
  return person && regionInScope(actorScope(ctx), person.village_code) ? person : undefined;
}

export async function getPerson(ctx: Context, id: string): Promise<PersonView & { household: HouseholdView }> {
  assertRole(ctx, READERS);
  const person = await findPersonForActor(ctx, ctx.db, id);
  if (!person) throw notFound('person', id);
  const household = (await findHouseholdById(ctx.db, person.household_id)) as HouseholdRow;
  const view = await toHouseholdView(ctx, ctx.db, household);
  const self = view.members.find((m) => m.id === id) as PersonView;
  return { ...self, household: view };
}

export async function findPersons(ctx: Context, query: PersonsQuery) {
  assertRole(ctx, READERS);
  const offset = query.cursor ? decodeCursor(query.cursor, ['offset'])[0] : 0;
  const q = query.q?.replace(/\s+/g, ' ');
  const isNumber = q !== undefined && /^\d{16}$/.test(q);
  const search = {
    nikOrKk: isNumber ? q : undefined,
    name: isNumber ? undefined : q,
    villageCode: query.village,
    regionPatterns: regionLikePatterns(actorScope(ctx)),
    offset,
    limit: query.limit + 1,
  };
  const rows = search.name ? await inTransaction(ctx, (tx) => searchPersonRowsByName(tx, search)) : await searchPersonRows(ctx.db, search);
  const page = rows.slice(0, query.limit);
  const households = new Map((await findHouseholdsByIds(ctx.db, [...new Set(page.map((p) => p.household_id))])).map((h) => [h.id, h]));
  const names = await villageNames(ctx.db, [...new Set(page.map((p) => p.village_code))]);
  return {
    items: page.map((row) => toPersonView(ctx, row, households.get(row.household_id), names)),
    nextCursor: rows.length > query.limit ? encodeCursor(['offset'], [offset + query.limit]) : null,
  };
}

/** A person's row by id, for other modules (which check it against the actor's scope themselves). */
export const personById = (db: Queryable, id: string) => findPersonById(db, id);
/** A household's row by id, for other modules (which check it against the actor's scope themselves). */
export const householdById = (db: Queryable, id: string) => findHouseholdById(db, id);
/** A household's persons (merged records left out), head and spouses first, then by age. */
export const householdMembers = (db: Queryable, householdId: string) => findUnmergedMembers(db, householdId);
/** For another module's rule over a whole family: one writer at a time per household, until the transaction ends. */
export const lockHousehold = (db: Queryable, id: string) => lockHouseholdRow(db, id);
/** Names of many persons in one query, ordered by name as the database sorts it (for lists other modules build). */
export const personNamesOf = (db: Queryable, ids: string[]) => findPersonNamesByIds(db, [...new Set(ids)]);
export type HouseholdWithPersons = {
  id: string;
  kkNumber: string;
  villageCode: string;
  address: string;
  rt: string | null;
  rw: string | null;
  phone: string;
  persons: {
    id: string;
    fullName: string;
    relation: string;
    diedOn: string | null;
    sex: 'M' | 'F';
    birthDate: string;
    merged: boolean;
    schoolLevel: 'SD' | 'SMP' | 'SMA' | null;
    schoolYear: 'new' | 'middle' | 'final' | null;
  }[];
};
/** Many households with their persons in one query, in the order of the ids asked (unknown ids left out). */
export async function householdsWithPersons(db: Queryable, ids: string[]): Promise<HouseholdWithPersons[]> {
  const byId = new Map<string, HouseholdWithPersons>();
  for (const r of await findHouseholdsWithPersons(db, [...new Set(ids)])) {
    const household = byId.get(r.id) ?? {
      id: r.id,
      kkNumber: r.kk_number,
      villageCode: r.village_code,
      address: r.address,
      rt: r.rt,
      rw: r.rw,
      phone: r.phone,
      persons: [],
    };
    byId.set(r.id, household);
    if (r.person_id !== null && r.full_name !== null && r.relation !== null && r.sex !== null && r.birth_date !== null)
      household.persons.push({
        id: r.person_id,
        fullName: r.full_name,
        relation: r.relation,
        diedOn: r.died_on,
        sex: r.sex,
        birthDate: r.birth_date,
        merged: r.merged_into !== null,
        schoolLevel: r.school_level,
        schoolYear: r.school_year,
      });
  }
  return [...new Set(ids)].flatMap((id) => byId.get(id) ?? []);
}
/** Households by id in one query (unknown ids left out), for another module's checks and counts. */
export async function householdsByIds(db: Queryable, ids: string[]): Promise<Map<string, { kkNumber: string; villageCode: string }>> {
  const rows = await findHouseholdsByIds(db, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, { kkNumber: row.kk_number, villageCode: row.village_code }]));
}
/** A business with its owner's household, for financing applications. */
export const businessWithHousehold = (db: Queryable, id: string) => findBusinessWithHousehold(db, id);
/** Heads of households in a village, in a stable order (the demo picks its borrowers and cadres here). */
export const headsInVillage = (db: Queryable, villageCode: string, offset: number, limit: number) =>
  findHeadsInVillage(db, villageCode, offset, limit);

/** Names and NIKs of persons by id, for another module's lists (one read for a page of rows). */
export async function personsByIds(
  db: Queryable,
  ids: string[],
): Promise<Map<string, { fullName: string; nik: string; villageCode: string; householdId: string; rank: number }>> {
  const rows = await findPersonNamesByIds(db, [...new Set(ids)]);
  // In name order (then id): `rank` lets another module list its own rows in the same order.
  return new Map(
    rows.map((row, rank) => [
      row.id,
      { fullName: row.full_name, nik: row.nik, villageCode: row.village_code, householdId: row.household_id, rank },
    ]),
  );
}

/**
 * One page of households in id order, for another module's lists over the whole registry (the
 * caller passes the actor's region patterns). `decile` and `cards` narrow the page in SQL.
 */
export const householdPage = (db: Queryable, filter: Parameters<typeof findHouseholdPage>[1]) => findHouseholdPage(db, filter);
/** One page of living, unmerged persons (id, household, village, name) in id order, for another module's lists. */
export const livingPersonPage = (db: Queryable, filter: RegistryPageFilter) => findLivingPersonPage(db, filter);
/** Household rows by id in one query (unknown ids left out; the caller checks scope). */
export const householdRowsByIds = (db: Queryable, ids: string[]) => findHouseholdsByIds(db, [...new Set(ids)]);
