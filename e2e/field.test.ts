import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDate, systemClock } from '../src/core/clock.ts';
import { formatRupiah } from '../src/core/format.ts';
import { maskName } from '../src/core/mask.ts';
import { DEMO_PASSWORD, fillDemoCadres } from '../src/modules/demo/index.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../src/testing/server.ts';
import { eventually, launchBrowser, newPage, openedDialog, PHONE, shown, signIn, skipBrowserTests } from './browser.ts';

/** Back online, the outbox goes by itself; on a busy machine the first try may fail and the retry follows 2 s later. */
const SYNC_WAIT_MS = 30_000;
const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(skipBrowserTests)('field app: a facilitator and a cadre record offline and the outbox syncs once (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let payer: { id: string; name: string };
  let overpayer: { id: string; name: string };
  const groupName = 'Kelompok Lapangan Karangwaru';
  let groupId: string;

  const repaymentsOf = (financingId: string) =>
    server.database.db.selectFrom('financing_repayment').selectAll().where('financing_id', '=', financingId).execute();

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('pglite', { demo: true, serveWeb: true }), launchBrowser()]);
    await fillDemoCadres(systemTestContext(server.database));
    const admin = new ApiClient(server.url);
    await admin.login('admin', DEMO_PASSWORD);
    const manager = new ApiClient(server.url);
    await manager.login('manajer', DEMO_PASSWORD);
    const ok = (response: { status: number; body: unknown }, what: string) => {
      if (response.status >= 300) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body as Record<string, any>;
    };
    ok(
      await admin.post('/api/v1/users', {
        username: 'fasil.kricak',
        fullName: 'Sri Wahyuni',
        role: 'facilitator',
        password: DEMO_PASSWORD,
        officeCodes: ['YK01'],
      }),
      'facilitator',
    );
    const heads = await server.database.db
      .selectFrom('person')
      .select(['id', 'full_name'])
      .where('village_code', '=', '34.71.02.1001')
      .where('relation', '=', 'head')
      .orderBy('nik')
      .limit(2)
      .execute();
    const group = ok(
      await admin.post('/api/v1/groups', {
        kind: 'jkm',
        name: groupName,
        officeCode: 'YK01',
        villageCodes: ['34.71.02.1001'],
        facilitatorUsername: 'fasil.kricak',
        formedOn: '2026-01-02',
      }),
      'group',
    );
    groupId = group.id as string;
    for (const head of heads)
      ok(await admin.post(`/api/v1/groups/${group.id}/members`, { personId: head.id, joinedOn: '2026-01-02' }), 'member');
    ok(
      await manager.post('/api/v1/financing/products', {
        code: 'FLAT10',
        name: 'Modal usaha flat 10%',
        kind: 'flat',
        ratePercent: '10',
        frequency: 'monthly',
        minAmount: '1000000',
        maxAmount: '50000000',
        minInstallments: 3,
        maxInstallments: 24,
      }),
      'product',
    );
    const today = businessDate(systemClock);
    ok(
      await manager.post('/api/v1/funds', {
        code: 'USEP-KRW',
        name: 'Stimulus USEP Karangwaru',
        kind: 'stimulus',
        source: 'APBD Kota Yogyakarta',
        officeCode: 'YK01',
        initialCapital: '50000000',
        capitalDate: shift(today, -60),
      }),
      'fund',
    );
    // Disbursed five weeks ago: the first instalment (Rp1.100.000) is due, nothing paid yet.
    const financings = [];
    for (const head of heads) {
      const applied = ok(
        await admin.post('/api/v1/financings', {
          personId: head.id,
          productCode: 'FLAT10',
          fundCode: 'USEP-KRW',
          principal: '12000000',
          installments: 12,
          purpose: 'Modal warung',
          appliedOn: shift(today, -40),
          groupId: group.id,
        }),
        'application',
      );
      ok(await manager.post(`/api/v1/financings/${applied.id}/approve`, {}), 'approval');
      ok(
        await manager.post(`/api/v1/financings/${applied.id}/disburse`, { disbursedOn: shift(today, -35), method: 'cash' }),
        'disbursement',
      );
      financings.push({ id: applied.id as string, name: head.full_name });
    }
    [payer, overpayer] = financings as [typeof payer, typeof overpayer];
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('downloads, opens with no connection, records two payments, and syncs them by itself: one applied, one refused with its reason', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, server.url, 'fasil.kricak', DEMO_PASSWORD);
    await page.goto(`${server.url}/field`);
    await shown(page.getByText('Jaring Lapangan', { exact: true }));
    await shown(page.getByRole('status').getByText('Daring'));
    // The service worker takes the page over once it has cached the shell.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await eventually(() => page.evaluate(() => navigator.serviceWorker.controller !== null), 'the service worker controls /field');
    expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/field.webmanifest');

    await page.getByRole('button', { name: 'Unduh data' }).click();
    await shown(page.getByTestId('downloaded-at'));
    await shown(page.getByRole('link', { name: groupName }));

    // No signal: the page still opens, from the service worker, with the downloaded data.
    await context.setOffline(true);
    await shown(page.getByRole('status').getByText('Luring'));
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await shown(page.getByRole('status').getByText('Luring'));
    await page.getByRole('link', { name: groupName }).click();
    await shown(page.getByRole('heading', { name: groupName }));

    const pay = async (member: string, amount?: string) => {
      const card = page.getByRole('article', { name: member });
      await card.getByRole('button', { name: 'Catat pembayaran' }).click();
      const dialog = await openedDialog(page.getByRole('dialog'));
      const input = dialog.getByRole('textbox', { name: /Jumlah diterima/ });
      expect(await input.inputValue()).toBe('1.100.000');
      if (amount) {
        await input.fill(amount);
        await shown(dialog.getByText(/Melebihi sisa kewajiban \(Rp13\.200\.000\)/));
      }
      await dialog.getByRole('button', { name: 'Simpan ke kotak keluar' }).click();
      // The receipt at once, offline: numbered by this phone (device code + its own sequence).
      const number = (await (await shown(dialog.getByText(/F\d{3,}-\d{5,}/).first())).textContent()) ?? '';
      await dialog.getByRole('button', { name: 'Selesai' }).click();
      await dialog.waitFor({ state: 'hidden' });
      return /F\d{3,}-\d{5,}/.exec(number)?.[0];
    };
    const payerReceipt = await pay(payer.name);
    const overpayerReceipt = await pay(overpayer.name, '99000000');
    expect(payerReceipt).toBeTruthy();
    expect(overpayerReceipt).not.toBe(payerReceipt);
    await shown(page.getByRole('article', { name: payer.name }).getByText('Dicatat Rp1.100.000'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    await page.getByRole('link', { name: /Kotak keluar/ }).click();
    await shown(page.getByRole('heading', { name: 'Menunggu dikirim (2)' }));
    expect(await page.getByTestId('outbox-waiting').getByRole('article').count()).toBe(2);
    expect(await repaymentsOf(payer.id)).toHaveLength(0);

    // Signal again: the outbox empties by itself.
    await context.setOffline(false);
    await shown(page.getByRole('heading', { name: 'Terkirim (1)' }), SYNC_WAIT_MS);
    await shown(page.getByRole('heading', { name: 'Ditolak server (1)' }));
    const refused = page.getByTestId('outbox-refused').getByRole('article');
    await shown(refused.getByText('Jumlah melebihi sisa kewajiban (Rp13.200.000). Masukkan paling banyak sisa kewajiban.'));
    await shown(page.getByRole('status').getByText('Daring'));
    const recorded = await repaymentsOf(payer.id);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      amount: '1100000',
      channel: 'group_meeting',
      received_by: 'fasil.kricak',
      // The same number on the server as on the phone's receipt.
      field_receipt_number: payerReceipt,
    });
    expect(await repaymentsOf(overpayer.id)).toHaveLength(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // The refusal stays until the worker resolves it: after a reload, corrected and sent again.
    await page.reload();
    await shown(refused.getByText(/Jumlah melebihi sisa kewajiban/));
    await refused.getByRole('button', { name: 'Ubah jumlah' }).click();
    await refused.getByRole('textbox', { name: /Jumlah diterima/ }).fill('1100000');
    await refused.getByRole('button', { name: 'Kirim ulang' }).click();
    await shown(page.getByRole('heading', { name: 'Terkirim (2)' }));
    expect(await page.getByTestId('outbox-refused').count()).toBe(0);
    expect(await repaymentsOf(overpayer.id)).toHaveLength(1);
    expect(await repaymentsOf(payer.id)).toHaveLength(1);

    // Online, a record goes at once: who came to today's meeting.
    await page.getByRole('link', { name: 'Kelompok', exact: true }).click();
    await page.getByRole('link', { name: groupName }).click();
    await page.getByRole('button', { name: 'Catat kehadiran' }).click();
    const attendance = await openedDialog(page.getByRole('dialog'));
    await attendance.getByRole('checkbox', { name: payer.name }).check();
    await attendance.getByRole('button', { name: 'Simpan kehadiran (1 hadir)' }).click();
    await attendance.waitFor({ state: 'hidden' });
    await page.getByRole('link', { name: /Kotak keluar/ }).click();
    await shown(page.getByRole('heading', { name: 'Terkirim (3)' }));
    const meetings = await server.database.db.selectFrom('group_meeting').select('id').where('group_id', '=', groupId).execute();
    expect(meetings).toHaveLength(1);
    await context.close();
  });

  it('a cadre records a visit and a contribution with no signal; back online, each is recorded exactly once', async () => {
    const db = server.database.db;
    const kader = new ApiClient(server.url);
    await kader.login('kader', DEMO_PASSWORD);
    const cadreId = (await kader.get('/api/v1/sync/bundle')).body.cadreId as string;
    const worklist = (await kader.get(`/api/v1/cadres/${cadreId}/worklist`)).body.items as {
      householdId: string;
      headName: string;
      arrearsMonths: number;
      monthlyDue: string;
    }[];
    // Two months behind at Rp35.000 a month (class III, one person).
    const family = worklist.find((f) => f.arrearsMonths === 2);
    if (!family) throw new Error(`no family two months behind: ${JSON.stringify(worklist)}`);
    const paymentsOf = () => db.selectFrom('jkn_contribution_payment').selectAll().where('household_id', '=', family.householdId).execute();
    const visitsOf = () => db.selectFrom('cadre_visit').selectAll().where('household_id', '=', family.householdId).execute();
    const [paymentsBefore, visitsBefore] = [await paymentsOf(), await visitsOf()];

    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, server.url, 'kader', DEMO_PASSWORD);
    // From the office app's navigation to the field app.
    await page.getByRole('button', { name: 'Buka menu navigasi' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Aplikasi lapangan' }).click();
    await page.waitForURL(`${server.url}/field`);
    await shown(page.getByRole('status').getByText('Daring'));
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await eventually(() => page.evaluate(() => navigator.serviceWorker.controller !== null), 'the service worker controls /field');
    await page.getByRole('button', { name: 'Unduh data' }).click();
    await shown(page.getByTestId('downloaded-at'));
    await shown(page.getByRole('link', { name: 'Keluarga', exact: true }));
    const card = page.getByRole('link', { name: family.headName });
    await shown(card.getByText('Tunggakan 2 bulan'));

    await context.setOffline(true);
    await page.reload();
    await shown(page.getByRole('status').getByText('Luring'));
    await page.getByRole('link', { name: family.headName }).click();
    await shown(page.getByRole('heading', { name: family.headName }));
    // To reactivate: two months in arrears and the current one.
    await shown(page.getByText('Rp105.000'));

    await page.getByRole('button', { name: 'Catat kunjungan' }).click();
    const visit = await openedDialog(page.getByRole('dialog'));
    await visit.getByRole('radio', { name: 'Sudah membayar' }).check();
    await visit.getByRole('button', { name: 'Simpan ke kotak keluar' }).click();
    await visit.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Catat iuran' }).click();
    const payment = await openedDialog(page.getByRole('dialog'));
    const received = payment.getByRole('textbox', { name: /Jumlah diterima/ });
    expect(await received.inputValue()).toBe('105.000');
    // Emptying the months field crashed the whole app (BigInt of NaN): the screen stays, and so does the outbox.
    const months = payment.getByRole('textbox', { name: 'Jumlah bulan dibayar' });
    await months.fill('');
    await payment.getByRole('button', { name: 'Simpan ke kotak keluar' }).click();
    await shown(payment.getByText('Isi 1 sampai 36 bulan.'));
    expect(await page.getByTestId('screen-failed').count()).toBe(0);
    await shown(page.getByRole('link', { name: /Kotak keluar/ }));
    await months.fill('3');
    expect(await received.inputValue()).toBe('105.000');
    // An amount other than months × the monthly due is warned about on the spot (the server would refuse it), with the fix one tap away.
    await received.fill('100000');
    const warning = await shown(payment.getByRole('alert').getByText(/^Jumlah ini bukan 3 bulan × Rp35\.000 = Rp105\.000\./));
    await payment.getByRole('button', { name: 'Pakai Rp105.000' }).click();
    await warning.waitFor({ state: 'detached' });
    expect(await received.inputValue()).toBe('105.000');
    await payment.getByRole('button', { name: 'Simpan ke kotak keluar' }).click();
    await shown(payment.getByText(/F\d{3,}-\d{5,}/).first());
    await payment.getByRole('button', { name: 'Selesai' }).click();
    await payment.waitFor({ state: 'hidden' });
    await shown(page.getByText('Iuran dicatat 3 bulan'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    await page.getByRole('link', { name: /Kotak keluar/ }).click();
    await shown(page.getByRole('heading', { name: 'Menunggu dikirim (2)' }));
    expect(await paymentsOf()).toHaveLength(paymentsBefore.length);
    expect(await visitsOf()).toHaveLength(visitsBefore.length);

    // Signal again: both go by themselves, once, even when the first try is cut off (a weak link).
    let cutOff = 0;
    await context.route(
      '**/api/v1/sync/push',
      (route) => {
        cutOff += 1;
        return route.abort('connectionreset');
      },
      { times: 1 },
    );
    await context.setOffline(false);
    await shown(page.getByRole('heading', { name: 'Terkirim (2)' }), SYNC_WAIT_MS);
    expect(cutOff).toBe(1);
    const payments = await paymentsOf();
    expect(payments).toHaveLength(paymentsBefore.length + 1);
    expect(payments.at(-1)).toMatchObject({ amount: '105000', months: 3 });
    expect(await visitsOf()).toHaveLength(visitsBefore.length + 1);
    const dues = (await kader.get(`/api/v1/households/${family.householdId}/jkn-dues`)).body;
    expect(dues.paidThrough).toBe(businessDate(systemClock).slice(0, 7));

    // The synced payment's receipt: the PDF opens with the cadre's session, and a short text goes to the family.
    const sent = page.getByTestId('outbox-applied').getByRole('article', { name: `Iuran JKN · ${family.headName}` });
    const receiptLink = await shown(sent.getByRole('link', { name: 'Kuitansi' }));
    expect(await receiptLink.getAttribute('href')).toBe(`/api/v1/contributions/${payments.at(-1)?.id}/receipt.pdf`);
    const pdf = await page.request.get(`${server.url}/api/v1/contributions/${payments.at(-1)?.id}/receipt.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const masked = maskName(family.headName);
    const expectText = (text: string) => {
      expect(text).toContain(payments.at(-1)?.receipt_number);
      expect(text).toContain(`Keluarga: ${masked}`);
      expect(text).toContain('iuran 3 bulan');
      expect(text).toContain('Jumlah: Rp105.000');
      expect(text).toContain('Terbilang: seratus lima ribu rupiah');
      expect(text).not.toContain(family.headName);
    };
    // Where the browser has a share sheet it gets the text …
    await page.evaluate(() => {
      const shared: ShareData[] = [];
      Object.assign(window, { shared });
      Object.defineProperty(navigator, 'share', { configurable: true, value: async (data: ShareData) => void shared.push(data) });
    });
    await sent.getByRole('button', { name: 'Bagikan' }).click();
    await eventually(() => page.evaluate(() => (window as unknown as { shared: ShareData[] }).shared.length === 1), 'the text is shared');
    expectText(await page.evaluate(() => (window as unknown as { shared: ShareData[] }).shared[0]?.text ?? ''));
    // … else it is copied, with a confirmation.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.evaluate(() => Object.defineProperty(navigator, 'share', { configurable: true, value: undefined }));
    await sent.getByRole('button', { name: 'Bagikan' }).click();
    await shown(page.getByText('Teks kuitansi disalin. Tempel di pesan untuk keluarga.'));
    expectText(await page.evaluate(() => navigator.clipboard.readText()));
    // The family's page lists it too.
    await page.getByRole('link', { name: 'Keluarga', exact: true }).click();
    await page.getByRole('link', { name: family.headName }).click();
    await shown(page.getByTestId('family-receipts').getByRole('link', { name: 'Kuitansi' }));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // A family 14 months behind may pay by REHAB: 12 instalments, the two oldest pairs of months first.
    const rehab = worklist.find((f) => f.arrearsMonths === 14);
    if (!rehab) throw new Error(`no family 14 months behind: ${JSON.stringify(worklist)}`);
    const monthly = BigInt(rehab.monthlyDue);
    await page.getByRole('link', { name: 'Keluarga', exact: true }).click();
    await page.getByRole('link', { name: rehab.headName }).click();
    const plan = await shown(page.getByTestId('field-rehab'));
    await shown(plan.getByText(`Cicilan REHAB: 12 kali (${formatRupiah(monthly * 14n)})`));
    await shown(
      plan.getByText(`2 × ${formatRupiah(monthly * 2n)} (2 bulan tunggakan), lalu 10 × ${formatRupiah(monthly)} (1 bulan tunggakan)`),
    );
    await shown(plan.getByText(/^Dibayar dulu: tunggakan terlama/));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.getByRole('link', { name: /Kotak keluar/ }).click();

    // Sending again and reloading records nothing more.
    await page.getByRole('button', { name: 'Kirim sekarang' }).click();
    await page.reload();
    await shown(page.getByRole('heading', { name: 'Terkirim (2)' }));
    expect(await paymentsOf()).toHaveLength(paymentsBefore.length + 1);
    expect(await visitsOf()).toHaveLength(visitsBefore.length + 1);

    // In English: singular where there is one, today's visit as today, the month paid up to by name.
    await page.evaluate(() => localStorage.setItem('jaring.language', 'en'));
    await page.reload();
    await shown(page.getByText(/^Contribution for 3 months · KK/));
    await page.getByRole('link', { name: 'Families', exact: true }).click();
    await page.getByRole('button', { name: 'Download data' }).click();
    const paidCard = page.getByRole('link', { name: family.headName });
    const thisMonth = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${businessDate(systemClock).slice(0, 7)}-01T00:00:00Z`),
    );
    await shown(paidCard.getByText(`Paid up to ${thisMonth}`));
    await shown(paidCard.getByText(/^Visited \d\d\/\d\d\/\d{4} \(today\)$/));
    await paidCard.click();
    await shown(page.getByText(/^KK \d{16} · class III · 1 person$/));
    await page.getByRole('link', { name: 'Families', exact: true }).click();
    await page.getByRole('link', { name: rehab.headName }).click();
    await shown(
      page
        .getByTestId('field-rehab')
        .getByText(
          `2 × ${formatRupiah(monthly * 2n)} (2 months of arrears each), then 10 × ${formatRupiah(monthly)} (1 month of arrears each)`,
        ),
    );
    await context.close();
  });
});
