import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { IDEMPOTENCY_HEADER } from '../../core/idempotency.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';
import { openDrawerOf } from './index.ts';

// 09:00 WIB on Monday 2 March 2026: the business day of every posting below.
const DAY = '2026-03-02';

for (const kind of testDatabaseKinds()) {
  describe(`cash drawer [${kind}]`, () => {
    let server: TestServer;
    let cashier: ApiClient;
    let manager: ApiClient;
    let drawerId: string;
    let keys = 0;
    const key = () => ({ [IDEMPOTENCY_HEADER]: `test-${kind}-${++keys}` });

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false, clock: fixedClock(new Date(`${DAY}T02:00:00Z`)) });
      cashier = new ApiClient(server.url);
      await cashier.login('kasir', DEMO_PASSWORD); // YK01
      manager = new ApiClient(server.url);
      await manager.login('manajer', DEMO_PASSWORD); // YK01
    });
    afterAll(async () => server.close());

    const move = (body: Record<string, unknown>, headers: Record<string, string> = key(), client = cashier) =>
      client.request('POST', `/api/v1/cash-drawers/${drawerId}/movements`, body, headers);
    const trialBalance = async () => (await manager.get(`/api/v1/ledger/trial-balance?asOf=${DAY}`)).body;
    const cashierId = async () =>
      (await server.database.db.selectFrom('app_user').select('id').where('username', '=', 'kasir').executeTakeFirstOrThrow()).id;

    it('opens one drawer per cashier with the float counted', async () => {
      const opened = await cashier.post('/api/v1/cash-drawers', { openingFloat: '1000000' });
      expect(opened.status).toBe(201);
      expect(opened.body).toMatchObject({
        officeCode: 'YK01',
        cashier: { username: 'kasir', fullName: 'Dewi Lestari' },
        businessDate: DAY,
        status: 'open',
        openingFloat: '1000000',
        cashIn: '0',
        cashOut: '0',
        expectedCash: '1000000',
        countedCash: null,
        movements: [],
      });
      drawerId = opened.body.id;
      const again = await cashier.post('/api/v1/cash-drawers', { openingFloat: '5' });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'cash_drawer.already_open' });
      expect(again.body.detail).toContain(DAY);
      expect((await cashier.post('/api/v1/cash-drawers', { openingFloat: '5', businessDate: '2026-03-03' })).status).toBe(422);
      expect(await openDrawerOf(server.database.db, await cashierId())).toEqual({
        id: drawerId,
        officeId: expect.any(String),
        businessDate: DAY,
        party: { type: 'cash_drawer', id: drawerId },
      });
    });

    it('posts receipts and payments for a purpose picked by name, once per idempotency key', async () => {
      const receipt = { direction: 'in', purpose: 'admin_fee', amount: '250000', memo: 'Biaya administrasi kelompok' };
      const headers = key();
      const first = await move(receipt, headers);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        drawerId,
        expectedCash: '1250000',
        movement: {
          direction: 'in',
          amount: '250000',
          memo: 'Biaya administrasi kelompok',
          accounts: [{ code: '4.2.02', name: 'Pendapatan administrasi' }],
          purpose: 'admin_fee',
          party: null,
          createdBy: 'kasir',
        },
      });
      const replay = await move(receipt, headers);
      expect(replay.status).toBe(201);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.body).toEqual(first.body);
      expect((await move({ ...receipt, amount: '1' }, headers)).status).toBe(409);
      const keyless = await move(receipt, {});
      expect(keyless.status).toBe(422);
      expect(keyless.body.errors[0]).toMatchObject({ field: IDEMPOTENCY_HEADER, code: 'idempotency.key_required' });

      const payment = await move({ direction: 'out', purpose: 'office_expense', amount: '100000', memo: 'Beli materai dan ATK' });
      expect(payment.status).toBe(201);
      expect(payment.body.expectedCash).toBe('1150000');

      const tooMuch = await move({ direction: 'out', purpose: 'office_expense', amount: '1150001', memo: 'Terlalu banyak' });
      expect(tooMuch.status).toBe(409);
      expect(tooMuch.body.errors[0]).toMatchObject({ field: 'amount', code: 'cash_drawer.insufficient_cash' });
      expect(tooMuch.body.errors[0].message).toBe('Kas di laci hanya Rp1.150.000; tidak cukup untuk membayar Rp1.150.001.');
      // The cashier picks a purpose by name; the server maps it to its account, and refuses any other.
      const unknown = await move({ direction: 'in', purpose: 'angsuran', amount: '1000', memo: 'Angsuran' });
      expect(unknown.status).toBe(422);
      expect(unknown.body.errors[0]).toMatchObject({ field: 'purpose' });
      const wrongWay = await move({ direction: 'in', purpose: 'to_bank', amount: '1000', memo: 'Setor ke bank' });
      expect(wrongWay.status).toBe(422);
      expect(wrongWay.body.errors[0]).toMatchObject({ field: 'purpose', code: 'cash_drawer.purpose_not_for_direction' });
      const byCode = await move({ direction: 'in', accountCode: '1.2.01', amount: '1000', memo: 'Angsuran' });
      expect(byCode.status).toBe(422);
      expect(byCode.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['purpose', 'accountCode']));
      expect((await move({ direction: 'in', purpose: 'admin_fee', amount: '0', memo: 'Nol' })).status).toBe(422);
      // Only the holder moves the drawer's cash.
      const other = await move({ direction: 'in', purpose: 'admin_fee', amount: '1000', memo: 'Bukan laci saya' }, key(), manager);
      expect(other.status).toBe(403);
    });

    it('shows the expected cash and every movement; a cashier sees only their own drawers', async () => {
      const detail = await cashier.get(`/api/v1/cash-drawers/${drawerId}`);
      expect(detail.body).toMatchObject({ cashIn: '250000', cashOut: '100000', expectedCash: '1150000' });
      expect(detail.body.movements.map((m: { direction: string; amount: string }) => [m.direction, m.amount])).toEqual([
        ['in', '250000'],
        ['out', '100000'],
      ]);
      const open = await manager.get('/api/v1/cash-drawers?status=open');
      expect(open.body.items.map((d: { id: string; expectedCash: string }) => [d.id, d.expectedCash])).toEqual([[drawerId, '1150000']]);
      expect(open.body.items[0]).toMatchObject({ officeCode: 'YK01', cashier: { username: 'kasir', fullName: 'Dewi Lestari' } });
      expect((await manager.get('/api/v1/cash-drawers?status=closed')).body.items).toEqual([]);
      const auditor = new ApiClient(server.url);
      await auditor.login('auditor', DEMO_PASSWORD);
      expect((await auditor.get(`/api/v1/cash-drawers/${drawerId}`)).status).toBe(200);
      expect((await auditor.post('/api/v1/cash-drawers', { openingFloat: '1' })).status).toBe(403);
    });

    it('closes with the shortage posted to 5.2.01; the trial balance still balances; a closed drawer takes nothing more', async () => {
      const closed = await cashier.request('POST', `/api/v1/cash-drawers/${drawerId}/close`, { countedCash: '1149000' }, key());
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({
        status: 'closed',
        expectedCash: '1150000',
        countedCash: '1149000',
        difference: '-1000',
        closedBy: 'kasir',
        cashIn: '250000',
        cashOut: '100000',
      });
      expect(closed.body.movements.at(-1)).toMatchObject({
        direction: 'out',
        amount: '1000',
        sourceType: 'cash_drawer_count',
        accounts: [{ code: '5.2.01', name: 'Selisih kurang kas' }],
      });
      const entry = await manager.get(`/api/v1/ledger/entries/${closed.body.differenceEntryId}`);
      expect(entry.body.lines).toMatchObject([
        { accountCode: '5.2.01', debit: '1000', credit: '0' },
        { accountCode: '1.1.01', debit: '0', credit: '1000' },
      ]);
      const tb = await trialBalance();
      expect(tb.debit).toBe(tb.credit);
      expect(tb.accounts).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ code: '1.1.01', debit: '149000', credit: '0' }),
          expect.objectContaining({ code: '5.2.01', debit: '1000', credit: '0' }),
          expect.objectContaining({ code: '4.2.02', debit: '0', credit: '250000' }),
          expect.objectContaining({ code: '5.2.02', debit: '100000', credit: '0' }),
        ]),
      );
      const twice = await cashier.request('POST', `/api/v1/cash-drawers/${drawerId}/close`, { countedCash: '1149000' }, key());
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('cash_drawer.closed');
      expect((await move({ direction: 'in', purpose: 'admin_fee', amount: '1000', memo: 'Sesudah tutup' })).status).toBe(409);
      expect(await openDrawerOf(server.database.db, await cashierId())).toBeNull();
      const audit = await server.database.db
        .selectFrom('audit_log')
        .select(['action', 'actor_username'])
        .where('entity_id', '=', drawerId)
        .orderBy('at')
        .execute();
      expect(audit).toEqual([
        { action: 'cash_drawer.open', actor_username: 'kasir' },
        { action: 'cash_drawer.close', actor_username: 'kasir' },
      ]);
    });

    it('posts an overage to 4.2.03, and a manager may close a drawer left open', async () => {
      const opened = await cashier.post('/api/v1/cash-drawers', { openingFloat: '500000' });
      expect(opened.status).toBe(201);
      const closed = await manager.request(
        'POST',
        `/api/v1/cash-drawers/${opened.body.id}/close`,
        { countedCash: '500500', note: 'dihitung manajer' },
        key(),
      );
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ difference: '500', closedBy: 'manajer', closingNote: 'dihitung manajer' });
      const tb = await trialBalance();
      expect(tb.debit).toBe(tb.credit);
      expect(tb.accounts.find((a: { code: string }) => a.code === '4.2.03')).toMatchObject({ debit: '0', credit: '500' });
      const even = await cashier.post('/api/v1/cash-drawers', { openingFloat: '100' });
      const closedEven = await cashier.request('POST', `/api/v1/cash-drawers/${even.body.id}/close`, { countedCash: '100' }, key());
      expect(closedEven.body).toMatchObject({ difference: '0', differenceEntryId: null });
      expect((await cashier.get('/api/v1/cash-drawers')).body.items).toHaveLength(3);
    });
  });
}
