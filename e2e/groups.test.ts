import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/modules/demo/index.ts';
import { ApiClient, startTestServer, type TestServer } from '../src/testing/server.ts';
import { DESKTOP, launchBrowser, navLink, newPage, openedDialog, shown, signIn, skipBrowserTests } from './browser.ts';

const GROUP = 'KUBE Melati Kricak';
const AGENDA = 'Pembagian giliran modal usaha';

describe.skipIf(skipBrowserTests)('groups: a manager forms a KUBE, adds members, records a musyawarah (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  // Two heads of demo households in Kricak (34.71.01.1001), in the manager's office YK01.
  let members: { nik: string; full_name: string }[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('pglite', { demo: true, serveWeb: true }), launchBrowser()]);
    // The demo's only facilitator works in Bandung: YK01 gets one, added by the admin.
    const admin = new ApiClient(server.url);
    await admin.login('admin', DEMO_PASSWORD);
    const created = await admin.post('/api/v1/users', {
      username: 'sri',
      fullName: 'Sri Wahyuni',
      role: 'facilitator',
      password: 'rahasia-sri-2026',
      officeCodes: ['YK01'],
    });
    if (created.status !== 201) throw new Error(`facilitator not created: ${JSON.stringify(created.body)}`);
    members = await server.database.db
      .selectFrom('person')
      .select(['nik', 'full_name'])
      .where('village_code', '=', '34.71.01.1001')
      .where('relation', '=', 'head')
      .orderBy('nik')
      .limit(2)
      .execute();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('picks the facilitator from the list, adds two members, and finds the meeting with its berita acara', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, server.url, 'manajer', DEMO_PASSWORD);
    await navLink(page, 'Kelompok').click();
    await page.getByRole('link', { name: 'Bentuk kelompok' }).click();
    await shown(page.getByRole('heading', { name: 'Bentuk kelompok' }));

    expect(await page.getByRole('combobox', { name: 'Jenis kelompok' }).inputValue()).toBe('KUBE / Keluarga Produktif');
    await page.getByRole('textbox', { name: 'Nama kelompok' }).fill(GROUP);
    const villages = page.getByRole('combobox', { name: 'Desa/Kelurahan' });
    await villages.click();
    await villages.fill('Kricak');
    await page
      .getByRole('option', { name: /Kricak/ })
      .first()
      .click();
    // Facilitators in the manager's scope only: Sri (YK01), not Agus (BD01).
    const facilitator = page.getByRole('combobox', { name: 'Pendamping' });
    await facilitator.click();
    await shown(page.getByRole('option', { name: 'Sri Wahyuni (sri) · YK01' }));
    expect(await page.getByRole('option', { name: /Agus Setiawan/ }).count()).toBe(0);
    await facilitator.fill('sri');
    await page.getByRole('option', { name: 'Sri Wahyuni (sri) · YK01' }).click();
    await page.getByRole('button', { name: 'Bentuk kelompok' }).click();

    await shown(page.getByTestId('group-name').getByText(GROUP));
    await shown(page.getByText(`Kelompok ${GROUP} dibentuk.`));
    await shown(page.getByText('Sri Wahyuni', { exact: true }));

    for (const member of members) {
      await page.getByRole('button', { name: 'Tambah anggota' }).click();
      const dialog = await openedDialog(page.getByRole('dialog', { name: 'Tambah anggota kelompok' }));
      await dialog.getByRole('combobox', { name: 'Warga' }).fill(member.nik);
      await page.getByRole('option', { name: new RegExp(member.full_name) }).click();
      await dialog.getByRole('button', { name: 'Tambah anggota' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await shown(page.getByTestId('group-member').filter({ hasText: member.full_name }));
    }
    expect(await page.getByTestId('group-member').count()).toBe(2);

    await page.getByRole('tab', { name: 'Musyawarah' }).click();
    await shown(page.getByText('Belum ada musyawarah tercatat.'));
    await page.getByRole('button', { name: 'Catat musyawarah' }).click();
    const dialog = await openedDialog(page.getByRole('dialog', { name: 'Catat musyawarah' }));
    await dialog.getByRole('textbox', { name: 'Tempat' }).fill('Balai RW 05 Kricak');
    await dialog.getByRole('textbox', { name: 'Acara / agenda' }).fill(AGENDA);
    await dialog.getByRole('button', { name: 'Semua hadir' }).click();
    await dialog.getByRole('button', { name: 'Simpan' }).click();

    const meeting = await shown(page.getByTestId('group-meeting').filter({ hasText: AGENDA }));
    await shown(meeting.getByText('Balai RW 05 Kricak'));
    await shown(meeting.getByText('2 dari 2 hadir'));
    const href = await meeting.getByRole('link', { name: 'Berita acara (PDF)' }).getAttribute('href');
    const pdf = await page.evaluate(async (url) => {
      const response = await fetch(url as string);
      const head = new Uint8Array(await response.arrayBuffer()).subarray(0, 5);
      return { status: response.status, type: response.headers.get('content-type'), head: String.fromCharCode(...head) };
    }, href);
    expect(pdf).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });
    await context.close();
  });
});
