import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDate, systemClock } from '../src/core/clock.ts';
import { addMonthsKeepingDay } from '../src/core/dates.ts';
import { DEMO_PASSWORD, fillDemoMoney } from '../src/modules/demo/index.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../src/testing/server.ts';
import { DESKTOP, launchBrowser, newPage, openedDialog, PHONE, shown, signIn, skipBrowserTests } from './browser.ts';

/** Back online, the outbox goes by itself; on a busy machine the first try may fail and the retry follows 2 s later. */
const SYNC_WAIT_MS = 30_000;
const KRICAK = '34.71.01.1001';

describe.skipIf(skipBrowserTests)('field app: a health worker screens and examines a member offline, then syncs (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let woman: { id: string; full_name: string };
  let doctor: ApiClient;
  /** A member of Kricak with a running financing, in the health worker's list: examined and unable to work. */
  let borrower: { id: string; name: string; financingId: string };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('pglite', { demo: true, serveWeb: true }), launchBrowser()]);
    await fillDemoMoney(systemTestContext(server.database));
    const today = businessDate(systemClock);
    // A woman of Kricak in the screening ages (30–50), never screened: her recall is due.
    // Both are found on the phone by name: names no one else in the demo carries (generated names repeat).
    const names = await server.database.db
      .selectFrom('person')
      .select('full_name')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .groupBy('full_name')
      .execute();
    const unique = new Set(names.filter((n) => Number(n.n) === 1).map((n) => n.full_name));
    const women = await server.database.db
      .selectFrom('person')
      .select(['id', 'full_name'])
      .where('village_code', '=', KRICAK)
      .where('sex', '=', 'F')
      .where('birth_date', '>', addMonthsKeepingDay(today, -12 * 51))
      .where('birth_date', '<=', addMonthsKeepingDay(today, -12 * 30))
      .orderBy('nik')
      .execute();
    const first = women.find((w) => unique.has(w.full_name));
    if (!first) throw new Error('no woman of Kricak with a name of her own');
    woman = first;
    doctor = new ApiClient(server.url);
    await doctor.login('dokter', DEMO_PASSWORD);
    const running = await server.database.db
      .selectFrom('financing')
      .innerJoin('person', 'person.id', 'financing.person_id')
      .select(['financing.id', 'person.id as personId', 'person.full_name as name', 'person.village_code as villageCode'])
      .where('financing.status', '=', 'disbursed')
      .orderBy('financing.number')
      .execute();
    const listed = new Map<string, string>();
    for (const family of (await doctor.get('/api/v1/sync/bundle')).body.health.families as {
      members: { personId: string; illness?: unknown }[];
    }[])
      for (const m of family.members) if (!m.illness) listed.set(m.personId, m.personId);
    const financing = running.find(
      (f) => f.villageCode === KRICAK && listed.has(f.personId) && f.personId !== woman.id && unique.has(f.name),
    );
    if (!financing) throw new Error('no borrower of Kricak in the health worker list');
    borrower = { id: financing.personId, name: financing.name, financingId: financing.id };
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('records an IVA screening and an encounter with no signal; back online the recall list and the flag beside the financing change', async () => {
    const recalled = async () =>
      ((await doctor.get(`/api/v1/health/recalls?status=due&village=${KRICAK}&limit=200`)).body.items ?? []).some(
        (r: { personId: string }) => r.personId === woman.id,
      );
    expect(await recalled()).toBe(true);

    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, server.url, 'dokter', DEMO_PASSWORD);
    await page.goto(`${server.url}/field`);
    await shown(page.getByRole('status').getByText('Daring'));
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.getByRole('button', { name: 'Unduh data' }).click();
    await shown(page.getByTestId('downloaded-at'));
    await shown(page.getByRole('heading', { name: 'Keluarga yang perlu ditindaklanjuti' }));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    await context.setOffline(true);
    await shown(page.getByRole('status').getByText('Luring'));
    await page.getByRole('searchbox', { name: 'Cari nama atau nomor KK' }).fill(woman.full_name);
    await page.locator('a[href^="/field/health/families/"]').first().click();
    const card = await shown(page.getByRole('article', { name: woman.full_name }));
    await shown(card.getByText('Belum pernah skrining', { exact: true }));

    await card.getByRole('button', { name: 'Catat skrining IVA/pap smear' }).click();
    let dialog = await openedDialog(page.getByRole('dialog'));
    await dialog.getByRole('radio', { name: 'Negatif' }).check();
    await dialog.getByRole('button', { name: 'Simpan ke kotak keluar' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await shown(card.getByText('1 catatan di kotak keluar'));

    // Then the borrower, at home: blood pressure high, unable to trade for now.
    await page.getByRole('link', { name: /Kembali/ }).click();
    await page.getByRole('searchbox', { name: 'Cari nama atau nomor KK' }).fill(borrower.name);
    await page.locator('a[href^="/field/health/families/"]').first().click();
    const patient = await shown(page.getByRole('article', { name: borrower.name }));
    await patient.getByRole('button', { name: 'Catat pemeriksaan' }).click();
    dialog = await openedDialog(page.getByRole('dialog'));
    await dialog.getByRole('textbox', { name: 'Keluhan' }).fill('Pusing, tengkuk berat');
    await dialog.getByRole('textbox', { name: 'Sistolik (mmHg)' }).fill('160');
    await dialog.getByRole('textbox', { name: 'Diastolik (mmHg)' }).fill('100');
    await dialog.getByRole('textbox', { name: 'Suhu (°C)' }).fill('36,8');
    await dialog.getByRole('searchbox', { name: /Diagnosis/ }).fill('hipertensi');
    await dialog.getByRole('button', { name: 'I10 · Hipertensi esensial (primer)' }).click();
    await dialog.getByRole('checkbox', { name: /Tidak bisa bekerja/ }).check();
    await dialog.getByRole('button', { name: 'Simpan ke kotak keluar' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await shown(patient.getByText('2 catatan di kotak keluar'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    await page.getByRole('link', { name: /Kotak keluar/ }).click();
    await shown(page.getByRole('heading', { name: 'Menunggu dikirim (3)' }));
    await shown(page.getByText('IVA: Negatif', { exact: false }));

    await context.setOffline(false);
    await shown(page.getByRole('heading', { name: 'Terkirim (3)' }), SYNC_WAIT_MS);
    expect(await page.getByTestId('outbox-refused').count()).toBe(0);

    const db = server.database.db;
    const screenings = await db.selectFrom('screening').selectAll().where('person_id', '=', woman.id).execute();
    expect(screenings).toHaveLength(1);
    expect(screenings[0]).toMatchObject({ method: 'iva', result: 'negative', worker_id: expect.any(String) });
    expect(await db.selectFrom('health_encounter').select('id').where('person_id', '=', borrower.id).execute()).toHaveLength(1);
    // The recall list no longer asks for her.
    expect(await recalled()).toBe(false);
    await context.close();

    // Beside the borrower's financing, the office sees that he cannot work (never why).
    const office = await newPage(browser, DESKTOP);
    await signIn(office.page, server.url, 'manajer', DEMO_PASSWORD);
    await office.page.goto(`${server.url}/financings/${borrower.financingId}`);
    await office.page.getByRole('button', { name: 'Catat pembayaran' }).click();
    const repayment = await shown(office.page.getByRole('dialog'));
    await shown(repayment.getByTestId('illness-badge'));
    expect(await repayment.getByTestId('illness-badge').textContent()).toMatch(/^Sakit sejak /);
    expect(await repayment.textContent()).not.toContain('I10');
    await office.context.close();
  });
  it("records a counselling session's attendance from a group's members, sent once", async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, server.url, 'dokter', DEMO_PASSWORD);
    await page.goto(`${server.url}/field`);
    await page.getByRole('button', { name: 'Unduh data' }).click();
    await shown(page.getByTestId('downloaded-at'));
    await page.getByRole('link', { name: 'Penyuluhan dan kehadiran' }).click();
    await page.getByRole('button', { name: 'Penyuluhan baru' }).click();
    await page.getByRole('textbox', { name: 'Tempat penyuluhan' }).fill('Balai RW 05 Kricak');
    await page.getByLabel('Desa/kelurahan', { exact: true }).first().click();
    await page.getByRole('option', { name: KRICAK }).click();
    await page.getByLabel('Kelompok', { exact: true }).first().click();
    await page.getByRole('option', { name: 'Kelompok Anggota JKM Kricak' }).click();
    const members = page.getByRole('group', { name: /Anggota Kelompok Anggota JKM Kricak/ }).getByRole('checkbox');
    await members.nth(0).check();
    await members.nth(1).check();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.getByRole('button', { name: 'Simpan kehadiran (2 hadir)' }).click();
    await page.getByRole('link', { name: /Kotak keluar/ }).click();
    await shown(page.getByRole('heading', { name: /Terkirim/ }), SYNC_WAIT_MS);
    await shown(page.getByText(/Gizi|Kesehatan reproduksi/).first());
    const sessions = await server.database.db
      .selectFrom('counselling_session')
      .select('id')
      .where('place', '=', 'Balai RW 05 Kricak')
      .execute();
    expect(sessions).toHaveLength(1);
    const present = await server.database.db
      .selectFrom('session_attendance')
      .select('person_id')
      .where('session_id', '=', sessions[0]?.id as string)
      .execute();
    expect(present).toHaveLength(2);
    await context.close();
  });
});
