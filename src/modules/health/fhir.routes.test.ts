import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../context.ts';
import { fixedClock } from '../../core/clock.ts';
import { createLogger } from '../../http/logger.ts';
import { buildServer } from '../../http/server.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { validateFhir } from '../../testing/fhir-validation.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../../testing/server.ts';
import { addUser } from '../identity/index.ts';
import { addOffice, createOrganisation } from '../organisation/index.ts';
import { registerHousehold } from '../registry/index.ts';
import { derivedId } from './fhir.rules.ts';
import { exportPersonFhir } from './fhir.service.ts';

const PASSWORD = 'rahasia-uji-123';
const ENCOUNTER = '0190a000-0000-7000-8000-0000000000e1';
const REFERRAL = '0190a000-0000-7000-8000-0000000000f1';
const SCREENING = '0190a000-0000-7000-8000-0000000000a1';
const UNKNOWN = '0190a000-0000-7000-8000-000000000999';
const clock = fixedClock(new Date('2025-04-01T02:00:00Z'));

for (const kind of testDatabaseKinds()) {
  describe(`GET /api/v1/persons/{id}/fhir [${kind}]`, () => {
    let server: TestServer;
    const as = new Map<string, ApiClient>();
    let siti = '';
    let bare = '';
    let asep = '';
    let nakes = '';

    beforeAll(async () => {
      server = await startTestServer(kind, { serveWeb: false, clock });
      const system = { ...systemTestContext(server.database), clock };
      await inTransaction(system, async (tx) => {
        await createOrganisation(tx, system, { name: 'Uji FHIR' });
        await addOffice(tx, system, {
          code: 'YK01',
          name: 'Kantor YK01',
          kind: 'branch',
          regionCode: '34.71',
          coveredRegionCodes: ['34.71'],
        });
        await addOffice(tx, system, {
          code: 'BD01',
          name: 'Kantor BD01',
          kind: 'branch',
          regionCode: '32.04',
          coveredRegionCodes: ['32.04'],
        });
        for (const [username, fullName, role, officeCodes] of [
          ['admin', 'Admin Sistem', 'admin', []],
          ['nakes', 'dr. Rina Wulandari', 'health_worker', ['YK01']],
          ['nakesbd', 'Bidan Euis', 'health_worker', ['BD01']],
          ['sri', 'Sri Wahyuni', 'facilitator', ['YK01']],
          ['manajer', 'Budi Santoso', 'manager', ['YK01']],
          ['kasir', 'Dewi Lestari', 'cashier', ['YK01']],
        ] as const)
          await addUser(tx, system, { username, fullName, role, password: PASSWORD, officeCodes: [...officeCodes] });
      });
      const yk = await registerHousehold(system, {
        kkNumber: '3471010101260001',
        villageCode: '34.71.01.1001',
        address: 'Jl. Kricak Kidul 12',
        rt: '002',
        rw: '010',
        cards: {},
        members: [
          {
            nik: '3471014101800001',
            fullName: 'Siti Aminah',
            sex: 'F',
            birthPlace: 'Yogyakarta',
            birthDate: '1980-01-01',
            relation: 'head',
          },
          { nik: '3471010202050002', fullName: 'Bagus', sex: 'M', birthPlace: 'Yogyakarta', birthDate: '2005-02-02', relation: 'child' },
        ],
      });
      siti = yk.members.find((m) => m.fullName === 'Siti Aminah')?.id ?? '';
      bare = yk.members.find((m) => m.fullName === 'Bagus')?.id ?? '';
      const bd = await registerHousehold(system, {
        kkNumber: '3204110101260009',
        villageCode: '32.04.11.2002',
        address: 'Kp. Cibodas',
        cards: {},
        members: [
          {
            nik: '3204111203750001',
            fullName: 'Asep Sunandar',
            sex: 'M',
            birthPlace: 'Bandung',
            birthDate: '1975-03-12',
            relation: 'head',
          },
        ],
      });
      asep = bd.members[0]?.id ?? '';

      const db = server.database.db;
      const users = await db.selectFrom('app_user').select(['id', 'username']).execute();
      nakes = users.find((u) => u.username === 'nakes')?.id ?? '';
      const office = (await db.selectFrom('office').select('id').where('code', '=', 'YK01').executeTakeFirstOrThrow()).id;
      await db
        .insertInto('health_profile')
        .values({
          person_id: siti,
          pregnant: true,
          last_menstrual_period: '2025-01-05',
          expected_delivery: '2025-10-12',
          pregnancies: 3,
          disability: 'none',
          smoker: false,
          kb_method: null,
          updated_by: null,
          updated_at: new Date('2025-03-01T03:00:00Z'),
        })
        .execute();
      await db
        .insertInto('health_condition')
        .values({ person_id: siti, code: 'hipertensi', note: 'minum amlodipin', since: '2019-05-01', treated_regularly: true })
        .execute();
      await db
        .insertInto('health_encounter')
        .values({
          id: ENCOUNTER,
          person_id: siti,
          village_code: '34.71.01.1001',
          office_id: office,
          worker_id: nakes,
          profession: 'doctor',
          place: 'clinic',
          encountered_on: '2025-03-01',
          complaint: 'Pusing dan tengkuk berat',
          systolic: 150,
          diastolic: 95,
          weight_kg: '60.5',
          height_cm: '155.0',
          temperature_c: '36.8',
          glucose_mg_dl: 110,
          treatment: 'Amlodipin 5 mg',
        })
        .execute();
      await db
        .insertInto('encounter_diagnosis')
        .values([
          { encounter_id: ENCOUNTER, code: 'I10', rank: 1 },
          { encounter_id: ENCOUNTER, code: 'R51', rank: 2 },
        ])
        .execute();
      await db
        .insertInto('referral')
        .values({
          id: REFERRAL,
          encounter_id: ENCOUNTER,
          person_id: siti,
          village_code: '34.71.01.1001',
          destination_kind: 'hospital',
          destination: 'RSUD Kota Yogyakarta',
          reason: 'Hipertensi tidak terkontrol',
          referred_on: '2025-03-01',
          outcome: 'Dirawat jalan',
          outcome_on: '2025-03-10',
          outcome_by: nakes,
        })
        .execute();
      await db
        .insertInto('screening')
        .values({
          id: SCREENING,
          person_id: siti,
          village_code: '34.71.01.1001',
          office_id: office,
          worker_id: nakes,
          method: 'iva',
          screened_on: '2025-02-01',
          result: 'positive',
          action: 'cryotherapy',
          next_due_on: '2025-08-01',
        })
        .execute();

      for (const username of ['admin', 'nakes', 'nakesbd', 'sri', 'manajer', 'kasir']) {
        const client = new ApiClient(server.url);
        await client.login(username, PASSWORD);
        as.set(username, client);
      }
    });
    afterAll(async () => server.close());

    const get = (username: string, id: string) => (as.get(username) as ApiClient).get(`/api/v1/persons/${id}/fhir`);

    it('gives the health worker the record as application/fhir+json: a valid R4 collection with the NIK, no error nor warning', async () => {
      const response = await get('nakes', siti);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="fhir-${siti}.json"`);
      const bundle = response.body as Record<string, any>;
      expect(validateFhir(bundle)).toEqual({ valid: true, problems: [] });
      expect([bundle.resourceType, bundle.type, bundle.timestamp]).toEqual(['Bundle', 'collection', '2025-04-01T02:00:00.000Z']);
      const resources = bundle.entry.map((e: any) => e.resource);
      expect(resources.map((r: any) => r.resourceType)).toEqual([
        'Patient',
        'Condition', // hypertension, problem list
        'Observation', // pregnant
        'Observation', // expected delivery
        'Observation', // last period
        'Observation', // pregnancies
        'Encounter',
        'Condition', // I10
        'Condition', // R51
        'Observation', // blood pressure
        'Observation', // weight
        'Observation', // height
        'Observation', // temperature
        'Observation', // glucose
        'ServiceRequest',
        'Procedure', // IVA
        'Observation', // its result
        'Procedure', // cryotherapy
      ]);
      const patient = resources[0];
      expect(patient.identifier).toEqual([{ use: 'official', system: 'https://fhir.kemkes.go.id/id/nik', value: '3471014101800001' }]);
      expect(patient.address[0]).toMatchObject({ line: ['Jl. Kricak Kidul 12'], city: 'Kota Yogyakarta', country: 'ID' });
      expect(patient.address[0].extension[0].extension.map((e: any) => e.valueCode)).toEqual([
        '34',
        '3471',
        '347101',
        '3471011001',
        '2',
        '10',
      ]);
      const encounter = resources.find((r: any) => r.id === ENCOUNTER);
      expect(encounter.participant[0].individual).toEqual({ display: 'dr. Rina Wulandari' });
      const weight = resources.find((r: any) => r.id === derivedId(ENCOUNTER, 'vital/weight'));
      expect(weight.valueQuantity).toEqual({ value: 60.5, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' });
      const referral = resources.find((r: any) => r.id === REFERRAL);
      expect([referral.status, referral.performer, referral.requester, referral.encounter]).toEqual([
        'completed',
        [{ display: 'RSUD Kota Yogyakarta' }],
        { display: 'dr. Rina Wulandari' },
        { reference: `urn:uuid:${ENCOUNTER}` },
      ]);
      expect(resources.find((r: any) => r.id === derivedId(siti, 'pregnancy/status')).effectiveDateTime).toBe('2025-03-01');
    });

    it('audits the read once, by which records were read, never what they say', async () => {
      // The clock stands still in this test: the admin's rows are told apart by the actor.
      const reads = () =>
        server.database.db
          .selectFrom('audit_log')
          .selectAll()
          .where('entity_type', '=', 'fhir')
          .where('actor_username', '=', 'admin')
          .execute();
      expect(await reads()).toEqual([]);
      expect((await get('admin', siti)).status).toBe(200);
      const rows = await reads();
      expect(rows.length).toBe(1);
      const row = rows[0];
      expect([row?.action, row?.entity_id, row?.actor_username, row?.region_code]).toEqual(['health.read', siti, 'admin', '34.71.01.1001']);
      expect(row?.after).toEqual({ encounters: [ENCOUNTER], referrals: [REFERRAL], screenings: [SCREENING] });
      expect(JSON.stringify(row)).not.toMatch(/I10|Pusing|amlodipin|positive|3471014101800001/);
    });

    it('gives a person with no health record as a bundle of the Patient alone', async () => {
      const response = await get('nakes', bare);
      expect(response.status).toBe(200);
      expect(validateFhir(response.body)).toEqual({ valid: true, problems: [] });
      expect(response.body.entry.map((e: any) => [e.resource.resourceType, e.resource.gender, e.resource.birthDate])).toEqual([
        ['Patient', 'male', '2005-02-02'],
      ]);
    });

    it('answers a person of another office exactly as an unknown one (404), for the health worker and in the service', async () => {
      const other = await get('nakesbd', siti);
      const unknown = await get('nakesbd', UNKNOWN);
      expect([other.status, unknown.status]).toEqual([404, 404]);
      expect(other.body.code).toBe(unknown.body.code);
      expect((await get('nakes', asep)).status).toBe(404);
      expect((await get('nakesbd', asep)).status).toBe(200);
      expect((await get('nakes', 'bukan-uuid')).status).toBe(422);
      const audited = await server.database.db.selectFrom('audit_log').select('entity_id').where('entity_type', '=', 'fhir').execute();
      expect(audited.map((a) => a.entity_id)).not.toContain(UNKNOWN);
    });

    it('refuses every role but health workers and the administrator (403), and anyone signed out (401)', async () => {
      for (const username of ['sri', 'manajer', 'kasir']) expect([username, (await get(username, siti)).status]).toEqual([username, 403]);
      expect((await new ApiClient(server.url).get(`/api/v1/persons/${siti}/fhir`)).status).toBe(401);
      const ctx = {
        ...systemTestContext(server.database),
        actor: {
          kind: 'user' as const,
          id: nakes,
          username: 'sri',
          fullName: 'Sri Wahyuni',
          role: 'facilitator' as const,
          offices: [],
          scope: { kind: 'regions' as const, regionCodes: ['34.71'], officeIds: [] },
          via: 'session' as const,
        },
      };
      await expect(exportPersonFhir(ctx, siti)).rejects.toMatchObject({ code: 'auth.forbidden', kind: 'forbidden' });
    });

    it('writes nothing clinical (nor the NIK) to the log', async () => {
      const lines: string[] = [];
      const sink = new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      });
      const app = await buildServer({ database: server.database, logger: createLogger('debug', sink), serveWeb: false, clock });
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nakes', password: PASSWORD } });
      const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
      const response = await app.inject({ method: 'GET', url: `/api/v1/persons/${siti}/fhir`, headers: { cookie } });
      await app.close();
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('I10');
      const log = lines.join('');
      expect(log).toContain(`/api/v1/persons/${siti}/fhir`);
      expect(log).not.toMatch(/I10|R51|Pusing|amlodipin|RSUD|Krioterapi|3471014101800001|Siti Aminah/);
    });

    it('is described in the OpenAPI document as a FHIR file for clinical readers', async () => {
      const spec = (await new ApiClient(server.url).get('/api/openapi.json')).body;
      const operation = spec.paths['/api/v1/persons/{id}/fhir'].get;
      expect(operation.description).toBe('Who may call: health_worker, admin.');
      expect(Object.keys(operation.responses['200'].content)).toEqual(['application/fhir+json']);
    });
  });
}
