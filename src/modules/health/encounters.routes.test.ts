import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDate, systemClock } from '../../core/clock.ts';
import { addDays } from '../../core/dates.ts';
import { createLogger } from '../../http/logger.ts';
import { buildServer } from '../../http/server.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { pdfText } from '../../testing/pdf-text.ts';
import { ApiClient, startTestServer, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';

const NO_SUCH_ID = '01900000-0000-7000-8000-000000000000';
const today = businessDate(systemClock);
const ENCOUNTER = {
  profession: 'doctor',
  place: 'home',
  encounteredOn: addDays(today, -3),
  complaint: 'Pusing dan tengkuk terasa berat sejak seminggu',
  vitals: { systolic: 150, diastolic: 95, weightKg: 60, heightCm: 155, temperatureC: 37.8, glucoseMgDl: 210 },
  diagnoses: ['i10', 'E119'],
  treatment: 'Amlodipin 5 mg 1×1, metformin 500 mg 2×1',
};
const REFERRAL = { destinationKind: 'puskesmas', destination: 'Puskesmas Tegalrejo', reason: 'Gula darah tinggi, perlu pemeriksaan HbA1c' };

for (const kind of testDatabaseKinds()) {
  describe(`health encounters, referrals and illness [${kind}]`, () => {
    let server: TestServer;
    const clients: Record<string, ApiClient> = {};
    let ykPerson: { id: string; nik: string; full_name: string; birth_date: string };
    let ykOther: string;
    let bdPerson: string;

    const login = async (username: string) => {
      const client = new ApiClient(server.url);
      await client.login(username, DEMO_PASSWORD);
      return client;
    };
    const put = (client: ApiClient, path: string, body: unknown) => client.request('PUT', path, body);
    const readAudits = (entityId: string) =>
      server.database.db
        .selectFrom('audit_log')
        .select(['action', 'entity_type', 'after', 'actor_username'])
        .where('entity_id', '=', entityId)
        .where('action', '=', 'health.read')
        .execute();

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false });
      for (const name of ['dokter', 'admin', 'kasir', 'pendamping', 'kader', 'auditor', 'pembina', 'manajer'])
        clients[name] = await login(name);
      const adults = await server.database.db
        .selectFrom('person')
        .select(['id', 'nik', 'full_name', 'birth_date'])
        .where('village_code', '=', '34.71.01.1001')
        .where('died_on', 'is', null)
        .where('birth_date', '<', '1990-01-01')
        .orderBy('id')
        .limit(2)
        .execute();
      [ykPerson] = adults as [typeof ykPerson];
      ykOther = (adults[1] as { id: string }).id;
      bdPerson = (
        await server.database.db
          .selectFrom('person')
          .select('id')
          .where('village_code', '=', '32.04.11.2002')
          .where('died_on', 'is', null)
          .where('birth_date', '<', '1990-01-01')
          .orderBy('id')
          .executeTakeFirstOrThrow()
      ).id;
    });
    afterAll(async () => server.close());

    const dokter = () => clients.dokter as ApiClient;

    it('records an encounter with vitals, flags, ICD-10 diagnoses as the list writes them and a referral', async () => {
      const response = await dokter().post(`/api/v1/persons/${ykPerson.id}/encounters`, { ...ENCOUNTER, referral: REFERRAL });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      expect(response.body).toMatchObject({
        personId: ykPerson.id,
        profession: 'doctor',
        place: 'home',
        vitals: ENCOUNTER.vitals,
        flags: { bloodPressure: 'high', temperature: 'fever', glucose: 'high', bmi: { value: '25.0', category: 'normal' } },
        diagnoses: [
          { code: 'I10', name: 'Hipertensi esensial (primer)' },
          { code: 'E11.9', name: 'Diabetes melitus tipe 2 tanpa komplikasi' },
        ],
        worker: { name: 'dr. Ahmad Fauzi' },
        referral: { destinationKind: 'puskesmas', destination: 'Puskesmas Tegalrejo', referredOn: ENCOUNTER.encounteredOn, outcome: null },
      });
    });

    it('refuses vitals out of range naming the field, unit and range; unknown or repeated codes; dates in the future or before birth', async () => {
      const post = (body: Record<string, unknown>) => dokter().post(`/api/v1/persons/${ykPerson.id}/encounters`, { ...ENCOUNTER, ...body });
      const high = await post({ vitals: { systolic: 300, diastolic: 80 } });
      expect(high.status).toBe(422);
      expect(high.body.errors).toEqual([
        {
          field: 'vitals.systolic',
          code: 'health.vital_out_of_range',
          message: 'Di luar rentang yang dapat diukur: 60–260 mmHg.',
        },
      ]);
      const decimals = await post({ vitals: { weightKg: 60.25 } });
      expect(decimals.body.errors[0]).toMatchObject({ field: 'vitals.weightKg', code: 'health.vital_decimals' });
      const inverted = await post({ vitals: { systolic: 90, diastolic: 95 } });
      expect(inverted.body.errors[0]).toMatchObject({ field: 'vitals.diastolic', code: 'health.diastolic_not_below_systolic' });
      const unknown = await post({ diagnoses: ['I10', 'X99.9'] });
      expect(unknown.status).toBe(422);
      expect(unknown.body.errors).toEqual([
        { field: 'diagnoses.1', code: 'health.unknown_icd10', message: 'Kode ICD-10 X99.9 tidak ada dalam daftar.' },
      ]);
      const twice = await post({ diagnoses: ['I10', 'i10'] });
      expect(twice.body.errors[0]).toMatchObject({ field: 'diagnoses.1', code: 'health.duplicate_diagnosis' });
      const future = await post({ encounteredOn: addDays(today, 1) });
      expect(future.body.errors[0]).toMatchObject({ field: 'encounteredOn', code: 'common.date_in_future' });
      const beforeBirth = await post({ encounteredOn: addDays(ykPerson.birth_date, -1) });
      expect(beforeBirth.body.errors[0]).toMatchObject({ field: 'encounteredOn', code: 'health.date_before_birth' });
      const profession = await post({ profession: 'dukun' });
      expect(profession.body.errors[0]).toMatchObject({ field: 'profession' });
      const english = await new ApiClient(server.url, { 'accept-language': 'en' });
      Object.assign(english, { cookie: dokter().cookie, csrfToken: dokter().csrfToken });
      const inEnglish = await english.post(`/api/v1/persons/${ykPerson.id}/encounters`, { ...ENCOUNTER, vitals: { temperatureC: 46 } });
      expect(inEnglish.body.errors[0].message).toBe('Outside the range that can be measured: 30–45 °C.');
    });

    it('answers another office’s person exactly as an unknown one (404), for writes and reads', async () => {
      const other = await dokter().post(`/api/v1/persons/${bdPerson}/encounters`, ENCOUNTER);
      const none = await dokter().post(`/api/v1/persons/${NO_SUCH_ID}/encounters`, ENCOUNTER);
      expect(other.status).toBe(404);
      expect(none.status).toBe(404);
      expect(other.body.code).toBe(none.body.code);
      expect((await dokter().get(`/api/v1/persons/${bdPerson}/encounters`)).status).toBe(404);
      expect((await dokter().get(`/api/v1/persons/${bdPerson}/illnesses`)).status).toBe(404);
      // The admin is organisation-wide but writes no clinical record.
      expect((await clients.admin?.post(`/api/v1/persons/${bdPerson}/encounters`, ENCOUNTER))?.status).toBe(403);
      const bdEncounters = await clients.admin?.get(`/api/v1/persons/${bdPerson}/encounters`);
      expect(bdEncounters?.status).toBe(200);
    });

    it('shows encounters to health workers and the admin only: other roles get 403 on every clinical route', async () => {
      const list = await dokter().get(`/api/v1/persons/${ykPerson.id}/encounters`);
      const encounter = list.body.items[0];
      const referralId = encounter.referral.id as string;
      for (const name of ['kasir', 'pendamping', 'kader', 'auditor', 'pembina', 'manajer']) {
        const client = clients[name] as ApiClient;
        const paths = [
          `/api/v1/persons/${ykPerson.id}/encounters`,
          `/api/v1/encounters/${encounter.id}`,
          `/api/v1/referrals/${referralId}/letter.pdf`,
          '/api/v1/health/referrals',
          '/api/v1/health/icd10?q=I10',
        ];
        for (const path of paths) expect((await client.get(path)).status, `${name} ${path}`).toBe(403);
        expect((await client.post(`/api/v1/persons/${ykPerson.id}/encounters`, ENCOUNTER)).status, name).toBe(403);
        expect((await put(client, `/api/v1/referrals/${referralId}/outcome`, { outcome: 'treated', outcomeOn: today })).status).toBe(403);
      }
      expect((await clients.admin?.get(`/api/v1/encounters/${encounter.id}`))?.status).toBe(200);
    });

    it('audits every read of a clinical record: one row per request, lists naming the ids read, no diagnosis in it', async () => {
      const before = (await readAudits(ykPerson.id)).length;
      const list = await dokter().get(`/api/v1/persons/${ykPerson.id}/encounters`);
      const after = await readAudits(ykPerson.id);
      expect(after.length).toBe(before + 1);
      expect(after.at(-1)).toMatchObject({ entity_type: 'person', actor_username: 'dokter', after: { ids: [list.body.items[0].id] } });
      const encounterId = list.body.items[0].id as string;
      const seen = (await readAudits(encounterId)).length;
      await clients.admin?.get(`/api/v1/encounters/${encounterId}`);
      const reads = await readAudits(encounterId);
      expect(reads.length).toBe(seen + 1);
      expect(reads.at(-1)).toMatchObject({ entity_type: 'health_encounter', actor_username: 'admin', after: null });
      const referralId = list.body.items[0].referral.id as string;
      await dokter().get(`/api/v1/referrals/${referralId}/letter.pdf`);
      expect(await readAudits(referralId)).toHaveLength(1);
      const trail = JSON.stringify(
        await server.database.db.selectFrom('audit_log').select(['before', 'after']).where('action', 'like', 'health.%').execute(),
      );
      expect(trail).not.toContain('I10');
      expect(trail).not.toContain('E11.9');
      expect(trail).not.toContain('Amlodipin');
    });

    it('prints the referral letter with patient, findings, diagnoses, treatment, reason, destination and the worker’s full name', async () => {
      const list = await dokter().get(`/api/v1/persons/${ykPerson.id}/encounters`);
      const referralId = list.body.items[0].referral.id as string;
      const response = await fetch(`${server.url}/api/v1/referrals/${referralId}/letter.pdf`, {
        headers: { cookie: dokter().cookie ?? '' },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('application/pdf');
      const text = pdfText(Buffer.from(await response.arrayBuffer()));
      for (const expected of [
        'SURAT RUJUKAN',
        'Kepada Yth. Puskesmas Tegalrejo di tempat',
        ykPerson.full_name,
        ykPerson.nik,
        'Tekanan darah: 150/95 mmHg',
        'Suhu: 37,8 °C',
        'Gula darah sewaktu: 210 mg/dL',
        'I10 Hipertensi esensial (primer) (utama)',
        'E11.9 Diabetes melitus tipe 2 tanpa komplikasi',
        'Amlodipin 5 mg',
        'Gula darah tinggi, perlu pemeriksaan HbA1c',
        'Dokter pemeriksa',
        '( dr. Ahmad Fauzi )',
      ])
        expect(text).toContain(expected);
      expect(text).not.toContain('( dokter )');
    });

    it('records the referral’s outcome later, not before the referral nor in the future, and lists open referrals until then', async () => {
      const list = await dokter().get(`/api/v1/persons/${ykPerson.id}/encounters`);
      const referralId = list.body.items[0].referral.id as string;
      const open = await dokter().get('/api/v1/health/referrals');
      expect(open.body.items.map((r: { id: string }) => r.id)).toContain(referralId);
      const early = await put(dokter(), `/api/v1/referrals/${referralId}/outcome`, { outcome: 'treated', outcomeOn: addDays(today, -4) });
      expect(early.body.errors[0]).toMatchObject({ field: 'outcomeOn', code: 'health.outcome_before_referral' });
      const later = await put(dokter(), `/api/v1/referrals/${referralId}/outcome`, { outcome: 'treated', outcomeOn: addDays(today, 1) });
      expect(later.body.errors[0]).toMatchObject({ field: 'outcomeOn', code: 'common.date_in_future' });
      const done = await put(dokter(), `/api/v1/referrals/${referralId}/outcome`, { outcome: 'referred_back', outcomeOn: today });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ id: referralId, outcome: 'referred_back', outcomeOn: today });
      const again = await dokter().get(`/api/v1/encounters/${list.body.items[0].id}`);
      expect(again.body.referral).toMatchObject({ outcome: 'referred_back', outcomeOn: today });
      const still = await dokter().get('/api/v1/health/referrals');
      expect(still.body.items.map((r: { id: string }) => r.id)).not.toContain(referralId);
      expect((await put(dokter(), `/api/v1/referrals/${NO_SUCH_ID}/outcome`, { outcome: 'treated', outcomeOn: today })).status).toBe(404);
    });

    it('pages a person’s encounters newest first and answers a retried submission once', async () => {
      const headers = { 'Idempotency-Key': 'enc-retry-1' };
      const body = { ...ENCOUNTER, encounteredOn: addDays(today, -1), diagnoses: ['J06.9'], vitals: undefined, referral: undefined };
      const first = await dokter().request('POST', `/api/v1/persons/${ykOther}/encounters`, body, headers);
      const retry = await dokter().request('POST', `/api/v1/persons/${ykOther}/encounters`, body, headers);
      expect(first.status).toBe(201);
      expect(retry.body.id).toBe(first.body.id);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      await dokter().post(`/api/v1/persons/${ykOther}/encounters`, { ...body, encounteredOn: addDays(today, -10) });
      await dokter().post(`/api/v1/persons/${ykOther}/encounters`, { ...body, encounteredOn: today, place: 'clinic', profession: 'nurse' });
      const page1 = await dokter().get(`/api/v1/persons/${ykOther}/encounters?limit=2`);
      expect(page1.body.items.map((e: { encounteredOn: string }) => e.encounteredOn)).toEqual([today, addDays(today, -1)]);
      expect(page1.body.items[1].flags).toEqual({ bloodPressure: null, temperature: null, glucose: null, bmi: null });
      const page2 = await dokter().get(`/api/v1/persons/${ykOther}/encounters?limit=2&cursor=${page1.body.nextCursor}`);
      expect(page2.body.items.map((e: { encounteredOn: string }) => e.encounteredOn)).toEqual([addDays(today, -10)]);
      expect(page2.body.nextCursor).toBeNull();
      expect((await dokter().get(`/api/v1/persons/${ykOther}/encounters?cursor=xyz`)).status).toBe(422);
    });

    it('searches the ICD-10 list by code or name, at most 20', async () => {
      const byName = await dokter().get('/api/v1/health/icd10?q=hipertensi');
      expect(byName.body.items[0]).toEqual({
        code: 'I10',
        nameId: 'Hipertensi esensial (primer)',
        nameEn: 'Essential (primary) hypertension',
      });
      const byCode = await clients.admin?.get('/api/v1/health/icd10?q=e11');
      expect(byCode?.body.items.map((e: { code: string }) => e.code)).toEqual(['E11.4', 'E11.5', 'E11.9']);
      expect((await dokter().get('/api/v1/health/icd10')).body.items).toHaveLength(20);
    });

    describe('illness episodes', () => {
      it('lets the facilitator record, close and list a member’s illness, with days unable computed', async () => {
        const pendamping = clients.pendamping as ApiClient;
        const fromOn = addDays(today, -9);
        const created = await pendamping.post(`/api/v1/persons/${bdPerson}/illnesses`, { fromOn, toOn: null });
        expect(created.status, JSON.stringify(created.body)).toBe(201);
        expect(created.body).toMatchObject({ personId: bdPerson, fromOn, toOn: null, daysUnable: 10, daysUnableGiven: false, open: true });
        const overlap = await pendamping.post(`/api/v1/persons/${bdPerson}/illnesses`, {
          fromOn: addDays(today, -20),
          toOn: addDays(today, -9),
        });
        expect(overlap.status).toBe(409);
        expect(overlap.body.errors[0]).toMatchObject({ field: 'fromOn', code: 'health.illness_overlaps_open' });
        const closed = await put(pendamping, `/api/v1/illnesses/${created.body.id}`, { fromOn, toOn: addDays(today, -2) });
        expect(closed.body).toMatchObject({ toOn: addDays(today, -2), daysUnable: 8, open: false });
        const earlier = await pendamping.post(`/api/v1/persons/${bdPerson}/illnesses`, {
          fromOn: addDays(today, -40),
          toOn: addDays(today, -31),
          daysUnable: 5,
        });
        expect(earlier.body).toMatchObject({ daysUnable: 5, daysUnableGiven: true });
        const clash = await put(pendamping, `/api/v1/illnesses/${earlier.body.id}`, {
          fromOn: addDays(today, -40),
          toOn: addDays(today, -5),
        });
        expect(clash.status).toBe(409);
        expect(clash.body.errors[0]).toMatchObject({ field: 'fromOn', code: 'health.illness_overlaps' });
        expect(clash.body.params).toEqual({ fromOn, toOn: addDays(today, -2) });
        const list = await pendamping.get(`/api/v1/persons/${bdPerson}/illnesses`);
        expect(list.body.items.map((e: { fromOn: string }) => e.fromOn)).toEqual([fromOn, addDays(today, -40)]);
        expect(list.body.status).toEqual({ status: 'recovering', unableFrom: fromOn, unableUntil: addDays(today, -2) });
        expect(JSON.stringify(list.body)).not.toMatch(/diagnos|icd/i);
      });

      it('refuses bad dates and more days than the episode has', async () => {
        const pendamping = clients.pendamping as ApiClient;
        const post = (body: unknown) => pendamping.post(`/api/v1/persons/${bdPerson}/illnesses`, body);
        expect((await post({ fromOn: addDays(today, 1), toOn: null })).body.errors[0]).toMatchObject({
          field: 'fromOn',
          code: 'common.date_in_future',
        });
        expect((await post({ fromOn: addDays(today, -60), toOn: addDays(today, -61) })).body.errors[0]).toMatchObject({
          field: 'toOn',
          code: 'health.to_before_from',
        });
        expect((await post({ fromOn: addDays(today, -60), toOn: addDays(today, -58), daysUnable: 4 })).body.errors[0]).toMatchObject({
          field: 'daysUnable',
          code: 'health.days_unable_too_many',
          message: 'Paling banyak 3 hari dalam rentang tanggal ini.',
        });
        expect((await post({ fromOn: '2026-02-30', toOn: null })).status).toBe(422);
      });

      it('lets health workers and the admin record illness, not cashiers or cadres; every status reader sees only the status', async () => {
        const recorded = await dokter().post(`/api/v1/persons/${ykPerson.id}/illnesses`, {
          fromOn: addDays(today, -1),
          toOn: addDays(today, 5),
        });
        expect(recorded.status).toBe(201);
        expect(recorded.body.daysUnable).toBe(7);
        for (const name of ['kasir', 'kader', 'auditor', 'pembina', 'manajer']) {
          const client = clients[name] as ApiClient;
          expect((await client.post(`/api/v1/persons/${ykPerson.id}/illnesses`, { fromOn: today, toOn: null })).status, name).toBe(403);
          expect((await client.get(`/api/v1/persons/${ykPerson.id}/illnesses`)).status, name).toBe(403);
        }
        for (const name of ['kasir', 'pembina', 'manajer', 'auditor']) {
          const status = await (clients[name] as ApiClient).get(`/api/v1/persons/${ykPerson.id}/illness-status`);
          expect(status.body, name).toEqual({ status: 'ill', unableFrom: addDays(today, -1), unableUntil: addDays(today, 5) });
        }
        // The facilitator's office is in Bandung: a Yogyakarta member is unknown to them.
        expect((await clients.pendamping?.post(`/api/v1/persons/${ykPerson.id}/illnesses`, { fromOn: today, toOn: null }))?.status).toBe(
          404,
        );
        expect((await clients.pendamping?.get(`/api/v1/persons/${bdPerson}/encounters`))?.status).toBe(403);
      });
    });

    it('writes no diagnosis, complaint or vital into the logs', async () => {
      const lines: string[] = [];
      const sink = new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      });
      const app: FastifyInstance = await buildServer({ database: server.database, logger: createLogger('info', sink), serveWeb: false });
      await app.listen({ port: 0, host: '127.0.0.1' });
      try {
        const address = app.server.address();
        const client = new ApiClient(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
        await client.login('dokter', DEMO_PASSWORD);
        const created = await client.post(`/api/v1/persons/${ykOther}/encounters`, {
          ...ENCOUNTER,
          diagnoses: ['F20.9'],
          referral: REFERRAL,
        });
        expect(created.status).toBe(201);
        await client.get(`/api/v1/encounters/${created.body.id}`);
        await client.post(`/api/v1/persons/${ykOther}/encounters`, { ...ENCOUNTER, diagnoses: ['F20.9', 'X99.9'] });
      } finally {
        await app.close();
      }
      const log = lines.join('');
      expect(log).toContain('/encounters');
      for (const secret of ['F20.9', 'Skizofrenia', 'Pusing', 'Amlodipin', 'HbA1c', 'X99.9']) expect(log).not.toContain(secret);
    });
  });
}
