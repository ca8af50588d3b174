import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDate, systemClock } from '../core/clock.ts';
import { DEMO_PASSWORD } from '../modules/demo/index.ts';
import { testDatabaseKinds } from '../testing/databases.ts';
import { ApiClient, startTestServer, type TestServer } from '../testing/server.ts';

/**
 * A record named inside a body (a fund's code, a person's id, an office's code, a user's name) is
 * checked against the caller's scope as when it is read by id: the YK01 manager naming a BD01
 * record gets exactly the answer a record that does not exist gets, and nothing is written.
 * Add a row for every route whose body names a record.
 */
type Refs = {
  bdFund: string;
  bdPerson: string;
  bdGroup: string;
  bdHousehold: string;
  ykPerson: string;
  ykHousehold: string;
  ykRecruit: string;
  ykGroup: string;
  drawer: string;
  /** An approved KKS cycle paid from the YK01 fund, opened by the administrator (so the YK01 manager may approve in it). */
  ykCycle: string;
  bdEntitlement: string;
  /** A YK01 partnership with one YK01 partner in its roles matrix, and a partner of BD01. */
  ykPartnership: string;
  bdPartner: string;
};
type Case = {
  name: string;
  method: 'POST' | 'PUT' | 'PATCH';
  path: (refs: Refs) => string;
  /** The body naming `ref`: once the other office's record, once one that does not exist. */
  body: (ref: string, refs: Refs) => unknown;
  outOfScope: (refs: Refs) => string;
  unknown: string;
  idempotent?: boolean;
  /** Who sends it (default the YK01 manager): a route the manager may not call is sent by the YK01 health worker. */
  by?: 'dokter';
};

const NO_SUCH_ID = '01900000-0000-7000-8000-000000000000';
const YK_VILLAGE = '34.71.01.1001';
const letter = {
  phone: '081234567890',
  letterNumber: '77/ST/KC-YK/2026',
  letterDate: '2026-11-02',
  signedBy: 'Kepala Cabang Yogyakarta',
  validUntil: '2027-11-01',
};

