import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/modules/demo/index.ts';
import { startTestServer, type TestServer } from '../src/testing/server.ts';
import { DESKTOP, launchBrowser, navLink, newPage, openedDialog, shown, signIn, skipBrowserTests } from './browser.ts';

// Tegalrejo (34.71.01.1003), Kota Yogyakarta: in the manager's office YK01. Serial 0917 is not used by the demo.
const CSV = [
  'no_kk,nik,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,hubungan_keluarga,alamat,rt,rw,kode_desa,desil',
  '3471010101269001,3471010505850917,Sutrisno Wibisono,L,Yogyakarta,05-05-1985,KEPALA KELUARGA,Jl. Magelang No. 9,002,001,34.71.01.1003,2',
  '3471010101269001,3471014707880917,Endang Purwaningsih,P,Sleman,07-07-1988,ISTRI,Jl. Magelang No. 9,002,001,34.71.01.1003,2',
  // Line 4: the sex is neither L nor P.
  '3471010101269002,3471011203900917,Joko Susilo,X,Yogyakarta,12-03-1990,KEPALA KELUARGA,Jl. Tegalrejo No. 3,001,001,34.71.01.1003,',
].join('\r\n');

describe.skipIf(skipBrowserTests)('import: a manager previews a CSV with a bad row, imports the valid rows (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('pglite', { demo: true, serveWeb: true }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sees the bad row by line (in either language), skips it, confirms, and finds the imported person', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, server.url, 'manajer', DEMO_PASSWORD);
    await navLink(page, 'Impor').click();
    await shown(page.getByRole('heading', { name: 'Impor & ekspor' }));
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'keluarga.csv', mimeType: 'text/csv', buffer: Buffer.from(`${CSV}\r\n`) });

    const preview = await shown(page.getByTestId('import-preview'));
    await shown(preview.getByText('Hasil pemeriksaan'));
    await shown(preview.getByText('1 masalah'));
    const problems = preview.getByTestId('import-problem');
    expect(await problems.count()).toBe(1);
    expect(await problems.first().locator('td').allInnerTexts()).toEqual(['4', 'jenis_kelamin', 'jenis_kelamin harus L atau P']);
    // The problem follows the UI language (from its code), without uploading again.
    await page.getByText('EN', { exact: true }).click();
    await shown(problems.first().getByText('jenis_kelamin (sex) must be L or P'));
    await page.getByText('ID', { exact: true }).click();
    await shown(problems.first().getByText('jenis_kelamin harus L atau P'));
    await shown(preview.getByText('Ada baris bermasalah. Perbaiki berkas lalu unggah lagi, atau impor baris yang sah saja.'));

    await preview.getByRole('button', { name: 'Impor yang sah saja, lewati 1 baris' }).click();
    const dialog = await openedDialog(page.getByRole('dialog', { name: 'Impor sekarang?' }));
    await shown(dialog.getByText('1 keluarga (2 orang) akan disimpan. Baris bermasalah dilewati: 1.'));
    await dialog.getByRole('button', { name: 'Impor sekarang?' }).click();
    const done = await shown(page.getByRole('alert').filter({ hasText: 'Impor selesai: 1 keluarga dan 2 orang disimpan.' }));

    await done.getByRole('link', { name: 'Penduduk' }).click();
    await page.getByRole('searchbox', { name: 'Cari penduduk' }).fill('Sutrisno Wibisono');
    await shown(page.getByTestId('person-row').filter({ hasText: 'Sutrisno Wibisono' }));
    // The rejected row was not imported.
    await page.getByRole('searchbox', { name: 'Cari penduduk' }).fill('3471011203900917');
    await shown(page.getByText('Tidak ada penduduk yang cocok. Periksa ejaan, atau cari dengan NIK atau nomor KK.'));
    await context.close();
  });
});
