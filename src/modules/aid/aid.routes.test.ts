import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';

const NO_SUCH_ID = '01900000-0000-7000-8000-000000000000';
const QUOTE = '/api/v1/aid/entitlement-quote';

/** The contract's PKH family on 15 March 2025: a pregnant mother, a child of 3, an SD and an SMP pupil. */
const PKH_FAMILY = [
  { birthDate: '1994-06-01', sex: 'F', pregnant: true, schoolLevel: null, schoolYear: null, disability: null },
  { birthDate: '2021-09-10', sex: 'M', pregnant: false, schoolLevel: null, schoolYear: null, disability: null },
  { birthDate: '2016-02-01', sex: 'F', pregnant: false, schoolLevel: 'SD', schoolYear: 'middle', disability: null },
  { birthDate: '2012-08-20', sex: 'M', pregnant: false, schoolLevel: 'SMP', schoolYear: 'middle', disability: null },
];
const adult = { birthDate: '1980-01-01', sex: 'F', pregnant: false, schoolLevel: null, schoolYear: null, disability: null };

/** A custom programme an organisation adds, with the same rule kinds as the built-in ones. */
const lansia = {
  code: 'lansia_desa',
  nameId: 'Bantuan Lansia Desa',
  nameEn: 'Village elderly aid',
  targetUnit: 'household',
  period: 'stage',
  stagesPerYear: 2,
  channel: 'lkd',
  fundCode: null,
  memberCap: 2,
  eligibility: [
    { kind: 'age', min: 70 },
    { kind: 'not_enrolled', programme: 'pkh' },
  ],
  rates: [{ category: 'elderly', basis: 'member', condition: { ageMin: 70 }, amount: '1200000', effectiveFrom: '2025-01-01' }],
};

