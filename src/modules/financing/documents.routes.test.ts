import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDEMPOTENCY_HEADER } from '../../core/idempotency.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { pdfText } from '../../testing/pdf-text.ts';
import { ApiClient, startTestServer, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';

for (const kind of testDatabaseKinds()) {
  describe(`financing documents (PDF) [${kind}]`, () => {
    let server: TestServer;
    let manager: ApiClient;
    let cashier: ApiClient;
    let auditor: ApiClient;
    let groupId: string;
    let member: { id: string; full_name: string };
    let flatId: string;
    let murabahahId: string;
    let repaymentIds: string[];

    /** A PDF as bytes (the test client reads text), with the caller's session. */
    async function pdf(client: ApiClient, path: string) {
      const response = await fetch(`${server.url}${path}`, { headers: client.cookie ? { cookie: client.cookie } : {} });
      const bytes = Buffer.from(await response.arrayBuffer());
      return { status: response.status, type: response.headers.get('content-type'), bytes, text: () => pdfText(bytes) };
    }

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false });
      manager = new ApiClient(server.url);
      await manager.login('manajer', DEMO_PASSWORD);
      cashier = new ApiClient(server.url);
      await cashier.login('kasir', DEMO_PASSWORD);
      auditor = new ApiClient(server.url);
      await auditor.login('auditor', DEMO_PASSWORD);
      // The demo's JKM member group in Kricak (YK01) and one of its members.
      const group = await server.database.db
        .selectFrom('business_group')
        .innerJoin('group_member', 'group_member.group_id', 'business_group.id')
        .innerJoin('person', 'person.id', 'group_member.person_id')
        .select(['business_group.id as group_id', 'person.id', 'person.full_name'])
        .where('business_group.region_code', 'like', '34.71.%')
        .orderBy('person.nik')
        .executeTakeFirstOrThrow();
      groupId = group.group_id;
      member = { id: group.id, full_name: group.full_name };

      for (const product of [
        { code: 'FLAT10', name: 'Modal usaha flat 10%', kind: 'flat', ratePercent: '10' },
        { code: 'MRB20', name: 'Murabahah barang dagangan', kind: 'murabahah', ratePercent: '20' },
      ])
        expect(
          (
            await manager.post('/api/v1/financing/products', {
              ...product,
              frequency: 'monthly',
              minAmount: '1000000',
              maxAmount: '50000000',
              minInstallments: 3,
              maxInstallments: 24,
            })
          ).status,
        ).toBe(201);
      const fund = await manager.post('/api/v1/funds', {
        code: 'LKM-YK',
        name: 'Dana LKM',
        kind: 'own_capital',
        source: 'Modal sendiri',
        officeCode: 'YK01',
        initialCapital: '50000000',
        capitalDate: '2026-01-02',
      });
      expect(fund.status).toBe(201);

      const open = async (productCode: string, principal: string, installments: number) => {
        const applied = await cashier.post('/api/v1/financings', {
          personId: member.id,
          productCode,
          fundCode: 'LKM-YK',
          principal,
          installments,
          purpose: 'Modal warung kelontong',
          groupId,
          appliedOn: '2026-01-05',
        });
        expect(applied.status).toBe(201);
        expect((await manager.post(`/api/v1/financings/${applied.body.id}/approve`, {})).status).toBe(200);
        return applied.body.id as string;
      };
      flatId = await open('FLAT10', '12000000', 12);
      murabahahId = await open('MRB20', '10000000', 10);
      for (const id of [flatId, murabahahId])
        expect((await cashier.post(`/api/v1/financings/${id}/disburse`, { disbursedOn: '2026-01-15', method: 'cash' })).status).toBe(200);
      repaymentIds = [];
      for (const key of ['doc-1', 'doc-2']) {
        const paid = await cashier.request(
          'POST',
          `/api/v1/financings/${flatId}/repayments`,
          { amount: '1100000', paidOn: '2026-02-15' },
          { [IDEMPOTENCY_HEADER]: key },
        );
        expect(paid.status).toBe(201);
        repaymentIds.push(paid.body.id);
      }
      expect(
        (await manager.post(`/api/v1/financings/${flatId}/repayments/${repaymentIds[1]}/reverse`, { reason: 'tercatat dua kali' })).status,
      ).toBe(200);
    });
    afterAll(async () => server.close());

    it('prints the kuitansi with the amount in words, the split and the balance left', async () => {
      const receipt = await pdf(cashier, `/api/v1/financings/${flatId}/repayments/${repaymentIds[0]}/receipt.pdf`);
      expect(receipt.status).toBe(200);
      expect(receipt.type).toBe('application/pdf');
      expect(receipt.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const text = receipt.text();
      expect(text).toContain('KUITANSI PEMBAYARAN ANGSURAN');
      expect(text).toContain('Rp1.100.000');
      expect(text).toContain('satu juta seratus ribu rupiah');
      expect(text).toContain(member.full_name);
      expect(text).toContain('Rp12.100.000');
      expect(text).toContain('15 Februari 2026');
      expect(text).toContain('( Dewi Lestari )');
      expect(text).not.toContain('DIBATALKAN');
    });

    it('stamps a reversed repayment’s kuitansi DIBATALKAN', async () => {
      const text = (await pdf(cashier, `/api/v1/financings/${flatId}/repayments/${repaymentIds[1]}/receipt.pdf`)).text();
      expect(text).toContain('DIBATALKAN');
      expect(text).toContain('tercatat dua kali');
    });

    it('masks the member’s name and NIK for an auditor, and refuses roles outside financing', async () => {
      const text = (await pdf(auditor, `/api/v1/financings/${flatId}/repayments/${repaymentIds[0]}/receipt.pdf`)).text();
      expect(text).not.toContain(member.full_name);
      expect(text).toContain(
        member.full_name
          .split(' ')
          .map((w) => `${w[0]}***`)
          .join(' '),
      );
      expect(text).toMatch(/\d{4}\*{8}\d{4}/);
      const cadre = new ApiClient(server.url);
      await cadre.login('kader', DEMO_PASSWORD);
      expect((await pdf(cadre, `/api/v1/financings/${flatId}/passbook.pdf`)).status).toBe(403);
      expect((await pdf(new ApiClient(server.url), `/api/v1/financings/${flatId}/passbook.pdf`)).status).toBe(401);
    });

    it('answers 404 for a repayment of another financing', async () => {
      const other = await cashier.get(`/api/v1/financings/${murabahahId}`);
      expect(other.status).toBe(200);
      expect((await pdf(cashier, `/api/v1/financings/${murabahahId}/repayments/${repaymentIds[0]}/receipt.pdf`)).status).toBe(404);
    });

    it('prints the surat perjanjian and the akad murabahah with the disclosed cost and margin', async () => {
      const perjanjian = await pdf(manager, `/api/v1/financings/${flatId}/agreement.pdf`);
      expect(perjanjian.status).toBe(200);
      expect(perjanjian.type).toBe('application/pdf');
      expect(perjanjian.text()).toContain('SURAT PERJANJIAN PEMBIAYAAN');
      const akad = await pdf(manager, `/api/v1/financings/${murabahahId}/agreement.pdf`);
      expect(akad.status).toBe(200);
      const text = akad.text();
      expect(text).toContain('AKAD MURABAHAH');
      expect(text).toContain('Rp10.000.000');
      expect(text).toContain('Rp2.000.000');
      expect(text).toContain('Rp12.000.000');
      expect(text).toContain('Kamis, 15 Januari 2026');
    });

    it('prints the kartu angsuran; an application has none yet', async () => {
      const passbook = await pdf(cashier, `/api/v1/financings/${flatId}/passbook.pdf`);
      expect(passbook.status).toBe(200);
      expect(passbook.type).toBe('application/pdf');
      const text = passbook.text();
      expect(text).toContain('KARTU ANGSURAN');
      expect(text).toContain('DIBATALKAN');
      expect(text).toContain('Lunas');
      const applied = await cashier.post('/api/v1/financings', {
        personId: member.id,
        productCode: 'FLAT10',
        fundCode: 'LKM-YK',
        principal: '2000000',
        installments: 6,
        purpose: 'Gerobak',
      });
      const refused = await cashier.request('GET', `/api/v1/financings/${applied.body.id}/passbook.pdf`);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('financing.wrong_status');
    });

    it('prints the group’s collection sheet with what is due by the meeting date', async () => {
      const sheet = await pdf(cashier, `/api/v1/groups/${groupId}/collection-sheet.pdf?date=2026-03-15`);
      expect(sheet.status).toBe(200);
      expect(sheet.type).toBe('application/pdf');
      expect(sheet.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const text = sheet.text();
      expect(text).toContain('LEMBAR TAGIHAN ANGSURAN KELOMPOK');
      expect(text).toContain('Minggu, 15 Maret 2026');
      expect(text).toContain(member.full_name);
      // Flat: instalment 2 due (1.100.000), nothing in arrears; murabahah: 1.200.000 twice.
      expect(text).toContain('1.100.000');
      expect(text).toContain('2.400.000');
      expect((await pdf(cashier, `/api/v1/groups/${groupId}/collection-sheet.pdf?date=15-03-2026`)).status).toBe(422);
      const facilitator = new ApiClient(server.url);
      await facilitator.login('pendamping', DEMO_PASSWORD);
      expect((await pdf(facilitator, `/api/v1/groups/${groupId}/collection-sheet.pdf`)).status).toBe(404);
    });
  });
}
