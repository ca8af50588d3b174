import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/core/clock.ts';
import { formatRupiah } from '../src/core/format.ts';
import { DEMO_PASSWORD, fillDemo, fillDemoMoney } from '../src/modules/demo/index.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../src/testing/server.ts';
import type { PortfolioView, QueueView } from '../web/src/api/portfolio.ts';
import {
  DESKTOP,
  eventually,
  horizontalPlace,
  launchBrowser,
  navLink,
  newPage,
  PHONE,
  shown,
  signIn,
  skipBrowserTests,
} from './browser.ts';

/** The date as the web app shows it in Bahasa Indonesia ("13 Mar 2026"). */
const shownDate = (iso: string) =>
  new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );

const nextDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe.skipIf(skipBrowserTests)('portfolio: a manager reads PAR and the revolving queue, an admin closes the next day (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let portfolio: PortfolioView;
  let queue: QueueView;
  // The demo is filled and its day closed yesterday; the last test moves the server to today and closes it
  // (a day that has not come cannot be closed).
  const clock = fixedClock(new Date(Date.now() - 86_400_000));

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('pglite', { serveWeb: true, clock }), launchBrowser()]);
    const ctx = systemTestContext(server.database, clock);
    await fillDemo(ctx);
    await fillDemoMoney(ctx);
    // What the screens must show, from the API the web app reads.
    const manager = new ApiClient(server.url);
    await manager.login('manajer', DEMO_PASSWORD);
    portfolio = (await manager.get('/api/v1/financing/portfolio?by=office')).body as PortfolioView;
    queue = (await manager.get('/api/v1/financing/queue?fund=USEP-2026')).body as QueueView;
    if (!portfolio.rows || !queue.waiting) throw new Error(`set-up failed: ${JSON.stringify([portfolio, queue])}`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the manager sees PAR figures and quality-class bars, then the fund breakdown', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, server.url, 'manajer', DEMO_PASSWORD);
    await navLink(page, 'Portofolio & PAR').click();
    await shown(page.getByRole('heading', { name: 'Portofolio pembiayaan' }));
    await shown(page.getByTestId('portfolio-date').getByText(`Tutup hari ${shownDate(portfolio.date)}`));

    const office = portfolio.rows[0];
    if (!office) throw new Error('no portfolio row');
    const percent = (value: string) => `${value.replace('.', ',')}%`;
    expect(await page.getByTestId('outstanding-value').textContent()).toBe(formatRupiah(office.outstanding));
    expect(await page.getByTestId('par1-value').textContent()).toBe(percent(office.par1Percent));
    expect(await page.getByTestId('par30-value').textContent()).toBe(percent(office.par30Percent));
    expect(await page.getByTestId('par90-value').textContent()).toBe(percent(office.par90Percent));
    expect(office.par30Percent).not.toBe('0.00'); // the demo's arrears show
    await shown(page.getByTestId('provision-value'));

    const bars = page.getByTestId('class-bar');
    expect(await bars.count()).toBe(5);
    for (const [index, name] of ['Lancar', 'DPK', 'Kurang Lancar', 'Diragukan', 'Macet'].entries()) {
      const bar = bars.nth(index);
      await shown(bar.getByText(`${index + 1} · ${name}`, { exact: true }));
      expect(await bar.getByTestId('class-bar-amount').textContent()).toContain(formatRupiah(office.byClass[index] ?? '0'));
    }
    // Only an admin closes days.
    expect(await page.getByTestId('close-day').count()).toBe(0);

    await page.getByTestId('portfolio-by').getByText('Dana', { exact: true }).click();
    const rows = page.getByTestId('portfolio-row');
    await shown(rows.filter({ hasText: 'USEP-2026' }));
    await shown(rows.filter({ hasText: 'MODAL-LKM' }));

    // Before any day was closed the server answers 404 close_day.none_yet: the page says what to do.
    await page.route('**/api/v1/financing/portfolio?**', (route) =>
      route.fulfill({
        status: 404,
        contentType: 'application/problem+json',
        body: JSON.stringify({ status: 404, code: 'close_day.none_yet', detail: 'Belum ada hari yang ditutup.' }),
      }),
    );
    await page.reload();
    const none = await shown(page.getByTestId('portfolio-none-yet'));
    await shown(none.getByText('Belum ada hari yang ditutup', { exact: true }));
    await shown(none.getByText(/Minta admin sistem menutup hari terlebih dahulu\./));
    await context.close();
  });

  it('on a 360-px phone the manager opens the USEP-2026 queue: three waiting, and whose arrears hold them up', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, server.url, 'manajer', DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Buka menu navigasi' }).click();
    const link = navLink(page, 'Antrean dana bergulir');
    await eventually(async () => (await horizontalPlace(link)) === 'inside', 'the burger shows the navigation');
    await link.click();
    await shown(page.getByRole('heading', { name: 'Antrean dana bergulir' }));
    await page.getByRole('combobox', { name: 'Dana' }).click();
    await page.getByRole('option', { name: /^USEP-2026/ }).click();

    const waiting = page.getByTestId('queue-waiting-row');
    await shown(waiting.first());
    expect(await waiting.count()).toBe(3);
    expect(queue.waiting).toHaveLength(3);
    for (const [index, row] of queue.waiting.entries()) {
      const card = waiting.nth(index);
      await shown(card.getByRole('link', { name: row.memberName }));
      expect(await card.getByRole('link', { name: row.memberName }).getAttribute('href')).toBe(`/financings/${row.financingId}`);
      await shown(card.getByTestId('expected-on').getByText(row.expectedOn ? shownDate(row.expectedOn) : 'belum terjadwal'));
    }

    const section = page.getByTestId('overdue-section');
    await shown(section.getByRole('heading', { name: 'Tunggakan yang menahan giliran' }));
    if (queue.overdue.length === 0) await shown(section.getByTestId('overdue-empty'));
    else {
      const items = section.getByTestId('overdue-item');
      expect(await items.count()).toBe(queue.overdue.length);
      const holding = queue.overdue.find((o) => o.holdingUp.length > 0) ?? queue.overdue[0];
      if (!holding) throw new Error('no overdue financing');
      const item = items.filter({ hasText: holding.number });
      await shown(item.getByRole('link', { name: holding.memberName }));
      for (const held of holding.holdingUp) await shown(item.getByTestId('held-member').filter({ hasText: held.memberName }));
      if (holding.holdingUp.length === 0) await shown(item.getByText(/^Belum cukup untuk membiayai anggota berikutnya hari ini/));
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // The dashboard fits the phone too.
    await page.goto(`${server.url}/financing/portfolio`);
    await shown(page.getByTestId('class-bars'));
    await shown(page.getByTestId('portfolio-row').first());
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // The fund's own page lists what it lent, as cards on the phone, each opening its financing.
    const funds = (await (await page.request.get(`${server.url}/api/v1/funds`)).json()) as { items: { id: string; code: string }[] };
    const fund = funds.items.find((f) => f.code === 'USEP-2026');
    const lent = (await (await page.request.get(`${server.url}/api/v1/financings?fund=USEP-2026`)).json()) as {
      items: { id: string; number: string; personName: string }[];
    };
    const first = lent.items[0];
    if (!fund || !first) throw new Error('the demo fund USEP-2026 has lent nothing');
    await page.goto(`${server.url}/finance/funds/${fund.id}`);
    const card = await shown(page.getByTestId('financing-row').filter({ hasText: first.number }));
    await shown(card.getByText(first.personName));
    expect(await card.getByRole('link', { name: first.number }).getAttribute('href')).toBe(`/financings/${first.id}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await context.close();
  });

  it('the admin closes the next day and sees the result; the dashboard moves to that day', async () => {
    clock.advance(86_400_000);
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, server.url, 'admin', DEMO_PASSWORD);
    await navLink(page, 'Portofolio & PAR').click();
    const panel = await shown(page.getByTestId('close-day'));
    const next = nextDay(portfolio.date);
    await panel.getByLabel('Tanggal yang ditutup').fill(next);
    await panel.getByRole('button', { name: 'Tutup hari' }).click();
    const result = await shown(page.getByTestId('close-day-result'));
    await shown(result.getByText(`Hari ${shownDate(next)} ditutup`));
    await shown(result.getByText(/^\d+ pembiayaan berjalan diperiksa\.$/));
    await shown(
      result.getByText(
        'Langkah yang dijalankan: denda keterlambatan, tunggakan dan kolektibilitas, potret portofolio, pembukuan PPAP, saldo buku besar, segel buku harian, partisi bulan-bulan mendatang dibuat.',
      ),
    );
    await shown(page.getByTestId('portfolio-date').getByText(`Tutup hari ${shownDate(next)}`));

    // The same day again changes nothing.
    await panel.getByRole('button', { name: 'Tutup hari' }).click();
    await shown(result.getByText(`Hari ${shownDate(next)} sudah ditutup sebelumnya; tidak ada yang berubah.`));
    await context.close();
  });
});
