import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';

const NO_SUCH_ID = '01900000-0000-7000-8000-000000000000';
const YK_VILLAGE = '34.71.01.1001';
const BD_VILLAGE = '32.04.11.2001';

type Family = { id: string; head: string; other: string | null };

for (const kind of testDatabaseKinds()) {
  describe(`aid enrolment routes [${kind}]`, () => {
    let server: TestServer;
    let admin: ApiClient;
    let manager: ApiClient;
    let cashier: ApiClient;
    let supervisor: ApiClient;
    let facilitator: ApiClient;
    let yk: Family[];
    let bd: Family;

    const q = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(server.database.db)).rows;
    const families = async (village: string): Promise<Family[]> =>
      q<Family>(sql`SELECT h.id::text AS id,
                      (SELECT p.id::text FROM person p WHERE p.household_id = h.id AND p.relation = 'head' LIMIT 1) AS head,
                      (SELECT p.id::text FROM person p WHERE p.household_id = h.id AND p.relation <> 'head' ORDER BY p.id LIMIT 1) AS other
                    FROM household h WHERE h.village_code = ${village}
                    AND EXISTS (SELECT 1 FROM person p WHERE p.household_id = h.id AND p.relation = 'head')
                    ORDER BY h.id`);
    const auditOf = (entityId: string) =>
      q<{ action: string; before: unknown; after: unknown }>(
        sql`SELECT action, before, after FROM audit_log WHERE entity_id = ${entityId} ORDER BY at, id`,
      );

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false });
      admin = new ApiClient(server.url);
      await admin.login('admin', DEMO_PASSWORD);
      manager = new ApiClient(server.url); // YK01
      await manager.login('manajer', DEMO_PASSWORD);
      cashier = new ApiClient(server.url);
      await cashier.login('kasir', DEMO_PASSWORD);
      supervisor = new ApiClient(server.url); // YK01, reads
      await supervisor.login('pembina', DEMO_PASSWORD);
      facilitator = new ApiClient(server.url); // BD01, reads
      await facilitator.login('pendamping', DEMO_PASSWORD);
      yk = await families(YK_VILLAGE);
      bd = (await families(BD_VILLAGE))[0] as Family;
      expect(yk.length).toBeGreaterThanOrEqual(6);
      // PKH asks decile 1–4, KKS the card: families 0–3 and 5 qualify, family 4 does not.
      await q(sql`UPDATE household SET welfare_decile = 3, has_kks = true WHERE village_code IN (${YK_VILLAGE}, ${BD_VILLAGE})`);
      await q(sql`UPDATE household SET welfare_decile = 9, has_kks = false WHERE id = ${(yk[4] as Family).id}`);
    });
    afterAll(async () => server?.close());

    const url = (programme: string) => `/api/v1/programmes/${programme}/enrolments`;

    it('enrols an eligible family with a recipient who is not the head, the e-money number normalised and masked, audited', async () => {
      const family = yk[0] as Family;
      const recipient = family.other ?? family.head;
      const response = await manager.post(url('pkh'), {
        householdId: family.id,
        recipientPersonId: recipient,
        channel: 'emoney',
        account: '+62 812-3456-7890',
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        householdId: family.id,
        personId: null,
        unitHouseholdId: family.id,
        recipientPersonId: recipient,
        channel: 'lkd',
        account: '********7890',
        status: 'enrolled',
        endedOn: null,
        reason: null,
      });
      const [stored] = await q<{ account: string }>(sql`SELECT account FROM aid_enrolment WHERE id = ${response.body.id}`);
      expect(stored?.account).toBe('081234567890');
      const audit = await auditOf(response.body.id);
      expect(audit.map((a) => a.action)).toEqual(['aid.enrolment_create']);
      expect(JSON.stringify(audit)).not.toContain('1234567890');
      expect(audit[0]?.after).toMatchObject({ account: '********7890', programme: 'pkh' });
    });

    it('refuses a second current enrolment of the family in the programme (409)', async () => {
      const family = yk[0] as Family;
      const again = await manager.post(url('pkh'), {
        householdId: family.id,
        recipientPersonId: family.head,
        channel: 'bank',
        account: '1234567',
      });
      expect(again.status).toBe(409);
      expect(again.body.errors[0]).toMatchObject({ field: 'householdId', code: 'aid.already_enrolled' });
    });

    it('refuses an ineligible family, naming every failed rule', async () => {
      const family = yk[4] as Family;
      const response = await manager.post(url('pkh'), {
        householdId: family.id,
        recipientPersonId: family.head,
        channel: 'bank',
        account: '1234567',
      });
      expect(response.status).toBe(422);
      // One error per failed rule, worded with the rule's code and the explanation.
      expect(response.body.errors).toEqual([
        {
          field: 'householdId',
          code: 'aid.not_eligible',
          message: 'Tidak memenuhi syarat (decile): Desil kesejahteraan 9, di luar rentang syarat 1–4.',
        },
      ]);
      const kks = await manager.post(url('kks'), {
        householdId: family.id,
        recipientPersonId: family.head,
        channel: 'bank',
        account: '1234567',
      });
      expect(kks.body.errors.map((e: { message: string }) => e.message.slice(0, 28))).toEqual(['Tidak memenuhi syarat (card)']);
      expect(await q(sql`SELECT id FROM aid_enrolment WHERE household_id = ${family.id}`)).toEqual([]);
    });

    it('refuses a recipient who is not a member of the family, and a dead one', async () => {
      const family = yk[1] as Family;
      const stranger = (yk[2] as Family).head;
      const response = await manager.post(url('pkh'), {
        householdId: family.id,
        recipientPersonId: stranger,
        channel: 'bank',
        account: '1234567',
      });
      expect(response.status).toBe(422);
      expect(response.body.errors[0]).toMatchObject({ field: 'recipientPersonId', code: 'aid.recipient_not_member' });
      if (family.other) {
        await q(sql`UPDATE person SET died_on = '2020-01-01' WHERE id = ${family.other}`);
        const dead = await manager.post(url('pkh'), {
          householdId: family.id,
          recipientPersonId: family.other,
          channel: 'bank',
          account: '1234567',
        });
        expect(dead.status).toBe(422);
        expect(dead.body.errors[0]).toMatchObject({ field: 'recipientPersonId', code: 'aid.recipient_not_living' });
        await q(sql`UPDATE person SET died_on = NULL WHERE id = ${family.other}`);
      }
    });

    it('checks the account per channel', async () => {
      const family = yk[1] as Family;
      for (const [channel, account] of [
        ['bank', '12345'],
        ['bank', '123456789012345678901'],
        ['emoney', '0212345678'],
        ['lkd', '081234567'],
        ['giro_pos', '123456789'],
      ]) {
        const response = await manager.post(url('pkh'), { householdId: family.id, recipientPersonId: family.head, channel, account });
        expect(response.status, `${channel} ${account}`).toBe(422);
        expect(response.body.errors[0]).toMatchObject({ field: 'account', code: 'aid.account_format' });
      }
      const giro = await manager.post(url('pkh'), {
        householdId: family.id,
        recipientPersonId: family.head,
        channel: 'giro_pos',
        account: '1234 5678 90',
      });
      expect(giro.status).toBe(201);
      expect(giro.body).toMatchObject({ channel: 'giro_pos', account: '******7890' });
    });

    it('with an Idempotency-Key, a retry answers the first enrolment and writes nothing new', async () => {
      const family = yk[5] as Family;
      const body = { householdId: family.id, recipientPersonId: family.head, channel: 'bank', account: '9988776655' };
      const first = await manager.request('POST', url('pkh'), body, { 'Idempotency-Key': 'enrol-yk5' });
      const second = await manager.request('POST', url('pkh'), body, { 'Idempotency-Key': 'enrol-yk5' });
      expect(first.status).toBe(201);
      expect(second.body).toEqual(first.body);
      expect(await q(sql`SELECT id FROM aid_enrolment WHERE household_id = ${family.id}`)).toHaveLength(1);
    });

    it('suspends, resumes and ends with a reason, each change audited; an ended enrolment stays ended', async () => {
      const [row] = await q<{ id: string }>(sql`SELECT id::text AS id FROM aid_enrolment WHERE household_id = ${(yk[0] as Family).id}`);
      const id = row?.id as string;
      const status = (body: unknown) => manager.request('PUT', `/api/v1/enrolments/${id}/status`, body);
      const suspended = await status({ status: 'suspended', reason: 'Pindah sementara' });
      expect(suspended.body).toMatchObject({ status: 'suspended', reason: 'Pindah sementara', endedOn: null });
      expect((await status({ status: 'suspended', reason: 'lagi' })).body.errors[0]).toMatchObject({ code: 'aid.status_unchanged' });
      expect((await status({ status: 'enrolled', reason: 'Kembali' })).body.status).toBe('enrolled');
      const ended = await status({ status: 'ended', reason: 'Graduasi' });
      expect(ended.body).toMatchObject({ status: 'ended', reason: 'Graduasi' });
      expect(ended.body.endedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const again = await status({ status: 'enrolled', reason: 'x' });
      expect(again.status).toBe(409);
      expect(again.body.errors[0]).toMatchObject({ code: 'aid.enrolment_ended' });
      expect((await status({ status: 'paused', reason: 'x' })).status).toBe(422);
      expect((await status({ status: 'suspended' })).status).toBe(422);
      const audit = await auditOf(id);
      expect(audit.map((a) => a.action)).toEqual([
        'aid.enrolment_create',
        'aid.enrolment_suspend',
        'aid.enrolment_resume',
        'aid.enrolment_end',
      ]);
      expect(audit[3]).toMatchObject({
        before: { status: 'enrolled' },
        after: { status: 'ended', reason: 'Graduasi', account: '********7890' },
      });
      expect(JSON.stringify(audit)).not.toContain('1234567890');
    });

    it('enrols in bulk: enrolled with the chosen recipient and account pending, not eligible with rules, already enrolled, not found', async () => {
      const [a, b, , , notEligible] = yk as [Family, Family, Family, Family, Family];
      const first = await manager.post(url('kks'), { householdId: b.id, recipientPersonId: b.head, channel: 'bank', account: '55554444' });
      expect(first.status).toBe(201);
      const response = await manager.post(`${url('kks')}/bulk`, {
        households: [a.id, b.id, notEligible.id, bd.id, NO_SUCH_ID],
      });
      expect(response.status).toBe(200);
      const [enrolled, ...rest] = response.body.items;
      expect(enrolled).toMatchObject({ householdId: a.id, outcome: 'enrolled', failedRules: [] });
      expect(rest).toEqual([
        { householdId: b.id, outcome: 'already_enrolled', enrolmentId: null, failedRules: [] },
        { householdId: notEligible.id, outcome: 'not_eligible', enrolmentId: null, failedRules: ['card'] },
        { householdId: bd.id, outcome: 'not_found', enrolmentId: null, failedRules: [] },
        { householdId: NO_SUCH_ID, outcome: 'not_found', enrolmentId: null, failedRules: [] },
      ]);
      expect(response.body.enrolled).toBe(1);
      const [wife] = await q<{ id: string }>(
        sql`SELECT id::text AS id FROM person WHERE household_id = ${a.id} AND relation = 'wife' AND sex = 'F' AND died_on IS NULL LIMIT 1`,
      );
      const view = await manager.get(`/api/v1/enrolments/${enrolled.enrolmentId}`);
      expect(view.body).toMatchObject({
        status: 'pending_account',
        channel: 'giro_pos',
        account: null,
        recipientPersonId: wife?.id ?? a.head,
      });
      // The account given later makes it enrolled.
      const account = await manager.request('PUT', `/api/v1/enrolments/${enrolled.enrolmentId}/account`, {
        channel: 'emoney',
        account: '081299990000',
      });
      expect(account.body).toMatchObject({ status: 'enrolled', channel: 'lkd', account: '********0000' });
      expect((await auditOf(enrolled.enrolmentId)).map((x) => x.action)).toEqual(['aid.enrolment_create', 'aid.enrolment_account']);
      expect((await manager.post(`${url('pip')}/bulk`, { households: [a.id] })).status).toBe(422);
      expect((await manager.post(`${url('kks')}/bulk`, { households: [] })).status).toBe(422);
      expect((await manager.post(`${url('kks')}/bulk`, { households: Array.from({ length: 501 }, () => NO_SUCH_ID) })).status).toBe(422);
    });

    it('raises two households that share one account in the duplicate review', async () => {
      const c = yk[2] as Family;
      const d = yk[3] as Family;
      for (const family of [c, d])
        expect(
          (
            await manager.post(url('pkh'), {
              householdId: family.id,
              recipientPersonId: family.head,
              channel: 'bank',
              account: '7777-0000-1111',
            })
          ).status,
        ).toBe(201);
      const review = await admin.get(`/api/v1/registry/duplicates?village=${YK_VILLAGE}&limit=200`);
      expect(review.status).toBe(200);
      const pair = review.body.items.find(
        (p: { a: { id: string }; b: { id: string } }) => [p.a.id, p.b.id].sort().join() === [c.head, d.head].sort().join(),
      );
      expect(pair).toMatchObject({ reasons: expect.arrayContaining(['shared_account']) });
      // Ending one of the two enrolments takes the pair out of the review.
      const [row] = await q<{ id: string }>(sql`SELECT id::text AS id FROM aid_enrolment WHERE household_id = ${d.id}`);
      await manager.request('PUT', `/api/v1/enrolments/${row?.id}/status`, { status: 'ended', reason: 'Rekening salah' });
      const after = await admin.get(`/api/v1/registry/duplicates?village=${YK_VILLAGE}&limit=200`);
      expect(
        after.body.items.some(
          (p: { reasons: string[]; a: { id: string }; b: { id: string } }) =>
            p.reasons.includes('shared_account') && [p.a.id, p.b.id].includes(d.head),
        ),
      ).toBe(false);
    });

    it('scope and roles: another office’s family or recipient answers as unknown; readers read their own regions; cashiers nothing', async () => {
      const outside = await manager.post(url('pkh'), {
        householdId: bd.id,
        recipientPersonId: bd.head,
        channel: 'bank',
        account: '1234567',
      });
      const unknown = await manager.post(url('pkh'), {
        householdId: NO_SUCH_ID,
        recipientPersonId: bd.head,
        channel: 'bank',
        account: '1234567',
      });
      expect(outside.status).toBe(404);
      expect(unknown.status).toBe(404);
      const bdByAdmin = await admin.post(url('pkh'), {
        householdId: bd.id,
        recipientPersonId: bd.head,
        channel: 'bank',
        account: '1234567',
      });
      expect(bdByAdmin.status).toBe(201);
      expect(
        (await manager.request('PUT', `/api/v1/enrolments/${bdByAdmin.body.id}/status`, { status: 'ended', reason: 'x' })).status,
      ).toBe(404);
      expect((await manager.get(`/api/v1/enrolments/${bdByAdmin.body.id}`)).status).toBe(404);
      const ykList = await supervisor.get(`${url('pkh')}?limit=2`);
      expect(ykList.status).toBe(200);
      expect(ykList.body.items).toHaveLength(2);
      const next = await supervisor.get(`${url('pkh')}?limit=2&cursor=${ykList.body.nextCursor}`);
      const all = [...ykList.body.items, ...next.body.items];
      expect(all.map((e: { householdId: string }) => e.householdId)).not.toContain(bd.id);
      expect(all.every((e: { account: string | null }) => e.account === null || e.account.startsWith('*'))).toBe(true);
      const bdList = await facilitator.get(url('pkh'));
      expect(bdList.body.items.map((e: { householdId: string }) => e.householdId)).toEqual([bd.id]);
      // A row names its recipient and village (the web list reads no person per row).
      const [bdHead] = await q<{ full_name: string }>(sql`SELECT full_name FROM person WHERE id = ${bd.head}`);
      expect(bdList.body.items[0]).toMatchObject({ recipientName: bdHead?.full_name, villageCode: BD_VILLAGE });
      expect((await supervisor.get(`${url('pkh')}?status=ended`)).body.items.every((e: { status: string }) => e.status === 'ended')).toBe(
        true,
      );
      expect((await supervisor.get(`${url('pkh')}?cursor=bm9wZQ`)).status).toBe(422);
      expect((await facilitator.post(`${url('pkh')}/bulk`, { households: [bd.id] })).status).toBe(403);
      expect(
        (await supervisor.request('PUT', `/api/v1/enrolments/${bdByAdmin.body.id}/status`, { status: 'ended', reason: 'x' })).status,
      ).toBe(403);
      expect((await cashier.get(url('pkh'))).status).toBe(403);
      expect((await manager.get(url('tidak_ada'))).status).toBe(404);
    });
  });
}
