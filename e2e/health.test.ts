import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDate, systemClock } from '../src/core/clock.ts';
import { addDays, addMonthsKeepingDay } from '../src/core/dates.ts';
import { DEMO_PASSWORD, fillDemoCadres, fillDemoHealth, fillDemoMoney } from '../src/modules/demo/index.ts';
import { startTestServer, systemTestContext, type TestServer } from '../src/testing/server.ts';
import { DESKTOP, launchBrowser, newPage, openedDialog, PHONE, shown, signIn, skipBrowserTests } from './browser.ts';

/** "6 Des 2029": a date as the Indonesian screens write it. */
const idDate = (iso: string) =>
  new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );

describe.skipIf(skipBrowserTests)('the family-doctor programme in the office app, with the demo caseload (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  const today = businessDate(systemClock);
  let due: { person_id: string; full_name: string };
  let overdue: { person_id: string; full_name: string };
  let ill: { id: string; full_name: string; financingId: string };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('pglite', { demo: true, serveWeb: true }), launchBrowser()]);
    const ctx = systemTestContext(server.database);
    await fillDemoCadres(ctx);
    await fillDemoMoney(ctx);
    await fillDemoHealth(ctx);
    const db = server.database.db;
    // The demo's Kricak recalls: one due within the month, one overdue.
    const kricak = (from: string, to: string) =>
      db
        .selectFrom('screening')
        .innerJoin('person', 'person.id', 'screening.person_id')
        .select(['screening.person_id', 'person.full_name'])
        .where('screening.village_code', '=', '34.71.01.1001')
        .where('screening.next_due_on', '>=', from)
        .where('screening.next_due_on', '<', to)
        .executeTakeFirstOrThrow();
    due = await kricak(today, addDays(today, 30));
    overdue = await kricak('2000-01-01', today);
    const episode = await db
      .selectFrom('illness_episode')
      .innerJoin('person', 'person.id', 'illness_episode.person_id')
      .select(['person.id', 'person.full_name'])
      .where('illness_episode.to_on', 'is', null)
      .executeTakeFirstOrThrow();
    const financing = await db
      .selectFrom('financing')
      .select('id')
      .where('person_id', '=', episode.id)
      .where('status', '=', 'disbursed')
      .executeTakeFirstOrThrow();
    ill = { ...episode, financingId: financing.id };
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the health worker, on a phone, finds due and overdue women by name and records an IVA screening', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, server.url, 'dokter', DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Buka menu navigasi' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Jadwal skrining ulang' }).click();
    await shown(page.getByRole('heading', { name: 'Jadwal skrining ulang' }));
    const dueRow = await shown(page.getByTestId('recall-row').filter({ hasText: due.full_name }));
    // The village by name, not its code.
    await shown(dueRow.getByText(/^Kricak · /));
    await page.getByTestId('recalls-overdue-tab').click();
    const overdueRow = await shown(page.getByTestId('recall-row').filter({ hasText: overdue.full_name }));
    await shown(overdueRow.getByText(/^\d+ hari$/));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    await overdueRow.getByRole('link', { name: overdue.full_name }).click();
    await shown(page.getByRole('heading', { level: 1, name: overdue.full_name }));
    const screenings = await shown(page.getByTestId('person-screenings'));
    await shown(screenings.getByTestId('next-due-overdue'));
    await screenings.getByTestId('record-screening').click();
    const dialog = await openedDialog(page.getByRole('dialog'));
    // IVA, negative, no action: the next screening after three years by the rule in force.
    expect(await dialog.getByRole('combobox', { name: 'Metode' }).inputValue()).toBe('IVA');
    expect(await dialog.getByRole('combobox', { name: 'Hasil' }).inputValue()).toBe('Negatif');
    await dialog.getByRole('button', { name: 'Catat skrining' }).click();
    const next = idDate(addMonthsKeepingDay(today, 36));
    await shown(dialog.getByTestId('screening-saved').getByText(`Skrining tersimpan. Skrining berikutnya: ${next}.`));
    await dialog.getByRole('button', { name: 'Tutup' }).last().click();
    await shown(screenings.getByTestId('next-due').getByText(`Skrining berikutnya: ${next}`));
    expect(await screenings.getByTestId('next-due-overdue').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await context.close();
  });

  it('the manager sees the ill borrower at risk, in Indonesian and then in English', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, server.url, 'manajer', DEMO_PASSWORD);
    await page.getByRole('navigation').getByRole('link', { name: 'Anggota berisiko' }).click();
    await shown(page.getByRole('heading', { name: 'Anggota berisiko' }));
    const row = await shown(page.getByTestId('at-risk-row').filter({ hasText: ill.full_name }));
    await shown(row.getByTestId('illness-badge').getByText(/^Sakit sejak /));
    await shown(row.getByText('Kricak', { exact: true }));

    await page.getByText('EN', { exact: true }).click();
    await shown(page.getByRole('heading', { name: 'Members at risk' }));
    await shown(
      page
        .getByTestId('at-risk-row')
        .filter({ hasText: ill.full_name })
        .getByTestId('illness-badge')
        .getByText(/^Ill since /),
    );
    await context.close();
  });

  it('the cashier sees the illness beside the borrower on the repayment form, but nothing clinical on their page', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, server.url, 'kasir', DEMO_PASSWORD);
    await page.goto(`${server.url}/financings/${ill.financingId}`);
    await page.getByRole('button', { name: 'Catat pembayaran' }).click();
    const dialog = await openedDialog(page.getByRole('dialog'));
    await shown(dialog.getByTestId('illness-badge').getByText(/^Sakit sejak /));
    await dialog.getByRole('button', { name: 'Batal' }).click();

    await page.goto(`${server.url}/persons/${ill.id}`);
    await shown(page.getByRole('heading', { level: 1, name: ill.full_name }));
    await shown(page.getByRole('heading', { name: 'Anggota keluarga (KK)' }));
    for (const clinical of ['health-profile', 'encounters-section', 'person-screenings', 'fhir-download'])
      expect(await page.getByTestId(clinical).count(), clinical).toBe(0);
    await context.close();
  });
});
