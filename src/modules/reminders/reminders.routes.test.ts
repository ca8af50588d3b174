import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { type ReminderWorld, seedReminderWorld } from '../../testing/reminder-fixtures.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';
import { DEFAULT_REMINDER_SETTINGS } from './reminders.rules.ts';
import { runReminders } from './reminders.service.ts';

for (const kind of testDatabaseKinds()) {
  describe(`reminders API [${kind}]`, () => {
    const clock = fixedClock(new Date('2026-03-07T02:00:00Z'));
    let server: TestServer;
    let w: ReminderWorld;
    const client = async (username: string) => {
      const c = new ApiClient(server.url);
      await c.login(username, DEMO_PASSWORD);
      return c;
    };
    beforeAll(async () => {
      server = await startTestServer(kind, { serveWeb: false, clock });
      const ctx = systemTestContext(server.database, clock);
      w = await seedReminderWorld(ctx);
      await runReminders(ctx, DEFAULT_REMINDER_SETTINGS);
    }, 120_000);
    afterAll(async () => {
      await server?.close();
    });

    it('lists what was sent with counts, pages by cursor and filters by kind, status and channel', async () => {
      const manager = await client('manajer');
      const all = await manager.get('/api/v1/reminders?limit=2');
      expect(all.status).toBe(200);
      const total = all.body.counts.sent as number;
      expect(total).toBeGreaterThanOrEqual(6);
      expect(all.body.counts).toMatchObject({ waiting: 0, failed: 0 });
      expect(all.body.items).toHaveLength(2);
      const second = await manager.get(`/api/v1/reminders?limit=2&cursor=${encodeURIComponent(all.body.nextCursor)}`);
      expect(second.body.items.map((i: { id: string }) => i.id)).not.toContain(all.body.items[0].id);
      const jkn = await manager.get('/api/v1/reminders?kind=jkn_due&status=sent&channel=log');
      expect(jkn.body.items.map((i: Record<string, unknown>) => [i.recipientName, i.subject, i.dueOn, i.status])).toEqual([
        [w.persons.c.name, 'Iuran JKN Maret 2026', '2026-03-10', 'sent'],
      ]);
      expect((await manager.get('/api/v1/reminders?status=failed')).body.items).toEqual([]);
    });

    it("shows a manager only their offices' regions; refuses other roles; bad filters are 422", async () => {
      const admin = await client('admin');
      const manager = await client('manajer');
      const adminCount = (await admin.get('/api/v1/reminders')).body.counts.sent;
      const managerItems = (await manager.get('/api/v1/reminders?limit=200')).body.items as { recipientName: string }[];
      expect(managerItems.length).toBeLessThanOrEqual(adminCount);
      expect((await (await client('kasir')).get('/api/v1/reminders')).status).toBe(403);
      expect((await (await client('pendamping')).get('/api/v1/reminders')).status).toBe(403);
      const bad = await manager.get('/api/v1/reminders?kind=spam&limit=0');
      expect(bad.status).toBe(422);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['kind', 'limit']);
    });

    it("sets a member's contact and opt-out (audited); out-of-scope persons answer 404 like unknown ones", async () => {
      const cashier = await client('kasir');
      const a = w.persons.a.id;
      const put = await cashier.request('PUT', `/api/v1/reminders/contacts/person/${a}`, { language: 'en', phone: '+6281234567801' });
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ language: 'en', phone: '+6281234567801', email: null, optedOut: false });
      const out = await cashier.post(`/api/v1/reminders/contacts/person/${a}/opt-out`);
      expect(out.body).toMatchObject({ language: 'en', phone: '+6281234567801', optedOut: true });
      expect((await cashier.get(`/api/v1/reminders/contacts/person/${a}`)).body.optedOut).toBe(true);
      const audit = await server.database.db
        .selectFrom('audit_log')
        .select(['action', 'actor_username'])
        .where('entity_id', '=', a)
        .where('action', 'like', 'reminders.%')
        // Both are written in one transaction, at the same time: by action, not by their random ids.
        .orderBy('action')
        .execute();
      expect(audit).toEqual([
        { action: 'reminders.contact', actor_username: 'kasir' },
        { action: 'reminders.opt_out', actor_username: 'kasir' },
      ]);
      // The cadre works in BD01 (32.04): a Yogyakarta member is not theirs.
      const cadre = await client('kader');
      expect((await cadre.get(`/api/v1/reminders/contacts/person/${a}`)).status).toBe(404);
      expect((await cadre.get('/api/v1/reminders/contacts/person/0190a000-0000-7000-8000-000000000999')).status).toBe(404);
      const invalid = await cashier.request('PUT', `/api/v1/reminders/contacts/person/${a}`, { phone: '12ab', email: 'x' });
      expect(invalid.status).toBe(422);
      expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'phone']);
    });

    it("lets a user set their own contact, and only an admin someone else's", async () => {
      const supervisor = await client('pembina');
      const own = await supervisor.request('PUT', `/api/v1/reminders/contacts/user/${w.supervisorId}`, { email: 'pembina@example.test' });
      expect(own.status).toBe(200);
      expect((await supervisor.get(`/api/v1/reminders/contacts/user/${w.managerId}`)).status).toBe(403);
      expect((await (await client('admin')).get(`/api/v1/reminders/contacts/user/${w.supervisorId}`)).body.email).toBe(
        'pembina@example.test',
      );
    });
  });
}
