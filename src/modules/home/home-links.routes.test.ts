import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { IDEMPOTENCY_HEADER } from '../../core/idempotency.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { YOGYA_FUND } from '../../testing/financing-fixtures.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD, fillDemo } from '../demo/index.ts';
import type { HomeView } from './home.schema.ts';

// Each home count links to a list; the list, asked of the API with the link's own filters, has
// exactly that many rows (the auditor's reversals and manual entries, the admin's locked-out
// users, the health worker's pregnancies near term).
const TODAY = '2026-03-10';

for (const kind of testDatabaseKinds()) {
  describe(`home counts equal the rows of the lists they link to [${kind}]`, () => {
    let server: TestServer;
    const clients = new Map<string, ApiClient>();
    const as = async (username: string) => {
      const known = clients.get(username);
      if (known) return known;
      const client = new ApiClient(server.url);
      await client.login(username, DEMO_PASSWORD);
      clients.set(username, client);
      return client;
    };
    const card = async (username: string, key: string, query = '') => {
      const response = await (await as(username)).get(`/api/v1/home${query}`);
      expect(response.status).toBe(200);
      const found = (response.body as HomeView).cards.find((c) => c.key === key);
      if (!found?.link) throw new Error(`no linked card ${key}`);
      return found as { value: string; link: string };
    };
    /** All rows of an API list, page by page. */
    const rowsOf = async (username: string, path: string, query: URLSearchParams) => {
      const items: unknown[] = [];
      let cursor: string | null = null;
      do {
        if (cursor) query.set('cursor', cursor);
        const page = await (await as(username)).get(`${path}?${query}`);
        expect(page.status).toBe(200);
        items.push(...(page.body.items as unknown[]));
        cursor = page.body.nextCursor ?? null;
      } while (cursor);
      return items;
    };

    beforeAll(async () => {
      const clock = fixedClock(new Date(`${TODAY}T03:00:00Z`));
      server = await startTestServer(kind, { serveWeb: false, clock });
      await fillDemo(systemTestContext(server.database, clock));
      const manager = await as('manajer');
      expect((await manager.post('/api/v1/funds', YOGYA_FUND)).status).toBe(201);
      // Two manual entries since the 1st, one of them reversed (the reversal is the third entry).
      for (const memo of ['Biaya ATK Maret', 'Biaya listrik Maret']) {
        const posted = await manager.post('/api/v1/ledger/entries', {
          officeCode: 'YK01',
          entryDate: '2026-03-05',
          memo,
          lines: [
            { accountCode: '5.2.02', debit: '150000' },
            { accountCode: '1.1.02', credit: '150000', fundCode: 'DANA-YK' },
          ],
        });
        expect(posted.status).toBe(201);
        if (memo === 'Biaya listrik Maret')
          expect((await manager.post(`/api/v1/ledger/entries/${posted.body.id}/reverse`, { reason: 'dobel input' })).status).toBe(201);
      }
      // The manager's own drawer closed Rp2.500 short, another closed even: one drawer difference since the 1st.
      for (const [float, short] of [
        ['500000', 2_500n],
        ['300000', 0n],
      ] as const) {
        const opened = await manager.post('/api/v1/cash-drawers', { openingFloat: float });
        expect(opened.status).toBe(201);
        const closed = await manager.request(
          'POST',
          `/api/v1/cash-drawers/${opened.body.id}/close`,
          { countedCash: (BigInt(opened.body.expectedCash) - short).toString() },
          { [IDEMPOTENCY_HEADER]: `home-links-close-${float}` },
        );
        expect(closed.status).toBe(200);
      }
      // Everyone signs in first; then the cashier mistypes the password five times: locked out for the next 15 minutes.
      for (const username of ['auditor', 'admin', 'dokter']) await as(username);
      for (let i = 0; i < 5; i++) await new ApiClient(server.url).login('kasir', 'bukan-sandinya').catch(() => undefined);
      // A pregnancy due in 12 days in Kricak (Yogyakarta).
      const woman = await server.database.db
        .selectFrom('person')
        .select('id')
        .where('village_code', 'like', '34.71.%')
        .where('sex', '=', 'F')
        .where('relation', '=', 'wife')
        .orderBy('nik')
        .executeTakeFirstOrThrow();
      const profile = await (await as('dokter')).request('PUT', `/api/v1/persons/${woman.id}/health`, {
        pregnant: true,
        expectedDelivery: '2026-03-22',
        pregnancies: 2,
      });
      expect(profile.status).toBe(200);
    }, 300_000);
    afterAll(async () => {
      await server?.close();
    });

    it("the auditor's reversals and manual entries since a day open the journal list with exactly those rows", async () => {
      const reversals = await card('auditor', 'reversals', '?since=2026-03-01');
      expect(reversals.link).toBe('/finance/journal?reversal=true&from=2026-03-01');
      const reversalRows = await rowsOf('auditor', '/api/v1/ledger/entries', new URLSearchParams(reversals.link.split('?')[1]));
      expect(reversalRows).toHaveLength(Number(reversals.value));
      expect(reversalRows.length).toBeGreaterThanOrEqual(1);
      const manual = await card('auditor', 'manualEntries', '?since=2026-03-01');
      expect(manual.link).toBe('/finance/journal?source=manual&reversal=false&from=2026-03-01');
      const manualRows = (await rowsOf('auditor', '/api/v1/ledger/entries', new URLSearchParams(manual.link.split('?')[1]))) as {
        memo: string;
      }[];
      expect(manualRows).toHaveLength(Number(manual.value));
      expect(manualRows.map((r) => r.memo)).toEqual(expect.arrayContaining(['Biaya ATK Maret', 'Biaya listrik Maret']));
    });

    it("the auditor's drawer differences open the closed drawers with exactly those differences", async () => {
      const drawers = await card('auditor', 'drawerDifferences', '?since=2026-03-01');
      expect(drawers.link).toBe('/finance/cash-drawer?difference=true&from=2026-03-01');
      const list = await (await as('auditor')).get(`/api/v1/cash-drawers?status=closed&limit=200&${drawers.link.split('?')[1]}`);
      expect(list.status).toBe(200);
      const rows = list.body.items as { difference: string; cashier: { fullName: string } }[];
      expect(rows).toHaveLength(Number(drawers.value));
      expect(rows).toEqual([
        expect.objectContaining({ difference: '-2500', cashier: expect.objectContaining({ fullName: 'Budi Santoso' }) }),
      ]);
      // A forged filter is a 422, not a wider list.
      expect((await (await as('auditor')).get('/api/v1/cash-drawers?difference=yes')).status).toBe(422);
    });

    it("the admin's users locked out open the users list filtered to exactly them", async () => {
      const locked = await card('admin', 'lockedOut');
      expect(locked.link).toBe('/users?locked=true');
      expect(locked.value).toBe('1');
      const rows = (await rowsOf('admin', '/api/v1/users', new URLSearchParams('locked=true'))) as { username: string }[];
      expect(rows.map((r) => r.username)).toEqual(['kasir']);
    });

    it("the health worker's pregnancies near term open the list of exactly those women (the read audited)", async () => {
      const near = await card('dokter', 'pregnanciesNearTerm');
      expect(near.link).toBe('/health/pregnancies');
      const list = await (await as('dokter')).get('/api/v1/health/pregnancies');
      expect(list.status).toBe(200);
      expect(list.body.items).toHaveLength(Number(near.value));
      expect(list.body.items).toContainEqual(expect.objectContaining({ expectedDelivery: '2026-03-22', daysToGo: 12, pregnancies: 2 }));
      const audited = await server.database.db
        .selectFrom('audit_log')
        .select('entity_type')
        .where('action', '=', 'health.read')
        .where('entity_type', '=', 'pregnancy_list')
        .execute();
      expect(audited.length).toBeGreaterThanOrEqual(1);
      // Not a list for a cashier.
      expect((await (await as('manajer')).get('/api/v1/health/pregnancies')).status).toBe(403);
    });
  });
}
