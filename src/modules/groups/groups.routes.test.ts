import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';

for (const kind of testDatabaseKinds()) {
  describe(`business groups over HTTP [${kind}]`, () => {
    let server: TestServer;
    let facilitator: ApiClient;
    // Heads and wives of demo households in Sangkanhurip, by household.
    let families: { householdId: string; personIds: string[] }[] = [];

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false });
      facilitator = new ApiClient(server.url);
      await facilitator.login('pendamping', DEMO_PASSWORD);
      const people = await server.database.db
        .selectFrom('person')
        .select(['id', 'household_id'])
        .where('village_code', '=', '32.04.11.2001')
        .orderBy('household_id')
        .orderBy('relation')
        .execute();
      const byHousehold = new Map<string, string[]>();
      for (const p of people) byHousehold.set(p.household_id, [...(byHousehold.get(p.household_id) ?? []), p.id]);
      families = [...byHousehold].map(([householdId, personIds]) => ({ householdId, personIds }));
    });
    afterAll(async () => server.close());

    const form = (name: string, groupKind = 'kube') =>
      facilitator.post('/api/v1/groups', {
        kind: groupKind,
        name,
        officeCode: 'BD01',
        villageCodes: ['3204112001'],
        facilitatorUsername: 'pendamping',
        formedOn: '2026-11-01',
      });

    it('keeps a KUBE to 10 families, counting a second member of a family once', async () => {
      const created = await form('KUBE Uji Sangkanhurip');
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        kind: { code: 'kube', counts: 'households', minSize: 8, maxSize: 10 },
        facilitator: { username: 'pendamping' },
      });
      const id = created.body.id as string;
      const withTwo = families.find((f) => f.personIds.length >= 2);
      if (!withTwo || families.length < 11) throw new Error('demo has too few families in Sangkanhurip');
      const ten = [withTwo, ...families.filter((f) => f !== withTwo).slice(0, 9)];
      for (const family of ten)
        expect(
          (await facilitator.post(`/api/v1/groups/${id}/members`, { personId: family.personIds[0], joinedOn: '2026-11-01' })).status,
        ).toBe(201);
      const spouse = await facilitator.post(`/api/v1/groups/${id}/members`, { personId: withTwo.personIds[1], joinedOn: '2026-11-02' });
      expect(spouse.status).toBe(201);
      expect(spouse.body.size).toEqual({ members: 11, households: 10 });

      const eleventh = families.find((f) => !ten.includes(f)) as (typeof families)[number];
      const full = await facilitator.post(`/api/v1/groups/${id}/members`, { personId: eleventh.personIds[0], joinedOn: '2026-11-03' });
      expect(full.status).toBe(409);
      expect(full.body).toMatchObject({
        code: 'groups.size_limit',
        detail: 'Kelompok KUBE / Keluarga Produktif paling banyak 10 keluarga; kelompok ini sudah penuh.',
      });
      expect(full.body.errors[0]).toMatchObject({
        field: 'personId',
        message: 'Kelompok KUBE / Keluarga Produktif paling banyak 10 keluarga; kelompok ini sudah penuh.',
      });
      const kinds = await facilitator.get('/api/v1/groups/kinds');
      expect(kinds.body.items).toContainEqual({ code: 'usep_km', name: 'USEP KM', counts: 'members', minSize: 30, maxSize: 30 });

      const other = await form('KUBE Uji Kedua');
      const twice = await facilitator.post(`/api/v1/groups/${other.body.id}/members`, {
        personId: ten[1]?.personIds[0],
        joinedOn: '2026-11-03',
      });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('groups.already_in_kind');
      const jkm = await form('Kelompok Anggota JKM Uji', 'jkm');
      expect(
        (await facilitator.post(`/api/v1/groups/${jkm.body.id}/members`, { personId: ten[1]?.personIds[0], joinedOn: '2026-11-03' }))
          .status,
      ).toBe(201);
    });

    it('appoints officers from members, records a musyawarah with attendance, and registers assets in exact rupiah', async () => {
      const list = await facilitator.get('/api/v1/groups?kind=kube');
      const group = list.body.items.find((g: { name: string }) => g.name === 'KUBE Uji Sangkanhurip');
      const detail = await facilitator.get(`/api/v1/groups/${group.id}`);
      const [ketua, bendahara] = detail.body.members as { personId: string }[];
      const outsider = families.at(-1)?.personIds[0];
      const wrong = await facilitator.request('PUT', `/api/v1/groups/${group.id}/officers`, { ketua: outsider });
      expect(wrong.status).toBe(422);
      expect(wrong.body.errors[0]).toMatchObject({ field: 'ketua', code: 'groups.officer_not_member' });
      const officers = await facilitator.request('PUT', `/api/v1/groups/${group.id}/officers`, {
        ketua: ketua?.personId,
        bendahara: bendahara?.personId,
      });
      expect(officers.body.officers.map((o: { role: string }) => o.role).sort()).toEqual(['bendahara', 'ketua']);

      const meeting = await facilitator.post(`/api/v1/groups/${group.id}/meetings`, {
        heldOn: '2026-11-15',
        place: 'Balai Desa Katapang',
        agenda: 'Giliran modal bergulir berikutnya',
        decisions: 'Modal berikutnya untuk usaha warung sembako',
        attendance: [
          { personId: ketua?.personId, present: true },
          { personId: bendahara?.personId, present: false },
        ],
      });
      expect(meeting.status).toBe(201);
      expect(meeting.body.attendance.map((a: { present: boolean }) => a.present).sort()).toEqual([false, true]);
      expect((await facilitator.get(`/api/v1/groups/${group.id}/meetings`)).body.items).toHaveLength(1);
      const pdf = await fetch(`${server.url}/api/v1/groups/${group.id}/meetings/${meeting.body.id}/berita-acara.pdf`, {
        headers: { cookie: facilitator.cookie ?? '' },
      });
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(
        Buffer.from(await pdf.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');

      expect(
        (
          await facilitator.post(`/api/v1/groups/${group.id}/assets`, {
            item: 'Mesin penggiling padi',
            valueRupiah: '2500000',
            receivedOn: '2026-11-10',
            sourceProgramme: 'KUBE Kemensos',
          })
        ).status,
      ).toBe(201);
      expect(
        (
          await facilitator.post(`/api/v1/groups/${group.id}/assets`, {
            item: 'Pupuk',
            valueRupiah: 750_001,
            receivedOn: '2026-11-11',
            sourceProgramme: 'Dinas Pertanian',
          })
        ).status,
      ).toBe(201);
      const bad = await facilitator.post(`/api/v1/groups/${group.id}/assets`, {
        item: 'Jaring',
        valueRupiah: 12.5,
        receivedOn: '2026-11-11',
        sourceProgramme: 'x',
      });
      expect(bad.status).toBe(422);
      expect((await facilitator.get(`/api/v1/groups/${group.id}`)).body.assetsTotalRupiah).toBe('3250001');
    });

    it('exports groups in scope as CSV, the chair masked for auditors', async () => {
      const csv = await (await fetch(`${server.url}/api/v1/groups/export.csv`, { headers: { cookie: facilitator.cookie ?? '' } })).text();
      const lines = csv
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n');
      expect(lines[0]).toBe('jenis,nama,kode_desa,dibentuk,anggota,keluarga,ketua,pendamping,aset_rupiah');
      expect(lines.some((l) => l.startsWith('kube,KUBE Mekar Sari,32.04.11.2002,2026-07-01,9,9,'))).toBe(true);
      expect(lines.some((l) => l.includes('Kricak'))).toBe(false);
      const auditor = new ApiClient(server.url);
      await auditor.login('auditor', DEMO_PASSWORD);
      const masked = await (await fetch(`${server.url}/api/v1/groups/export.csv`, { headers: { cookie: auditor.cookie ?? '' } })).text();
      const mekarSari = masked.split('\n').find((l) => l.includes('KUBE Mekar Sari')) ?? '';
      expect(mekarSari.split(',')[6]).toMatch(/^(\S\*\*\*\s?)+$/);
    });

    it('exports with the list’s village filter, and refuses a village that is not a village code (a NUL byte) on its field', async () => {
      const undotted = await fetch(`${server.url}/api/v1/groups/export.csv?village=3204112002`, {
        headers: { cookie: facilitator.cookie ?? '' },
      });
      expect(await undotted.text()).toContain('KUBE Mekar Sari');
      const refused = await fetch(`${server.url}/api/v1/groups/export.csv?village=ab%00c`, {
        headers: { cookie: facilitator.cookie ?? '', 'accept-encoding': 'gzip' },
      });
      expect(refused.status).toBe(422);
      expect(refused.headers.get('content-encoding')).toBeNull();
      expect(((await refused.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['village']);
    });

    it('answers an export whose query fails as plain problem+json, neither labelled gzip nor a download', async () => {
      await sql`ALTER TABLE group_village RENAME TO group_village_away`.execute(server.database.db);
      try {
        for (const format of ['csv', 'xlsx']) {
          const response = await fetch(`${server.url}/api/v1/groups/export.${format}`, {
            headers: { cookie: facilitator.cookie ?? '', 'accept-encoding': 'gzip' },
          });
          expect(response.status).toBe(500);
          expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
          expect(response.headers.get('content-encoding')).toBeNull();
          expect(response.headers.get('content-disposition')).toBeNull();
          expect(((await response.json()) as { code: string }).code).toBe('common.internal');
        }
      } finally {
        await sql`ALTER TABLE group_village_away RENAME TO group_village`.execute(server.database.db);
      }
    });

    it('hides groups from users of other offices', async () => {
      const manager = new ApiClient(server.url);
      await manager.login('manajer', DEMO_PASSWORD); // Kota Yogyakarta
      const seen = (await manager.get('/api/v1/groups')).body.items as { villageCodes: string[] }[];
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((g) => g.villageCodes.every((v) => v.startsWith('34.71.')))).toBe(true);
      const some = (await facilitator.get('/api/v1/groups')).body.items[0];
      expect((await manager.get(`/api/v1/groups/${some.id}`)).status).toBe(404);
    });
  });
}
