import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/databases.ts';
import { systemTestContext } from '../../testing/server.ts';
import { trialBalance } from '../ledger/index.ts';
import { fillDemo, fillDemoMoney } from './index.ts';

describeEachDatabase('the demo money', (getDatabase) => {
  it('has financings in every state, a waiting queue, arrears after close of day, and a balanced ledger', async () => {
    const ctx = systemTestContext(getDatabase());
    await fillDemo(ctx);
    expect(await fillDemoMoney(ctx)).toEqual({ financings: 21, funds: 3, products: 7, savers: 6 });
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
      disbursed: 13,
      rejected: 1,
      written_off: 1,
    });
    const late = await ctx.db.selectFrom('financing').select('days_past_due').where('days_past_due', '>', 30).execute();
    expect(late).toHaveLength(3);
    const snapshot = await ctx.db.selectFrom('portfolio_snapshot').select('at_risk_30').execute();
    expect(snapshot.some((s) => BigInt(s.at_risk_30) > 0n)).toBe(true);
    const kinds = await ctx.db.selectFrom('financing_product').select('kind').distinct().orderBy('kind').execute();
    expect(kinds.map((k) => k.kind)).toEqual(
      ['annuity', 'equal_principal', 'flat', 'murabahah', 'musyarakah', 'mudharabah', 'qardh'].sort(),
    );
    const fundKinds = await ctx.db.selectFrom('fund').select('kind').distinct().orderBy('kind').execute();
    expect(fundKinds.map((f) => f.kind)).toEqual(['group_revolving', 'own_capital', 'stimulus']);
    const savings = await ctx.db
      .selectFrom('savings_account')
      .select(['kind'])
      .select((eb) => eb.fn.sum<string>('balance').as('total'))
      .groupBy('kind')
      .orderBy('kind')
      .execute();
    // 6 × Rp50.000 pokok; 6 × Rp30.000 wajib; Rp100.000 + … + Rp600.000 sukarela less 6 × Rp25.000.
    expect(savings.map((r) => [r.kind, String(r.total)])).toEqual([
      ['pokok', '300000'],
      ['sukarela', '1950000'],
      ['wajib', '180000'],
    ]);
    const trial = await trialBalance(ctx, { asOf: '2099-12-31' });
    expect(trial.debit).toBe(trial.credit);
  });
});
