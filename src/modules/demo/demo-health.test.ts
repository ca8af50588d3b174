import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD, fillDemo, fillDemoCadres, fillDemoHealth, fillDemoMoney } from './index.ts';

for (const kind of testDatabaseKinds()) {
  describe(`the demo's family-doctor caseload in Kricak and Katapang [${kind}]`, () => {
    let server: TestServer;
    let dokter: ApiClient;
    let filled: Awaited<ReturnType<typeof fillDemoHealth>>;

    beforeAll(async () => {
      const clock = fixedClock(new Date('2026-03-10T03:00:00Z'));
      server = await startTestServer(kind, { serveWeb: false, clock });
      const ctx = systemTestContext(server.database, clock);
      await fillDemo(ctx);
      await fillDemoCadres(ctx);
      await fillDemoMoney(ctx);
      filled = await fillDemoHealth(ctx);
      dokter = new ApiClient(server.url);
      await dokter.login('dokter', DEMO_PASSWORD);
    }, 240_000);
    afterAll(() => server?.close());

    it('records profiles, encounters, screenings, two sessions and one ill borrower', () => {
      expect(filled).toEqual({ families: 12, encounters: 6, screenings: 6, sessions: 2, ill: 1 });
    });

    it('shows the health worker recalls due and overdue in both villages', async () => {
      const due = await dokter.get('/api/v1/health/recalls?status=due&worker=me');
      const overdue = await dokter.get('/api/v1/health/recalls?status=overdue');
      expect(due.status).toBe(200);
      expect(overdue.status).toBe(200);
      const villages = (items: { villageCode: string }[]) => [...new Set(items.map((i) => i.villageCode))].sort();
      expect(villages(due.body.items)).toEqual(['32.04.11.2002', '34.71.01.1001']);
      expect(villages(overdue.body.items)).toEqual(['32.04.11.2002', '34.71.01.1001']);
    });

    it('puts the ill borrower on the at-risk list with an instalment due', async () => {
      const atRisk = await dokter.get('/api/v1/health/at-risk?office=YK01');
      expect(atRisk.status).toBe(200);
      expect(atRisk.body.items).toHaveLength(1);
      expect(atRisk.body.items[0]).toMatchObject({ status: 'ill', unableFrom: '2026-03-04' });
    });

    it('lists the counselling sessions with their attendance, and an IKS for the families', async () => {
      const sessions = await dokter.get('/api/v1/health/sessions');
      expect(sessions.body.items.map((s: { topic: string }) => s.topic).sort()).toEqual(['hypertension', 'reproductive_health']);
      const iks = await dokter.get('/api/v1/health/iks?by=village');
      expect(iks.status).toBe(200);
      expect(JSON.stringify(iks.body)).toContain('34.71.01.1001');
    });
  });
}
