import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, fillDemo, fillDemoUsep } from '../src/modules/demo/index.ts';
import { startTestServer, systemTestContext, type TestServer } from '../src/testing/server.ts';
import { DESKTOP, launchBrowser, newPage, PHONE, shown, signIn, skipBrowserTests } from './browser.ts';

/** A USEP KM group report climbs the whole chain in the office app, and is returned once on the way. */
describe.skipIf(skipBrowserTests)('the USEP KM report chain (Chromium)', () => {
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

  /** Signs in, opens the reports, picks the draft-chain report of Kricak Sejahtera (its last period) and takes a step. */
  async function step(username: string, viewport: typeof DESKTOP, button: string, expected: string, note = '') {
    const { context, page } = await newPage(browser, viewport);
    await signIn(page, server.url, username, DEMO_PASSWORD);
    await page.goto(`${server.url}/usep/reports`);
    await openChainReport(page);
    if (note) await page.getByLabel('Catatan').fill(note);
    await page.getByRole('button', { name: button, exact: true }).click();
    await shown(page.getByTestId('usep-report-status').getByText(expected, { exact: true }));
    await context.close();
  }
  /** The newest period comes first; a new version comes before the one it replaces. */
  async function openChainReport(page: Page) {
    await (
      await shown(
        page
          .getByTestId('usep-reports')
          .getByText(/\/USEP-KM\/KRICAK-SEJAHTERA\//)
          .first(),
      )
    ).click();
    await shown(page.getByTestId('usep-report'));
  }

  it('draft → submitted → returned → new version → submitted → accepted → acknowledged → received', async () => {
    await step('manajer', DESKTOP, 'Ajukan', 'Diajukan');
    await step('pembina', PHONE, 'Kembalikan', 'Dikembalikan', 'Lampirkan daftar hadir.');
    await step('manajer', DESKTOP, 'Perbaiki (versi baru)', 'Konsep');
    await step('manajer', PHONE, 'Ajukan', 'Diajukan');
    await step('pembina', PHONE, 'Terima', 'Diterima pembina');
    await step('lurah', PHONE, 'Mengetahui', 'Diketahui kelurahan');
    await step('manajer', DESKTOP, 'Terima (Dinas)', 'Diterima Dinas');

    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, server.url, 'camat', DEMO_PASSWORD);
    await page.goto(`${server.url}/usep/reports`);
    await openChainReport(page);
    const steps = page.getByTestId('usep-steps');
    // The camat's copy is the corrected version 2; the returned version 1 was never sent on.
    await shown(page.getByTestId('usep-report').getByText(/Versi 2/));
    for (const words of ['Diajukan', 'Diterima pembina', 'Diketahui (mengetahui)', 'Diterima Dinas', 'Tembusan: Camat Tegalrejo'])
      await shown(steps.getByText(words, { exact: false }).first());
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await context.close();
  });
});
