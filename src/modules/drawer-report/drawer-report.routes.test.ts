import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { IDEMPOTENCY_HEADER } from '../../core/idempotency.ts';
import { maskName } from '../../core/mask.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { FLAT_PRODUCT_WITH_PENALTY, YOGYA_FUND } from '../../testing/financing-fixtures.ts';
import { pdfText } from '../../testing/pdf-text.ts';
import { ApiClient, startTestServer, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';

// 09:00 WIB on Friday 20 March 2026.
const TODAY = '2026-03-20';

for (const kind of testDatabaseKinds()) {
  describe(`a drawer's day in detail and its end-of-day report [${kind}]`, () => {
    let server: TestServer;
    let manager: ApiClient;
    let cashier: ApiClient;
    let drawerId: string;
    let memberName: string;
    let keys = 0;
    const key = () => ({ [IDEMPOTENCY_HEADER]: `report-${kind}-${++keys}` });

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false, clock: fixedClock(new Date(`${TODAY}T02:00:00Z`)) });
      [manager, cashier] = [new ApiClient(server.url), new ApiClient(server.url)];
      await manager.login('manajer', DEMO_PASSWORD); // Budi Santoso, YK01
      await cashier.login('kasir', DEMO_PASSWORD); // Dewi Lestari, YK01
      const admin = new ApiClient(server.url);
      await admin.login('admin', DEMO_PASSWORD);
      const renamed = await admin.patch('/api/v1/organisation', { name: 'KSP Jaring Sejahtera', address: 'Jl. Malioboro 10, Yogyakarta' });
      expect(renamed.status).toBe(200);
      const person = await server.database.db
        .selectFrom('person')
        .select(['id', 'full_name'])
        .where('village_code', 'like', '34.71.%')
        .where('relation', '=', 'head')
        .orderBy('nik')
        .executeTakeFirstOrThrow();
      memberName = person.full_name;
      expect((await manager.post('/api/v1/financing/products', FLAT_PRODUCT_WITH_PENALTY)).status).toBe(201);
      await manager.post('/api/v1/funds', YOGYA_FUND);
      const applied = await cashier.post('/api/v1/financings', {
        personId: person.id,
        productCode: 'FLAT10D',
        fundCode: 'DANA-YK',
        principal: '6000000',
        installments: 6,
        purpose: 'Modal usaha',
        appliedOn: '2026-01-05',
      });
      expect((await manager.post(`/api/v1/financings/${applied.body.id}/approve`, {})).status).toBe(200);
      await cashier.post(`/api/v1/financings/${applied.body.id}/disburse`, { disbursedOn: '2026-01-15', method: 'transfer' });

      const opened = await cashier.post('/api/v1/cash-drawers', { openingFloat: '1000000' });
      drawerId = opened.body.id;
      const move = (body: Record<string, unknown>) => cashier.request('POST', `/api/v1/cash-drawers/${drawerId}/movements`, body, key());
      expect((await move({ direction: 'in', purpose: 'capital_top_up', amount: '2000000', memo: 'Setoran modal pengurus' })).status).toBe(
        201,
      );
      expect((await move({ direction: 'in', purpose: 'other_income', amount: '150000', memo: 'Sewa tenda' })).status).toBe(201);
      expect((await move({ direction: 'out', purpose: 'office_expense', amount: '75500', memo: 'Beli materai' })).status).toBe(201);
      const repaid = await cashier.request(
        'POST',
        `/api/v1/financings/${applied.body.id}/repayments`,
        { amount: '1050000', channel: 'counter' },
        key(),
      );
      expect(repaid.status).toBe(201);
    });
    afterAll(async () => server.close());

    const pdf = async (client: ApiClient, path: string) => {
      const response = await fetch(`${server.url}${path}`, { headers: client.cookie ? { cookie: client.cookie } : {} });
      return { status: response.status, type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) };
    };

    it('posts each purpose to its account: capital 3.2.01, other income 4.2.05, office expense 5.2.02', async () => {
      const tb = (await manager.get(`/api/v1/ledger/trial-balance?asOf=${TODAY}`)).body;
      expect(tb.debit).toBe(tb.credit);
      const account = (code: string) => tb.accounts.find((a: { code: string }) => a.code === code);
      expect(account('4.2.05')).toMatchObject({ name: 'Pendapatan lain-lain', debit: '0', credit: '150000' });
      expect(account('5.2.02')).toMatchObject({ debit: '75500', credit: '0' });
      // The fund's own capital of Rp20.000.000 and the top-up at the drawer.
      expect(account('3.2.01')).toMatchObject({ debit: '0', credit: '22000000' });
    });

    it('prints no end-of-day report while the drawer is open (409)', async () => {
      const open = await pdf(cashier, `/api/v1/cash-drawers/${drawerId}/report.pdf`);
      expect(open.status).toBe(409);
      expect(JSON.parse(open.bytes.toString()).code).toBe('cash_drawer.not_closed');
    });

    it('refuses a count by denomination that does not come to the counted cash (422), then closes Rp500 short', async () => {
      const close = (body: Record<string, unknown>) => cashier.request('POST', `/api/v1/cash-drawers/${drawerId}/close`, body, key());
      const pieces = [
        { value: 100000, pieces: 41 },
        { value: 20000, pieces: 1 },
        { value: 2000, pieces: 2 },
      ];
      const wrong = await close({ countedCash: '4124500', denominations: pieces, note: 'Uang receh kurang' });
      expect(wrong.status).toBe(422);
      expect(wrong.body.errors[0]).toMatchObject({ field: 'denominations', code: 'cash_drawer.pieces_mismatch' });
      expect(wrong.body.errors[0].message).toBe(
        'Hitungan per pecahan berjumlah Rp4.124.000, tidak sama dengan uang yang dihitung Rp4.124.500.',
      );
      const unknownNote = await close({ countedCash: '75000', denominations: [{ value: 75000, pieces: 1 }] });
      expect(unknownNote.status).toBe(422);
      const closed = await close({ countedCash: '4124000', denominations: pieces, note: 'Uang receh kurang' });
      expect(closed.status).toBe(200);
      // 1.000.000 + 2.000.000 + 150.000 + 1.050.000 − 75.500
      expect(closed.body).toMatchObject({ expectedCash: '4124500', countedCash: '4124000', difference: '-500' });
    });

    it('shows the day line by line, naming the member and the people in full', async () => {
      const report = await cashier.get(`/api/v1/cash-drawers/${drawerId}/report`);
      expect(report.status).toBe(200);
      expect(report.body).toMatchObject({
        organisation: { name: 'KSP Jaring Sejahtera', address: 'Jl. Malioboro 10, Yogyakarta' },
        office: { code: 'YK01' },
        cashierName: 'Dewi Lestari',
        supervisorName: 'Budi Santoso',
        openedByName: 'Dewi Lestari',
        closedByName: 'Dewi Lestari',
        openingFloat: '1000000',
        receipts: { count: 3, total: '3200000' },
        payments: { count: 1, total: '75500' },
        expectedCash: '4124500',
        countedCash: '4124000',
        difference: '-500',
        closingNote: 'Uang receh kurang',
        countedPieces: [
          { value: 100000, pieces: 41, subtotal: '4100000' },
          { value: 20000, pieces: 1, subtotal: '20000' },
          { value: 2000, pieces: 2, subtotal: '4000' },
        ],
      });
      const lines = report.body.movements.map((m: Record<string, unknown>) => [
        m.direction,
        m.amount,
        m.purpose,
        m.memberName,
        m.recordedByName,
      ]);
      expect(lines).toEqual([
        ['in', '2000000', 'capital_top_up', null, 'Dewi Lestari'],
        ['in', '150000', 'other_income', null, 'Dewi Lestari'],
        ['out', '75500', 'office_expense', null, 'Dewi Lestari'],
        ['in', '1050000', null, memberName, 'Dewi Lestari'],
        ['out', '500', null, null, 'Dewi Lestari'],
      ]);
      // An auditor reads the same day with the member's name masked, as in every export.
      const auditor = new ApiClient(server.url);
      await auditor.login('auditor', DEMO_PASSWORD);
      const audited = await auditor.get(`/api/v1/cash-drawers/${drawerId}/report`);
      expect(audited.body.movements[3].memberName).toBe(maskName(memberName));
      // Out of scope and unknown answer alike.
      const facilitator = new ApiClient(server.url);
      await facilitator.login('pendamping', DEMO_PASSWORD);
      expect((await facilitator.get(`/api/v1/cash-drawers/${drawerId}/report`)).status).toBe(403);
      expect((await manager.get('/api/v1/cash-drawers/01900000-0000-7000-8000-000000000000/report')).status).toBe(404);
    });

    it('prints the end-of-day report: letterhead, date in Indonesian, every line, denominations, difference and signatures by name', async () => {
      const printed = await pdf(manager, `/api/v1/cash-drawers/${drawerId}/report.pdf`);
      expect(printed.status).toBe(200);
      expect(printed.type).toBe('application/pdf');
      const text = pdfText(printed.bytes);
      for (const expected of [
        'KSP JARING SEJAHTERA',
        'Jl. Malioboro 10, Yogyakarta',
        'LAPORAN KAS AKHIR HARI',
        'Jumat, 20 Maret 2026',
        'Kas awal',
        'Rp1.000.000',
        'Penerimaan (3 transaksi)',
        'Rp3.200.000',
        'Pengeluaran (1 transaksi)',
        'Rp75.500',
        'Kas seharusnya',
        'Rp4.124.500',
        'Kas dihitung',
        'Rp4.124.000',
        'Kurang Rp500',
        'Uang receh kurang',
        'Tambahan modal: Setoran modal pengurus',
        'Pendapatan lain-lain: Sewa tenda',
        'Biaya operasional kantor',
        memberName,
        'Rp1.050.000',
        'Rp4.100.000',
        '20 Maret 2026',
        'Dewi Lestari',
        'Budi Santoso',
        'Kepala kantor',
      ])
        expect(text).toContain(expected);
      // People by name, never by username.
      expect(text).not.toMatch(/\bkasir\b|\bmanajer\b/);
    });
  });
}
