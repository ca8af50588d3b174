import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/databases.ts';
import { systemTestContext } from '../../testing/server.ts';
import { trialBalance } from '../ledger/index.ts';
import { fillDemo, fillDemoMoney } from './index.ts';

describeEachDatabase('the demo money', (getDatabase) => {
  it('has financings in every state, a waiting queue, arrears after close of day, and a balanced ledger', async () => {
    const ctx = systemTestContext(getDatabase());
    await fillDemo(ctx);
    expect(await fillDemoMoney(ctx)).toEqual({ financings: 17, funds: 2, products: 4 });
    const states = await ctx.db
      .selectFrom('financing')
      .select(['status'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .groupBy('status')
      .orderBy('status')
      .execute();
    expect(Object.fromEntries(states.map((s) => [s.status, Number(s.n)]))).toEqual({
      applied: 2,
      approved: 3,
      closed: 1,
      disbursed: 9,
      rejected: 1,
      written_off: 1,
    });
    const late = await ctx.db.selectFrom('financing').select('days_past_due').where('days_past_due', '>', 30).execute();
    expect(late).toHaveLength(3);
    const snapshot = await ctx.db.selectFrom('portfolio_snapshot').select('at_risk_30').execute();
    expect(snapshot.some((s) => BigInt(s.at_risk_30) > 0n)).toBe(true);
    const trial = await trialBalance(ctx, { asOf: '2099-12-31' });
    expect(trial.debit).toBe(trial.credit);
  });
});
