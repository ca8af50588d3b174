import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, fillDemoCadres } from '../src/modules/demo/index.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../src/testing/server.ts';
import { launchBrowser, newPage, PHONE, shown, skipBrowserTests } from './browser.ts';

describe.skipIf(skipBrowserTests)('public card verification: what a phone shows after scanning the QR code (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  // The admin: organisation-wide (the demo manager's offices do not cover Katapang).
  let admin: ApiClient;
  let cadreId: string;
  let verifyPath: string;
  let demoCards: { name: string; status: string; verifyPath: string }[];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('pglite', { demo: true, serveWeb: false }), launchBrowser()]);
    demoCards = (await fillDemoCadres(systemTestContext(server.database))).cards;
    admin = new ApiClient(server.url);
    await admin.login('admin', DEMO_PASSWORD);
    // The demo user kader's cadre (the demo has two more: one suspended, one revoked).
    cadreId = (
      await server.database.db
        .selectFrom('cadre')
        .innerJoin('app_user', 'app_user.id', 'cadre.user_id')
        .select('cadre.id')
        .where('app_user.username', '=', 'kader')
        .executeTakeFirstOrThrow()
    ).id;
    // A new card: the path its QR code opens (the card PDF prints it with the server's origin).
    const card = await admin.post(`/api/v1/cadres/${cadreId}/card`);
    expect(card.status).toBe(201);
    verifyPath = card.body.verifyPath;
    // The number the public calls to report a fake card, set on the organisation page.
    const organisation = (await admin.get('/api/v1/organisation')).body;
    const saved = await admin.patch('/api/v1/organisation', { name: organisation.name, reportContact: '0812 3456 7890' });
    expect(saved.status).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows a genuine cadre on a 360-px phone without signing in; warns loudly once revoked, and for a forged code', async () => {
    const cadre = (await admin.get(`/api/v1/cadres/${cadreId}`)).body;
    const { context, page } = await newPage(browser, PHONE);
    await page.goto(`${server.url}${verifyPath}`);
    await shown(page.getByText('KADER JKN TERVERIFIKASI'));
    await shown(page.getByText(cadre.name, { exact: true }));
    await shown(page.getByText('12/ST/JKM-BD/2026'));
    await shown(page.getByText(/Katapang/).first());
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    // Whose card it is, when the server checked it (to the second, against screenshots), whom to call about a fake.
    const organisation = (await admin.get('/api/v1/organisation')).body.name as string;
    await shown(page.getByText(organisation, { exact: true }));
    expect(await page.getByTestId('checked-at').textContent()).toMatch(
      /^Diperiksa pada (Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} \p{L}+ \d{4} pukul \d{2}\.\d{2}\.\d{2} WIB \(waktu server\)\.$/u,
    );
    expect(await page.getByRole('link', { name: '0812 3456 7890' }).getAttribute('href')).toBe('tel:081234567890');
    await shown(page.getByText('Berlaku sampai'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    const reason = 'Surat tugas dicabut';
    expect((await admin.patch(`/api/v1/cadres/${cadreId}/status`, { status: 'revoked', reason })).status).toBe(200);
    await page.reload();
    await shown(page.getByText('AWAS: KARTU DICABUT'));
    expect(await page.getByText('KADER JKN TERVERIFIKASI').count()).toBe(0);
    // A revoked card shows only its revocation, never an end date that reads like a promise.
    await shown(page.getByText('Dicabut: bukan kader lagi'));
    expect(await page.getByText('Berlaku sampai').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // One character of the signature changed: not made by the server.
    const token = verifyPath.slice('/v/'.length);
    const at = token.length - 5;
    const forged = `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
    await page.goto(`${server.url}/v/${forged}`);
    await shown(page.getByText('AWAS: KARTU TIDAK SAH'));
    expect(await page.getByText(cadre.name, { exact: true }).count()).toBe(0);

    // The demo's suspended cadre: the card is genuine, the page still warns.
    const suspended = demoCards.find((c) => c.status === 'suspended');
    if (!suspended) throw new Error('the demo has no suspended cadre');
    await page.goto(`${server.url}${suspended.verifyPath}`);
    await shown(page.getByText('AWAS: KADER DIBEKUKAN'));
    await shown(page.getByText(suspended.name, { exact: true }));
    await context.close();
  });
});
