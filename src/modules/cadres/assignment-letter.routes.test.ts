import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { pdfText } from '../../testing/pdf-text.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD, fillDemo } from '../demo/index.ts';

// 10.04.05 WIB on Tuesday 10 March 2026.
const NOW = new Date('2026-03-10T03:04:05Z');
const VILLAGE = '34.71.01.1001';

for (const kind of testDatabaseKinds()) {
  describe(`a cadre's assignment letter and the public card check [${kind}]`, () => {
    let server: TestServer;
    let manager: ApiClient;
    let admin: ApiClient;
    let cadreId: string;
    let person: { full_name: string; nik: string };
    let villageName: string;
    let token: string;
    const clock = fixedClock(NOW);

    beforeAll(async () => {
      server = await startTestServer(kind, { serveWeb: false, clock });
      await fillDemo(systemTestContext(server.database, clock));
      [manager, admin] = [new ApiClient(server.url), new ApiClient(server.url)];
      await manager.login('manajer', DEMO_PASSWORD); // Budi Santoso, YK01
      await admin.login('admin', DEMO_PASSWORD);
      const saved = await admin.patch('/api/v1/organisation', {
        name: 'KSP Jaring Sejahtera',
        address: 'Jl. Malioboro 10, Yogyakarta',
        reportContact: '0274 555 123',
      });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ address: 'Jl. Malioboro 10, Yogyakarta', reportContact: '0274 555 123' });
      const db = server.database.db;
      const row = await db
        .selectFrom('person')
        .select(['id', 'full_name', 'nik'])
        .where('village_code', '=', VILLAGE)
        .where('birth_date', '<', '2000-01-01')
        .where('id', 'not in', (q) => q.selectFrom('cadre').select('person_id'))
        .orderBy('nik')
        .executeTakeFirstOrThrow();
      person = row;
      villageName = (await db.selectFrom('region').select('name').where('code', '=', VILLAGE).executeTakeFirstOrThrow()).name;
      const registered = await manager.post('/api/v1/cadres', {
        personId: row.id,
        officeCode: 'YK01',
        phone: '081234567890',
        letterNumber: '015/ST/KC-YK/III/2026',
        letterDate: '2026-03-01',
        signedBy: 'Kepala Kantor Cabang Yogyakarta',
        validUntil: '2027-02-28',
        villageCodes: [VILLAGE],
      });
      expect(registered.status).toBe(201);
      cadreId = registered.body.id;
    });
    afterAll(async () => server.close());

    const fetchPdf = async (client: ApiClient, path: string) => {
      const response = await fetch(`${server.url}${path}`, { headers: client.cookie ? { cookie: client.cookie } : {} });
      return { status: response.status, type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) };
    };

    it('prints the surat tugas: letterhead, number, name, NIK, villages, period, signed by the office head by name', async () => {
      const letter = await fetchPdf(manager, `/api/v1/cadres/${cadreId}/assignment-letter.pdf`);
      expect(letter.status).toBe(200);
      expect(letter.type).toBe('application/pdf');
      const text = pdfText(letter.bytes);
      for (const expected of [
        'KSP JARING SEJAHTERA',
        'Jl. Malioboro 10, Yogyakarta',
        'Telepon/WhatsApp: 0274 555 123',
        'SURAT TUGAS',
        'Nomor: 015/ST/KC-YK/III/2026',
        person.full_name,
        person.nik,
        'Kader JKN-KIS',
        `${villageName} (${VILLAGE})`,
        'Masa tugas: 1 Maret 2026 sampai dengan 28 Februari 2027.',
        'Kepala Kantor Cabang Yogyakarta,',
        'Budi Santoso',
      ])
        expect(text).toContain(expected);
      expect(text).not.toContain('manajer');
      // Printed by managers and admins only; unknown cadres are not found.
      const supervisor = new ApiClient(server.url);
      await supervisor.login('pembina', DEMO_PASSWORD);
      expect((await fetchPdf(supervisor, `/api/v1/cadres/${cadreId}/assignment-letter.pdf`)).status).toBe(403);
      expect((await fetchPdf(manager, '/api/v1/cadres/01900000-0000-7000-8000-000000000000/assignment-letter.pdf')).status).toBe(404);
    });

    it('names the organisation, the server time of the check to the second, and the number to report a fake card to', async () => {
      const card = await manager.post(`/api/v1/cadres/${cadreId}/card`);
      token = card.body.token as string;
      const check = await new ApiClient(server.url).get(`/api/v1/public/cadres/verify/${token}`);
      expect(check.body).toMatchObject({
        valid: true,
        status: 'active',
        organisation: 'KSP Jaring Sejahtera',
        reportContact: '0274 555 123',
        checkedAt: '2026-03-10T03:04:05.000Z',
      });
      const page = async () => (await fetch(`${server.url}/v/${token}`)).text();
      const first = await page();
      expect(first).toContain('KSP Jaring Sejahtera');
      expect(first).toContain('Diperiksa pada <strong>Selasa, 10 Maret 2026 pukul 10.04.05 WIB</strong>');
      expect(first).toContain('<a href="tel:0274555123">0274 555 123</a>');
      expect(first).toContain('Berlaku sampai');
      clock.advance(7_000);
      expect(await page()).toContain('pukul 10.04.12 WIB');
    });

    it('shows a revoked card as revoked only: no "Berlaku sampai", and no assignment letter (409)', async () => {
      const revoked = await manager.patch(`/api/v1/cadres/${cadreId}/status`, {
        status: 'revoked',
        reason: 'Menerima iuran tanpa tanda terima',
      });
      expect(revoked.status).toBe(200);
      const html = await (await fetch(`${server.url}/v/${token}`)).text();
      expect(html).toContain('AWAS: KARTU DICABUT');
      expect(html).toContain('Dicabut: bukan kader lagi');
      expect(html).not.toContain('Berlaku sampai');
      expect(html).toContain('KSP Jaring Sejahtera');
      const letter = await fetchPdf(manager, `/api/v1/cadres/${cadreId}/assignment-letter.pdf`);
      expect(letter.status).toBe(409);
    });
  });
}
