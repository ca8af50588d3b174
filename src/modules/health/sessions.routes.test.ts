import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../context.ts';
import { fixedClock } from '../../core/clock.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD, fillDemo } from '../demo/index.ts';
import { recordSessionAttendance } from './index.ts';

const KRICAK = '34.71.01.1001';
const NO_SUCH_ID = '01900000-0000-7000-8000-000000000000';

for (const kind of testDatabaseKinds()) {
  describe(`counselling sessions and attendance [${kind}]`, () => {
    let server: TestServer;
    const clients: Record<string, ApiClient> = {};
    let members: string[] = [];
    let outsider: string;
    let bandungPerson: string;
    let groupId: string;
    const sessions: Record<string, string> = {};

    const login = async (username: string) => {
      const client = new ApiClient(server.url);
      await client.login(username, DEMO_PASSWORD);
      clients[username] = client;
    };
    const dokter = () => clients.dokter as ApiClient;
    const put = (client: ApiClient, path: string, body: unknown) => client.request('PUT', path, body);
    const rate = async (personId: string) => (await dokter().get(`/api/v1/persons/${personId}/attendance`)).body;

    beforeAll(async () => {
      const clock = fixedClock(new Date('2026-03-10T03:00:00Z'));
      server = await startTestServer(kind, { serveWeb: false, clock });
      await fillDemo(systemTestContext(server.database, clock));
      for (const username of ['admin', 'dokter', 'manajer', 'kasir', 'pendamping', 'kader', 'pembina', 'auditor']) await login(username);
      const db = server.database.db;
      // Five heads of families in Kricak not yet in a KUBE: four members, one outsider.
      const heads = await db
        .selectFrom('person')
        .select('id')
        .where('village_code', '=', KRICAK)
        .where('relation', '=', 'head')
        .where('id', 'not in', (q) => q.selectFrom('group_member').select('person_id'))
        .orderBy('id')
        .limit(5)
        .execute();
      if (heads.length < 5) throw new Error('the demo has too few heads of families in Kricak');
      members = heads.slice(0, 4).map((h) => h.id);
      outsider = heads[4]?.id as string;
      bandungPerson = (
        await db.selectFrom('person').select('id').where('village_code', '=', '32.04.11.2001').orderBy('id').executeTakeFirstOrThrow()
      ).id;
      const group = await clients.manajer?.post('/api/v1/groups', {
        kind: 'kube',
        name: 'KUBE Sehat Kricak',
        officeCode: 'YK01',
        villageCodes: [KRICAK],
        formedOn: '2026-01-01',
      });
      expect(group?.status).toBe(201);
      groupId = group?.body.id;
      // Three members from January; the fourth joins on 1 March, after the first session.
      for (const [i, personId] of members.entries())
        expect(
          (await clients.manajer?.post(`/api/v1/groups/${groupId}/members`, { personId, joinedOn: i < 3 ? '2026-01-01' : '2026-03-01' }))
            ?.status,
        ).toBe(201);
    });
    afterAll(async () => server?.close());

    it('records a group session with the members ticked and the members of the day as invited', async () => {
      const [m1, m2] = members;
      const first = await dokter().post('/api/v1/health/sessions', {
        topic: 'nutrition',
        heldOn: '2026-02-10',
        place: 'Balai RW 03',
        villageCode: '3471011001',
        groupId,
        personIds: [m1, m2],
      });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        topic: 'nutrition',
        villageCode: KRICAK,
        groupId,
        groupName: 'KUBE Sehat Kricak',
        invitedCount: 3,
        attendeeCount: 2,
        worker: { fullName: 'dr. Ahmad Fauzi' },
      });
      expect(first.body.attendees.map((a: { personId: string }) => a.personId).sort()).toEqual([m1, m2].sort());
      expect(first.body.attendees[0].fullName).not.toBe('');
      sessions.first = first.body.id;
      // The second, after the fourth member joined, also attended by someone from the registry.
      const second = await dokter().post('/api/v1/health/sessions', {
        topic: 'reproductive_health',
        heldOn: '2026-03-05',
        place: 'Balai RW 03',
        villageCode: KRICAK,
        groupId,
        personIds: [m1, members[3], outsider],
      });
      expect(second.body).toMatchObject({ invitedCount: 4, attendeeCount: 3 });
      sessions.second = second.body.id;
      // An open session (no group), by the administrator.
      const open = await clients.admin?.post('/api/v1/health/sessions', {
        topic: 'other',
        topicNote: 'Cuci tangan pakai sabun',
        heldOn: '2026-03-06',
        place: 'Masjid',
        villageCode: KRICAK,
        personIds: [m2],
      });
      expect(open?.status).toBe(201);
      expect(open?.body).toMatchObject({ groupId: null, invitedCount: 0, attendeeCount: 1 });
      sessions.open = open?.body.id;
    });

    it('gives each person’s rate: attended ÷ sessions of their groups on the day (open sessions attended on both sides)', async () => {
      const [m1, m2, m3, m4] = members as [string, string, string, string];
      expect(await rate(m1)).toMatchObject({ attended: 2, held: 2, rate: '1.000' });
      expect(await rate(m2)).toMatchObject({ attended: 2, held: 3, rate: '0.667' });
      expect(await rate(m3)).toMatchObject({ attended: 0, held: 2, rate: '0.000' });
      expect(await rate(m4)).toMatchObject({ attended: 1, held: 1, rate: '1.000' });
      expect(await rate(outsider)).toMatchObject({ attended: 1, held: 1, rate: '1.000' });
      const none = await dokter().get(`/api/v1/persons/${bandungPerson}/attendance`);
      expect(none.status).toBe(404);
      const sessionsOfM2 = (await rate(m2)).sessions;
      expect(sessionsOfM2.map((s: { heldOn: string; attended: boolean }) => [s.heldOn, s.attended])).toEqual([
        ['2026-03-06', true],
        ['2026-03-05', false],
        ['2026-02-10', true],
      ]);
    });

    it('replaces a session’s attendance and recomputes the rate', async () => {
      const [m1, m2, m3] = members as [string, string, string];
      const replaced = await put(dokter(), `/api/v1/health/sessions/${sessions.first}/attendance`, { personIds: [m1, m3] });
      expect(replaced.status).toBe(200);
      expect(replaced.body.attendeeCount).toBe(2);
      expect(await rate(m2)).toMatchObject({ attended: 1, held: 3, rate: '0.333' });
      expect(await rate(m3)).toMatchObject({ attended: 1, held: 2, rate: '0.500' });
    });

    it('refuses an unknown or out-of-scope attendee and group alike, and "other" without a note', async () => {
      const body = { topic: 'hygiene', heldOn: '2026-03-07', place: 'Pos', villageCode: KRICAK };
      for (const personId of [bandungPerson, NO_SUCH_ID]) {
        const refused = await dokter().post('/api/v1/health/sessions', { ...body, personIds: [members[0], personId] });
        expect(refused.status).toBe(422);
        expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'personIds.1', code: 'health.session_person_unknown' })]);
      }
      const other = await dokter().post('/api/v1/health/sessions', { ...body, topic: 'other', personIds: [] });
      expect(other.status).toBe(422);
      expect(other.body.errors[0]).toMatchObject({ field: 'topicNote' });
      const village = await dokter().post('/api/v1/health/sessions', { ...body, villageCode: '32.04.11.2001', personIds: [] });
      expect(village.body.errors[0]).toMatchObject({ field: 'villageCode', code: 'registry.village_unknown' });
      const attendance = await put(dokter(), `/api/v1/health/sessions/${sessions.first}/attendance`, { personIds: [bandungPerson] });
      expect(attendance.status).toBe(422);
    });

    it('lists sessions newest first with a cursor, shows one with attendees, within the caller’s regions', async () => {
      const page1 = await dokter().get('/api/v1/health/sessions?limit=2');
      expect(page1.body.items.map((s: { id: string }) => s.id)).toEqual([sessions.open, sessions.second]);
      const page2 = await dokter().get(`/api/v1/health/sessions?limit=2&cursor=${page1.body.nextCursor}`);
      expect(page2.body).toEqual({ items: [expect.objectContaining({ id: sessions.first, attendeeCount: 2 })], nextCursor: null });
      const byGroup = await dokter().get(`/api/v1/health/sessions?groupId=${groupId}`);
      expect(byGroup.body.items).toHaveLength(2);
      for (const username of ['admin', 'manajer', 'pembina', 'auditor']) {
        expect((await clients[username]?.get('/api/v1/health/sessions'))?.body.items.length, username).toBe(3);
        expect((await clients[username]?.get(`/api/v1/health/sessions/${sessions.second}`))?.status, username).toBe(200);
      }
      // The Bandung facilitator reads sessions, but none of Kricak's.
      expect((await clients.pendamping?.get('/api/v1/health/sessions'))?.body.items).toEqual([]);
      expect((await clients.pendamping?.get(`/api/v1/health/sessions/${sessions.second}`))?.status).toBe(404);
      expect((await clients.pendamping?.get(`/api/v1/persons/${members[0]}/attendance`))?.status).toBe(404);
      for (const username of ['kasir', 'kader']) {
        expect((await clients[username]?.get('/api/v1/health/sessions'))?.status, username).toBe(403);
        expect((await clients[username]?.get(`/api/v1/persons/${members[0]}/attendance`))?.status, username).toBe(403);
      }
      for (const username of ['manajer', 'kasir', 'pendamping', 'kader', 'pembina', 'auditor']) {
        const write = await clients[username]?.post('/api/v1/health/sessions', {
          topic: 'tb',
          heldOn: '2026-03-07',
          place: 'Pos',
          villageCode: KRICAK,
          personIds: [],
        });
        expect(write?.status, username).toBe(403);
        expect(
          (await put(clients[username] as ApiClient, `/api/v1/health/sessions/${sessions.first}/attendance`, { personIds: [] })).status,
        ).toBe(403);
      }
    });

    it('the field sync’s recordSessionAttendance creates the session once and adds attendance idempotently', async () => {
      const login = await dokter().get('/api/v1/auth/me');
      const me = login.body.user ?? login.body;
      const offices = await server.database.db
        .selectFrom('office')
        .innerJoin('office_region', 'office_region.office_id', 'office.id')
        .select(['office.id', 'office.code', 'office.name', 'office_region.region_code'])
        .where('office.code', '=', 'YK01')
        .execute();
      const office = {
        id: offices[0]?.id as string,
        code: 'YK01',
        name: offices[0]?.name as string,
        regionCodes: offices.map((o) => o.region_code),
      };
      const ctx: Context = {
        ...systemTestContext(server.database, fixedClock(new Date('2026-03-10T03:00:00Z'))),
        actor: {
          kind: 'user',
          id: me.id,
          username: 'dokter',
          fullName: 'dr. Ahmad Fauzi',
          role: 'health_worker',
          offices: [office],
          scope: { kind: 'regions', regionCodes: office.regionCodes, officeIds: [office.id] },
          via: 'session',
        },
      };
      const sessionId = '019cc000-0000-7000-8000-00000000abcd';
      const input = {
        sessionId,
        topic: 'jkn' as const,
        topicNote: '',
        heldOn: '2026-03-09',
        place: 'Posyandu',
        villageCode: KRICAK,
        groupId,
        personIds: [members[0] as string],
      };
      const created = await recordSessionAttendance(ctx, input);
      expect(created).toMatchObject({ id: sessionId, attendeeCount: 1, invitedCount: 4 });
      const again = await recordSessionAttendance(ctx, { ...input, personIds: [members[0] as string, members[1] as string] });
      expect(again).toMatchObject({ id: sessionId, attendeeCount: 2, invitedCount: 4 });
      const repeated = await recordSessionAttendance(ctx, { ...input, personIds: [members[1] as string] });
      expect(repeated.attendeeCount).toBe(2);
      await expect(recordSessionAttendance(ctx, { ...input, place: 'Lain' })).rejects.toMatchObject({ code: 'health.session_changed' });
    });
  });
}
