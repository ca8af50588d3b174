import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/databases.ts';
import { systemTestContext } from '../../testing/server.ts';
import { worklist } from '../contributions/index.ts';
import { fillDemo, fillDemoCadres } from './index.ts';

describeEachDatabase('the demo cadre', (getDatabase) => {
  it('is the kader user, with a card, eight families, the one most in arrears first', async () => {
    const ctx = systemTestContext(getDatabase());
    await fillDemo(ctx);
    expect(await fillDemoCadres(ctx)).toEqual({ cadres: 1, families: 8 });
    const cadre = await ctx.db
      .selectFrom('cadre')
      .innerJoin('app_user', 'app_user.id', 'cadre.user_id')
      .select(['cadre.id', 'app_user.username', 'cadre.card_version'])
      .executeTakeFirstOrThrow();
    expect(cadre.username).toBe('kader');
    expect(cadre.card_version).toBeGreaterThan(0);
    const list = await worklist(ctx, cadre.id);
    expect(list.items).toHaveLength(8);
    expect(list.items[0]?.arrearsMonths).toBe(30);
    expect(list.items.filter((f) => (f.arrearsMonths ?? 0) > 0)).toHaveLength(6);
  });
});
