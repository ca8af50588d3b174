import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDate, systemClock } from '../src/core/clock.ts';
import { addDays } from '../src/core/dates.ts';
import { DEMO_PASSWORD } from '../src/modules/demo/index.ts';
import { ApiClient, startTestServer, type TestServer } from '../src/testing/server.ts';
import { DESKTOP, eventually, launchBrowser, newPage, PHONE, shown, signIn, skipBrowserTests } from './browser.ts';

const SHOTS = process.env.JARING_SCREENSHOTS;

describe.skipIf(skipBrowserTests)('health encounters, referral and illness on the person page (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let ykPerson: string;
  let bdPerson: string;
  const today = businessDate(systemClock);

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('pglite', { demo: true, serveWeb: true }), launchBrowser()]);
    const adult = (village: string) =>
      server.database.db
        .selectFrom('person')
        .select('id')
        .where('village_code', '=', village)
        .where('died_on', 'is', null)
        .where('birth_date', '<', '1990-01-01')
        .orderBy('id')
        .executeTakeFirstOrThrow();
    ykPerson = (await adult('34.71.01.1001')).id;
    bdPerson = (await adult('32.04.11.2002')).id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the health worker records an encounter with vitals checked as typed, an ICD-10 diagnosis and a referral, then its outcome', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, server.url, 'dokter', DEMO_PASSWORD);
    await page.goto(`${server.url}/persons/${ykPerson}`);
    await shown(page.getByText('Belum ada kunjungan.'));
    await page.getByTestId('encounter-new').click();
    await page.getByTestId('vital-systolic').fill('300');
    await shown(page.getByText('Di luar rentang 60–260 mmHg.'));
    expect(await page.getByTestId('encounter-save').isDisabled()).toBe(true);
    await page.getByTestId('vital-systolic').fill('150');
    await page.getByTestId('vital-diastolic').fill('95');
    await page.getByTestId('vital-weightKg').fill('60');
    await page.getByTestId('vital-heightCm').fill('155');
    await shown(page.getByTestId('vital-flags').getByText('Tekanan darah tinggi'));
    await shown(page.getByTestId('vital-flags').getByText('IMT 25,0 · Normal'));
    await page.getByTestId('diagnosis-search').fill('hipertensi');
    await page.getByRole('option', { name: 'I10 · Hipertensi esensial (primer)' }).click();
    await shown(page.getByTestId('diagnosis-picked').getByText('I10 · Hipertensi esensial (primer)'));
    await page.getByTestId('encounter-refer').check();
    await page.getByTestId('referral-destination').fill('Puskesmas Tegalrejo');
    await page.getByTestId('referral-reason').fill('Tekanan darah tidak terkendali');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/encounter-form-1280.png`, fullPage: true });
    await page.getByTestId('encounter-save').click();
    const card = await shown(page.getByTestId('encounter'));
    await shown(card.getByText('Hipertensi esensial (primer)'));
    await shown(card.getByText('Hasil rujukan belum dicatat'));
    expect(await card.getByTestId('referral-letter').getAttribute('href')).toMatch(/^\/api\/v1\/referrals\/[0-9a-f-]+\/letter\.pdf$/);
    await card.getByTestId('referral-record-outcome').click();
    await page.getByTestId('outcome-save').click();
    await shown(card.getByTestId('referral-outcome').getByText(/^Dirujuk balik/));
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/encounters-1280.png`, fullPage: true });
    await context.close();

    // On a phone: the list and the form fit the screen.
    const phone = await newPage(browser, PHONE);
    await signIn(phone.page, server.url, 'dokter', DEMO_PASSWORD);
    await phone.page.goto(`${server.url}/persons/${ykPerson}`);
    await shown(phone.page.getByTestId('encounter').getByText('Hipertensi esensial (primer)'));
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    if (SHOTS) await phone.page.screenshot({ path: `${SHOTS}/encounters-360.png`, fullPage: true });
    await phone.page.getByTestId('encounter-new').click();
    await phone.page.getByTestId('vital-temperatureC').fill('38');
    await shown(phone.page.getByTestId('vital-flags').getByText('Demam'));
    if (SHOTS) await phone.page.screenshot({ path: `${SHOTS}/encounter-form-360.png` });
    await phone.context.close();
  });

  it('the facilitator records an illness on a phone and sees the member unable to work; no encounters shown', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, server.url, 'pendamping', DEMO_PASSWORD);
    await page.goto(`${server.url}/persons/${bdPerson}`);
    await shown(page.getByText('Tidak ada catatan sakit.'));
    expect(await page.getByTestId('encounters-section').count()).toBe(0);
    await page.getByTestId('illness-new').click();
    await page.getByTestId('illness-from').fill(addDays(today, -2));
    await page.getByTestId('illness-save').click();
    await shown(page.getByTestId('illness').getByText('3 hari'));
    await eventually(
      async () => ((await page.getByTestId('illness-status').textContent()) ?? '').startsWith('Tidak dapat bekerja sejak'),
      'the status says unable to work',
    );
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/illness-360.png`, fullPage: true });
    await context.close();
  });

  it('the cashier sees only that the member cannot work, never an encounter', async () => {
    const dokter = new ApiClient(server.url);
    await dokter.login('dokter', DEMO_PASSWORD);
    await dokter.post(`/api/v1/persons/${ykPerson}/illnesses`, { fromOn: addDays(today, -1), toOn: addDays(today, 3) });
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, server.url, 'kasir', DEMO_PASSWORD);
    await page.goto(`${server.url}/persons/${ykPerson}`);
    await shown(page.getByTestId('illness-status').getByText(/^Tidak dapat bekerja .* sampai /));
    expect(await page.getByTestId('encounters-section').count()).toBe(0);
    expect(await page.getByText('Hipertensi').count()).toBe(0);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/status-360.png`, fullPage: true });
    await context.close();
  });
});
