import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { FLAT_PRODUCT_WITH_PENALTY, YOGYA_FUND } from '../../testing/financing-fixtures.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD, fillDemoCadres } from '../demo/index.ts';

for (const kind of testDatabaseKinds()) {
  describe(`header search: persons, households, financings, groups, cadres within role and regions [${kind}]`, () => {
    let server: TestServer;
    const clients: Record<string, ApiClient> = {};
    let yogya: { id: string; nik: string; full_name: string; household_id: string; kk_number: string };
    let bandung: { id: string; nik: string; full_name: string };
    let financing: { id: string; number: string };
    let group: { id: string; name: string };
    let cadre: { id: string; person_id: string; full_name: string };

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false, clock: fixedClock(new Date('2026-03-20T02:00:00Z')) });
      await fillDemoCadres(systemTestContext(server.database));
      for (const username of ['kasir', 'manajer', 'pembina', 'pendamping', 'dokter', 'admin', 'lurah']) {
        clients[username] = new ApiClient(server.url);
        await clients[username].login(username, DEMO_PASSWORD);
      }
      const db = server.database.db;
      yogya = await db
        .selectFrom('person')
        .innerJoin('household', 'household.id', 'person.household_id')
        .select(['person.id', 'person.nik', 'person.full_name', 'person.household_id', 'household.kk_number'])
        .where('person.village_code', 'like', '34.71.%')
        .where('person.relation', '=', 'head')
        .orderBy('person.nik')
        .executeTakeFirstOrThrow();
      bandung = await db
        .selectFrom('person')
        .select(['id', 'nik', 'full_name'])
        .where('village_code', 'like', '32.%')
        .orderBy('nik')
        .executeTakeFirstOrThrow();
      const manager = clients.manajer as ApiClient;
      expect((await manager.post('/api/v1/financing/products', FLAT_PRODUCT_WITH_PENALTY)).status).toBe(201);
      expect((await manager.post('/api/v1/funds', YOGYA_FUND)).status).toBe(201);
      const applied = await (clients.kasir as ApiClient).post('/api/v1/financings', {
        personId: yogya.id,
        productCode: 'FLAT10D',
        fundCode: 'DANA-YK',
        principal: '6000000',
        installments: 6,
        purpose: 'Modal usaha',
        appliedOn: '2026-01-05',
      });
      expect(applied.status).toBe(201);
      financing = { id: applied.body.id, number: applied.body.number };
      group = await db
        .selectFrom('business_group')
        .select(['id', 'name'])
        .where('region_code', 'like', '34.71.%')
        .orderBy('name')
        .executeTakeFirstOrThrow();
      cadre = await db
        .selectFrom('cadre')
        .innerJoin('person', 'person.id', 'cadre.person_id')
        .select(['cadre.id', 'cadre.person_id', 'person.full_name'])
        .executeTakeFirstOrThrow();
    });
    afterAll(async () => server.close());

    const search = (who: string, q: string) =>
      clients[who]?.get(`/api/v1/search?q=${encodeURIComponent(q)}`) as ReturnType<ApiClient['get']>;

    it('finds a person by NIK with the NIK in full for a cashier, masked for a supervisor', async () => {
      const cashier = await search('kasir', yogya.nik);
      expect(cashier.status).toBe(200);
      expect(cashier.body.persons).toEqual([
        expect.objectContaining({ id: yogya.id, fullName: yogya.full_name, nik: yogya.nik, nikMasked: false }),
      ]);
      const supervisor = await search('pembina', yogya.nik);
      expect(supervisor.status).toBe(200);
      expect(supervisor.body.persons).toHaveLength(1);
      expect(supervisor.body.persons[0].nikMasked).toBe(true);
      expect(supervisor.body.persons[0].nik).not.toBe(yogya.nik);
      expect(supervisor.body.persons[0].nik).toMatch(/\*{4,}/);
      expect(JSON.stringify(supervisor.body)).not.toContain(yogya.nik);
    });

    it('finds a household and its members by KK number', async () => {
      const { status, body } = await search('kasir', yogya.kk_number);
      expect(status).toBe(200);
      expect(body.households).toEqual([
        expect.objectContaining({ id: yogya.household_id, kkNumber: yogya.kk_number, headName: yogya.full_name }),
      ]);
      expect(body.persons.map((p: { householdId: string }) => p.householdId)).toContain(yogya.household_id);
      expect(body.persons.every((p: { householdId: string }) => p.householdId === yogya.household_id)).toBe(true);
    });

    it('finds a person by name in scope; a person of another region answers like an unknown one', async () => {
      const found = await search('kasir', yogya.full_name);
      expect(found.body.persons.map((p: { id: string }) => p.id)).toContain(yogya.id);
      const outside = await search('kasir', bandung.nik);
      const unknown = await search('kasir', '3471999999999999');
      expect(outside.status).toBe(200);
      expect(outside.body).toEqual(unknown.body);
      expect(outside.body).toEqual({ persons: [], households: [], financings: [], groups: [] });
      expect((await search('pendamping', yogya.nik)).body.persons).toEqual([]);
    });

    it('finds a financing by its number or the start of it, only for roles and regions that read it', async () => {
      const full = await search('kasir', financing.number);
      expect(full.body.financings).toEqual([expect.objectContaining({ id: financing.id, number: financing.number })]);
      const prefix = await search('kasir', financing.number.slice(0, 9).toLowerCase());
      expect(prefix.body.financings.map((f: { id: string }) => f.id)).toContain(financing.id);
      // A facilitator of Bandung: another region. A health worker: a role that does not read financings.
      expect((await search('pendamping', financing.number)).body.financings).toEqual([]);
      expect((await search('dokter', financing.number)).body.financings).toEqual([]);
    });

    it('finds a group by a fragment of its name, and marks a cadre for roles that read cadres', async () => {
      const fragment = group.name.slice(2, 8);
      const groups = await search('kasir', fragment);
      expect(groups.body.groups.map((g: { id: string }) => g.id)).toContain(group.id);
      const byAdmin = await search('admin', cadre.full_name);
      expect(byAdmin.body.persons).toEqual(expect.arrayContaining([expect.objectContaining({ id: cadre.person_id, cadreId: cadre.id })]));
      const byCashier = await search('kasir', cadre.full_name);
      expect(byCashier.body.persons.every((p: { cadreId: string | null }) => p.cadreId === null)).toBe(true);
    });

    it('refuses a query of one character (422) and an official (403)', async () => {
      expect((await search('kasir', 'a')).status).toBe(422);
      expect((await search('lurah', yogya.full_name)).status).toBe(403);
      expect((await new ApiClient(server.url).get('/api/v1/search?q=siti')).status).toBe(401);
    });
  });
}
