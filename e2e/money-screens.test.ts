import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/core/clock.ts';
import { DEMO_PASSWORD, fillDemo } from '../src/modules/demo/index.ts';
import { closeDay } from '../src/modules/financing/index.ts';
import { FLAT_PRODUCT_WITH_PENALTY, YOGYA_FUND } from '../src/testing/financing-fixtures.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../src/testing/server.ts';
import { DESKTOP, eventually, horizontalPlace, launchBrowser, newPage, PHONE, shown, signIn, skipBrowserTests } from './browser.ts';

// Sunday 15 March 2026. The wife's financing (Rp 6,000,000 flat 10% over 6 months, disbursed 15
// January) is 28 days late: Rp 1,050,000 overdue plus the late charge close of day accrued (1‰ a
// day for 28 days: Rp 29,400). Her husband, the head of the same KK, applies for Rp 3,000,000.
const TODAY = '2026-03-15';

/** No status badge on the page is cut off: each label's text fits its box. */
async function badgesWhole(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.mantine-Badge-root')].flatMap((badge) => {
      const label = badge.querySelector('.mantine-Badge-label') ?? badge;
      const fits = label.scrollWidth <= label.clientWidth && badge.scrollWidth <= badge.clientWidth;
      return fits ? [] : [badge.textContent ?? ''];
    }),
  );
}

