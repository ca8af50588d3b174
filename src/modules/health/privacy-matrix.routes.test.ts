import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDate, fixedClock } from '../../core/clock.ts';
import { addDays } from '../../core/dates.ts';
import { ROLES_SEEING_IDENTIFIERS, type Role } from '../../core/roles.ts';
import type { Database } from '../../db/database.ts';
import { createLogger } from '../../http/logger.ts';
import { buildServer } from '../../http/server.ts';
import { openTestDatabase, testDatabaseKinds } from '../../testing/databases.ts';
import { pdfText } from '../../testing/pdf-text.ts';
import { ApiClient, systemTestContext } from '../../testing/server.ts';
import { DEMO_PASSWORD, fillDemo, fillDemoCadres, fillDemoHealth, fillDemoMoney } from '../demo/index.ts';
import { CLINICAL_READERS } from './health.roles.ts';
import { healthRoutes } from './index.ts';

/**
 * The privacy matrix of the health programme (issue 12, UU 27/2022): every health route of the
 * route table, as each of the eight demo users, against the demo's health caseload in Kricak
 * (YK01). Checks who is let in (2xx / 403 / 404), that what a non-clinical role receives holds
 * no clinical field or value, that every read of a clinical record writes exactly one
 * `health.read` audit row (holding no diagnosis or result), that nothing clinical (nor a NIK)
 * reaches the log, and that the comparison exports hold no person at all.
 */

const KRICAK = '34.71.01.1001';
const KRICAK_SESSION = '019a0000-0000-7000-8000-00000000d001';
const clock = fixedClock(new Date('2026-03-10T03:00:00Z'));
const today = businessDate(clock);

const USERS = {
  admin: 'admin',
  manajer: 'manager',
  kasir: 'cashier',
  pendamping: 'facilitator',
  kader: 'cadre',
  dokter: 'health_worker',
  pembina: 'supervisor',
  auditor: 'auditor',
} as const satisfies Record<string, Role>;
type User = keyof typeof USERS;
const ALL_USERS = Object.keys(USERS) as User[];
const CLINICAL_USERS = ALL_USERS.filter((u) => (CLINICAL_READERS as readonly Role[]).includes(USERS[u]));

/** Ids of the demo's health records in Kricak, read once the demo is filled. */
type Ids = {
  /** A Kricak head with a profile (hypertension), an encounter (I10) and attendance at the session. */
  person: string;
  household: string;
  encounter: string;
  /** The demo's referral (E11.9) in Kricak, for the letter. */
  referral: string;
  /** A Kricak woman with an IVA screening. */
  screened: string;
  /** A Kricak woman of the target ages never screened: the screening write goes to her. */
  unscreened: string;
  /** The demo's ill borrower. */
  ill: string;
  /** Throwaway records made for the writes: a referral of their own and a closed illness episode. */
  spareReferral: string;
  spareIllness: string;
};

type Request = { path: string; body?: unknown; idempotent?: boolean };
type Kind = 'json' | 'pdf' | 'xlsx' | 'fhir';
type Row = {
  /** Users answered 2xx. */
  ok: User[];
  /** Users whose role may call the route but to whom the Kricak record is out of scope (BD01 only): 404. Everyone else: 403. */
  notFound?: User[];
  /** A read of a clinical record: one `health.read` audit row per successful request. */
  audited?: true;
  /** Text that a clinical reader's answer must hold (the clinical fields are there). */
  clinical?: string[];
  kind?: Kind;
  request: (ids: Ids, user: User) => Request;
};

