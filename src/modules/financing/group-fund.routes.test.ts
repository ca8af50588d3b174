import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';

/** A group's revolving fund is the members' own money: it lends to them and no one else. */
for (const kind of testDatabaseKinds()) {
  describe(`a group's fund lends only to its members [${kind}]`, () => {
    let server: TestServer;
    let admin: ApiClient;
    let manager: ApiClient;
    let groupId: string;
    let members: string[];
    let stranger: string;

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false });
      admin = new ApiClient(server.url);
      await admin.login('admin', DEMO_PASSWORD);
      manager = new ApiClient(server.url);
      await manager.login('manajer', DEMO_PASSWORD);
      const group = await server.database.db
        .selectFrom('business_group')
        .select('id')
        .where('name', '=', 'Kelompok Anggota JKM Kricak')
        .executeTakeFirstOrThrow();
      groupId = group.id;
      members = (
        await server.database.db
          .selectFrom('group_member')
          .select('person_id')
          .where('group_id', '=', groupId)
          .orderBy('person_id')
          .execute()
      ).map((m) => m.person_id);
      // A head of a family in Katapang, Kabupaten Bandung: in the admin's scope, in no group of Kricak.
      stranger = (
        await server.database.db
          .selectFrom('person')
          .select('id')
          .where('village_code', '=', '32.04.11.2001')
          .where('relation', '=', 'head')
          .orderBy('nik')
          .executeTakeFirstOrThrow()
      ).id;
      expect(
        (
          await admin.post('/api/v1/financing/products', {
            code: 'QARDH-KLP',
            name: 'Modal bergulir kelompok',
            kind: 'qardh',
            ratePercent: '0',
            frequency: 'monthly',
            minAmount: '500000',
            maxAmount: '5000000',
            minInstallments: 3,
            maxInstallments: 12,
          })
        ).status,
      ).toBe(201);
      const fund = await admin.post('/api/v1/funds', {
        code: 'BERGULIR-KRC',
        name: 'Dana bergulir kelompok Kricak',
        kind: 'group_revolving',
        source: 'Iuran anggota',
        officeCode: 'YK01',
        groupId,
        initialCapital: '3000000',
        capitalDate: '2026-07-02',
      });
      expect(fund.status).toBe(201);
    });
    afterAll(async () => server.close());

    const apply = (client: ApiClient, personId: string) =>
      client.post('/api/v1/financings', {
        personId,
        productCode: 'QARDH-KLP',
        fundCode: 'BERGULIR-KRC',
        principal: '1000000',
        installments: 10,
        purpose: 'Modal warung',
        appliedOn: '2026-07-10',
      });

    it('refuses an application from a non-member in another regency with 409 naming the fund, and writes nothing', async () => {
      const before = await server.database.db
        .selectFrom('financing')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      const refused = await apply(admin, stranger);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        code: 'financing.fund_members_only',
        detail: 'Dana BERGULIR-KRC adalah dana bergulir kelompok: hanya dipinjamkan kepada anggota aktif kelompok itu.',
      });
      expect(refused.body.errors[0]).toMatchObject({ field: 'personId', code: 'financing.fund_members_only' });
      const after = await server.database.db
        .selectFrom('financing')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      expect(after.n).toBe(before.n);
    });

    it('lends to a member, and refuses the disbursement once the member has left the group', async () => {
      const [stays, leaves] = members as [string, string];
      const ok = await apply(admin, stays);
      expect(ok.status).toBe(201);
      const pending = await apply(admin, leaves);
      expect(pending.status).toBe(201);
      for (const id of [ok.body.id, pending.body.id]) expect((await manager.post(`/api/v1/financings/${id}/approve`, {})).status).toBe(200);
      expect((await admin.post(`/api/v1/groups/${groupId}/members/${leaves}/leave`, { leftOn: '2026-07-12' })).status).toBe(200);
      const refused = await admin.post(`/api/v1/financings/${pending.body.id}/disburse`, { disbursedOn: '2026-07-15', method: 'transfer' });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('financing.fund_members_only');
      const paid = await admin.post(`/api/v1/financings/${ok.body.id}/disburse`, { disbursedOn: '2026-07-15', method: 'transfer' });
      expect(paid.status).toBe(200);
      expect(paid.body.outstanding.principal).toBe('1000000');
    });
  });
}