describe.skipIf(skipBrowserTests)('the money screens: household arrears on approval, PAR drill-down with the officer (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let wife: { name: string; financing: string; number: string };
  let application = '';

  beforeAll(async () => {
    const clock = fixedClock(new Date(`${TODAY}T02:00:00Z`));
    [server, browser] = await Promise.all([startTestServer('pglite', { serveWeb: true, clock }), launchBrowser()]);
    await fillDemo(systemTestContext(server.database, clock));
    const [admin, manager, cashier] = [new ApiClient(server.url), new ApiClient(server.url), new ApiClient(server.url)];
    await admin.login('admin', DEMO_PASSWORD);
    await manager.login('manajer', DEMO_PASSWORD);
    await cashier.login('kasir', DEMO_PASSWORD);
    const officer = await admin.post('/api/v1/users', {
      username: 'fasil.kricak',
      fullName: 'Sri Wahyuni',
      role: 'facilitator',
      password: DEMO_PASSWORD,
      officeCodes: ['YK01'],
    });
    expect(officer.status).toBe(201);
    const couple = await server.database.db
      .selectFrom('person as w')
      .innerJoin('person as h', (join) => join.onRef('h.household_id', '=', 'w.household_id').on('h.relation', '=', 'head'))
      .select(['w.id as wife_id', 'w.full_name as wife_name', 'h.id as head_id', 'w.household_id'])
      .where('w.village_code', 'like', '34.71.%')
      .where('w.relation', '=', 'wife')
      .where('w.died_on', 'is', null)
      .orderBy('w.nik')
      .executeTakeFirstOrThrow();
    await server.database.db.updateTable('household').set({ phone: '0812-2700-4411' }).where('id', '=', couple.household_id).execute();
    await manager.post('/api/v1/financing/products', FLAT_PRODUCT_WITH_PENALTY);
    await manager.post('/api/v1/funds', YOGYA_FUND);
    const open = async (personId: string, principal: string, appliedOn: string) =>
      (
        await cashier.post('/api/v1/financings', {
          personId,
          productCode: 'FLAT10D',
          fundCode: 'DANA-YK',
          principal,
          installments: 6,
          purpose: 'Modal warung',
          appliedOn,
        })
      ).body as { id: string; number: string };
    const hers = await open(couple.wife_id, '6000000', '2026-01-05');
    await manager.post(`/api/v1/financings/${hers.id}/approve`, {});
    await cashier.post(`/api/v1/financings/${hers.id}/disburse`, { disbursedOn: '2026-01-15', method: 'transfer' });
    expect((await manager.request('PUT', `/api/v1/financings/${hers.id}/officer`, { userId: officer.body.id })).status).toBe(200);
    wife = { name: couple.wife_name, financing: hers.id, number: hers.number };
    application = (await open(couple.head_id, '3000000', TODAY)).id;
    await closeDay(systemTestContext(server.database, clock), TODAY);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a manager opens the application and sees the household’s other financing with its arrears; no badge is cut off', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, server.url, 'manajer', DEMO_PASSWORD);
    await page.goto(`${server.url}/financings/${application}`);
    const section = await shown(page.getByTestId('household-exposure'));
    await shown(section.getByRole('heading', { name: 'Pembiayaan lain anggota dan keluarganya (satu KK)' }));
    const item = await shown(section.getByTestId('exposure-item'));
    await shown(item.getByText(wife.name));
    await shown(item.getByText(wife.number));
    expect(await item.getByTestId('exposure-overdue').textContent()).toBe('Tunggakan Rp1.079.400 · 28 hari');
    expect(await item.getByTestId('financing-status').textContent()).toBe('Berjalan');
    const totals = await shown(section.getByTestId('exposure-totals'));
    await shown(totals.getByText('Rp6.329.400'));
    await shown(totals.getByText('Rp9.329.400'));
    await shown(page.getByRole('button', { name: 'Setujui' }));
    expect(await badgesWhole(page)).toEqual([]);
    // The list names each financing's officer, and filters by one; its badges are whole too.
    await page.goto(`${server.url}/financings`);
    await shown(page.getByTestId('financings-list'));
    await page.getByTestId('financing-officer-filter').click();
    await page.getByRole('option', { name: 'Sri Wahyuni' }).click();
    const row = await shown(page.getByTestId('financing-row').filter({ hasText: wife.number }));
    await eventually(async () => (await page.getByTestId('financing-row').count()) === 1, 'only her financing is listed');
    expect(await row.getByTestId('financing-row-officer').textContent()).toBe('Sri Wahyuni');
    await page.getByTestId('financing-officer-filter').fill('');
    await page.keyboard.press('Escape');
    expect(await badgesWhole(page)).toEqual([]);
    await context.close();
  });

  it('the manager drills PAR 1 down to the named financing with its officer and the member’s phone', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, server.url, 'manajer', DEMO_PASSWORD);
    await page.goto(`${server.url}/financing/portfolio`);
    await (await shown(page.getByTestId('par1-drill'))).click();
    await shown(page.getByRole('heading', { level: 1, name: 'Pembiayaan berisiko (PAR 1)' }));
    const row = await shown(page.getByTestId('drill-row-item').filter({ hasText: wife.name }));
    expect(await row.getByTestId('drill-officer').textContent()).toBe('Sri Wahyuni');
    expect(await row.getByTestId('drill-phone').textContent()).toBe('0812-2700-4411');
    await shown(row.getByText('Rp6.000.000'));
    await shown(row.getByText(wife.number));
    // PAR 30: 28 days late is not there.
    await page.getByTestId('drill-par').getByText('PAR 30').click();
    await shown(page.getByRole('heading', { level: 1, name: 'Pembiayaan berisiko (PAR 30)' }));
    await page.waitForFunction((name) => !document.body.textContent?.includes(name), wife.name);
    await context.close();
  });

  it('at 360 px: the drill-down and the approval screen fit, and no badge is cut off', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, server.url, 'manajer', DEMO_PASSWORD);
    await page.goto(`${server.url}/financing/portfolio/at-risk?par=1`);
    const card = await shown(page.getByTestId('drill-row-item').filter({ hasText: wife.name }));
    expect(await horizontalPlace(card)).toBe('inside');
    expect(await card.getByTestId('drill-officer').textContent()).toBe('Sri Wahyuni');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.goto(`${server.url}/financings/${application}`);
    const item = await shown(page.getByTestId('exposure-item'));
    expect(await horizontalPlace(item)).toBe('inside');
    expect(await horizontalPlace(item.getByTestId('financing-status'))).toBe('inside');
    expect(await badgesWhole(page)).toEqual([]);
    await page.goto(`${server.url}/financings/${wife.financing}`);
    await shown(page.getByTestId('financing-officer').getByText('Sri Wahyuni'));
    expect(await badgesWhole(page)).toEqual([]);
    await page.goto(`${server.url}/financings`);
    await shown(page.getByTestId('financings-list'));
    expect(await badgesWhole(page)).toEqual([]);
    await context.close();
  });

  it('in English: the approval screen, the officer and the drill-down', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, server.url, 'manajer', DEMO_PASSWORD);
    await page.evaluate(() => localStorage.setItem('jaring.language', 'en'));
    await page.goto(`${server.url}/financings/${application}`);
    const section = await shown(page.getByTestId('household-exposure'));
    await shown(section.getByRole('heading', { name: 'Other financings of the member and their family (same KK)' }));
    expect(await section.getByTestId('exposure-overdue').textContent()).toBe('Overdue Rp1.079.400 · 28 days');
    await page.goto(`${server.url}/financings/${wife.financing}`);
    await shown(page.getByText('Responsible officer', { exact: true }));
    await shown(page.getByTestId('change-officer').getByText('Change officer'));
    await page.goto(`${server.url}/financing/portfolio/at-risk?par=1`);
    await shown(page.getByRole('heading', { level: 1, name: 'Financings at risk (PAR 1)' }));
    await shown(page.getByRole('columnheader', { name: 'Officer' }));
    await context.close();
  });
});
