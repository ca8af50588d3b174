import type { Queryable } from '../../db/database.ts';
import { officesByIds, saveSetting, saveSettingOnce, settingValue } from '../organisation/index.ts';
import { findRegionsByCodes } from '../regions/index.ts';
import { householdsByIds, householdsWithPersons, personById, personsByIds } from '../registry/index.ts';
import {
  findCadreRow,
  findCadresOfHouseholds,
  findCadreVillageCodes,
  findFamilyIdsOf,
  findFamilyPageRows,
  listCadreRowsInRegions,
} from './cadres.store.ts';
import { findParticipants } from './participants.store.ts';

// The cadres module's reads that need other modules' data: own rows from the store, the rest
// through each module's index, one batched read per module.

const KEY_SETTING = 'cadre_card_signing_keys';
const SETTINGS_KEY = 'cadre_settings';

type SigningPems = { privatePem: string; publicPem: string };
export const findSigningKeys = async (db: Queryable) => ((await settingValue(db, KEY_SETTING)) as SigningPems | null) ?? null;
/** First writer wins; everyone then reads the same keys. */
export const insertSigningKeysOnce = (db: Queryable, keys: SigningPems) => saveSettingOnce(db, KEY_SETTING, keys);
export const findCadreSettings = (db: Queryable) => settingValue(db, SETTINGS_KEY);
export const saveCadreSettings = (db: Queryable, value: Record<string, unknown>, now: Date) => saveSetting(db, SETTINGS_KEY, value, now);

/** The cadre with the person's name and village and the office's code and name. */
export async function findCadre(db: Queryable, id: string) {
  const row = await findCadreRow(db, id);
  if (!row) return undefined;
  const [person, offices] = await Promise.all([personById(db, row.person_id), officesByIds(db, [row.office_id])]);
  const office = offices.get(row.office_id);
  if (!person || !office) return undefined;
  return { ...row, full_name: person.full_name, person_village: person.village_code, office_code: office.code, office_name: office.name };
}

const regionNames = async (db: Queryable, codes: string[]) =>
  new Map((await findRegionsByCodes(db, [...new Set(codes)])).map((r) => [r.code, r.name]));

/** The cadre's villages (known regions only) in code order, with their names. */
export async function findCadreVillages(db: Queryable, cadreId: string) {
  const codes = await findCadreVillageCodes(db, cadreId);
  const names = await regionNames(db, codes);
  return codes.flatMap((village_code) => {
    const name = names.get(village_code);
    return name === undefined ? [] : [{ village_code, name }];
  });
}

/** How many of the cadre's families live in each of these villages (villages with none are left out). */
export async function countFamiliesByVillage(db: Queryable, cadreId: string, villageCodes: string[]) {
  if (villageCodes.length === 0) return [];
  const wanted = new Set(villageCodes);
  const counts = new Map<string, number>();
  for (const household of (await householdsByIds(db, await findFamilyIdsOf(db, cadreId))).values())
    if (wanted.has(household.villageCode)) counts.set(household.villageCode, (counts.get(household.villageCode) ?? 0) + 1);
  const codes = [...counts.keys()].sort();
  const names = await regionNames(db, codes);
  return codes.map((villageCode) => ({ villageCode, name: names.get(villageCode) ?? villageCode, count: counts.get(villageCode) ?? 0 }));
}

/** Cadres in these regions (null: everywhere), by the person's name, at most 500. */
export async function listCadreRows(db: Queryable, regionPatterns: string[] | null, userId?: string) {
  const rows = await listCadreRowsInRegions(db, regionPatterns, userId);
  const persons = await personsByIds(
    db,
    rows.map((row) => row.person_id),
  );
  return rows
    .flatMap((row) => {
      const person = persons.get(row.person_id);
      return person ? [{ row: { ...row, full_name: person.fullName }, rank: person.rank }] : [];
    })
    .sort((a, b) => a.rank - b.rank)
    .slice(0, 500)
    .map((entry) => entry.row);
}

/** The households asked for, with the cadre each already has (if any). */
export async function findHouseholdsWithCadre(db: Queryable, ids: string[]) {
  const households = await householdsByIds(db, ids);
  const cadres = new Map((await findCadresOfHouseholds(db, [...households.keys()])).map((f) => [f.household_id, f]));
  const names =
    cadres.size === 0
      ? new Map()
      : await personsByIds(
          db,
          [...cadres.values()].map((c) => c.person_id),
        );
  return [...households].map(([id, household]) => {
    const cadre = cadres.get(id);
    return {
      id,
      kk_number: household.kkNumber,
      village_code: household.villageCode,
      cadre_id: cadre?.cadre_id ?? null,
      cadre_name: (cadre && names.get(cadre.person_id)?.fullName) ?? null,
    };
  });
}

/** One page of a cadre's families in household-id order (UUIDv7: the order they were registered), after `afterId`. */
export async function findFamilyPage(db: Queryable, cadreId: string, afterId: string | undefined, limit: number) {
  const rows = await findFamilyPageRows(db, cadreId, afterId, limit);
  const households = new Map(
    (
      await householdsWithPersons(
        db,
        rows.map((row) => row.household_id),
      )
    ).map((h) => [h.id, h]),
  );
  const living = [...households.values()].flatMap((h) => h.persons.filter((p) => p.diedOn === null).map((p) => p.id));
  const [names, participantRows] = await Promise.all([
    regionNames(
      db,
      [...households.values()].map((h) => h.villageCode),
    ),
    findParticipants(db, living),
  ]);
  const participants = new Set(participantRows.map((p) => p.person_id));
  return rows.flatMap((row) => {
    const household = households.get(row.household_id);
    if (!household) return [];
    const alive = household.persons.filter((p) => p.diedOn === null);
    return [
      {
        id: household.id,
        kk_number: household.kkNumber,
        village_code: household.villageCode,
        address: household.address,
        village_name: names.get(household.villageCode) ?? null,
        assigned_at: row.assigned_at,
        head_name: alive.find((p) => p.relation === 'head')?.fullName ?? null,
        members: alive.length,
        participants: alive.filter((p) => participants.has(p.id)).length,
      },
    ];
  });
}
