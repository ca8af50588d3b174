import type { Insertable } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type { StimulusAllocationTable, StimulusRecipientTable, StimulusSourceTable, UsepTables } from './usep.tables.ts';

type Queryable = StoreDb<UsepTables>;

export const insertAllocation = (db: Queryable, row: Insertable<StimulusAllocationTable>) =>
  db.insertInto('stimulus_allocation').values(row).execute();
export const findAllocationsOfGroups = (db: Queryable, groupIds: string[]) =>
  groupIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('stimulus_allocation').selectAll().where('group_id', 'in', groupIds).orderBy('allocated_on').orderBy('id').execute();
export const findRecipientsOfGroups = (db: Queryable, groupIds: string[]) =>
  groupIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('stimulus_recipient')
        .selectAll()
        .where('group_id', 'in', groupIds)
        .orderBy('generation')
        .orderBy('created_at')
        .orderBy('financing_id')
        .execute();
export const findSourcesOf = (db: Queryable, financingIds: string[]) =>
  financingIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('stimulus_source').selectAll().where('financing_id', 'in', financingIds).orderBy('financing_id').orderBy('n').execute();
export async function insertRecipient(db: Queryable, row: Insertable<StimulusRecipientTable>, sources: Insertable<StimulusSourceTable>[]) {
  await db.insertInto('stimulus_recipient').values(row).execute();
  if (sources.length > 0) await db.insertInto('stimulus_source').values(sources).execute();
}
/** Groups that have received a stimulus: the city's chain. */
export const findStimulatedGroupIds = async (db: Queryable) =>
  (await db.selectFrom('stimulus_allocation').select('group_id').distinct().execute()).map((r) => r.group_id);