for (const kind of testDatabaseKinds()) {
  describe(`social assistance routes [${kind}]`, () => {
    let server: TestServer;
    let anonymous: ApiClient;
    let admin: ApiClient;
    let manager: ApiClient;
    let cashier: ApiClient;
    let ykHousehold: string;
    let ykPerson: string;
    let bdHousehold: string;

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false });
      anonymous = new ApiClient(server.url);
      admin = new ApiClient(server.url);
      await admin.login('admin', DEMO_PASSWORD);
      manager = new ApiClient(server.url); // YK01
      await manager.login('manajer', DEMO_PASSWORD);
      cashier = new ApiClient(server.url);
      await cashier.login('kasir', DEMO_PASSWORD);
      const first = async (village: string) =>
        (
          await sql<{ id: string }>`SELECT id::text AS id FROM household WHERE village_code = ${village} ORDER BY id LIMIT 1`.execute(
            server.database.db,
          )
        ).rows[0]?.id as string;
      ykHousehold = await first('34.71.01.1001');
      bdHousehold = await first('32.04.11.2001');
      await sql`UPDATE household SET welfare_decile = 3, has_kks = true, has_kip = false WHERE id = ${ykHousehold}`.execute(
        server.database.db,
      );
      ykPerson = (
        await sql<{
          id: string;
        }>`SELECT id::text AS id FROM person WHERE household_id = ${ykHousehold} ORDER BY birth_date LIMIT 1`.execute(server.database.db)
      ).rows[0]?.id as string;
    });
    afterAll(async () => server?.close());

    describe('POST /aid/entitlement-quote (public, stores nothing)', () => {
      it('PKH: the contract family is owed Rp2.100.000 a stage (Rp8.400.000 a year)', async () => {
        const before = await sql<{ n: string }>`SELECT count(*)::text AS n FROM audit_log`.execute(server.database.db);
        const response = await anonymous.post(QUOTE, { programme: 'pkh', asOf: '2025-03-15', members: PKH_FAMILY });
        expect(response.status).toBe(200);
        expect(response.body).toEqual({
          amount: '2100000',
          per: 'stage',
          components: [
            { member: 0, category: 'pregnant', amount: '750000' },
            { member: 1, category: 'early_childhood', amount: '750000' },
            { member: 2, category: 'sd', amount: '225000' },
            { member: 3, category: 'smp', amount: '375000' },
          ],
        });
        const after = await sql<{ n: string }>`SELECT count(*)::text AS n FROM audit_log`.execute(server.database.db);
        expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
      });

      it('PIP: an SMA pupil in a middle year, Rp1.000.000 before and Rp1.800.000 from 1 January 2024', async () => {
        const pupil = [{ ...adult, birthDate: '2008-07-01', schoolLevel: 'SMA', schoolYear: 'middle' }];
        expect((await anonymous.post(QUOTE, { programme: 'pip', asOf: '2023-12-31', members: pupil })).body).toEqual({
          amount: '1000000',
          per: 'year',
          components: [{ member: 0, category: 'sma', amount: '1000000' }],
        });
        expect((await anonymous.post(QUOTE, { programme: 'pip', asOf: '2024-01-01', members: pupil })).body).toEqual({
          amount: '1800000',
          per: 'year',
          components: [{ member: 0, category: 'sma', amount: '1800000' }],
        });
        const finalYear = [{ ...pupil[0], schoolYear: 'final' }];
        expect((await anonymous.post(QUOTE, { programme: 'pip', asOf: '2024-05-01', members: finalYear })).body.amount).toBe('900000');
      });

      it('KKS: Rp400.000 for Nov–Dec 2014, Rp600.000 for Jan–Mar 2015, then Rp200.000 a month', async () => {
        const ask = async (asOf: string) => (await anonymous.post(QUOTE, { programme: 'kks', asOf, members: [adult] })).body;
        expect(await ask('2014-11-07')).toEqual({
          amount: '400000',
          per: 'stage',
          components: [{ member: 0, category: 'family', amount: '400000' }],
        });
        expect(await ask('2015-02-15')).toEqual({
          amount: '600000',
          per: 'stage',
          components: [{ member: 0, category: 'family', amount: '600000' }],
        });
        expect(await ask('2015-05-01')).toMatchObject({ amount: '200000', per: 'month' });
      });

      it('Sembako: Rp110.000 until 2019, Rp150.000 in January–February 2020, Rp200.000 from March 2020', async () => {
        const ask = async (asOf: string) =>
          (await anonymous.post(QUOTE, { programme: 'sembako', asOf, members: [{ birthDate: '1980-01-01', sex: 'F' }] })).body.amount;
        expect(await ask('2019-12-31')).toBe('110000');
        expect(await ask('2020-01-01')).toBe('150000');
        expect(await ask('2020-02-29')).toBe('150000');
        expect(await ask('2020-03-01')).toBe('200000');
      });

      it('bad input is a 422 naming the field, in the request’s language', async () => {
        const unknown = await anonymous.post(QUOTE, { programme: 'blt_dd', asOf: '2025-01-01', members: [adult] });
        expect(unknown.status).toBe(422);
        expect(unknown.body.errors).toEqual([
          { field: 'programme', code: 'aid.unknown_programme', message: 'Program blt_dd tidak dikenal.' },
        ]);
        const early = await new ApiClient(server.url, { 'accept-language': 'en' }).post(QUOTE, {
          programme: 'pkh',
          asOf: '2019-06-30',
          members: [adult],
        });
        expect(early.status).toBe(422);
        expect(early.body.errors[0]).toMatchObject({
          field: 'asOf',
          code: 'aid.no_rate',
          message: 'The programme’s benefit table does not apply on 2019-06-30.',
        });
        const unborn = await anonymous.post(QUOTE, {
          programme: 'pkh',
          asOf: '2025-01-01',
          members: [adult, { ...adult, birthDate: '2025-02-01' }, { ...adult, sex: 'M', pregnant: true }],
        });
        expect(unborn.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
          ['members.1.birthDate', 'aid.born_after_as_of'],
          ['members.2.pregnant', 'aid.pregnant_male'],
        ]);
        const shape = await anonymous.post(QUOTE, { programme: 'pkh', asOf: '2025-02-30', members: [{ ...adult, schoolLevel: 'SMK' }] });
        expect(shape.status).toBe(422);
        expect(shape.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['asOf', 'members.0.schoolLevel']);
        expect((await anonymous.post(QUOTE, { programme: 'pkh', asOf: '2025-01-01', members: [] })).status).toBe(422);
      });
    });

    describe('programmes', () => {
      it('lists the four built-in programmes for readers; cashiers and strangers may not', async () => {
        const list = await manager.get('/api/v1/programmes');
        expect(list.status).toBe(200);
        const items = list.body.items as { code: string; builtIn: boolean; period: string; targetUnit: string }[];
        expect(items.map((p) => [p.code, p.builtIn, p.targetUnit, p.period])).toEqual([
          ['kks', true, 'household', 'month'],
          ['pip', true, 'person', 'year'],
          ['pkh', true, 'household', 'stage'],
          ['sembako', true, 'household', 'month'],
        ]);
        expect((await cashier.get('/api/v1/programmes')).status).toBe(403);
        expect((await anonymous.get('/api/v1/programmes')).status).toBe(401);
      });

      it('reads one by code or id, with its dated benefit table; unknown is 404', async () => {
        const pip = await manager.get('/api/v1/programmes/pip');
        expect(pip.status).toBe(200);
        expect(pip.body).toMatchObject({ code: 'pip', newYearPercent: 50, finalYearPercent: 50, memberCap: null });
        expect(pip.body.rates.filter((r: { category: string }) => r.category === 'sma')).toEqual([
          {
            category: 'sma',
            basis: 'member',
            condition: { schoolLevel: 'SMA' },
            amount: '1000000',
            maxPerUnit: null,
            effectiveFrom: '2014-11-01',
            effectiveTo: '2023-12-31',
          },
          {
            category: 'sma',
            basis: 'member',
            condition: { schoolLevel: 'SMA' },
            amount: '1800000',
            maxPerUnit: null,
            effectiveFrom: '2024-01-01',
            effectiveTo: null,
          },
        ]);
        expect((await manager.get(`/api/v1/programmes/${pip.body.id}`)).body.code).toBe('pip');
        expect((await manager.get(`/api/v1/programmes/${NO_SUCH_ID}`)).status).toBe(404);
        expect((await manager.get('/api/v1/programmes/tidak_ada')).status).toBe(404);
      });

      it('an admin adds a programme with the same rule kinds; quotes then use it; the change is audited', async () => {
        expect((await manager.post('/api/v1/programmes', lansia)).status).toBe(403);
        const created = await admin.post('/api/v1/programmes', lansia);
        expect(created.status).toBe(201);
        expect(created.body).toMatchObject({ code: 'lansia_desa', builtIn: false, active: true, stagesPerYear: 2, memberCap: 2 });
        const quote = await anonymous.post(QUOTE, {
          programme: 'lansia_desa',
          asOf: '2025-07-01',
          members: [
            { ...adult, birthDate: '1950-01-01' },
            { ...adult, birthDate: '1952-01-01' },
            { ...adult, birthDate: '1954-01-01' },
          ],
        });
        expect(quote.body).toEqual({
          amount: '1200000',
          per: 'stage',
          components: [
            { member: 0, category: 'elderly', amount: '600000' },
            { member: 1, category: 'elderly', amount: '600000' },
            { member: 2, category: 'elderly', amount: '0' },
          ],
        });
        const audit = await sql<{ action: string }>`SELECT action FROM audit_log WHERE entity_id = ${created.body.id}`.execute(
          server.database.db,
        );
        expect(audit.rows.map((r) => r.action)).toEqual(['aid.programme_create']);
        const again = await admin.post('/api/v1/programmes', lansia);
        expect(again.status).toBe(409);
        expect(again.body).toMatchObject({ code: 'aid.programme_exists' });
      });

      it('refuses an inconsistent definition with 422 on each field', async () => {
        const bad = await admin.post('/api/v1/programmes', {
          ...lansia,
          code: 'rusak',
          stagesPerYear: 3,
          fundCode: 'TIDAK-ADA',
          eligibility: [{ kind: 'not_enrolled', programme: 'tidak_ada' }],
          rates: [{ ...lansia.rates[0], amount: '1000000' }],
        });
        expect(bad.status).toBe(422);
        expect(bad.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
          ['rates.0.amount', 'aid.amount_not_divisible'],
          ['fundCode', 'aid.unknown_fund'],
          ['eligibility.0.programme', 'aid.unknown_programme'],
        ]);
        expect((await admin.post('/api/v1/programmes', { ...lansia, code: 'Bad Code' })).status).toBe(422);
      });

      it('KKS and PIP carry the 19 priority regencies of seed 001; an admin changes them, and a change that leaves them out keeps them', async () => {
        const kks = (await manager.get('/api/v1/programmes/kks')).body;
        expect(kks.priorityRegions).toHaveLength(19);
        expect(kks.priorityRegions).toEqual(expect.arrayContaining(['51.01', '35.78', '76.01', '12.06']));
        expect((await manager.get('/api/v1/programmes/pkh')).body.priorityRegions).toEqual([]);
        const { id, builtIn, priorityRegions, ...rest } = kks;
        const changed = await admin.request('PUT', '/api/v1/programmes/kks', { ...rest, priorityRegions: ['34.71', '32.04', '34.71'] });
        expect(changed.status).toBe(200);
        expect(changed.body.priorityRegions).toEqual(['34.71', '32.04']);
        const kept = await admin.request('PUT', '/api/v1/programmes/kks', { ...rest, nameEn: 'Prosperous Family Card' });
        expect(kept.body).toMatchObject({ nameEn: 'Prosperous Family Card', priorityRegions: ['34.71', '32.04'] });
        const bad = await admin.request('PUT', '/api/v1/programmes/kks', { ...rest, priorityRegions: ['Jakarta'] });
        expect(bad.status).toBe(422);
        expect(bad.body.errors[0].field).toBe('priorityRegions.0');
        await admin.request('PUT', '/api/v1/programmes/kks', { ...rest, priorityRegions });
      });

      it('edits a built-in programme but keeps its code; before and after are audited', async () => {
        const current = (await admin.get('/api/v1/programmes/sembako')).body;
        const { id, builtIn, ...rest } = current;
        const renamed = await admin.request('PUT', '/api/v1/programmes/sembako', { ...rest, code: 'bpnt' });
        expect(renamed.status).toBe(409);
        expect(renamed.body).toMatchObject({ code: 'aid.built_in_code' });
        const withRegion = { ...rest, eligibility: [...rest.eligibility, { kind: 'region', codes: ['34.71'] }] };
        const updated = await admin.request('PUT', `/api/v1/programmes/${id}`, withRegion);
        expect(updated.status).toBe(200);
        expect(updated.body.eligibility).toHaveLength(3);
        expect(updated.body.rates).toEqual(current.rates);
        const audit = await sql<{ action: string; before: { eligibility: unknown[] } }>`
          SELECT action, before FROM audit_log WHERE entity_id = ${id}`.execute(server.database.db);
        expect(audit.rows.map((r) => [r.action, r.before.eligibility.length])).toEqual([['aid.programme_update', 2]]);
        expect((await manager.request('PUT', `/api/v1/programmes/${id}`, withRegion)).status).toBe(403);
      });
    });

    describe('GET /programmes/{id}/eligibility', () => {
      it('explains every rule of KKS for a family, in Indonesian by default and in English when asked', async () => {
        const response = await manager.get(`/api/v1/programmes/kks/eligibility?household=${ykHousehold}`);
        expect(response.status).toBe(200);
        expect(response.body).toEqual({
          eligible: true,
          rules: [
            {
              rule: 'card',
              passed: true,
              value: true,
              required: { card: 'kks', held: true },
              message: 'Keluarga memegang KKS, sesuai syarat.',
            },
          ],
        });
        const english = await new ApiClient(server.url, { 'accept-language': 'en' });
        await english.login('manajer', DEMO_PASSWORD);
        const sembako = await english.get(`/api/v1/programmes/sembako/eligibility?household=${ykHousehold}`);
        expect(sembako.body).toEqual({
          eligible: true,
          rules: [
            {
              rule: 'card',
              passed: true,
              value: true,
              required: { card: 'kks', held: true },
              message: 'The family holds a KKS card, as required.',
            },
            { rule: 'decile', passed: true, value: 3, required: { min: 1, max: 4 }, message: 'Welfare decile 3, within the required 1–4.' },
            {
              rule: 'region',
              passed: true,
              value: '34.71.01.1001',
              required: ['34.71'],
              message: 'Village 34.71.01.1001 is in the programme’s area (34.71).',
            },
          ],
        });
      });

      it('a person for PIP: the card and school level fail, the latter as not recorded', async () => {
        const response = await manager.get(`/api/v1/programmes/pip/eligibility?person=${ykPerson}`);
        expect(response.status).toBe(200);
        expect(response.body.eligible).toBe(false);
        expect(response.body.rules.map((r: { rule: string; passed: boolean }) => [r.rule, r.passed])).toEqual([
          ['card', false],
          ['age', false],
          ['school_level', false],
        ]);
        expect(response.body.rules[0].message).toBe('Keluarga tidak memegang KIP, padahal disyaratkan.');
        expect(typeof response.body.rules[1].value).toBe('number');
        expect(response.body.rules[2]).toEqual({
          rule: 'school_level',
          passed: false,
          value: null,
          required: ['SD', 'SMP', 'SMA'],
          message: 'Jenjang sekolah belum dicatat, jadi syarat bersekolah di jenjang SD, SMP, SMA belum dapat dipastikan.',
        });
        // PIP is for persons: asking with a family is a 422, not a guess.
        const family = await manager.get(`/api/v1/programmes/pip/eligibility?household=${ykHousehold}`);
        expect(family.status).toBe(422);
        expect(family.body.errors[0]).toMatchObject({ field: 'household', code: 'aid.unit_mismatch' });
      });

      it('"not already in programme X" reads the enrolments', async () => {
        const before = await manager.get(`/api/v1/programmes/lansia_desa/eligibility?household=${ykHousehold}`);
        expect(before.body.rules[1]).toMatchObject({ rule: 'not_enrolled', passed: true, value: false });
        await sql`INSERT INTO aid_enrolment (id, programme_id, household_id, unit_household_id, village_code, recipient_id, channel,
                    account, status, enrolled_on)
                  SELECT '01930000-0000-7000-8000-0000000ee001', id, ${ykHousehold}, ${ykHousehold}, '34.71.01.1001', ${ykPerson},
                    'bank', '1234567890', 'enrolled', '2025-01-01'
                  FROM aid_programme WHERE code = 'pkh'`.execute(server.database.db);
        const after = await manager.get(`/api/v1/programmes/lansia_desa/eligibility?household=${ykHousehold}`);
        expect(after.body.eligible).toBe(false);
        expect(after.body.rules[1]).toEqual({
          rule: 'not_enrolled',
          passed: false,
          value: true,
          required: { programme: 'pkh', enrolled: false },
          message: 'Sudah terdaftar di program PKH.',
        });
      });

      it('another office’s family or person answers exactly like an unknown one (404); cashiers may not ask', async () => {
        const other = await manager.get(`/api/v1/programmes/kks/eligibility?household=${bdHousehold}`);
        const unknown = await manager.get(`/api/v1/programmes/kks/eligibility?household=${NO_SUCH_ID}`);
        expect(other.status).toBe(404);
        expect(unknown.status).toBe(404);
        expect(other.body.code).toBe(unknown.body.code);
        const bdPerson = (
          await sql<{ id: string }>`SELECT id::text AS id FROM person WHERE household_id = ${bdHousehold} LIMIT 1`.execute(
            server.database.db,
          )
        ).rows[0]?.id;
        expect((await manager.get(`/api/v1/programmes/kks/eligibility?person=${bdPerson}`)).status).toBe(404);
        expect((await admin.get(`/api/v1/programmes/kks/eligibility?household=${bdHousehold}`)).status).toBe(200);
        expect((await cashier.get(`/api/v1/programmes/kks/eligibility?household=${ykHousehold}`)).status).toBe(403);
        expect((await anonymous.get(`/api/v1/programmes/kks/eligibility?household=${ykHousehold}`)).status).toBe(401);
      });

      it('asks for exactly one of household and person; unknown programme is 404', async () => {
        const neither = await manager.get('/api/v1/programmes/kks/eligibility');
        expect(neither.status).toBe(422);
        expect(neither.body.errors[0]).toMatchObject({ field: 'household', code: 'aid.subject_required' });
        expect((await manager.get(`/api/v1/programmes/kks/eligibility?household=${ykHousehold}&person=${ykPerson}`)).status).toBe(422);
        expect((await manager.get('/api/v1/programmes/kks/eligibility?household=not-a-uuid')).status).toBe(422);
        expect((await manager.get(`/api/v1/programmes/tidak_ada/eligibility?household=${ykHousehold}`)).status).toBe(404);
      });
    });
  });
}
