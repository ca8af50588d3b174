import type { Insertable } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type { HealthTables, IllnessEpisodeTable } from './health.tables.ts';

type Queryable = StoreDb<HealthTables>;

/** A person's illness episodes, newest first. */
export const findEpisodesOfPerson = (db: Queryable, personId: string) =>
  db.selectFrom('illness_episode').selectAll().where('person_id', '=', personId).orderBy('from_on', 'desc').orderBy('id', 'desc').execute();

export const findEpisode = (db: Queryable, id: string) =>
  db.selectFrom('illness_episode').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertEpisode(db: Queryable, row: Insertable<IllnessEpisodeTable>) {
  await db.insertInto('illness_episode').values(row).execute();
}

export async function updateEpisode(
  db: Queryable,
  id: string,
  changes: { from_on: string; to_on: string | null; days_unable: number | null; recorded_by: string | null },
) {
  await db.updateTable('illness_episode').set(changes).where('id', '=', id).execute();
}
