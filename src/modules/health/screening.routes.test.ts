import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD, fillDemo } from '../demo/index.ts';

const KRICAK = '34.71.01.1001';
const KRICAK_2 = '34.71.01.1002';
const NO_SUCH_ID = '01900000-0000-7000-8000-000000000000';
// Today in the tests: 10 March 2026 (WIB).
const TODAY = '2026-03-10';

for (const kind of testDatabaseKinds()) {
  describe(`screening with recall [${kind}]`, () => {
    let server: TestServer;
    const clients: Record<string, ApiClient> = {};
    /** Women 30–50 on TODAY in Kricak (a–e) and the next village (d2), a man, a woman of 25, a Bandung woman. */
    const p: Record<string, string> = {};

    const login = async (username: string) => {
      const client = new ApiClient(server.url);
      await client.login(username, DEMO_PASSWORD);
      clients[username] = client;
      return client;
    };
    const screen = (personId: string, body: Record<string, unknown>, client = clients.dokter as ApiClient, key?: string) =>
      client.request('POST', `/api/v1/persons/${personId}/screenings`, body, key ? { 'Idempotency-Key': key } : {});
    const auditCount = async (action: string, entityType: string) =>
      (
        await server.database.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('action', '=', action)
          .where('entity_type', '=', entityType)
          .executeTakeFirstOrThrow()
      ).n;

    beforeAll(async () => {
      const clock = fixedClock(new Date(`${TODAY}T03:00:00Z`));
      server = await startTestServer(kind, { serveWeb: false, clock });
      await fillDemo(systemTestContext(server.database, clock));
      const db = server.database.db;
      const women = (village: string, bornAfter: string, bornBy: string) =>
        db
          .selectFrom('person')
          .select('id')
          .where('village_code', '=', village)
          .where('sex', '=', 'F')
          .where('died_on', 'is', null)
          .where('birth_date', '>', bornAfter)
          .where('birth_date', '<=', bornBy)
          .orderBy('id')
          .execute();
      const target = await women(KRICAK, '1975-03-10', '1996-03-10');
      if (target.length < 6) throw new Error('the demo has too few women of 30–50 in Kricak');
      [p.a, p.b, p.c, p.e, p.never1] = target.map((w) => w.id) as [string, string, string, string, string];
      const [d2] = await women(KRICAK_2, '1975-03-10', '1996-03-10');
      const [young] = await women(KRICAK, '1996-03-10', '2008-03-10');
      const [bandung] = await women('32.04.11.2001', '1975-03-10', '1996-03-10');
      const man = await db
        .selectFrom('person')
        .select('id')
        .where('village_code', '=', KRICAK)
        .where('sex', '=', 'M')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      if (!d2 || !young || !bandung) throw new Error('the demo lacks a woman for the test');
      Object.assign(p, { d2: d2.id, young: young.id, bandung: bandung.id, man: man.id });
      const admin = await login('admin');
      expect(
        (
          await admin.post('/api/v1/users', {
            username: 'bidan.bd',
            fullName: 'Bidan Bandung',
            role: 'health_worker',
            password: DEMO_PASSWORD,
            officeCodes: ['BD01'],
          })
        ).status,
      ).toBe(201);
      for (const username of ['dokter', 'bidan.bd', 'manajer', 'kasir', 'pendamping', 'kader', 'pembina', 'auditor']) await login(username);
    });
    afterAll(async () => server?.close());

    it('records an IVA with the next date by the rule in force, and flags a woman outside the target ages', async () => {
      const negative = await screen(p.a as string, { method: 'iva', screenedOn: '2023-03-20', result: 'negative', action: 'none' });
      expect(negative.status).toBe(201);
      expect(negative.body).toMatchObject({
        personId: p.a,
        nextDueOn: '2026-03-20',
        outsideTargetAges: false,
        villageCode: KRICAK,
        worker: { fullName: 'dr. Ahmad Fauzi' },
      });
      const treated = await screen(p.b as string, { method: 'iva', screenedOn: '2025-08-01', result: 'positive', action: 'cryotherapy' });
      expect(treated.body.nextDueOn).toBe('2026-02-01');
      const young = await screen(p.young as string, {
        method: 'pap_smear',
        screenedOn: '2026-01-31',
        result: 'positive',
        action: 'referral',
      });
      expect(young.status).toBe(201);
      expect(young.body).toMatchObject({ nextDueOn: '2026-07-31', outsideTargetAges: true });
    });

    it('refuses a positive left untreated, a suspected cancer not referred, a man and a future date, each on its field', async () => {
      const cases = [
        [
          p.c,
          { method: 'iva', screenedOn: '2026-03-01', result: 'positive', action: 'none' },
          'action',
          'health.screening_positive_needs_action',
        ],
        [
          p.c,
          { method: 'iva', screenedOn: '2026-03-01', result: 'suspected_cancer', action: 'cryotherapy' },
          'action',
          'health.screening_suspected_needs_referral',
        ],
        [p.man, { method: 'iva', screenedOn: '2026-03-01', result: 'negative', action: 'none' }, 'method', 'health.screening_women_only'],
        [p.c, { method: 'iva', screenedOn: '2026-03-11', result: 'negative', action: 'none' }, 'screenedOn', 'common.date_in_future'],
      ] as const;
      for (const [person, body, field, code] of cases) {
        const refused = await screen(person as string, body);
        expect(refused.status).toBe(422);
        expect(refused.body.errors[0]).toMatchObject({ field, code });
      }
      const english = await clients.dokter?.request(
        'POST',
        `/api/v1/persons/${p.c}/screenings`,
        { method: 'iva', screenedOn: '2026-03-01', result: 'positive', action: 'none' },
        { 'accept-language': 'en' },
      );
      expect(english?.body.errors[0].message).toBe('A positive result needs an action: cryotherapy, thermal ablation, referral or repeat.');
    });

    it('answers a woman outside the worker’s regions like one who does not exist', async () => {
      const body = { method: 'iva', screenedOn: '2026-03-01', result: 'negative', action: 'none' };
      const outside = await screen(p.a as string, body, clients['bidan.bd']);
      const unknown = await screen(NO_SUCH_ID, body, clients['bidan.bd']);
      expect(outside.status).toBe(404);
      expect(unknown.status).toBe(404);
      expect((await clients['bidan.bd']?.get(`/api/v1/persons/${p.a}/screenings`))?.status).toBe(404);
    });

    it('records once per Idempotency-Key', async () => {
      const body = { method: 'iva', screenedOn: '2023-03-05', result: 'negative', action: 'none' };
      const first = await screen(p.c as string, body, clients.dokter, 'scr-c-1');
      const again = await screen(p.c as string, body, clients.dokter, 'scr-c-1');
      expect(first.status).toBe(201);
      expect(again.body.id).toBe(first.body.id);
      const list = await clients.dokter?.get(`/api/v1/persons/${p.c}/screenings`);
      expect(list?.body.items).toHaveLength(1);
    });

    it('lists a woman’s screenings newest first for clinical readers only, each read audited', async () => {
      // C is screened again: her 2023 recall (due 5 March 2026) is replaced by this one.
      expect((await screen(p.c as string, { method: 'iva', screenedOn: '2026-03-08', result: 'negative', action: 'none' })).status).toBe(
        201,
      );
      const before = Number(await auditCount('health.read', 'screening'));
      const list = await clients.dokter?.get(`/api/v1/persons/${p.c}/screenings`);
      expect(list?.status).toBe(200);
      expect(list?.body.items.map((i: { screenedOn: string }) => i.screenedOn)).toEqual(['2026-03-08', '2023-03-05']);
      expect(list?.body.nextDueOn).toBe('2029-03-08');
      expect((await clients.admin?.get(`/api/v1/persons/${p.c}/screenings`))?.status).toBe(200);
      expect(Number(await auditCount('health.read', 'screening'))).toBe(before + 2);
      for (const username of ['manajer', 'kasir', 'pendamping', 'kader', 'pembina', 'auditor']) {
        expect((await clients[username]?.get(`/api/v1/persons/${p.c}/screenings`))?.status, username).toBe(403);
        expect(
          (await screen(p.c as string, { method: 'iva', screenedOn: '2026-03-08', result: 'negative', action: 'none' }, clients[username]))
            .status,
          username,
        ).toBe(403);
      }
      expect(
        (await screen(p.c as string, { method: 'iva', screenedOn: '2026-03-08', result: 'negative', action: 'none' }, clients.admin))
          .status,
      ).toBe(403);
    });

    describe('recalls', () => {
      beforeAll(async () => {
        // D2 in the next village: due 15 March; E: overdue since 1 January 2025.
        await screen(p.d2 as string, { method: 'iva', screenedOn: '2025-09-15', result: 'positive', action: 'thermal_ablation' });
        await screen(p.e as string, { method: 'pap_smear', screenedOn: '2022-01-01', result: 'negative', action: 'none' });
      });
      const recalls = (query: string, client = clients.dokter as ApiClient) => client.get(`/api/v1/health/recalls?${query}`);

      it('lists overdue recalls by next date with days overdue, the worker and (for the clinician) the result', async () => {
        const overdue = await recalls('status=overdue');
        expect(overdue.status).toBe(200);
        expect(overdue.body.asOf).toBe(TODAY);
        expect(overdue.body.items).toEqual([
          expect.objectContaining({
            personId: p.e,
            method: 'pap_smear',
            lastScreenedOn: '2022-01-01',
            lastResult: 'negative',
            nextDueOn: '2025-01-01',
            daysOverdue: 433,
            workerName: 'dr. Ahmad Fauzi',
            villageCode: KRICAK,
          }),
          expect.objectContaining({ personId: p.b, nextDueOn: '2026-02-01', daysOverdue: 37, lastResult: 'positive' }),
        ]);
        expect(overdue.body.items[0].name).not.toBe('');
        // The administrator sees the dates, not the result.
        const asAdmin = await recalls('status=overdue', clients.admin);
        expect(asAdmin.body.items.map((i: { personId: string }) => i.personId)).toEqual([p.e, p.b]);
        expect(asAdmin.body.items[0]).not.toHaveProperty('lastResult');
      });

      it('lists recalls due within 30 days by village, then the women in the target ages never screened', async () => {
        const due = await recalls(`status=due&village=${KRICAK}&limit=200`);
        expect(due.status).toBe(200);
        const items = due.body.items as { personId: string; method: string | null; nextDueOn: string | null; villageCode: string }[];
        expect(items[0]).toMatchObject({ personId: p.a, method: 'iva', nextDueOn: '2026-03-20', daysOverdue: 0 });
        expect(items.filter((i) => i.method !== null).map((i) => i.personId)).toEqual([p.a]);
        const never = items.filter((i) => i.method === null).map((i) => i.personId);
        expect(never).toContain(p.never1);
        for (const screened of [p.a, p.b, p.c, p.e, p.young]) expect(never).not.toContain(screened);
        expect(items.every((i) => i.villageCode === KRICAK)).toBe(true);
        const next = await recalls(`status=due&village=${KRICAK_2}`);
        expect(next.body.items[0]).toMatchObject({ personId: p.d2, nextDueOn: '2026-03-15' });
        // Worker filter: only screenings the worker did, none never screened.
        const mine = await recalls('status=due&worker=me');
        expect(mine.body.items.map((i: { personId: string }) => i.personId)).toEqual([p.d2, p.a]);
      });

      it('pages with a cursor through both parts of the due list without repeating anyone', async () => {
        const all = (await recalls(`status=due&village=${KRICAK}&limit=200`)).body.items.map((i: { personId: string }) => i.personId);
        const paged: string[] = [];
        let cursor: string | null = null;
        for (let page = 0; page < 500; page++) {
          const response = await recalls(`status=due&village=${KRICAK}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
          expect(response.status).toBe(200);
          paged.push(...response.body.items.map((i: { personId: string }) => i.personId));
          cursor = response.body.nextCursor;
          if (!cursor) break;
        }
        expect(paged).toEqual(all);
        expect((await recalls('status=due&cursor=bm90LWEtY3Vyc29y')).status).toBe(422);
      });

      it('keeps to the caller’s regions: another region’s village answers like an unknown one; reads are audited', async () => {
        const outside = await recalls('status=due&village=32.04.11.2001');
        const unknown = await recalls('status=due&village=34.71.01.1999');
        expect(outside.status).toBe(422);
        expect(unknown.status).toBe(422);
        for (const refused of [outside, unknown])
          expect(refused.body.errors[0]).toMatchObject({ field: 'village', code: 'registry.village_unknown' });
        const bandung = await recalls('status=overdue', clients['bidan.bd']);
        expect(bandung.body.items).toEqual([]);
        const before = Number(await auditCount('health.read', 'recall_list'));
        await recalls('status=overdue');
        expect(Number(await auditCount('health.read', 'recall_list'))).toBe(before + 1);
        for (const username of ['manajer', 'kasir', 'pendamping', 'kader', 'pembina', 'auditor'])
          expect((await recalls('status=due', clients[username])).status, username).toBe(403);
      });
    });
  });
}
