import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../src/testing/server.ts';
import { DESKTOP, launchBrowser, navLink, newPage, shown, skipBrowserTests } from './browser.ts';

// One empty database, one browser profile, the journeys in order: first-run setup,
// sign-in in Indonesian, then English remembered across a reload.
describe.skipIf(skipBrowserTests)('first run, sign-in and language (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const starting = startTestServer('pglite', { serveWeb: true });
    browser = await launchBrowser().catch(async (error: unknown) => {
      await (await starting).close();
      throw error;
    });
    server = await starting;
    ({ page } = await newPage(browser, DESKTOP));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an empty database opens the setup page, which creates the organisation and admin, then asks to sign in', async () => {
    await page.goto(`${server.url}/login`);
    await page.waitForURL(`${server.url}/setup`);
    await shown(page.getByRole('heading', { name: 'Penyiapan awal' }));

    // Submitting nothing marks the fields instead of calling the server.
    await page.getByRole('button', { name: 'Buat organisasi' }).click();
    expect(await page.getByText('Wajib diisi.').count()).toBeGreaterThan(3);

    await page.getByLabel('Nama organisasi').fill('Koperasi Sejahtera Bersama');
    await page.getByLabel('Kode kantor').fill('bd01');
    await page.getByLabel('Nama kantor').fill('Kantor Cabang Katapang');
    const home = page.getByRole('combobox', { name: 'Wilayah kedudukan' });
    await home.click();
    await home.fill('katapang');
    // The search shows each region's path, so the district is told apart from villages of the same name.
    await page.getByRole('option', { name: /Katapang.*Kabupaten Bandung, Jawa Barat · 32\.04\.11$/ }).click();
    // The covered regions start as the home region.
    await shown(page.getByText('Katapang, Kabupaten Bandung, Jawa Barat', { exact: true }));

    await page.getByLabel('Nama pengguna').fill('ketua');
    await page.getByLabel('Nama lengkap').fill('Sri Wahyuni');
    await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill('rahasia-ketua-1');
    await page.getByRole('textbox', { name: 'Ulangi kata sandi', exact: true }).fill('rahasia-ketua-2');
    await page.getByRole('button', { name: 'Buat organisasi' }).click();
    await shown(page.getByText('Kata sandi tidak sama.'));
    await page.getByRole('textbox', { name: 'Ulangi kata sandi', exact: true }).fill('rahasia-ketua-1');
    await page.getByRole('button', { name: 'Buat organisasi' }).click();

    await page.waitForURL(`${server.url}/login`);
    await shown(page.getByText('Organisasi sudah dibuat. Silakan masuk dengan akun admin.'));
    const setup = await (await fetch(`${server.url}/api/v1/setup`)).json();
    expect(setup).toMatchObject({ needed: false, organisation: { name: 'Koperasi Sejahtera Bersama' } });
  });

  it('signs in in Indonesian: the button says "Masuk" and a wrong password is explained in Indonesian', async () => {
    const button = page.getByRole('button', { name: 'Masuk', exact: true });
    expect((await button.textContent())?.trim()).toBe('Masuk');
    await page.getByLabel('Nama pengguna').fill('ketua');
    await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill('salah-sandi');
    await button.click();
    await shown(page.getByRole('alert').getByText('Nama pengguna atau kata sandi salah.'));
    expect(page.url()).toBe(`${server.url}/login`);

    // After five failures a name is locked for a while, and the page says for how long.
    await page.getByLabel('Nama pengguna').fill('tamu');
    for (let attempt = 1; attempt <= 6; attempt++) {
      await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(`tebakan-${attempt}`);
      await button.click();
      // The page empties the password field once the server has answered.
      await page.waitForFunction(() => document.querySelector<HTMLInputElement>('input[name="password"]')?.value === '');
    }
    await shown(page.getByRole('alert').getByText(/^Terlalu banyak percobaan masuk yang gagal\. Coba lagi setelah \d+ menit\.$/));

    await page.getByLabel('Nama pengguna').fill('ketua');
    await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill('rahasia-ketua-1');
    await button.click();
    await shown(page.getByRole('heading', { name: 'Selamat datang, Sri Wahyuni' }));
    await shown(page.getByTestId('home-role').getByText('Admin sistem'));
    await shown(navLink(page, 'Pengguna'));
  });

  it('switches to English, and a reload keeps English (also for the server’s messages)', async () => {
    await navLink(page, 'Wilayah').click();
    await shown(page.getByRole('heading', { name: 'Wilayah' }));
    await page.getByText('EN', { exact: true }).click();
    await shown(page.getByRole('heading', { name: 'Regions' }));
    await shown(navLink(page, 'Audit trail'));

    await page.reload();
    await shown(page.getByRole('heading', { name: 'Regions' }));
    await shown(navLink(page, 'Home'));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // Province → regency drill-down in English, with breadcrumbs.
    await page.getByRole('link', { name: /^Jawa Barat Province/ }).click();
    await page.getByRole('link', { name: /^Kabupaten Bandung Regency/ }).click();
    await shown(page.getByTestId('region-breadcrumbs').getByText('Jawa Barat'));
    await shown(page.getByRole('heading', { name: 'Kabupaten Bandung' }));

    // Signed out, the login page is English and so is the server's error message.
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(`${server.url}/login`);
    await page.getByLabel('Username').fill('ketua');
    await page.getByRole('textbox', { name: 'Password' }).fill('still-wrong');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await shown(page.getByRole('alert').getByText('Wrong username or password.'));
  });
});
