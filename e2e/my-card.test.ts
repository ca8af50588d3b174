import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, fillDemoCadres } from '../src/modules/demo/index.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../src/testing/server.ts';
import { launchBrowser, newPage, PHONE, shown, signIn, skipBrowserTests } from './browser.ts';

describe.skipIf(skipBrowserTests)('a cadre opens their own ID card on a phone: office app and field app (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let cadreId: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('pglite', { demo: true, serveWeb: true }), launchBrowser()]);
    await fillDemoCadres(systemTestContext(server.database));
    const kader = new ApiClient(server.url);
    await kader.login('kader', DEMO_PASSWORD);
    cadreId = (await kader.get('/api/v1/cadres')).body.items[0].id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('“Kartu saya” on their own page and on the field app’s home opens the card PDF', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, server.url, 'kader', DEMO_PASSWORD);
    await page.goto(`${server.url}/cadres/${cadreId}`);
    const link = await shown(page.getByTestId('my-card-link'));
    expect(await link.textContent()).toContain('Kartu saya');
    const href = `/api/v1/cadres/${cadreId}/card.pdf`;
    expect(await link.getAttribute('href')).toBe(href);
    // The office's buttons (print, reissue) stay with admins and managers.
    expect(await page.getByTestId('cadre-card-link').count()).toBe(0);
    const pdf = await page.request.get(`${server.url}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(page.url()).toContain(`/cadres/${cadreId}`);

    await page.goto(`${server.url}/field`);
    await page.getByRole('button', { name: 'Unduh data' }).click();
    await shown(page.getByTestId('downloaded-at'));
    const fieldLink = await shown(page.getByRole('link', { name: 'Kartu saya' }));
    expect(await fieldLink.getAttribute('href')).toBe(href);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // Without signal the card cannot come from the server: the app says so instead of a dead link.
    await context.setOffline(true);
    await shown(page.getByTestId('field-my-card-offline'));
    expect(await page.getByRole('link', { name: 'Kartu saya' }).count()).toBe(0);
    await context.close();
  });
});
