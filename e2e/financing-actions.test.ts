import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRupiah } from '../src/core/format.ts';
import { DEMO_PASSWORD, fillDemo, fillDemoMoney } from '../src/modules/demo/index.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../src/testing/server.ts';
import type { Financing, FinancingListItem } from '../web/src/api/financing.ts';
import { DESKTOP, launchBrowser, newPage, PHONE, shown, signIn, skipBrowserTests } from './browser.ts';

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
      [server, browser] = await Promise.all([startTestServer('pglite', { serveWeb: true }), launchBrowser()]);
      const ctx = systemTestContext(server.database);
      await fillDemo(ctx);
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
      const dialog = await shown(page.getByRole('dialog'));
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
      const dialog = await shown(page.getByRole('dialog'));
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
      const dialog = await shown(page.getByRole('dialog'));
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
  },
);