const CASES: Case[] = [
  {
    name: 'a journal line tagged with a fund',
    method: 'POST',
    path: () => '/api/v1/ledger/entries',
    body: (fundCode) => ({
      officeCode: 'YK01',
      entryDate: '2026-11-02',
      memo: 'Biaya ATK',
      lines: [
        { accountCode: '5.2.02', debit: '1000000' },
        { accountCode: '1.1.02', credit: '1000000', fundCode },
      ],
    }),
    outOfScope: (refs) => refs.bdFund,
    unknown: 'NO-SUCH-FUND',
  },
  {
    name: 'a journal entry of an office',
    method: 'POST',
    path: () => '/api/v1/ledger/entries',
    body: (officeCode) => ({
      officeCode,
      entryDate: '2026-11-02',
      memo: 'Biaya ATK',
      lines: [
        { accountCode: '5.2.02', debit: '1000000' },
        { accountCode: '1.1.02', credit: '1000000' },
      ],
    }),
    outOfScope: () => 'BD01',
    unknown: 'XX99',
  },
  {
    name: 'a cash-drawer movement tagged with a fund',
    method: 'POST',
    path: (refs) => `/api/v1/cash-drawers/${refs.drawer}/movements`,
    body: (fundCode) => ({ direction: 'out', purpose: 'office_expense', amount: '100000', memo: 'Beli ATK', fundCode }),
    outOfScope: (refs) => refs.bdFund,
    unknown: 'NO-SUCH-FUND',
    idempotent: true,
  },
  {
    name: 'a cash drawer opened at an office',
    method: 'POST',
    path: () => '/api/v1/cash-drawers',
    body: (officeCode) => ({ officeCode, openingFloat: '0', businessDate: '2026-11-01' }),
    outOfScope: () => 'BD01',
    unknown: 'XX99',
  },
  {
    name: 'a fund of an office',
    method: 'POST',
    path: () => '/api/v1/funds',
    body: (officeCode) => ({ code: 'DANA-BARU', name: 'Dana baru', kind: 'own_capital', source: 'Modal', officeCode }),
    outOfScope: () => 'BD01',
    unknown: 'XX99',
  },
  {
    name: 'a group revolving fund of a group',
    method: 'POST',
    path: () => '/api/v1/funds',
    body: (groupId) => ({
      code: 'DANA-KLP',
      name: 'Dana kelompok',
      kind: 'group_revolving',
      source: 'Stimulan',
      officeCode: 'YK01',
      groupId,
    }),
    outOfScope: (refs) => refs.bdGroup,
    unknown: NO_SUCH_ID,
  },
  {
    name: 'a USEP stimulus allocated from a fund',
    method: 'POST',
    path: () => '/api/v1/usep/allocations',
    body: (stimulusFundCode, refs) => ({ stimulusFundCode, groupId: refs.ykGroup, amount: '1000000', allocatedOn: '2026-11-02' }),
    outOfScope: (refs) => refs.bdFund,
    unknown: 'NO-SUCH-FUND',
    idempotent: true,
  },
  {
    name: 'coaching of a group',
    method: 'POST',
    path: () => '/api/v1/usep/coaching',
    body: (groupId) => ({
      groupId,
      villageCode: YK_VILLAGE,
      heldOn: '2026-11-02',
      topic: 'marketing',
      title: 'Pemasaran',
      coachName: 'Yohanes',
    }),
    outOfScope: (refs) => refs.bdGroup,
    unknown: NO_SUCH_ID,
  },
  {
    name: 'coaching attended by a person',
    method: 'POST',
    path: () => '/api/v1/usep/coaching',
    body: (personId) => ({
      villageCode: YK_VILLAGE,
      heldOn: '2026-11-02',
      topic: 'marketing',
      title: 'Pemasaran',
      coachName: 'Yohanes',
      attendance: [{ personId, present: true }],
    }),
    outOfScope: (refs) => refs.bdPerson,
    unknown: NO_SUCH_ID,
  },
  {
    name: 'a cadre recruited from a person',
    method: 'POST',
    path: () => '/api/v1/cadres',
    body: (personId) => ({ ...letter, personId, officeCode: 'YK01', villageCodes: [YK_VILLAGE] }),
    outOfScope: (refs) => refs.bdPerson,
    unknown: NO_SUCH_ID,
  },
  {
    name: 'a cadre of an office',
    method: 'POST',
    path: () => '/api/v1/cadres',
    body: (officeCode, refs) => ({ ...letter, personId: refs.ykPerson, officeCode, villageCodes: [YK_VILLAGE] }),
    outOfScope: () => 'BD01',
    unknown: 'XX99',
  },
  {
    name: 'a cadre linked to a cadre-role user',
    method: 'POST',
    path: () => '/api/v1/cadres',
    body: (username, refs) => ({ ...letter, personId: refs.ykRecruit, officeCode: 'YK01', villageCodes: [YK_VILLAGE], username }),
    outOfScope: () => 'siti.bd',
    unknown: 'nobody-here',
  },
  {
    name: 'a group of an office',
    method: 'POST',
    path: () => '/api/v1/groups',
    body: (officeCode) => ({ kind: 'kube', name: 'KUBE Uji', officeCode, villageCodes: [YK_VILLAGE], formedOn: '2026-11-02' }),
    outOfScope: () => 'BD01',
    unknown: 'XX99',
  },
  {
    name: 'a group given a facilitator',
    method: 'POST',
    path: () => '/api/v1/groups',
    body: (facilitatorUsername) => ({
      kind: 'kube',
      name: 'KUBE Uji',
      officeCode: 'YK01',
      villageCodes: [YK_VILLAGE],
      formedOn: '2026-11-02',
      facilitatorUsername,
    }),
    outOfScope: () => 'agus.bd',
    unknown: 'nobody-here',
  },
  {
    name: 'a group member',
    method: 'POST',
    path: (refs) => `/api/v1/groups/${refs.ykGroup}/members`,
    body: (personId) => ({ personId, joinedOn: '2026-11-02' }),
    outOfScope: (refs) => refs.bdPerson,
    unknown: NO_SUCH_ID,
  },
  {
    name: 'a savings account of a person',
    method: 'POST',
    path: () => '/api/v1/savings/accounts',
    body: (personId) => ({ personId, kind: 'sukarela', officeCode: 'YK01' }),
    outOfScope: (refs) => refs.bdPerson,
    unknown: NO_SUCH_ID,
  },
  {
    name: 'a savings account at an office',
    method: 'POST',
    path: () => '/api/v1/savings/accounts',
    body: (officeCode, refs) => ({ personId: refs.ykPerson, kind: 'sukarela', officeCode }),
    outOfScope: () => 'BD01',
    unknown: 'XX99',
  },
  {
    name: 'a financing applied for by a person',
    method: 'POST',
    path: () => '/api/v1/financings',
    body: (personId) => ({
      personId,
      productCode: 'UJI-FLAT',
      fundCode: 'DANA-YK',
      principal: '1000000',
      installments: 5,
      purpose: 'Modal',
    }),
    outOfScope: (refs) => refs.bdPerson,
    unknown: NO_SUCH_ID,
  },
  {
    name: 'a financing lent from a fund',
    method: 'POST',
    path: () => '/api/v1/financings',
    body: (fundCode, refs) => ({
      personId: refs.ykPerson,
      productCode: 'UJI-FLAT',
      fundCode,
      principal: '1000000',
      installments: 5,
      purpose: 'Modal',
    }),
    outOfScope: (refs) => refs.bdFund,
    unknown: 'NO-SUCH-FUND',
  },
  {
    name: 'a duplicate decision about two persons',
    method: 'POST',
    path: () => '/api/v1/registry/duplicates/decisions',
    body: (personId, refs) => ({ personIds: [refs.ykPerson, personId], decision: 'distinct' }),
    outOfScope: (refs) => refs.bdPerson,
    unknown: NO_SUCH_ID,
  },
  {
    name: 'a counselling session attended by a person',
    method: 'POST',
    path: () => '/api/v1/health/sessions',
    body: (personId) => ({ topic: 'nutrition', heldOn: '2026-11-02', place: 'Balai RW', villageCode: YK_VILLAGE, personIds: [personId] }),
    outOfScope: (refs) => refs.bdPerson,
    unknown: NO_SUCH_ID,
    by: 'dokter',
  },
  {
    name: 'a counselling session of a group',
    method: 'POST',
    path: () => '/api/v1/health/sessions',
    body: (groupId) => ({ topic: 'nutrition', heldOn: '2026-11-02', place: 'Balai RW', villageCode: YK_VILLAGE, groupId }),
    outOfScope: (refs) => refs.bdGroup,
    unknown: NO_SUCH_ID,
    by: 'dokter',
  },
  {
    name: 'an enrolment of a family (aid)',
    method: 'POST',
    path: () => '/api/v1/programmes/pkh/enrolments',
    body: (householdId) => ({ householdId, recipientPersonId: NO_SUCH_ID, channel: 'bank', account: '1234567890' }),
    outOfScope: (refs) => refs.bdHousehold,
    unknown: NO_SUCH_ID,
    idempotent: true,
  },
  {
    name: 'an enrolment of a person (aid)',
    method: 'POST',
    path: () => '/api/v1/programmes/pip/enrolments',
    body: (personId) => ({ personId, recipientPersonId: personId, channel: 'bank', account: '1234567890' }),
    outOfScope: (refs) => refs.bdPerson,
    unknown: NO_SUCH_ID,
  },
  {
    name: 'the recipient of an enrolment (aid)',
    method: 'POST',
    path: () => '/api/v1/programmes/pkh/enrolments',
    body: (recipientPersonId, refs) => ({ householdId: refs.ykHousehold, recipientPersonId, channel: 'emoney', account: '081234567890' }),
    outOfScope: (refs) => refs.bdPerson,
    unknown: NO_SUCH_ID,
  },
  {
    name: 'entitlements of a cycle approved by id (aid)',
    method: 'POST',
    path: (refs) => `/api/v1/cycles/${refs.ykCycle}/entitlements/approve`,
    body: (entitlementId) => ({ ids: [entitlementId] }),
    outOfScope: (refs) => refs.bdEntitlement,
    unknown: NO_SUCH_ID,
  },
  {
    name: 'the partner bringing a resource (partnerships)',
    method: 'POST',
    path: (refs) => `/api/v1/partnerships/${refs.ykPartnership}/resources`,
    body: (partnerId) => ({ partnerId, kind: 'money', description: 'Dana', amount: '1000000' }),
    outOfScope: (refs) => refs.bdPartner,
    unknown: NO_SUCH_ID,
  },
  {
    name: 'the partners of a communication (partnerships)',
    method: 'POST',
    path: (refs) => `/api/v1/partnerships/${refs.ykPartnership}/communications`,
    body: (partnerId) => ({ heldOn: '2026-11-02', channel: 'phone', summary: 'Telepon', partnerIds: [partnerId] }),
    outOfScope: (refs) => refs.bdPartner,
    unknown: NO_SUCH_ID,
  },
  {
    name: 'the partners of an activity (partnerships)',
    method: 'POST',
    path: (refs) => `/api/v1/partnerships/${refs.ykPartnership}/activities`,
    body: (partnerId) => ({
      kind: 'meeting',
      title: 'Rapat',
      heldOn: '2026-11-02',
      place: 'Balai',
      participants: 5,
      partnerIds: [partnerId],
    }),
    outOfScope: (refs) => refs.bdPartner,
    unknown: NO_SUCH_ID,
  },
  {
    name: 'the parties of an agreement (partnerships)',
    method: 'POST',
    path: (refs) => `/api/v1/partnerships/${refs.ykPartnership}/agreements`,
    body: (partnerId) => ({ number: '9/PKS', title: 'PKS', startsOn: '2026-11-01', endsOn: '2027-10-31', partnerIds: [partnerId] }),
    outOfScope: (refs) => refs.bdPartner,
    unknown: NO_SUCH_ID,
  },
  {
    name: 'the office of a partner (partnerships)',
    method: 'POST',
    path: () => '/api/v1/partners',
    body: (officeCode) => ({ name: 'Puskesmas', kind: 'government', pillar: 'health_programme', officeCode }),
    outOfScope: () => 'BD01',
    unknown: 'NO-SUCH-OFFICE',
  },
  {
    name: 'the target village of a partnership (partnerships)',
    method: 'POST',
    path: () => '/api/v1/partnerships',
    body: (villageCode) => ({ title: 'Kemitraan', startedOn: '2026-11-01', villageCodes: [villageCode] }),
    outOfScope: () => '32.04.11.2002',
    unknown: '34.71.99.9999',
  },
];

