import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDate, systemClock } from '../src/core/clock.ts';
import { formatDateText } from '../src/core/date-text.ts';
import { DEMO_PASSWORD } from '../src/modules/demo/index.ts';
import { ApiClient, startTestServer, type TestServer } from '../src/testing/server.ts';
import {
  DESKTOP,
  eventually,
  horizontalPlace,
  launchBrowser,
  navLink,
  newPage,
  openedDialog,
  PHONE,
  shown,
  signIn,
  skipBrowserTests,
} from './browser.ts';

describe.skipIf(skipBrowserTests)('finance: a manager reads the books, a cashier opens and closes a drawer (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('pglite', { demo: true, serveWeb: true }), launchBrowser()]);
    // A stimulus fund of 50,000,000 and an expense of 150,000, both early this year.
    const manager = new ApiClient(server.url);
    await manager.login('manajer', DEMO_PASSWORD);
    const year = Number(businessDate(systemClock).slice(0, 4));
    const fund = await manager.post('/api/v1/funds', {
      code: 'USEP-YK',
      name: 'Stimulus USEP Kota Yogyakarta',
      kind: 'stimulus',
      source: 'APBD Kota Yogyakarta',
      officeCode: 'YK01',
      initialCapital: '50000000',
      capitalDate: `${year}-01-02`,
    });
    const expense = await manager.post('/api/v1/ledger/entries', {
      officeCode: 'YK01',
      entryDate: `${year}-01-03`,
      memo: 'Biaya ATK',
      lines: [
        { accountCode: '5.2.02', debit: '150000' },
        { accountCode: '1.1.02', credit: '150000', fundCode: 'USEP-YK' },
      ],
    });
    if (fund.status !== 201 || expense.status !== 201) throw new Error(`set-up failed: ${JSON.stringify([fund.body, expense.body])}`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a manager sees the trial balance and the balance sheet, with its PDF', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, server.url, 'manajer', DEMO_PASSWORD);
    await shown(page.getByRole('navigation').getByText('Keuangan', { exact: true }));

    await navLink(page, 'Neraca saldo').click();
    await shown(page.getByRole('heading', { name: 'Neraca saldo' }));
    await shown(page.getByTestId('trial-balance-row').filter({ hasText: 'Kas di bank' }));
    expect(await page.getByTestId('trial-debit').textContent()).toBe('Rp50.000.000');
    expect(await page.getByTestId('trial-credit').textContent()).toBe('Rp50.000.000');
    await shown(page.getByTestId('trial-balance-status').getByText('Seimbang'));

    await navLink(page, 'Laporan keuangan').click();
    const sheet = await shown(page.getByTestId('balance-sheet'));
    await shown(sheet.getByTestId('total-1').getByText('Rp49.850.000'));
    await shown(sheet.getByTestId('liabilities-and-equity').getByText('Rp49.850.000'));
    await shown(sheet.getByTestId('statement-row').filter({ hasText: 'Laba/rugi tahun berjalan' }).getByText('-Rp150.000'));
    await shown(sheet.getByText('Aset = kewajiban + ekuitas'));
    const href = await page.getByRole('link', { name: 'Unduh PDF' }).getAttribute('href');
    const pdf = await page.evaluate(async (url) => {
      const response = await fetch(url as string);
      const head = new Uint8Array(await response.arrayBuffer()).subarray(0, 5);
      return { status: response.status, type: response.headers.get('content-type'), head: String.fromCharCode(...head) };
    }, href);
    expect(pdf).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });

    await page.getByRole('tab', { name: 'Laba rugi' }).click();
    await shown(page.getByTestId('net-profit').getByText('-Rp150.000'));
    await context.close();
  });

  it('a cashier on a 360-px phone opens a drawer, receives cash, and closes it short by Rp1.000', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, server.url, 'kasir', DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Buka menu navigasi' }).click();
    const drawerLink = navLink(page, 'Kas teller');
    await eventually(async () => (await horizontalPlace(drawerLink)) === 'inside', 'the burger shows the navigation');
    await drawerLink.click();
    await shown(page.getByRole('heading', { name: 'Kas teller' }));

    await page.getByRole('textbox', { name: 'Uang awal (dihitung)' }).fill('1000000');
    await page.getByRole('button', { name: 'Buka laci kas' }).click();
    await shown(page.getByTestId('drawer-expected').getByText('Rp1.000.000'));

    await page.getByRole('button', { name: 'Terima uang' }).click();
    const receive = await openedDialog(page.getByRole('dialog', { name: 'Terima uang ke laci' }));
    // What the money is for, by name: the server picks the account (4.2.02).
    await receive.getByRole('combobox', { name: 'Untuk apa' }).click();
    await page.getByRole('option', { name: 'Biaya administrasi', exact: true }).click();
    await receive.getByRole('textbox', { name: 'Jumlah' }).fill('250000');
    await receive.getByRole('textbox', { name: 'Keterangan' }).fill('Biaya administrasi kelompok');
    await receive.getByRole('button', { name: 'Terima uang' }).click();
    await receive.waitFor({ state: 'hidden' });
    await shown(page.getByTestId('drawer-expected').getByText('Rp1.250.000'));
    await shown(page.getByTestId('drawer-movements').getByText('Biaya administrasi kelompok'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    await page.getByRole('button', { name: 'Hitung & tutup' }).click();
    const close = await openedDialog(page.getByRole('dialog', { name: 'Hitung kas dan tutup laci' }));
    await close.getByRole('textbox', { name: 'Uang yang dihitung' }).fill('1249000');
    await shown(close.getByText('Selisih kurang Rp1.000 (dibukukan ke 5.2.01)'));
    // A difference is booked with its reason: the form asks for one first.
    await close.getByRole('button', { name: 'Tutup laci' }).click();
    await shown(close.getByText(/Tulis sebab selisih kas/));
    await close.getByRole('textbox', { name: 'Sebab selisih' }).fill('Uang kembalian kurang');
    await close.getByRole('button', { name: 'Tutup laci' }).click();
    await close.waitFor({ state: 'hidden' });
    await shown(page.getByTestId('closed-difference').getByText('Selisih kurang Rp1.000 (dibukukan ke 5.2.01)'));
    await shown(page.getByRole('button', { name: 'Buka laci kas' }));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await context.close();

    // The shortage is on the books, and they still balance.
    const manager = new ApiClient(server.url);
    await manager.login('manajer', DEMO_PASSWORD);
    const tb = (await manager.get(`/api/v1/ledger/trial-balance?asOf=${businessDate(systemClock)}`)).body;
    expect(tb.debit).toBe(tb.credit);
    expect(tb.accounts.find((a: { code: string }) => a.code === '5.2.01')).toMatchObject({ debit: '1000' });
  });

  it('an admin reverses a wrong manual entry, sets the savings amounts, and adds a second tranche to a fund', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    const capitalKeys: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/capital')) capitalKeys.push(request.headers()['idempotency-key'] ?? '');
    });
    const today = businessDate(systemClock);
    await signIn(page, server.url, 'admin', DEMO_PASSWORD);

    // A manual entry posted from the journal page, then opened from it.
    await navLink(page, 'Jurnal manual').click();
    await shown(page.getByRole('heading', { name: 'Jurnal manual', exact: true }));
    await page.getByRole('textbox', { name: 'Keterangan' }).fill('Biaya listrik (salah akun)');
    const [first, second] = [page.getByTestId('journal-line').nth(0), page.getByTestId('journal-line').nth(1)];
    await first.getByRole('combobox', { name: 'Baris 1' }).fill('5.2.02');
    await page.getByRole('option', { name: '5.2.02 · Beban operasional lain' }).click();
    await first.getByRole('textbox', { name: 'Debit' }).fill('275000');
    // An amount with no account is not dropped quietly: the line says what is missing and nothing is posted.
    await second.getByRole('textbox', { name: 'Kredit' }).fill('275000');
    await page.getByRole('button', { name: 'Bukukan jurnal' }).click();
    await shown(second.getByText('Wajib diisi.'));
    expect(await page.getByTestId('journal-posted').count()).toBe(0);
    await second.getByRole('combobox', { name: 'Baris 2' }).fill('1.1.02');
    await page.getByRole('option', { name: '1.1.02 · Kas di bank' }).click();
    await page.getByRole('button', { name: 'Bukukan jurnal' }).click();
    const posted = await shown(page.getByTestId('journal-posted'));
    await shown(page.getByTestId('recent-entry').filter({ hasText: 'Biaya listrik (salah akun)' }).getByText('Rp275.000'));
    await posted.getByRole('link', { name: 'Buka jurnal' }).click();

    await shown(page.getByTestId('entry-memo').getByText('Biaya listrik (salah akun)'));
    await shown(page.getByTestId('entry-posted-by').getByText('admin'));
    expect(await page.getByTestId('entry-debit').textContent()).toBe('Rp275.000');

    // Reverse it: the reason is required, the date is today, and a confirmation comes first.
    await page.getByRole('button', { name: 'Balik jurnal' }).click();
    const dialog = await openedDialog(page.getByRole('dialog', { name: 'Balik jurnal' }));
    expect(await dialog.getByRole('textbox', { name: 'Tanggal jurnal balik' }).inputValue()).toBe(formatDateText(today));
    await dialog.getByRole('button', { name: 'Balik jurnal' }).click();
    await shown(dialog.getByText('Tulis alasannya (paling sedikit 3 huruf).'));
    await dialog.getByRole('textbox', { name: 'Alasan' }).fill('salah akun');
    await dialog.getByRole('button', { name: 'Balik jurnal' }).click();
    await shown(dialog.getByTestId('reverse-confirm').getByText(/^Balik jurnal "Biaya listrik \(salah akun\)" sebesar Rp275\.000 pada /));
    await dialog.getByRole('button', { name: 'Ya, balik jurnal' }).click();

    // The counter-entry opens: the same lines with the sides swapped, naming the entry it reverses.
    await shown(page.getByTestId('entry-memo').getByText('Koreksi: salah akun'));
    await shown(page.getByTestId('entry-reverses'));
    const creditLine = page.getByTestId('entry-line').filter({ hasText: '5.2.02' });
    expect(await creditLine.locator('td').nth(3).textContent()).toBe('Rp275.000');
    await page.getByRole('link', { name: 'Buka jurnal yang dibalik' }).click();
    await shown(page.getByTestId('entry-reversed-by'));
    await shown(page.getByText('Sudah dibalik', { exact: true }));
    expect(await page.getByRole('button', { name: 'Balik jurnal' }).count()).toBe(0);

    // Both in the ledger of 5.2.02, each line opening its entry.
    await page.goto(`${server.url}/finance/ledger?account=5.2.02&from=${today.slice(0, 4)}-01-01&to=${today}`);
    await shown(page.getByTestId('statement-entry').filter({ hasText: 'Koreksi: salah akun' }));
    await page.getByTestId('statement-entry').filter({ hasText: 'Biaya listrik (salah akun)' }).click();
    await shown(page.getByTestId('entry-reversed-by'));

    // The savings amounts, from a member's savings section.
    const api = new ApiClient(server.url);
    await api.login('admin', DEMO_PASSWORD);
    const persons = (await api.get('/api/v1/persons?village=34.71.01.1002&limit=10')).body.items as { id: string; deceased: boolean }[];
    const member = persons.find((p) => !p.deceased) as { id: string };
    await page.goto(`${server.url}/persons/${member.id}`);
    await page.getByTestId('savings-section').getByRole('button', { name: 'Atur jumlah simpanan' }).click();
    const settings = await openedDialog(page.getByRole('dialog', { name: 'Jumlah simpanan pokok dan wajib' }));
    const pokok = settings.getByRole('textbox', { name: 'Simpanan pokok' });
    await eventually(async () => (await pokok.inputValue()) === '50.000', 'the current pokok amount is shown');
    expect(await settings.getByRole('textbox', { name: 'Simpanan wajib per bulan' }).inputValue()).toBe('10.000');
    await pokok.fill('');
    await settings.getByRole('button', { name: 'Simpan' }).click();
    await shown(settings.getByText('Isi jumlah lebih dari nol.'));
    await pokok.fill('75000');
    await settings.getByRole('textbox', { name: 'Simpanan wajib per bulan' }).fill('15000');
    await settings.getByRole('button', { name: 'Simpan' }).click();
    await shown(page.getByText('Disimpan: pokok Rp75.000, wajib Rp15.000 per bulan.'));
    expect((await api.get('/api/v1/savings/settings')).body).toEqual({ pokokAmount: '75000', wajibAmount: '15000' });

    // A fund opened from the list; a second tranche grows its cash and capital by the exact rupiah.
    await navLink(page, 'Dana').click();
    await page.getByTestId('fund-row').getByRole('link', { name: 'USEP-YK' }).click();
    await shown(page.getByTestId('fund-code').getByText('USEP-YK'));
    await shown(page.getByText('APBD Kota Yogyakarta'));
    expect(await page.getByTestId('fund-cash').textContent()).toBe('Rp49.850.000');
    expect(await page.getByTestId('fund-capital').textContent()).toBe('Rp50.000.000');
    await shown(page.getByText('Belum ada pembiayaan dari dana ini.'));
    await page.getByRole('button', { name: 'Tambah modal' }).click();
    const capital = await openedDialog(page.getByRole('dialog', { name: 'Tambah modal dana USEP-YK' }));
    await capital.getByRole('button', { name: 'Tambah modal' }).click();
    await shown(capital.getByText('Isi jumlah lebih dari nol.'));
    await shown(capital.getByText('Tulis keterangannya (paling sedikit 3 huruf).'));
    await capital.getByRole('textbox', { name: 'Jumlah' }).fill('12345678');
    await capital.getByRole('textbox', { name: 'Keterangan' }).fill('USEP tahap 2');
    await capital.getByRole('button', { name: 'Tambah modal' }).click();
    await shown(page.getByText('Modal Rp12.345.678 ditambahkan ke dana USEP-YK. Kas Rp62.195.678.'));
    await eventually(async () => (await page.getByTestId('fund-cash').textContent()) === 'Rp62.195.678', 'the cash grows');
    expect(await page.getByTestId('fund-capital').textContent()).toBe('Rp62.345.678');
    expect(capitalKeys).toHaveLength(1);
    expect(capitalKeys[0]).not.toBe('');
    await context.close();
  });

  it('a manager on a 360-px phone keeps the chart of accounts: adds, renames, deactivates and reactivates an account', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, server.url, 'manajer', DEMO_PASSWORD);
    await page.goto(`${server.url}/finance/accounts`);
    await shown(page.getByRole('heading', { name: 'Bagan akun' }));
    const row = (code: string) => page.getByTestId('account-row').filter({ has: page.getByText(code, { exact: true }) });
    // A toast sits over the bottom of a phone's screen for a while: the user closes it.
    const dismiss = async (text: string) => (await shown(page.getByRole('status').filter({ hasText: text }))).getByRole('button').click();
    const fits = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // Add 5.2.03 under 5.2: the group's type is shown and the next free code suggested.
    await page.getByRole('button', { name: 'Tambah akun' }).click();
    const add = await openedDialog(page.getByRole('dialog', { name: 'Tambah akun' }));
    await add.getByRole('button', { name: 'Tambah akun' }).click();
    expect(await add.getByText('Wajib diisi.').count()).toBe(4);
    await add.getByRole('combobox', { name: 'Akun induk' }).fill('5.2');
    await page.getByRole('option', { name: '5.2 · Beban operasional' }).click();
    await shown(add.getByText('Jenis: Beban (mengikuti akun induk)'));
    expect(await add.getByRole('textbox', { name: 'Kode akun' }).inputValue()).toBe('5.2.03');
    await add.getByRole('textbox', { name: 'Nama (Bahasa Indonesia)' }).fill('Beban listrik');
    await add.getByRole('textbox', { name: 'Nama (Inggris)' }).fill('Electricity expense');
    await fits();
    await add.getByRole('button', { name: 'Tambah akun' }).click();
    await add.waitFor({ state: 'hidden' });
    await dismiss('Akun 5.2.03 ditambahkan.');
    await shown(row('5.2.03').getByRole('link', { name: 'Beban listrik' }));
    await fits();

    // The same code again: the server's 409 on the code field.
    await page.getByRole('button', { name: 'Tambah akun' }).click();
    const again = await openedDialog(page.getByRole('dialog', { name: 'Tambah akun' }));
    await again.getByRole('combobox', { name: 'Akun induk' }).fill('5.2');
    await page.getByRole('option', { name: '5.2 · Beban operasional' }).click();
    expect(await again.getByRole('textbox', { name: 'Kode akun' }).inputValue()).toBe('5.2.04');
    await again.getByRole('textbox', { name: 'Kode akun' }).fill('5.2.03');
    await again.getByRole('textbox', { name: 'Nama (Bahasa Indonesia)' }).fill('Beban air');
    await again.getByRole('textbox', { name: 'Nama (Inggris)' }).fill('Water expense');
    await again.getByRole('button', { name: 'Tambah akun' }).click();
    await shown(again.getByText('Kode akun 5.2.03 sudah dipakai.'));
    await again.getByRole('button', { name: 'Batal' }).click();

    // Rename it.
    await page.getByRole('button', { name: 'Tindakan untuk akun 5.2.03' }).click();
    await page.getByRole('menuitem', { name: 'Ubah nama' }).click();
    const rename = await openedDialog(page.getByRole('dialog', { name: 'Ubah nama akun 5.2.03' }));
    await rename.getByRole('textbox', { name: 'Nama (Bahasa Indonesia)' }).fill('Beban listrik dan air');
    await rename.getByRole('button', { name: 'Simpan' }).click();
    await rename.waitFor({ state: 'hidden' });
    await dismiss('Nama akun 5.2.03 diubah.');
    await shown(row('5.2.03').getByRole('link', { name: 'Beban listrik dan air' }));

    // A system account cannot be deactivated; one holding a balance is refused by the server.
    await page.getByRole('button', { name: 'Tindakan untuk akun 1.1.01' }).click();
    expect(await page.getByRole('menuitem', { name: 'Dipakai sistem: tidak dapat dinonaktifkan' }).isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Tindakan untuk akun 5.2.02' }).click();
    await page.getByRole('menuitem', { name: 'Nonaktifkan' }).click();
    const busy = await openedDialog(page.getByRole('dialog', { name: 'Nonaktifkan akun 5.2.02?' }));
    await busy.getByRole('button', { name: 'Ya, nonaktifkan' }).click();
    await shown(busy.getByText(/^Akun 5\.2\.02 Beban operasional lain masih bersaldo \(kantor YK01\)/));
    await busy.getByRole('button', { name: 'Batal' }).click();
    expect(await row('5.2.02').getByTestId('account-inactive').count()).toBe(0);

    // Deactivate 5.2.03 after a confirmation: marked, and no longer offered by the journal form.
    await page.getByRole('button', { name: 'Tindakan untuk akun 5.2.03' }).click();
    await page.getByRole('menuitem', { name: 'Nonaktifkan' }).click();
    const deactivate = await openedDialog(page.getByRole('dialog', { name: 'Nonaktifkan akun 5.2.03?' }));
    await shown(deactivate.getByText(/tidak akan menerima jurnal baru/));
    await deactivate.getByRole('button', { name: 'Ya, nonaktifkan' }).click();
    await deactivate.waitFor({ state: 'hidden' });
    await dismiss('Akun 5.2.03 dinonaktifkan.');
    await shown(row('5.2.03').getByTestId('account-inactive').getByText('Nonaktif'));
    await fits();

    await page.goto(`${server.url}/finance/journal`);
    await page.getByTestId('journal-line').nth(0).getByRole('combobox', { name: 'Baris 1' }).fill('5.2.0');
    await shown(page.getByRole('option', { name: '5.2.02 · Beban operasional lain' }));
    expect(await page.getByRole('option', { name: /^5\.2\.03/ }).count()).toBe(0);
    // Its history is still read in the ledger, where it is offered as inactive.
    await page.goto(`${server.url}/finance/ledger`);
    await page.getByRole('combobox', { name: 'Akun', exact: true }).fill('5.2.03');
    await shown(page.getByRole('option', { name: '5.2.03 · Beban listrik dan air (nonaktif)' }));

    // Reactivate it.
    await page.goto(`${server.url}/finance/accounts`);
    await page.getByRole('button', { name: 'Tindakan untuk akun 5.2.03' }).click();
    await page.getByRole('menuitem', { name: 'Aktifkan kembali' }).click();
    const reactivate = await openedDialog(page.getByRole('dialog', { name: 'Aktifkan kembali akun 5.2.03?' }));
    await reactivate.getByRole('button', { name: 'Ya, aktifkan' }).click();
    await reactivate.waitFor({ state: 'hidden' });
    await eventually(async () => (await row('5.2.03').getByTestId('account-inactive').count()) === 0, 'the mark goes');

    const api = new ApiClient(server.url);
    await api.login('manajer', DEMO_PASSWORD);
    const accounts = (await api.get('/api/v1/ledger/accounts')).body.items as { code: string; name: string; active: boolean }[];
    expect(accounts.find((a) => a.code === '5.2.03')).toMatchObject({ name: 'Beban listrik dan air', active: true });

    // In English.
    await page.evaluate(() => localStorage.setItem('jaring.language', 'en'));
    await page.reload();
    await shown(page.getByRole('heading', { name: 'Chart of accounts' }));
    await page.getByRole('button', { name: 'Actions for account 5.2.03' }).click();
    await shown(page.getByRole('menuitem', { name: 'Deactivate' }));
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Add account' }).click();
    await shown(page.getByRole('dialog', { name: 'Add account' }).getByText('The next free code is suggested; you may change it.'));
    await context.close();
  });
});
