import { mkdirSync } from 'node:fs';
import type { Browser, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/modules/demo/index.ts';
import { ApiClient, startTestServer, type TestServer } from '../src/testing/server.ts';
import { DESKTOP, eventually, launchBrowser, newPage, PHONE, shown, signIn, skipBrowserTests } from './browser.ts';

describe.skipIf(skipBrowserTests)('savings: a cashier opens a sukarela account, deposits and sees the balance (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let person: { id: string; fullName: string };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('pglite', { demo: true, serveWeb: true }), launchBrowser()]);
    const api = new ApiClient(server.url);
    await api.login('kasir', DEMO_PASSWORD);
    const found = (await api.get('/api/v1/persons?village=34.71.01.1002&limit=10')).body.items as {
      id: string;
      fullName: string;
      deceased: boolean;
    }[];
    person = found.find((p) => !p.deceased) as { id: string; fullName: string };
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens the account from the person page, deposits (each with its own key, a lost answer retried with the same) and withdraws', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    const keys: string[] = [];
    page.on('request', (request: Request) => {
      if (request.method() === 'POST' && /\/savings\/accounts\/[^/]+\/(deposits|withdrawals)$/.test(request.url()))
        keys.push(request.headers()['idempotency-key'] ?? '');
    });
    await signIn(page, server.url, 'kasir', DEMO_PASSWORD);
    await page.goto(`${server.url}/persons/${person.id}`);
    await shown(page.getByTestId('person-name').getByText(person.fullName));
    const section = page.getByTestId('savings-section');
    await shown(section.getByText('Belum punya rekening simpanan.'));

    await section.getByRole('button', { name: 'Buka rekening' }).click();
    const dialog = page.getByRole('dialog', { name: 'Buka rekening simpanan' });
    await dialog.getByRole('combobox', { name: 'Jenis simpanan' }).click();
    await page.getByRole('option', { name: 'Simpanan sukarela' }).click();
    // The cashier works at one office: it is chosen already.
    expect(await dialog.getByRole('combobox', { name: 'Kantor' }).inputValue()).toBe('YK01 — Kantor Pusat Yogyakarta');
    await dialog.getByRole('button', { name: 'Buka rekening' }).click();
    await shown(page.getByText(/^Rekening YK01-SS-\d{6} dibuka\.$/));
    const card = section.getByTestId('savings-account');
    await shown(card.getByText('Rp0'));

    await card.getByRole('link', { name: /^YK01-SS-/ }).click();
    await shown(page.getByTestId('savings-number'));
    await shown(page.getByText('Belum ada transaksi.'));

    const deposit = page.getByTestId('savings-deposits-form');
    await deposit.getByRole('textbox', { name: 'Jumlah' }).fill('150000');
    expect(await deposit.getByRole('textbox', { name: 'Jumlah' }).inputValue()).toBe('150.000');
    await deposit.getByRole('button', { name: 'Setor' }).click();
    await shown(page.getByText('Setoran Rp150.000 dicatat. Saldo Rp150.000.'));
    await shown(page.getByTestId('savings-account-balance').getByText('Rp150.000'));
    await shown(page.getByTestId('savings-movement').getByText('+Rp150.000'));

    // The server takes the next deposit but its answer is lost: the app sends it again with
    // the same key, and the server answers the first result instead of posting twice.
    let lost = false;
    await page.route('**/deposits', async (route) => {
      if (lost) return route.continue();
      lost = true;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await deposit.getByRole('textbox', { name: 'Jumlah' }).fill('25000');
    await deposit.getByRole('button', { name: 'Setor' }).click();
    await shown(page.getByText('Setoran Rp25.000 dicatat. Saldo Rp175.000.'));
    await page.unroute('**/deposits');
    expect(keys).toHaveLength(3);
    expect(keys[1]).toBe(keys[2]);
    expect(keys[0]).not.toBe(keys[1]);

    const withdrawal = page.getByTestId('savings-withdrawals-form');
    await withdrawal.getByRole('textbox', { name: 'Jumlah' }).fill('200000');
    await withdrawal.getByRole('button', { name: 'Tarik' }).click();
    await shown(withdrawal.getByText('Saldo tidak cukup: saldo Rp175.000.'));
    await withdrawal.getByRole('textbox', { name: 'Jumlah' }).fill('50000');
    await withdrawal.getByRole('button', { name: 'Tarik' }).click();
    await shown(page.getByText('Penarikan Rp50.000 dicatat. Saldo Rp125.000.'));
    await shown(page.getByTestId('savings-account-balance').getByText('Rp125.000'));
    await eventually(async () => (await page.getByTestId('savings-movement').count()) === 3, 'three movements are listed');
    expect(new Set(keys).size).toBe(4);

    const passbook = page.getByRole('link', { name: 'Buku tabungan (PDF)' });
    expect(await passbook.getAttribute('href')).toMatch(/\/passbook\.pdf$/);

    // Back on the person page the balance is there too.
    await page.getByRole('link', { name: `← ${person.fullName}` }).click();
    await shown(page.getByTestId('savings-balance').getByText('Rp125.000'));
    await context.close();
  });

  it('shows simpanan wajib as months: one in arrears when opened, paid a month ahead after Rp20.000', async () => {
    const api = new ApiClient(server.url);
    await api.login('kasir', DEMO_PASSWORD);
    const opened = await api.post('/api/v1/savings/accounts', { personId: person.id, kind: 'wajib', officeCode: 'YK01' });
    expect(opened.status).toBe(201);
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, server.url, 'kasir', DEMO_PASSWORD);
    await page.goto(`${server.url}/savings/${opened.body.id}`);
    await shown(
      page
        .getByTestId('wajib-standing')
        .getByText('Simpanan wajib Rp10.000/bulan: belum ada bulan yang dibayar; tunggakan 1 bulan (Rp10.000).'),
    );
    const deposit = page.getByTestId('savings-deposits-form');
    await deposit.getByRole('textbox', { name: 'Jumlah' }).fill('20000');
    await deposit.getByRole('button', { name: 'Setor' }).click();
    await shown(page.getByTestId('wajib-standing').getByText(/^Simpanan wajib lunas s\.d\. \S+ \d{4} \(1 bulan di muka\)\.$/));
    await context.close();
  });

  it('on a 360-px phone the account page fits the screen', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, server.url, 'kasir', DEMO_PASSWORD);
    await page.goto(`${server.url}/persons/${person.id}`);
    await page.getByRole('link', { name: /^YK01-SS-/ }).click();
    await shown(page.getByTestId('savings-movement').first());
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/savings-phone.png', fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await context.close();
  });
});
