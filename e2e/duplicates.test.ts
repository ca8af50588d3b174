import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/modules/demo/index.ts';
import { ApiClient, startTestServer, type TestServer } from '../src/testing/server.ts';
import { DESKTOP, launchBrowser, navLink, newPage, openedDialog, shown, signIn, skipBrowserTests } from './browser.ts';

const NAME = 'Slamet Riyadi';
// The second registration in the old spelling (j for y): found by the typo-tolerant review.
const NAMES = [NAME, 'Slamet Rijadi'];
// Born 17 August 1970 in Kecamatan Tegalrejo; serials 0917 and 0918 are not used by the demo.
const NIKS = ['3471011708700917', '3471011708700918'];

describe.skipIf(skipBrowserTests)('duplicates: a reviewer merges two records of one person (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('pglite', { demo: true, serveWeb: true }), launchBrowser()]);
    // The same man registered twice in Bener (34.71.01.1004), each time as the head of a KK.
    const admin = new ApiClient(server.url);
    await admin.login('admin', DEMO_PASSWORD);
    for (const [index, nik] of NIKS.entries()) {
      const created = await admin.post('/api/v1/households', {
        kkNumber: `347101010126900${index + 1}`,
        villageCode: '34.71.01.1004',
        address: `Jl. Bener No. ${index + 4}`,
        members: [{ nik, fullName: NAMES[index], sex: 'M', birthPlace: 'Yogyakarta', birthDate: '1970-08-17', relation: 'head' }],
      });
      if (created.status !== 201) throw new Error(`household not registered: ${JSON.stringify(created.body)}`);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sees the pair side by side, keeps the first record, confirms, and the pair leaves the list', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, server.url, 'manajer', DEMO_PASSWORD);
    await navLink(page, 'Duplikat').click();
    await shown(page.getByRole('heading', { name: 'Data ganda' }));

    const pair = await shown(page.getByTestId('duplicate-pair').filter({ hasText: NAME }));
    for (const name of NAMES) expect(await pair.getByRole('link', { name }).count()).toBe(1);
    // Why the pair is shown, in Indonesian: a similar name in one village, and two KKs.
    await shown(pair.getByText('Nama mirip, tanggal lahir dan desa sama'));
    await shown(pair.getByText('Orang yang sama di dua KK (nama dan tanggal lahir sama)'));
    await shown(pair.getByText('Kemiripan 100%'));
    await shown(pair.getByText('3471 0117 0870 0917'));
    await shown(pair.getByText('3471 0117 0870 0918'));

    await pair.getByRole('radio', { name: 'Pertahankan data ini' }).first().check();
    await pair.getByRole('textbox', { name: 'Catatan (boleh kosong)' }).fill('Terdaftar dua kali, KK lama tidak berlaku');
    await pair.getByRole('button', { name: 'Gabungkan' }).click();
    const dialog = await openedDialog(page.getByRole('dialog', { name: /^Gabungkan data Slamet Ri[yj]adi\?$/ }));
    await shown(dialog.getByText(/Data yang dipertahankan: NIK 34710117087009(17|18)\./));
    await dialog.getByRole('button', { name: 'Gabungkan' }).click();

    await shown(page.getByText('Data digabungkan.'));
    await page.getByTestId('duplicate-pair').filter({ hasText: NAME }).waitFor({ state: 'detached' });
    await context.close();
  });
});
