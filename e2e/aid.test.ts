import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDate } from '../src/core/clock.ts';
import { addDays, addMonthsKeepingDay } from '../src/core/dates.ts';
import { DEMO_PASSWORD, fillDemoAid } from '../src/modules/demo/index.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../src/testing/server.ts';
import {
  DESKTOP,
  eventually,
  launchBrowser,
  lowContrastTexts,
  navLink,
  newPage,
  openedDialog,
  PHONE,
  shown,
  signIn,
  skipBrowserTests,
} from './browser.ts';

const fitsPhone = (page: import('playwright-core').Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe.skipIf(skipBrowserTests)(
  'bantuan sosial: siklus PKH dibuka manajer, disetujui pembina, instruksi diunduh, konfirmasi dengan satu gagal (Chromium)',
  () => {
    let server: TestServer;
    let browser: Browser;
    let period: { start: string; end: string; name: string };

    beforeAll(async () => {
      [server, browser] = await Promise.all([startTestServer('pglite', { demo: true, serveWeb: true }), launchBrowser()]);
      const ctx = systemTestContext(server.database);
      await fillDemoAid(ctx);
      // The demo has this quarter's PKH stage paid and the next one computed: open the stage after it.
      const manager = new ApiClient(server.url);
      await manager.login('manajer', DEMO_PASSWORD);
      const cycles = await manager.get('/api/v1/programmes/pkh/cycles');
      if (cycles.status !== 200 || cycles.body.items.length === 0) throw new Error(`no demo cycles: ${JSON.stringify(cycles.body)}`);
      const latestEnd = (cycles.body.items as { periodEnd: string }[])
        .map((c) => c.periodEnd)
        .sort()
        .at(-1) as string;
      const start = addDays(latestEnd, 1);
      period = { start, end: addDays(addMonthsKeepingDay(start, 3), -1), name: `PKH uji ${start}` };
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('membuka dan menghitung siklus, menolak pembuatnya menyetujui, membayar lewat berkas dan menampilkan daftar ulang bayar', async () => {
      // The manager (maker) opens the next stage from the programme's page.
      const maker = await newPage(browser, DESKTOP);
      await signIn(maker.page, server.url, 'manajer', DEMO_PASSWORD);
      await navLink(maker.page, 'Program bantuan').click();
      await shown(maker.page.getByRole('heading', { name: 'Program bantuan sosial' }));
      await maker.page.getByRole('link', { name: 'Program Keluarga Harapan (PKH)' }).click();
      await shown(maker.page.getByTestId('programme-title'));
      await shown(maker.page.getByTestId('programme-fund').getByText('BANSOS-PKH'));
      await maker.page.getByRole('tab', { name: 'Siklus' }).click();
      await shown(maker.page.getByTestId('cycle-row').first());
      await maker.page.getByRole('button', { name: 'Buka siklus' }).click();
      const open = await shown(maker.page.getByRole('dialog'));
      await open.getByRole('textbox', { name: 'Nama siklus' }).fill(period.name);
      await open.getByLabel('Awal periode').fill(period.start);
      await open.getByLabel('Akhir periode').fill(period.end);
      await open.getByRole('button', { name: 'Buka siklus' }).click();
      await shown(maker.page.getByRole('heading', { name: period.name }));
      await shown(maker.page.getByTestId('compute-state').getByText('Belum dihitung'));
      const cycleUrl = maker.page.url();
      const cycleId = cycleUrl.split('/').at(-1) as string;

      await maker.page.getByRole('button', { name: 'Hitung hak' }).click();
      await shown(maker.page.getByTestId('compute-state').getByText('Sudah dihitung'));
      const api = new ApiClient(server.url);
      await api.login('manajer', DEMO_PASSWORD);
      const computed = (await api.get(`/api/v1/cycles/${cycleId}`)).body;
      expect(computed.totals.count).toBeGreaterThan(1);
      await shown(maker.page.getByTestId('cycle-count').getByText(String(computed.totals.count), { exact: true }));
      await shown(maker.page.getByTestId('review-channels').getByText('Rekening bank'));
      expect(await maker.page.getByTestId('entitlement-row').count()).toBe(Math.min(25, computed.totals.count));

      // One entitlement is taken out, with a reason; the rest stay to be approved.
      const first = maker.page.getByTestId('entitlement-row').first();
      await first.getByRole('button', { name: 'Kecualikan' }).click();
      const exclude = await shown(maker.page.getByRole('dialog'));
      await exclude.getByRole('button', { name: 'Kecualikan' }).click();
      await shown(exclude.getByText('Wajib diisi.'));
      await exclude.getByRole('textbox', { name: 'Alasan pengecualian' }).fill('Keluarga pindah ke luar kota sebelum periode');
      await exclude.getByRole('button', { name: 'Kecualikan' }).click();
      await exclude.waitFor({ state: 'hidden' });
      await shown(first.getByTestId('entitlement-status').getByText('Dikecualikan'));
      await shown(first.getByText('Keluarga pindah ke luar kota sebelum periode'));
      const owed = computed.totals.count - 1;
      await shown(maker.page.getByTestId('cycle-count').getByText(String(owed), { exact: true }));

      // The maker may not approve: the dialog says so plainly.
      await maker.page.getByRole('button', { name: 'Setujui siklus' }).click();
      const refuse = await shown(maker.page.getByRole('dialog'));
      await shown(refuse.getByTestId('maker-note'));
      await refuse.getByRole('button', { name: 'Setujui siklus' }).click();
      const refusal = await shown(refuse.getByTestId('refusal'));
      expect(await refusal.textContent()).toContain('Persetujuan harus oleh orang lain');
      expect(await refusal.textContent()).toContain('Pembuat siklus tidak boleh menyetujui');
      await refuse.getByRole('button', { name: 'Tutup' }).last().click();
      await shown(maker.page.getByTestId('cycle-status').getByText('Terbuka'));

      // The supervisor (checker) approves the cycle, then every entitlement.
      const checker = await newPage(browser, DESKTOP);
      await signIn(checker.page, server.url, 'pembina', DEMO_PASSWORD);
      await checker.page.goto(cycleUrl);
      await checker.page.getByRole('button', { name: 'Setujui siklus' }).click();
      const approve = await shown(checker.page.getByRole('dialog'));
      expect(await approve.getByTestId('maker-note').count()).toBe(0);
      await approve.getByRole('button', { name: 'Setujui siklus' }).click();
      await approve.waitFor({ state: 'hidden' });
      await shown(checker.page.getByTestId('cycle-status').getByText('Disetujui'));
      await checker.page.getByRole('button', { name: new RegExp(`^Setujui semua hak \\(${owed}\\)`) }).click();
      const all = await shown(checker.page.getByRole('dialog'));
      await all.getByRole('button', { name: 'Setujui semua hak' }).click();
      await all.waitFor({ state: 'hidden' });
      await shown(checker.page.getByText(`${owed} hak disetujui`));
      await checker.context.close();

      // The maker instructs the bank and downloads the file.
      await maker.page.reload();
      await shown(maker.page.getByTestId('cycle-status').getByText('Disetujui'));
      await maker.page.getByRole('button', { name: 'Buat instruksi' }).click();
      const batch = await shown(maker.page.getByRole('dialog'));
      await batch.getByRole('button', { name: 'Buat instruksi' }).click();
      await batch.waitFor({ state: 'hidden' });
      await shown(maker.page.getByTestId('batch-row').first());
      const [download] = await Promise.all([maker.page.waitForEvent('download'), maker.page.getByTestId('batch-download').click()]);
      expect(download.suggestedFilename()).toMatch(/^instruksi-pkh-.*-bank-1\.csv$/);
      const csv = (await readFile((await download.path()) as string, 'utf8')).trim().split('\r\n');
      expect(csv[0]).toBe('reference,bank_account,account_name,amount,description');
      const instructions = csv.slice(1).map((line) => line.split(','));
      expect(instructions).toHaveLength(owed);

      // The bank's confirmation: every transfer paid but the first, which failed.
      const today = businessDate({ now: () => new Date() });
      const confirmation = [
        'reference,status,date,channel_reference,amount',
        ...instructions.map(([reference, , , amount], index) =>
          index === 0 ? `${reference},failed,${today},TOLAK-01,${amount}` : `${reference},paid,${today},TRF-${index},${amount}`,
        ),
      ].join('\r\n');
      await maker.page.getByRole('button', { name: 'Unggah konfirmasi' }).click();
      const upload = await shown(maker.page.getByRole('dialog'));
      await upload.locator('input[type="file"]').setInputFiles({
        name: 'konfirmasi-bank.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(confirmation, 'utf8'),
      });
      await upload.getByRole('button', { name: 'Unggah', exact: true }).click();
      await upload.waitFor({ state: 'hidden' });
      const report = await shown(maker.page.getByTestId('reconciliation-report'));
      await shown(report.getByTestId('count-paid').getByText(String(owed - 1), { exact: true }));
      await shown(report.getByTestId('count-failed').getByText('1', { exact: true }));
      await shown(report.getByTestId('count-unknown').getByText('0', { exact: true }));
      await shown(report.getByText('Semua baris diterapkan.'));

      // The failed transfer waits on the retry list, with its reference.
      const failedReference = instructions[0]?.[0] as string;
      const retry = await shown(maker.page.getByTestId('retry-row').first());
      expect(await maker.page.getByTestId('retry-row').count()).toBe(1);
      await shown(retry.getByText(failedReference));
      await shown(retry.getByTestId('entitlement-status').getByText('Gagal'));
      // Every text of the page (report, badges, lists) reads at WCAG AA contrast.
      expect(await lowContrastTexts(maker.page)).toEqual([]);
      await maker.context.close();

      // The failed family's page shows PKH and the failed payment.
      const failedRow = (await api.get(`/api/v1/cycles/${cycleId}/retry-list`)).body.items[0] as { householdId: string };
      const family = await newPage(browser, DESKTOP);
      await signIn(family.page, server.url, 'manajer', DEMO_PASSWORD);
      await family.page.goto(`${server.url}/households/${failedRow.householdId}`);
      const aid = await shown(family.page.getByTestId('unit-aid'));
      await shown(aid.getByTestId('unit-aid-enrolment').getByText('Program Keluarga Harapan (PKH)'));
      await shown(aid.getByTestId('unit-aid-payments').getByText(period.name));
      await shown(aid.getByTestId('unit-aid-payments').getByText(failedReference));
      await family.context.close();

      // On a phone the cycle page fits the screen.
      const phone = await newPage(browser, PHONE);
      await signIn(phone.page, server.url, 'manajer', DEMO_PASSWORD);
      await phone.page.goto(cycleUrl);
      await shown(phone.page.getByTestId('retry-row').first());
      expect(await fitsPhone(phone.page)).toBeLessThanOrEqual(PHONE.width);
      expect(await lowContrastTexts(phone.page)).toEqual([]);
      await phone.page.goto(`${server.url}/aid/programmes`);
      await shown(phone.page.getByTestId('programme-row').first());
      expect(await fitsPhone(phone.page)).toBeLessThanOrEqual(PHONE.width);
      await phone.context.close();
    });

    it('menjelaskan kelayakan satu keluarga dengan setiap syarat, nilai tercatat dan yang disyaratkan', async () => {
      const head = await server.database.db
        .selectFrom('person')
        .select(['nik', 'full_name'])
        .where('village_code', '=', '34.71.01.1001')
        .where('relation', '=', 'head')
        .orderBy('nik')
        .executeTakeFirstOrThrow();
      const { context, page } = await newPage(browser, DESKTOP);
      await signIn(page, server.url, 'pembina', DEMO_PASSWORD);
      await page.goto(`${server.url}/aid/programmes/pkh?tab=eligibility`);
      await page.getByRole('combobox', { name: 'Orang (NIK, No. KK atau nama)' }).fill(head.nik);
      await page.getByRole('option', { name: new RegExp(head.full_name) }).click();
      const result = await shown(page.getByTestId('eligibility-result'));
      // PKH asks one rule, welfare decile 1–4: seen and required are both shown.
      const rule = await shown(result.getByTestId('eligibility-rule').first());
      expect(await rule.textContent()).toContain('decile');
      expect(await rule.textContent()).toMatch(/min: 1, max: 4/);
      await shown(result.getByText(/^(Memenuhi syarat|Tidak memenuhi syarat)$/));
      expect(await rule.textContent()).toContain('Desil kesejahteraan');
      expect(await lowContrastTexts(page)).toEqual([]);
      // In English the labels and the server's explanation change language.
      await page.getByText('EN', { exact: true }).click();
      await shown(page.getByRole('tab', { name: 'Eligibility check' }));
      await shown(result.getByText(/^(Eligible|Not eligible)$/));
      await shown(
        result
          .getByTestId('eligibility-rule')
          .first()
          .getByText(/[Ww]elfare decile/),
      );
      await context.close();
    });

    it('menangguhkan kepesertaan satu keluarga dengan alasan, lalu mengaktifkannya lagi', async () => {
      const { context, page } = await newPage(browser, DESKTOP);
      await signIn(page, server.url, 'manajer', DEMO_PASSWORD);
      await page.goto(`${server.url}/aid/programmes/pkh?tab=enrolments`);
      const row = await shown(page.getByTestId('enrolment-row').first());
      const name = (await row.getByRole('link').first().textContent()) as string;
      await row.getByRole('button', { name: 'Tangguhkan' }).click();
      const dialog = await openedDialog(page.getByRole('dialog', { name: `Tangguhkan kepesertaan ${name}` }));
      await dialog.getByRole('textbox', { name: 'Alasan' }).fill('Menunggu verifikasi ulang pendamping');
      await dialog.getByRole('button', { name: 'Tangguhkan' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await shown(row.getByTestId('enrolment-status').getByText('Ditangguhkan'));
      await shown(row.getByText('Menunggu verifikasi ulang pendamping'));
      await row.getByRole('button', { name: 'Aktifkan lagi' }).click();
      const resume = await openedDialog(page.getByRole('dialog'));
      await resume.getByRole('textbox', { name: 'Alasan' }).fill('Sudah diverifikasi');
      await resume.getByRole('button', { name: 'Aktifkan lagi' }).click();
      await resume.waitFor({ state: 'hidden' });
      await shown(row.getByTestId('enrolment-status').getByText('Terdaftar'));
      await context.close();
    });

    it('mendaftarkan keluarga terpilih dari daftar layak yang belum terdaftar', async () => {
      const { context, page } = await newPage(browser, DESKTOP);
      await signIn(page, server.url, 'manajer', DEMO_PASSWORD);
      await page.goto(`${server.url}/aid/programmes/pkh?tab=enrolments`);
      await page.getByText('Layak, belum terdaftar', { exact: true }).click();
      const list = await shown(page.getByTestId('eligible-list'));
      const boxes = list.getByRole('checkbox', { name: /^Pilih (?!semua)/ });
      await shown(boxes.first());
      // The first family of the list (names repeat in the demo: its link is what identifies it).
      const picked = (await list.getByRole('link').first().getAttribute('href')) as string;
      await boxes.first().check();
      await page.getByRole('button', { name: 'Daftarkan terpilih (1)' }).click();
      await shown(page.getByText('1 keluarga didaftarkan; rekening diisi kemudian.'));
      await shown(page.getByTestId('bulk-outcomes').getByText('Didaftarkan: 1'));
      await eventually(async () => (await list.locator(`a[href="${picked}"]`).count()) === 0, 'the enrolled family leaves the list');
      // It waits for its account among the enrolments.
      await page.locator('.mantine-SegmentedControl-root').getByText('Peserta', { exact: true }).click();
      await page.getByRole('combobox', { name: 'Status' }).click();
      await page.getByRole('option', { name: 'Menunggu rekening' }).click();
      // The demo's family without an account, and this one.
      await eventually(async () => (await page.getByTestId('enrolment-row').count()) === 2, 'two enrolments await their account');
      await context.close();
    });

    it('menampilkan progres penyaluran (tabel, grafik, PDF dan Excel) dan muat di layar 360 px', async () => {
      const { context, page } = await newPage(browser, PHONE);
      await signIn(page, server.url, 'pembina', DEMO_PASSWORD);
      await page.goto(`${server.url}/aid/progress?programme=pkh`);
      await shown(page.getByTestId('progress-table'));
      expect(await page.getByTestId('progress-row').count()).toBeGreaterThan(0);
      await shown(page.getByTestId('progress-chart').getByRole('img').first());
      for (const [testId, type] of [
        ['progress-pdf', 'application/pdf'],
        ['progress-xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ] as const) {
        const href = await page.getByTestId(testId).getAttribute('href');
        const answer = await page.evaluate(async (url) => {
          const response = await fetch(url as string);
          return { status: response.status, type: response.headers.get('content-type') };
        }, href);
        expect(answer.status).toBe(200);
        expect(answer.type).toContain(type);
      }
      // A province opens its regencies.
      await page.getByTestId('progress-row').first().getByRole('button').first().click();
      await eventually(async () => page.url().includes('level=regency'), 'the regencies are shown');
      await shown(page.getByTestId('progress-row').first());
      expect(await fitsPhone(page)).toBeLessThanOrEqual(PHONE.width);
      expect(await lowContrastTexts(page)).toEqual([]);
      await context.close();
    });
  },
);
