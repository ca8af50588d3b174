// WCAG 2.1 AA on the detail pages (a person, a family, a financing, a group, a cadre, a drawer, an
// entry, a fund, a savings account, a health family) and the pages reached from home links, over
// the demo with its money, cadres and health data: axe-core in Chromium finds nothing serious or
// critical, and each page has one level-one heading. The navigation's own pages: accessibility.test.ts.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, fillDemoCadres, fillDemoHealth, fillDemoMoney } from '../src/modules/demo/index.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../src/testing/server.ts';
import { pageFindings } from './axe.ts';
import { launchBrowser, newPage, PHONE, signIn, skipBrowserTests } from './browser.ts';

describe.skipIf(skipBrowserTests)('accessibility of the detail pages (Chromium, axe-core)', () => {
  let server: TestServer;
  let browser: Browser;
  const pages: Record<string, string[]> = {};

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('pglite', { demo: true, serveWeb: true }), launchBrowser()]);
    const ctx = systemTestContext(server.database);
    await fillDemoMoney(ctx);
    await fillDemoCadres(ctx);
    await fillDemoHealth(ctx);
    const db = server.database.db;
    const financing = await db
      .selectFrom('financing')
      .select(['id', 'person_id'])
      .where('status', '=', 'disbursed')
      .executeTakeFirstOrThrow();
    const person = await db
      .selectFrom('person')
      .select(['id', 'household_id'])
      .where('id', '=', financing.person_id)
      .executeTakeFirstOrThrow();
    const group = await db.selectFrom('business_group').select('id').executeTakeFirstOrThrow();
    const cadre = await db.selectFrom('cadre').select('id').executeTakeFirstOrThrow();
    const entry = await db.selectFrom('journal_entry').select('id').executeTakeFirstOrThrow();
    const fund = await db.selectFrom('fund').select('id').executeTakeFirstOrThrow();
    const savings = await db.selectFrom('savings_account').select('id').executeTakeFirstOrThrow();
    const ill = await db
      .selectFrom('health_encounter as e')
      .innerJoin('person as p', 'p.id', 'e.person_id')
      .select('p.household_id')
      .executeTakeFirstOrThrow();
    const cashier = new ApiClient(server.url);
    await cashier.login('kasir', DEMO_PASSWORD);
    const open = (await cashier.get('/api/v1/cash-drawers?status=open')).body.items as { id: string }[];
    const drawerId = open[0]?.id ?? (await cashier.post('/api/v1/cash-drawers', { openingFloat: '500000' })).body.id;
    pages.admin = [
      `/persons/${person.id}`,
      `/households/${person.household_id}`,
      `/groups/${group.id}`,
      `/cadres/${cadre.id}`,
      '/reminders',
    ];
    pages.manajer = [
      `/financings/${financing.id}`,
      '/financing/portfolio/at-risk',
      `/finance/funds/${fund.id}`,
      `/finance/entries/${entry.id}`,
    ];
    pages.kasir = [`/finance/cash-drawer/${drawerId}`, `/savings/${savings.id}`, `/persons/${person.id}`];
    pages.dokter = [`/persons/${person.id}`, `/health/families/${ill.household_id}`, '/health/pregnancies'];
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const username of ['admin', 'manajer', 'kasir', 'dokter'])
    it(`${username}: each detail page has one level-one heading and no serious axe finding, at 1280 and 360 px`, async () => {
      const findings: string[] = [];
      for (const viewport of [undefined, PHONE]) {
        const { context, page } = await newPage(browser, viewport);
        try {
          await signIn(page, server.url, username, DEMO_PASSWORD);
          for (const path of pages[username] ?? []) findings.push(...(await pageFindings(page, `${server.url}${path}`, path)));
        } finally {
          await context.close();
        }
      }
      if (findings.length) console.log(`${username}:\n${findings.join('\n')}`);
      expect(findings).toEqual([]);
    }, 300_000);
});
