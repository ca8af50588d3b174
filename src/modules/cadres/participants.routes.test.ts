import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';

const LETTER = { letterDate: '2026-01-05', signedBy: 'Kepala Cabang', validUntil: '2027-01-04', phone: '081234567890' };
const card = (n: number) => String(1_000_000_000_000 + n);
const memberOf = (view: Record<string, any>, personId: string | undefined) =>
  (view.members as { personId: string; jkn: { cardNumber: string } }[]).find((m) => m.personId === personId) as {
    jkn: { cardNumber: string };
  };

for (const kind of testDatabaseKinds()) {
  describe(`JKN-KIS participants [${kind}]`, () => {
    let server: TestServer;
    let manager: ApiClient;
    let supervisor: ApiClient;
    let kader: ApiClient;
    let cadreId: string;
    let family: { id: string; members: string[] };
    let neighbour: { id: string; members: string[] };
    let bandungFamily: { id: string; members: string[] };

    const login = async (username: string) => {
      const client = new ApiClient(server.url);
      await client.login(username, DEMO_PASSWORD);
      return client;
    };
    /** Households of a village with at least two living members, in id order. */
    const families = async (village: string) => {
      const rows = await server.database.db
        .selectFrom('person')
        .select(['id', 'household_id'])
        .where('village_code', '=', village)
        .where('died_on', 'is', null)
        .orderBy('household_id')
        .orderBy('id')
        .execute();
      const byHousehold = new Map<string, string[]>();
      for (const row of rows) byHousehold.set(row.household_id, [...(byHousehold.get(row.household_id) ?? []), row.id]);
      return [...byHousehold].filter(([, members]) => members.length >= 2).map(([id, members]) => ({ id, members }));
    };
    const put = (client: ApiClient, personId: string, body: Record<string, unknown>) =>
      client.request('PUT', `/api/v1/persons/${personId}/jkn`, { status: 'active', statusRecordedOn: '2026-02-01', ...body });

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false });
      manager = await login('manajer');
      supervisor = await login('pembina');
      kader = await login('kader');
      const admin = await login('admin');
      [family, neighbour] = (await families('34.71.01.1001')) as [typeof family, typeof family];
      [bandungFamily] = (await families('32.04.11.2002')) as [typeof family];
      const cadrePerson = await server.database.db
        .selectFrom('person')
        .select('id')
        .where('village_code', '=', '34.71.01.1002')
        .where('relation', '=', 'wife')
        .executeTakeFirstOrThrow();
      const cadre = await manager.post('/api/v1/cadres', {
        ...LETTER,
        personId: cadrePerson.id,
        officeCode: 'YK01',
        letterNumber: 'P/ST/2026',
        villageCodes: ['34.71.01.1001'],
      });
      cadreId = cadre.body.id;
      const bandungPerson = await server.database.db
        .selectFrom('person')
        .select('id')
        .where('village_code', '=', '32.04.11.2001')
        .where('relation', '=', 'wife')
        .executeTakeFirstOrThrow();
      const own = await admin.post('/api/v1/cadres', {
        ...LETTER,
        personId: bandungPerson.id,
        officeCode: 'BD01',
        letterNumber: 'K/ST/2026',
        villageCodes: ['32.04.11.2002'],
        username: 'kader',
      });
      expect(own.status).toBe(201);
    });
    afterAll(async () => server.close());

    it('refuses a card number that is not 13 digits, naming the field', async () => {
      const response = await put(manager, family.members[0] as string, { cardNumber: '000123456789', segment: 'PBPU', class: 'III' });
      expect(response.status).toBe(422);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['cardNumber']);
    });

    it('records a recruited family and its monthly due at the dated rate', async () => {
      const response = await put(manager, family.members[0] as string, {
        cardNumber: card(1),
        segment: 'PBPU',
        class: 'III',
        recruitment: { cadreId, recruitedOn: '2026-02-01' },
      });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body).toMatchObject({
        householdId: family.id,
        jknClass: 'III',
        monthlyDue: '35000', // Perpres 64/2020: the class III participant share from 2021
        payingMembers: 1,
        recruitment: { cadreId, recruitedOn: '2026-02-01', recordedBy: 'manajer' },
      });
      const second = await put(manager, family.members[1] as string, { cardNumber: card(2), segment: 'PBPU', class: 'III' });
      expect(second.body).toMatchObject({ monthlyDue: '70000', payingMembers: 2 });
      const again = await put(manager, family.members[1] as string, {
        cardNumber: card(2),
        segment: 'PBPU',
        class: 'III',
        recruitment: { cadreId, recruitedOn: '2026-02-02' },
      });
      expect(again.status).toBe(409);
      expect(again.body.errors[0]).toMatchObject({ field: 'recruitment', code: 'cadres.family_already_registered' });
    });

    it('keeps one class per family: a different class is refused unless the whole family moves', async () => {
      const differs = await put(manager, family.members[1] as string, { cardNumber: card(2), segment: 'PBPU', class: 'II' });
      expect(differs.status).toBe(409);
      expect(differs.body.code).toBe('cadres.jkn_class_differs');
      expect(differs.body.errors[0]).toMatchObject({ field: 'class', code: 'cadres.jkn_class_differs' });
      const moved = await put(manager, family.members[1] as string, {
        cardNumber: card(2),
        segment: 'PBPU',
        class: 'II',
        applyClassToFamily: true,
      });
      expect(moved.body).toMatchObject({ jknClass: 'II', monthlyDue: '200000' });
      expect(
        moved.body.members.filter((m: { jkn: { class: string } | null }) => m.jkn).map((m: { jkn: { class: string } }) => m.jkn.class),
      ).toEqual(['II', 'II']);
    });

    it('gives each card number to one person, and PBI only class III', async () => {
      const taken = await put(manager, neighbour.members[0] as string, { cardNumber: card(1), segment: 'PBPU', class: 'I' });
      expect(taken.status).toBe(409);
      expect(taken.body.errors[0]).toMatchObject({ field: 'cardNumber', code: 'cadres.jkn_card_taken' });
      const pbi = await put(manager, neighbour.members[0] as string, { cardNumber: card(3), segment: 'PBI', class: 'I' });
      expect(pbi.status).toBe(422);
      expect(pbi.body.errors[0].field).toBe('class');
      const ok = await put(manager, neighbour.members[0] as string, { cardNumber: card(3), segment: 'PBI', class: 'III' });
      expect(ok.body).toMatchObject({ monthlyDue: '0', payingMembers: 0, recruitment: null });
    });

    it('shows the family’s JKN data to readers in scope, card numbers masked for a supervisor', async () => {
      const view = await supervisor.get(`/api/v1/households/${family.id}/jkn`);
      expect(view.status).toBe(200);
      expect(memberOf(view.body, family.members[0]).jkn.cardNumber).toBe('1000*****0001');
      expect((await kader.get(`/api/v1/households/${family.id}/jkn`)).status).toBe(404);
      expect((await supervisor.request('PUT', `/api/v1/persons/${family.members[0]}/jkn`, {})).status).toBe(403);
      const audit = await server.database.db
        .selectFrom('audit_log')
        .select('after')
        .where('entity_id', '=', family.members[0] as string)
        .where('action', '=', 'jkn.record_participant')
        .executeTakeFirstOrThrow();
      expect(JSON.stringify(audit.after)).not.toContain(card(1));
    });

    it('lets a cadre record a family they recruited in their village', async () => {
      const response = await put(kader, bandungFamily.members[0] as string, {
        cardNumber: card(10),
        segment: 'PBPU',
        class: 'I',
        recruitment: { recruitedOn: '2026-02-03' },
      });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body).toMatchObject({ monthlyDue: '150000', recruitment: { cadreName: expect.any(String), recordedBy: 'kader' } });
      const view = await kader.get(`/api/v1/households/${bandungFamily.id}/jkn`);
      expect(memberOf(view.body, bandungFamily.members[0]).jkn.cardNumber).toBe(card(10));
    });
  });
}
