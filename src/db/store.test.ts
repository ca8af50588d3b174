import { describe, expect, it } from 'vitest';
import type { GroupTables } from '../modules/groups/groups.tables.ts';
import type { Db } from './database.ts';
import type { StoreDb } from './store.ts';

describe('StoreDb', () => {
  it('lets a store query its own tables and refuses another module’s (checked by tsc)', () => {
    const queries = (db: StoreDb<GroupTables>) => [
      db.selectFrom('group_member').select('person_id'),
      // @ts-expect-error person belongs to the registry module
      db.selectFrom('person'),
      // @ts-expect-error a join is held to the same tables
      db.selectFrom('business_group as g').innerJoin('app_user as u', 'u.id', 'g.facilitator_id'),
      // @ts-expect-error nor may it delete from them
      db.deleteFrom('household'),
    ];
    // The database itself passes as any module's view.
    const asView = (db: Db): StoreDb<GroupTables> => db;
    expect([typeof queries, typeof asView]).toEqual(['function', 'function']);
  });
});