const CLINICAL_ONLY: User[] = ['dokter', 'admin'];
const CLINICIAN: User[] = ['dokter'];
const AGGREGATES: User[] = ['admin', 'manajer', 'dokter', 'pembina', 'auditor'];
/** Users whose offices cover Kricak (YK01) among status readers. */
const STATUS_IN_SCOPE: User[] = ['admin', 'manajer', 'kasir', 'dokter', 'pembina', 'auditor'];
const SESSION_IN_SCOPE: User[] = ['admin', 'manajer', 'dokter', 'pembina', 'auditor'];
/** A closed episode per user far in the past, so the users' writes never overlap. */
const ILLNESS_OFFSET: Partial<Record<User, number>> = { dokter: -120, admin: -110, pendamping: -100 };

/** The matrix: `METHOD url` of every health route → who is let in and what it is asked. */
const MATRIX: Record<string, Row> = {
  'GET /api/v1/persons/:id/health': {
    ok: CLINICAL_ONLY,
    audited: true,
    clinical: ['hipertensi'],
    request: (ids) => ({ path: `/api/v1/persons/${ids.person}/health` }),
  },
  'PUT /api/v1/persons/:id/health': {
    ok: CLINICIAN,
    request: (ids) => ({ path: `/api/v1/persons/${ids.person}/health`, body: 'same-profile' }),
  },
  'GET /api/v1/households/:id/health': {
    ok: CLINICAL_ONLY,
    audited: true,
    clinical: ['hipertensi'],
    request: (ids) => ({ path: `/api/v1/households/${ids.household}/health` }),
  },
  'PUT /api/v1/households/:id/health': {
    ok: CLINICIAN,
    request: (ids) => ({ path: `/api/v1/households/${ids.household}/health`, body: 'same-household' }),
  },
  'GET /api/v1/households/:id/iks': {
    ok: CLINICAL_ONLY,
    audited: true,
    clinical: ['"code":"hipertensi","applicable":true'],
    request: (ids) => ({ path: `/api/v1/households/${ids.household}/iks` }),
  },
  'POST /api/v1/health/iks-quote': {
    ok: ALL_USERS,
    request: () => ({
      path: '/api/v1/health/iks-quote',
      body: {
        asOf: today,
        members: [
          { birthDate: '1980-01-01', sex: 'M', relation: 'KEPALA KELUARGA', conditions: ['hipertensi'] },
          { birthDate: '1984-05-05', sex: 'F', relation: 'ISTRI' },
        ],
        answers: { kb: true, hipertensi: true },
      },
    }),
  },
  'GET /api/v1/health/iks': { ok: AGGREGATES, request: () => ({ path: '/api/v1/health/iks?by=village' }) },
  'POST /api/v1/health/iks/recompute': { ok: CLINICAL_ONLY, request: () => ({ path: `/api/v1/health/iks/recompute?village=${KRICAK}` }) },
  'GET /api/v1/health/icd10': { ok: CLINICAL_ONLY, clinical: ['I10'], request: () => ({ path: '/api/v1/health/icd10?q=I10' }) },
  'POST /api/v1/persons/:id/encounters': {
    ok: CLINICIAN,
    request: (ids) => ({
      path: `/api/v1/persons/${ids.person}/encounters`,
      idempotent: true,
      body: {
        profession: 'doctor',
        place: 'home',
        encounteredOn: addDays(today, -1),
        complaint: 'Pusing kontrol tekanan darah',
        vitals: { systolic: 146, diastolic: 92 },
        diagnoses: ['I10'],
        treatment: 'Amlodipin 5 mg dilanjutkan',
      },
    }),
  },
  'GET /api/v1/persons/:id/encounters': {
    ok: CLINICAL_ONLY,
    audited: true,
    clinical: ['I10', 'systolic', 'complaint', 'treatment'],
    request: (ids) => ({ path: `/api/v1/persons/${ids.person}/encounters` }),
  },
  'GET /api/v1/encounters/:id': {
    ok: CLINICAL_ONLY,
    audited: true,
    clinical: ['I10', 'systolic', 'Pusing'],
    request: (ids) => ({ path: `/api/v1/encounters/${ids.encounter}` }),
  },
  'GET /api/v1/health/referrals': {
    ok: CLINICAL_ONLY,
    audited: true,
    clinical: ['HbA1c'],
    request: () => ({ path: '/api/v1/health/referrals' }),
  },
  'GET /api/v1/referrals/:id/letter.pdf': {
    ok: CLINICAL_ONLY,
    audited: true,
    kind: 'pdf',
    clinical: ['E11.9', 'Metformin'],
    request: (ids) => ({ path: `/api/v1/referrals/${ids.referral}/letter.pdf` }),
  },
  'PUT /api/v1/referrals/:id/outcome': {
    ok: CLINICIAN,
    request: (ids) => ({ path: `/api/v1/referrals/${ids.spareReferral}/outcome`, body: { outcome: 'treated', outcomeOn: today } }),
  },
  'POST /api/v1/persons/:id/illnesses': {
    ok: ['dokter', 'admin'],
    notFound: ['pendamping'],
    request: (ids, user) => {
      const from = addDays(today, ILLNESS_OFFSET[user] ?? -90);
      return { path: `/api/v1/persons/${ids.person}/illnesses`, idempotent: true, body: { fromOn: from, toOn: addDays(from, 2) } };
    },
  },
  'PUT /api/v1/illnesses/:id': {
    ok: ['dokter', 'admin'],
    notFound: ['pendamping'],
    request: (ids) => ({
      path: `/api/v1/illnesses/${ids.spareIllness}`,
      body: { fromOn: addDays(today, -200), toOn: addDays(today, -195), daysUnable: 4 },
    }),
  },
  'GET /api/v1/persons/:id/illnesses': {
    ok: ['dokter', 'admin'],
    notFound: ['pendamping'],
    request: (ids) => ({ path: `/api/v1/persons/${ids.ill}/illnesses` }),
  },
  'GET /api/v1/persons/:id/illness-status': {
    ok: STATUS_IN_SCOPE,
    notFound: ['pendamping'],
    request: (ids) => ({ path: `/api/v1/persons/${ids.ill}/illness-status` }),
  },
  'POST /api/v1/persons/:id/screenings': {
    ok: CLINICIAN,
    request: (ids) => ({
      path: `/api/v1/persons/${ids.unscreened}/screenings`,
      idempotent: true,
      body: { method: 'iva', screenedOn: addDays(today, -1), result: 'negative', action: 'none' },
    }),
  },
  'GET /api/v1/persons/:id/screenings': {
    ok: CLINICAL_ONLY,
    audited: true,
    clinical: ['"result":"'],
    request: (ids) => ({ path: `/api/v1/persons/${ids.screened}/screenings` }),
  },
  'GET /api/v1/health/recalls': {
    ok: CLINICAL_ONLY,
    audited: true,
    clinical: ['nextDueOn'],
    request: () => ({ path: `/api/v1/health/recalls?status=overdue&village=${KRICAK}` }),
  },
  'GET /api/v1/health/pregnancies': {
    ok: CLINICAL_ONLY,
    audited: true,
    request: () => ({ path: '/api/v1/health/pregnancies' }),
  },
  'POST /api/v1/health/sessions': {
    ok: CLINICAL_ONLY,
    request: (ids) => ({
      path: '/api/v1/health/sessions',
      idempotent: true,
      body: { topic: 'nutrition', heldOn: addDays(today, -2), place: 'Balai RW 03 Kricak', villageCode: KRICAK, personIds: [ids.person] },
    }),
  },
  'GET /api/v1/health/sessions': {
    ok: ['admin', 'manajer', 'pendamping', 'dokter', 'pembina', 'auditor'],
    request: () => ({ path: '/api/v1/health/sessions' }),
  },
  'GET /api/v1/health/sessions/:id': {
    ok: SESSION_IN_SCOPE,
    notFound: ['pendamping'],
    request: () => ({ path: `/api/v1/health/sessions/${KRICAK_SESSION}` }),
  },
  'PUT /api/v1/health/sessions/:id/attendance': {
    ok: CLINICAL_ONLY,
    request: () => ({ path: `/api/v1/health/sessions/${KRICAK_SESSION}/attendance`, body: 'same-attendance' }),
  },
  'GET /api/v1/persons/:id/attendance': {
    ok: SESSION_IN_SCOPE,
    notFound: ['pendamping'],
    request: (ids) => ({ path: `/api/v1/persons/${ids.person}/attendance` }),
  },
  'GET /api/v1/health/status': {
    ok: ['admin', 'manajer', 'kasir', 'pendamping', 'dokter', 'pembina', 'auditor'],
    request: (ids) => ({ path: `/api/v1/health/status?persons=${ids.ill},${ids.person}` }),
  },
  'GET /api/v1/health/at-risk': {
    ok: ['admin', 'manajer', 'dokter'],
    notFound: ['pendamping'],
    request: () => ({ path: '/api/v1/health/at-risk?office=YK01' }),
  },
  'GET /api/v1/health/repayment-comparison': {
    ok: AGGREGATES,
    request: () => ({ path: '/api/v1/health/repayment-comparison?from=2025-10&to=2026-03' }),
  },
  'GET /api/v1/health/repayment-comparison.pdf': {
    ok: AGGREGATES,
    kind: 'pdf',
    request: () => ({ path: '/api/v1/health/repayment-comparison.pdf?from=2025-10&to=2026-03' }),
  },
  'GET /api/v1/health/repayment-comparison.xlsx': {
    ok: AGGREGATES,
    kind: 'xlsx',
    request: () => ({ path: '/api/v1/health/repayment-comparison.xlsx?from=2025-10&to=2026-03' }),
  },
  'GET /api/v1/persons/:id/fhir': {
    ok: CLINICAL_ONLY,
    audited: true,
    kind: 'fhir',
    clinical: ['I10', 'Pusing', '8480-6'],
    request: (ids) => ({ path: `/api/v1/persons/${ids.person}/fhir` }),
  },
};

