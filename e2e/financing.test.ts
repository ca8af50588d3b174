import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/modules/demo/index.ts';
import { ApiClient, startTestServer, type TestServer } from '../src/testing/server.ts';
import { DESKTOP, launchBrowser, navLink, newPage, openedDialog, PHONE, shown, signIn, skipBrowserTests } from './browser.ts';

/** Status, type and first bytes of a link's target, fetched with the page's session. */
async function fetchPdf(page: Page, href: string | null) {
  return page.evaluate(async (url) => {
    const response = await fetch(url as string);
    const head = new Uint8Array(await response.arrayBuffer()).subarray(0, 5);
    return { status: response.status, type: response.headers.get('content-type'), head: String.fromCharCode(...head) };
  }, href);
}

async function pick(page: Page, label: string, option: string | RegExp) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).first().click();
}

describe.skipIf(skipBrowserTests)(
  'financing: cashier applies, manager approves, cashier disburses and takes a repayment (Chromium)',
  () => {
    let server: TestServer;
    let browser: Browser;
    let member: { nik: string; full_name: string };
    let other: { id: string };

    beforeAll(async () => {
      [server, browser] = await Promise.all([startTestServer('pglite', { demo: true, serveWeb: true }), launchBrowser()]);
      const manager = new ApiClient(server.url);
      await manager.login('manajer', DEMO_PASSWORD);
      const product = await manager.post('/api/v1/financing/products', {
        code: 'MODAL10',
        name: 'Modal usaha flat 10%',
        kind: 'flat',
        ratePercent: '10',
        frequency: 'monthly',
        minAmount: '500000',
        maxAmount: '30000000',
        minInstallments: 3,
        maxInstallments: 24,
      });
      if (product.status !== 201) throw new Error(`product not created: ${JSON.stringify(product.body)}`);
      const fund = await manager.post('/api/v1/funds', {
        code: 'LKM-YK',
        name: 'Dana LKM Yogyakarta',
        kind: 'own_capital',
        source: 'Modal sendiri',
        officeCode: 'YK01',
        initialCapital: '25000000',
      });
      if (fund.status !== 201) throw new Error(`fund not created: ${JSON.stringify(fund.body)}`);
      member = await server.database.db
        .selectFrom('person')
        .select(['nik', 'full_name'])
        .where('village_code', '=', '34.71.01.1001')
        .where('relation', '=', 'head')
        .orderBy('nik')
        .executeTakeFirstOrThrow();
      other = await server.database.db
        .selectFrom('person')
        .select('id')
        .where('village_code', '=', '34.71.01.1001')
        .where('relation', '=', 'head')
        .orderBy('nik', 'desc')
        .executeTakeFirstOrThrow();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('goes from application to a printed kuitansi, each step by the role that may take it', async () => {
      // The cashier applies for the member, on a desktop.
      const cashier = await newPage(browser, DESKTOP);
      await signIn(cashier.page, server.url, 'kasir', DEMO_PASSWORD);
      await navLink(cashier.page, 'Daftar pembiayaan').click();
      await shown(cashier.page.getByRole('heading', { name: 'Pembiayaan', exact: true }));
      await cashier.page.getByRole('link', { name: 'Pengajuan baru' }).click();
      await shown(cashier.page.getByRole('heading', { name: 'Pengajuan pembiayaan' }));
      await cashier.page.getByRole('combobox', { name: 'Anggota' }).fill(member.nik);
      await cashier.page.getByRole('option', { name: new RegExp(member.full_name) }).click();
      await pick(cashier.page, 'Produk', /Modal usaha flat 10%/);
      await pick(cashier.page, 'Sumber dana', /Dana LKM Yogyakarta/);
      await cashier.page.getByRole('textbox', { name: 'Pokok' }).fill('1200000');
      await cashier.page.getByRole('textbox', { name: 'Jangka (kali angsuran)' }).fill('12');
      await cashier.page.getByRole('textbox', { name: 'Tujuan pembiayaan' }).fill('Tambah stok warung kelontong');
      await cashier.page.getByRole('button', { name: 'Ajukan' }).click();

      await shown(cashier.page.getByTestId('financing-status').getByText('Diajukan'));
      await shown(cashier.page.getByTestId('projected-note'));
      // 1.200.000 at 10% flat over 12 months: 100.000 principal + 10.000 interest a month.
      expect(await cashier.page.getByTestId('instalment').count()).toBe(12);
      await shown(cashier.page.getByTestId('instalment').first().getByText('Rp110.000'));
      expect(await cashier.page.getByRole('button', { name: 'Setujui' }).count()).toBe(0);
      const url = cashier.page.url();

      // The manager (another user) approves.
      const manager = await newPage(browser, DESKTOP);
      await signIn(manager.page, server.url, 'manajer', DEMO_PASSWORD);
      await manager.page.goto(url);
      await manager.page.getByRole('button', { name: 'Setujui' }).click();
      const decision = await shown(manager.page.getByRole('dialog'));
      await decision.getByRole('textbox', { name: 'Catatan' }).fill('Usaha berjalan dua tahun');
      await decision.getByRole('button', { name: 'Setujui' }).click();
      await decision.waitFor({ state: 'hidden' });
      await shown(manager.page.getByTestId('financing-status').getByText('Disetujui (antre dana)'));
      await manager.context.close();

      // The cashier disburses and takes the first instalment, on a phone.
      const phone = await newPage(browser, PHONE);
      await signIn(phone.page, server.url, 'kasir', DEMO_PASSWORD);
      await phone.page.goto(url);
      await phone.page.getByRole('button', { name: 'Cairkan' }).click();
      const disburse = await shown(phone.page.getByRole('dialog'));
      await disburse.getByRole('button', { name: 'Cairkan' }).click();
      await disburse.waitFor({ state: 'hidden' });
      await shown(phone.page.getByTestId('financing-status').getByText('Berjalan'));
      expect(await phone.page.getByTestId('projected-note').count()).toBe(0);

      await phone.page.getByRole('button', { name: 'Catat pembayaran' }).click();
      const repay = await shown(phone.page.getByRole('dialog'));
      expect(await repay.getByRole('textbox', { name: 'Jumlah' }).inputValue()).toBe('110.000');
      // Emptied, it says so instead of doing nothing.
      await repay.getByRole('textbox', { name: 'Jumlah' }).fill('');
      await repay.getByRole('button', { name: 'Catat pembayaran' }).click();
      await shown(repay.getByText('Isi jumlah lebih dari nol.'));
      await repay.getByRole('textbox', { name: 'Jumlah' }).fill('110000');
      await repay.getByRole('button', { name: 'Catat pembayaran' }).click();
      await repay.waitFor({ state: 'hidden' });
      await shown(phone.page.getByTestId('repayment-recorded'));
      await shown(phone.page.getByTestId('financing-outstanding').getByText('Rp1.210.000'));
      expect(await phone.page.getByTestId('repayment').count()).toBe(1);
      // Nothing is wider than the phone.
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

      const receipt = await fetchPdf(phone.page, await phone.page.getByTestId('print-receipt').getAttribute('href'));
      expect(receipt).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });
      const passbook = await fetchPdf(phone.page, await phone.page.getByTestId('passbook-link').getAttribute('href'));
      expect(passbook).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });
      await phone.context.close();
      await cashier.context.close();
    });

    it('says plainly when the maker tries to approve, and when the fund is short the application stays queued', async () => {
      const manager = new ApiClient(server.url);
      await manager.login('manajer', DEMO_PASSWORD);
      const applied = await manager.post('/api/v1/financings', {
        personId: other.id,
        productCode: 'MODAL10',
        fundCode: 'LKM-YK',
        principal: '30000000',
        installments: 12,
        purpose: 'Gerobak dan etalase',
      });
      expect(applied.status).toBe(201);
      const url = `${server.url}/financings/${applied.body.id}`;

      const { context, page } = await newPage(browser, PHONE);
      await signIn(page, server.url, 'manajer', DEMO_PASSWORD);
      await page.goto(url);
      await page.getByRole('button', { name: 'Setujui' }).click();
      const dialog = await openedDialog(page.getByRole('dialog'));
      await dialog.getByRole('button', { name: 'Setujui' }).click();
      const refusal = await shown(dialog.getByTestId('refusal'));
      expect(await refusal.textContent()).toContain('Persetujuan harus oleh orang lain');
      expect(await refusal.textContent()).toContain('Pengaju tidak boleh menyetujui pengajuannya sendiri');
      await context.close();

      const admin = new ApiClient(server.url);
      await admin.login('admin', DEMO_PASSWORD);
      expect((await admin.post(`/api/v1/financings/${applied.body.id}/approve`, {})).status).toBe(200);
      const cashier = await newPage(browser, PHONE);
      await signIn(cashier.page, server.url, 'kasir', DEMO_PASSWORD);
      await cashier.page.goto(url);
      await cashier.page.getByRole('button', { name: 'Cairkan' }).click();
      const disburse = await shown(cashier.page.getByRole('dialog'));
      await disburse.getByRole('button', { name: 'Cairkan' }).click();
      const queued = await shown(disburse.getByTestId('refusal'));
      expect(await queued.textContent()).toContain('Tetap di antrean');
      await disburse.getByRole('button', { name: 'Tutup' }).last().click();
      await shown(cashier.page.getByTestId('financing-status').getByText('Disetujui (antre dana)'));
      await cashier.context.close();
    });
  },
);
