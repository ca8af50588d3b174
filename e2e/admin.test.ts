import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFirstSetup } from '../src/modules/setup/index.ts';
import { startTestServer, systemTestContext, type TestServer } from '../src/testing/server.ts';
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

const ADMIN = { username: 'admin', fullName: 'Rina Kartikasari', password: 'admin-sandi-2026' };

describe.skipIf(skipBrowserTests)('admin work and the phone layout (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    const starting = startTestServer('pglite', { serveWeb: true });
    browser = await launchBrowser().catch(async (error: unknown) => {
      await (await starting).close();
      throw error;
    });
    server = await starting;
    await runFirstSetup(systemTestContext(server.database), {
      organisationName: 'Koperasi Uji',
      office: { code: 'BD01', name: 'Kantor Cabang Bandung', kind: 'branch', regionCode: '32.04', coveredRegionCodes: ['32.04'] },
      admin: ADMIN,
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an admin creates a cashier with an office; the cashier appears in the list and can sign in', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, server.url, ADMIN.username, ADMIN.password);
    await navLink(page, 'Pengguna').click();
    await shown(page.getByRole('heading', { name: 'Pengguna' }));
    await shown(page.getByTestId('user-row').getByText(ADMIN.fullName));

    await page.getByRole('button', { name: 'Tambah pengguna' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nama pengguna').fill('Dewi.Kasir');
    await dialog.getByLabel('Nama lengkap').fill('Dewi Lestari');
    await dialog.getByLabel('Peran').click();
    await page.getByRole('option', { name: 'Kasir', exact: true }).click();
    await dialog.getByLabel('Kantor').click();
    await page.getByRole('option', { name: 'BD01 — Kantor Cabang Bandung' }).click();
    await page.keyboard.press('Escape');
    await dialog.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill('kasir-sandi-2026');
    await dialog.getByRole('textbox', { name: 'Ulangi kata sandi', exact: true }).fill('kasir-sandi-2026');
    await dialog.getByRole('button', { name: 'Buat' }).click();

    await shown(page.getByText('Pengguna dewi.kasir dibuat.'));
    const row = page.getByTestId('user-row').filter({ hasText: 'dewi.kasir' });
    await shown(row);
    expect(await row.innerText()).toMatch(/Dewi Lestari[\s\S]*Kasir[\s\S]*BD01/);

    // The search narrows the list to her.
    await page.getByRole('searchbox', { name: 'Cari' }).fill('dewi');
    await eventually(async () => (await page.getByTestId('user-row').count()) === 1, 'the search leaves one user');
    await shown(page.getByTestId('user-row').filter({ hasText: 'dewi.kasir' }));

    // The audit trail shows who did it.
    await navLink(page, 'Jejak Audit').click();
    await shown(page.getByTestId('audit-row').filter({ hasText: 'Pengguna dibuat' }).first());

    const cashier = await newPage(browser, DESKTOP);
    await signIn(cashier.page, server.url, 'dewi.kasir', 'kasir-sandi-2026');
    await shown(cashier.page.getByRole('heading', { name: 'Selamat datang, Dewi Lestari' }));
    await shown(cashier.page.getByTestId('home-role').getByText('Kasir'));
    await shown(cashier.page.getByText('Kantor Cabang Bandung'));
    // A cashier's navigation has no user administration.
    await shown(navLink(cashier.page, 'Kantor'));
    expect(await navLink(cashier.page, 'Pengguna').count()).toBe(0);
    await cashier.context.close();

    // Deactivating asks first, then marks her inactive.
    await navLink(page, 'Pengguna').click();
    await page.getByRole('button', { name: 'Tindakan: dewi.kasir' }).click();
    await page.getByRole('menuitem', { name: 'Nonaktifkan' }).click();
    const confirm = page.getByRole('dialog', { name: 'Nonaktifkan dewi.kasir?' });
    await confirm.getByRole('button', { name: 'Nonaktifkan' }).click();
    await shown(page.getByTestId('user-row').filter({ hasText: 'dewi.kasir' }).getByText('Nonaktif'));
    await context.close();
  });

  it('on a 360-px phone the home screen fits and the navigation opens from the burger', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, server.url, ADMIN.username, ADMIN.password);
    // The home page's own address loads the app too (a bookmark, a reload).
    await page.goto(`${server.url}/`);
    await shown(page.getByRole('heading', { name: `Selamat datang, ${ADMIN.fullName}` }));
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/home-phone.png', fullPage: true });

    // Nothing overflows sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // The navigation is hidden until the burger opens it.
    const usersLink = navLink(page, 'Pengguna');
    expect(await horizontalPlace(usersLink)).toBe('outside');
    await page.getByRole('button', { name: 'Buka menu navigasi' }).click();
    await eventually(async () => (await horizontalPlace(usersLink)) === 'inside', 'the burger shows the navigation');
    await page.screenshot({ path: 'test-results/home-phone-menu.png' });
    expect(await horizontalPlace(navLink(page, 'Jejak Audit'))).toBe('inside');
    await navLink(page, 'Kantor').click();
    await shown(page.getByRole('heading', { name: 'Kantor' }));
    await shown(page.getByTestId('office-row').getByText('BD01'));
    // Choosing a page closes the menu again.
    await eventually(async () => (await horizontalPlace(usersLink)) === 'outside', 'the navigation closes');
    await context.close();
  });
});
