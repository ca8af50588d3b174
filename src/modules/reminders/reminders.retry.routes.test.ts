import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { seedReminderWorld } from '../../testing/reminder-fixtures.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';
import { DEFAULT_REMINDER_SETTINGS } from './reminders.rules.ts';
import { runReminders } from './reminders.service.ts';

for (const kind of testDatabaseKinds()) {
  describe(`reminders screen: period filter and sending a failed reminder again [${kind}]`, () => {
    // Saturday 7 March 2026, 09:00 WIB.
    const clock = fixedClock(new Date('2026-03-07T02:00:00Z'));
    let server: TestServer;
    let failedId = '';
    const client = async (username: string) => {
      const c = new ApiClient(server.url);
      await c.login(username, DEMO_PASSWORD);
      return c;
    };
    beforeAll(async () => {
      server = await startTestServer(kind, { serveWeb: false, clock });
      const ctx = systemTestContext(server.database, clock);
      await seedReminderWorld(ctx);
      await runReminders(ctx, DEFAULT_REMINDER_SETTINGS);
      // One of them failed for good at the gateway (as a 4xx answer leaves it).
      const row = await server.database.db
        .selectFrom('reminder')
        .select('id')
        .where('region_code', 'like', '34.71.%')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      failedId = row.id;
      await sql`UPDATE reminder SET status = 'failed', attempts = 2, max_attempts = 5, sent_at = NULL, last_error = 'HTTP 400: nomor tidak dikenal'
                WHERE id = ${failedId}::uuid`.execute(server.database.db);
    }, 300_000);
    afterAll(async () => {
      await server?.close();
    });

    it('filters by the due date; a reversed period is a 422', async () => {
      const manager = await client('manajer');
      const all = (await manager.get('/api/v1/reminders?limit=200')).body.items as { id: string; dueOn: string }[];
      const inPeriod = (from: string, to: string) => all.filter((r) => r.dueOn >= from && r.dueOn <= to).map((r) => r.id);
      expect(inPeriod('2026-03-08', '2026-03-10').length).toBeGreaterThanOrEqual(1);
      const period = await manager.get('/api/v1/reminders?from=2026-03-08&to=2026-03-10&limit=200');
      expect(period.status).toBe(200);
      expect(period.body.items.map((r: { id: string }) => r.id)).toEqual(inPeriod('2026-03-08', '2026-03-10'));
      const counted = Object.values(period.body.counts as Record<string, number>).reduce((a, b) => a + b, 0);
      expect(counted).toBe(inPeriod('2026-03-08', '2026-03-10').length);
      const later = await manager.get('/api/v1/reminders?from=2027-01-01');
      expect(later.body.items).toEqual([]);
      expect(later.body.counts).toEqual({ waiting: 0, sending: 0, sent: 0, failed: 0, cancelled: 0 });
      const reversed = await manager.get('/api/v1/reminders?from=2026-03-08&to=2026-03-07');
      expect(reversed.status).toBe(422);
      expect(reversed.body.errors[0].field).toBe('from');
    });

    it('sends a failed reminder again once (audited, named by who did it); only a failed one; others 403/404', async () => {
      const manager = await client('manajer');
      expect((await manager.get('/api/v1/reminders?status=failed')).body.items.map((i: { id: string }) => i.id)).toEqual([failedId]);
      expect((await (await client('kasir')).post(`/api/v1/reminders/${failedId}/retry`)).status).toBe(403);
      expect((await manager.post('/api/v1/reminders/01930000-0000-7000-8000-000000000000/retry')).status).toBe(404);
      const retried = await manager.post(`/api/v1/reminders/${failedId}/retry`);
      expect(retried.status).toBe(200);
      expect(retried.body).toMatchObject({ id: failedId, status: 'waiting', attempts: 2, maxAttempts: 3 });
      const again = await manager.post(`/api/v1/reminders/${failedId}/retry`);
      expect(again.status).toBe(409);
      expect(again.body.errors[0].code).toBe('reminders.not_failed');

      const audit = await (await client('admin')).get('/api/v1/audit?action=reminders.retry');
      expect(audit.body.items).toEqual([
        expect.objectContaining({
          action: 'reminders.retry',
          entityType: 'reminder',
          entityId: failedId,
          actor: 'manajer',
          actorName: 'Budi Santoso',
        }),
      ]);

      // The next run sends it, on the same row.
      await runReminders(systemTestContext(server.database, clock), DEFAULT_REMINDER_SETTINGS);
      const after = await manager.get('/api/v1/reminders?status=failed');
      expect(after.body.items).toEqual([]);
      const row = await server.database.db
        .selectFrom('reminder')
        .select(['status', 'attempts'])
        .where('id', '=', failedId)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'sent', attempts: 3 });
    });
  });
}