/** The demo's diagnoses, screening results and actions, complaints and treatments: none may reach a non-clinical role, the log or the audit trail. */
const DIAGNOSES = ['I10', 'E11.9', 'J06.9'];
const RESULT_WORDS = ['negative', 'positive', 'suspected_cancer', 'inadequate', 'cryotherapy'];
const CLINICAL_TEXT = ['Pusing', 'tengkuk', 'Sering haus', 'Batuk pilek', 'Amlodipin', 'Metformin', 'Parasetamol', 'HbA1c'];
const CLINICAL_KEYS = ['systolic', 'diastolic', 'glucose', 'diagnos', 'complaint', 'result', 'treatment', 'vital', 'condition', 'pregnan'];

const keysOf = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap(keysOf)
    : value && typeof value === 'object'
      ? Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)])
      : [];

/** What a non-clinical role receives: no clinical key, no diagnosis code, result, complaint or treatment. */
function expectNothingClinical(label: string, body: unknown, text: string) {
  const keys = keysOf(body).map((k) => k.toLowerCase());
  for (const word of CLINICAL_KEYS)
    expect(
      keys.filter((k) => k.includes(word)),
      `${label}: key ${word}`,
    ).toEqual([]);
  for (const secret of [...DIAGNOSES, ...RESULT_WORDS, ...CLINICAL_TEXT]) expect(text, `${label}: ${secret}`).not.toContain(secret);
}

