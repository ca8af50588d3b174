import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/databases.ts';
import { systemTestContext } from '../../testing/server.ts';
import { fillDemo } from './demo.service.ts';
import { fillDemoUsep } from './demo-usep.ts';

describeEachDatabase('the USEP KM demo', (getDatabase) => {
  it('two Kricak groups with two stimulus rounds, a merged business and reports at each stage of the chain', async () => {
    const ctx = systemTestContext(getDatabase());
    await fillDemo(ctx);
    expect(await fillDemoUsep(ctx)).toEqual({ groups: 2, financings: 11, reports: 6 });
    const db = getDatabase().db;
    const statuses = (await db.selectFrom('group_report').select('status').execute()).map((r) => r.status).sort();
    expect(statuses).toEqual(['accepted', 'acknowledged', 'draft', 'received', 'returned', 'submitted', 'superseded']);
    const rounds = await db.selectFrom('stimulus_recipient').select(['generation']).execute();
    expect(rounds.filter((r) => r.generation === 2)).toHaveLength(4);
    expect(await db.selectFrom('merged_business').select('name').execute()).toEqual([{ name: 'Keripik Kricak Bersatu' }]);
    const allocated = await db.selectFrom('stimulus_allocation').select('amount').execute();
    expect(allocated.reduce((s, a) => s + BigInt(a.amount), 0n)).toBe(19_714_000n);
  });
});
