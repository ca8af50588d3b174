import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDEMPOTENCY_HEADER } from '../../core/idempotency.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';

for (const kind of testDatabaseKinds()) {
  describe(`the audit trail in words and as files [${kind}]`, () => {
    let server: TestServer;
    let admin: ApiClient;
    let auditor: ApiClient;

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false });
      admin = new ApiClient(server.url);
      await admin.login('admin', DEMO_PASSWORD);
      auditor = new ApiClient(server.url);
      await auditor.login('auditor', DEMO_PASSWORD);
      const created = await admin.post('/api/v1/users', {
        username: 'siti.audit',
        fullName: 'Siti Aminah',
        role: 'cashier',
        password: 'rahasia-sekali-1',
        officeCodes: ['YK01'],
      });
      expect(created.status).toBe(201);
    });
    afterAll(async () => server.close());

    const file = async (client: ApiClient, path: string, language = 'id') => {
      const response = await fetch(`${server.url}${path}`, { headers: { cookie: client.cookie ?? '', 'accept-language': language } });
      return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
    };

    it('exports the filtered trail as CSV with actions and record types in the reader’s language', async () => {
      const csv = await file(admin, '/api/v1/audit/export.csv?entityType=user');
      expect(csv.status).toBe(200);
      expect(csv.type).toContain('text/csv');
      const lines = csv.text.replace(/^\uFEFF/, '').split('\n');
      expect(lines[0]).toBe('Waktu (UTC),Pelaku,Tindakan,Kode tindakan,Jenis data,ID data,Wilayah,Perubahan');
      // Who acted, by full name: the demo admin is Rina Kartikasari.
      expect(lines.some((line) => line.includes(',Rina Kartikasari,Pengguna dibuat,user.create,Pengguna,'))).toBe(true);
      expect(lines.some((line) => line.includes(',admin,'))).toBe(false);
      expect(csv.text).toContain('fullName: — → Siti Aminah');
      // Who acted by name, a system actor in words: never a username or `system:…`.
      expect(lines.some((line) => line.includes(',Sistem,Pengguna dibuat,'))).toBe(true);
      expect(csv.text).not.toContain('system:');
      expect(lines.some((line) => line.includes('financing.repay'))).toBe(false);

      const english = await file(admin, '/api/v1/audit/export.csv?entityType=user', 'en');
      expect(english.text).toContain(',Rina Kartikasari,User created,user.create,User,');
    });

    it('writes money in rupiah, filtered by record type and period', async () => {
      const fund = await admin.post('/api/v1/funds', {
        code: 'AUDIT-YK-26',
        name: 'Dana uji jejak audit',
        kind: 'stimulus',
        source: 'APBD',
        officeCode: 'YK01',
        initialCapital: '50000000',
        capitalDate: '2026-01-10',
      });
      const fundId = (fund.body as { id: string }).id;
      const added = await admin.request(
        'POST',
        `/api/v1/funds/${fundId}/capital`,
        { amount: '25000000', date: '2026-06-15', memo: 'Uji jejak audit' },
        {
          [IDEMPOTENCY_HEADER]: 'audit-capital-1',
        },
      );
      expect(added.status).toBe(201);
      const trail = (await admin.get(`/api/v1/audit?entityType=fund&entityId=${fundId}`)).body as {
        items: { at: string; action: string }[];
      };
      const day = trail.items.find((item) => item.action === 'fund.capital_add')?.at.slice(0, 10) ?? '';
      const csv = await file(admin, `/api/v1/audit/export.csv?entityType=fund&from=${day}&to=${day}`);
      expect(csv.text).toContain(`,Rina Kartikasari,Modal dana ditambah,fund.capital_add,Dana,${fundId},`);
      expect(csv.text).toContain('amount: — → Rp25.000.000');
      expect(csv.text).not.toContain('Pengguna dibuat');
      const before = await file(admin, '/api/v1/audit/export.csv?entityType=fund&to=2000-01-01');
      expect(
        before.text
          .replace(/^\uFEFF/, '')
          .trim()
          .split('\n'),
      ).toHaveLength(1);
    });

    it('masks names for the auditor, in the list and in the Excel file', async () => {
      const csv = await file(auditor, '/api/v1/audit/export.csv?entityType=user');
      expect(csv.text).not.toContain('Siti Aminah');
      expect(csv.text).toContain('fullName: — → S*** A***');
      const list = (await auditor.get('/api/v1/audit?entityType=user')).body as { items: { after: { fullName?: string } }[] };
      expect(list.items.map((item) => item.after?.fullName).filter(Boolean)).toContain('S*** A***');
      const xlsx = await fetch(`${server.url}/api/v1/audit/export.xlsx?entityType=user`, { headers: { cookie: auditor.cookie ?? '' } });
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
      const bytes = Buffer.from(await xlsx.arrayBuffer());
      expect(bytes.subarray(0, 2).toString()).toBe('PK');
    });

    it('refuses the file to roles that may not read the trail, and a bad date on its field', async () => {
      const cashier = new ApiClient(server.url);
      await cashier.login('kasir', DEMO_PASSWORD);
      expect((await file(cashier, '/api/v1/audit/export.csv')).status).toBe(403);
      const bad = await file(admin, '/api/v1/audit/export.csv?from=2026-02-31');
      expect(bad.status).toBe(422);
      expect(bad.text).toContain('from');
    });
  });
}