/** Row counts of every table a refused request could have written, and the BD01 fund's cash. */
const WRITTEN_TABLES = [
  'journal_entry',
  'journal_line',
  'fund',
  'cadre',
  'cadre_village',
  'business_group',
  'group_member',
  'savings_account',
  'financing',
  'cash_drawer',
  'audit_log',
  'idempotency_record',
  'counselling_session',
  'session_attendance',
  'aid_enrolment',
  'aid_entitlement',
  'partner',
  'partnership',
  'partnership_resource',
  'partnership_communication',
  'partnership_activity',
  'partnership_agreement',
];

for (const kind of testDatabaseKinds()) {
  describe(`references inside a body are scope-checked [${kind}]`, () => {
    let server: TestServer;
    let admin: ApiClient;
    let manager: ApiClient;
    let dokter: ApiClient;
    let refs: Refs;

    const snapshot = async () => {
      const counts: Record<string, number> = {};
      for (const table of WRITTEN_TABLES)
        counts[table] = Number(
          (await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(server.database.db)).rows[0]?.n,
        );
      const fund = await admin.get(`/api/v1/funds`);
      return { counts, bdFundCash: fund.body.items.find((f: { code: string }) => f.code === refs.bdFund)?.cash };
    };

    /** A YK family and a BD family in KKS, paid from the YK01 fund; the administrator opens and computes, the manager approves. */
    const approvedKksCycle = async (bdHousehold: string, ykHousehold: string) => {
      const db = server.database.db;
      await sql`UPDATE household SET has_kks = true WHERE id IN (${bdHousehold}, ${ykHousehold})`.execute(db);
      for (const [householdId, account] of [
        [ykHousehold, '4400110001'],
        [bdHousehold, '4400110002'],
      ]) {
        const head = await db
          .selectFrom('person')
          .select('id')
          .where('household_id', '=', householdId as string)
          .where('relation', '=', 'head')
          .executeTakeFirstOrThrow();
        const enrolled = await admin.post('/api/v1/programmes/kks/enrolments', {
          householdId,
          recipientPersonId: head.id,
          channel: 'bank',
          account,
        });
        expect(enrolled.status).toBe(201);
      }
      await sql`UPDATE aid_programme SET fund_id = (SELECT id FROM fund WHERE code = 'DANA-YK') WHERE code = 'kks'`.execute(db);
      const cycle = await admin.post('/api/v1/programmes/kks/cycles', {
        name: 'KKS uji',
        periodStart: businessDate(systemClock),
        periodEnd: businessDate(systemClock),
      });
      expect(cycle.status).toBe(201);
      expect((await admin.post(`/api/v1/cycles/${cycle.body.id}/compute`)).body.total).toBe(2);
      expect((await manager.post(`/api/v1/cycles/${cycle.body.id}/approve`)).status).toBe(200);
      const bdEntitlement = await db
        .selectFrom('aid_entitlement')
        .select('id')
        .where('unit_household_id', '=', bdHousehold)
        .executeTakeFirstOrThrow();
      return { ykCycle: cycle.body.id as string, bdEntitlement: bdEntitlement.id };
    };

    /** A YK01 partnership with a YK01 partner in its roles matrix (the manager's), and a BD01 partner (the administrator's). */
    const partnershipRefs = async () => {
      const partner = (client: ApiClient, officeCode: string) =>
        client.post('/api/v1/partners', { name: `Puskesmas ${officeCode}`, kind: 'government', pillar: 'health_programme', officeCode });
      const yk = await partner(manager, 'YK01');
      const bd = await partner(admin, 'BD01');
      const partnership = await manager.post('/api/v1/partnerships', {
        title: 'Kemitraan YK',
        startedOn: '2026-11-01',
        villageCodes: [YK_VILLAGE],
      });
      expect([yk.status, bd.status, partnership.status]).toEqual([201, 201, 201]);
      const member = await manager.request('PUT', `/api/v1/partnerships/${partnership.body.id}/partners/${yk.body.id}`, {
        responsibilities: 'Skrining',
      });
      expect(member.status).toBe(200);
      return { ykPartnership: partnership.body.id as string, bdPartner: bd.body.id as string };
    };

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false });
      admin = new ApiClient(server.url);
      await admin.login('admin', DEMO_PASSWORD);
      manager = new ApiClient(server.url);
      await manager.login('manajer', DEMO_PASSWORD); // YK01 only
      dokter = new ApiClient(server.url);
      await dokter.login('dokter', DEMO_PASSWORD); // YK01 only
      const db = server.database.db;
      const heads = (villagePrefix: string) =>
        db
          .selectFrom('person')
          .select(['id', 'household_id'])
          .where('village_code', 'like', `${villagePrefix}%`)
          .where('relation', '=', 'head')
          .orderBy('id')
          .limit(2)
          .execute();
      const [bd] = await heads('32.04');
      const [yk, ykRecruit] = await heads('34.71');
      if (!bd || !yk || !ykRecruit) throw new Error('the demo has no heads of families');
      const fund = (code: string, officeCode: string) =>
        admin.post('/api/v1/funds', { code, name: code, kind: 'own_capital', source: 'Modal', officeCode, initialCapital: '10000000' });
      expect((await fund('DANA-BD', 'BD01')).status).toBe(201);
      for (const [username, role] of [
        ['siti.bd', 'cadre'],
        ['agus.bd', 'facilitator'],
      ])
        expect(
          (await admin.post('/api/v1/users', { username, fullName: username, role, password: DEMO_PASSWORD, officeCodes: ['BD01'] }))
            .status,
        ).toBe(201);
      expect((await fund('DANA-YK', 'YK01')).status).toBe(201);
      const product = await admin.post('/api/v1/financing/products', {
        code: 'UJI-FLAT',
        name: 'Uji flat',
        kind: 'flat',
        ratePercent: '18',
        frequency: 'monthly',
        minAmount: '500000',
        maxAmount: '50000000',
        minInstallments: 3,
        maxInstallments: 24,
        graceOnPrincipal: 0,
        graceOnProfit: 0,
        rounding: 'half-up',
        penaltyPerMilleDaily: '1',
        penaltyCapPercent: '10',
        allocationOrder: ['penalty', 'profit', 'principal'],
      });
      expect(product.status).toBe(201);
      const group = await manager.post('/api/v1/groups', {
        kind: 'kube',
        name: 'KUBE Uji Yogya',
        officeCode: 'YK01',
        villageCodes: [YK_VILLAGE],
        formedOn: '2026-11-01',
      });
      expect(group.status).toBe(201);
      const drawer = await manager.post('/api/v1/cash-drawers', { officeCode: 'YK01', openingFloat: '500000' });
      expect(drawer.status).toBe(201);
      const bdGroup = await db
        .selectFrom('group_village')
        .select('group_id')
        .where('village_code', 'like', '32.04%')
        .orderBy('group_id')
        .executeTakeFirstOrThrow();
      refs = {
        bdFund: 'DANA-BD',
        bdGroup: bdGroup.group_id,
        bdPerson: bd.id,
        bdHousehold: bd.household_id,
        ykPerson: yk.id,
        ykHousehold: yk.household_id,
        // Each cadre case recruits its own person, so that one case's refusal cannot hide another's.
        ykRecruit: ykRecruit.id,
        ykGroup: group.body.id,
        drawer: drawer.body.id,
        ...(await approvedKksCycle(bd.household_id, yk.household_id)),
        ...(await partnershipRefs()),
      };
    });
    afterAll(async () => server.close());

    let key = 0;
    const send = (c: Case, ref: string) =>
      (c.by === 'dokter' ? dokter : manager).request(
        c.method,
        c.path(refs),
        c.body(ref, refs),
        c.idempotent ? { 'Idempotency-Key': `body-scope-${++key}` } : {},
      );
    /** The answer with the reference itself taken out (a refusal may quote what was typed). */
    const comparable = (body: unknown, ref: string) => JSON.parse(JSON.stringify(body).replaceAll(ref, '<ref>'));

    it.each(CASES.map((c) => [c.name, c] as const))('%s: the other office’s record answers as an unknown one', async (_name, c) => {
      const before = await snapshot();
      const outside = await send(c, c.outOfScope(refs));
      const unknown = await send(c, c.unknown);
      expect(outside.status).toBeGreaterThanOrEqual(400);
      expect(outside.status).toBeLessThan(500);
      expect({ status: outside.status, body: comparable(outside.body, c.outOfScope(refs)) }).toEqual({
        status: unknown.status,
        body: comparable(unknown.body, c.unknown),
      });
      expect(await snapshot()).toEqual(before);
    });

    it('moves nobody into a family outside the scope, and names it by the KK number typed, not by its id', async () => {
      const db = server.database.db;
      const bdHousehold = await db
        .selectFrom('household')
        .select(['id', 'kk_number'])
        .where('village_code', 'like', '32.04%')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const before = await snapshot();
      const moved = await manager.post(`/api/v1/persons/${refs.ykPerson}/move`, {
        kkNumber: bdHousehold.kk_number,
        relation: 'other_family',
      });
      expect(moved.status).toBe(404);
      expect(JSON.stringify(moved.body)).not.toContain(bdHousehold.id);
      const person = await db.selectFrom('person').select('village_code').where('id', '=', refs.ykPerson).executeTakeFirstOrThrow();
      expect(person.village_code.startsWith('34.71')).toBe(true);
      expect(await snapshot()).toEqual(before);
    });

    it('leaves the BD01 fund’s cash at Rp10.000.000 to the rupiah', async () => {
      const fund = (await admin.get('/api/v1/funds')).body.items.find((f: { code: string }) => f.code === 'DANA-BD');
      expect(fund).toMatchObject({ cash: '10000000', capital: '10000000' });
    });
  });
}
