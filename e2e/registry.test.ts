import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/modules/demo/index.ts';
import { startTestServer, type TestServer } from '../src/testing/server.ts';
import { DESKTOP, launchBrowser, navLink, newPage, PHONE, shown, signIn, skipBrowserTests } from './browser.ts';

// A woman born 12 March 1990, first registered in Katapang (32.04.11); serial 0917 is not used by the demo.
const NIK = '3204115203900917';
const KK = '3204110101269001';
const NAME = 'Nur Aisyah Rahmawati';

describe.skipIf(skipBrowserTests)('registry: register a household by NIK, find the person again (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('pglite', { demo: true, serveWeb: true }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a facilitator types a NIK (sex, birth date and region fill in), saves the household, then finds her by a misspelt name', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, server.url, 'pendamping', DEMO_PASSWORD);
    await navLink(page, 'Penduduk').click();
    await shown(page.getByRole('heading', { name: 'Penduduk' }));
    await page.getByRole('link', { name: 'Daftarkan keluarga' }).click();
    await shown(page.getByRole('heading', { name: 'Daftarkan keluarga' }));

    await page.getByRole('textbox', { name: 'Nomor KK' }).fill(KK);
    const village = page.getByRole('combobox', { name: 'Desa/Kelurahan' });
    await village.click();
    await village.fill('Sangkanhurip');
    await page
      .getByRole('option', { name: /Sangkanhurip/ })
      .first()
      .click();
    await page.getByRole('textbox', { name: 'Alamat' }).fill('Kp. Cibodas No. 7');
    await page.getByRole('textbox', { name: 'Telepon/WA keluarga' }).fill('0812 3456 7890');

    const member = page.getByTestId('member-0');
    await member.getByRole('textbox', { name: 'NIK' }).pressSequentially(NIK.slice(0, 10));
    await shown(member.getByText('10 dari 16 angka'));
    await member.getByRole('textbox', { name: 'NIK' }).pressSequentially(NIK.slice(10));
    // The NIK filled sex and birth date, and names the region it encodes.
    expect(await member.getByRole('radio', { name: 'Perempuan' }).isChecked()).toBe(true);
    expect(await member.getByLabel('Tanggal lahir').inputValue()).toBe('12/03/1990');
    await shown(member.getByTestId('member-0-nik-region').getByText(/Katapang/));
    await member.getByRole('textbox', { name: 'Nama lengkap' }).fill(NAME);
    await member.getByRole('textbox', { name: 'Tempat lahir' }).fill('Bandung');
    // The first member is the head of the household already.
    expect(await member.getByRole('combobox', { name: 'Hubungan dalam keluarga' }).inputValue()).toBe('Kepala keluarga');
    await page.getByRole('button', { name: 'Simpan keluarga' }).click();

    await shown(page.getByText(`Keluarga dengan KK ${KK} terdaftar.`));
    await shown(page.getByRole('heading', { name: `Keluarga ${NAME}` }));
    await shown(page.getByTestId('household-members').getByText(NAME));
    // The family's phone, for the cadre's visits, on its page and a tap away.
    await shown(page.getByTestId('household-phone').getByRole('link', { name: '0812 3456 7890' }));

    // Found again with a misspelt name; her page shows what the NIK said.
    await navLink(page, 'Penduduk').click();
    await page.getByRole('searchbox', { name: 'Cari penduduk' }).fill('Nur Aisya Rahmawti');
    const row = page.getByTestId('person-row').filter({ hasText: NAME });
    await shown(row);
    await row.getByRole('link', { name: NAME }).click();
    await shown(page.getByTestId('person-name').getByText(NAME));
    expect(await page.getByTestId('person-nik').innerText()).toBe('3204 1152 0390 0917');
    expect(await page.getByTestId('person-sex').innerText()).toMatch(/^Perempuan/);
    await context.close();
  });

  it('on a 360-px phone the person search shows cards and fits the screen', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, server.url, 'pendamping', DEMO_PASSWORD);
    await page.goto(`${server.url}/persons?q=Gunawan`);
    await shown(page.getByTestId('person-row').first());
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/persons-phone.png' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await context.close();
  });
});
