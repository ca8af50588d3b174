import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, fillDemo, fillDemoUsep } from '../src/modules/demo/index.ts';
import { startTestServer, systemTestContext, type TestServer } from '../src/testing/server.ts';
import { DESKTOP, launchBrowser, newPage, PHONE, shown, signIn, skipBrowserTests } from './browser.ts';

/** The chain stimulus screens and a member's business month by month, in Indonesian, partly on a 360 px phone. */
describe.skipIf(skipBrowserTests)('USEP KM stimulus rounds and business months (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    const starting = startTestServer('pglite', { serveWeb: true });
    browser = await launchBrowser().catch(async (error: unknown) => {
      await (await starting).close();
      throw error;
    });
    server = await starting;
    const ctx = systemTestContext(server.database);
    await fillDemo(ctx);
    await fillDemoUsep(ctx);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a musyawarah passes repaid money on: refused beyond the pot, then the next member appears in round 2', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, server.url, 'manajer', DEMO_PASSWORD);
    await page.goto(`${server.url}/usep/chain`);
    await shown(page.getByRole('heading', { name: 'Stimulan berantai USEP KM' }));
    await shown(page.getByTestId('city-multiplier').getByText('Rp19.714.000'));
    await page.getByTestId('group-multipliers').getByRole('link', { name: 'USEP KM Kricak Mandiri' }).click();
    await shown(page.getByTestId('usep-group-name').getByText('USEP KM Kricak Mandiri'));
    // Round 2 was lent from round 1's repayments: Rp4.000.000 repaid, Rp3.000.000 passed on, Rp1.000.000 free.
    await shown(
      page
        .getByTestId('round-2')
        .getByText(/dari angsuran/)
        .first(),
    );
    await shown(page.getByTestId('chain-free').getByText('Rp1.000.000'));

    // The city's stimulus fund is spent: allocating more says so.
    await page.getByTestId('open-allocate').click();
    const allocate = page.getByRole('dialog');
    await allocate.getByLabel('Dana stimulan').click();
    await page.getByRole('option', { name: /USEP-KOTA/ }).click();
    await allocate.getByLabel('Jumlah').fill('500000');
    await allocate.getByRole('button', { name: 'Alokasikan stimulan' }).click();
    await shown(allocate.getByText(/Kas dana stimulan tidak cukup/));
    await allocate.getByRole('button', { name: 'Batal' }).click();

    await page.getByTestId('open-pass-on').click();
    const passOn = page.getByRole('dialog');
    await passOn.getByRole('button', { name: 'Gulirkan (keputusan musyawarah)' }).click();
    await shown(passOn.getByText('Pilih musyawarah yang memutuskan.'));
    await shown(passOn.getByText('Pilih anggota kelompok.'));
    await passOn.getByLabel('Musyawarah').click();
    await page.getByRole('option', { name: '+ Catat musyawarah baru' }).click();
    await passOn.getByLabel('Acara').fill('Menggulirkan angsuran putaran kedua');
    await passOn.getByLabel('Keputusan').fill('Angsuran yang kembali digulirkan kepada satu anggota berikutnya.');
    await passOn.getByLabel('Produk pembiayaan').click();
    await page.getByRole('option', { name: /USEP-QARDH/ }).click();
    await passOn.getByLabel('Anggota').click();
    const member = page.getByRole('option').nth(7);
    const memberName = (await member.textContent()) ?? '';
    await member.click();
    await passOn.getByLabel('Jumlah').fill('2000000');
    await passOn.getByLabel('Keperluan').fill('Modal warung');
    await shown(passOn.getByTestId('over-pot'));
    await passOn.getByRole('button', { name: 'Gulirkan (keputusan musyawarah)' }).click();
    // The server refuses more than the pot holds; the musyawarah is on record and is not recorded twice.
    await shown(passOn.getByRole('alert').getByText(/Tidak dapat menggulirkan lebih dari isi kas kelompok/));
    await passOn.getByLabel('Jumlah').fill('1000000');
    await passOn.getByRole('button', { name: 'Gulirkan (keputusan musyawarah)' }).click();
    await shown(page.getByTestId('round-2').getByText(memberName, { exact: true }).first());
    await shown(page.getByTestId('chain-free').getByText('Rp0'));
    await context.close();
  });

  it("records a business's monthly figures on the member's page, on a phone", async () => {
    const owner = await server.database.db
      .selectFrom('business')
      .select(['person_id'])
      .where('name', '=', 'Keripik singkong 1')
      .executeTakeFirstOrThrow();
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, server.url, 'manajer', DEMO_PASSWORD);
    await page.goto(`${server.url}/persons/${owner.person_id}`);
    const card = await shown(page.getByTestId('development-Keripik singkong 1'));
    await shown(card.getByTestId('development-change'));
    await card.getByTestId('record-month').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await shown(dialog.getByText('Wajib diisi.').first());
    await dialog.getByLabel('Omzet').fill('2000000');
    await dialog.getByLabel('Biaya').fill('1200000');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await shown(card.getByTestId('development-months').getByText('Rp800.000'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await context.close();
  });
});
