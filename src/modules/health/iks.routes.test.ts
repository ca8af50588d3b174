import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDate, systemClock } from '../../core/clock.ts';
import { addDays } from '../../core/dates.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';

const YK_VILLAGE = '34.71.01.1001';
const BD_VILLAGE = '32.04.11.2002';
const CODES = [
  'kb',
  'persalinan_faskes',
  'imunisasi_dasar',
  'asi_eksklusif',
  'pertumbuhan_balita',
  'tb_paru',
  'hipertensi',
  'gangguan_jiwa',
  'tidak_merokok',
  'jkn',
  'air_bersih',
  'jamban_sehat',
];

for (const kind of testDatabaseKinds()) {
  describe(`health profile and IKS [${kind}]`, () => {
    let server: TestServer;
    const clients: Record<string, ApiClient> = {};
    let wife: { id: string; household_id: string };
    let husband: { id: string };
    let bandung: { id: string; household_id: string };
    const today = businessDate(systemClock);

    const login = async (username: string) => {
      const client = new ApiClient(server.url);
      await client.login(username, DEMO_PASSWORD);
      return client;
    };
    const as = (username: string) => clients[username] as ApiClient;
    const audits = async (entityId: string, action = 'health.read') =>
      (
        await server.database.db
          .selectFrom('audit_log')
          .select(['action', 'actor_username', 'after'])
          .where('entity_id', '=', entityId)
          .where('action', '=', action)
          .execute()
      ).length;
    const spouseOf = async (village: string) =>
      server.database.db
        .selectFrom('person')
        .select(['id', 'household_id'])
        .where('village_code', '=', village)
        .where('relation', '=', 'wife')
        .where('sex', '=', 'F')
        .where('died_on', 'is', null)
        .orderBy('id')
        .executeTakeFirstOrThrow();

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false });
      for (const name of ['admin', 'manajer', 'kasir', 'pendamping', 'kader', 'dokter', 'pembina', 'auditor'])
        clients[name] = await login(name);
      wife = await spouseOf(YK_VILLAGE);
      husband = await server.database.db
        .selectFrom('person')
        .select('id')
        .where('household_id', '=', wife.household_id)
        .where('sex', '=', 'M')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      bandung = await spouseOf(BD_VILLAGE);
    });
    afterAll(async () => server.close());

    it('a health worker records a pregnancy: the delivery date comes from Naegele’s rule and JKN is read, not typed', async () => {
      const lmp = addDays(today, -70);
      const put = await as('dokter').request('PUT', `/api/v1/persons/${wife.id}/health`, {
        pregnant: true,
        lastMenstrualPeriod: lmp,
        pregnancies: 2,
        smoker: false,
        kbMethod: 'none',
        conditions: [{ code: 'hipertensi', treatedRegularly: true }],
      });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
      expect(put.body).toMatchObject({
        personId: wife.id,
        recorded: true,
        pregnant: true,
        lastMenstrualPeriod: lmp,
        expectedDelivery: addDays(lmp, 280),
        pregnancies: 2,
        conditions: [{ code: 'hipertensi', note: '', since: null, treatedRegularly: true }],
      });
      expect(put.body.jkn).toHaveProperty('member');
      const typed = await as('dokter').request('PUT', `/api/v1/persons/${wife.id}/health`, { jkn: { member: true } });
      expect(typed.status).toBe(422);
      // The change is audited by field name only: no clinical value in the trail.
      const [change] = await server.database.db
        .selectFrom('audit_log')
        .select('after')
        .where('entity_id', '=', wife.id)
        .where('action', '=', 'health.profile.update')
        .execute();
      expect(JSON.stringify(change?.after)).not.toContain('hipertensi');
    });

    it('every read of a profile writes one audit row; the admin reads, other roles are refused', async () => {
      const before = await audits(wife.id);
      const read = await as('dokter').get(`/api/v1/persons/${wife.id}/health`);
      expect(read.status).toBe(200);
      expect(await audits(wife.id)).toBe(before + 1);
      expect((await as('admin').get(`/api/v1/persons/${wife.id}/health`)).status).toBe(200);
      expect(await audits(wife.id)).toBe(before + 2);
      for (const name of ['manajer', 'kasir', 'pendamping', 'kader', 'pembina', 'auditor']) {
        const refused = await as(name).get(`/api/v1/persons/${wife.id}/health`);
        expect(refused.status, name).toBe(403);
      }
      expect(await audits(wife.id)).toBe(before + 2);
      expect((await as('admin').request('PUT', `/api/v1/persons/${wife.id}/health`, {})).status).toBe(403);
    });

    it('a person or household of another office answers like an unknown one (404)', async () => {
      const other = await as('dokter').get(`/api/v1/persons/${bandung.id}/health`);
      const unknown = await as('dokter').get('/api/v1/persons/01900000-0000-7000-8000-000000000000/health');
      expect(other.status).toBe(404);
      expect(unknown.status).toBe(404);
      expect(other.body.code).toBe(unknown.body.code);
      expect((await as('dokter').request('PUT', `/api/v1/persons/${bandung.id}/health`, {})).status).toBe(404);
      for (const path of [`/api/v1/households/${bandung.household_id}/health`, `/api/v1/households/${bandung.household_id}/iks`])
        expect((await as('dokter').get(path)).status, path).toBe(404);
      expect(await audits(bandung.id)).toBe(0);
    });

    it('refuses impossible profiles with a health code on the field', async () => {
      const put = (id: string, body: Record<string, unknown>) => as('dokter').request('PUT', `/api/v1/persons/${id}/health`, body);
      const fieldCodes = (response: { body: Record<string, any> }) =>
        (response.body.errors as { field: string; code: string }[]).map((e) => `${e.field}:${e.code}`);
      const male = await put(husband.id, { pregnant: true });
      expect(male.status).toBe(422);
      expect(fieldCodes(male)).toContain('pregnant:health.pregnant_male');
      const future = await put(wife.id, { lastMenstrualPeriod: addDays(today, 1) });
      expect(fieldCodes(future)).toEqual(['lastMenstrualPeriod:health.lmp_in_future']);
      const edd = await put(wife.id, {
        pregnant: true,
        pregnancies: 1,
        lastMenstrualPeriod: addDays(today, -30),
        expectedDelivery: addDays(today, -31),
      });
      expect(fieldCodes(edd)).toEqual(['expectedDelivery:health.edd_before_lmp']);
      const impossible = await put(wife.id, { lastMenstrualPeriod: '2025-02-30' });
      expect(impossible.status).toBe(422);
      expect(impossible.body.errors[0].field).toBe('lastMenstrualPeriod');
      const twice = await put(wife.id, { conditions: [{ code: 'diabetes' }, { code: 'diabetes' }] });
      expect(twice.status).toBe(422);
    });

    it('household health: water, latrine and answers; the IKS answers the contract exactly and keeps the month’s snapshot', async () => {
      const put = await as('dokter').request('PUT', `/api/v1/households/${wife.household_id}/health`, {
        cleanWater: true,
        healthyLatrine: false,
        answers: { tidak_merokok: true, jkn: true, persalinan_faskes: true },
      });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
      expect(put.body).toMatchObject({ householdId: wife.household_id, cleanWater: true, healthyLatrine: false });
      expect(put.body.answers).toEqual({ tidak_merokok: true, jkn: true, persalinan_faskes: true });
      const cleared = await as('dokter').request('PUT', `/api/v1/households/${wife.household_id}/health`, {
        cleanWater: true,
        healthyLatrine: false,
        answers: { persalinan_faskes: null },
      });
      expect(cleared.body.answers).toEqual({ tidak_merokok: true, jkn: true });
      expect(cleared.body.toAsk).not.toContain('air_bersih');

      const before = await audits(wife.household_id);
      const iks = await as('dokter').get(`/api/v1/households/${wife.household_id}/iks`);
      expect(iks.status).toBe(200);
      expect(Object.keys(iks.body)).toEqual(['iks', 'category', 'indicators']);
      expect(iks.body.indicators.map((i: { code: string }) => i.code)).toEqual(CODES);
      for (const indicator of iks.body.indicators) expect(Object.keys(indicator)).toEqual(['code', 'applicable', 'met']);
      expect(iks.body.iks).toMatch(/^[01]\.\d{3}$/);
      const byCode = Object.fromEntries(iks.body.indicators.map((i: { code: string }) => [i.code, i]));
      // The wife's record says KB none: the couple's KB indicator applies and is not met; hypertension is treated.
      expect(byCode.kb).toEqual({ code: 'kb', applicable: true, met: false });
      expect(byCode.hipertensi).toEqual({ code: 'hipertensi', applicable: true, met: true });
      expect(byCode.air_bersih).toEqual({ code: 'air_bersih', applicable: true, met: true });
      expect(byCode.jamban_sehat).toEqual({ code: 'jamban_sehat', applicable: true, met: false });
      expect(await audits(wife.household_id)).toBe(before + 1);
      const snapshot = await server.database.db
        .selectFrom('iks_snapshot')
        .selectAll()
        .where('household_id', '=', wife.household_id)
        .executeTakeFirstOrThrow();
      expect(snapshot).toMatchObject({ month: `${today.slice(0, 7)}-01`, village_code: YK_VILLAGE });
      const applicable = iks.body.indicators.filter((i: { applicable: boolean }) => i.applicable).length;
      const met = iks.body.indicators.filter((i: { met: boolean }) => i.met).length;
      expect(snapshot).toMatchObject({ applicable, met });
      for (const name of ['manajer', 'pendamping', 'auditor']) {
        expect((await as(name).get(`/api/v1/households/${wife.household_id}/iks`)).status, name).toBe(403);
        expect((await as(name).get(`/api/v1/households/${wife.household_id}/health`)).status, name).toBe(403);
      }
      expect(
        (await as('admin').request('PUT', `/api/v1/households/${wife.household_id}/health`, { cleanWater: null, healthyLatrine: null }))
          .status,
      ).toBe(403);
    });

    it('the quote answers the same shape, exactly, for any signed-in role and stores nothing', async () => {
      const body = {
        asOf: '2026-03-15',
        members: [
          { birthDate: '1990-05-01', sex: 'M', relation: 'KEPALA KELUARGA' },
          { birthDate: '1993-02-10', sex: 'F', relation: 'ISTRI' },
          { birthDate: '2025-09-01', sex: 'F', relation: 'ANAK' },
          { birthDate: '1950-01-01', sex: 'F', relation: 'mertua', conditions: ['hipertensi'] },
        ],
        answers: { kb: true, persalinan_faskes: true, pertumbuhan_balita: true, jkn: true, air_bersih: true, hipertensi: true },
      };
      const snapshots = async () => (await server.database.db.selectFrom('iks_snapshot').select('household_id').execute()).length;
      const before = await snapshots();
      const quote = await as('kader').post('/api/v1/health/iks-quote', body);
      expect(quote.status, JSON.stringify(quote.body)).toBe(200);
      const a = (code: string, met: boolean) => ({ code, applicable: true, met });
      const na = (code: string) => ({ code, applicable: false, met: false });
      expect(quote.body).toEqual({
        iks: '0.750',
        category: 'pra_sehat',
        indicators: [
          a('kb', true),
          a('persalinan_faskes', true),
          na('imunisasi_dasar'),
          na('asi_eksklusif'),
          a('pertumbuhan_balita', true),
          na('tb_paru'),
          a('hipertensi', true),
          na('gangguan_jiwa'),
          a('tidak_merokok', false),
          a('jkn', true),
          a('air_bersih', true),
          a('jamban_sehat', false),
        ],
      });
      expect(await snapshots()).toBe(before);
      expect((await new ApiClient(server.url).post('/api/v1/health/iks-quote', body)).status).toBe(401);
      const wrong = await as('kader').post('/api/v1/health/iks-quote', {
        ...body,
        members: [{ birthDate: '1990-01-01', sex: 'M', relation: 'TETANGGA' }],
      });
      expect(wrong.status).toBe(422);
      const unknownAnswer = await as('kader').post('/api/v1/health/iks-quote', { ...body, answers: { merokok: true } });
      expect(unknownAnswer.status).toBe(422);
    });

    it('recomputes a village in scope in batches and aggregates it by village and office for the aggregate readers', async () => {
      const households = await server.database.db.selectFrom('household').select('id').where('village_code', '=', YK_VILLAGE).execute();
      const recompute = await as('dokter').post(`/api/v1/health/iks/recompute?village=${YK_VILLAGE}`);
      expect(recompute.status, JSON.stringify(recompute.body)).toBe(200);
      expect(recompute.body).toMatchObject({ village: YK_VILLAGE, month: today.slice(0, 7), families: households.length });
      expect(recompute.body.sehat + recompute.body.praSehat + recompute.body.tidakSehat).toBe(households.length);
      expect((await as('dokter').post(`/api/v1/health/iks/recompute?village=${BD_VILLAGE}`)).status).toBe(404);
      expect((await as('manajer').post(`/api/v1/health/iks/recompute?village=${YK_VILLAGE}`)).status).toBe(403);

      const byVillage = await as('manajer').get('/api/v1/health/iks?by=village');
      expect(byVillage.status, JSON.stringify(byVillage.body)).toBe(200);
      const row = byVillage.body.rows.find((r: { code: string }) => r.code === YK_VILLAGE);
      expect(row).toMatchObject({
        families: households.length,
        meanIks: recompute.body.meanIks,
        sehat: recompute.body.sehat,
        praSehat: recompute.body.praSehat,
        tidakSehat: recompute.body.tidakSehat,
      });
      expect(row.trend).toEqual([expect.objectContaining({ month: today.slice(0, 7), families: households.length })]);
      expect(byVillage.body.rows.every((r: { code: string }) => r.code.startsWith('34.'))).toBe(true);

      const byOffice = await as('pembina').get('/api/v1/health/iks?by=office&office=YK01');
      expect(byOffice.status, JSON.stringify(byOffice.body)).toBe(200);
      expect(byOffice.body.rows.map((r: { code: string }) => r.code)).toEqual(['YK01']);
      expect(byOffice.body.rows[0].families).toBeGreaterThanOrEqual(households.length);
      expect((await as('pembina').get('/api/v1/health/iks?office=BD01')).status).toBe(422);
      expect((await as('pembina').get(`/api/v1/health/iks?village=${BD_VILLAGE}`)).status).toBe(404);
      expect((await as('pembina').get('/api/v1/health/iks?from=2026-05&to=2026-01')).status).toBe(422);
      for (const name of ['kasir', 'pendamping', 'kader']) expect((await as(name).get('/api/v1/health/iks')).status, name).toBe(403);
    });
  });
}
