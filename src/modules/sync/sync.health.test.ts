import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD, fillDemoCadres } from '../demo/index.ts';

// Client ids as a phone makes them; one per recorded operation.
const cid = (n: number) => `01900000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
const KRICAK = '34.71.01.1001';
const KATAPANG = '32.04.11.2002';

type Member = {
  personId: string;
  recall?: { status: string; method: string; lastScreenedOn: string | null; nextDueOn: string };
  pregnancy?: { expectedDelivery: string | null };
  conditions?: string[];
  illness?: { status: string; unableFrom: string; unableUntil: string | null };
};
type Family = { householdId: string; villageCode: string; urgency: number; members: Member[] };

for (const kind of testDatabaseKinds()) {
  describe(`offline sync: the health worker's caseload and ops [${kind}]`, () => {
    let server: TestServer;
    let doctor: ApiClient;
    let admin: ApiClient;
    /** Women of Kricak aged 30–50 on 10 March 2026: [0] screened 2022 (overdue), [1] screened 2025 (not due), [2] never screened. */
    let women: { id: string; household_id: string }[];
    /** A man of Kricak with hypertension and an illness; a pregnant woman of Kricak; a man of Katapang (out of scope) with diabetes. */
    let chronic: { id: string; household_id: string };
    let pregnant: { id: string; household_id: string };
    let outsider: { id: string; household_id: string };
    let sessionId: string;
    let workerId: string;
    const db = () => server.database.db;

    beforeAll(async () => {
      // Tuesday 10 March 2026, 10:00 WIB.
      server = await startTestServer(kind, { demo: true, serveWeb: false, clock: fixedClock(new Date('2026-03-10T03:00:00Z')) });
      await fillDemoCadres(systemTestContext(server.database));
      admin = new ApiClient(server.url);
      await admin.login('admin', DEMO_PASSWORD);
      // A midwife of the Yogyakarta office only (the demo's dokter serves both offices).
      const user = await admin.post('/api/v1/users', {
        username: 'bidan.kricak',
        fullName: 'Bd. Sri Rahayu',
        role: 'health_worker',
        password: DEMO_PASSWORD,
        officeCodes: ['YK01'],
      });
      expect(user.status).toBe(201);
      workerId = user.body.id;
      doctor = new ApiClient(server.url);
      await doctor.login('bidan.kricak', DEMO_PASSWORD);
      const office = await db().selectFrom('office').select('id').where('code', '=', 'YK01').executeTakeFirstOrThrow();
      women = await db()
        .selectFrom('person')
        .select(['id', 'household_id'])
        .where('village_code', '=', KRICAK)
        .where('sex', '=', 'F')
        .where('birth_date', '>', '1975-03-10')
        .where('birth_date', '<=', '1996-03-10')
        .orderBy('nik')
        .limit(4)
        .execute();
      expect(women).toHaveLength(4);
      pregnant = women[3] as typeof pregnant;
      chronic = await db()
        .selectFrom('person')
        .select(['id', 'household_id'])
        .where('village_code', '=', KRICAK)
        .where('sex', '=', 'M')
        .orderBy('nik')
        .executeTakeFirstOrThrow();
      outsider = await db()
        .selectFrom('person')
        .select(['id', 'household_id'])
        .where('village_code', '=', KATAPANG)
        .orderBy('nik')
        .executeTakeFirstOrThrow();
      const screening = (n: number, personId: string, screenedOn: string, nextDueOn: string) => ({
        id: cid(0x5000 + n),
        person_id: personId,
        village_code: KRICAK,
        office_id: office.id,
        worker_id: workerId,
        method: 'iva' as const,
        screened_on: screenedOn,
        result: 'negative' as const,
        action: 'none' as const,
        next_due_on: nextDueOn,
      });
      await db()
        .insertInto('screening')
        .values([
          screening(1, women[0]?.id as string, '2022-01-10', '2025-01-10'),
          screening(2, women[1]?.id as string, '2025-06-01', '2028-06-01'),
        ])
        .execute();
      await db()
        .insertInto('health_profile')
        .values({ person_id: pregnant.id, pregnant: true, expected_delivery: '2026-03-30', disability: 'none' })
        .execute();
      await db()
        .insertInto('health_condition')
        .values([
          { person_id: chronic.id, code: 'hipertensi', note: '' },
          { person_id: outsider.id, code: 'diabetes', note: '' },
        ])
        .execute();
      await db()
        .insertInto('illness_episode')
        .values({ id: cid(0x6001), person_id: chronic.id, village_code: KRICAK, from_on: '2026-03-02', to_on: null, days_unable: null })
        .execute();
      sessionId = cid(0x7001);
      await db()
        .insertInto('counselling_session')
        .values({
          id: sessionId,
          office_id: office.id,
          village_code: KRICAK,
          topic: 'hypertension',
          topic_note: '',
          held_on: '2026-03-03',
          place: 'Balai RW 05',
          worker_id: workerId,
        })
        .execute();
      await db().insertInto('session_attendance').values({ session_id: sessionId, person_id: chronic.id }).execute();
    });
    afterAll(async () => server.close());

    const familyOf = (families: Family[], householdId: string) => families.find((f) => f.householdId === householdId);
    const memberOf = (families: Family[], person: { id: string; household_id: string }) =>
      familyOf(families, person.household_id)?.members.find((m) => m.personId === person.id);

    it('gives the health worker the families of their villages with recalls, pregnancies, chronic conditions and illness', async () => {
      const response = await doctor.get('/api/v1/sync/bundle');
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      const bundle = response.body;
      expect(bundle).toMatchObject({ asOf: '2026-03-10', cadreId: null, families: [], groups: [] });
      const health = bundle.health as {
        families: Family[];
        villageCodes: string[];
        truncated: boolean;
        sessions: unknown[];
        groups: unknown[];
      };
      expect(health.truncated).toBe(false);
      // Only YK01's villages (Kota Yogyakarta): Katapang's diabetic is not there.
      expect(health.villageCodes.every((v) => v.startsWith('34.71.'))).toBe(true);
      expect(familyOf(health.families, outsider.household_id)).toBeUndefined();
      expect(memberOf(health.families, women[0] as typeof chronic)?.recall).toEqual({
        status: 'overdue',
        method: 'iva',
        lastScreenedOn: '2022-01-10',
        nextDueOn: '2025-01-10',
      });
      expect(memberOf(health.families, women[1] as typeof chronic)?.recall).toBeUndefined();
      expect(memberOf(health.families, women[2] as typeof chronic)?.recall).toEqual({
        status: 'due',
        method: 'iva',
        lastScreenedOn: null,
        nextDueOn: '2026-03-10',
      });
      expect(memberOf(health.families, pregnant)?.pregnancy).toEqual({ expectedDelivery: '2026-03-30' });
      expect(memberOf(health.families, chronic)).toMatchObject({
        conditions: ['hipertensi'],
        illness: { status: 'ill', unableFrom: '2026-03-02', unableUntil: null },
      });
      // Overdue recall first; every family has something to act on.
      expect(health.families[0]?.urgency).toBeGreaterThanOrEqual(50);
      for (const family of health.families)
        expect(family.members.some((m) => m.recall || m.pregnancy || m.conditions || m.illness)).toBe(true);
      expect(health.sessions).toEqual([
        {
          sessionId,
          topic: 'hypertension',
          topicNote: '',
          heldOn: '2026-03-03',
          place: 'Balai RW 05',
          villageCode: KRICAK,
          groupId: null,
          personIds: [chronic.id],
        },
      ]);
      expect(health.groups).toEqual([
        expect.objectContaining({ name: 'Kelompok Anggota JKM Kricak', villageCodes: [KRICAK], members: expect.any(Array) }),
      ]);
      // The read of clinical records is in the audit trail, with the persons read.
      const audit = await db().selectFrom('audit_log').select(['after']).where('action', '=', 'health.read').execute();
      expect(audit).toHaveLength(1);
      expect((audit[0]?.after as { ids?: string[] } | undefined)?.ids).toContain(chronic.id);
    });

    it('narrows to one village, and answers a village outside the offices as not found', async () => {
      const one = await doctor.get(`/api/v1/sync/bundle?village=${KRICAK}`);
      expect(one.status).toBe(200);
      expect(one.body.health.villageCodes).toEqual([KRICAK]);
      expect((await doctor.get(`/api/v1/sync/bundle?village=${KATAPANG}`)).status).toBe(404);
      expect((await doctor.get('/api/v1/sync/bundle?village=34.71')).status).toBe(422);
    });

    it("leaves cadres' and facilitators' bundles as they were", async () => {
      for (const username of ['kader', 'pendamping']) {
        const client = new ApiClient(server.url);
        await client.login(username, DEMO_PASSWORD);
        const bundle = (await client.get('/api/v1/sync/bundle')).body;
        expect(Object.keys(bundle).sort()).toEqual(['asOf', 'cadreId', 'dueUntil', 'families', 'generatedAt', 'groups']);
      }
      expect(Object.keys((await admin.get('/api/v1/sync/bundle')).body)).not.toContain('health');
    });
    const push = (client: ApiClient, ops: { id: string; type: string; payload: Record<string, unknown> }[]) =>
      client.post('/api/v1/sync/push', { ops: ops.map((op) => ({ ...op, recordedAt: '2026-03-09T10:00:00+07:00' })) });
    const statuses = (results: { status: string; code?: string }[]) => results.map((r) => [r.status, r.code]);

    it('applies an encounter, a screening, an illness and a session attendance once: again they are duplicates', async () => {
      const newSession = cid(0x7002);
      const ops = [
        {
          id: cid(0xa001),
          type: 'screening',
          payload: { personId: women[2]?.id, method: 'iva', screenedOn: '2026-03-09', result: 'negative', action: 'none' },
        },
        {
          id: cid(0xa002),
          type: 'encounter',
          payload: {
            personId: chronic.id,
            profession: 'midwife',
            place: 'home',
            encounteredOn: '2026-03-09',
            complaint: 'Pusing',
            vitals: { systolic: 160, diastolic: 100, temperatureC: 36.8 },
            diagnoses: ['i10'],
            treatment: 'Amlodipin 5 mg',
            referral: { destinationKind: 'puskesmas', destination: 'Puskesmas Tegalrejo', reason: 'Tekanan darah tinggi' },
          },
        },
        { id: cid(0xa003), type: 'illness', payload: { personId: women[2]?.id, fromOn: '2026-03-09', toOn: '2026-03-14' } },
        {
          id: cid(0xa004),
          type: 'session_attendance',
          payload: {
            sessionId: newSession,
            topic: 'nutrition',
            heldOn: '2026-03-09',
            place: 'Posyandu Melati',
            villageCode: KRICAK,
            personIds: [women[2]?.id, chronic.id],
          },
        },
      ];
      const first = await push(doctor, ops);
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      expect(statuses(first.body.results), JSON.stringify(first.body.results)).toEqual(ops.map(() => ['applied', undefined]));
      expect(first.body.results[0].result).toMatchObject({ nextDueOn: '2029-03-09' });
      for (const batch of [ops, [...ops].reverse()]) {
        const again = (await push(doctor, batch)).body.results;
        expect(statuses(again)).toEqual(batch.map(() => ['duplicate', undefined]));
        expect(again.find((r: { id: string }) => r.id === cid(0xa001)).result).toEqual(first.body.results[0].result);
      }
      expect(
        await db()
          .selectFrom('screening')
          .select('id')
          .where('person_id', '=', women[2]?.id as string)
          .execute(),
      ).toHaveLength(1);
      const encounters = await db().selectFrom('health_encounter').selectAll().where('person_id', '=', chronic.id).execute();
      expect(encounters).toHaveLength(1);
      expect(encounters[0]).toMatchObject({ systolic: 160, diastolic: 100, temperature_c: '36.8', worker_id: workerId, place: 'home' });
      expect(
        await db()
          .selectFrom('encounter_diagnosis')
          .select('code')
          .where('encounter_id', '=', encounters[0]?.id as string)
          .execute(),
      ).toEqual([{ code: 'I10' }]);
      expect(await db().selectFrom('referral').select('destination').where('person_id', '=', chronic.id).execute()).toHaveLength(1);
      expect(
        await db()
          .selectFrom('illness_episode')
          .select('id')
          .where('person_id', '=', women[2]?.id as string)
          .execute(),
      ).toHaveLength(1);
      const attended = () => db().selectFrom('session_attendance').select('person_id').where('session_id', '=', newSession).execute();
      expect(await attended()).toHaveLength(2);
      // More attendees of the same session from another op: added, the session unchanged.
      const more = await push(doctor, [
        { ...(ops[3] as (typeof ops)[number]), id: cid(0xa005), payload: { ...ops[3]?.payload, personIds: [pregnant.id, chronic.id] } },
      ]);
      expect(statuses(more.body.results)).toEqual([['applied', undefined]]);
      expect(await attended()).toHaveLength(3);
      // The next download shows it: her recall is gone, she is unable to work, the session has three.
      const health = (await doctor.get('/api/v1/sync/bundle')).body.health;
      const her = memberOf(health.families, women[2] as typeof chronic);
      expect(her?.recall).toBeUndefined();
      expect(her?.illness).toEqual({ status: 'ill', unableFrom: '2026-03-09', unableUntil: '2026-03-14' });
      expect(health.sessions.find((x: { sessionId: string }) => x.sessionId === newSession).personIds).toHaveLength(3);
      expect((await doctor.get(`/api/v1/health/status?persons=${women[2]?.id}`)).body.items).toEqual([
        expect.objectContaining({ status: 'ill', unableUntil: '2026-03-14' }),
      ]);
    });

    it("rejects each bad or out-of-scope op alone, with a code and a message in the worker's language", async () => {
      const unknown = cid(0xffff);
      const screening = (personId: string) => ({ personId, method: 'iva', screenedOn: '2026-03-09', result: 'negative', action: 'none' });
      const encounter = { profession: 'doctor', place: 'clinic', encounteredOn: '2026-03-09', diagnoses: ['I10'] };
      const session = { topic: 'tb', heldOn: '2026-03-09', place: 'Balai RW', villageCode: KRICAK };
      const ops = [
        { id: cid(0xb001), type: 'screening', payload: screening(outsider.id) },
        { id: cid(0xb002), type: 'encounter', payload: { ...encounter, personId: unknown } },
        { id: cid(0xb003), type: 'screening', payload: screening(chronic.id) },
        { id: cid(0xb004), type: 'encounter', payload: { ...encounter, personId: chronic.id, diagnoses: ['Z99.99'] } },
        { id: cid(0xb005), type: 'encounter', payload: { ...encounter, personId: chronic.id, vitals: { systolic: 500 } } },
        { id: cid(0xb006), type: 'session_attendance', payload: { ...session, sessionId: cid(0x7003), personIds: [outsider.id] } },
        {
          id: cid(0xb007),
          type: 'session_attendance',
          payload: { ...session, sessionId: cid(0x7004), villageCode: KATAPANG, personIds: [chronic.id] },
        },
        { id: cid(0xb008), type: 'illness', payload: { personId: outsider.id, fromOn: '2026-03-09', toOn: null } },
        { id: cid(0xb009), type: 'screening', payload: { personId: women[3]?.id, method: 'iva' } },
        { id: cid(0xb00a), type: 'encounter', payload: { ...encounter, personId: chronic.id } },
      ];
      const results = (await push(doctor, ops)).body.results;
      expect(statuses(results), JSON.stringify(results)).toEqual([
        ['rejected', 'sync.person_unknown'],
        ['rejected', 'sync.person_unknown'],
        ['rejected', 'health.screening_women_only'],
        ['rejected', 'health.unknown_icd10'],
        ['rejected', 'sync.payload_invalid'],
        ['rejected', 'health.session_person_unknown'],
        ['rejected', 'registry.village_unknown'],
        ['rejected', 'sync.person_unknown'],
        ['rejected', 'sync.payload_invalid'],
        ['applied', undefined],
      ]);
      expect(results[0].message).toBe('Orang ini tidak ditemukan atau di luar wilayah Anda. Unduh data lagi dan periksa keluarganya.');
      // Outside the worker's villages and unknown answer alike.
      expect(results[1].message).toBe(results[0].message);
      expect(results[4].message).toContain('vitals.systolic');
      expect(results[8].message).toContain('screenedOn');
      expect(await db().selectFrom('screening').select('id').where('person_id', '=', outsider.id).execute()).toHaveLength(0);
      expect(
        await db()
          .selectFrom('counselling_session')
          .select('id')
          .where('id', 'in', [cid(0x7003), cid(0x7004)])
          .execute(),
      ).toHaveLength(0);
      const english = new ApiClient(server.url, { 'accept-language': 'en' });
      await english.login('bidan.kricak', DEMO_PASSWORD);
      expect((await push(english, [ops[1] as (typeof ops)[number]])).body.results[0].message).toBe(
        'This person was not found or is outside your regions. Download the data again and check the family.',
      );
      // A cadre may push, but not a health worker's records.
      const kader = new ApiClient(server.url);
      await kader.login('kader', DEMO_PASSWORD);
      expect(statuses((await push(kader, [{ ...(ops[9] as (typeof ops)[number]), id: cid(0xb00b) }])).body.results)).toEqual([
        ['rejected', 'auth.forbidden'],
      ]);
    });
  });
}
