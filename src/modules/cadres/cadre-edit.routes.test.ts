import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDate, systemClock } from '../../core/clock.ts';
import { addDays } from '../../core/dates.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';

const KRICAK = '34.71.01.1001';
const KARANGWARU = '34.71.01.1002';
const KATAPANG = '32.04.11.2001';

/** A date `days` away from the business date. */
const dayFromToday = (days: number) => addDays(businessDate(systemClock), days);

for (const kind of testDatabaseKinds()) {
  describe(`editing a cadre: phone, letter renewal, villages [${kind}]`, () => {
    let server: TestServer;
    let manager: ApiClient;
    let cadreId: string;
    let token: string;
    const expiredOn = dayFromToday(-30);

    const verify = async () => (await new ApiClient(server.url).get(`/api/v1/public/cadres/verify/${token}`)).body;
    const audits = () =>
      server.database.db
        .selectFrom('audit_log')
        .select(['actor_username', 'before', 'after'])
        .where('action', '=', 'cadre.update')
        .where('entity_id', '=', cadreId)
        .orderBy('id')
        .execute();

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false });
      manager = new ApiClient(server.url);
      await manager.login('manajer', DEMO_PASSWORD); // YK01, Kota Yogyakarta
      const person = await server.database.db
        .selectFrom('person')
        .select('id')
        .where('village_code', '=', KRICAK)
        .where('relation', '=', 'wife')
        .executeTakeFirstOrThrow();
      // A cadre whose letter ran out a month ago: their card verifies as expired.
      const registered = await manager.post('/api/v1/cadres', {
        personId: person.id,
        officeCode: 'YK01',
        phone: '081234567890',
        letterNumber: '12/ST/KC-YK/2025',
        letterDate: dayFromToday(-395),
        signedBy: 'Kepala Cabang Yogyakarta',
        validUntil: expiredOn,
        villageCodes: [KRICAK],
      });
      expect(registered.status, JSON.stringify(registered.body)).toBe(201);
      cadreId = registered.body.id;
      token = (await manager.post(`/api/v1/cadres/${cadreId}/card`)).body.token;
    });
    afterAll(async () => server.close());

    it('renews an expired letter and changes the phone: the same card verifies as current again; audited before/after', async () => {
      expect(await verify()).toMatchObject({ valid: true, expired: true, letterNumber: '12/ST/KC-YK/2025' });
      const renewed = {
        phone: '085711112222',
        letterNumber: '40/ST/KC-YK/2026',
        letterDate: dayFromToday(-1),
        validUntil: dayFromToday(364),
      };
      const response = await manager.patch(`/api/v1/cadres/${cadreId}`, renewed);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body).toMatchObject({ ...renewed, signedBy: 'Kepala Cabang Yogyakarta', cardVersion: 1, status: 'active' });
      expect((await manager.get(`/api/v1/cadres/${cadreId}`)).body).toMatchObject(renewed);
      expect(await verify()).toMatchObject({
        valid: true,
        expired: false,
        letterNumber: '40/ST/KC-YK/2026',
        validUntil: renewed.validUntil,
      });
      const [audit] = await audits();
      expect(audit).toEqual({
        actor_username: 'manajer',
        before: {
          phone: '081234567890',
          letterNumber: '12/ST/KC-YK/2025',
          letterDate: dayFromToday(-395),
          validUntil: expiredOn,
        },
        after: renewed,
      });
      // The same values again change nothing and leave no audit record.
      expect((await manager.patch(`/api/v1/cadres/${cadreId}`, renewed)).status).toBe(200);
      expect(await audits()).toHaveLength(1);
    });

    it('refuses unknown fields, bad values and an end date before the letter, naming the field', async () => {
      const unknown = await manager.patch(`/api/v1/cadres/${cadreId}`, { phone: '081299998888', status: 'revoked', personId: cadreId });
      expect(unknown.status).toBe(422);
      expect(unknown.body.errors).toEqual([
        expect.objectContaining({ field: 'status', code: 'unrecognized_keys' }),
        expect.objectContaining({ field: 'personId', code: 'unrecognized_keys' }),
      ]);
      const phone = await manager.patch(`/api/v1/cadres/${cadreId}`, { phone: '0812' });
      expect(phone.status).toBe(422);
      expect(phone.body.errors).toEqual([expect.objectContaining({ field: 'phone' })]);
      const backwards = await manager.patch(`/api/v1/cadres/${cadreId}`, { validUntil: dayFromToday(-10) });
      expect(backwards.status).toBe(422);
      expect(backwards.body.errors).toEqual([expect.objectContaining({ field: 'validUntil', code: 'cadres.valid_until_before_letter' })]);
      const letterAfter = await manager.patch(`/api/v1/cadres/${cadreId}`, { letterDate: dayFromToday(400) });
      expect(letterAfter.body.errors).toEqual([expect.objectContaining({ field: 'letterDate', code: 'cadres.letter_date_future' })]);
      const noVillages = await manager.patch(`/api/v1/cadres/${cadreId}`, { villageCodes: [] });
      expect(noVillages.status).toBe(422);
      expect(noVillages.body.errors).toEqual([expect.objectContaining({ field: 'villageCodes' })]);
      expect((await manager.get(`/api/v1/cadres/${cadreId}`)).body.phone).toBe('085711112222');
      expect(await audits()).toHaveLength(1);
    });

    it('adds a village; a village with the cadre’s families cannot be removed until they are taken off (409 naming it)', async () => {
      const added = await manager.patch(`/api/v1/cadres/${cadreId}`, { villageCodes: [KRICAK, KARANGWARU] });
      expect(added.status, JSON.stringify(added.body)).toBe(200);
      expect(added.body.villages).toEqual([
        { code: KRICAK, name: 'Kricak' },
        { code: KARANGWARU, name: 'Karangwaru' },
      ]);
      expect(await verify()).toMatchObject({ area: 'Kricak, Karangwaru' });

      const family = await server.database.db
        .selectFrom('household')
        .select('id')
        .where('village_code', '=', KARANGWARU)
        .executeTakeFirstOrThrow();
      expect((await manager.post(`/api/v1/cadres/${cadreId}/families`, { householdIds: [family.id] })).status).toBe(200);
      const refused = await manager.patch(`/api/v1/cadres/${cadreId}`, { villageCodes: [KRICAK] });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        code: 'cadres.village_has_families',
        params: { village: 'Karangwaru', villageCodes: [KARANGWARU], count: 1 },
        errors: [{ field: 'villageCodes', code: 'cadres.village_has_families' }],
      });
      expect(refused.body.detail).toContain('Karangwaru');
      expect((await manager.get(`/api/v1/cadres/${cadreId}`)).body.villages).toHaveLength(2);

      expect((await manager.request('DELETE', `/api/v1/cadres/${cadreId}/families/${family.id}`)).status).toBe(204);
      const removed = await manager.patch(`/api/v1/cadres/${cadreId}`, { villageCodes: [KRICAK] });
      expect(removed.status).toBe(200);
      expect(removed.body.villages).toEqual([{ code: KRICAK, name: 'Kricak' }]);
      // A family of the removed village can no longer be given to this cadre.
      const outside = await manager.post(`/api/v1/cadres/${cadreId}/families`, { householdIds: [family.id] });
      expect(outside.body.errors).toEqual([expect.objectContaining({ code: 'cadres.family_outside_area' })]);
      const villageAudits = (await audits()).filter((a) => (a.after as Record<string, unknown>).villageCodes);
      expect(villageAudits.map((a) => [a.before, a.after])).toEqual([
        [{ villageCodes: [KRICAK] }, { villageCodes: [KRICAK, KARANGWARU] }],
        [{ villageCodes: [KRICAK, KARANGWARU] }, { villageCodes: [KRICAK] }],
      ]);
    });

    it('keeps the edit to admins and managers, in their scope', async () => {
      for (const username of ['pembina', 'auditor', 'kader', 'kasir']) {
        const client = new ApiClient(server.url);
        await client.login(username, DEMO_PASSWORD);
        expect((await client.patch(`/api/v1/cadres/${cadreId}`, { phone: '081200000000' })).status, username).toBe(403);
      }
      // A Yogyakarta manager can neither reach Bandung's cadre nor give a Bandung village to theirs.
      const admin = new ApiClient(server.url);
      await admin.login('admin', DEMO_PASSWORD);
      const person = await server.database.db
        .selectFrom('person')
        .select('id')
        .where('village_code', '=', KATAPANG)
        .where('relation', '=', 'wife')
        .executeTakeFirstOrThrow();
      const bandungCadre = (
        await admin.post('/api/v1/cadres', {
          personId: person.id,
          officeCode: 'BD01',
          phone: '081300000000',
          letterNumber: '3/ST/KC-BD/2026',
          letterDate: dayFromToday(-1),
          signedBy: 'Kepala Cabang Bandung',
          validUntil: dayFromToday(364),
          villageCodes: [KATAPANG],
        })
      ).body;
      expect((await manager.patch(`/api/v1/cadres/${bandungCadre.id}`, { phone: '081200000000' })).status).toBe(404);
      const outOfScope = await manager.patch(`/api/v1/cadres/${cadreId}`, { villageCodes: [KRICAK, KATAPANG] });
      expect(outOfScope.status).toBe(403);
      const changed = await admin.patch(`/api/v1/cadres/${bandungCadre.id}`, { phone: '081311112222' });
      expect(changed.status).toBe(200);
      expect(changed.body.phone).toBe('081311112222');
      expect((await manager.get(`/api/v1/cadres/${cadreId}`)).body.phone).toBe('085711112222');
    });
  });
}
