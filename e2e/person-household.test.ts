import { sql } from 'kysely';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/core/clock.ts';
import { DEMO_PASSWORD, fillDemo } from '../src/modules/demo/index.ts';
import { DEFAULT_REMINDER_SETTINGS, runReminders } from '../src/modules/reminders/index.ts';
import { FLAT_PRODUCT_WITH_PENALTY, YOGYA_FUND } from '../src/testing/financing-fixtures.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../src/testing/server.ts';
import { DESKTOP, horizontalPlace, launchBrowser, newPage, PHONE, shown, signIn, skipBrowserTests } from './browser.ts';

// Sunday 15 March 2026 on the server: the member's instalment 1 (15 February, Rp1.050.000) is
// 28 days late; the family's JKN contributions are paid through December 2025 (January and
// February in arrears: 2 × Rp35.000).
const TODAY = '2026-03-15';

describe.skipIf(skipBrowserTests)('one view of a person and a family, and the reminders screen (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let member: { id: string; nik: string; full_name: string; household_id: string; group_name: string };
  let failedId = '';
  let financingId = '';

  beforeAll(async () => {
    const clock = fixedClock(new Date(`${TODAY}T02:00:00Z`));
    [server, browser] = await Promise.all([startTestServer('pglite', { serveWeb: true, clock }), launchBrowser()]);
    await fillDemo(systemTestContext(server.database, clock));
    const [manager, cashier, admin] = [new ApiClient(server.url), new ApiClient(server.url), new ApiClient(server.url)];
    await manager.login('manajer', DEMO_PASSWORD);
    await cashier.login('kasir', DEMO_PASSWORD);
    await admin.login('admin', DEMO_PASSWORD);
    member = await server.database.db
      .selectFrom('group_member as m')
      .innerJoin('business_group as g', 'g.id', 'm.group_id')
      .innerJoin('person as p', 'p.id', 'm.person_id')
      .select(['p.id', 'p.nik', 'p.full_name', 'p.household_id', 'g.name as group_name'])
      .where('g.region_code', 'like', '34.71.%')
      .where('m.left_on', 'is', null)
      .orderBy('p.nik')
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
    financingId = applied.body.id;
    await manager.post(`/api/v1/financings/${applied.body.id}/approve`, {});
    await cashier.post(`/api/v1/financings/${applied.body.id}/disburse`, { disbursedOn: '2026-01-15', method: 'transfer' });
    const card = await admin.request('PUT', `/api/v1/persons/${member.id}/jkn`, {
      cardNumber: '0001299999999',
      segment: 'PBPU',
      class: 'III',
      status: 'inactive',
      statusRecordedOn: TODAY,
    });
    expect(card.status).toBe(200);
    expect((await admin.request('PUT', `/api/v1/households/${member.household_id}/jkn-account`, { paidThrough: '2025-12' })).status).toBe(
      200,
    );
    // The reminders run: the member's overdue instalment and today's, on the log channel; one then fails at the gateway.
    await runReminders(systemTestContext(server.database, clock), DEFAULT_REMINDER_SETTINGS);
    const reminder = await server.database.db
      .selectFrom('reminder')
      .select('id')
      .where('recipient_id', '=', member.id)
      .where('kind', '=', 'instalment_overdue')
      .executeTakeFirstOrThrow();
    failedId = reminder.id;
    await sql`UPDATE reminder SET status = 'failed', sent_at = NULL, last_error = 'HTTP 400: nomor tidak dikenal' WHERE id = ${failedId}::uuid`.execute(
      server.database.db,
    );
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the admin finds the member by NIK: financing in arrears, groups, JKN dues, timeline and totals; then the family', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, server.url, 'admin', DEMO_PASSWORD);
    const search = page.getByRole('textbox', { name: 'Cari' });
    await search.fill(member.nik);
    await shown(page.getByTestId('header-search-results').getByText(member.full_name));
    await search.press('Enter');
    await shown(page.getByTestId('person-name').getByText(member.full_name));

    const financing = await shown(page.getByTestId('person-financings').getByTestId('person-financing'));
    expect(await financing.getByTestId('person-financing-arrears').textContent()).toBe('Tunggakan Rp1.050.000 · 28 hari');
    await shown(page.getByTestId('person-groups').getByText(member.group_name));
    const jkn = await shown(page.getByTestId('person-jkn'));
    expect(await jkn.getByTestId('person-jkn-card').textContent()).toBe('0001299999999');
    expect(await jkn.getByTestId('person-jkn-arrears').textContent()).toBe('2 bulan');
    expect(await jkn.getByTestId('person-jkn-owed').textContent()).toBe('Rp70.000');
    const timeline = await shown(page.getByTestId('person-timeline'));
    expect(await timeline.getByTestId('total-overdue').textContent()).toBe('Rp1.050.000');
    expect(await timeline.getByTestId('total-owed').textContent()).toBe('Rp6.300.000');
    expect(await timeline.getByTestId('total-jkn').textContent()).toBe('Rp70.000');
    await shown(timeline.getByText('Pembiayaan dicairkan'));
    await shown(timeline.getByText('Bergabung dengan kelompok'));

    // The family: each member's flags, the member's arrears among them.
    await page.locator(`a[href="/households/${member.household_id}"]`).first().click();
    const overview = await shown(page.getByTestId('household-overview'));
    const row = overview.getByTestId('overview-row').filter({ hasText: member.full_name });
    expect(await row.getByTestId('flag-arrears').textContent()).toBe('Menunggak Rp1.050.000 (28 hari)');
    await shown(row.getByText('PBPU III · Nonaktif'));
    expect(await overview.getByTestId('household-overdue').textContent()).toContain('Rp1.050.000');
    await context.close();
  });

  it('on a 360-px phone the member page fits, and reminders to the member can be switched off (audited)', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, server.url, 'admin', DEMO_PASSWORD);
    await page.goto(`${server.url}/persons/${member.id}`);
    const timeline = await shown(page.getByTestId('person-timeline'));
    expect(await horizontalPlace(timeline.getByTestId('total-overdue'))).toBe('inside');
    expect(await horizontalPlace(page.getByTestId('person-jkn'))).toBe('inside');
    const optOut = await shown(page.getByTestId('person-opt-out'));
    // By keyboard (the sticky header would cover a tap at the very top of the scrolled page).
    const toggle = optOut.getByRole('switch', { name: 'Kirim pengingat ke anggota ini' });
    expect(await toggle.isChecked()).toBe(true);
    await toggle.focus();
    await page.keyboard.press('Space');
    await shown(optOut.getByText(/^Anggota berhenti menerima pengingat sejak /));
    const audit = await server.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_username'])
      .where('entity_id', '=', member.id)
      .where('action', '=', 'reminders.opt_out')
      .execute();
    expect(audit).toEqual([{ action: 'reminders.opt_out', actor_username: 'admin' }]);
    await context.close();
  });

  it('in English, the reminders screen lists a sent and a failed reminder; the failed one is sent again', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, server.url, 'admin', DEMO_PASSWORD);
    await page.evaluate(() => localStorage.setItem('jaring.language', 'en'));
    await page.goto(`${server.url}/reminders`);
    await shown(page.getByRole('heading', { level: 1, name: 'Reminders' }));
    const list = await shown(page.getByTestId('reminder-list'));
    await shown(list.getByTestId('reminder-row').filter({ hasText: 'Sent' }).first());
    const failed = list.getByTestId('reminder-row').filter({ hasText: 'Failed' });
    expect(await failed.count()).toBe(1);
    await shown(failed.getByText('Last error: HTTP 400: nomor tidak dikenal'));
    await failed.getByRole('button', { name: 'Send again' }).click();
    await shown(page.getByText('The reminder will be sent again at the next run.'));
    await shown(list.getByTestId('reminder-row').filter({ hasText: 'Waiting' }));
    const row = await server.database.db.selectFrom('reminder').select('status').where('id', '=', failedId).executeTakeFirstOrThrow();
    expect(row.status).toBe('waiting');
    // The status filter lives in the address.
    await page.goto(`${server.url}/reminders?status=failed`);
    await shown(page.getByText('No reminders for these filters.'));
    await context.close();
  });

  it('the timeline shows the latest 25 events, and older ones 25 at a time on request', async () => {
    // 25 small instalment payments at group meetings: with registration, the group and the financing, more than 25 events.
    const cashier = new ApiClient(server.url);
    await cashier.login('kasir', DEMO_PASSWORD);
    for (let i = 0; i < 25; i++) {
      const paid = await cashier.request(
        'POST',
        `/api/v1/financings/${financingId}/repayments`,
        { amount: '1000', channel: 'group_meeting' },
        { 'Idempotency-Key': `timeline-page-${i}` },
      );
      expect(paid.status).toBe(201);
    }
    const events = (await cashier.get(`/api/v1/persons/${member.id}/timeline`)).body.events as unknown[];
    expect(events.length).toBeGreaterThan(25);
    expect(events.length).toBeLessThanOrEqual(50);
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, server.url, 'kasir', DEMO_PASSWORD);
    await page.goto(`${server.url}/persons/${member.id}`);
    const timeline = await shown(page.getByTestId('person-timeline'));
    await shown(timeline.getByTestId('timeline-event').first());
    expect(await timeline.getByTestId('timeline-event').count()).toBe(25);
    expect(await timeline.getByTestId('timeline-shown').textContent()).toBe(`Menampilkan 25 dari ${events.length} peristiwa`);
    await timeline.getByRole('button', { name: `Tampilkan ${events.length - 25} peristiwa lebih lama` }).click();
    await shown(timeline.getByText('Terdaftar'));
    expect(await timeline.getByTestId('timeline-event').count()).toBe(events.length);
    expect(await timeline.getByTestId('timeline-more').count()).toBe(0);
    await context.close();
  });
});
