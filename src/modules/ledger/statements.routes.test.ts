import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';

type Row = { code: string | null; name: string; level: number; kind: string; contra: boolean; amount: string };

for (const kind of testDatabaseKinds()) {
  describe(`balance sheet and income statement [${kind}]`, () => {
    let server: TestServer;
    let manager: ApiClient;

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false });
      manager = new ApiClient(server.url);
      await manager.login('manajer', DEMO_PASSWORD); // YK01
      const fund = await manager.post('/api/v1/funds', {
        code: 'USEP-YK-26',
        name: 'Stimulus USEP Kota Yogyakarta 2026',
        kind: 'stimulus',
        source: 'APBD Kota Yogyakarta 2026',
        officeCode: 'YK01',
        initialCapital: '50000000',
        capitalDate: '2026-01-10',
      });
      expect(fund.status).toBe(201);
      const expense = await manager.post('/api/v1/ledger/entries', {
        officeCode: 'YK01',
        entryDate: '2026-02-01',
        memo: 'Biaya ATK Februari',
        lines: [
          { accountCode: '5.2.02', debit: '150000' },
          { accountCode: '1.1.02', credit: '150000', fundCode: 'USEP-YK-26' },
        ],
      });
      expect(expense.status).toBe(201);
    });
    afterAll(async () => server.close());

    const download = async (path: string) => {
      const response = await fetch(`${server.url}${path}`, { headers: { cookie: manager.cookie ?? '' } });
      return { status: response.status, type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) };
    };

    it('balances assets against liabilities + equity with the year’s loss as its own line', async () => {
      const response = await manager.get('/api/v1/ledger/balance-sheet?asOf=2026-12-31&office=YK01');
      expect(response.status).toBe(200);
      const sheet = response.body;
      expect(sheet).toMatchObject({
        asOf: '2026-12-31',
        office: { code: 'YK01' },
        assets: { code: '1', name: 'Aset', total: '49850000' },
        liabilities: { total: '0', rows: [] },
        equity: { total: '49850000' },
        currentProfit: '-150000',
        liabilitiesAndEquity: '49850000',
        balanced: true,
      });
      expect(sheet.assets.rows.map((r: Row) => [r.code, r.level, r.kind, r.amount])).toEqual([
        ['1.1', 1, 'header', '49850000'],
        ['1.1.02', 2, 'account', '49850000'],
      ]);
      expect(sheet.equity.rows.map((r: Row) => [r.code, r.name, r.amount])).toEqual([
        ['3.2', 'Modal dana', '50000000'],
        ['3.2.02', 'Dana hibah / stimulus (dana bergulir)', '50000000'],
        [null, 'Laba/rugi tahun berjalan', '-150000'],
      ]);
      // Before the expense there was no loss; before the fund, nothing at all.
      expect((await manager.get('/api/v1/ledger/balance-sheet?asOf=2026-01-31')).body).toMatchObject({
        assets: { total: '50000000' },
        currentProfit: '0',
      });
      expect((await manager.get('/api/v1/ledger/balance-sheet?asOf=2026-01-09')).body.assets).toEqual({
        code: '1',
        name: 'Aset',
        rows: [],
        total: '0',
      });
      const english = await manager.request('GET', '/api/v1/ledger/balance-sheet?asOf=2026-12-31', undefined, { 'accept-language': 'en' });
      expect(english.body.equity.rows.at(-1).name).toBe('Current year profit/loss');
    });

    it('reports income, expenses and the net of a period', async () => {
      const year = await manager.get('/api/v1/ledger/income-statement?from=2026-01-01&to=2026-12-31&office=YK01');
      expect(year.status).toBe(200);
      expect(year.body).toMatchObject({
        income: { name: 'Pendapatan', total: '0', rows: [] },
        expenses: {
          name: 'Beban',
          total: '150000',
          rows: [
            { code: '5.2', kind: 'header', amount: '150000' },
            { code: '5.2.02', kind: 'account', amount: '150000' },
          ],
        },
        netProfit: '-150000',
      });
      expect((await manager.get('/api/v1/ledger/income-statement?from=2026-03-01&to=2026-12-31')).body.netProfit).toBe('0');
      expect((await manager.get('/api/v1/ledger/income-statement?from=2026-12-31&to=2026-01-01')).status).toBe(422);
    });

    it('shows a contra account as a negative under its group', async () => {
      const provision = await manager.post('/api/v1/ledger/entries', {
        officeCode: 'YK01',
        entryDate: '2026-03-31',
        memo: 'PPAP triwulan I',
        lines: [
          { accountCode: '5.1.01', debit: '100000' },
          { accountCode: '1.2.09', credit: '100000' },
        ],
      });
      expect(provision.status).toBe(201);
      const sheet = (await manager.get('/api/v1/ledger/balance-sheet?asOf=2026-12-31')).body;
      expect(sheet.assets.rows.filter((r: Row) => r.code?.startsWith('1.2'))).toEqual([
        { code: '1.2', name: 'Pembiayaan yang diberikan', level: 1, kind: 'header', contra: false, amount: '-100000' },
        { code: '1.2.09', name: 'Cadangan kerugian pembiayaan (PPAP)', level: 2, kind: 'account', contra: true, amount: '-100000' },
      ]);
      expect(sheet).toMatchObject({ currentProfit: '-250000', liabilitiesAndEquity: '49750000', balanced: true });
      expect(sheet.assets.total).toBe('49750000');
      await manager.post(`/api/v1/ledger/entries/${provision.body.id}/reverse`, { reason: 'uji', entryDate: '2026-03-31' });
    });

    it('prints the statements as PDF and Excel with the figures', async () => {
      const pdf = await download('/api/v1/ledger/balance-sheet.pdf?asOf=2026-12-31&office=YK01');
      expect(pdf.status).toBe(200);
      expect(pdf.type).toBe('application/pdf');
      expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const incomePdf = await download('/api/v1/ledger/income-statement.pdf?from=2026-01-01&to=2026-12-31');
      expect(incomePdf.status).toBe(200);
      expect(incomePdf.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');

      const xlsx = await download('/api/v1/ledger/balance-sheet.xlsx?asOf=2026-12-31&office=YK01');
      expect(xlsx.status).toBe(200);
      expect(xlsx.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      if (!sheet) throw new Error('no sheet');
      const rows: unknown[][] = [];
      sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      expect(rows.slice(0, 4).map((r) => r[0])).toEqual([
        'JKM Demo — Jaringan Kesejahteraan Masyarakat',
        'NERACA',
        'Per Kamis, 31 Desember 2026',
        expect.stringMatching(/^Kantor YK01 — /),
      ]);
      const byText = (text: string) => rows.find((r) => r[1] === text);
      expect(byText('Kas di bank')).toEqual(['1.1.02', 'Kas di bank', 49_850_000]);
      expect(byText('Laba/rugi tahun berjalan')?.[2]).toBe(-150_000);
      expect(byText('JUMLAH ASET')?.[2]).toBe(49_850_000);
      expect(byText('JUMLAH KEWAJIBAN DAN EKUITAS')?.[2]).toBe(49_850_000);
      expect(sheet.getCell(`C${rows.findIndex((r) => r[1] === 'JUMLAH ASET') + 1}`).numFmt).toContain('Rp');

      const income = new ExcelJS.Workbook();
      await income.xlsx.load(
        (await download('/api/v1/ledger/income-statement.xlsx?from=2026-01-01&to=2026-12-31')).bytes as unknown as ArrayBuffer,
      );
      const values: unknown[][] = [];
      income.worksheets[0]?.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
      expect(values.find((r) => r[1] === 'LABA (RUGI) BERSIH')?.[2]).toBe(-150_000);
    });

    it('keeps statements to ledger readers and their offices', async () => {
      const facilitator = new ApiClient(server.url);
      await facilitator.login('pendamping', DEMO_PASSWORD);
      expect((await facilitator.get('/api/v1/ledger/balance-sheet?asOf=2026-12-31')).status).toBe(403);
      expect((await manager.get('/api/v1/ledger/balance-sheet?asOf=2026-12-31&office=BD01')).status).toBe(422);
      expect((await manager.get('/api/v1/ledger/balance-sheet.pdf?asOf=2026-12-31&office=BD01')).status).toBe(422);
      expect((await manager.get('/api/v1/ledger/balance-sheet?asOf=31-12-2026')).status).toBe(422);
      const auditor = new ApiClient(server.url);
      await auditor.login('auditor', DEMO_PASSWORD); // YK01 and BD01: sees the Yogyakarta books, nothing in Bandung
      expect((await auditor.get('/api/v1/ledger/balance-sheet?asOf=2026-12-31')).body.assets.total).toBe('49850000');
      expect((await auditor.get('/api/v1/ledger/balance-sheet?asOf=2026-12-31&office=BD01')).body.assets.total).toBe('0');
    });
  });
}
