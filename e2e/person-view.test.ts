import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/core/clock.ts';
import { DEMO_PASSWORD, fillDemo } from '../src/modules/demo/index.ts';
import { FLAT_PRODUCT_WITH_PENALTY, YOGYA_FUND } from '../src/testing/financing-fixtures.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../src/testing/server.ts';
import type { Financing } from '../web/src/api/financing.ts';
import { DESKTOP, horizontalPlace, launchBrowser, newPage, openedDialog, PHONE, shown, signIn, skipBrowserTests } from './browser.ts';

// Sunday 15 March 2026 on the server: instalment 1 (15 February) is 28 days late and
// instalment 2 falls due today; each is Rp1.000.000 principal + Rp50.000 profit.
const TODAY = '2026-03-15';

describe.skipIf(skipBrowserTests)('one view of a person: header search, the member’s financing, the total overdue paid (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let cashier: ApiClient;
  let member: { id: string; nik: string; full_name: string };
  let financing: { id: string; number: string };

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startTestServer('pglite', { serveWeb: true, clock: fixedClock(new Date(`${TODAY}T02:00:00Z`)) }),
      launchBrowser(),
    ]);
    await fillDemo(systemTestContext(server.database));
    const manager = new ApiClient(server.url);
    cashier = new ApiClient(server.url);
    await manager.login('manajer', DEMO_PASSWORD);
    await cashier.login('kasir', DEMO_PASSWORD);
    member = await server.database.db
      .selectFrom('person')
      .select(['id', 'nik', 'full_name'])
      .where('village_code', 'like', '34.71.%')
      .where('relation', '=', 'head')
      .orderBy('nik')
      .executeTakeFirstOrThrow();
    await manager.post('/api/v1/financing/products', FLAT_PRODUCT_WITH_PENALTY);
    await manager.post('/api/v1/funds', YOGYA_FUND);
    const applied = await cashier.post('/api/v1/financings', {
      personId: member.id,
      productCode: 'FLAT10D',
      fundCode: 'DANA-YK',
      principal: '6000000',
      installments: 6,
      purpose: 'Modal usaha',
      appliedOn: '2026-01-05',
    });
    financing = { id: applied.body.id, number: applied.body.number };
    await manager.post(`/api/v1/financings/${financing.id}/approve`, {});
    await cashier.post(`/api/v1/financings/${financing.id}/disburse`, { disbursedOn: '2026-01-15', method: 'transfer' });
    expect((await cashier.post('/api/v1/cash-drawers', { openingFloat: '0' })).status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a cashier finds the member by NIK in the header, reaches the financing from the member’s page and takes the total overdue', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, server.url, 'kasir', DEMO_PASSWORD);
    const search = page.getByRole('textbox', { name: 'Cari' });
    await search.fill(member.nik);
    const results = await shown(page.getByTestId('header-search-results'));
    await shown(results.getByText(member.full_name));
    await search.press('Enter');

    await shown(page.getByTestId('person-name').getByText(member.full_name));
    const section = await shown(page.getByTestId('person-financings'));
    const card = await shown(section.getByTestId('person-financing'));
    expect(await card.getByTestId('person-financing-arrears').textContent()).toBe('Tunggakan Rp1.050.000 · 28 hari');
    expect(await card.getByTestId('financing-status').textContent()).toBe('Berjalan');
    expect(await horizontalPlace(card.getByTestId('financing-status'))).toBe('inside');
    // Never cut off ("Berjal…"): the label's text fits its box.
    expect(
      await card.getByTestId('financing-status').evaluate((badge) => {
        const label = badge.querySelector('.mantine-Badge-label') ?? badge;
        return label.scrollWidth <= label.clientWidth;
      }),
    ).toBe(true);
    await card.getByRole('link', { name: financing.number }).click();

    expect(await (await shown(page.getByTestId('financing-overdue'))).textContent()).toContain('Rp1.050.000');
    expect(await page.getByTestId('financing-due-today').textContent()).toContain('Rp1.050.000');
    await page.getByRole('button', { name: 'Catat pembayaran' }).click();
    const dialog = await openedDialog(page.getByRole('dialog'));
    // The form offers overdue + today first, and the total overdue by name.
    expect(await dialog.getByRole('textbox', { name: 'Jumlah' }).inputValue()).toBe('2.100.000');
    await dialog.getByRole('button', { name: 'Total tunggakan Rp1.050.000' }).click();
    expect(await dialog.getByRole('textbox', { name: 'Jumlah' }).inputValue()).toBe('1.050.000');
    await dialog.getByLabel('Tanggal bayar').fill(TODAY);
    await dialog.getByRole('button', { name: 'Catat pembayaran' }).click();
    await shown(page.getByTestId('repayment-recorded'));

    const after = (await cashier.get(`/api/v1/financings/${financing.id}`)).body as Financing;
    expect(after.arrears).toEqual({ overdue: '0', dueToday: '1050000', payableToday: '1050000' });
    expect(after.repayments.map((r) => r.amount)).toEqual(['1050000']);
    expect(await (await shown(page.getByTestId('financing-overdue'))).textContent()).toContain('Rp0');
    await context.close();
  });

  it('on a 360-px phone the header search finds a financing by its number', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, server.url, 'kasir', DEMO_PASSWORD);
    const search = page.getByRole('textbox', { name: 'Cari' });
    expect(await horizontalPlace(search)).toBe('inside');
    await search.fill(financing.number.slice(0, 10));
    const results = await shown(page.getByTestId('header-search-results'));
    await results.getByText(financing.number).click();
    await shown(page.getByTestId('financing-overdue'));
    expect(page.url()).toBe(`${server.url}/financings/${financing.id}`);
    await context.close();
  });
});
