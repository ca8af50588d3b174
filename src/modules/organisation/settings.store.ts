import { sql } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type { OrganisationTables } from './organisation.tables.ts';

type Queryable = StoreDb<OrganisationTables>;

export async function findSetting(db: Queryable, key: string) {
  const row = await db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst();
  return (row?.value as Record<string, unknown> | undefined) ?? null;
}
export async function upsertSetting(db: Queryable, key: string, value: Record<string, unknown>, now: Date) {
  await sql`INSERT INTO setting (key, value, updated_at) VALUES (${key}, ${JSON.stringify(value)}::jsonb, ${now})
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`.execute(db);
}
/** First writer wins: a key already stored keeps its value. */
export async function insertSettingOnce(db: Queryable, key: string, value: Record<string, unknown>) {
  await sql`INSERT INTO setting (key, value) VALUES (${key}, ${JSON.stringify(value)}::jsonb) ON CONFLICT (key) DO NOTHING`.execute(db);
}
