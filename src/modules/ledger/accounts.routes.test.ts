import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';
import { inactiveAccountRefused } from './ledger.store.ts';

type AccountItem = { code: string; name: string; active: boolean; system: boolean };

for (const kind of testDatabaseKinds()) {
  describe(`keeping the chart of accounts [${kind}]`, () => {
    let server: TestServer;
    let manager: ApiClient;
    let admin: ApiClient;
    let cashier: ApiClient;
    let firstEntryId: string;

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false });
      [manager, admin, cashier] = [new ApiClient(server.url), new ApiClient(server.url), new ApiClient(server.url)];
      await manager.login('manajer', DEMO_PASSWORD); // YK01
      await admin.login('admin', DEMO_PASSWORD);
      await cashier.login('kasir', DEMO_PASSWORD);
    });
    afterAll(async () => server.close());

    const account = async (code: string) =>
      ((await manager.get('/api/v1/ledger/accounts')).body.items as AccountItem[]).find((a) => a.code === code);
    const post = (accountCode: string, amount: string, other = '1.1.02', entryDate = '2026-03-02') =>
      manager.post('/api/v1/ledger/entries', {
        officeCode: 'YK01',
        entryDate,
        memo: `Jurnal ${accountCode}`,
        lines: [
          { accountCode, debit: amount },
          { accountCode: other, credit: amount },
        ],
      });
    const electricity = { parentCode: '5.2', code: '5.2.03', nameId: 'Beban listrik', nameEn: 'Electricity expense' };

    it('marks the accounts the system posts to, and adds an account under a group with the group’s type', async () => {
      expect(await account('1.1.01')).toMatchObject({ active: true, system: true });
      expect(await account('5.2.02')).toMatchObject({ active: true, system: false });

      const created = await manager.post('/api/v1/ledger/accounts', electricity);
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        code: '5.2.03',
        name: 'Beban listrik',
        nameId: 'Beban listrik',
        nameEn: 'Electricity expense',
        type: 'expense',
        parentCode: '5.2',
        postable: true,
        scheme: 'both',
        contra: false,
        active: true,
        system: false,
      });
      const sharia = await admin.post('/api/v1/ledger/accounts', {
        parentCode: '2.2',
        code: '2.2.04',
        nameId: 'Titipan zakat',
        nameEn: 'Zakat held',
        scheme: 'sharia',
      });
      expect(sharia.status).toBe(201);
      expect(sharia.body).toMatchObject({ type: 'liability', scheme: 'sharia' });
      expect((await post('5.2.03', '200000')).status).toBe(201);
    });

    it('refuses a taken code (409 naming it), a code outside its group, a bad group and unknown fields (422 on the field)', async () => {
      const again = await manager.post('/api/v1/ledger/accounts', electricity);
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'ledger.account_code_taken', detail: 'Kode akun 5.2.03 sudah dipakai.' });
      expect(again.body.errors[0].field).toBe('code');
      const sameNumber = await manager.post('/api/v1/ledger/accounts', { ...electricity, code: '5.2.3' });
      expect(sameNumber.status).toBe(409);
      expect(sameNumber.body.errors[0]).toMatchObject({ field: 'code', code: 'ledger.account_code_ambiguous' });
      expect(sameNumber.body.errors[0].message).toContain('5.2.04');

      const cases: [Record<string, unknown>, string, string][] = [
        [{ ...electricity, code: '5.1.09' }, 'code', 'ledger.account_code_not_under_parent'],
        [{ ...electricity, code: '5.2.03.1' }, 'code', 'ledger.account_code_not_under_parent'],
        [{ ...electricity, code: '5.2.1000' }, 'code', 'invalid_format'],
        [{ ...electricity, parentCode: '5.9', code: '5.9.01' }, 'parentCode', 'ledger.account_parent_unknown'],
        [{ ...electricity, parentCode: '5.2.01', code: '5.2.01.01' }, 'parentCode', 'ledger.account_parent_not_group'],
        [{ ...electricity, code: '5.2.05', nameEn: ' ' }, 'nameEn', 'too_small'],
        [{ ...electricity, code: '5.2.05', type: 'income' }, 'type', 'unrecognized_keys'],
        [{ ...electricity, code: '5.2.05', scheme: 'islamic' }, 'scheme', 'invalid_value'],
      ];
      for (const [body, field, code] of cases) {
        const response = await manager.post('/api/v1/ledger/accounts', body);
        expect(response.status, JSON.stringify(body)).toBe(422);
        expect(response.body.errors, JSON.stringify(body)).toContainEqual(expect.objectContaining({ field, code }));
      }
      expect((await manager.get('/api/v1/ledger/accounts')).body.items.map((a: AccountItem) => a.code)).not.toContain('5.2.05');
    });

    it('renames an account (names only; other fields 422, nothing given 422, unknown account 404)', async () => {
      const renamed = await manager.patch('/api/v1/ledger/accounts/5.2.03', { nameId: 'Beban listrik dan air', nameEn: 'Utilities' });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ name: 'Beban listrik dan air', nameEn: 'Utilities', active: true });
      const english = new ApiClient(server.url, { 'accept-language': 'en' });
      await english.login('manajer', DEMO_PASSWORD);
      const listed = (await english.get('/api/v1/ledger/accounts')).body.items as AccountItem[];
      expect(listed.find((a) => a.code === '5.2.03')?.name).toBe('Utilities');
      const typed = await manager.patch('/api/v1/ledger/accounts/5.2.03', { type: 'income' });
      expect(typed.status).toBe(422);
      expect(typed.body.errors[0]).toMatchObject({ field: 'type', code: 'unrecognized_keys' });
      expect((await manager.patch('/api/v1/ledger/accounts/5.2.03', {})).body.errors[0].code).toBe('ledger.account_update_empty');
      expect((await manager.patch('/api/v1/ledger/accounts/5.2.77', { nameId: 'x' })).status).toBe(404);
      // A system account may be renamed.
      expect((await admin.patch('/api/v1/ledger/accounts/1.1.01', { nameId: 'Kas teller (kasir)' })).status).toBe(200);
      expect((await admin.patch('/api/v1/ledger/accounts/1.1.01', { nameId: 'Kas teller' })).status).toBe(200);
    });

    it('refuses to deactivate an account holding a balance (409), then deactivates it once a journal entry moved the balance', async () => {
      const refused = await manager.patch('/api/v1/ledger/accounts/5.2.03', { active: false });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'ledger.account_has_balance' });
      expect(refused.body.detail).toBe(
        'Akun 5.2.03 Beban listrik dan air masih bersaldo (kantor YK01); pindahkan saldonya dengan jurnal dulu, lalu nonaktifkan.',
      );
      expect((await account('5.2.03'))?.active).toBe(true);

      const first = await post('5.2.02', '200000', '5.2.03', '2026-03-03');
      expect(first.status).toBe(201);
      firstEntryId = first.body.id;
      const done = await manager.patch('/api/v1/ledger/accounts/5.2.03', { active: false });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ code: '5.2.03', active: false });
      // A repeat changes nothing (and writes no audit record).
      expect((await manager.patch('/api/v1/ledger/accounts/5.2.03', { active: false })).status).toBe(200);
    });

    it('refuses new postings to an inactive account with a 422 naming it, while its history stays in the reports', async () => {
      const manual = await post('5.2.03', '50000');
      expect(manual.status).toBe(422);
      expect(manual.body).toMatchObject({
        code: 'ledger.account_inactive',
        detail: 'Akun 5.2.03 Beban listrik dan air nonaktif: tidak menerima jurnal baru. Aktifkan kembali akunnya atau pilih akun lain.',
      });
      expect(manual.body.errors[0].field).toBe('lines.0.accountCode');
      // Reversing the entry that moved its balance would post to it again: refused by postEntry.
      const reversal = await manager.post(`/api/v1/ledger/entries/${firstEntryId}/reverse`, { reason: 'salah akun' });
      expect(reversal.status).toBe(422);
      expect(reversal.body).toMatchObject({ code: 'ledger.account_inactive', errors: [{ field: 'lines' }] });

      const statement = await manager.get('/api/v1/ledger/accounts/5.2.03/statement?from=2026-01-01&to=2026-12-31');
      expect(statement.status).toBe(200);
      expect(statement.body.account).toMatchObject({ active: false });
      expect(statement.body.lines.map((l: { balance: string }) => l.balance)).toEqual(['200000', '0']);
      const tb = (await manager.get('/api/v1/ledger/trial-balance?asOf=2026-12-31')).body;
      expect(tb.accounts.find((a: { code: string }) => a.code === '5.2.03')).toMatchObject({ debit: '0', credit: '0' });
      expect(tb.debit).toBe(tb.credit);
      const income = (await manager.get('/api/v1/ledger/income-statement?from=2026-03-01&to=2026-03-02&office=YK01')).body;
      expect(JSON.stringify(income)).toContain('5.2.03');
    });

    it('has the database refuse a line to an inactive account, naming it', async () => {
      const attempt = server.database.db.transaction().execute(async (tx) => {
        const [office] = (await sql<{ id: string }>`SELECT id FROM office WHERE code = 'YK01'`.execute(tx)).rows;
        const id = '01900000-0000-7000-8000-00000000a001';
        await sql`INSERT INTO journal_entry (id, office_id, entry_date, memo, source_type, created_by)
          VALUES (${id}, ${office?.id}, '2026-03-04', 'langsung', 'manual', 'test')`.execute(tx);
        await sql`INSERT INTO journal_line (entry_id, line_no, account_code, office_id, entry_date, debit, credit) VALUES
          (${id}, 1, '5.2.03', ${office?.id}, '2026-03-04', 1000, 0),
          (${id}, 2, '1.1.02', ${office?.id}, '2026-03-04', 0, 1000)`.execute(tx);
      });
      const error = await attempt.then(
        () => null,
        (e: unknown) => e,
      );
      expect(String(error)).toContain('account 5.2.03 is inactive: it takes no new postings');
      expect(inactiveAccountRefused(error)).toBe('5.2.03');
    });

    it('refuses to deactivate an account the system posts to, or a group with active accounts (409)', async () => {
      for (const code of ['1.1.01', '1.2.09', '5.1.01', '4.2.01', '5.2.01']) {
        const response = await admin.patch(`/api/v1/ledger/accounts/${code}`, { active: false });
        expect(response.status, code).toBe(409);
        expect(response.body.code).toBe('ledger.account_used_by_system');
        expect(response.body.detail).toContain(code);
      }
      const english = new ApiClient(server.url, { 'accept-language': 'en' });
      await english.login('admin', DEMO_PASSWORD);
      expect((await english.patch('/api/v1/ledger/accounts/1.1.01', { active: false })).body.detail).toBe(
        'Account 1.1.01 Teller cash is used by the system (cash, financing, savings, contributions, fund capital) and cannot be deactivated.',
      );
      const group = await admin.patch('/api/v1/ledger/accounts/1.3', { active: false });
      expect(group.status).toBe(409);
      expect(group.body).toMatchObject({ code: 'ledger.account_has_active_children', params: { children: '1.3.01, 1.3.02' } });
    });

    it('deactivates a whole unused group; nothing is added or reactivated under it until it is active again', async () => {
      for (const code of ['1.3.01', '1.3.02', '1.3'])
        expect((await admin.patch(`/api/v1/ledger/accounts/${code}`, { active: false })).status).toBe(200);
      const under = await admin.post('/api/v1/ledger/accounts', {
        parentCode: '1.3',
        code: '1.3.03',
        nameId: 'Piutang lain',
        nameEn: 'Other',
      });
      expect(under.status).toBe(422);
      expect(under.body.errors[0]).toMatchObject({ field: 'parentCode', code: 'ledger.account_parent_inactive' });
      const child = await admin.patch('/api/v1/ledger/accounts/1.3.01', { active: true });
      expect(child.status).toBe(409);
      expect(child.body.code).toBe('ledger.account_parent_inactive');
      for (const code of ['1.3', '1.3.01', '1.3.02'])
        expect((await admin.patch(`/api/v1/ledger/accounts/${code}`, { active: true })).status).toBe(200);
    });

    it('reactivates an account, which takes postings again', async () => {
      const back = await manager.patch('/api/v1/ledger/accounts/5.2.03', { active: true });
      expect(back.status).toBe(200);
      expect(back.body.active).toBe(true);
      expect((await post('5.2.03', '75000')).status).toBe(201);
    });

    it('settles a deactivation racing a posting: the posting lands and the deactivation is refused, or the posting is refused', async () => {
      for (let i = 1; i <= 6; i++) {
        const code = `5.2.${10 + i}`;
        expect((await manager.post('/api/v1/ledger/accounts', { ...electricity, code })).status).toBe(201);
        const [posting, deactivation] = await Promise.all([
          post(code, '1000'),
          admin.patch(`/api/v1/ledger/accounts/${code}`, { active: false }),
        ]);
        expect([
          [201, 409],
          [422, 200],
        ]).toContainEqual([posting.status, deactivation.status]);
        const statement = await manager.get(`/api/v1/ledger/accounts/${code}/statement?from=2026-01-01&to=2026-12-31`);
        expect(statement.body.lines.length).toBe(posting.status === 201 ? 1 : 0);
        expect(statement.body.account.active).toBe(posting.status === 201);
      }
    });

    it('lets only the ledger keepers change the chart (403 for a cashier)', async () => {
      expect((await cashier.get('/api/v1/ledger/accounts')).status).toBe(200);
      expect((await cashier.post('/api/v1/ledger/accounts', { ...electricity, code: '5.2.09' })).status).toBe(403);
      expect((await cashier.patch('/api/v1/ledger/accounts/5.2.03', { active: false })).status).toBe(403);
      expect((await cashier.patch('/api/v1/ledger/accounts/5.2.03', { nameId: 'x' })).status).toBe(403);
      expect(await account('5.2.09')).toBeUndefined();
    });

    it('audits every change with before and after', async () => {
      const trail = await admin.get('/api/v1/audit?entityType=ledger_account&limit=100');
      expect(trail.status).toBe(200);
      const records = (trail.body.items as { action: string; entityId: string; actor: string; before: unknown; after: unknown }[])
        .filter((r) => r.entityId === '5.2.03')
        .reverse();
      expect(records.map((r) => r.action)).toEqual([
        'ledger.account_create',
        'ledger.account_rename',
        'ledger.account_deactivate',
        'ledger.account_activate',
      ]);
      expect(records[0]).toMatchObject({ actor: 'manajer', before: null, after: { code: '5.2.03', type: 'expense', parent_code: '5.2' } });
      expect(records[1]).toMatchObject({
        before: { name_id: 'Beban listrik', name_en: 'Electricity expense' },
        after: { name_id: 'Beban listrik dan air', name_en: 'Utilities' },
      });
      expect(records[2]).toMatchObject({ before: { active: true }, after: { active: false } });
      expect(records[3]).toMatchObject({ before: { active: false }, after: { active: true } });
    });
  });
}
