import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDate, systemClock } from '../src/core/clock.ts';
import { formatRupiah } from '../src/core/format.ts';
import { maskName } from '../src/core/mask.ts';
import { terbilangRupiah } from '../src/core/terbilang.ts';
import { DEMO_PASSWORD } from '../src/modules/demo/index.ts';
import { ApiClient, startTestServer, type TestServer } from '../src/testing/server.ts';
import { DESKTOP, eventually, launchBrowser, navLink, newPage, openedDialog, PHONE, shown, signIn, skipBrowserTests } from './browser.ts';

/** A 1×1 PNG: the recruited cadre's photo. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

describe.skipIf(skipBrowserTests)('JKN cadres: card, training, a family and its JKN card, recruitment, collection (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let cadreId: string;
  let cadreName: string;
  let kk: string;
  /** A resident to recruit, and a self-paying family in arrears in the same village, for the collection journey. */
  let recruit: { nik: string; full_name: string };
  let village: string;
  let payer: { kk: string; head: string; reactivation: number };
  let recruitedId = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('pglite', { demo: true, serveWeb: true }), launchBrowser()]);
    const db = server.database.db;
    const person = await db
      .selectFrom('person')
      .select(['id', 'full_name'])
      .where('village_code', '=', '34.71.01.1002')
      .where('relation', '=', 'wife')
      .executeTakeFirstOrThrow();
    const household = await db
      .selectFrom('household')
      .select('kk_number')
      .where('village_code', '=', '34.71.01.1001')
      .executeTakeFirstOrThrow();
    kk = household.kk_number;
    cadreName = person.full_name;
    const manager = new ApiClient(server.url);
    await manager.login('manajer', DEMO_PASSWORD);
    const cadre = await manager.post('/api/v1/cadres', {
      personId: person.id,
      officeCode: 'YK01',
      phone: '081234567890',
      letterNumber: '77/ST/KC-YK/2026',
      letterDate: '2026-01-05',
      signedBy: 'Kepala Cabang Yogyakarta',
      validUntil: '2027-01-04',
      villageCodes: ['34.71.01.1001', '34.71.01.1002'],
    });
    if (cadre.status !== 201) throw new Error(`set-up failed: ${JSON.stringify(cadre.body)}`);
    cadreId = cadre.body.id;

    village = (await db.selectFrom('region').select('name').where('code', '=', '34.71.02.1001').executeTakeFirstOrThrow()).name;
    const head = await db
      .selectFrom('person')
      .innerJoin('household', 'household.id', 'person.household_id')
      .select(['person.id', 'person.full_name', 'person.household_id', 'household.kk_number'])
      .where('person.village_code', '=', '34.71.02.1001')
      .where('person.relation', '=', 'head')
      .where('person.died_on', 'is', null)
      .orderBy('person.nik')
      .executeTakeFirstOrThrow();
    recruit = await db
      .selectFrom('person')
      .select(['nik', 'full_name'])
      .where('village_code', '=', '34.71.02.1001')
      .where('relation', '=', 'wife')
      .where('died_on', 'is', null)
      .where('household_id', '!=', head.household_id)
      .orderBy('nik')
      .executeTakeFirstOrThrow();
    const card = await manager.request('PUT', `/api/v1/persons/${head.id}/jkn`, {
      cardNumber: '0009876543210',
      segment: 'PBPU',
      class: 'III',
      status: 'inactive',
      statusRecordedOn: businessDate(systemClock),
    });
    if (card.status !== 200) throw new Error(`set-up failed: ${JSON.stringify(card.body)}`);
    // Paid through three months ago: two months in arrears and this month to pay.
    const today = businessDate(systemClock);
    const behind = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 - 3, 1)).toISOString().slice(0, 7);
    const dues = await manager.request('PUT', `/api/v1/households/${head.household_id}/jkn-account`, { paidThrough: behind });
    if (dues.status !== 200 || !dues.body.quote) throw new Error(`set-up failed: ${JSON.stringify(dues.body)}`);
    payer = { kk: head.kk_number, head: head.full_name, reactivation: dues.body.quote.reactivationTotal };
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a manager records a training, assigns a family by its KK number and records its JKN card', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, server.url, 'manajer', DEMO_PASSWORD);
    await navLink(page, 'Kader JKN').click();
    await page.getByTestId('cadre-row').getByRole('link', { name: cadreName }).click();
    await shown(page.getByTestId('cadre-name').getByText(cadreName));
    expect(await page.getByTestId('cadre-card-link').getAttribute('href')).toBe(`/api/v1/cadres/${cadreId}/card.pdf`);
    const pdf = await page.request.get(`${server.url}/api/v1/cadres/${cadreId}/card.pdf`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');

    await shown(page.getByTestId('cadre-trainings').getByText('Belum ada pelatihan tercatat.'));
    await page.getByRole('button', { name: 'Catat pelatihan' }).click();
    await page.getByRole('textbox', { name: 'Nama pelatihan' }).fill('Pelatihan kader JKN-KIS');
    await page.getByRole('textbox', { name: 'Penyelenggara' }).fill('BPJS Kesehatan');
    await page.getByRole('textbox', { name: 'Jam pelajaran' }).fill('8');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await shown(page.getByTestId('training-row').getByText('Pelatihan kader JKN-KIS'));
    await shown(page.getByText('Total 8 jam'));

    await page.getByRole('button', { name: 'Tambah keluarga' }).click();
    await page.getByTestId('assign-kk').fill(kk);
    await page.getByRole('button', { name: 'Cari' }).click();
    await page.getByTestId('assign-confirm').click();
    await shown(page.getByTestId('cadre-caseload').getByText('1 dari 500 keluarga'));

    await page.getByTestId('family-row').getByRole('link').click();
    const section = await shown(page.getByTestId('jkn-section'));
    await shown(section.getByText(cadreName));
    await section.getByTestId('jkn-record').first().click();
    await page.getByTestId('jkn-card-number').fill('000123456789');
    await page.getByTestId('jkn-save').click();
    await shown(page.getByText('Format tidak sesuai.'));
    await page.getByTestId('jkn-card-number').fill('0001234567890');
    await page.getByRole('checkbox', { name: 'Keluarga ini baru direkrut menjadi peserta' }).check();
    await page.getByTestId('jkn-save').click();
    await shown(section.getByTestId('jkn-due').getByText('Rp35.000'));
    await shown(section.getByTestId('jkn-recruitment'));

    // No paid-through month yet: the dues cannot be worked out until it is recorded here.
    const dues = section.getByTestId('family-dues');
    await shown(dues.getByTestId('dues-unknown').getByText(/belum dicatat/));
    await dues.getByTestId('paid-through-save').click();
    await shown(dues.getByText('Wajib diisi.'));
    // Paid through three months ago: two months in arrears and this month, 1 person in class III.
    const today = businessDate(systemClock);
    const paidThrough = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 - 3, 1)).toISOString().slice(0, 7);
    await dues.getByTestId('paid-through-month').fill(paidThrough);
    const saved = page.waitForRequest((r) => r.method() === 'PUT' && r.url().endsWith('/jkn-account'));
    await dues.getByTestId('paid-through-save').click();
    expect((await saved).postDataJSON()).toEqual({ paidThrough });
    await shown(dues.getByTestId('dues-arrears').getByText('Rp70.000', { exact: true }));
    await shown(dues.getByTestId('dues-total').getByText('Rp105.000', { exact: true }));
    await shown(dues.getByText('Tunggakan 2 bulan'));
    expect(await dues.getByTestId('dues-unknown').count()).toBe(0);

    // The inpatient penalty: 5% × Rp10.000.000 × 6 months on day 45 after reactivation; nothing on day 46.
    const penalty = section.getByTestId('penalty-quote');
    await penalty.getByTestId('penalty-open').click();
    await shown(penalty.getByTestId('penalty-segment').getByText('PBPU (mandiri)'));
    expect(await penalty.getByTestId('penalty-months').inputValue()).toBe('2');
    await penalty.getByTestId('penalty-submit').click();
    await shown(penalty.getByText('Wajib diisi.'));
    await penalty.getByTestId('penalty-reactivated').fill('2021-01-02');
    await penalty.getByTestId('penalty-admitted').fill('2021-02-16');
    await penalty.getByRole('textbox', { name: 'Tarif INA-CBG' }).fill('10000000');
    await penalty.getByTestId('penalty-months').fill('6');
    await penalty.getByTestId('penalty-submit').click();
    await shown(penalty.getByTestId('penalty-amount').getByText('Rp3.000.000', { exact: true }));
    await shown(penalty.getByTestId('penalty-reason').getByText('denda Rp3.000.000 untuk 6 bulan tunggakan', { exact: false }));
    await penalty.getByTestId('penalty-admitted').fill('2021-02-17');
    expect(await penalty.getByTestId('penalty-result').count()).toBe(0);
    await penalty.getByTestId('penalty-submit').click();
    await shown(penalty.getByTestId('penalty-amount').getByText('Rp0', { exact: true }));
    await shown(penalty.getByTestId('penalty-reason').getByText(/lebih dari 45 hari/));
    // An admission before the reactivation is a mistyped date, said on the field, never "no penalty".
    await penalty.getByTestId('penalty-admitted').fill('2020-12-20');
    await shown(penalty.getByText('Tanggal masuk rawat inap sebelum tanggal kartu aktif kembali; periksa kedua tanggal.'));
    expect(await penalty.getByTestId('penalty-result').count()).toBe(0);
    await penalty.getByTestId('penalty-submit').click();
    expect(await penalty.getByTestId('penalty-result').count()).toBe(0);
    await context.close();
  });

  it('a manager recruits a cadre, collects a family’s contributions, deposits the cash, records a visit and reads the month', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, server.url, 'manajer', DEMO_PASSWORD);
    await navLink(page, 'Kader JKN').click();
    await page.getByTestId('recruit-open').click();
    const form = await openedDialog(page.getByRole('dialog', { name: 'Rekrut kader JKN-KIS' }));
    await form.getByRole('combobox', { name: 'Calon kader' }).fill(recruit.nik);
    await page.getByRole('option', { name: new RegExp(recruit.full_name) }).click();
    await form.getByRole('combobox', { name: 'Wilayah tugas' }).fill(village);
    await page
      .getByRole('option', { name: new RegExp(village) })
      .first()
      .click();
    await form.getByTestId('recruit-phone').fill('0812');
    await form.getByTestId('recruit-letter').fill('88/ST/KC-YK/2026');
    await form.getByTestId('recruit-signed-by').fill('Kepala Kantor Pusat Yogyakarta');
    await form.locator('input[type="file"]').setInputFiles({ name: 'foto.png', mimeType: 'image/png', buffer: PNG });
    await form.getByRole('heading', { name: 'Rekrut kader JKN-KIS' }).click();
    // The server's 422 lands on the field it is about.
    await form.getByTestId('recruit-save').click();
    await shown(form.getByText('Format tidak sesuai.'));
    await form.getByTestId('recruit-phone').fill('081298765432');
    await form.getByTestId('recruit-save').click();
    await shown(page.getByTestId('cadre-name').getByText(recruit.full_name));
    recruitedId = page.url().split('/cadres/')[1] ?? '';
    const photo = page.getByTestId('cadre-photo').locator('img');
    expect(await photo.getAttribute('src')).toBe(`/api/v1/cadres/${recruitedId}/photo`);
    await eventually(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 1), 'the photo shows');
    await shown(page.getByTestId('cadre-letter').getByText('88/ST/KC-YK/2026'));
    await shown(page.getByTestId('cadre-status').getByText('Aktif'));
    await shown(page.getByTestId('cash-held').getByText('Rp0', { exact: true }));

    await page.getByRole('button', { name: 'Tambah keluarga' }).click();
    await page.getByTestId('assign-kk').fill(payer.kk);
    await page.getByRole('button', { name: 'Cari' }).click();
    await page.getByTestId('assign-confirm').click();
    await shown(page.getByTestId('cadre-caseload').getByText('1 dari 500 keluarga'));
    await shown(page.getByTestId('worklist-row').getByText('Menunggak 2 bulan'));

    // Collect what makes the card active again: the amount is offered, the server checks it, one key per submission.
    const amount = formatRupiah(String(payer.reactivation));
    await page.getByTestId('collect-open').click();
    const collect = await openedDialog(page.getByRole('dialog', { name: 'Terima iuran JKN-KIS' }));
    await collect.getByRole('combobox', { name: 'Keluarga' }).click();
    await page.getByRole('option', { name: new RegExp(payer.head) }).click();
    await shown(collect.getByTestId('dues-total').getByText(amount));
    expect(await collect.getByTestId('collect-months').inputValue()).toBe('3');
    // Rp0 is refused beside the field, unsent; the server's answer to a wrong amount goes once the months change.
    const amountField = collect.getByRole('textbox', { name: 'Jumlah uang' });
    await amountField.fill('0');
    await collect.getByTestId('collect-save').click();
    await shown(collect.getByText('Isi jumlah lebih dari nol.'));
    await amountField.fill('1000');
    await collect.getByTestId('collect-save').click();
    const serverSays = await shown(collect.getByText(/periksa jumlah yang diterima/));
    await collect.getByTestId('collect-months').fill('2');
    await serverSays.waitFor({ state: 'detached' });
    // One month is named once ("Untuk September 2025", not "September 2025 s.d. September 2025").
    await collect.getByTestId('collect-months').fill('1');
    expect(await collect.getByTestId('collect-period').textContent()).toMatch(/^Untuk [A-Z][a-z]+ \d{4}$/);
    await collect.getByTestId('collect-months').fill('3');
    expect(await amountField.inputValue()).toBe(amount.replace('Rp', ''));
    const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/cadres/${recruitedId}/contributions`));
    await collect.getByTestId('collect-save').click();
    expect((await posted).headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    await shown(collect.getByTestId('receipt-amount').getByText(new RegExp(`^${amount} `)));
    const receipt = await collect.getByTestId('receipt-link').getAttribute('href');
    expect(receipt).toMatch(/^\/api\/v1\/contributions\/[0-9a-f-]{36}\/receipt\.pdf$/);
    expect((await page.request.get(`${server.url}${receipt}`)).headers()['content-type']).toBe('application/pdf');
    // Shared with the family as a short text: no share sheet on this browser, so it is copied.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.evaluate(() => Object.defineProperty(navigator, 'share', { configurable: true, value: undefined }));
    await collect.getByTestId('receipt-share').click();
    await shown(page.getByText('Teks kuitansi disalin. Tempel di pesan untuk keluarga.'));
    const shared = await page.evaluate(() => navigator.clipboard.readText());
    expect(shared).toContain(`Keluarga: ${maskName(payer.head)}`);
    expect(shared).toContain('iuran 3 bulan');
    expect(shared).toContain(`Jumlah: ${amount}\nTerbilang: ${terbilangRupiah(payer.reactivation)}`);
    expect(shared).not.toContain(payer.head);
    await collect.getByTestId('receipt-done').click();
    await shown(page.getByTestId('cash-held').getByText(amount, { exact: true }));
    await shown(page.getByTestId('cash-since').getByText('Sejak hari ini'));
    await shown(page.getByTestId('collection-row').getByText(payer.head));
    await shown(page.getByTestId('worklist-row').getByText('Lancar'));

    await page.getByTestId('deposit-open').click();
    const deposit = await openedDialog(page.getByRole('dialog', { name: 'Setor iuran' }));
    expect(await deposit.getByRole('textbox', { name: 'Jumlah uang' }).inputValue()).toBe(amount.replace('Rp', ''));
    await deposit.getByTestId('deposit-reference').fill('BRI 0042');
    await deposit.getByTestId('deposit-save').click();
    await shown(page.getByTestId('cash-held').getByText('Rp0', { exact: true }));
    await shown(page.getByTestId('deposit-row').filter({ hasText: 'BRI 0042' }).getByText(amount, { exact: true }));
    await shown(page.getByTestId('cash-since').getByText('Semua iuran sudah disetor.'));

    await page.getByTestId('visit-open').click();
    const visit = await openedDialog(page.getByRole('dialog', { name: 'Catat kunjungan' }));
    await visit.getByRole('combobox', { name: 'Keluarga' }).click();
    await page.getByRole('option', { name: new RegExp(payer.head) }).click();
    await visit.getByTestId('visit-outcome').fill('Iuran dibayar, kartu aktif lagi');
    await visit.getByTestId('visit-save').click();
    const visited = await shown(page.getByTestId('visit-row').filter({ hasText: 'Iuran dibayar, kartu aktif lagi' }));
    await shown(visited.getByText('Pengingat iuran'));
    await shown(page.getByTestId('worklist-row').getByText('Dikunjungi hari ini'));

    const performance = page.getByTestId('cadre-performance');
    await shown(performance.getByTestId('perf-collected-value').getByText(amount));
    await shown(performance.getByTestId('perf-visited-value').getByText('1 dari 1'));
    await shown(performance.getByTestId('perf-deposits-value').getByText('1 dari 1'));
    expect(await performance.getByTestId('performance-bar').count()).toBe(6);

    await page.getByTestId('status-open').click();
    const status = await openedDialog(page.getByRole('dialog', { name: `Status kader ${recruit.full_name}` }));
    await status.getByTestId('status-reason').fill('Cuti melahirkan tiga bulan');
    await status.getByRole('button', { name: 'Bekukan' }).click();
    await shown(page.getByTestId('cadre-status').getByText('Dibekukan'));
    expect(await page.getByTestId('collect-open').count()).toBe(0);
    await context.close();
  });

  it('the cadre page fits a 360-px phone', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, server.url, 'manajer', DEMO_PASSWORD);
    await page.goto(`${server.url}/cadres/${cadreId}`);
    await shown(page.getByTestId('family-row'));
    await shown(page.getByTestId('training-row'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.getByTestId('family-row').getByRole('link').click();
    await shown(page.getByTestId('jkn-member').first());
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // The recruited cadre's page, with a collection, a visit and the chart.
    await page.goto(`${server.url}/cadres/${recruitedId}`);
    await shown(page.getByTestId('collection-row'));
    await shown(page.getByTestId('visit-row'));
    await shown(page.getByTestId('performance-chart'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await context.close();
  });

  it('an admin sets the incentive rule: fees per paying family and per recruit', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, server.url, 'admin', DEMO_PASSWORD);
    await page.goto(`${server.url}/cadres`);
    await page.getByRole('button', { name: 'Aturan iuran & insentif' }).click();
    const dialog = await openedDialog(page.getByRole('dialog'));
    // Emptied fields are required, not saved as 0 (Number('') is 0).
    await dialog.getByRole('textbox', { name: /Batas hari memegang uang iuran/ }).fill('');
    await dialog.getByRole('textbox', { name: /Persen dari tunggakan/ }).fill('');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await shown(dialog.getByText('Wajib diisi.').nth(1));
    await dialog.getByRole('textbox', { name: /Batas hari memegang uang iuran/ }).fill('3');
    await dialog.getByText('Honor per peserta dan rekrutan').click();
    await dialog.getByRole('textbox', { name: /Honor per keluarga yang membayar/ }).fill('3000');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await shown(page.getByText('Aturan disimpan.'));
    const admin = new ApiClient(server.url);
    await admin.login('admin', DEMO_PASSWORD);
    expect((await admin.get('/api/v1/contributions/settings')).body).toEqual({
      cashHoldingLimitDays: 3,
      incentiveRule: { kind: 'fees', perParticipant: 3000, perRecruit: 10000 },
    });
    const month = businessDate(systemClock).slice(0, 7);
    const figures = (await admin.get(`/api/v1/cadres/${recruitedId}/performance?month=${month}`)).body;
    expect(figures.incentive).toBe(String(figures.payments * 3000 + figures.recruited * 10000));
    await context.close();
  });

  it('a manager sees across cadres: caseload against the cap, cash held too long first, the month collected against due', async () => {
    // The first cadre collects a month from their family five days ago and still holds it (limit 3 days).
    const today = businessDate(systemClock);
    const fiveDaysAgo = new Date(Date.parse(`${today}T00:00:00Z`) - 5 * 86_400_000).toISOString().slice(0, 10);
    const db = server.database.db;
    const family = await db.selectFrom('household').select('id').where('kk_number', '=', kk).executeTakeFirstOrThrow();
    const manager = new ApiClient(server.url);
    await manager.login('manajer', DEMO_PASSWORD);
    const collected = await manager.request(
      'POST',
      `/api/v1/cadres/${cadreId}/contributions`,
      { householdId: family.id, months: 1, amount: '35000', paidOn: fiveDaysAgo },
      { 'idempotency-key': 'e2e-overview-held' },
    );
    if (collected.status !== 201) throw new Error(`set-up failed: ${JSON.stringify(collected.body)}`);
    const sameMonth = fiveDaysAgo.slice(0, 7) === today.slice(0, 7);

    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, server.url, 'manajer', DEMO_PASSWORD);
    await navLink(page, 'Kader JKN').click();
    await shown(page.getByTestId('cadres-flagged').getByText('1 kader memegang uang iuran lebih dari 3 hari. Minta segera disetor.'));
    const rows = page.getByTestId('cadre-row');
    await shown(rows.first().getByTestId('cadre-cash-flag'));
    expect(await rows.count()).toBe(2);
    const held = rows.first();
    await shown(held.getByRole('link', { name: cadreName }));
    await shown(held.getByTestId('cadre-caseload-cell').getByText('1 dari 500'));
    await shown(held.getByTestId('cadre-cash-cell').getByText('Rp35.000', { exact: true }));
    await shown(held.getByTestId('cadre-cash-cell').getByText(/\(5 hari\)$/));
    await shown(
      held.getByTestId('cadre-collected-cell').getByText(sameMonth ? 'Rp35.000 dari Rp35.000' : 'Rp0 dari Rp35.000', { exact: true }),
    );
    // The recruited cadre: deposited everything; collected three months (Rp105.000) against one month due.
    const other = rows.nth(1);
    await shown(other.getByRole('link', { name: recruit.full_name }));
    await shown(other.getByTestId('cadre-cash-cell').getByText('Rp0', { exact: true }));
    expect(await other.getByTestId('cadre-cash-flag').count()).toBe(0);
    await shown(other.getByTestId('cadre-collected-cell').getByText(`${formatRupiah(String(payer.reactivation))} dari Rp35.000`));
    await shown(other.getByTestId('cadre-collected-cell').getByText('300% dari tagihan'));

    // Sorted by name instead.
    await page.getByTestId('cadres-sort').click();
    await page.getByRole('option', { name: 'Nama' }).click();
    const names = [cadreName, recruit.full_name].sort((a, b) => a.localeCompare(b));
    await shown(rows.first().getByRole('link', { name: names[0] }));
    await shown(rows.nth(1).getByRole('link', { name: names[1] }));

    await page.getByText('EN', { exact: true }).click();
    await shown(page.getByRole('columnheader', { name: 'Cash held' }));
    await shown(page.getByTestId('cadre-cash-flag').getByText('Held too long'));
    await shown(page.getByText('1 cadre holds contributions longer than 3 days. Ask for a deposit now.'));
    await context.close();

    // On a 360-px phone: cards with the same figures, the one holding cash too long first.
    const phone = await newPage(browser, PHONE);
    await signIn(phone.page, server.url, 'manajer', DEMO_PASSWORD);
    await phone.page.goto(`${server.url}/cadres`);
    const first = phone.page.getByTestId('cadre-row').first();
    await shown(first.getByTestId('cadre-cash-flag').getByText('Terlalu lama'));
    await shown(first.getByTestId('cadre-caseload-cell').getByText('1 dari 500'));
    await shown(phone.page.getByTestId('cadre-row').nth(1).getByTestId('cadre-collected-cell'));
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await phone.context.close();
  });
});
