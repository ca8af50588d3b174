import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { pdfText } from '../../testing/pdf-text.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD, fillDemo } from '../demo/index.ts';

const KRICAK = '34.71.01.1001';
const KATAPANG = '32.04.11.2002';
const TODAY = '2026-11-15';
const STARTED = '2026-05-01';

/** A minimal whole PDF (magic bytes, one empty page, %%EOF). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

for (const kind of testDatabaseKinds()) {
  describe(`partnerships for health promotion [${kind}]`, () => {
    let server: TestServer;
    const as: Record<string, ApiClient> = {};
    const partners: Record<string, string> = {};
    let partnershipId: string;
    let agreementId: string;
    let women: string[] = [];

    const login = async (username: string) => {
      const client = new ApiClient(server.url);
      await client.login(username, DEMO_PASSWORD);
      as[username] = client;
    };
    const manager = () => as.manajer as ApiClient;
    const put = (client: ApiClient, path: string, body: unknown) => client.request('PUT', path, body);
    const advance = (to: string) => manager().post(`/api/v1/partnerships/${partnershipId}/advance`, { to });
    const upload = (body: Buffer, client = manager()) =>
      fetch(`${server.url}/api/v1/partnerships/agreements/${agreementId}/document`, {
        method: 'PUT',
        headers: { cookie: client.cookie ?? '', 'x-csrf-token': client.csrfToken ?? '', 'content-type': 'application/pdf' },
        body: new Uint8Array(body),
      });
    const file = async (path: string, client = manager()) => {
      const response = await fetch(`${server.url}${path}`, { headers: { cookie: client.cookie ?? '' } });
      return { status: response.status, type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) };
    };

    beforeAll(async () => {
      const clock = fixedClock(new Date(`${TODAY}T03:00:00Z`));
      server = await startTestServer(kind, { serveWeb: false, clock });
      await fillDemo(systemTestContext(server.database, clock));
      for (const username of ['admin', 'manajer', 'dokter', 'pembina', 'auditor', 'kasir', 'pendamping']) await login(username);
      expect(
        (
          await as.admin?.post('/api/v1/users', {
            username: 'manajer.bd',
            fullName: 'Manajer Bandung',
            role: 'manager',
            password: DEMO_PASSWORD,
            officeCodes: ['BD01'],
          })
        )?.status,
      ).toBe(201);
      await login('manajer.bd');
      // Three women of Kricak in the screening ages (30–50 on both window ends).
      women = (
        await server.database.db
          .selectFrom('person')
          .select('id')
          .where('village_code', '=', KRICAK)
          .where('sex', '=', 'F')
          .where('birth_date', '>', '1976-12-01')
          .where('birth_date', '<=', '1994-01-01')
          .orderBy('id')
          .limit(3)
          .execute()
      ).map((p) => p.id);
      expect(women).toHaveLength(3);
    }, 240_000);
    afterAll(async () => server?.close());

    it('records partners of each kind and pillar; the wider pillar names its element', async () => {
      const make = (body: Record<string, unknown>) => manager().post('/api/v1/partners', body);
      const puskesmas = await make({ name: 'Puskesmas Tegalrejo', kind: 'government', pillar: 'health_programme', contactName: 'dr. Sri' });
      expect(puskesmas.status).toBe(201);
      expect(puskesmas.body).toMatchObject({ officeCode: 'YK01', kind: 'government', pillar: 'health_programme', widerElement: null });
      const company = await make({ name: 'PT Sehat', kind: 'business', pillar: 'wider', widerElement: 'business' });
      expect(company.status).toBe(201);
      const ibi = await make({ name: 'IBI Kota', kind: 'non_government', pillar: 'wider', widerElement: 'professional_organisation' });
      expect(ibi.status).toBe(201);
      Object.assign(partners, { puskesmas: puskesmas.body.id, company: company.body.id, ibi: ibi.body.id });

      const noElement = await make({ name: 'LSM', kind: 'non_government', pillar: 'wider' });
      expect(noElement.status).toBe(422);
      expect(noElement.body.errors).toEqual([
        expect.objectContaining({ field: 'widerElement', code: 'partnerships.wider_element_required' }),
      ]);
      const stray = await make({ name: 'Dinas', kind: 'government', pillar: 'government_sector', widerElement: 'business' });
      expect(stray.body.errors).toEqual([
        expect.objectContaining({ field: 'widerElement', code: 'partnerships.wider_element_only_wider' }),
      ]);
      expect((await make({ name: 'X', kind: 'party', pillar: 'wider' })).status).toBe(422);

      const bandung = await as['manajer.bd']?.post('/api/v1/partners', {
        name: 'Puskesmas Katapang',
        kind: 'government',
        pillar: 'health_programme',
      });
      expect(bandung?.status).toBe(201);
      partners.bandung = bandung?.body.id;
      const list = (await manager().get('/api/v1/partners')).body.items.map((p: { name: string }) => p.name);
      expect(list).toEqual(['IBI Kota', 'PT Sehat', 'Puskesmas Tegalrejo']);
      expect((await manager().get(`/api/v1/partners/${partners.bandung}`)).status).toBe(404);
      expect((await manager().request('PATCH', `/api/v1/partners/${partners.bandung}`, { name: 'Y' })).status).toBe(404);
      const renamed = await manager().patch(`/api/v1/partners/${partners.ibi}`, { contactPhone: '081234' });
      expect(renamed.body).toMatchObject({ contactPhone: '081234', pillar: 'wider', widerElement: 'professional_organisation' });
    });

    it('starts a partnership at exploration, in villages of the actor’s regions only', async () => {
      const outside = await manager().post('/api/v1/partnerships', { title: 'Uji', startedOn: STARTED, villageCodes: [KRICAK, KATAPANG] });
      expect(outside.status).toBe(422);
      expect(outside.body.errors).toEqual([expect.objectContaining({ field: 'villageCodes.1', code: 'registry.village_unknown' })]);
      const created = await manager().post('/api/v1/partnerships', {
        title: 'Skrining IVA Kricak',
        startedOn: STARTED,
        villageCodes: [KRICAK],
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        step: 'penjajakan',
        officeCode: 'YK01',
        villageCodes: [KRICAK],
        nextStep: 'penyamaan_persepsi',
        missingToAdvance: ['partnerships.exploration_notes_required', 'partnerships.partner_required'],
      });
      partnershipId = created.body.id;
      expect((await as['manajer.bd']?.get(`/api/v1/partnerships/${partnershipId}`))?.status).toBe(404);
      expect((await as['manajer.bd']?.get('/api/v1/partnerships'))?.body.items).toEqual([]);
    });

    it('moves through the six steps only in order, each with what it needs', async () => {
      const refused = await advance('penyamaan_persepsi');
      expect(refused.status).toBe(409);
      expect(refused.body.errors[0].code).toBe('partnerships.exploration_notes_required');
      expect((await advance('pengaturan_peran')).body.errors[0].code).toBe('partnerships.step_out_of_order');

      await manager().patch(`/api/v1/partnerships/${partnershipId}`, { explorationNotes: 'Puskesmas ingin cakupan IVA naik.' });
      expect((await advance('penyamaan_persepsi')).body.errors[0].code).toBe('partnerships.partner_required');
      // A partner of another office is unknown here; then the two of ours join.
      expect((await put(manager(), `/api/v1/partnerships/${partnershipId}/partners/${partners.bandung}`, {})).status).toBe(404);
      expect(
        (await put(manager(), `/api/v1/partnerships/${partnershipId}/partners/${partners.puskesmas}`, { responsibilities: 'Skrining' }))
          .status,
      ).toBe(200);
      expect((await put(manager(), `/api/v1/partnerships/${partnershipId}/partners/${partners.company}`, {})).status).toBe(200);
      expect((await advance('penyamaan_persepsi')).status).toBe(200);

      expect((await advance('pengaturan_peran')).body.errors[0].code).toBe('partnerships.vision_required');
      await manager().patch(`/api/v1/partnerships/${partnershipId}`, { vision: 'Perempuan terlindungi', goals: 'Cakupan naik' });
      expect((await advance('pengaturan_peran')).status).toBe(200);

      expect((await advance('komunikasi_intensif')).body.errors[0].code).toBe('partnerships.roles_incomplete');
      await put(manager(), `/api/v1/partnerships/${partnershipId}/partners/${partners.company}`, {
        responsibilities: 'Dana transport kader',
      });
      expect((await advance('komunikasi_intensif')).status).toBe(200);

      expect((await advance('melaksanakan_kegiatan')).body.errors[0].code).toBe('partnerships.communication_required');
      const stranger = await manager().post(`/api/v1/partnerships/${partnershipId}/communications`, {
        heldOn: '2026-05-10',
        channel: 'meeting',
        summary: 'Rapat',
        partnerIds: [partners.ibi],
      });
      expect(stranger.body.errors).toEqual([expect.objectContaining({ field: 'partnerIds.0', code: 'partnerships.not_a_member' })]);
      const talk = await manager().post(`/api/v1/partnerships/${partnershipId}/communications`, {
        heldOn: '2026-05-10',
        channel: 'meeting',
        summary: 'Rapat koordinasi',
        partnerIds: [partners.puskesmas, partners.company],
      });
      expect(talk.status).toBe(201);
      expect((await advance('melaksanakan_kegiatan')).status).toBe(200);

      const activity = (kind: string, heldOn: string) =>
        manager().post(`/api/v1/partnerships/${partnershipId}/activities`, {
          kind,
          title: `Kegiatan ${kind}`,
          heldOn,
          place: 'Balai RW 03',
          participants: 20,
          partnerIds: [partners.puskesmas],
        });
      // A seminar still to come is not "carried out".
      expect((await activity('seminar', '2026-12-01')).status).toBe(201);
      expect((await advance('pemantauan_penilaian')).body.errors[0].code).toBe('partnerships.activity_required');
      const evaluateEarly = await manager().post(`/api/v1/partnerships/${partnershipId}/evaluations`, {
        evaluatedOn: TODAY,
        equity: 4,
        transparency: 3,
        mutualBenefit: 5,
      });
      expect(evaluateEarly.status).toBe(409);
      expect(evaluateEarly.body.errors[0].code).toBe('partnerships.evaluation_not_yet');
      for (const [k, on] of [
        ['meeting', '2026-05-20'],
        ['meeting', '2026-06-20'],
        ['workshop', '2026-07-01'],
        ['agreement', '2026-07-15'],
        ['joint_programme', '2026-08-01'],
      ])
        expect((await activity(k as string, on as string)).status).toBe(201);
      const last = await advance('pemantauan_penilaian');
      expect(last.status).toBe(200);
      expect(last.body).toMatchObject({ step: 'pemantauan_penilaian', nextStep: null, missingToAdvance: [] });
      expect(last.body.steps.map((s: { step: string }) => s.step)).toEqual([
        'penjajakan',
        'penyamaan_persepsi',
        'pengaturan_peran',
        'komunikasi_intensif',
        'melaksanakan_kegiatan',
        'pemantauan_penilaian',
      ]);
      expect((await advance('penjajakan')).body.errors[0].code).toBe('partnerships.last_step');
      for (const scores of [
        { equity: 3, transparency: 3, mutualBenefit: 4, evaluatedOn: '2026-10-01' },
        { equity: 4, transparency: 3, mutualBenefit: 5, evaluatedOn: TODAY },
      ])
        expect((await manager().post(`/api/v1/partnerships/${partnershipId}/evaluations`, scores)).status).toBe(201);
      expect(
        (
          await manager().post(`/api/v1/partnerships/${partnershipId}/evaluations`, {
            evaluatedOn: TODAY,
            equity: 6,
            transparency: 3,
            mutualBenefit: 5,
          })
        ).status,
      ).toBe(422);
    });

    it('keeps the resources partners bring, money in exact rupiah', async () => {
      const add = (body: Record<string, unknown>) => manager().post(`/api/v1/partnerships/${partnershipId}/resources`, body);
      expect((await add({ partnerId: partners.company, kind: 'money', description: 'Transport kader', amount: '12500000' })).status).toBe(
        201,
      );
      expect((await add({ partnerId: partners.company, kind: 'money', description: 'Dana abadi', amount: '900719925474099' })).status).toBe(
        201,
      );
      expect((await add({ partnerId: partners.puskesmas, kind: 'people', description: 'Bidan', quantity: 3 })).status).toBe(201);
      expect((await add({ partnerId: partners.puskesmas, kind: 'goods', description: 'Spekulum', quantity: 50 })).status).toBe(201);
      const noAmount = await add({ partnerId: partners.company, kind: 'money', description: 'Dana' });
      expect(noAmount.body.errors).toEqual([expect.objectContaining({ field: 'amount', code: 'partnerships.amount_required' })]);
      const goodsAmount = await add({ partnerId: partners.company, kind: 'goods', description: 'Susu', amount: '1000' });
      expect(goodsAmount.body.errors).toEqual([expect.objectContaining({ field: 'amount', code: 'partnerships.amount_only_money' })]);
      const outsider = await add({ partnerId: partners.bandung, kind: 'goods', description: 'Susu', quantity: 1 });
      expect(outsider.body.errors).toEqual([expect.objectContaining({ field: 'partnerId', code: 'partnerships.partner_unknown' })]);
      const company = await manager().get(`/api/v1/partners/${partners.company}`);
      expect(company.body.moneyTotal).toBe('900719937974099');
      expect(company.body.resources).toHaveLength(2);
    });

    it('keeps agreements with their PDF, checked by its bytes, and lists those ending within 90 days', async () => {
      const made = await manager().post(`/api/v1/partnerships/${partnershipId}/agreements`, {
        number: '01/PKS/2026',
        title: 'PKS skrining',
        startsOn: STARTED,
        endsOn: '2027-01-31',
        partnerIds: [partners.puskesmas, partners.company],
      });
      expect(made.status).toBe(201);
      agreementId = made.body.agreements[0].id;
      expect(made.body.agreements[0]).toMatchObject({
        daysLeft: 77,
        document: null,
        parties: [{ name: 'PT Sehat' }, { name: 'Puskesmas Tegalrejo' }],
      });
      const again = await manager().post(`/api/v1/partnerships/${partnershipId}/agreements`, {
        number: '01/PKS/2026',
        title: 'Lagi',
        startsOn: STARTED,
        endsOn: '2027-06-30',
        partnerIds: [partners.puskesmas],
      });
      expect(again.status).toBe(409);
      const reversed = await manager().post(`/api/v1/partnerships/${partnershipId}/agreements`, {
        number: '02/PKS/2026',
        title: 'Terbalik',
        startsOn: '2027-01-01',
        endsOn: '2026-12-01',
        partnerIds: [partners.puskesmas],
      });
      expect(reversed.body.errors).toEqual([expect.objectContaining({ field: 'endsOn', code: 'partnerships.dates_reversed' })]);
      const later = await manager().post(`/api/v1/partnerships/${partnershipId}/agreements`, {
        number: '03/PKS/2026',
        title: 'Lanjutan',
        startsOn: '2027-01-01',
        endsOn: '2027-03-15',
        partnerIds: [partners.puskesmas],
      });
      expect(later.status).toBe(201);

      const notPdf = await upload(Buffer.from('PK\u0003\u0004 a zip calling itself a PDF'));
      expect(notPdf.status).toBe(422);
      expect((await notPdf.json()).errors).toEqual([expect.objectContaining({ field: 'document', code: 'partnerships.document_not_pdf' })]);
      const cut = await upload(PDF.subarray(0, 60));
      expect((await cut.json()).errors).toEqual([expect.objectContaining({ code: 'partnerships.document_truncated' })]);
      expect((await upload(Buffer.concat([PDF, Buffer.alloc(5_300_000, 0x20)]))).status).toBe(413);
      expect((await upload(PDF, as.dokter)).status).toBe(403);
      const saved = await upload(PDF);
      expect(saved.status).toBe(200);
      expect((await saved.json()).document).toMatchObject({
        bytes: PDF.length,
        url: `/api/v1/partnerships/agreements/${agreementId}/document`,
      });
      const back = await file(`/api/v1/partnerships/agreements/${agreementId}/document`, as.dokter);
      expect(back.type).toBe('application/pdf');
      expect(back.bytes.equals(PDF)).toBe(true);
      expect((await file(`/api/v1/partnerships/agreements/${agreementId}/document`, as['manajer.bd'])).status).toBe(404);

      const expiring = await manager().get('/api/v1/partnerships/agreements/expiring');
      expect(expiring.body.items.map((a: { number: string; daysLeft: number }) => [a.number, a.daysLeft])).toEqual([['01/PKS/2026', 77]]);
      const wider = await manager().get('/api/v1/partnerships/agreements/expiring?days=120');
      expect(wider.body.items.map((a: { number: string }) => a.number)).toEqual(['01/PKS/2026', '03/PKS/2026']);
      expect((await as['manajer.bd']?.get('/api/v1/partnerships/agreements/expiring'))?.body.items).toEqual([]);
    });

    it('shows the board by step and lets readers read while only managers write', async () => {
      const second = await manager().post('/api/v1/partnerships', { title: 'Kelas ibu hamil', startedOn: TODAY, villageCodes: [] });
      expect(second.status).toBe(201);
      const board = await as.pembina?.get('/api/v1/partnerships/board');
      expect(board?.body.columns.map((c: { step: string; items: { title: string }[] }) => [c.step, c.items.map((i) => i.title)])).toEqual([
        ['penjajakan', ['Kelas ibu hamil']],
        ['penyamaan_persepsi', []],
        ['pengaturan_peran', []],
        ['komunikasi_intensif', []],
        ['melaksanakan_kegiatan', []],
        ['pemantauan_penilaian', ['Skrining IVA Kricak']],
      ]);
      for (const reader of ['dokter', 'pembina', 'auditor', 'admin'])
        expect((await as[reader]?.get(`/api/v1/partnerships/${partnershipId}`))?.status).toBe(200);
      for (const outsider of ['kasir', 'pendamping']) expect((await as[outsider]?.get('/api/v1/partnerships'))?.status).toBe(403);
      expect((await as.dokter?.post('/api/v1/partnerships', { title: 'X', startedOn: TODAY }))?.status).toBe(403);
      expect((await as.pembina?.post(`/api/v1/partnerships/${partnershipId}/advance`, { to: 'penjajakan' }))?.status).toBe(403);
    });

    it('computes M&E: input, process, output, and the outcome from the health records before and after the start', async () => {
      const db = server.database.db;
      // Health records of Kricak: one woman screened before the start, two after; a counselling
      // session after with two attendees; IKS snapshots of two families before and after.
      const screen = (personId: string, screenedOn: string) =>
        as.dokter?.post(`/api/v1/persons/${personId}/screenings`, { method: 'iva', screenedOn, result: 'negative', action: 'none' });
      expect((await screen(women[0] as string, '2026-02-10'))?.status).toBe(201);
      expect((await screen(women[1] as string, '2026-06-10'))?.status).toBe(201);
      expect((await screen(women[2] as string, '2026-09-10'))?.status).toBe(201);
      const session = await as.dokter?.post('/api/v1/health/sessions', {
        topic: 'reproductive_health',
        heldOn: '2026-07-01',
        place: 'Balai RW 03',
        villageCode: KRICAK,
        personIds: women.slice(0, 2),
      });
      expect(session?.status).toBe(201);
      const households = await db.selectFrom('household').select('id').where('village_code', '=', KRICAK).orderBy('id').limit(2).execute();
      for (const [i, h] of households.entries()) {
        await sql`INSERT INTO iks_snapshot (household_id, month, village_code, applicable, met) VALUES
          (${h.id}, '2026-03-01', ${KRICAK}, 10, ${4 + i}), (${h.id}, '2026-11-01', ${KRICAK}, 10, ${8 + i})`.execute(db);
      }
      const target = async (on: string) => {
        const born = { after: `${Number(on.slice(0, 4)) - 51}${on.slice(4)}`, onOrBefore: `${Number(on.slice(0, 4)) - 30}${on.slice(4)}` };
        const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM person WHERE village_code = ${KRICAK} AND sex = 'F'
          AND merged_into IS NULL AND died_on IS NULL AND birth_date > ${born.after} AND birth_date <= ${born.onOrBefore}`.execute(db);
        return rows[0]?.n ?? 0;
      };
      const [targetBefore, targetAfter] = [await target('2026-04-30'), await target(TODAY)];
      const share = (part: number, whole: number) => (Math.round((part * 1000) / whole) / 1000).toFixed(3);

      const me = await as.pembina?.get(`/api/v1/partnerships/monitoring?partnershipId=${partnershipId}`);
      expect(me?.status).toBe(200);
      expect(me?.body).toMatchObject({
        asOf: TODAY,
        title: 'Skrining IVA Kricak',
        input: {
          partnerships: 1,
          partners: 2,
          partnersByKind: { government: 1, business: 1, non_government: 0 },
          money: '900719937974099',
          goods: { items: 1, quantity: 50 },
          people: { items: 1, quantity: 3 },
          facilities: { items: 0, quantity: 0 },
        },
        process: { meeting: 2, workshop: 1, agreement: 1, seminar: 0, communications: 1 },
        output: { network: 2, activeAgreements: 1, jointProgrammes: 1, carriedOut: 5, planned: 1 },
        principles: { equity: '4.0', transparency: '3.0', mutualBenefit: '5.0' },
        outcome: {
          villageCodes: [KRICAK],
          startedOn: STARTED,
          before: {
            from: '2025-05-01',
            to: '2026-04-30',
            screenedWomen: 1,
            targetWomen: targetBefore,
            screeningCoverage: share(1, targetBefore),
            counsellingSessions: 0,
            counselledPersons: 0,
            iksFamilies: 2,
            meanIks: '0.450',
            healthyShare: '0.000',
          },
          after: {
            from: STARTED,
            to: TODAY,
            screenedWomen: 2,
            targetWomen: targetAfter,
            screeningCoverage: share(2, targetAfter),
            counsellingSessions: 1,
            counselledPersons: 2,
            iksFamilies: 2,
            meanIks: '0.850',
            healthyShare: '0.500',
          },
        },
      });

      // All partnerships: the second (no villages, nothing recorded) adds to the counts only.
      const all = await manager().get('/api/v1/partnerships/monitoring');
      expect(all.body.input).toMatchObject({ partnerships: 2, partners: 2 });
      expect(all.body.output.byStep.find((s: { step: string }) => s.step === 'penjajakan').count).toBe(1);
      expect(all.body.outcome.after.screenedWomen).toBe(2);
      expect((await as['manajer.bd']?.get(`/api/v1/partnerships/monitoring?partnershipId=${partnershipId}`))?.status).toBe(404);
      expect((await as['manajer.bd']?.get('/api/v1/partnerships/monitoring'))?.body.input.partnerships).toBe(0);

      const pdf = await file(`/api/v1/partnerships/monitoring.pdf?partnershipId=${partnershipId}`, as.pembina);
      expect(pdf.type).toBe('application/pdf');
      const text = pdfText(pdf.bytes);
      expect(text).toContain('Skrining IVA Kricak');
      expect(text).toContain('Cakupan skrining kanker leher rahim');
      const xlsx = await file('/api/v1/partnerships/monitoring.xlsx', as.auditor);
      expect(xlsx.status).toBe(200);
      expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    });
  });
}
