import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthOfIndex } from '../../core/dates.ts';
import { IDEMPOTENCY_HEADER } from '../../core/idempotency.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';

type Account = {
  id: string;
  number: string;
  kind: string;
  balance: string;
  status: string;
  person: { fullName: string };
  officeCode: string;
  officeName: string;
};
type Movement = { id: string; seq: number; type: string; amount: string; balanceAfter: string; reversedById: string | null };

for (const kind of testDatabaseKinds()) {
  describe(`savings on the ledger [${kind}]`, () => {
    let server: TestServer;
    let cashier: ApiClient;
    let manager: ApiClient;
    let auditor: ApiClient;
    let persons: string[];
    const accounts: Record<'pokok' | 'wajib' | 'sukarela', Account> = {} as never;

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false });
      cashier = new ApiClient(server.url);
      await cashier.login('kasir', DEMO_PASSWORD); // YK01
      manager = new ApiClient(server.url);
      await manager.login('manajer', DEMO_PASSWORD); // YK01
      auditor = new ApiClient(server.url);
      await auditor.login('auditor', DEMO_PASSWORD); // YK01, BD01
      const found = await cashier.get('/api/v1/persons?village=34.71.01.1001&limit=10');
      persons = (found.body.items as { id: string; deceased: boolean }[]).filter((p) => !p.deceased).map((p) => p.id);
      expect(persons.length).toBeGreaterThanOrEqual(4);
    });
    afterAll(async () => server?.close());

    const key = () => crypto.randomUUID();
    const move = (client: ApiClient, what: 'deposits' | 'withdrawals', id: string, amount: string, k: string | null = key()) =>
      client.request('POST', `/api/v1/savings/accounts/${id}/${what}`, { amount }, k ? { [IDEMPOTENCY_HEADER]: k } : {});
    const deposit = (id: string, amount: string, k?: string | null) => move(cashier, 'deposits', id, amount, k);
    const withdraw = (id: string, amount: string, k?: string | null) => move(cashier, 'withdrawals', id, amount, k);
    const balanceOf = async (id: string) => (await cashier.get(`/api/v1/savings/accounts/${id}`)).body.balance as string;
    const savingsEntries = async () =>
      Number(
        (
          await sql<{ n: string }>`SELECT count(*) AS n FROM journal_entry WHERE source_type = 'savings_movement'`.execute(
            server.database.db,
          )
        ).rows[0]?.n,
      );
    const trialBalance = async () => {
      const body = (await manager.get('/api/v1/ledger/trial-balance?asOf=2100-12-31')).body;
      const net = (code: string) => {
        const row = (body.accounts as { code: string; debit: string; credit: string }[]).find((a) => a.code === code);
        return row ? BigInt(row.debit) - BigInt(row.credit) : 0n;
      };
      return { debit: body.debit as string, credit: body.credit as string, net };
    };

    it('opens one account per person and kind at an office in scope, numbered by office and kind', async () => {
      for (const k of ['pokok', 'wajib', 'sukarela'] as const) {
        const opened = await cashier.post('/api/v1/savings/accounts', { personId: persons[0], kind: k, officeCode: 'YK01' });
        expect(opened.status).toBe(201);
        expect(opened.body).toMatchObject({ kind: k, status: 'open', balance: '0', officeCode: 'YK01', person: { id: persons[0] } });
        accounts[k] = opened.body as Account;
      }
      expect(accounts.pokok.number).toMatch(/^YK01-SP-\d{6}$/);
      expect(accounts.sukarela.number).toMatch(/^YK01-SS-\d{6}$/);

      const again = await cashier.post('/api/v1/savings/accounts', { personId: persons[0], kind: 'sukarela', officeCode: 'YK01' });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'savings.account_exists', errors: [{ field: 'kind' }] });
      expect(again.body.detail).toContain(accounts.sukarela.number);
      // Not her office, not a role that moves money, not a person of the cashier's regions.
      // Another office answers as one that does not exist.
      expect(
        (await cashier.post('/api/v1/savings/accounts', { personId: persons[1], kind: 'pokok', officeCode: 'BD01' })).body,
      ).toMatchObject({
        status: 422,
        errors: [{ field: 'officeCode', code: 'users.unknown_office' }],
      });
      const facilitator = new ApiClient(server.url);
      await facilitator.login('pendamping', DEMO_PASSWORD);
      expect((await facilitator.post('/api/v1/savings/accounts', { personId: persons[1], kind: 'pokok', officeCode: 'YK01' })).status).toBe(
        403,
      );
      const bandung = (await facilitator.get('/api/v1/persons?village=32.04.11.2001&limit=1')).body.items[0].id as string;
      expect((await cashier.post('/api/v1/savings/accounts', { personId: bandung, kind: 'pokok', officeCode: 'YK01' })).status).toBe(404);
      // The facilitator of Bandung does not see Yogyakarta's accounts.
      expect((await facilitator.get(`/api/v1/savings/accounts/${accounts.pokok.id}`)).status).toBe(404);
    });

    it('moves exact rupiah: pokok 50,000, wajib 10,000 ×3, sukarela 200,000 less 75,000; the ledger balances', async () => {
      const before = await trialBalance();
      expect((await deposit(accounts.pokok.id, '50000')).status).toBe(201);
      for (let i = 0; i < 3; i++) expect((await deposit(accounts.wajib.id, '10000')).status).toBe(201);
      expect((await deposit(accounts.sukarela.id, '200000')).status).toBe(201);
      const paid = await withdraw(accounts.sukarela.id, '75000');
      expect(paid.status).toBe(201);
      expect(paid.body).toMatchObject({
        account: { balance: '125000' },
        movement: { type: 'withdrawal', amount: '-75000', balanceAfter: '125000' },
      });

      expect(await balanceOf(accounts.pokok.id)).toBe('50000');
      expect(await balanceOf(accounts.wajib.id)).toBe('30000');
      expect(await balanceOf(accounts.sukarela.id)).toBe('125000');
      // Three periods of wajib paid in the month the account was opened: that month and two ahead.
      const wajibDetail = (await cashier.get(`/api/v1/savings/accounts/${accounts.wajib.id}`)).body;
      const [year, month] = (wajibDetail.openedOn as string).split('-').map(Number) as [number, number];
      const through = year * 12 + month - 1 + 2;
      expect(wajibDetail.wajib).toEqual({
        monthlyAmount: '10000',
        monthsDue: 1,
        monthsPaid: 3,
        paidThrough: monthOfIndex(through),
        arrearsMonths: 0,
        arrearsAmount: '0',
        monthsAhead: 2,
      });
      expect((await cashier.get(`/api/v1/savings/accounts/${accounts.pokok.id}`)).body.wajib).toBeNull();

      const after = await trialBalance();
      expect(after.debit).toBe(after.credit);
      // Teller cash holds what the member saved: 50,000 + 30,000 + 200,000 − 75,000.
      expect(after.net('1.1.01') - before.net('1.1.01')).toBe(205_000n);
      expect(after.net('3.1.01') - before.net('3.1.01')).toBe(-50_000n);
      expect(after.net('3.1.02') - before.net('3.1.02')).toBe(-30_000n);
      expect(after.net('2.1.01') - before.net('2.1.01')).toBe(-125_000n);

      // Each account's balance is also the net of the journal lines tagged with it.
      for (const account of Object.values(accounts)) {
        const tagged = await sql<{ net: string }>`
          SELECT coalesce(sum(credit) - sum(debit), 0) AS net FROM journal_line
          WHERE party_type = 'savings_account' AND party_id = ${account.id}`.execute(server.database.db);
        expect(tagged.rows[0]?.net).toBe(await balanceOf(account.id));
      }
    });

    it('refuses a second pokok, wajib outside whole periods, and any withdrawal from pokok or wajib', async () => {
      const second = await deposit(accounts.pokok.id, '50000');
      expect(second.status).toBe(409);
      expect(second.body.code).toBe('savings.pokok_already_paid');
      const odd = await deposit(accounts.wajib.id, '15000');
      expect(odd.status).toBe(422);
      expect(odd.body.errors).toEqual([
        { field: 'amount', code: 'savings.wajib_amount', message: 'Simpanan wajib dibayar per periode: kelipatan Rp10.000.' },
      ]);
      for (const id of [accounts.pokok.id, accounts.wajib.id]) {
        const refused = await withdraw(id, '10000');
        expect(refused.status).toBe(409);
        expect(refused.body).toMatchObject({ code: 'savings.not_withdrawable', errors: [{ field: 'amount' }] });
      }
    });

    it('refuses a withdrawal above the balance and posts nothing', async () => {
      const entries = await savingsEntries();
      const refused = await withdraw(accounts.sukarela.id, '125001');
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'savings.insufficient_balance', detail: 'Saldo tidak cukup: saldo Rp125.000.' });
      expect(await savingsEntries()).toBe(entries);
      expect(await balanceOf(accounts.sukarela.id)).toBe('125000');
      expect((await withdraw(accounts.sukarela.id, '0')).status).toBe(422);
    });

    it('requires an idempotency key; a replay answers the first response and posts once; another body is a 409', async () => {
      const missing = await deposit(accounts.sukarela.id, '1000', null);
      expect(missing.status).toBe(422);
      expect(missing.body).toMatchObject({ code: 'idempotency.key_required', errors: [{ field: IDEMPOTENCY_HEADER }] });
      expect((await withdraw(accounts.sukarela.id, '1000', null)).body.code).toBe('idempotency.key_required');

      const entries = await savingsEntries();
      const k = key();
      const first = await deposit(accounts.sukarela.id, '25000', k);
      expect(first.status).toBe(201);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      const replay = await deposit(accounts.sukarela.id, '25000', k);
      expect(replay.status).toBe(201);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.body).toEqual(first.body);
      expect(await savingsEntries()).toBe(entries + 1);
      expect(await balanceOf(accounts.sukarela.id)).toBe('150000');

      const other = await deposit(accounts.sukarela.id, '26000', k);
      expect(other.status).toBe(409);
      expect(other.body).toMatchObject({ code: 'idempotency.key_reused', errors: [{ field: IDEMPOTENCY_HEADER }] });
      // The same key on another account, or as a withdrawal, is another request too.
      expect((await deposit(accounts.wajib.id, '25000', k)).status).toBe(409);
      expect((await withdraw(accounts.sukarela.id, '25000', k)).status).toBe(409);
      expect(await savingsEntries()).toBe(entries + 1);
      expect(await balanceOf(accounts.sukarela.id)).toBe('150000');
    });

    it('twenty concurrent deposits to one account leave exactly their sum and twenty entries', async () => {
      const opened = await cashier.post('/api/v1/savings/accounts', { personId: persons[1], kind: 'sukarela', officeCode: 'YK01' });
      const id = opened.body.id as string;
      const amounts = Array.from({ length: 20 }, (_, i) => (i + 1) * 1000);
      const results = await Promise.all(amounts.map((a) => deposit(id, String(a))));
      expect(results.map((r) => r.status)).toEqual(amounts.map(() => 201));
      expect(await balanceOf(id)).toBe('210000');
      const lines = await sql<{ n: string }>`
        SELECT count(DISTINCT entry_id) AS n FROM journal_line WHERE party_type = 'savings_account' AND party_id = ${id}`.execute(
        server.database.db,
      );
      expect(Number(lines.rows[0]?.n)).toBe(20);
      // The statement is gapless: sequences 20…1, each balance the one before plus its amount.
      const movements = (await cashier.get(`/api/v1/savings/accounts/${id}?limit=50`)).body.movements as Movement[];
      expect(movements.map((m) => m.seq)).toEqual(amounts.map((_, i) => 20 - i));
      for (const [i, m] of movements.entries()) {
        const previous = movements[i + 1];
        expect(BigInt(m.balanceAfter)).toBe((previous ? BigInt(previous.balanceAfter) : 0n) + BigInt(m.amount));
      }

      // Five concurrent sends of one key (a retry storm) post once and answer alike.
      const k = key();
      const storm = await Promise.all(Array.from({ length: 5 }, () => deposit(id, '5000', k)));
      expect(storm.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
      for (const r of storm) expect(r.body).toEqual(storm[0]?.body);
      expect(await balanceOf(id)).toBe('215000');
    });

    it('pages the statement back in time with the running balance', async () => {
      const first = await cashier.get(`/api/v1/savings/accounts/${accounts.sukarela.id}?limit=2`);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ number: accounts.sukarela.number, balance: '150000', movementCount: 3 });
      expect(first.body.movements.map((m: Movement) => [m.type, m.amount, m.balanceAfter])).toEqual([
        ['deposit', '25000', '150000'],
        ['withdrawal', '-75000', '125000'],
      ]);
      const second = await cashier.get(`/api/v1/savings/accounts/${accounts.sukarela.id}?limit=2&cursor=${first.body.nextCursor}`);
      expect(second.body.movements.map((m: Movement) => [m.type, m.amount, m.balanceAfter])).toEqual([['deposit', '200000', '200000']]);
      expect(second.body.nextCursor).toBeNull();
      expect((await cashier.get(`/api/v1/savings/accounts/${accounts.sukarela.id}?cursor=nonsense`)).status).toBe(422);
    });

    it('undoes a wrong movement by a counter-entry (manager only), once', async () => {
      const statement = (await manager.get(`/api/v1/savings/accounts/${accounts.sukarela.id}`)).body.movements as Movement[];
      const withdrawal = statement.find((m) => m.type === 'withdrawal') as Movement;
      const url = `/api/v1/savings/accounts/${accounts.sukarela.id}/movements/${withdrawal.id}/reverse`;
      expect((await cashier.request('POST', url, { reason: 'salah rekening' }, { [IDEMPOTENCY_HEADER]: key() })).status).toBe(403);
      const reversed = await manager.request('POST', url, { reason: 'salah rekening' }, { [IDEMPOTENCY_HEADER]: key() });
      expect(reversed.status).toBe(201);
      expect(reversed.body).toMatchObject({
        account: { balance: '225000' },
        movement: { type: 'reversal', amount: '75000', balanceAfter: '225000', note: 'salah rekening' },
      });
      const entry = (await manager.get(`/api/v1/ledger/entries/${reversed.body.movement.entryId}`)).body;
      expect(entry).toMatchObject({ sourceType: 'savings_movement', reversesId: expect.any(String) });
      const again = await manager.request('POST', url, { reason: 'dua kali' }, { [IDEMPOTENCY_HEADER]: key() });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('savings.already_reversed');
      const ofReversal = await manager.request(
        'POST',
        `/api/v1/savings/accounts/${accounts.sukarela.id}/movements/${reversed.body.movement.id}/reverse`,
        { reason: 'balik lagi' },
        { [IDEMPOTENCY_HEADER]: key() },
      );
      expect(ofReversal.body.code).toBe('savings.reversal_of_reversal');
      const after = (await manager.get(`/api/v1/savings/accounts/${accounts.sukarela.id}`)).body.movements as Movement[];
      expect(after.find((m) => m.id === withdrawal.id)?.reversedById).toBe(reversed.body.movement.id);
      // The ledger's own reversal route leaves savings entries to savings.
      expect(
        (await manager.post(`/api/v1/ledger/entries/${reversed.body.movement.entryId}/reverse`, { reason: 'lewat buku besar' })).status,
      ).toBe(409);
      const tb = await trialBalance();
      expect(tb.debit).toBe(tb.credit);
    });

    it('lets auditors read with the NIK masked, never move money; prints the passbook', async () => {
      const list = await auditor.get(`/api/v1/savings/accounts?person=${persons[0]}`);
      expect(list.status).toBe(200);
      expect(list.body.items.map((a: Account) => a.kind).sort()).toEqual(['pokok', 'sukarela', 'wajib']);
      expect(list.body.items[0].person.nik).toMatch(/^\d{4}\*{8}\d{4}$/);
      expect(list.body.items[0].person.nikMasked).toBe(true);
      const member = (await cashier.get(`/api/v1/persons/${persons[0]}`)).body;
      expect(list.body.items.map((a: Account) => [a.person.fullName, a.officeCode, a.officeName])).toEqual(
        list.body.items.map(() => [member.fullName, 'YK01', expect.stringMatching(/\S/)]),
      );
      expect((await cashier.get(`/api/v1/savings/accounts?person=${persons[0]}`)).body.items[0].person.nik).toMatch(/^\d{16}$/);
      expect((await move(auditor, 'deposits', accounts.sukarela.id, '1000')).status).toBe(403);

      const pdf = await fetch(`${server.url}/api/v1/savings/accounts/${accounts.sukarela.id}/passbook.pdf`, {
        headers: { cookie: auditor.cookie ?? '' },
      });
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(
        Buffer.from(await pdf.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
    });

    it('a member who leaves is paid back pokok, wajib and sukarela in cash; the accounts close', async () => {
      const before = await trialBalance();
      const url = `/api/v1/savings/persons/${persons[0]}/leave`;
      expect((await cashier.post(url, { reason: 'pindah domisili' })).body.code).toBe('idempotency.key_required');
      const k = key();
      const left = await cashier.request('POST', url, { reason: 'pindah domisili' }, { [IDEMPOTENCY_HEADER]: k });
      expect(left.status).toBe(201);
      // 50,000 pokok + 30,000 wajib + 225,000 sukarela.
      expect(left.body.paidOut).toBe('305000');
      expect(left.body.accounts.map((a: { account: Account }) => [a.account.kind, a.account.status, a.account.balance]).sort()).toEqual([
        ['pokok', 'closed', '0'],
        ['sukarela', 'closed', '0'],
        ['wajib', 'closed', '0'],
      ]);
      const replay = await cashier.request('POST', url, { reason: 'pindah domisili' }, { [IDEMPOTENCY_HEADER]: k });
      expect(replay.body).toEqual(left.body);
      const after = await trialBalance();
      expect(after.debit).toBe(after.credit);
      expect(before.net('1.1.01') - after.net('1.1.01')).toBe(305_000n);
      expect(after.net('3.1.01') - before.net('3.1.01')).toBe(50_000n);

      const closed = await deposit(accounts.sukarela.id, '1000');
      expect(closed.status).toBe(409);
      expect(closed.body.code).toBe('savings.account_closed');
      expect((await cashier.request('POST', url, { reason: 'lagi' }, { [IDEMPOTENCY_HEADER]: key() })).body.code).toBe(
        'savings.not_a_member',
      );
      // She may join again later, with a new account.
      const rejoined = await cashier.post('/api/v1/savings/accounts', { personId: persons[0], kind: 'pokok', officeCode: 'YK01' });
      expect(rejoined.status).toBe(201);
      expect(rejoined.body.number).not.toBe(accounts.pokok.number);
    });

    it('records every operation in the audit trail and keeps movements append-only', async () => {
      const actions = await sql<{ action: string; n: string }>`
        SELECT action, count(*) AS n FROM audit_log WHERE action LIKE 'savings.%' GROUP BY action ORDER BY action`.execute(
        server.database.db,
      );
      expect(Object.fromEntries(actions.rows.map((r) => [r.action, Number(r.n)]))).toMatchObject({
        'savings.account_open': 5,
        'savings.deposit': 27,
        'savings.withdrawal': 1,
        'savings.reversal': 1,
        'savings.closure': 3,
        'savings.leave': 1,
      });
      await expect(sql`UPDATE savings_movement SET amount = amount + 1`.execute(server.database.db)).rejects.toThrow(/append-only/);
      await expect(sql`DELETE FROM savings_movement`.execute(server.database.db)).rejects.toThrow(/append-only/);
    });

    it('keeps the amounts as the institution’s setting (admin)', async () => {
      expect((await cashier.get('/api/v1/savings/settings')).body).toEqual({ pokokAmount: '50000', wajibAmount: '10000' });
      expect((await manager.request('PUT', '/api/v1/savings/settings', { pokokAmount: '100000', wajibAmount: '20000' })).status).toBe(403);
      const admin = new ApiClient(server.url);
      await admin.login('admin', DEMO_PASSWORD);
      const changed = await admin.request('PUT', '/api/v1/savings/settings', { pokokAmount: '100000', wajibAmount: '20000' });
      expect(changed.body).toEqual({ pokokAmount: '100000', wajibAmount: '20000' });
      const opened = await cashier.post('/api/v1/savings/accounts', { personId: persons[2], kind: 'pokok', officeCode: 'YK01' });
      const wrong = await deposit(opened.body.id, '50000');
      expect(wrong.body.errors[0]).toMatchObject({ code: 'savings.pokok_amount', message: 'Simpanan pokok sebesar Rp100.000.' });
      expect((await deposit(opened.body.id, '100000')).status).toBe(201);
    });

    it('counts savings cash in the teller’s open cash drawer', async () => {
      const drawer = await cashier.post('/api/v1/cash-drawers', { openingFloat: '1000000' });
      expect(drawer.status).toBe(201);
      const opened = await cashier.post('/api/v1/savings/accounts', { personId: persons[3], kind: 'sukarela', officeCode: 'YK01' });
      expect((await deposit(opened.body.id, '40000')).status).toBe(201);
      expect((await withdraw(opened.body.id, '15000')).status).toBe(201);
      const counted = (await cashier.get(`/api/v1/cash-drawers/${drawer.body.id}`)).body;
      expect(counted).toMatchObject({ cashIn: '40000', cashOut: '15000', expectedCash: '1025000' });
      const tb = await trialBalance();
      expect(tb.debit).toBe(tb.credit);
    });
  });
}
