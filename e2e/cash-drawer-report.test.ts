import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRupiah } from '../src/core/format.ts';
import { DEMO_PASSWORD, fillDemoMoney } from '../src/modules/demo/index.ts';
import { pdfText } from '../src/testing/pdf-text.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../src/testing/server.ts';
import type { Financing, FinancingListItem } from '../web/src/api/financing.ts';
import { DESKTOP, launchBrowser, newPage, openedDialog, PHONE, shown, signIn, skipBrowserTests } from './browser.ts';

/** The bytes behind a link, fetched by the page with its session. */
async function fetchBytes(page: Page, href: string | null) {
  const fetched = await page.evaluate(async (url) => {
    const response = await fetch(url as string);
    const bytes = new Uint8Array(await response.arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return { status: response.status, type: response.headers.get('content-type'), base64: btoa(binary) };
  }, href);
  return { ...fetched, bytes: Buffer.from(fetched.base64, 'base64') };
}

describe.skipIf(skipBrowserTests)(
  'cash drawer: a cashier takes an overdue repayment, closes the drawer and prints its end-of-day report (Chromium)',
  () => {
    let server: TestServer;
    let browser: Browser;
    let financing: Financing;
    let drawerId: string;

    beforeAll(async () => {
      [server, browser] = await Promise.all([startTestServer('pglite', { demo: true, serveWeb: true }), launchBrowser()]);
      const ctx = systemTestContext(server.database);
      await fillDemoMoney(ctx);
      const cashier = new ApiClient(server.url);
      await cashier.login('kasir', DEMO_PASSWORD); // Dewi Lestari, YK01
      const running: FinancingListItem[] = (await cashier.get('/api/v1/financings?status=disbursed&limit=200')).body.items;
      let overdue: Financing | undefined;
      for (const item of running.filter((f) => BigInt(f.overdue) > 0n)) {
        const view = (await cashier.get(`/api/v1/financings/${item.id}`)).body as Financing;
        if (view.officeCode === 'YK01' && BigInt(view.arrears.overdue) > 0n) {
          overdue = view;
          break;
        }
      }
      if (!overdue) throw new Error('the demo has no overdue financing at YK01');
      financing = overdue;
      const open = (await cashier.get('/api/v1/cash-drawers?status=open')).body.items as { id: string }[];
      drawerId = open[0]?.id ?? (await cashier.post('/api/v1/cash-drawers', { openingFloat: '500000' })).body.id;
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('the repayment form offers the total overdue; paid at the counter, it lands in the drawer', async () => {
      const { context, page } = await newPage(browser, DESKTOP);
      await signIn(page, server.url, 'kasir', DEMO_PASSWORD);
      await page.goto(`${server.url}/financings/${financing.id}`);
      await page.getByRole('button', { name: 'Catat pembayaran' }).click();
      const repay = await openedDialog(page.getByRole('dialog'));
      const overdue = formatRupiah(financing.arrears.overdue);
      await repay.getByRole('button', { name: `Total tunggakan ${overdue}` }).click();
      expect(`Rp${await repay.getByRole('textbox', { name: 'Jumlah' }).inputValue()}`).toBe(overdue);
      await repay.getByRole('button', { name: 'Catat pembayaran' }).click();
      await repay.waitFor({ state: 'hidden' });
      await shown(page.getByTestId('repayment-recorded'));

      await page.goto(`${server.url}/finance/cash-drawer`);
      await shown(page.getByTestId('drawer-movements').getByText(`Angsuran ${financing.number}`));
      await context.close();
    });

    it('on a 360-px phone, the cashier counts by denomination, closes, and opens the closed drawer’s detail', async () => {
      const cashier = new ApiClient(server.url);
      await cashier.login('kasir', DEMO_PASSWORD);
      const expected = BigInt((await cashier.get(`/api/v1/cash-drawers/${drawerId}`)).body.expectedCash);
      const hundreds = expected / 100_000n;
      const rest = expected - hundreds * 100_000n;

      const { context, page } = await newPage(browser, PHONE);
      await signIn(page, server.url, 'kasir', DEMO_PASSWORD);
      await page.goto(`${server.url}/finance/cash-drawer`);
      await page.getByRole('button', { name: 'Hitung & tutup' }).click();
      const close = await openedDialog(page.getByRole('dialog', { name: 'Hitung kas dan tutup laci' }));
      await close.getByRole('textbox', { name: 'Rp100.000' }).fill(String(hundreds));
      // Whatever is under Rp100.000 is counted as a total: the count then does not claim denominations.
      if (rest > 0n) await close.getByRole('textbox', { name: 'Uang yang dihitung' }).fill(expected.toString());
      await shown(close.getByText('Cocok, tidak ada selisih.'));
      await close.getByRole('button', { name: 'Tutup laci' }).click();
      await close.waitFor({ state: 'hidden' });

      await page.getByTestId('closed-result').getByRole('link', { name: 'Lihat rincian' }).click();
      await shown(page.getByRole('heading', { level: 1, name: /^Laci kas Dewi Lestari · / }));
      const line = await shown(page.getByTestId('detail-movement').filter({ hasText: `Angsuran ${financing.number}` }));
      expect(await line.textContent()).toContain(financing.person.name);
      expect(await line.textContent()).toContain('Dewi Lestari');
      await shown(page.getByTestId('detail-expected').getByText(formatRupiah(expected)));
      await shown(page.getByTestId('detail-difference').getByText('Sesuai'));
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await context.close();
    });

    it('in English at 1280 px, the detail page downloads the end-of-day report naming people, not usernames', async () => {
      const { context, page } = await newPage(browser, DESKTOP);
      await signIn(page, server.url, 'kasir', DEMO_PASSWORD);
      await page.evaluate(() => localStorage.setItem('jaring.language', 'en'));
      await page.goto(`${server.url}/finance/cash-drawer/${drawerId}`);
      await shown(page.getByRole('heading', { level: 1, name: /^Dewi Lestari’s drawer · / }));
      await shown(page.getByTestId('detail-movements').getByRole('columnheader', { name: 'Recorded by' }));
      await shown(page.getByTestId('detail-difference').getByText('Matches'));
      const link = page.getByRole('link', { name: 'Download end-of-day report (PDF)' });
      const report = await fetchBytes(page, await link.getAttribute('href'));
      expect(report.status).toBe(200);
      expect(report.type).toBe('application/pdf');
      const text = pdfText(report.bytes);
      for (const expected of [
        'LAPORAN KAS AKHIR HARI',
        `Angsuran ${financing.number}`,
        financing.person.name,
        'Dewi Lestari',
        'Budi Santoso',
      ])
        expect(text).toContain(expected);
      expect(text).not.toMatch(/\bkasir\b/);
      await context.close();
    });
  },
);
