import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { DAY_MS } from '../../core/dates.ts';
import { IDEMPOTENCY_HEADER } from '../../core/idempotency.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { FLAT_PRODUCT_WITH_PENALTY, YOGYA_FUND } from '../../testing/financing-fixtures.ts';
import { ApiClient, startTestServer, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';

for (const kind of testDatabaseKinds()) {
  describe(`close of day, portfolio at risk and the revolving queue [${kind}]`, () => {
    let server: TestServer;
    let manager: ApiClient;
    let cashier: ApiClient;
    let admin: ApiClient;
    const ids: Record<string, string> = {};
    const memberNames: Record<string, string> = {};
    const clock = fixedClock(new Date('2026-03-01T03:00:00Z'));

    beforeAll(async () => {
      // Business date 2026-03-01 (WIB).
      server = await startTestServer(kind, { demo: true, serveWeb: false, clock });
      [manager, cashier, admin] = [new ApiClient(server.url), new ApiClient(server.url), new ApiClient(server.url)];
      await manager.login('manajer', DEMO_PASSWORD);
      await cashier.login('kasir', DEMO_PASSWORD);
      await admin.login('admin', DEMO_PASSWORD);
      const persons = await server.database.db
        .selectFrom('person')
        .select(['id', 'full_name'])
        .where('village_code', 'like', '34.71.%')
        .where('relation', '=', 'head')
        .orderBy('nik')
        .limit(4)
        .execute();
      await manager.post('/api/v1/financing/products', FLAT_PRODUCT_WITH_PENALTY);
      await manager.post('/api/v1/funds', YOGYA_FUND);
      for (const [index, name] of ['A', 'B', 'C', 'D'].entries()) {
        const applied = await cashier.post('/api/v1/financings', {
          personId: persons[index]?.id,
          productCode: 'FLAT10D',
          fundCode: 'DANA-YK',
          principal: name === 'D' ? '4000000' : '6000000',
          installments: 6,
          purpose: 'Modal usaha',
          appliedOn: '2026-01-05',
        });
        ids[name] = applied.body.id;
        memberNames[name] = persons[index]?.full_name ?? '';
        await manager.post(`/api/v1/financings/${applied.body.id}/approve`, {});
        if (name !== 'D')
          await cashier.post(`/api/v1/financings/${applied.body.id}/disburse`, { disbursedOn: '2026-01-15', method: 'transfer' });
      }
      const paid = await cashier.request(
        'POST',
        `/api/v1/financings/${ids.A}/repayments`,
        { amount: '1050000', paidOn: '2026-02-15' },
        { [IDEMPOTENCY_HEADER]: 'a-feb' },
      );
      expect(paid.status).toBe(201);
    });
    afterAll(async () => server.close());

    it('closes a day once: days past due, quality class, late charges; a second run changes nothing', async () => {
      expect((await manager.post('/api/v1/financing/close-day', { date: '2026-03-01' })).status).toBe(403);
      const closed = await admin.post('/api/v1/financing/close-day', { date: '2026-03-01' });
      expect(closed.body).toEqual({
        date: '2026-03-01',
        alreadyClosed: false,
        daysClosed: ['2026-03-01'],
        stepsRun: ['penalties', 'arrears', 'snapshot', 'provisions', 'balances', 'books', 'partitions'],
        financings: 3,
      });
      const b = (await cashier.get(`/api/v1/financings/${ids.B}`)).body;
      expect(b).toMatchObject({ daysPastDue: 14, qualityClass: 2, outstanding: { penalty: '14700' } });
      expect(b.schedule[0]).toMatchObject({ penalty: '14700', status: 'overdue' });
      expect((await cashier.get(`/api/v1/financings/${ids.A}`)).body).toMatchObject({ daysPastDue: 0, qualityClass: 1 });
      const again = await admin.post('/api/v1/financing/close-day', { date: '2026-03-01' });
      expect(again.body).toMatchObject({ alreadyClosed: true, stepsRun: [] });
      expect((await cashier.get(`/api/v1/financings/${ids.B}`)).body.outstanding.penalty).toBe('14700');
    });

    it('reports portfolio at risk by office from the snapshot', async () => {
      const par = (await manager.get('/api/v1/financing/portfolio?by=office')).body;
      expect(par.date).toBe('2026-03-01');
      expect(par.rows).toEqual([
        expect.objectContaining({
          label: 'YK01',
          financings: 3,
          outstanding: '17000000',
          atRisk1: '12000000',
          atRisk30: '0',
          par1Percent: '70.59',
          byClass: ['5000000', '12000000', '0', '0', '0'],
        }),
      ]);
      // Provision: 0.5% of 5,000,000 + 3% of 12,000,000.
      expect(par.rows[0].provision).toBe('385000');
      // …booked by the close of day: the allowance (PPAP, a contra asset) against its expense, once.
      const trial = (await manager.get('/api/v1/ledger/trial-balance?asOf=2026-03-01&office=YK01')).body;
      expect(trial.accounts).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ code: '1.2.09', debit: '0', credit: '385000' }),
          expect.objectContaining({ code: '5.1.01', debit: '385000', credit: '0' }),
        ]),
      );
    });

    it('a late payment pays the late charge first, into penalty income', async () => {
      const paid = await cashier.request(
        'POST',
        `/api/v1/financings/${ids.B}/repayments`,
        { amount: '1064700' },
        { [IDEMPOTENCY_HEADER]: 'b-mar' },
      );
      expect(paid.body).toMatchObject({ penalty: '14700', profit: '50000', principal: '1000000', paidOn: '2026-03-01' });
      const trial = (await manager.get('/api/v1/ledger/trial-balance?asOf=2026-03-01')).body;
      expect(trial.accounts.find((a: { code: string }) => a.code === '4.2.01')).toMatchObject({ credit: '14700' });
    });

    it('shows the queue: when each waiting member is expected to be financed and whom an overdue financing holds up', async () => {
      const queue = (await cashier.get('/api/v1/financing/queue?fund=DANA-YK')).body;
      // Cash: 20,000,000 − 18,000,000 + 1,050,000 (A) + 1,064,700 (B) = 4,114,700: D (4,000,000) can be financed now.
      expect(queue.cash).toBe('4114700');
      expect(queue.waiting).toEqual([
        expect.objectContaining({
          position: 1,
          financingId: ids.D,
          memberName: memberNames.D,
          amount: '4000000',
          expectedOn: '2026-03-01',
        }),
      ]);
      expect(queue.overdue).toEqual([
        expect.objectContaining({ financingId: ids.C, memberName: memberNames.C, overdueAmount: '1050000', holdingUp: [] }),
      ]);
    });
    it('reschedules a financing in arrears over new instalments from today, keeping what was paid', async () => {
      expect(
        (await cashier.post(`/api/v1/financings/${ids.C}/reschedule`, { installments: 10, reason: 'Usaha terdampak banjir' })).status,
      ).toBe(403);
      const rescheduled = await manager.post(`/api/v1/financings/${ids.C}/reschedule`, {
        installments: 10,
        reason: 'Usaha terdampak banjir',
      });
      expect(rescheduled.status).toBe(200);
      const view = rescheduled.body;
      expect(view.schedule).toHaveLength(16);
      expect(view.schedule.slice(0, 6).every((i: { principal: string; profit: string }) => i.principal === '0' && i.profit === '0')).toBe(
        true,
      );
      expect(view.outstanding.penalty).toBe('14700');
      expect(view.schedule[6]).toMatchObject({ n: 7, dueDate: '2026-04-01', principal: '600000', profit: '50000' });
      expect(view.outstanding).toMatchObject({ principal: '6000000', profit: '500000' });
      expect(view.daysPastDue).toBe(0);
    });

    it('a later close of day books only the change in the allowance', async () => {
      const allowance = async (asOf: string) => {
        const row = (await manager.get(`/api/v1/ledger/trial-balance?asOf=${asOf}&office=YK01`)).body.accounts.find(
          (a: { code: string }) => a.code === '1.2.09',
        );
        return BigInt(row?.credit ?? '0') - BigInt(row?.debit ?? '0');
      };
      expect(await allowance('2026-03-01')).toBe(385_000n);
      // A day that has not come cannot be closed; the next morning it can.
      const early = await admin.post('/api/v1/financing/close-day', { date: '2026-03-02' });
      expect(early.status).toBe(422);
      expect(early.body.errors).toEqual([expect.objectContaining({ field: 'date', code: 'close_day.date_in_future' })]);
      clock.advance(DAY_MS);
      // Sessions last 12 hours: the next morning, everyone signs in again.
      await Promise.all([admin.login('admin', DEMO_PASSWORD), manager.login('manajer', DEMO_PASSWORD)]);
      expect((await admin.post('/api/v1/financing/close-day', { date: '2026-03-02' })).body.stepsRun).toContain('provisions');
      const par = (await manager.get('/api/v1/financing/portfolio?by=office&date=2026-03-02')).body;
      expect(await allowance('2026-03-02')).toBe(BigInt(par.rows[0].provision));
      const entries = await server.database.db
        .selectFrom('journal_entry')
        .select(['entry_date'])
        .where('source_type', '=', 'close_day.provision')
        .orderBy('entry_date')
        .execute();
      // One entry per office and day whose requirement changed; 2 March's only if it did.
      expect(entries[0]?.entry_date).toBe('2026-03-01');
      expect(entries.length).toBe(par.rows[0].provision === '385000' ? 1 : 2);
    });
  });
}
