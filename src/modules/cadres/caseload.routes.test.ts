import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { pdfText } from '../../testing/pdf-text.ts';
import { ApiClient, startTestServer, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';

const LETTER = { letterDate: '2026-01-05', signedBy: 'Kepala Cabang', validUntil: '2027-01-04', phone: '081234567890' };

for (const kind of testDatabaseKinds()) {
  describe(`cadre trainings, families and caseload [${kind}]`, () => {
    let server: TestServer;
    let admin: ApiClient;
    let manager: ApiClient;
    let supervisor: ApiClient;
    let kader: ApiClient;
    let cadreA: string;
    let cadreB: string;
    let ownCadre: string;
    let kricak: string[];
    let bumijo: string;
    let katapang: string;

    const login = async (username: string) => {
      const client = new ApiClient(server.url);
      await client.login(username, DEMO_PASSWORD);
      return client;
    };
    const households = async (village: string, count: number) =>
      (
        await server.database.db
          .selectFrom('household')
          .select('id')
          .where('village_code', '=', village)
          .orderBy('id')
          .limit(count)
          .execute()
      ).map((h) => h.id);
    const wifeIn = async (village: string, skip: number) =>
      (
        await server.database.db
          .selectFrom('person')
          .select('id')
          .where('village_code', '=', village)
          .where('relation', '=', 'wife')
          .orderBy('id')
          .offset(skip)
          .limit(1)
          .executeTakeFirstOrThrow()
      ).id;

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false });
      [admin, manager, supervisor, kader] = (await Promise.all(['admin', 'manajer', 'pembina', 'kader'].map(login))) as [
        ApiClient,
        ApiClient,
        ApiClient,
        ApiClient,
      ];
      const register = async (client: ApiClient, body: Record<string, unknown>) => {
        const response = await client.post('/api/v1/cadres', { ...LETTER, ...body });
        expect(response.status, JSON.stringify(response.body)).toBe(201);
        return response.body.id as string;
      };
      cadreA = await register(manager, {
        personId: await wifeIn('34.71.01.1001', 0),
        officeCode: 'YK01',
        letterNumber: 'A/ST/2026',
        villageCodes: ['34.71.01.1001', '34.71.01.1002'],
      });
      cadreB = await register(manager, {
        personId: await wifeIn('34.71.01.1001', 1),
        officeCode: 'YK01',
        letterNumber: 'B/ST/2026',
        villageCodes: ['34.71.01.1001'],
      });
      ownCadre = await register(admin, {
        personId: await wifeIn('32.04.11.2002', 0),
        officeCode: 'BD01',
        letterNumber: 'K/ST/2026',
        villageCodes: ['32.04.11.2002'],
        username: 'kader',
      });
      kricak = await households('34.71.01.1001', 3);
      [bumijo] = (await households('34.71.02.1001', 1)) as [string];
      [katapang] = (await households('32.04.11.2002', 1)) as [string];
    });
    afterAll(async () => server.close());

    it('records trainings (audited) and lists them with the total hours', async () => {
      const recorded = await manager.post(`/api/v1/cadres/${cadreA}/trainings`, {
        title: 'Pelatihan kader JKN-KIS angkatan I',
        organiser: 'BPJS Kesehatan Cabang Yogyakarta',
        heldOn: '2026-01-10',
        hours: 16,
        certificateNumber: 'SERT/001/2026',
      });
      expect(recorded.status).toBe(201);
      expect(recorded.body).toMatchObject({ title: 'Pelatihan kader JKN-KIS angkatan I', hours: 16, certificateNumber: 'SERT/001/2026' });
      await manager.post(`/api/v1/cadres/${cadreA}/trainings`, {
        title: 'Penyegaran',
        organiser: 'Dinkes',
        heldOn: '2026-02-01',
        hours: 3.5,
      });
      const list = await supervisor.get(`/api/v1/cadres/${cadreA}/trainings`);
      expect(list.body.items.map((t: { title: string }) => t.title)).toEqual(['Penyegaran', 'Pelatihan kader JKN-KIS angkatan I']);
      expect(list.body.totalHours).toBe(19.5);
      const audit = await server.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', cadreA)
        .where('action', '=', 'cadre.record_training')
        .execute();
      expect(audit).toHaveLength(2);

      const bad = await manager.post(`/api/v1/cadres/${cadreA}/trainings`, {
        title: 'X',
        organiser: 'Y',
        heldOn: '2099-01-01',
        hours: 1.25,
      });
      expect(bad.status).toBe(422);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['hours']);
      const future = await manager.post(`/api/v1/cadres/${cadreA}/trainings`, {
        title: 'X',
        organiser: 'Y',
        heldOn: '2099-01-01',
        hours: 2,
      });
      expect(future.body.errors).toEqual([expect.objectContaining({ field: 'heldOn', code: 'cadres.training_in_future' })]);
      expect(
        (await supervisor.post(`/api/v1/cadres/${cadreA}/trainings`, { title: 'X', organiser: 'Y', heldOn: '2026-01-01', hours: 2 }))
          .status,
      ).toBe(403);
    });

    it('keeps the caseload within the cap the admin sets', async () => {
      expect((await manager.get('/api/v1/cadres/settings')).status).toBe(403);
      expect((await admin.get('/api/v1/cadres/settings')).body).toEqual({ caseloadCap: 500, cardOrigin: null });
      expect((await admin.request('PUT', '/api/v1/cadres/settings', { caseloadCap: 2 })).body).toEqual({
        caseloadCap: 2,
        cardOrigin: null,
      });

      const first = await manager.post(`/api/v1/cadres/${cadreA}/families`, { householdIds: kricak.slice(0, 2) });
      expect(first.body).toEqual({ assigned: 2, caseload: { count: 2, cap: 2 } });
      // Assigning the same families again changes nothing.
      expect((await manager.post(`/api/v1/cadres/${cadreA}/families`, { householdIds: kricak.slice(0, 1) })).body.assigned).toBe(0);

      const full = await manager.post(`/api/v1/cadres/${cadreA}/families`, { householdIds: [kricak[2]] });
      expect(full.status).toBe(409);
      expect(full.body.code).toBe('cadre.caseload_full');
      expect(full.body.params).toMatchObject({ cap: 2, count: 2 });

      expect((await manager.request('DELETE', `/api/v1/cadres/${cadreA}/families/${kricak[1]}`)).status).toBe(204);
      expect((await manager.request('DELETE', `/api/v1/cadres/${cadreA}/families/${kricak[1]}`)).status).toBe(404);
      expect((await manager.post(`/api/v1/cadres/${cadreA}/families`, { householdIds: [kricak[2]] })).body.caseload).toEqual({
        count: 2,
        cap: 2,
      });
    });

    it('gives a family at most one cadre, only in the cadre’s villages and the caller’s scope', async () => {
      const taken = await manager.post(`/api/v1/cadres/${cadreB}/families`, { householdIds: [kricak[0]] });
      expect(taken.status).toBe(409);
      expect(taken.body.code).toBe('cadres.family_has_cadre');
      expect(taken.body.errors[0]).toMatchObject({ field: 'householdIds.0', code: 'cadres.family_has_cadre' });
      expect(taken.body.detail).toContain('(');

      const outside = await manager.post(`/api/v1/cadres/${cadreB}/families`, { householdIds: [kricak[1], bumijo] });
      expect(outside.status).toBe(422);
      expect(outside.body.errors).toEqual([expect.objectContaining({ field: 'householdIds.1', code: 'cadres.family_outside_area' })]);

      expect((await manager.post(`/api/v1/cadres/${cadreB}/families`, { householdIds: [katapang] })).status).toBe(404);
      expect((await manager.post(`/api/v1/cadres/${cadreB}/families`, { householdIds: [kricak[1]] })).body.assigned).toBe(1);
    });

    it('lists a cadre’s families a page at a time, KK masked for a supervisor', async () => {
      const first = await manager.get(`/api/v1/cadres/${cadreA}/families?limit=1`);
      expect(first.body.items).toHaveLength(1);
      expect(first.body.items[0]).toMatchObject({ householdId: kricak[0], villageName: 'Kricak' });
      expect(first.body.items[0].kkNumber).toMatch(/^\d{16}$/);
      expect(first.body.caseload).toEqual({ count: 2, cap: 2 });
      const second = await manager.get(`/api/v1/cadres/${cadreA}/families?limit=1&cursor=${first.body.nextCursor}`);
      expect(second.body.items.map((f: { householdId: string }) => f.householdId)).toEqual([kricak[2]]);
      expect(second.body.nextCursor).toBeNull();
      const masked = await supervisor.get(`/api/v1/cadres/${cadreA}/families`);
      expect(masked.body.items[0].kkNumber).toContain('*');
    });

    it('lets a cadre read only their own record, trainings and families', async () => {
      const list = await kader.get('/api/v1/cadres');
      expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([ownCadre]);
      expect((await kader.get(`/api/v1/cadres/${ownCadre}`)).status).toBe(200);
      expect((await kader.get(`/api/v1/cadres/${ownCadre}/families`)).body.items).toEqual([]);
      expect((await kader.get(`/api/v1/cadres/${cadreA}/trainings`)).status).toBe(404);
      expect((await kader.post(`/api/v1/cadres/${ownCadre}/families`, { householdIds: [katapang] })).status).toBe(403);
    });

    it('prints a first card with the configured origin in its QR code', async () => {
      // Only an http(s) origin as a browser writes it: anything else is refused on the field, never a 500.
      for (const cardOrigin of [
        'not a url',
        'https://',
        'ftp://jaring.example.id',
        'https://jaring.example.id/x',
        'https://jaring.example.id?x=1',
        'https://user:secret@jaring.example.id',
        ' https://jaring.example.id',
        'https://Jaring.Example.id',
        'javascript:alert(1)',
      ]) {
        const bad = await admin.request('PUT', '/api/v1/cadres/settings', { caseloadCap: 500, cardOrigin });
        expect(bad.status, cardOrigin).toBe(422);
        expect(bad.body.errors).toEqual([
          {
            field: 'cardOrigin',
            code: 'cadres.card_origin_invalid',
            message: expect.stringContaining('https://jaring.contoh.id'),
          },
        ]);
      }
      expect((await admin.get('/api/v1/cadres/settings')).body.cardOrigin).toBeNull();
      const withSlash = await admin.request('PUT', '/api/v1/cadres/settings', { caseloadCap: 500, cardOrigin: 'http://localhost:8080/' });
      expect(withSlash.body.cardOrigin).toBe('http://localhost:8080');
      await admin.request('PUT', '/api/v1/cadres/settings', { caseloadCap: 500, cardOrigin: 'https://kartu.jkm.example.id' });
      const response = await fetch(`${server.url}/api/v1/cadres/${ownCadre}/card.pdf`, { headers: { cookie: admin.cookie ?? '' } });
      expect(response.headers.get('content-type')).toBe('application/pdf');
      const text = pdfText(Buffer.from(await response.arrayBuffer()));
      expect(text).toContain('K/ST/2026');
      expect(text).toContain('kartu.jkm.example.id');
      expect((await admin.get(`/api/v1/cadres/${ownCadre}`)).body.cardVersion).toBe(1);
    });
  });
}
