import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { inTransaction } from '../context.ts';
import { describeEachDatabase } from '../testing/databases.ts';
import { systemTestContext } from '../testing/server.ts';
import { writeLater } from './write-later.ts';

type Probe = { id: number; note: string };

describeEachDatabase('writes held back to the end of a transaction', (getDatabase) => {
  const probe = () => getDatabase().db.withTables<{ write_later_probe: Probe }>();
  const notes = async () =>
    (await probe().selectFrom('write_later_probe').select(['id', 'note']).orderBy('id').execute()).map((r) => `${r.id}:${r.note}`);

  beforeAll(async () => {
    await sql`CREATE TABLE write_later_probe (id integer PRIMARY KEY, note text NOT NULL CHECK (note <> 'bad'))`.execute(getDatabase().db);
  });

  it('commits them with the transaction, after the statements that ran at once', async () => {
    const ctx = systemTestContext(getDatabase());
    const result = await inTransaction(ctx, async (tx) => {
      const db = tx.withTables<{ write_later_probe: Probe }>();
      await db.insertInto('write_later_probe').values({ id: 1, note: 'at once' }).execute();
      await writeLater(tx, db.insertInto('write_later_probe').values({ id: 2, note: 'later' }));
      await writeLater(tx, db.updateTable('write_later_probe').set({ note: 'changed later' }).where('id', '=', 1));
      return 'done';
    });
    expect(result).toBe('done');
    expect(await notes()).toEqual(['1:changed later', '2:later']);
  });

  it('fails the transaction with the error of a write held back, and keeps nothing of it', async () => {
    const ctx = systemTestContext(getDatabase());
    const failing = inTransaction(ctx, async (tx) => {
      const db = tx.withTables<{ write_later_probe: Probe }>();
      await db.insertInto('write_later_probe').values({ id: 3, note: 'at once' }).execute();
      await writeLater(tx, db.insertInto('write_later_probe').values({ id: 4, note: 'bad' }));
    });
    await expect(failing).rejects.toThrow(/write_later_probe_note_check/);
    expect(await notes()).toEqual(['1:changed later', '2:later']);
    // The connection is fine afterwards, also for a transaction that runs nothing.
    expect(await inTransaction(ctx, async () => 'nothing')).toBe('nothing');
    await inTransaction(ctx, (tx) => writeLater(tx, tx.withTables<{ write_later_probe: Probe }>().deleteFrom('write_later_probe')));
    expect(await notes()).toEqual([]);
  });

  it('runs a write at once outside a transaction', async () => {
    await writeLater(getDatabase().db, probe().insertInto('write_later_probe').values({ id: 5, note: 'alone' }));
    expect(await notes()).toEqual(['5:alone']);
  });
});
