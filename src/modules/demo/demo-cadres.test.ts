import { expect, it } from 'vitest';
import { businessDate } from '../../core/clock.ts';
import { describeEachDatabase } from '../../testing/databases.ts';
import { systemTestContext } from '../../testing/server.ts';
import { verifyCadreCard } from '../cadres/index.ts';
import { cadreCash, worklist } from '../contributions/index.ts';
import { fillDemo, fillDemoCadres } from './index.ts';

describeEachDatabase('the demo cadres', (getDatabase) => {
  it('the kader user, with a card, a training, eight families, the one most in arrears first; one cadre suspended holding cash too long, one revoked', async () => {
    const ctx = systemTestContext(getDatabase());
    await fillDemo(ctx);
    const demo = await fillDemoCadres(ctx);
    expect(demo).toMatchObject({ cadres: 3, families: 8 });
    expect(demo.cards.map((c) => [c.status, c.village])).toEqual([
      ['active', 'Katapang'],
      ['suspended', 'Sangkanhurip'],
      ['revoked', 'Gandasari'],
    ]);
    const cadre = await ctx.db
      .selectFrom('cadre')
      .innerJoin('app_user', 'app_user.id', 'cadre.user_id')
      .select(['cadre.id', 'app_user.username', 'cadre.card_version', 'cadre.status'])
      .executeTakeFirstOrThrow();
    expect(cadre).toMatchObject({ username: 'kader', status: 'active' });
    expect(cadre.card_version).toBeGreaterThan(0);
    const list = await worklist(ctx, cadre.id);
    expect(list.items).toHaveLength(8);
    expect(list.items[0]?.arrearsMonths).toBe(30);
    expect(list.items.filter((f) => (f.arrearsMonths ?? 0) > 0)).toHaveLength(6);
    expect(await cadreCash(ctx, cadre.id)).toMatchObject({ held: '35000', daysHeld: 0, flagged: false });
    const trainings = await ctx.db.selectFrom('cadre_training').select(['title', 'hours']).where('cadre_id', '=', cadre.id).execute();
    expect(trainings).toHaveLength(1);
    expect(Number(trainings[0]?.hours)).toBe(16);

    // Each card's QR code verifies: genuine, and the warnings of a suspended and a revoked cadre.
    const today = businessDate(ctx.clock);
    for (const card of demo.cards) {
      const result = await verifyCadreCard(ctx.db, card.verifyPath.slice('/v/'.length), today, 'id');
      expect(result).toMatchObject({ valid: true, status: card.status, name: card.name });
    }

    const suspended = await ctx.db
      .selectFrom('cadre')
      .select('id')
      .where('status', '=', 'suspended')
      .where('letter_number', '=', '7/ST/JKM-BD/2025')
      .executeTakeFirstOrThrow();
    // Rp70.000 collected 12 days ago and deposited 10 days ago; Rp35.000 collected 9 days ago still held.
    expect(await cadreCash(ctx, suspended.id)).toMatchObject({ held: '35000', daysHeld: 9, limitDays: 3, flagged: true });
    const deposits = await ctx.db
      .selectFrom('jkn_cash_deposit')
      .select(['amount', 'channel'])
      .where('cadre_id', '=', suspended.id)
      .execute();
    expect(deposits.map((d) => [String(d.amount), d.channel])).toEqual([['70000', 'bank']]);
    expect((await worklist(ctx, suspended.id)).items.map((f) => f.arrearsMonths)).toEqual([9, 4, 1, 0]);
  });
});
