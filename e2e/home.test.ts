import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/core/clock.ts';
import { formatRupiah } from '../src/core/format.ts';
import { DEMO_PASSWORD, fillDemo, fillDemoCadres, fillDemoHealth, fillDemoMoney, fillDemoUsep } from '../src/modules/demo/index.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../src/testing/server.ts';
import type { HomeView } from '../web/src/api/home.ts';
import { DESKTOP, eventually, launchBrowser, newPage, PHONE, shown, signIn, skipBrowserTests } from './browser.ts';

/** What each role's home page must show, from the API the page reads. */
async function homeOf(server: TestServer, username: string) {
  const client = new ApiClient(server.url);
  await client.login(username, DEMO_PASSWORD);
  return (await client.get('/api/v1/home')).body as HomeView;
}
const card = (view: HomeView, key: string) => {
  const found = view.cards.find((c) => c.key === key);
  if (!found) throw new Error(`no ${key}`);
  return found;
};
const figureOf = (page: Page, key: string) => page.getByTestId(`today-${key}-value`);

describe.skipIf(skipBrowserTests)('home (Hari ini): each role lands on its figures, and a figure opens its list (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  const clock = fixedClock(new Date(Date.now() - 86_400_000));

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('pglite', { serveWeb: true, clock }), launchBrowser()]);
    const ctx = systemTestContext(server.database, clock);
    await fillDemo(ctx);
    await fillDemoCadres(ctx);
    await fillDemoMoney(ctx);
    await fillDemoHealth(ctx);
    await fillDemoUsep(ctx);
    // The cashier's drawer is open with a float, so the home page shows its cash.
    const cashier = new ApiClient(server.url);
    await cashier.login('kasir', DEMO_PASSWORD);
    expect((await cashier.post('/api/v1/cash-drawers', { openingFloat: '750000' })).status).toBe(201);
  }, 400_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the cashier: the drawer open with its cash, instalments due today and receipts; "due today" opens the filtered financings', async () => {
    const view = await homeOf(server, 'kasir');
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, server.url, 'kasir', DEMO_PASSWORD);
    await shown(page.getByRole('heading', { name: 'Hari ini' }));
    await shown(page.getByTestId('today-drawer').getByText('Terbuka'));
    await shown(page.getByTestId('today-drawer').getByText(formatRupiah('750000')));
    expect(await figureOf(page, 'dueToday').textContent()).toBe(card(view, 'dueToday').value);
    expect(await figureOf(page, 'receiptsToday').textContent()).toBe(card(view, 'receiptsToday').value);
    await page.getByTestId('today-dueToday-link').click();
    await shown(page.getByRole('heading', { name: 'Pembiayaan' }));
    await shown(page.getByTestId('financing-linked-filters'));
    expect(page.url()).toContain('dueFrom=');
    const due = Number(card(view, 'dueToday').value);
    if (due === 0) await shown(page.getByTestId('empty-state'));
    else await eventually(async () => (await page.getByTestId('financing-row').count()) === Math.min(due, 25), 'the due rows show');
    await context.close();
  });

  it('the manager: applications waiting open the list of exactly those; PAR with its trend; cash by fund', async () => {
    const view = await homeOf(server, 'manajer');
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, server.url, 'manajer', DEMO_PASSWORD);
    const waiting = card(view, 'applicationsWaiting');
    expect(Number(waiting.value)).toBeGreaterThan(0);
    expect(await figureOf(page, 'applicationsWaiting').textContent()).toBe(waiting.value);
    expect(await figureOf(page, 'par30').textContent()).toBe(`${card(view, 'par30').value.replace('.', ',')}%`);
    expect(await figureOf(page, 'cashByFund').textContent()).toBe(formatRupiah(card(view, 'cashByFund').value));
    await shown(page.getByTestId('today-cashByFund').getByRole('link', { name: 'MODAL-LKM' }));
    await page.getByTestId('today-applicationsWaiting-link').click();
    await shown(page.getByRole('heading', { name: 'Pembiayaan' }));
    await eventually(
      async () => (await page.getByTestId('financing-row').count()) === Number(waiting.value),
      'the waiting applications show',
    );
    await shown(page.getByTestId('financing-row').first().getByText('Diajukan'));
    await context.close();
  });

  it('the facilitator on a phone: members due and overdue; "overdue" opens their overdue financings', async () => {
    const view = await homeOf(server, 'pendamping');
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, server.url, 'pendamping', DEMO_PASSWORD);
    for (const key of ['groupsThisWeek', 'membersDue', 'membersOverdue', 'membersAtRisk'])
      expect(await figureOf(page, key).textContent()).toBe(card(view, key).value);
    // Nothing of the figures sticks out of a 360 px screen.
    const widest = await page.getByTestId('today').evaluate((el) => el.scrollWidth);
    expect(widest).toBeLessThanOrEqual(360);
    await page.getByTestId('today-membersOverdue-link').click();
    await shown(page.getByTestId('financing-linked-filters').getByText('Menunggak'));
    const overdue = Number(card(view, 'membersOverdue').value);
    if (overdue === 0) await shown(page.getByTestId('empty-state'));
    else await eventually(async () => (await page.getByTestId('financing-row').count()) >= overdue, 'the overdue financings show');
    await context.close();
  });

  it('the cadre: families, arrears and the cash held; the families figure opens the cadre page', async () => {
    const view = await homeOf(server, 'kader');
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, server.url, 'kader', DEMO_PASSWORD);
    expect(await figureOf(page, 'families').textContent()).toBe(card(view, 'families').value);
    expect(await figureOf(page, 'familiesInArrears').textContent()).toBe(card(view, 'familiesInArrears').value);
    expect(await figureOf(page, 'cashHeld').textContent()).toBe(formatRupiah(card(view, 'cashHeld').value));
    await page.getByTestId('today-families-link').click();
    await eventually(async () => page.url().includes(card(view, 'families').link as string), 'the cadre page opens');
    await context.close();
  });

  it('the health worker: recalls overdue open the overdue recall list; members at risk', async () => {
    const view = await homeOf(server, 'dokter');
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, server.url, 'dokter', DEMO_PASSWORD);
    expect(await figureOf(page, 'recallsOverdue').textContent()).toBe(card(view, 'recallsOverdue').value);
    expect(await figureOf(page, 'membersAtRisk').textContent()).toBe(card(view, 'membersAtRisk').value);
    expect(await figureOf(page, 'pregnanciesNearTerm').textContent()).toBe(card(view, 'pregnanciesNearTerm').value);
    await page.getByTestId('today-recallsOverdue-link').click();
    await shown(page.getByRole('heading', { name: 'Jadwal skrining ulang' }));
    expect(page.url()).toContain('status=overdue');
    await context.close();
  });

  it('the auditor in English: reversals, write-offs, manual entries and drawer differences since the 1st; write-offs open the list', async () => {
    const view = await homeOf(server, 'auditor');
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, server.url, 'auditor', DEMO_PASSWORD);
    for (const key of ['reversals', 'writeOffs', 'manualEntries', 'drawerDifferences'])
      expect(await figureOf(page, key).textContent()).toBe(card(view, key).value);
    await page.evaluate(() => localStorage.setItem('jaring.language', 'en'));
    await page.reload();
    await shown(page.getByRole('heading', { name: 'Today' }));
    await shown(page.getByText('Write-offs', { exact: true }));
    await page.getByTestId('today-writeOffs-link').click();
    expect(page.url()).toContain('status=written_off');
    await shown(page.getByTestId('financing-linked-filters'));
    const writeOffs = Number(card(view, 'writeOffs').value);
    if (writeOffs > 0) await eventually(async () => (await page.getByTestId('financing-row').count()) === writeOffs, 'the write-offs show');
    // Drawer differences open the closed drawers narrowed to exactly those (read only: no drawer to open).
    await page.goto(`${server.url}/`);
    await page.getByTestId('today-drawerDifferences-link').click();
    await shown(page.getByTestId('drawer-filters').getByText('Only those closed with a difference'));
    expect(page.url()).toContain('difference=true');
    const differences = Number(card(view, 'drawerDifferences').value);
    if (differences > 0)
      await eventually(
        async () => (await page.getByTestId('drawer-history').locator('tbody tr').count()) === differences,
        'the drawers show',
      );
    expect(await page.getByRole('button', { name: 'Open drawer' }).count()).toBe(0);
    await context.close();
  });
});
