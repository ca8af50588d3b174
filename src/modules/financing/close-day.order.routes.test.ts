import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { DAY_MS } from '../../core/dates.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { FLAT_PRODUCT_WITH_PENALTY, YOGYA_FUND } from '../../testing/financing-fixtures.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';
import { closeDay as closeDayFromCli } from './close-day.service.ts';

/**
 * Days close in order. X (6,000,000 over 6 months, flat 10%) has its first instalment of
 * 1,050,000 due on 15 February; Y (4,000,000) is current throughout. D = 15 February.
 */
for (const kind of testDatabaseKinds()) {
  describe(`close of day closes days in order [${kind}]`, () => {
    let server: TestServer;
    let admin: ApiClient;
    let cashier: ApiClient;
    const ids: Record<string, string> = {};
    // Business date 2026-02-18 (WIB): D + 3 has come.
    const clock = fixedClock(new Date('2026-02-18T03:00:00Z'));
    const closeDay = (date: string) => admin.post('/api/v1/financing/close-day', { date });
    /** Every journal line, to the rupiah, and the close-of-day runs. */
    const books = async () => ({
      lines: (
        await sql<{ entries: number; lines: number; debit: string; credit: string }>`
          SELECT count(DISTINCT entry_id)::int AS entries, count(*)::int AS lines, sum(debit)::text AS debit, sum(credit)::text AS credit
          FROM journal_line`.execute(server.database.db)
      ).rows[0],
      runs: await server.database.db.selectFrom('close_day_run').select(['business_date', 'steps_done']).orderBy('business_date').execute(),
    });
    const provisionEntries = async () =>
      (
        await sql<{ entry_date: string; amount: string }>`
          SELECT e.entry_date::text, sum(l.credit)::text AS amount FROM journal_entry e JOIN journal_line l ON l.entry_id = e.id
          WHERE e.source_type = 'close_day.provision' AND l.account_code = '1.2.09' GROUP BY e.id, e.entry_date ORDER BY e.entry_date`.execute(
          server.database.db,
        )
      ).rows;

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false, clock });
      const manager = new ApiClient(server.url);
      [admin, cashier] = [new ApiClient(server.url), new ApiClient(server.url)];
      await manager.login('manajer', DEMO_PASSWORD);
      await cashier.login('kasir', DEMO_PASSWORD);
      await admin.login('admin', DEMO_PASSWORD);
      const persons = await server.database.db
        .selectFrom('person')
        .select('id')
        .where('village_code', 'like', '34.71.%')
        .where('relation', '=', 'head')
        .orderBy('nik')
        .limit(2)
        .execute();
      await manager.post('/api/v1/financing/products', FLAT_PRODUCT_WITH_PENALTY);
      await manager.post('/api/v1/funds', YOGYA_FUND);
      for (const [index, [name, principal, disbursedOn]] of [
        ['X', '6000000', '2026-01-15'],
        ['Y', '4000000', '2026-02-01'],
      ].entries()) {
        const applied = await cashier.post('/api/v1/financings', {
          personId: persons[index]?.id,
          productCode: 'FLAT10D',
          fundCode: 'DANA-YK',
          principal,
          installments: 6,
          purpose: 'Modal usaha',
          appliedOn: '2026-01-05',
        });
        ids[name as string] = applied.body.id;
        await manager.post(`/api/v1/financings/${applied.body.id}/approve`, {});
        expect((await cashier.post(`/api/v1/financings/${applied.body.id}/disburse`, { disbursedOn, method: 'transfer' })).status).toBe(
          200,
        );
      }
    });
    afterAll(async () => server.close());

    it('refuses a first close before the quality rule is in force with a 422 on the date, and starts nothing', async () => {
      const before = await books();
      const ancient = await closeDay('1900-01-01');
      expect(ancient.status).toBe(422);
      expect(ancient.body.errors).toEqual([
        expect.objectContaining({ field: 'date', code: 'close_day.before_quality_rule', message: expect.stringContaining('2019-12-16') }),
      ]);
      expect(await books()).toEqual(before);
    });

    it('refuses a day that is not on the calendar (the CLI passes its date unchecked by a schema) with a 422 on the date', async () => {
      const before = await books();
      for (const date of ['2026-02-30', '2026-13-01', '2026-2-01']) {
        await expect(closeDayFromCli(systemTestContext(server.database, clock), date)).rejects.toMatchObject({
          kind: 'invalid',
          errors: [expect.objectContaining({ field: 'date', code: 'close_day.date_invalid' })],
        });
      }
      expect(await books()).toEqual(before);
    });

    it('closes D first: the allowance for both financings, current, booked on D', async () => {
      const closed = await closeDay('2026-02-15');
      expect(closed.status).toBe(200);
      expect(closed.body).toEqual({
        date: '2026-02-15',
        alreadyClosed: false,
        daysClosed: ['2026-02-15'],
        stepsRun: ['penalties', 'arrears', 'snapshot', 'provisions', 'balances', 'books', 'partitions'],
        financings: 2,
      });
      // 0.5% of 6,000,000 + 0.5% of 4,000,000.
      expect(await provisionEntries()).toEqual([{ entry_date: '2026-02-15', amount: '50000' }]);
    });

    it('refuses a day before the last closed one with a 409 naming it, in Indonesian and English, and posts nothing', async () => {
      const before = await books();
      for (const date of ['2026-02-14', '2025-01-01', '1900-01-01']) {
        const refused = await closeDay(date);
        expect(refused.status).toBe(409);
        expect(refused.headers.get('content-type')).toContain('application/problem+json');
        expect(refused.body).toMatchObject({
          code: 'close_day.before_last_closed',
          params: { date, lastClosed: '2026-02-15' },
          errors: [expect.objectContaining({ field: 'date', code: 'close_day.before_last_closed' })],
        });
        expect(refused.body.detail).toContain('2026-02-15');
        expect(refused.body.title).toBe(`The day 2026-02-15 has been closed; the earlier day ${date} cannot be closed any more.`);
      }
      expect(await books()).toEqual(before);
    });

    it('closing D+3 closes D+1, D+2 and D+3 first, each as of its own day', async () => {
      const closed = await closeDay('2026-02-18');
      expect(closed.body).toMatchObject({
        date: '2026-02-18',
        alreadyClosed: false,
        daysClosed: ['2026-02-16', '2026-02-17', '2026-02-18'],
      });
      const runs = await server.database.db
        .selectFrom('close_day_run')
        .select(['business_date', 'finished_at'])
        .orderBy('finished_at')
        .execute();
      expect(runs.map((r) => r.business_date)).toEqual(['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18']);
      expect(runs.every((r) => r.finished_at !== null)).toBe(true);
      const audits = await server.database.db.selectFrom('audit_log').select('after').where('action', '=', 'financing.close_day').execute();
      expect(audits.map((a) => (a.after as { date: string }).date).sort()).toEqual([
        '2026-02-15',
        '2026-02-16',
        '2026-02-17',
        '2026-02-18',
      ]);
      // Each day's snapshot: X is 1 day past due from 16 February (class 2, 3%: 180,000) beside Y's 20,000.
      const snapshots = await server.database.db
        .selectFrom('portfolio_snapshot')
        .select(['business_date', 'at_risk_1', 'provision'])
        .orderBy('business_date')
        .execute();
      expect(snapshots).toEqual([
        { business_date: '2026-02-15', at_risk_1: '0', provision: '50000' },
        { business_date: '2026-02-16', at_risk_1: '6000000', provision: '200000' },
        { business_date: '2026-02-17', at_risk_1: '6000000', provision: '200000' },
        { business_date: '2026-02-18', at_risk_1: '6000000', provision: '200000' },
      ]);
      // The allowance moves once, on the day the requirement changed.
      expect(await provisionEntries()).toEqual([
        { entry_date: '2026-02-15', amount: '50000' },
        { entry_date: '2026-02-16', amount: '150000' },
      ]);
      // Late charge as of D+3: 1‰ of 1,050,000 for 3 days.
      const x = (await cashier.get(`/api/v1/financings/${ids.X}`)).body;
      expect(x).toMatchObject({ daysPastDue: 3, qualityClass: 2, outstanding: { penalty: '3150' } });
    });

    it('re-running a closed day posts nothing and says what was done', async () => {
      const before = await books();
      for (const date of ['2026-02-15', '2026-02-17', '2026-02-18']) {
        const again = await closeDay(date);
        expect(again.status).toBe(200);
        expect(again.body).toEqual({ date, alreadyClosed: true, daysClosed: [], stepsRun: [], financings: 2 });
      }
      expect(await books()).toEqual(before);
    });

    it('two closes of one day at once close it once', async () => {
      clock.advance(DAY_MS);
      // Sessions last 12 hours: the next morning the admin signs in again.
      await admin.login('admin', DEMO_PASSWORD);
      const before = await books();
      const both = await Promise.all([closeDay('2026-02-19'), closeDay('2026-02-19')]);
      expect(both.map((r) => r.status)).toEqual([200, 200]);
      const audits = await server.database.db.selectFrom('audit_log').select('after').where('action', '=', 'financing.close_day').execute();
      expect(audits.filter((a) => (a.after as { date: string }).date === '2026-02-19')).toHaveLength(1);
      const snapshot = (date: string) =>
        server.database.db
          .selectFrom('portfolio_snapshot')
          .select(['office_id', 'fund_id', 'financings', 'outstanding', 'provision'])
          .where('business_date', '=', date)
          .orderBy('outstanding')
          .execute();
      expect(await snapshot('2026-02-19')).toEqual(await snapshot('2026-02-18'));
      // Nothing else to book on the 19th: the requirement did not change.
      expect((await books()).lines).toEqual(before.lines);
    });

    it('keeps refusing a day that has not come', async () => {
      const early = await closeDay('2026-02-20');
      expect(early.status).toBe(422);
      expect(early.body.errors).toEqual([expect.objectContaining({ field: 'date', code: 'close_day.date_in_future' })]);
    });
  });
}
