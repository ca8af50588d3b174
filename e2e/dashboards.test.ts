// The dashboards page (issue 15 §7): a manager opens the portfolio dashboard, filters it by region
// and period (the filters go into the address), reads the figures the API gives, and downloads the
// same figures as Excel; on a 360-px phone nothing sticks out; in English the page speaks English.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/core/clock.ts';
import { formatRupiah } from '../src/core/format.ts';
import type { DashboardView } from '../src/modules/dashboards/dashboards.schema.ts';
import { DEMO_PASSWORD, fillDemo, fillDemoMoney } from '../src/modules/demo/index.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../src/testing/server.ts';
import { DESKTOP, launchBrowser, navLink, newPage, PHONE, shown, signIn, skipBrowserTests } from './browser.ts';

const TODAY = '2026-03-10';
const FILTER = 'region=34.71&from=2025-10&to=2026-02';

describe.skipIf(skipBrowserTests)(
  'dashboards: portfolio by region and period, the API figures, Excel, phone and English (Chromium)',
  () => {
    let server: TestServer;
    let browser: Browser;
    let view: DashboardView;
    const metric = (key: string) => view.metrics.find((m) => m.key === key) as DashboardView['metrics'][number];

    beforeAll(async () => {
      const clock = fixedClock(new Date(`${TODAY}T03:00:00Z`));
      [server, browser] = await Promise.all([startTestServer('pglite', { serveWeb: true, clock }), launchBrowser()]);
      const ctx = systemTestContext(server.database, clock);
      await fillDemo(ctx);
      await fillDemoMoney(ctx); // closes the day: the dashboards' month is filled
      const manager = new ApiClient(server.url);
      await manager.login('manajer', DEMO_PASSWORD);
      view = (await manager.get(`/api/v1/dashboards/portfolio?${FILTER}`)).body as DashboardView;
    }, 400_000);
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('the manager filters the portfolio by Kota Yogyakarta and October to February, sees the API figures, and downloads them as Excel', async () => {
      expect(BigInt(metric('disbursed').total)).toBeGreaterThan(0n);
      const { context, page } = await newPage(browser, DESKTOP);
      try {
        await signIn(page, server.url, 'manajer', DEMO_PASSWORD);
        await navLink(page, 'Dasbor').click();
        await shown(page.getByRole('heading', { level: 1, name: 'Dasbor' }));
        await shown(page.getByRole('heading', { name: 'Dasbor portofolio pembiayaan' }));

        await page.getByRole('combobox', { name: 'Wilayah' }).fill('34.71');
        await page
          .getByRole('option', { name: /Kota Yogyakarta/ })
          .first()
          .click();
        await page.getByRole('combobox', { name: 'Dari bulan' }).click();
        await page.getByRole('option', { name: 'Oktober 2025', exact: true }).click();
        await page.getByRole('combobox', { name: 'Sampai bulan' }).click();
        await page.getByRole('option', { name: 'Februari 2026', exact: true }).click();
        await expect.poll(() => page.url()).toContain('region=34.71');
        expect(page.url()).toContain('from=2025-10');
        expect(page.url()).toContain('to=2026-02');

        await expect.poll(() => page.getByTestId('dashboard-row').count()).toBe(5);
        expect(await page.getByTestId('dashboard-metric-disbursed-value').textContent()).toBe(formatRupiah(metric('disbursed').total));
        expect(await page.getByTestId('dashboard-metric-repaid-value').textContent()).toBe(formatRupiah(metric('repaid').total));
        const par = view.ratios.find((r) => r.key === 'par30')?.total ?? '';
        expect(await page.getByTestId('dashboard-ratio-par30-value').textContent()).toBe(`${par.replace('.', ',')}%`);
        // The chart names what it draws; the table under it gives each month's figure.
        await shown(page.getByRole('img', { name: /Pencairan \(Rp\), Angsuran diterima \(Rp\) per bulan/ }));
        const february = page.locator('[data-testid="dashboard-row"][data-month="2026-02"]');
        await shown(february.getByText(formatRupiah(metric('disbursed').values[4] ?? '0'), { exact: true }).first());

        const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dashboard-xlsx').click()]);
        expect(download.suggestedFilename()).toBe('dasbor-portfolio.xlsx');
        const book = new ExcelJS.Workbook();
        await book.xlsx.load((await readFile((await download.path()) as string)) as unknown as ArrayBuffer);
        const sheet = book.worksheets[0];
        expect(sheet?.getRow(1).getCell(2).value).toBe('Pencairan (Rp)');
        expect(String(sheet?.getRow(2).getCell(1).value)).toBe('2025-10');
        // The period's row, after the five months: the same total as on screen.
        expect(String(sheet?.getRow(7).getCell(2).value)).toBe(metric('disbursed').total);
      } finally {
        await context.close();
      }
    });

    it('on a 360-px phone the filtered dashboard fits the screen; in English it reads in English', async () => {
      const { context, page } = await newPage(browser, PHONE);
      try {
        await signIn(page, server.url, 'manajer', DEMO_PASSWORD);
        await page.goto(`${server.url}/dashboards/portfolio?${FILTER}`);
        await shown(page.getByTestId('dashboard-metric-disbursed-value'));
        expect(await page.getByTestId('dashboard-metric-disbursed-value').textContent()).toBe(formatRupiah(metric('disbursed').total));
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

        await page.getByText('EN', { exact: true }).click();
        await shown(page.getByRole('heading', { level: 1, name: 'Dashboards' }));
        await shown(page.getByRole('heading', { name: 'Financing portfolio dashboard' }));
        await shown(page.getByRole('tab', { name: 'JKN contributions' }));
        await shown(page.getByTestId('dashboard-table').getByText('February 2026', { exact: true }));
        expect(await page.getByRole('combobox', { name: 'From month' }).inputValue()).toBe('October 2025');
      } finally {
        await context.close();
      }
    });
  },
);
