import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDate, systemClock } from '../src/core/clock.ts';
import { addMonthsKeepingDay } from '../src/core/dates.ts';
import { DEMO_PASSWORD, fillDemoHealth } from '../src/modules/demo/index.ts';
import { partnershipMonitoring } from '../src/modules/partnerships/index.ts';
import { startTestServer, systemTestContext, type TestServer } from '../src/testing/server.ts';
import { DESKTOP, launchBrowser, navLink, newPage, PHONE, shown, signIn, skipBrowserTests } from './browser.ts';

const TITLE = 'Skrining IVA bersama Puskesmas Tegalrejo';

describe.skipIf(skipBrowserTests)('a partnership for health promotion from exploration to evaluation (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  const today = businessDate(systemClock);
  let partnershipUrl = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('pglite', { demo: true, serveWeb: true }), launchBrowser()]);
    const ctx = systemTestContext(server.database);
    // The demo's screenings, counselling and IKS of Kricak: the outcome the partnership reads.
    await fillDemoHealth(ctx);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const pick = async (page: Page, label: string, option: string | RegExp) => {
    await page.getByRole('combobox', { name: label, exact: true }).click();
    await page.getByRole('option', { name: option }).first().click();
  };
  const advance = async (page: Page, to: string) => {
    await page.getByTestId('partnership-advance').click();
    await shown(page.getByTestId('partnership-step').getByText(to, { exact: true }));
  };

  it('the manager records a partner, starts a partnership in Kricak and walks it through the six steps', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, server.url, 'manajer', DEMO_PASSWORD);
    await navLink(page, 'Kemitraan').click();
    await shown(page.getByRole('heading', { name: 'Kemitraan' }));

    await page.getByTestId('tab-partners').click();
    await page.getByTestId('partner-new').click();
    await page.getByTestId('partner-name').fill('Puskesmas Tegalrejo');
    await page.getByTestId('partner-save').click();
    await page.getByTestId('partner-row').getByRole('link', { name: 'Puskesmas Tegalrejo' }).click();
    await shown(page.getByRole('heading', { name: 'Puskesmas Tegalrejo' }));
    await page.getByRole('textbox', { name: 'Telepon' }).fill('0274-515423');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await shown(page.getByText('Tersimpan.').last());
    await shown(page.getByTestId('partner-resources'));
    await navLink(page, 'Kemitraan').click();

    await page.getByTestId('partnership-new').click();
    await page.getByTestId('partnership-title').fill(TITLE);
    await page.getByTestId('partnership-started').fill(addMonthsKeepingDay(today, -3));
    const villages = page.getByRole('combobox', { name: 'Desa/kelurahan sasaran' });
    await villages.click();
    await villages.fill('Kricak');
    await page
      .getByRole('option', { name: /Kricak/ })
      .first()
      .click();
    await page.getByTestId('partnership-notes').fill('Puskesmas ingin cakupan skrining IVA naik.');
    await page.getByTestId('partnership-save').click();
    await shown(page.getByRole('heading', { name: TITLE }));
    partnershipUrl = page.url();
    await shown(page.getByTestId('partnership-step').getByText('Penjajakan'));
    // Exploration needs a partner before perceptions are aligned.
    await shown(page.getByTestId('partnership-missing').getByText('Tambahkan sedikitnya satu mitra ke matriks peran.'));
    expect(await page.getByTestId('partnership-advance').isDisabled()).toBe(true);

    await pick(page, 'Mitra', 'Puskesmas Tegalrejo');
    await page.getByTestId('member-responsibilities').fill('Bidan melakukan skrining IVA');
    await page.getByTestId('member-add').click();
    await shown(page.getByTestId('member-row').getByText('Puskesmas Tegalrejo'));
    await advance(page, 'Penyamaan persepsi');

    await page.getByTestId('vision').fill('Perempuan Kricak terlindung dari kanker leher rahim.');
    await page.getByTestId('vision-save').click();
    await shown(page.getByTestId('partnership-missing'));
    await page.getByTestId('goals').fill('Cakupan skrining IVA naik.');
    await page.getByTestId('goals-save').click();
    await page.getByTestId('partnership-missing').waitFor({ state: 'detached' });
    await advance(page, 'Pengaturan peran');
    await advance(page, 'Komunikasi intensif');

    await page.getByTestId('communication-summary').fill('Rapat koordinasi jadwal skrining per RW.');
    await page.getByTestId('communication-add').click();
    await shown(page.getByTestId('communication-row').getByText(/Rapat koordinasi/));
    await advance(page, 'Melaksanakan kegiatan');

    await pick(page, 'Jenis kegiatan', 'Program bersama');
    await page.getByTestId('activity-title').fill('Hari skrining IVA');
    await page.getByTestId('activity-place').fill('Posyandu RW 03 Kricak');
    await page.getByTestId('activity-participants').fill('40');
    await page.getByTestId('activity-add').click();
    await shown(page.getByTestId('activity-row').getByText(/Hari skrining IVA/));
    await advance(page, 'Pemantauan dan penilaian');
    await shown(page.getByTestId('partnership-last-step'));

    await page.getByTestId('score-equity').fill('4');
    await page.getByTestId('score-mutualBenefit').fill('5');
    await page.getByTestId('evaluation-save').click();
    await shown(page.getByTestId('evaluation-row').getByText(/Kesetaraan 4\/5 · Keterbukaan 3\/5 · Manfaat bersama 5\/5/));
    await context.close();
  });

  it('shows its M&E with the outcome computed from Kricak’s health records, before and after it started', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, server.url, 'pembina', DEMO_PASSWORD);
    await page.goto(partnershipUrl);
    await page.getByTestId('partnership-monitoring').click();
    await shown(page.getByRole('heading', { name: `Monev: ${TITLE}` }));
    const id = new URL(partnershipUrl).pathname.split('/').at(-1) as string;
    const expected = await partnershipMonitoring(systemTestContext(server.database), { partnershipId: id });
    expect(expected.outcome.after?.screenedWomen).toBeGreaterThan(0);
    const outcome = await shown(page.getByTestId('monitoring-outcome'));
    await shown(outcome.getByTestId('outcome-chart'));
    const screened = outcome.getByTestId('outcome-row').filter({ hasText: 'Perempuan diskrining' });
    // Columns: indicator, before, after.
    await shown(
      screened.getByRole('cell').nth(2).getByText(`${expected.outcome.after?.screenedWomen} / ${expected.outcome.after?.targetWomen}`),
    );
    await shown(
      screened.getByRole('cell').nth(1).getByText(`${expected.outcome.before?.screenedWomen} / ${expected.outcome.before?.targetWomen}`),
    );
    await shown(page.getByTestId('monitoring-process').getByText('Komunikasi'));
    expect(await page.getByTestId('monitoring-output').textContent()).toContain('Program bersama1');
    const pdf = await page.request.get(`${server.url}/api/v1/partnerships/monitoring.pdf?partnershipId=${id}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    // The supervisor reads and may not move it.
    await page.goto(partnershipUrl);
    await shown(page.getByRole('heading', { name: TITLE }));
    expect(await page.getByTestId('evaluation-save').count()).toBe(0);
    await context.close();
  });

  it('fits the board and the M&E in a 360 px phone, in English too', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, server.url, 'manajer', DEMO_PASSWORD);
    await page.goto(`${server.url}/partnerships`);
    await shown(page.getByTestId('board-pemantauan_penilaian').getByText(TITLE));
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.goto(`${server.url}/partnerships/monitoring`);
    await shown(page.getByTestId('outcome-chart'));
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.evaluate(() => localStorage.setItem('jaring.language', 'en'));
    await page.goto(partnershipUrl);
    await shown(page.getByTestId('partnership-step').getByText('Monitoring and evaluation'));
    expect(await overflow()).toBeLessThanOrEqual(0);
    await context.close();
  });
});
