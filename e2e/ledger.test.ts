import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDate, systemClock } from '../src/core/clock.ts';
import { DEMO_PASSWORD, fillDemo } from '../src/modules/demo/index.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../src/testing/server.ts';
import {
  DESKTOP,
  eventually,
  horizontalPlace,
  launchBrowser,
  navLink,
  newPage,
  PHONE,
  shown,
  signIn,
  skipBrowserTests,
} from './browser.ts';

describe.skipIf(skipBrowserTests)('finance: a manager reads the books, a cashier opens and closes a drawer (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('pglite', { serveWeb: true }), launchBrowser()]);
    await fillDemo(systemTestContext(server.database));
    // A stimulus fund of 50,000,000 and an expense of 150,000, both early this year.
    const manager = new ApiClient(server.url);
    await manager.login('manajer', DEMO_PASSWORD);
    const year = Number(businessDate(systemClock).slice(0, 4));
    const fund = await manager.post('/api/v1/funds', {
      code: 'USEP-YK',
      name: 'Stimulus USEP Kota Yogyakarta',
      kind: 'stimulus',
      source: 'APBD Kota Yogyakarta',
      officeCode: 'YK01',
      initialCapital: '50000000',
      capitalDate: `${year}-01-02`,
    });
    const expense = await manager.post('/api/v1/ledger/entries', {
      officeCode: 'YK01',
      entryDate: `${year}-01-03`,
      memo: 'Biaya ATK',
      lines: [
        { accountCode: '5.2.02', debit: '150000' },
        { accountCode: '1.1.02', credit: '150000', fundCode: 'USEP-YK' },
      ],
    });
    if (fund.status !== 201 || expense.status !== 201) throw new Error(`set-up failed: ${JSON.stringify([fund.body, expense.body])}`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a manager sees the trial balance and the balance sheet, with its PDF', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, server.url, 'manajer', DEMO_PASSWORD);
    await shown(page.getByRole('navigation').getByText('Keuangan', { exact: true }));

    await navLink(page, 'Neraca saldo').click();
    await shown(page.getByRole('heading', { name: 'Neraca saldo' }));
    await shown(page.getByTestId('trial-balance-row').filter({ hasText: 'Kas di bank' }));
    expect(await page.getByTestId('trial-debit').textContent()).toBe('Rp50.000.000');
    expect(await page.getByTestId('trial-credit').textContent()).toBe('Rp50.000.000');
    await shown(page.getByTestId('trial-balance-status').getByText('Seimbang'));

    await navLink(page, 'Laporan keuangan').click();
    const sheet = await shown(page.getByTestId('balance-sheet'));
    await shown(sheet.getByTestId('total-1').getByText('Rp49.850.000'));
    await shown(sheet.getByTestId('liabilities-and-equity').getByText('Rp49.850.000'));
    await shown(sheet.getByTestId('statement-row').filter({ hasText: 'Laba/rugi tahun berjalan' }).getByText('-Rp150.000'));
    await shown(sheet.getByText('Aset = kewajiban + ekuitas'));
    const href = await page.getByRole('link', { name: 'Unduh PDF' }).getAttribute('href');
    const pdf = await page.evaluate(async (url) => {
      const response = await fetch(url as string);
      const head = new Uint8Array(await response.arrayBuffer()).subarray(0, 5);
      return { status: response.status, type: response.headers.get('content-type'), head: String.fromCharCode(...head) };
    }, href);
    expect(pdf).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });

    await page.getByRole('tab', { name: 'Laba rugi' }).click();
    await shown(page.getByTestId('net-profit').getByText('-Rp150.000'));
    await context.close();
  });

  it('a cashier on a 360-px phone opens a drawer, receives cash, and closes it short by Rp1.000', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, server.url, 'kasir', DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Buka menu navigasi' }).click();
    const drawerLink = navLink(page, 'Kas teller');
    await eventually(async () => (await horizontalPlace(drawerLink)) === 'inside', 'the burger shows the navigation');
    await drawerLink.click();
    await shown(page.getByRole('heading', { name: 'Kas teller' }));

    await page.getByRole('textbox', { name: 'Uang awal (dihitung)' }).fill('1000000');
    await page.getByRole('button', { name: 'Buka laci kas' }).click();
    await shown(page.getByTestId('drawer-expected').getByText('Rp1.000.000'));

    await page.getByRole('button', { name: 'Terima uang' }).click();
    const receive = await shown(page.getByRole('dialog', { name: 'Terima uang ke laci' }));
    await receive.getByRole('combobox', { name: 'Akun lawan' }).fill('4.2.02');
    await page.getByRole('option', { name: '4.2.02 · Pendapatan administrasi' }).click();
    await receive.getByRole('textbox', { name: 'Jumlah' }).fill('250000');
    await receive.getByRole('textbox', { name: 'Keterangan' }).fill('Biaya administrasi kelompok');
    await receive.getByRole('button', { name: 'Terima uang' }).click();
    await receive.waitFor({ state: 'hidden' });
    await shown(page.getByTestId('drawer-expected').getByText('Rp1.250.000'));
    await shown(page.getByTestId('drawer-movements').getByText('Biaya administrasi kelompok'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    await page.getByRole('button', { name: 'Hitung & tutup' }).click();
    const close = await shown(page.getByRole('dialog', { name: 'Hitung kas dan tutup laci' }));
    await close.getByRole('textbox', { name: 'Uang yang dihitung' }).fill('1249000');
    await shown(close.getByText('Selisih kurang Rp1.000 (dibukukan ke 5.2.01)'));
    await close.getByRole('button', { name: 'Tutup laci' }).click();
    await close.waitFor({ state: 'hidden' });
    await shown(page.getByTestId('closed-difference').getByText('Selisih kurang Rp1.000 (dibukukan ke 5.2.01)'));
    await shown(page.getByRole('button', { name: 'Buka laci kas' }));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await context.close();

    // The shortage is on the books, and they still balance.
    const manager = new ApiClient(server.url);
    await manager.login('manajer', DEMO_PASSWORD);
    const tb = (await manager.get(`/api/v1/ledger/trial-balance?asOf=${businessDate(systemClock)}`)).body;
    expect(tb.debit).toBe(tb.credit);
    expect(tb.accounts.find((a: { code: string }) => a.code === '5.2.01')).toMatchObject({ debit: '1000' });
  });
});
