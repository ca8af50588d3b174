import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { IDEMPOTENCY_HEADER } from '../../core/idempotency.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD, fillDemo, fillDemoCadres, fillDemoHealth, fillDemoMoney, fillDemoUsep } from '../demo/index.ts';
import type { HomeCard, HomeView } from './home.schema.ts';

const TODAY = '2026-03-10';

for (const kind of testDatabaseKinds()) {
  describe(`home (Hari ini): each role's figures for today, scoped, linked to their lists [${kind}]`, () => {
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
    const home = async (username: string, query = '') => {
      const response = await (await as(username)).get(`/api/v1/home${query}`);
      expect(response.status).toBe(200);
      return response.body as HomeView;
    };
    const cardOf = (view: HomeView, key: string) => {
      const found = view.cards.find((c) => c.key === key);
      if (!found) throw new Error(`no card ${key} in ${view.cards.map((c) => c.key).join(', ')}`);
      return found;
    };
    /** Every financing the web list shows behind a card: its link, asked of the API page by page. */
    const listBehind = async (username: string, c: HomeCard) => {
      expect(c.link).toMatch(/^\/financings\?/);
      const query = new URLSearchParams((c.link as string).split('?')[1]);
      const items: { id: string; status: string }[] = [];
      let cursor: string | null = null;
      do {
        if (cursor) query.set('cursor', cursor);
        query.set('limit', '200');
        const page = await (await as(username)).get(`/api/v1/financings?${query}`);
        expect(page.status).toBe(200);
        items.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      return items;
    };

    beforeAll(async () => {
      const clock = fixedClock(new Date(`${TODAY}T03:00:00Z`));
      server = await startTestServer(kind, { serveWeb: false, clock });
      const ctx = systemTestContext(server.database, clock);
      await fillDemo(ctx);
      await fillDemoCadres(ctx);
      await fillDemoMoney(ctx);
      await fillDemoHealth(ctx);
      await fillDemoUsep(ctx);
    });
    afterAll(async () => {
      await server?.close();
    });

    it("the cashier: the drawer closed, then open with its float and today's receipt to the rupiah; instalments due today as the list shows", async () => {
      const before = await home('kasir');
      expect(before.role).toBe('cashier');
      expect(before.date).toBe(TODAY);
      expect(cardOf(before, 'drawer')).toMatchObject({ value: 'closed', amount: null });
      const due = cardOf(before, 'dueToday');
      expect(due.link).toBe(`/financings?status=disbursed&dueFrom=${TODAY}&dueTo=${TODAY}`);
      expect((await listBehind('kasir', due)).length).toBe(Number(due.value));
      const receipts = cardOf(before, 'receiptsToday');
      expect(receipts.link).toBe(`/financings?paidOn=${TODAY}`);

      const cashier = await as('kasir');
      expect((await cashier.post('/api/v1/cash-drawers', { openingFloat: '1250000' })).status).toBe(201);
      // A repayment at the counter of a running financing of YK01.
      const running = (await cashier.get('/api/v1/financings?status=disbursed&limit=200')).body.items as { id: string }[];
      expect(running.length).toBeGreaterThan(0);
      const paid = await cashier.request(
        'POST',
        `/api/v1/financings/${(running[0] as { id: string }).id}/repayments`,
        { amount: '123457' },
        { [IDEMPOTENCY_HEADER]: 'home-test-repay-1' },
      );
      expect(paid.status).toBe(201);

      const after = await home('kasir');
      expect(cardOf(after, 'drawer')).toMatchObject({ value: 'open', amount: '1373457' });
      const receiptsAfter = cardOf(after, 'receiptsToday');
      expect(Number(receiptsAfter.value)).toBe(Number(receipts.value) + 1);
      expect(BigInt(receiptsAfter.amount as string) - BigInt(receipts.amount as string)).toBe(123_457n);
      expect((await listBehind('kasir', receiptsAfter)).map((f) => f.id)).toContain((running[0] as { id: string }).id);
    });

    it('the manager: applications waiting as the list shows, only in their regions; PAR 30 as the portfolio reads it; cash by fund adds up', async () => {
      const view = await home('manajer');
      const waiting = cardOf(view, 'applicationsWaiting');
      expect(waiting.link).toBe('/financings?status=applied');
      const listed = await listBehind('manajer', waiting);
      expect(listed.length).toBe(Number(waiting.value));
      expect(listed.length).toBeGreaterThan(0);
      // The admin sees every office: at least as many, and the facilitator of BD01 none of YK01's.
      const all = cardOf(await home('admin'), 'duplicates');
      expect(all.link).toBe('/duplicates');

      const portfolio = (await (await as('manajer')).get('/api/v1/financing/portfolio?by=office')).body as {
        date: string;
        rows: { outstanding: string; atRisk30: string }[];
      };
      const outstanding = portfolio.rows.reduce((s, r) => s + BigInt(r.outstanding), 0n);
      const atRisk = portfolio.rows.reduce((s, r) => s + BigInt(r.atRisk30), 0n);
      const par = cardOf(view, 'par30');
      expect(par.amount).toBe(atRisk.toString());
      expect(par.link).toBe(`/financing/portfolio?date=${portfolio.date}`);
      expect(Number(par.value)).toBeCloseTo(outstanding === 0n ? 0 : (Number(atRisk) * 100) / Number(outstanding), 2);
      expect(par.trend.at(-1)).toEqual({ date: portfolio.date, value: par.value });

      const funds = (await (await as('manajer')).get('/api/v1/funds')).body.items as { code: string; cash: string; active: boolean }[];
      const cash = cardOf(view, 'cashByFund');
      expect(cash.value).toBe(
        funds
          .filter((f) => f.active)
          .reduce((s, f) => s + BigInt(f.cash), 0n)
          .toString(),
      );
      expect(cash.breakdown.map((b) => b.label).sort()).toEqual(
        funds
          .filter((f) => f.active)
          .map((f) => f.code)
          .sort(),
      );
      expect(Number(cardOf(view, 'disbursableNow').value)).toBeLessThanOrEqual(
        (await listBehind('manajer', { ...waiting, link: '/financings?status=approved' })).length,
      );
    });

    it("the facilitator: their members due this week and overdue, each count the rows of the list it links to; the manager's counts leave BD01 out", async () => {
      const view = await home('pendamping');
      for (const key of ['membersDue', 'membersOverdue']) {
        const c = cardOf(view, key);
        expect(c.link).toContain('facilitator=me');
        const rows = await listBehind('pendamping', c);
        // Members: a member with two financings counts once.
        expect(Number(c.value)).toBeLessThanOrEqual(rows.length);
        if (rows.length > 0) expect(Number(c.value)).toBeGreaterThan(0);
      }
      const overdue = cardOf(view, 'membersOverdue');
      const overdueRows = await listBehind('pendamping', overdue);
      expect(overdueRows.every((r) => r.status === 'disbursed')).toBe(true);
      expect(cardOf(view, 'membersAtRisk').link).toBe('/health/at-risk');
      // The manager of YK01 does not count BD01's overdue financings: the lists behind differ.
      const managerOverdue = await listBehind('manajer', { ...overdue, link: '/financings?status=disbursed&overdue=true' });
      const ids = new Set(managerOverdue.map((r) => r.id));
      expect(overdueRows.some((r) => ids.has(r.id))).toBe(false);
    });

    it('the cadre: the worklist summary and the cash held, as their own pages read them', async () => {
      const view = await home('kader');
      const families = cardOf(view, 'families');
      const cadreId = (families.link as string).split('/')[2] as string;
      const worklist = (await (await as('kader')).get(`/api/v1/cadres/${cadreId}/worklist`)).body as {
        items: { arrearsMonths: number | null }[];
      };
      expect(Number(families.value)).toBe(worklist.items.length);
      expect(Number(cardOf(view, 'familiesInArrears').value)).toBe(worklist.items.filter((i) => (i.arrearsMonths ?? 0) > 0).length);
      const cash = (await (await as('kader')).get(`/api/v1/cadres/${cadreId}/cash`)).body as { held: string };
      expect(cardOf(view, 'cashHeld')).toMatchObject({ kind: 'rupiah', value: cash.held });
    });

    it('the health worker: recalls overdue and due, pregnancies near term, members at risk', async () => {
      const view = await home('dokter');
      // The demo: one recall overdue in each of Kricak and Katapang.
      expect(cardOf(view, 'recallsOverdue')).toMatchObject({ value: '2', link: '/health/recalls?status=overdue' });
      expect(Number(cardOf(view, 'recallsDue').value)).toBeGreaterThanOrEqual(2);
      const atRisk = (await (await as('dokter')).get('/api/v1/health/at-risk')).body as { totals: { members: number } };
      expect(cardOf(view, 'membersAtRisk').value).toBe(String(atRisk.totals.members));
      expect(cardOf(view, 'pregnanciesNearTerm').kind).toBe('count');
    });

    it('the auditor: a reversal, a write-off and a drawer shortage since a day, to the rupiah', async () => {
      const before = await home('auditor', `?since=${TODAY}`);
      expect(before.since).toBe(TODAY);
      const cashier = await as('kasir');
      const running = (await cashier.get('/api/v1/financings?status=disbursed&paidOn=2026-03-10')).body.items as { id: string }[];
      const financingId = (running[0] as { id: string }).id;
      const repayments = (await cashier.get(`/api/v1/financings/${financingId}`)).body.repayments as {
        id: string;
        paidOn: string;
        reversed: boolean;
      }[];
      const today = repayments.find((r) => r.paidOn === TODAY);
      const manager = await as('manajer');
      const reversed = await manager.request(
        'POST',
        `/api/v1/financings/${financingId}/repayments/${(today as { id: string }).id}/reverse`,
        { reason: 'Salah ketik jumlah' },
        { [IDEMPOTENCY_HEADER]: 'home-test-reverse-1' },
      );
      expect(reversed.status).toBe(200);
      const drawer = (await cashier.get('/api/v1/cash-drawers?status=open')).body.items[0] as { id: string; expectedCash: string };
      const closed = await cashier.request(
        'POST',
        `/api/v1/cash-drawers/${drawer.id}/close`,
        { countedCash: (BigInt(drawer.expectedCash) - 2_500n).toString() },
        { [IDEMPOTENCY_HEADER]: 'home-test-close-1' },
      );
      expect(closed.status).toBe(200);

      const after = await home('auditor', `?since=${TODAY}`);
      expect(Number(cardOf(after, 'reversals').value)).toBe(Number(cardOf(before, 'reversals').value) + 1);
      const drawers = cardOf(after, 'drawerDifferences');
      expect(Number(drawers.value)).toBe(Number(cardOf(before, 'drawerDifferences').value) + 1);
      expect(drawers.breakdown).toContainEqual({ label: 'shortage', value: '2500', link: null });
      expect(drawers.link).toBe(`/finance/cash-drawer?difference=true&from=${TODAY}`);
      expect(cardOf(after, 'writeOffs').link).toBe(`/financings?status=written_off&closedFrom=${TODAY}`);
      // The cashier's receipts no longer count the reversed repayment.
      expect(cardOf(await home('kasir'), 'receiptsToday').amount).toBe('0');
    });

    it('the supervisor and the admin have their own figures; an official has no home; a bad date is a 422', async () => {
      const supervisor = await home('pembina');
      expect(supervisor.cards.map((c) => c.key)).toEqual(['reportsWaiting', 'groupsLate']);
      expect(cardOf(supervisor, 'reportsWaiting').link).toBe('/usep/reports?status=submitted');
      const admin = await home('admin');
      expect(admin.cards.map((c) => c.key)).toEqual(['duplicates', 'failedImports', 'lockedOut']);
      expect(cardOf(admin, 'failedImports').value).toBe('0');
      expect((await (await as('lurah')).get('/api/v1/home')).status).toBe(403);
      expect((await (await as('auditor')).get('/api/v1/home?since=2026-02-30')).status).toBe(422);
      expect((await new ApiClient(server.url).get('/api/v1/home')).status).toBe(401);
    });
  });
}
