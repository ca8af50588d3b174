// WCAG 2.1 AA on every main page (issue 15 §8): axe-core in real Chromium reports no serious or
// critical violation, each page has one level-one heading, and dates are typed day first in the
// app's language whatever the browser's (a browser set to en-US).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/core/roles.ts';
import { DEMO_PASSWORD } from '../src/modules/demo/index.ts';
import { startTestServer, type TestServer } from '../src/testing/server.ts';
import { navFor } from '../web/src/nav.ts';
import { pageFindings } from './axe.ts';
import { launchBrowser, newPage, shown, signIn, skipBrowserTests } from './browser.ts';

const USERS: { role: Role; username: string }[] = [
  { role: 'admin', username: 'admin' },
  { role: 'manager', username: 'manajer' },
  { role: 'cashier', username: 'kasir' },
  { role: 'facilitator', username: 'pendamping' },
  { role: 'health_worker', username: 'dokter' },
  { role: 'auditor', username: 'auditor' },
];

describe.skipIf(skipBrowserTests)('accessibility of the main pages (Chromium, axe-core)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer('pglite', { demo: true, serveWeb: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const { role, username } of USERS) {
    // Every page of the role's navigation (the dashboards among them for admins, managers and auditors).
    it(`every page in the ${role}'s navigation has one level-one heading and no serious axe finding`, async () => {
      const { context, page } = await newPage(browser);
      try {
        await signIn(page, server.url, username, DEMO_PASSWORD);
        const findings: string[] = [];
        for (const item of navFor(role).filter((entry) => entry.key !== 'fieldApp'))
          findings.push(...(await pageFindings(page, `${server.url}${item.path}`, item.path)));
        if (findings.length) console.log(`${role}:\n${findings.join('\n')}`);
        expect(findings).toEqual([]);
      } finally {
        await context.close();
      }
    }, 480_000); // Some thirty pages each, axe on every one: minutes on a busy machine.
  }

  it('takes 12/06/2026 typed in Indonesian as 12 June 2026 in a browser set to en-US, and refuses 31/02/2026', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    try {
      await signIn(page, server.url, 'auditor', DEMO_PASSWORD);
      await page.goto(`${server.url}/audit`);
      const from = await shown(page.getByRole('textbox', { name: 'Dari tanggal' }));
      const asked = page.waitForRequest((request) => request.url().includes('/api/v1/audit?') && request.url().includes('from=2026-06-12'));
      await from.fill('12/06/2026');
      await shown(page.getByText('Jumat, 12 Juni 2026'));
      await asked;
      const to = page.getByRole('textbox', { name: 'Sampai tanggal' });
      await to.fill('31/02/2026');
      await shown(page.getByText('31/02/2026 tidak ada di kalender. Periksa hari dan bulannya.'));
    } finally {
      await context.close();
    }
  });
});
