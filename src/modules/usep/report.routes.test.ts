import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { pdfText } from '../../testing/pdf-text.ts';
import { ApiClient, startTestServer, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';

/** The 6-monthly report climbs the whole chain, is returned once, and prints as a letter. */
for (const kind of testDatabaseKinds()) {
  describe(`USEP KM group report chain [${kind}]`, () => {
    let server: TestServer;
    const as: Record<string, ApiClient> = {};
    let groupId: string;
    let ketua: string;

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false });
      for (const username of ['admin', 'manajer', 'pembina', 'lurah', 'camat', 'kasir']) {
        as[username] = new ApiClient(server.url);
        await (as[username] as ApiClient).login(username, DEMO_PASSWORD);
      }
      const heads = await server.database.db
        .selectFrom('person')
        .select(['id', 'full_name'])
        .where('village_code', '=', '34.71.01.1001')
        .where('relation', '=', 'head')
        .orderBy('nik')
        .limit(5)
        .execute();
      ketua = heads[0]?.full_name as string;
      const manager = as.manajer as ApiClient;
      const group = await manager.post('/api/v1/groups', {
        kind: 'usep_km',
        name: 'USEP KM Kricak Maju',
        officeCode: 'YK01',
        villageCodes: ['34.71.01.1001'],
        formedOn: '2026-06-01',
      });
      groupId = group.body.id;
      for (const h of heads) await manager.post(`/api/v1/groups/${groupId}/members`, { personId: h.id, joinedOn: '2026-06-01' });
      await manager.request('PUT', `/api/v1/groups/${groupId}/officers`, { ketua: heads[0]?.id });
      await manager.post(`/api/v1/groups/${groupId}/meetings`, {
        heldOn: '2026-08-10',
        agenda: 'Penerima stimulan pertama',
        attendance: heads.map((h, i) => ({ personId: h.id, present: i !== 4 })),
      });
      await manager.post(`/api/v1/groups/${groupId}/assets`, {
        item: 'Etalase dagangan',
        valueRupiah: '1250000',
        receivedOn: '2026-08-01',
        sourceProgramme: 'USEP KM',
      });
      // A second USEP KM group, formed a year ago and never reporting: late.
      await manager.post('/api/v1/groups', {
        kind: 'usep_km',
        name: 'USEP KM Bumijo Sejahtera',
        officeCode: 'YK01',
        villageCodes: ['34.71.01.1002'],
        formedOn: '2025-11-01',
      });
    });
    afterAll(async () => server.close());

    const client = (name: string) => as[name] as ApiClient;

    it('climbs group → pembina (returned once) → new version → pembina → kelurahan → Dinas, copied to the kecamatan', async () => {
      const draft = await client('manajer').post(`/api/v1/usep/groups/${groupId}/reports`, {
        periodStart: '2026-06-01',
        periodEnd: '2026-11-30',
        narrative: 'Stimulan diterima dan digulirkan.',
        problems: 'Satu anggota menunggak.',
      });
      expect(draft.status).toBe(201);
      expect(draft.body).toMatchObject({ status: 'draft', version: 1, steps: [] });
      expect(draft.body.number).toMatch(/^01\/USEP-KM\/KRICAK-MAJU\/[IVX]+\/\d{4}$/);
      const id = draft.body.id as string;
      expect((await client('lurah').get(`/api/v1/usep/reports/${id}`)).status).toBe(404);
      expect(
        (await client('manajer').patch(`/api/v1/usep/reports/${id}`, { narrative: 'Stimulan diterima dan digulirkan ke 5 anggota.' }))
          .status,
      ).toBe(200);

      const submitted = await client('manajer').post(`/api/v1/usep/reports/${id}/submit`, {});
      expect(submitted.status).toBe(200);
      expect(submitted.body.status).toBe('submitted');
      expect(submitted.body.steps).toEqual([
        expect.objectContaining({ step: 'submitted', byName: 'Budi Santoso', byRole: 'manager', note: `a.n. Ketua ${ketua}` }),
      ]);
      expect(submitted.body.compiled.members).toMatchObject({ active: 5, joined: 5, left: 0 });
      expect(submitted.body.compiled.meetings).toMatchObject({ held: 1, attendancePercent: '80.0' });
      expect(submitted.body.compiled.assets).toMatchObject({ count: 1, valueRupiah: '1250000' });

      const frozen = await client('manajer').patch(`/api/v1/usep/reports/${id}`, { narrative: 'diubah' });
      expect(frozen.status).toBe(409);
      expect(frozen.body.code).toBe('usep.report_frozen');
      // The database itself refuses a change to a submitted version.
      await expect(sql`UPDATE group_report SET narrative = 'x' WHERE id = ${id}`.execute(server.database.db)).rejects.toThrow(
        /new version/,
      );

      expect((await client('kasir').post(`/api/v1/usep/reports/${id}/review`, { decision: 'accept' })).status).toBe(403);
      const noNote = await client('pembina').post(`/api/v1/usep/reports/${id}/review`, { decision: 'return' });
      expect(noNote.status).toBe(422);
      const returned = await client('pembina').post(`/api/v1/usep/reports/${id}/review`, {
        decision: 'return',
        note: 'Lengkapi data omzet usaha.',
      });
      expect(returned.body.status).toBe('returned');
      expect(returned.body.steps.at(-1)).toMatchObject({ step: 'returned', byRole: 'supervisor', note: 'Lengkapi data omzet usaha.' });

      const v2 = await client('manajer').post(`/api/v1/usep/reports/${id}/revise`, {});
      expect(v2.status).toBe(201);
      expect(v2.body).toMatchObject({ version: 2, previousId: id, status: 'draft', number: draft.body.number });
      expect((await client('manajer').get(`/api/v1/usep/reports/${id}`)).body.status).toBe('superseded');
      const v2id = v2.body.id as string;
      expect((await client('manajer').post(`/api/v1/usep/reports/${v2id}/submit`, {})).body.status).toBe('submitted');
      expect((await client('lurah').post(`/api/v1/usep/reports/${v2id}/acknowledge`, {})).status).toBe(404);
      expect((await client('pembina').post(`/api/v1/usep/reports/${v2id}/review`, { decision: 'accept' })).body.status).toBe('accepted');
      // The camat is not the kelurahan, and sees the report only once copied.
      expect((await client('camat').post(`/api/v1/usep/reports/${v2id}/acknowledge`, {})).status).toBe(404);
      expect((await client('manajer').post(`/api/v1/usep/reports/${v2id}/receive`, {})).status).toBe(409);
      const acknowledged = await client('lurah').post(`/api/v1/usep/reports/${v2id}/acknowledge`, { note: 'Mengetahui' });
      expect(acknowledged.body.status).toBe('acknowledged');
      expect(acknowledged.body.steps.at(-1)).toMatchObject({
        step: 'acknowledged',
        byName: 'Sri Rahayu',
        byRole: 'official',
        regionCode: '34.71.01.1001',
      });
      const received = await client('manajer').post(`/api/v1/usep/reports/${v2id}/receive`, {});
      expect(received.body.status).toBe('received');
      expect(received.body.steps.slice(-2)).toEqual([
        expect.objectContaining({ step: 'received', byRole: 'manager' }),
        expect.objectContaining({ step: 'copied', regionCode: '34.71.01', note: 'Tembusan: Camat Tegalrejo' }),
      ]);
      for (const s of received.body.steps) expect(Date.parse(s.at)).not.toBeNaN();
      expect((await client('camat').get('/api/v1/usep/reports')).body.items).toEqual([
        expect.objectContaining({ id: v2id, status: 'received', version: 2 }),
      ]);

      const pdf = await fetch(`${server.url}/api/v1/usep/reports/${v2id}/letter.pdf`, {
        headers: { cookie: client('camat').cookie ?? '' },
      });
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toContain('application/pdf');
      const text = pdfText(Buffer.from(await pdf.arrayBuffer()));
      for (const words of [
        'Nomor',
        'Lampiran',
        'Perihal',
        'Kepada Yth.',
        'Tembusan',
        'Camat Tegalrejo',
        'Lampiran 1. Anggota kelompok',
        ketua,
      ])
        expect(text).toContain(words);
      const xlsx = await fetch(`${server.url}/api/v1/usep/reports/${v2id}/letter.xlsx`, {
        headers: { cookie: client('manajer').cookie ?? '' },
      });
      expect(xlsx.status).toBe(200);
      expect(
        Buffer.from(await xlsx.arrayBuffer())
          .subarray(0, 2)
          .toString(),
      ).toBe('PK');
    });

    it('gives the Dinas its overview: received, returned, late groups', async () => {
      const overview = await client('manajer').get('/api/v1/usep/overview?regency=34.71');
      expect(overview.status).toBe(200);
      expect(overview.body.counts).toMatchObject({ groups: 2, received: 1, returned: 0, late: 1 });
      const rows = overview.body.groups as { name: string; late: boolean; returnedCount: number; latest: { status: string } | null }[];
      expect(rows.find((g) => g.name === 'USEP KM Kricak Maju')).toMatchObject({
        late: false,
        returnedCount: 1,
        latest: { status: 'received' },
      });
      expect(rows.find((g) => g.name === 'USEP KM Bumijo Sejahtera')).toMatchObject({ late: true, returnedCount: 0, latest: null });
      expect((await client('lurah').get('/api/v1/usep/overview?regency=34.71')).status).toBe(403);
    });
  });
}