type Answer = { status: number; text: string; body: unknown; contentType: string };

async function xlsxText(bytes: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells: string[] = [];
  for (const sheet of workbook.worksheets) {
    cells.push(sheet.name);
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(String(cell.text));
      });
    });
  }
  return cells.join('\n');
}

for (const kind of testDatabaseKinds()) {
  describe(`the health privacy matrix: every route × every role [${kind}]`, () => {
    let database: Database;
    let app: FastifyInstance;
    let url: string;
    const logLines: string[] = [];
    const clients = {} as Record<User, ApiClient>;
    let ids: Ids;
    /** Names and NIKs of the people in the caseload: never in an aggregate, never a NIK in the log. */
    let caseload: { full_name: string; nik: string }[];
    const answers: { key: string; user: User; answer: Answer }[] = [];

    const healthReads = async () =>
      Number(
        (
          await database.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('action', '=', 'health.read')
            .executeTakeFirstOrThrow()
        ).n,
      );

    beforeAll(async () => {
      database = await openTestDatabase(kind);
      const ctx = systemTestContext(database, clock);
      await fillDemo(ctx);
      await fillDemoCadres(ctx);
      await fillDemoMoney(ctx);
      await fillDemoHealth(ctx);
      const sink = new Writable({
        write(chunk, _encoding, done) {
          logLines.push(String(chunk));
          done();
        },
      });
      app = await buildServer({ database, clock, logger: createLogger('debug', sink), serveWeb: false });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      for (const user of ALL_USERS) {
        clients[user] = new ApiClient(url);
        await clients[user].login(user, DEMO_PASSWORD);
      }

      const db = database.db;
      const encounter = await db
        .selectFrom('health_encounter as e')
        .innerJoin('encounter_diagnosis as d', 'd.encounter_id', 'e.id')
        .innerJoin('person as p', 'p.id', 'e.person_id')
        .select(['e.id', 'e.person_id', 'p.household_id'])
        .where('e.village_code', '=', KRICAK)
        .where('d.code', '=', 'I10')
        .executeTakeFirstOrThrow();
      const referral = await db.selectFrom('referral').select('id').where('village_code', '=', KRICAK).executeTakeFirstOrThrow();
      const screened = await db.selectFrom('screening').select('person_id').where('village_code', '=', KRICAK).executeTakeFirstOrThrow();
      const unscreened = await db
        .selectFrom('person')
        .select('id')
        .where('village_code', '=', KRICAK)
        .where('sex', '=', 'F')
        .where('died_on', 'is', null)
        .where('birth_date', '>=', '1980-01-01')
        .where('birth_date', '<=', '1990-01-01')
        .where('id', 'not in', db.selectFrom('screening').select('person_id'))
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const ill = await db.selectFrom('illness_episode').select('person_id').executeTakeFirstOrThrow();
      const dokter = clients.dokter;
      const spare = await dokter.post(`/api/v1/persons/${encounter.person_id}/encounters`, {
        profession: 'doctor',
        place: 'clinic',
        encounteredOn: addDays(today, -2),
        diagnoses: ['E11.9'],
        referral: { destinationKind: 'hospital', destination: 'RSUD Kota Yogyakarta', reason: 'Kontrol gula darah' },
      });
      expect(spare.status, JSON.stringify(spare.body)).toBe(201);
      const spareIllness = await dokter.post(`/api/v1/persons/${encounter.person_id}/illnesses`, {
        fromOn: addDays(today, -200),
        toOn: addDays(today, -195),
      });
      expect(spareIllness.status, JSON.stringify(spareIllness.body)).toBe(201);
      ids = {
        person: encounter.person_id,
        household: encounter.household_id,
        encounter: encounter.id,
        referral: referral.id,
        screened: screened.person_id,
        unscreened: unscreened.id,
        ill: ill.person_id,
        spareReferral: spare.body.referral.id,
        spareIllness: spareIllness.body.id,
      };
      caseload = await db
        .selectFrom('person')
        .select(['full_name', 'nik'])
        .where('id', 'in', [ids.person, ids.screened, ids.unscreened, ids.ill])
        .execute();
    }, 300_000);
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    /** The body a write sends: the record as it stands, for the writes that replace it (idempotent). */
    async function bodyOf(request: Request): Promise<unknown> {
      const dokter = clients.dokter;
      if (request.body === 'same-profile') {
        const view = (await dokter.get(`/api/v1/persons/${ids.person}/health`)).body;
        const fields = [
          'pregnant',
          'lastMenstrualPeriod',
          'expectedDelivery',
          'pregnancies',
          'disability',
          'smoker',
          'kbMethod',
          'conditions',
        ];
        return Object.fromEntries(fields.map((field) => [field, view[field]]));
      }
      if (request.body === 'same-household') {
        const view = (await dokter.get(`/api/v1/households/${ids.household}/health`)).body;
        return { cleanWater: view.cleanWater, healthyLatrine: view.healthyLatrine, answers: view.answers };
      }
      if (request.body === 'same-attendance') {
        const view = (await dokter.get(`/api/v1/health/sessions/${KRICAK_SESSION}`)).body;
        return { personIds: view.attendees.map((a: { personId: string }) => a.personId) };
      }
      return request.body;
    }

    async function call(user: User, key: string, row: Row, request: Request, body: unknown): Promise<Answer> {
      const method = key.split(' ')[0] as string;
      const client = clients[user];
      const headers: Record<string, string> = { cookie: client.cookie ?? '' };
      if (method !== 'GET') headers['x-csrf-token'] = client.csrfToken ?? '';
      if (request.idempotent) headers['idempotency-key'] = `privacy-${user}-${key.replace(/\W+/g, '-')}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${url}${request.path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const bytes = Buffer.from(await response.arrayBuffer());
      const contentType = response.headers.get('content-type') ?? '';
      const ok = response.status < 300;
      const text = ok && row.kind === 'pdf' ? pdfText(bytes) : ok && row.kind === 'xlsx' ? await xlsxText(bytes) : bytes.toString('utf8');
      const json = contentType.includes('json') && text ? JSON.parse(text) : null;
      return { status: response.status, text, body: json, contentType };
    }

    it('has a matrix row for every health route and no row for a route that is gone', () => {
      const keys = healthRoutes.map((route) => `${route.method} ${route.url}`);
      expect(
        keys.filter((key) => !(key in MATRIX)),
        'routes without a matrix row',
      ).toEqual([]);
      expect(
        Object.keys(MATRIX).filter((key) => !keys.includes(key)),
        'matrix rows without a route',
      ).toEqual([]);
    });

    it('lets in exactly the roles the route names (the matrix and health.roles.ts agree)', () => {
      for (const route of healthRoutes) {
        const row = MATRIX[`${route.method} ${route.url}`] as Row;
        const admitted = [...row.ok, ...(row.notFound ?? [])].map((u) => USERS[u]).sort();
        const named = route.auth === 'authenticated' ? ALL_USERS.map((u) => USERS[u]).sort() : [...(route.auth as Role[])].sort();
        expect(admitted, `${route.method} ${route.url}`).toEqual(named);
      }
    });

    it('answers each role as the matrix says, never a 5xx, and audits every read of a clinical record once', async () => {
      const failures: string[] = [];
      for (const route of healthRoutes) {
        const key = `${route.method} ${route.url}`;
        const row = MATRIX[key] as Row;
        for (const user of ALL_USERS) {
          const request = row.request(ids, user);
          const body = await bodyOf(request);
          const before = await healthReads();
          const answer = await call(user, key, row, request, body);
          const reads = (await healthReads()) - before;
          answers.push({ key, user, answer });
          const expected = row.ok.includes(user) ? '2xx' : row.notFound?.includes(user) ? 404 : 403;
          const got = answer.status >= 200 && answer.status < 300 ? '2xx' : answer.status;
          if (got !== expected) failures.push(`${key} as ${user}: ${answer.status} (expected ${expected}) ${answer.text.slice(0, 200)}`);
          const expectedReads = row.audited && got === '2xx' ? 1 : 0;
          if (reads !== expectedReads) failures.push(`${key} as ${user}: ${reads} health.read audit rows (expected ${expectedReads})`);
        }
      }
      expect(failures).toEqual([]);
    });

    it('gives the non-clinical roles no clinical field or value, in any answer', () => {
      const seen = answers.filter((a) => !CLINICAL_USERS.includes(a.user));
      expect(seen.filter((a) => a.answer.status < 300).length).toBeGreaterThan(30);
      for (const { key, user, answer } of seen) expectNothingClinical(`${key} as ${user}`, answer.body, answer.text);
    });

    it('gives the clinical roles the clinical fields', () => {
      for (const [key, row] of Object.entries(MATRIX)) {
        if (!row.clinical) continue;
        for (const user of CLINICAL_USERS) {
          const { answer } = answers.find((a) => a.key === key && a.user === user) ?? { answer: { text: '', status: 0 } };
          expect(answer.status, `${key} as ${user}`).toBeLessThan(300);
          for (const text of row.clinical) expect(answer.text, `${key} as ${user}`).toContain(text);
        }
      }
      // The recall list gives the last result to the health worker, who acts on it; the administrator sees the dates.
      const recalls = (user: User) => answers.find((a) => a.key === 'GET /api/v1/health/recalls' && a.user === user)?.answer.text ?? '';
      expect(recalls('dokter')).toContain('"lastResult":"positive"');
      expect(recalls('admin')).not.toContain('positive');
    });

    it('shows no unmasked NIK to the roles without identifiers', () => {
      for (const { key, user, answer } of answers.filter((a) => !ROLES_SEEING_IDENTIFIERS.includes(USERS[a.user]))) {
        expect(answer.text, `${key} as ${user}`).not.toMatch(/\d{16}/);
      }
    });

    it('keeps the comparison and its exports free of any person, for every role', () => {
      const comparisons = answers.filter((a) => a.key.includes('/repayment-comparison') && a.answer.status === 200);
      expect(comparisons).toHaveLength(3 * AGGREGATES.length);
      for (const { key, user, answer } of comparisons) {
        for (const person of caseload) {
          expect(answer.text, `${key} as ${user}`).not.toContain(person.full_name);
          expect(answer.text, `${key} as ${user}`).not.toContain(person.nik);
        }
        expect(answer.text, `${key} as ${user}`).not.toMatch(/\d{16}|personId|fullName|"name"/);
        expectNothingClinical(`${key} as ${user}`, answer.body, answer.text);
      }
      const xlsx = comparisons.find((a) => a.key.endsWith('.xlsx'))?.answer.text ?? '';
      expect(xlsx).toMatch(/2026-03/);
    });

    it('writes no diagnosis code or result into the audit trail', async () => {
      const rows = await database.db
        .selectFrom('audit_log')
        .select(['action', 'entity_type', 'before', 'after'])
        .where('action', 'like', 'health.%')
        .execute();
      expect(rows.filter((r) => r.action === 'health.read').length).toBeGreaterThanOrEqual(20);
      const trail = JSON.stringify(rows);
      for (const secret of [...DIAGNOSES, ...RESULT_WORDS, ...CLINICAL_TEXT]) expect(trail, secret).not.toContain(secret);
    });

    it('writes no diagnosis, complaint, treatment or NIK into the log', () => {
      const log = logLines.join('');
      expect(log).toContain(`/api/v1/persons/${ids.person}/fhir`);
      // The ICD-10 search is logged by its path alone: what is searched is the diagnosis about to be recorded.
      expect(log).toContain('"url":"/api/v1/health/icd10"');
      const secrets = [...DIAGNOSES, ...CLINICAL_TEXT, ...caseload.map((p) => p.nik)];
      const found = secrets.map((secret) => [secret, log.indexOf(secret)] as const).filter(([, at]) => at >= 0);
      expect(found.map(([secret, at]) => `${secret}: …${log.slice(Math.max(0, at - 300), at + 100)}…`)).toEqual([]);
    });
  });
}
