import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDEMPOTENCY_HEADER } from '../../core/idempotency.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';

for (const kind of testDatabaseKinds()) {
  describe(`ledger and funds [${kind}]`, () => {
    let server: TestServer;
    let manager: ApiClient;
    let fundId: string;
    let postedId: string;
    let reversalId: string;

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false });
      manager = new ApiClient(server.url);
      await manager.login('manajer', DEMO_PASSWORD); // YK01
    });
    afterAll(async () => server.close());

    const trialBalance = async (asOf = '2026-12-31') => (await manager.get(`/api/v1/ledger/trial-balance?asOf=${asOf}`)).body;

    it('defines a fund whose initial capital is posted as cash against fund capital', async () => {
      const created = await manager.post('/api/v1/funds', {
        code: 'USEP-YK-26',
        name: 'Stimulus USEP Kota Yogyakarta 2026',
        kind: 'stimulus',
        source: 'APBD Kota Yogyakarta 2026',
        officeCode: 'YK01',
        initialCapital: '50000000',
        capitalDate: '2026-01-10',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ code: 'USEP-YK-26', capital: '50000000', cash: '50000000', outstanding: '0' });
      fundId = created.body.id;
      expect(await trialBalance()).toMatchObject({
        debit: '50000000',
        credit: '50000000',
        accounts: [
          { code: '1.1.02', name: 'Kas di bank', debit: '50000000', credit: '0' },
          { code: '3.2.02', debit: '0', credit: '50000000' },
        ],
      });
      expect((await trialBalance('2026-01-09')).debit).toBe('0');
      const again = await manager.post('/api/v1/funds', {
        code: 'usep-yk-26',
        name: 'x',
        kind: 'stimulus',
        source: 'x',
        officeCode: 'YK01',
      });
      expect(again.status).toBe(409);
      expect(again.body.errors[0].field).toBe('code');
    });

    it('posts a balanced manual entry, refuses an unbalanced one naming the totals, and reverses by counter-entry', async () => {
      const unbalanced = await manager.post('/api/v1/ledger/entries', {
        officeCode: 'YK01',
        entryDate: '2026-02-01',
        memo: 'Biaya ATK',
        lines: [
          { accountCode: '5.2.02', debit: '150000' },
          { accountCode: '1.1.02', credit: '149999', fundCode: 'USEP-YK-26' },
        ],
      });
      expect(unbalanced.status).toBe(422);
      expect(unbalanced.body.errors).toEqual([
        { field: 'lines', code: 'ledger.unbalanced', message: 'Debit 150000 tidak sama dengan kredit 149999.' },
      ]);
      const header = await manager.post('/api/v1/ledger/entries', {
        officeCode: 'YK01',
        entryDate: '2026-02-01',
        memo: 'Salah akun',
        lines: [
          { accountCode: '5.2', debit: '1' },
          { accountCode: '1.1.02', credit: '1' },
        ],
      });
      expect(header.status).toBe(422);
      expect(header.body.errors[0].field).toBe('lines.0.accountCode');

      const posted = await manager.post('/api/v1/ledger/entries', {
        officeCode: 'YK01',
        entryDate: '2026-02-01',
        memo: 'Biaya ATK Februari',
        lines: [
          { accountCode: '5.2.02', debit: '150000' },
          { accountCode: '1.1.02', credit: '150000', fundCode: 'USEP-YK-26' },
        ],
      });
      expect(posted.status).toBe(201);
      postedId = posted.body.id;
      expect((await manager.get(`/api/v1/funds/${fundId}`)).body.cash).toBe('49850000');

      const statement = await manager.get('/api/v1/ledger/accounts/1.1.02/statement?from=2026-01-01&to=2026-12-31');
      expect(statement.body).toMatchObject({ opening: '0', closing: '49850000' });
      expect(statement.body.lines.map((l: { balance: string }) => l.balance)).toEqual(['50000000', '49850000']);

      const reversed = await manager.post(`/api/v1/ledger/entries/${posted.body.id}/reverse`, {
        reason: 'dobel input',
        entryDate: '2026-02-02',
      });
      expect(reversed.status).toBe(201);
      reversalId = reversed.body.id;
      expect(reversed.body).toMatchObject({
        reversesId: posted.body.id,
        lines: [
          { accountCode: '5.2.02', debit: '0', credit: '150000' },
          { accountCode: '1.1.02', debit: '150000' },
        ],
      });
      expect((await manager.post(`/api/v1/ledger/entries/${posted.body.id}/reverse`, { reason: 'lagi' })).status).toBe(409);
      const after = await trialBalance();
      expect(after.debit).toBe(after.credit);
      expect(after.accounts.find((a: { code: string }) => a.code === '5.2.02')).toMatchObject({ debit: '0', credit: '0' });
    });

    it('shows an entry with who posted it and when, and lists manual and fund entries newest first with their reversal', async () => {
      const entry = (await manager.get(`/api/v1/ledger/entries/${postedId}`)).body;
      expect(entry).toMatchObject({
        memo: 'Biaya ATK Februari',
        officeCode: 'YK01',
        sourceType: 'manual',
        reversesId: null,
        reversedById: reversalId,
        createdBy: 'manajer',
      });
      expect(Date.now() - Date.parse(entry.createdAt)).toBeLessThan(5 * 60_000);
      expect((await manager.get(`/api/v1/ledger/entries/${reversalId}`)).body).toMatchObject({
        memo: 'Koreksi: dobel input',
        reversesId: postedId,
        reversedById: null,
      });

      const all = await manager.get('/api/v1/ledger/entries');
      expect(all.status).toBe(200);
      expect(all.body.nextCursor).toBeNull();
      expect(all.body.items.map((e: { memo: string }) => e.memo)).toEqual([
        'Koreksi: dobel input',
        'Biaya ATK Februari',
        'Modal awal dana USEP-YK-26: APBD Kota Yogyakarta 2026',
      ]);
      expect(all.body.items[1]).toMatchObject({ id: postedId, amount: '150000', reversedById: reversalId, entryDate: '2026-02-01' });
      expect(all.body.items[2]).toMatchObject({ sourceType: 'fund', amount: '50000000', officeCode: 'YK01' });

      const first = await manager.get('/api/v1/ledger/entries?limit=2');
      expect(first.body.items.map((e: { id: string }) => e.id)).toEqual([reversalId, postedId]);
      const rest = await manager.get(`/api/v1/ledger/entries?limit=2&cursor=${first.body.nextCursor}`);
      expect(rest.body).toMatchObject({ items: [{ sourceType: 'fund' }], nextCursor: null });
      expect((await manager.get('/api/v1/ledger/entries?source=fund')).body.items).toHaveLength(1);
      expect((await manager.get('/api/v1/ledger/entries?office=BD01')).body.errors).toEqual([
        { field: 'office', code: 'users.unknown_office', message: 'Kantor BD01 tidak ada.' },
      ]); // outside the scope: as an unknown office
      expect((await manager.get('/api/v1/ledger/entries?cursor=nonsense')).status).toBe(422);

      const auditor = new ApiClient(server.url);
      await auditor.login('auditor', DEMO_PASSWORD);
      expect((await auditor.get('/api/v1/ledger/entries')).body.items).toHaveLength(3);
      expect((await auditor.post(`/api/v1/ledger/entries/${postedId}/reverse`, { reason: 'coba' })).status).toBe(403);
    });

    it('the database itself refuses an unbalanced entry and any change to posted lines', async () => {
      const db = server.database.db;
      const office = await db.selectFrom('office').select('id').where('code', '=', 'YK01').executeTakeFirstOrThrow();
      const entryId = '01900000-0000-7000-8000-000000000001';
      await expect(
        db.transaction().execute(async (tx) => {
          await sql`INSERT INTO journal_entry (id, office_id, entry_date, memo, source_type, created_by)
                    VALUES (${entryId}, ${office.id}, '2026-03-01', 'tidak seimbang', 'manual', 'test')`.execute(tx);
          await sql`INSERT INTO journal_line (entry_id, line_no, account_code, office_id, entry_date, debit) VALUES
                    (${entryId}, 1, '1.1.01', ${office.id}, '2026-03-01', 1000)`.execute(tx);
          await sql`INSERT INTO journal_line (entry_id, line_no, account_code, office_id, entry_date, credit) VALUES
                    (${entryId}, 2, '4.2.02', ${office.id}, '2026-03-01', 999)`.execute(tx);
        }),
      ).rejects.toThrow(/unbalanced/);
      expect(await db.selectFrom('journal_entry').select('id').where('id', '=', entryId).executeTakeFirst()).toBeUndefined();
      await expect(sql`UPDATE journal_line SET debit = debit + 1`.execute(db)).rejects.toThrow(/append-only/);
      await expect(sql`DELETE FROM journal_entry`.execute(db)).rejects.toThrow(/append-only/);
      await expect(sql`TRUNCATE journal_line`.execute(db)).rejects.toThrow(/append-only/);
    });

    it('keeps the ledger to its readers and the fund to its office', async () => {
      const cashier = new ApiClient(server.url);
      await cashier.login('kasir', DEMO_PASSWORD);
      expect((await cashier.get('/api/v1/ledger/trial-balance?asOf=2026-12-31')).status).toBe(200);
      expect(
        (await cashier.post('/api/v1/ledger/entries', { officeCode: 'YK01', entryDate: '2026-02-01', memo: 'x', lines: [] })).status,
      ).toBe(403);
      const facilitator = new ApiClient(server.url);
      await facilitator.login('pendamping', DEMO_PASSWORD); // BD01
      expect((await facilitator.get(`/api/v1/funds/${fundId}`)).status).toBe(404);
      expect((await facilitator.get('/api/v1/funds')).body.items).toEqual([]);
      expect((await manager.get('/api/v1/ledger/trial-balance?asOf=2026-13-01')).status).toBe(422);
    });

    it('adds capital to a fund once per idempotency key: bank debited, the fund capital credited, audited', async () => {
      const add = (key: string | null, body: object) =>
        manager.request('POST', `/api/v1/funds/${fundId}/capital`, body, key === null ? {} : { [IDEMPOTENCY_HEADER]: key });
      const tranche = { amount: '25000000', date: '2026-06-15', memo: 'USEP tahap 2' };
      expect((await add(null, tranche)).body.code).toBe('idempotency.key_required');
      const invalid = await add('cap-0', { amount: '0', memo: 'x' });
      expect(invalid.status).toBe(422);
      expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['amount', 'memo']);
      expect(invalid.body.errors.find((e: { field: string }) => e.field === 'amount').message).toBe('Jumlah harus lebih dari nol.');

      const added = await add('cap-1', tranche);
      expect(added.status).toBe(201);
      expect(added.body.fund).toMatchObject({ code: 'USEP-YK-26', capital: '75000000', cash: '75000000', outstanding: '0' });
      const again = await add('cap-1', tranche);
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body).toEqual(added.body);
      expect((await add('cap-1', { ...tranche, amount: '25000001' })).status).toBe(409);
      expect((await manager.get(`/api/v1/funds/${fundId}`)).body).toMatchObject({ capital: '75000000', cash: '75000000' });
      // The same submission sent twice at once (a double click, a retry racing the first): posted once.
      const raced = await Promise.all([add('cap-race', { ...tranche, amount: '1000' }), add('cap-race', { ...tranche, amount: '1000' })]);
      expect(raced.map((r) => r.status)).toEqual([201, 201]);
      expect(raced[0]?.body.entryId).toBe(raced[1]?.body.entryId);
      expect((await manager.get(`/api/v1/funds/${fundId}`)).body).toMatchObject({ capital: '75001000', cash: '75001000' });

      const entry = (await manager.get(`/api/v1/ledger/entries/${added.body.entryId}`)).body;
      expect(entry).toMatchObject({
        entryDate: '2026-06-15',
        memo: 'Tambahan modal dana USEP-YK-26: USEP tahap 2',
        sourceType: 'fund',
        lines: [
          { accountCode: '1.1.02', debit: '25000000', credit: '0', fundCode: 'USEP-YK-26' },
          { accountCode: '3.2.02', debit: '0', credit: '25000000', fundCode: 'USEP-YK-26' },
        ],
      });
      const tb = await trialBalance();
      expect(tb).toMatchObject({ debit: tb.credit });
      expect(tb.accounts.find((a: { code: string }) => a.code === '3.2.02')).toMatchObject({ credit: '75001000' });
      const audit = await server.database.db
        .selectFrom('audit_log')
        .select(['action', 'entity_id'])
        .where('action', '=', 'fund.capital_add')
        .execute();
      expect(audit).toEqual([
        { action: 'fund.capital_add', entity_id: fundId },
        { action: 'fund.capital_add', entity_id: fundId },
      ]);

      const cashier = new ApiClient(server.url);
      await cashier.login('kasir', DEMO_PASSWORD);
      expect((await cashier.request('POST', `/api/v1/funds/${fundId}/capital`, tranche, { [IDEMPOTENCY_HEADER]: 'cap-2' })).status).toBe(
        403,
      );
      const admin = new ApiClient(server.url);
      await admin.login('admin', DEMO_PASSWORD);
      const bandung = await admin.post('/api/v1/funds', {
        code: 'MODAL-BD',
        name: 'Modal BD',
        kind: 'own_capital',
        source: 'Pendiri',
        officeCode: 'BD01',
      });
      const other = await manager.request('POST', `/api/v1/funds/${bandung.body.id}/capital`, tranche, { [IDEMPOTENCY_HEADER]: 'cap-3' });
      expect(other.status).toBe(404);
      const own = await admin.request('POST', `/api/v1/funds/${bandung.body.id}/capital`, tranche, { [IDEMPOTENCY_HEADER]: 'cap-3' });
      expect(own.body.fund).toMatchObject({ code: 'MODAL-BD', capital: '25000000', cash: '25000000' });
      expect((await admin.get(`/api/v1/ledger/entries/${own.body.entryId}`)).body.lines[1]).toMatchObject({ accountCode: '3.2.01' });
      expect(
        (
          await manager.request('POST', '/api/v1/funds/01900000-0000-7000-8000-000000000000/capital', tranche, {
            [IDEMPOTENCY_HEADER]: 'cap-4',
          })
        ).status,
      ).toBe(404);
    });
  });
}
