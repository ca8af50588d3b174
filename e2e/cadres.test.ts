import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, fillDemo } from '../src/modules/demo/index.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../src/testing/server.ts';
import { DESKTOP, launchBrowser, navLink, newPage, PHONE, shown, signIn, skipBrowserTests } from './browser.ts';

describe.skipIf(skipBrowserTests)('JKN cadres: card, training, a family by KK and its JKN card (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let cadreId: string;
  let cadreName: string;
  let kk: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('pglite', { serveWeb: true }), launchBrowser()]);
    await fillDemo(systemTestContext(server.database));
    const db = server.database.db;
    const person = await db
      .selectFrom('person')
      .select(['id', 'full_name'])
      .where('village_code', '=', '34.71.01.1002')
      .where('relation', '=', 'wife')
      .executeTakeFirstOrThrow();
    const household = await db
      .selectFrom('household')
      .select('kk_number')
      .where('village_code', '=', '34.71.01.1001')
      .executeTakeFirstOrThrow();
    kk = household.kk_number;
    cadreName = person.full_name;
    const manager = new ApiClient(server.url);
    await manager.login('manajer', DEMO_PASSWORD);
    const cadre = await manager.post('/api/v1/cadres', {
      personId: person.id,
      officeCode: 'YK01',
      phone: '081234567890',
      letterNumber: '77/ST/KC-YK/2026',
      letterDate: '2026-01-05',
      signedBy: 'Kepala Cabang Yogyakarta',
      validUntil: '2027-01-04',
      villageCodes: ['34.71.01.1001', '34.71.01.1002'],
    });
    if (cadre.status !== 201) throw new Error(`set-up failed: ${JSON.stringify(cadre.body)}`);
    cadreId = cadre.body.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a manager records a training, assigns a family by its KK number and records its JKN card', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, server.url, 'manajer', DEMO_PASSWORD);
    await navLink(page, 'Kader JKN').click();
    await page.getByTestId('cadre-row').getByRole('link', { name: cadreName }).click();
    await shown(page.getByTestId('cadre-name').getByText(cadreName));
    expect(await page.getByTestId('cadre-card-link').getAttribute('href')).toBe(`/api/v1/cadres/${cadreId}/card.pdf`);
    const pdf = await page.request.get(`${server.url}/api/v1/cadres/${cadreId}/card.pdf`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');

    await shown(page.getByTestId('cadre-trainings').getByText('Belum ada pelatihan tercatat.'));
    await page.getByRole('button', { name: 'Catat pelatihan' }).click();
    await page.getByRole('textbox', { name: 'Nama pelatihan' }).fill('Pelatihan kader JKN-KIS');
    await page.getByRole('textbox', { name: 'Penyelenggara' }).fill('BPJS Kesehatan');
    await page.getByRole('textbox', { name: 'Jam pelajaran' }).fill('8');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await shown(page.getByTestId('training-row').getByText('Pelatihan kader JKN-KIS'));
    await shown(page.getByText('Total 8 jam'));

    await page.getByRole('button', { name: 'Tambah keluarga' }).click();
    await page.getByTestId('assign-kk').fill(kk);
    await page.getByRole('button', { name: 'Cari' }).click();
    await page.getByTestId('assign-confirm').click();
    await shown(page.getByTestId('cadre-caseload').getByText('1 dari 500 keluarga'));

    await page.getByTestId('family-row').getByRole('link').click();
    const section = await shown(page.getByTestId('jkn-section'));
    await shown(section.getByText(cadreName));
    await section.getByTestId('jkn-record').first().click();
    await page.getByTestId('jkn-card-number').fill('000123456789');
    await page.getByTestId('jkn-save').click();
    await shown(page.getByText('Format tidak sesuai.'));
    await page.getByTestId('jkn-card-number').fill('0001234567890');
    await page.getByRole('checkbox', { name: 'Keluarga ini baru direkrut menjadi peserta' }).check();
    await page.getByTestId('jkn-save').click();
    await shown(section.getByTestId('jkn-due').getByText('Rp35.000'));
    await shown(section.getByTestId('jkn-recruitment'));
    await context.close();
  });

  it('the cadre page fits a 360-px phone', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, server.url, 'manajer', DEMO_PASSWORD);
    await page.goto(`${server.url}/cadres/${cadreId}`);
    await shown(page.getByTestId('family-row'));
    await shown(page.getByTestId('training-row'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.getByTestId('family-row').getByRole('link').click();
    await shown(page.getByTestId('jkn-member').first());
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await context.close();
  });
});
