import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDate, systemClock } from '../src/core/clock.ts';
import { formatDateText } from '../src/core/date-text.ts';
import { formatRupiah } from '../src/core/format.ts';
import { DEMO_PASSWORD, fillDemoMoney } from '../src/modules/demo/index.ts';
import { pdfText } from '../src/testing/pdf-text.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../src/testing/server.ts';
import type { Financing, FinancingListItem, Product } from '../web/src/api/financing.ts';
import { DESKTOP, launchBrowser, newPage, openedDialog, PHONE, shown, signIn, skipBrowserTests } from './browser.ts';

async function pick(page: Page, label: string, option: string | RegExp) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).first().click();
}

const shiftDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** The date as the web app shows it in Bahasa Indonesia ("13 Mar 2026"). */
const shownDate = (iso: string) =>
  new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );

describe.skipIf(skipBrowserTests)(
  'financing actions: a manager writes off and reschedules, a cashier reports a mudharabah profit (Chromium)',
  () => {
    let server: TestServer;
    let browser: Browser;
    let manager: ApiClient;
    let running: FinancingListItem[];
    const demo = (productCode: string, principal: string) => {
      const found = running.find((f) => f.productCode === productCode && f.principal === principal);
      if (!found) throw new Error(`the demo has no running ${productCode} of ${principal}`);
      return found;
    };
    const view = async (id: string) => (await manager.get(`/api/v1/financings/${id}`)).body as Financing;

    beforeAll(async () => {
      [server, browser] = await Promise.all([startTestServer('pglite', { demo: true, serveWeb: true }), launchBrowser()]);
      const ctx = systemTestContext(server.database);
      await fillDemoMoney(ctx);
      manager = new ApiClient(server.url);
      await manager.login('manajer', DEMO_PASSWORD);
      running = (await manager.get('/api/v1/financings?status=disbursed&limit=200')).body.items;
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('writes off a financing in arrears after showing the exact amounts, and the page then says Hapus buku', async () => {
      // The demo's "Bibit dan pupuk": Rp2.000.000 flat 18% a year over 6 months, nothing paid.
      const lost = demo('MODAL-FLAT', '2000000');
      const before = await view(lost.id);
      expect(before.daysPastDue).toBeGreaterThan(0);
      expect(before.outstanding).toMatchObject({ principal: '2000000', profit: '180000' });

      const { context, page } = await newPage(browser, DESKTOP);
      await signIn(page, server.url, 'manajer', DEMO_PASSWORD);
      await page.goto(`${server.url}/financings/${lost.id}`);
      await page.getByRole('button', { name: 'Hapus buku' }).click();
      const dialog = await openedDialog(page.getByRole('dialog'));
      expect(await dialog.getByTestId('write-off-principal').textContent()).toBe('Rp2.000.000');
      expect(await dialog.getByTestId('write-off-profit').textContent()).toBe('Rp180.000');
      expect(await dialog.getByTestId('write-off-penalty').textContent()).toBe(formatRupiah(before.outstanding.penalty));
      expect(await dialog.getByTestId('write-off-total').textContent()).toBe(formatRupiah(before.outstanding.total));
      // The reason is required: without it the browser keeps the dialog open and nothing is sent.
      const reason = dialog.getByRole('textbox', { name: 'Alasan' });
      await dialog.getByRole('button', { name: 'Hapus buku' }).click();
      expect(await reason.evaluate((element) => (element as HTMLTextAreaElement).validity.valueMissing)).toBe(true);
      expect((await view(lost.id)).status).toBe('disbursed');
      await reason.fill('Usaha gagal panen, anggota tidak dapat dihubungi');
      await dialog.getByRole('button', { name: 'Hapus buku' }).click();
      await dialog.waitFor({ state: 'hidden' });

      await shown(page.getByTestId('financing-status').getByText('Hapus buku'));
      const notice = await shown(page.getByTestId('written-off-notice'));
      expect(await notice.textContent()).toContain(
        `Utang anggota ${formatRupiah(before.outstanding.total)} tetap tercatat (pokok Rp2.000.000)`,
      );
      expect(await notice.textContent()).toContain('Alasan: Usaha gagal panen, anggota tidak dapat dihubungi');
      expect(await page.getByTestId('financing-actions').getByRole('button').count()).toBe(0);
      expect((await view(lost.id)).status).toBe('written_off');
      await context.close();
    });

    it('on a 360-px phone, a cashier reports a mudharabah period’s profit and sees both shares in rupiah', async () => {
      // The demo's "Usaha bersama konveksi": Rp8.000.000 mudharabah, nisbah 60 (member) : 40 (LKM).
      const sharing = demo('MUDHARABAH', '8000000');
      const before = await view(sharing.id);
      const period = before.schedule.find((i) => i.status !== 'paid');
      if (!period) throw new Error('no instalment left to report on');

      const { context, page } = await newPage(browser, PHONE);
      await signIn(page, server.url, 'kasir', DEMO_PASSWORD);
      await page.goto(`${server.url}/financings/${sharing.id}`);
      const section = await shown(page.getByTestId('business-results'));
      await shown(section.getByText('Belum ada hasil usaha yang dilaporkan.'));
      expect(await section.getByTestId('business-results-terms').textContent()).toBe('Nisbah anggota 60 : LKM 40');
      // A cashier collects but neither writes off nor reschedules.
      expect(await page.getByRole('button', { name: 'Hapus buku' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Jadwal ulang' }).count()).toBe(0);

      await section.getByRole('button', { name: 'Laporkan hasil usaha' }).click();
      const dialog = await openedDialog(page.getByRole('dialog'));
      expect(await dialog.getByRole('combobox', { name: 'Periode angsuran' }).inputValue()).toMatch(new RegExp(`^Ke-${period.n} · `));
      await dialog.getByRole('textbox', { name: 'Jumlah laba / rugi usaha' }).fill('2000000');
      expect(await dialog.getByTestId('preview-member').textContent()).toBe('Rp1.200.000');
      expect(await dialog.getByTestId('preview-fund').textContent()).toBe('Rp800.000');
      await dialog.getByRole('button', { name: 'Simpan hasil usaha' }).click();
      await dialog.waitFor({ state: 'hidden' });

      const row = await shown(section.getByTestId('business-result'));
      expect(await row.textContent()).toContain(`Periode ke-${period.n}`);
      expect(await row.textContent()).toContain('Rp2.000.000');
      expect(await row.getByTestId('member-share').textContent()).toBe('Rp1.200.000');
      expect(await row.getByTestId('fund-share').textContent()).toBe('Rp800.000');
      // The LKM's share is now due with that instalment: what the member owes grows by exactly Rp800.000.
      const owed = formatRupiah((BigInt(before.outstanding.total) + 800_000n).toString());
      await shown(page.getByTestId('financing-outstanding').getByText(owed, { exact: true }));
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await context.close();
    });

    it('reschedules a financing in arrears over 8 new instalments and shows the new schedule', async () => {
      // The demo's "Warung makan": Rp6.000.000 flat 18% over 12 months, only the first instalment paid.
      const late = demo('MODAL-FLAT', '6000000');
      const before = await view(late.id);
      expect(before.outstanding.principal).toBe('5500000');
      expect(before.schedule).toHaveLength(12);

      const { context, page } = await newPage(browser, DESKTOP);
      await signIn(page, server.url, 'manajer', DEMO_PASSWORD);
      await page.goto(`${server.url}/financings/${late.id}`);
      await page.getByRole('button', { name: 'Jadwal ulang' }).click();
      const dialog = await openedDialog(page.getByRole('dialog'));
      await shown(dialog.getByText('pokok tersisa Rp5.500.000 dibagi ke angsuran baru'));
      await dialog.getByRole('textbox', { name: 'Jumlah angsuran baru' }).fill('8');
      await dialog.getByRole('textbox', { name: 'Alasan' }).fill('Warung sepi selama perbaikan jalan; disepakati kelompok');
      await dialog.getByRole('button', { name: 'Simpan jadwal baru' }).click();
      await dialog.waitFor({ state: 'hidden' });

      // 5.500.000 over 8 months: 687.500 principal + 82.500 interest (1,5% a month) each.
      const notice = await shown(page.getByTestId('rescheduled'));
      expect(await notice.textContent()).toMatch(
        /^Dijadwal ulang: 8 angsuran baru \(ke-13 s\.d\. ke-20\), mulai .+, angsuran pertama Rp770\.000\.$/,
      );
      await shown(page.getByText('20 kali angsuran'));
      expect(await page.getByTestId('instalment').count()).toBe(20);
      const firstNew = page.getByTestId('instalment').nth(12);
      expect(await firstNew.textContent()).toContain('Rp687.500');
      expect(await firstNew.textContent()).toContain('Rp770.000');
      const after = await view(late.id);
      expect(after.schedule.slice(12).map((i) => i.total)).toEqual(Array(8).fill('770000'));
      await context.close();
    });

    it('settings to a printed sheet: quality rule, a product in multiples with its own allocation order, an application with a business, the group’s collection sheet', async () => {
      const today = businessDate(systemClock);
      const admin = new ApiClient(server.url);
      await admin.login('admin', DEMO_PASSWORD);

      // 1. The admin switches the quality rule from the default bank rule to the LKM rule.
      const adminPage = await newPage(browser, DESKTOP);
      await signIn(adminPage.page, server.url, 'admin', DEMO_PASSWORD);
      await adminPage.page.goto(`${server.url}/financing/portfolio`);
      const rules = await shown(adminPage.page.getByTestId('quality-rule'));
      await shown(rules.getByText('Lima golongan: Lancar 0 hari, DPK 1–90 hari', { exact: false }));
      await shown(rules.locator('label', { hasText: 'dipakai sekarang' }).getByText('Aturan bank (POJK 40/2019)'));
      const save = rules.getByRole('button', { name: 'Simpan aturan' });
      expect(await save.isDisabled()).toBe(true);
      await rules.getByRole('radio', { name: /Aturan LKM/ }).check();
      await save.click();
      await shown(adminPage.page.getByText('Kolektibilitas kini dihitung dengan Aturan LKM (POJK 62/2015).'));
      await shown(rules.locator('label', { hasText: 'dipakai sekarang' }).getByText('Aturan LKM (POJK 62/2015)'));
      expect((await admin.get('/api/v1/financing/settings/quality-rule')).body).toEqual({ rule: 'lkm', defaultRule: 'bank' });
      await adminPage.context.close();

      // 2. The manager defines a product: instalments in multiples of Rp1.000, principal paid first.
      const managerPage = await newPage(browser, DESKTOP);
      const mp = managerPage.page;
      await signIn(mp, server.url, 'manajer', DEMO_PASSWORD);
      await mp.goto(`${server.url}/financing/products/new`);
      await mp.getByRole('textbox', { name: 'Kode' }).fill('FLAT-RIBUAN');
      await mp.getByRole('textbox', { name: 'Nama produk' }).fill('Modal flat kelipatan seribu');
      await mp.getByRole('textbox', { name: 'Bunga per tahun (%)' }).fill('12');
      await mp.getByRole('textbox', { name: 'Plafon terendah' }).fill('500000');
      await mp.getByRole('textbox', { name: 'Plafon tertinggi' }).fill('10000000');
      await pick(mp, 'Pembulatan', 'Setengah ke genap (half-even)');
      const multiples = mp.getByRole('textbox', { name: 'Angsuran dalam kelipatan (boleh kosong)' });
      await multiples.fill('0');
      const parts = mp.getByTestId('allocation-part');
      expect(await parts.allTextContents()).toEqual(['1. Denda', '2. Bunga / margin / bagi hasil', '3. Pokok']);
      await mp.getByRole('button', { name: 'Produk baru' }).click();
      await shown(mp.getByText('Kelipatan harus lebih dari 0, atau kosongkan.'));
      await multiples.fill('1000');
      await mp.getByRole('button', { name: 'Naikkan Pokok' }).click();
      await mp.getByRole('button', { name: 'Naikkan Pokok' }).click();
      expect(await parts.allTextContents()).toEqual(['1. Pokok', '2. Denda', '3. Bunga / margin / bagi hasil']);
      expect(await mp.getByRole('button', { name: 'Naikkan Pokok' }).isDisabled()).toBe(true);
      await mp.getByRole('button', { name: 'Produk baru' }).click();
      await shown(mp.getByRole('heading', { name: 'Produk pembiayaan', exact: true }));
      const row = mp.getByTestId('product-row').filter({ hasText: 'FLAT-RIBUAN' });
      expect(await row.getByTestId('product-settings').textContent()).toBe(
        'Alokasi: pokok → denda → bunga / margin / bagi hasil · kelipatan Rp1.000 · Setengah ke genap (half-even)',
      );
      const products = (await manager.get('/api/v1/financing/products')).body.items as Product[];
      expect(products.find((p) => p.code === 'FLAT-RIBUAN')).toMatchObject({
        rounding: 'half-even',
        inMultiplesOf: '1000',
        allocationOrder: ['principal', 'penalty', 'profit'],
        active: true,
      });
      // Taken off the offer and back: the badge says so, the API agrees.
      await row.getByRole('button', { name: 'Nonaktifkan' }).click();
      await shown(row.getByText('Nonaktif', { exact: true }));
      await row.getByRole('button', { name: 'Aktifkan' }).click();
      await row.getByText('Nonaktif', { exact: true }).waitFor({ state: 'detached' });
      const product = ((await manager.get('/api/v1/financing/products')).body.items as Product[]).find((p) => p.code === 'FLAT-RIBUAN');
      expect(product?.active).toBe(true);

      // A member with a registered business, in a group that has recorded its next meeting.
      const member = await server.database.db
        .selectFrom('person')
        .select(['id', 'nik', 'full_name'])
        .where('village_code', '=', '34.71.01.1001')
        .where('relation', '=', 'head')
        // Not yet in a group (one group of a kind per person).
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('group_member').select('group_member.person_id').whereRef('group_member.person_id', '=', 'person.id'))),
        )
        .orderBy('nik')
        .executeTakeFirstOrThrow();
      const business = await manager.post(`/api/v1/persons/${member.id}/businesses`, {
        name: 'Warung Sembako Berkah',
        businessType: 'warung kelontong',
        sector: 'trade',
        capitalRupiah: '3000000',
        monthlyRevenueRupiah: '9000000',
        monthlyCostsRupiah: '7000000',
      });
      expect(business.status).toBe(201);
      const group = await manager.post('/api/v1/groups', {
        kind: 'jkm',
        name: 'Kelompok Tagihan Kamis',
        officeCode: 'YK01',
        villageCodes: ['34.71.01.1001'],
        formedOn: shiftDays(today, -60),
      });
      expect(group.status).toBe(201);
      const groupId = group.body.id as string;
      expect(
        (await manager.post(`/api/v1/groups/${groupId}/members`, { personId: member.id, joinedOn: shiftDays(today, -60) })).status,
      ).toBe(201);
      const nextMeeting = shiftDays(today, 3);
      const meeting = await manager.post(`/api/v1/groups/${groupId}/meetings`, { heldOn: nextMeeting, agenda: 'Pertemuan mingguan' });
      expect(meeting.status).toBe(201);
      await managerPage.context.close();

      // 3. The cashier applies for the member's business, in the group.
      const cashierPage = await newPage(browser, DESKTOP);
      const cp = cashierPage.page;
      await signIn(cp, server.url, 'kasir', DEMO_PASSWORD);
      await cp.goto(`${server.url}/financings/new`);
      await shown(cp.getByRole('heading', { name: 'Pengajuan pembiayaan' }));
      expect(await cp.getByRole('combobox', { name: 'Usaha yang dibiayai' }).isDisabled()).toBe(true);
      await cp.getByRole('combobox', { name: 'Anggota' }).fill(member.nik);
      await cp.getByRole('option', { name: new RegExp(member.full_name) }).click();
      await pick(cp, 'Usaha yang dibiayai', 'Warung Sembako Berkah · warung kelontong');
      await pick(cp, 'Produk', /Modal flat kelipatan seribu/);
      await pick(cp, 'Sumber dana', /MODAL-LKM/);
      await cp.getByRole('textbox', { name: 'Pokok' }).fill('1000000');
      await cp.getByRole('textbox', { name: 'Jangka (kali angsuran)' }).fill('3');
      await cp.getByRole('textbox', { name: 'Tujuan pembiayaan' }).fill('Tambah stok sembako');
      await pick(cp, 'Kelompok (bila ada)', 'Kelompok Tagihan Kamis');
      await cp.getByRole('button', { name: 'Ajukan' }).click();
      await shown(cp.getByTestId('financing-status').getByText('Diajukan'));
      await shown(cp.getByTestId('financing-business').getByText('Warung Sembako Berkah · warung kelontong'));
      // Rp1.000.000 at 12% flat over 3 months: Rp10.000 interest a month, principal rounded so each instalment is a multiple of Rp1.000.
      await shown(cp.getByTestId('instalment').first().getByText('Rp343.000'));
      await shown(cp.getByTestId('instalment').last().getByText('Rp344.000'));
      const financingId = cp.url().split('/').pop() as string;
      const applied = await view(financingId);
      expect(applied).toMatchObject({ businessId: business.body.id, groupId });
      await cashierPage.context.close();
      expect((await manager.post(`/api/v1/financings/${financingId}/approve`, {})).status).toBe(200);
      const cashier = new ApiClient(server.url);
      await cashier.login('kasir', DEMO_PASSWORD);
      expect((await cashier.post(`/api/v1/financings/${financingId}/disburse`, { disbursedOn: today, method: 'transfer' })).status).toBe(
        200,
      );

      // 4. On the group's page the sheet defaults to the next recorded meeting; a chosen date opens as a PDF.
      const groupPage = await newPage(browser, PHONE);
      const gp = groupPage.page;
      await signIn(gp, server.url, 'manajer', DEMO_PASSWORD);
      await gp.goto(`${server.url}/groups/${groupId}`);
      const sheet = await shown(gp.getByTestId('collection-sheet'));
      const date = sheet.getByLabel('Tanggal pertemuan');
      expect(await date.inputValue()).toBe(formatDateText(nextMeeting));
      await shown(sheet.getByText(`Pertemuan berikutnya yang tercatat: ${shownDate(nextMeeting)}.`));
      const chosen = shiftDays(today, 35);
      await date.fill(chosen);
      const link = sheet.getByRole('link', { name: 'Buka lembar tagihan (PDF)' });
      const href = await link.getAttribute('href');
      expect(href).toBe(`/api/v1/groups/${groupId}/collection-sheet.pdf?date=${chosen}`);
      const response = await gp.request.get(`${server.url}${href}`);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('application/pdf');
      const pdf = await response.body();
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdfText(pdf)).toContain(applied.number);
      expect(await gp.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await groupPage.context.close();
    });
  },
);
