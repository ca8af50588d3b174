import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD, fillDemo, fillDemoMoney } from '../demo/index.ts';
import type { DashboardView } from './dashboards.schema.ts';

const TODAY = '2026-03-10';

for (const kind of testDatabaseKinds()) {
  describe(`dashboards: monthly figures filled at close of day, by office, region and period; PDF and Excel [${kind}]`, () => {
    let server: TestServer;
    let manager: ApiClient;
    let admin: ApiClient;
    let facilitator: ApiClient;

    beforeAll(async () => {
      const clock = fixedClock(new Date(`${TODAY}T03:00:00Z`));
      server = await startTestServer(kind, { serveWeb: false, clock });
      const ctx = systemTestContext(server.database, clock);
      await fillDemo(ctx);
      await fillDemoMoney(ctx); // closes the day: the dashboards' month is filled then
      manager = new ApiClient(server.url);
      await manager.login('manajer', DEMO_PASSWORD);
      admin = new ApiClient(server.url);
      await admin.login('admin', DEMO_PASSWORD);
      facilitator = new ApiClient(server.url);
      await facilitator.login('pendamping', DEMO_PASSWORD);
    }, 400_000);
    afterAll(async () => {
      await server?.close();
    });

    it('the portfolio: disbursed and repaid by month to the rupiah, outstanding and PAR as the financings stand at close of day', async () => {
      const response = await admin.get('/api/v1/dashboards/portfolio?from=2025-10&to=2026-03');
      expect(response.status).toBe(200);
      const view = response.body as DashboardView;
      expect(view.months).toEqual(['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
      expect(view.asOf).toBe(TODAY);
      const db = server.database.db;
      const financings = await db
        .selectFrom('financing')
        .select(['principal', 'disbursed_on', 'status', 'outstanding_principal', 'days_past_due'])
        .execute();
      const disbursedIn = (month: string) =>
        financings
          .filter((f) => f.disbursed_on && String(f.disbursed_on).slice(0, 7) === month)
          .reduce((s, f) => s + BigInt(f.principal), 0n);
      const metric = (key: string) => view.metrics.find((m) => m.key === key) as DashboardView['metrics'][number];
      expect(metric('disbursed').values).toEqual(view.months.map((m) => disbursedIn(m).toString()));
      expect(BigInt(metric('disbursed').total)).toBeGreaterThan(0n);
      const repayments = await db
        .selectFrom('financing_repayment')
        .select(['amount', 'paid_on'])
        .where('reversal_entry_id', 'is', null)
        .execute();
      const repaidIn = (month: string) =>
        repayments.filter((r) => String(r.paid_on).slice(0, 7) === month).reduce((s, r) => s + BigInt(r.amount), 0n);
      expect(metric('repaid').values).toEqual(view.months.map((m) => repaidIn(m).toString()));
      const running = financings.filter((f) => f.status === 'disbursed');
      const outstanding = running.reduce((s, f) => s + BigInt(f.outstanding_principal), 0n);
      expect(metric('outstanding').total).toBe(outstanding.toString());
      const classes = ['class_1', 'class_2', 'class_3', 'class_4', 'class_5'].map((k) => BigInt(metric(k).total));
      expect(classes.reduce((s, v) => s + v, 0n)).toBe(outstanding);
      const atRisk = running.filter((f) => f.days_past_due > 30).reduce((s, f) => s + BigInt(f.outstanding_principal), 0n);
      expect(metric('at_risk_30').total).toBe(atRisk.toString());
      expect(view.ratios[0]?.key).toBe('par30');
    });

    it('filters: an office reads its own regions; a region outside the scope answers as an unknown one; bad periods are 422', async () => {
      const all = (await admin.get('/api/v1/dashboards/portfolio')).body as DashboardView;
      const yk = (await admin.get('/api/v1/dashboards/portfolio?office=YK01')).body as DashboardView;
      const bd = (await admin.get('/api/v1/dashboards/portfolio?office=BD01')).body as DashboardView;
      const total = (v: DashboardView, key: string) => BigInt(v.metrics.find((m) => m.key === key)?.total ?? '0');
      expect(total(yk, 'disbursed') + total(bd, 'disbursed')).toBe(total(all, 'disbursed'));
      // The manager of YK01 sees YK01's figures only.
      const mine = (await manager.get('/api/v1/dashboards/portfolio')).body as DashboardView;
      expect(total(mine, 'disbursed')).toBe(total(yk, 'disbursed'));
      expect((await manager.get('/api/v1/dashboards/portfolio?region=32.04')).status).toBe(404);
      expect((await manager.get('/api/v1/dashboards/portfolio?region=99.99')).status).toBe(404);
      expect((await manager.get('/api/v1/dashboards/portfolio?office=BD01')).status).toBe(422);
      expect((await manager.get('/api/v1/dashboards/portfolio?from=2026-05&to=2026-01')).status).toBe(422);
      expect((await manager.get('/api/v1/dashboards/portfolio?from=2026-13')).status).toBe(422);
      expect((await manager.get('/api/v1/dashboards/unknown')).status).toBe(422);
      expect((await facilitator.get('/api/v1/dashboards/portfolio')).status).toBe(403);
      for (const subject of ['aid', 'jkn', 'health', 'partnerships'])
        expect((await manager.get(`/api/v1/dashboards/${subject}`)).status).toBe(200);
    });

    it('exports the same figures as a PDF and an Excel sheet', async () => {
      const pdf = await fetch(`${server.url}/api/v1/dashboards/portfolio/export.pdf?from=2026-01&to=2026-03`, {
        headers: { cookie: admin.cookie ?? '' },
      });
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toContain('application/pdf');
      expect(
        Buffer.from(await pdf.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      const xlsx = await fetch(`${server.url}/api/v1/dashboards/portfolio/export.xlsx?from=2026-01&to=2026-03`, {
        headers: { cookie: admin.cookie ?? '' },
      });
      expect(xlsx.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
      const sheet = book.worksheets[0];
      const view = (await admin.get('/api/v1/dashboards/portfolio?from=2026-01&to=2026-03')).body as DashboardView;
      expect(sheet?.getRow(1).getCell(2).value).toBe('Pencairan (Rp)');
      expect(String(sheet?.getRow(2).getCell(1).value)).toBe('2026-01');
      expect(String(sheet?.getRow(5).getCell(2).value)).toBe(view.metrics[0]?.total);
    });
  });
}
