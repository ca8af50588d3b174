import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { TINY_JPEG, TINY_PNG } from '../../testing/images.ts';
import { pdfText } from '../../testing/pdf-text.ts';
import { ApiClient, startTestServer, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';

for (const kind of testDatabaseKinds()) {
  describe(`cadre cards and public verification [${kind}]`, () => {
    let server: TestServer;
    let manager: ApiClient;
    let cadreId: string;
    let token: string;

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false });
      manager = new ApiClient(server.url);
      await manager.login('manajer', DEMO_PASSWORD); // YK01, Kota Yogyakarta
      const person = await server.database.db
        .selectFrom('person')
        .select('id')
        .where('village_code', '=', '34.71.01.1001')
        .where('relation', '=', 'wife')
        .executeTakeFirstOrThrow();
      const registered = await manager.post('/api/v1/cadres', {
        personId: person.id,
        officeCode: 'YK01',
        phone: '081234567890',
        letterNumber: '123/ST/KC-YK/2026',
        letterDate: '2026-01-05',
        signedBy: 'Kepala Cabang Yogyakarta',
        validUntil: '2027-01-04',
        villageCodes: ['34.71.01.1001', '34.71.01.1002'],
      });
      expect(registered.status).toBe(201);
      cadreId = registered.body.id;
      const card = await manager.post(`/api/v1/cadres/${cadreId}/card`);
      expect(card.status).toBe(201);
      token = card.body.token;
    });
    afterAll(async () => server.close());

    it('verifies a genuine card without a session', async () => {
      const response = await new ApiClient(server.url).get(`/api/v1/public/cadres/verify/${token}`);
      expect(response.body).toMatchObject({
        valid: true,
        status: 'active',
        letterNumber: '123/ST/KC-YK/2026',
        area: 'Kricak, Karangwaru',
        expired: false,
      });
      const page = await fetch(`${server.url}/v/${token}`);
      expect(await page.text()).toContain('KADER JKN TERVERIFIKASI');
    });

    it('refuses a child, someone not in the registry and a letter dated ahead, each on its field, and records nothing', async () => {
      const db = server.database.db;
      const child = await db
        .selectFrom('person')
        .select(['id', 'birth_date'])
        .where('village_code', '=', '34.71.01.1001')
        .where('relation', '=', 'child')
        .orderBy('birth_date', 'desc')
        .executeTakeFirstOrThrow();
      const adult = await db
        .selectFrom('person')
        .select('id')
        .where('village_code', '=', '34.71.01.1002')
        .where('relation', '=', 'head')
        .executeTakeFirstOrThrow();
      const letter = {
        officeCode: 'YK01',
        phone: '081234567891',
        letterNumber: '124/ST/KC-YK/2026',
        letterDate: '2026-01-05',
        signedBy: 'Kepala Cabang Yogyakarta',
        validUntil: '2027-01-04',
        villageCodes: ['34.71.01.1002'],
      };
      const before = await db.selectFrom('cadre').select('id').execute();
      const young = await manager.post('/api/v1/cadres', { ...letter, personId: child.id });
      expect(young.status).toBe(422);
      expect(young.body.errors).toEqual([
        { field: 'personId', code: 'cadres.person_too_young', message: 'Kader harus berusia minimal 18 tahun.' },
      ]);
      const nobody = await manager.post('/api/v1/cadres', { ...letter, personId: '0190f0f0-0000-7000-8000-000000000000' });
      expect(nobody.status).toBe(422);
      expect(nobody.body.errors).toEqual([expect.objectContaining({ field: 'personId', code: 'cadres.person_unknown' })]);
      const ahead = await manager.post('/api/v1/cadres', {
        ...letter,
        personId: adult.id,
        letterDate: '2099-01-01',
        validUntil: '2100-01-01',
      });
      expect(ahead.status).toBe(422);
      expect(ahead.body.errors).toEqual([expect.objectContaining({ field: 'letterDate', code: 'cadres.letter_date_future' })]);
      expect(await db.selectFrom('cadre').select('id').execute()).toHaveLength(before.length);
    });

    it('prints the current card as a card-sized PDF without replacing it', async () => {
      const response = await fetch(`${server.url}/api/v1/cadres/${cadreId}/card.pdf`, { headers: { cookie: manager.cookie ?? '' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      const text = pdfText(Buffer.from(await response.arrayBuffer()));
      expect(text).toContain('KADER JKN-KIS');
      expect(text).toContain((await manager.get(`/api/v1/cadres/${cadreId}`)).body.name);
      expect(text).toContain('123/ST/KC-YK/2026');
      expect(text).toContain(new URL(server.url).host);
      expect((await manager.get(`/api/v1/cadres/${cadreId}`)).body.cardVersion).toBe(1);
      expect((await new ApiClient(server.url).get(`/api/v1/public/cadres/verify/${token}`)).body.valid).toBe(true);
      const supervisor = new ApiClient(server.url);
      await supervisor.login('pembina', DEMO_PASSWORD);
      expect((await supervisor.get(`/api/v1/cadres/${cadreId}/card.pdf`)).status).toBe(403);
    });

    it('prints and shows the uploaded photo: on the card, to the office, and to whoever holds a genuine card', async () => {
      // A 1×1 PNG, as a phone camera's photo would be after the branch crops it.
      const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
      const upload = (body: Buffer, type: string, client = manager) =>
        fetch(`${server.url}/api/v1/cadres/${cadreId}/photo`, {
          method: 'PUT',
          headers: { cookie: client.cookie ?? '', 'x-csrf-token': client.csrfToken ?? '', 'content-type': type },
          body: new Uint8Array(body),
        });
      const notImage = await upload(Buffer.from('GIF89a not a photo'), 'image/png');
      expect(notImage.status).toBe(422);
      expect((await notImage.json()).errors).toEqual([expect.objectContaining({ field: 'photo', code: 'cadres.photo_not_image' })]);
      expect((await upload(png, 'image/jpeg')).status).toBe(422);
      expect((await upload(Buffer.alloc(600_000, 0xff), 'image/jpeg')).status).toBe(413);
      const supervisor = new ApiClient(server.url);
      await supervisor.login('pembina', DEMO_PASSWORD);
      expect((await upload(png, 'image/png', supervisor)).status).toBe(403);
      expect((await server.database.db.selectFrom('cadre_photo').select('cadre_id').execute()).length).toBe(0);

      const saved = await upload(png, 'image/png');
      expect(saved.status).toBe(200);
      expect(await saved.json()).toEqual({ photoUrl: `/api/v1/cadres/${cadreId}/photo`, contentType: 'image/png', bytes: png.length });
      expect((await manager.get(`/api/v1/cadres/${cadreId}`)).body.photoUrl).toBe(`/api/v1/cadres/${cadreId}/photo`);
      const office = await fetch(`${server.url}/api/v1/cadres/${cadreId}/photo`, { headers: { cookie: manager.cookie ?? '' } });
      expect(office.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await office.arrayBuffer()).equals(png)).toBe(true);
      expect((await fetch(`${server.url}/api/v1/cadres/${cadreId}/photo`)).status).toBe(401);

      const verified = await new ApiClient(server.url).get(`/api/v1/public/cadres/verify/${token}`);
      expect(verified.body.photoUrl).toBe(`/api/v1/public/cadres/verify/${token}/photo`);
      const shown = await fetch(`${server.url}${verified.body.photoUrl}`);
      expect(shown.status).toBe(200);
      expect(Buffer.from(await shown.arrayBuffer()).equals(png)).toBe(true);
      expect(await (await fetch(`${server.url}/v/${token}`)).text()).toContain(`<img src="/api/v1/public/cadres/verify/${token}/photo"`);
      expect((await fetch(`${server.url}/api/v1/public/cadres/verify/bukan-token/photo`)).status).toBe(404);

      const card = await fetch(`${server.url}/api/v1/cadres/${cadreId}/card.pdf`, { headers: { cookie: manager.cookie ?? '' } });
      const pdf = Buffer.from(await card.arrayBuffer()).toString('latin1');
      expect(pdf).toContain('/Subtype /Image');
      expect(pdfText(Buffer.from(pdf, 'latin1'))).not.toContain('Tempel foto');
      const audit = await server.database.db
        .selectFrom('audit_log')
        .select('after')
        .where('action', '=', 'cadre.photo')
        .where('entity_id', '=', cadreId)
        .execute();
      expect(audit).toEqual([{ after: expect.objectContaining({ contentType: 'image/png', bytes: png.length }) }]);
    });

    it('refuses a photo that only starts like a JPEG or PNG, keeps the previous one, and prints real JPEGs and PNGs', async () => {
      const upload = (body: Buffer, type: string) =>
        fetch(`${server.url}/api/v1/cadres/${cadreId}/photo`, {
          method: 'PUT',
          headers: { cookie: manager.cookie ?? '', 'x-csrf-token': manager.csrfToken ?? '', 'content-type': type },
          body: new Uint8Array(body),
        });
      const stored = () =>
        server.database.db.selectFrom('cadre_photo').select(['content_type', 'sha256']).where('cadre_id', '=', cadreId).execute();
      const cardPdf = async () => {
        const response = await fetch(`${server.url}/api/v1/cadres/${cadreId}/card.pdf`, { headers: { cookie: manager.cookie ?? '' } });
        return { status: response.status, type: response.headers.get('content-type'), pdf: Buffer.from(await response.arrayBuffer()) };
      };
      const before = await stored();
      expect(before).toHaveLength(1);
      for (const [bytes, type] of [
        [Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.from('garbage, not a photo')]), 'image/jpeg'],
        [Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('garbage, not a photo')]), 'image/png'],
        [TINY_JPEG.subarray(0, TINY_JPEG.length - 40), 'image/jpeg'],
      ] as const) {
        const refused = await upload(bytes, type);
        expect(refused.status).toBe(422);
        expect((await refused.json()).errors).toEqual([
          {
            field: 'photo',
            code: 'cadres.photo_unreadable',
            message:
              'Berkas foto rusak atau tidak lengkap, tidak dapat dibaca sebagai gambar JPEG atau PNG. Simpan ulang fotonya, lalu unggah lagi.',
          },
        ]);
      }
      expect(await stored()).toEqual(before);

      for (const [image, type] of [
        [TINY_JPEG, 'image/jpeg'],
        [TINY_PNG, 'image/png'],
      ] as const) {
        const saved = await upload(image, type);
        expect(saved.status).toBe(200);
        expect((await saved.json()).contentType).toBe(type);
        const card = await cardPdf();
        expect(card).toMatchObject({ status: 200, type: 'application/pdf' });
        expect(card.pdf.toString('latin1')).toContain('/Subtype /Image');
        expect(pdfText(card.pdf)).not.toContain('Tempel foto');
      }

      // A photo stored before uploads were checked: the card prints with the empty box rather than fail.
      await server.database.db
        .updateTable('cadre_photo')
        .set({ bytes: Buffer.from('\xff\xd8\xff garbage', 'latin1'), content_type: 'image/jpeg' })
        .where('cadre_id', '=', cadreId)
        .execute();
      const card = await cardPdf();
      expect(card).toMatchObject({ status: 200, type: 'application/pdf' });
      expect(pdfText(card.pdf)).toContain('Tempel foto');
    });

    it('refuses a forged or altered token', async () => {
      const [body, signature] = token.split('.') as [string, string];
      const forgedPayload = Buffer.from(JSON.stringify({ c: cadreId, v: 99 })).toString('base64url');
      for (const forged of [
        `${forgedPayload}.${signature}`,
        `${body}.${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`,
        'bukan-token',
      ]) {
        const response = await new ApiClient(server.url).get(`/api/v1/public/cadres/verify/${encodeURIComponent(forged)}`);
        expect(response.body).toEqual({
          valid: false,
          reason: 'Kode kartu ini tidak dibuat oleh sistem kami (palsu atau rusak).',
          organisation: expect.any(String),
          reportContact: null,
          checkedAt: expect.any(String),
        });
      }
      expect(await (await fetch(`${server.url}/v/bukan-token`)).text()).toContain('AWAS: KARTU TIDAK SAH');
    });

    it('warns loudly once a cadre is revoked, and an old card stops verifying after a new one is issued', async () => {
      const reason = 'Surat tugas dicabut: iuran tidak disetor';
      expect((await manager.patch(`/api/v1/cadres/${cadreId}/status`, { status: 'revoked', reason })).body.status).toBe('revoked');
      const audit = await server.database.db
        .selectFrom('audit_log')
        .select(['before', 'after'])
        .where('action', '=', 'cadre.status')
        .where('entity_id', '=', cadreId)
        .executeTakeFirstOrThrow();
      expect(audit).toEqual({ before: { status: 'active' }, after: { status: 'revoked', reason } });
      expect((await manager.patch(`/api/v1/cadres/${cadreId}/status`, { status: 'suspended', reason: '' })).status).toBe(422);
      expect((await new ApiClient(server.url).get(`/api/v1/public/cadres/verify/${token}`)).body).toMatchObject({
        valid: true,
        status: 'revoked',
      });
      expect(await (await fetch(`${server.url}/v/${token}`)).text()).toContain('AWAS: KARTU DICABUT');
      await manager.patch(`/api/v1/cadres/${cadreId}/status`, { status: 'active' });
      await manager.post(`/api/v1/cadres/${cadreId}/card`);
      expect((await new ApiClient(server.url).get(`/api/v1/public/cadres/verify/${token}`)).body).toMatchObject({
        valid: false,
        reason: expect.stringContaining('diganti'),
      });
    });

    it('keeps cadres of one office from another office', async () => {
      const facilitator = new ApiClient(server.url);
      await facilitator.login('admin', DEMO_PASSWORD);
      const bandungManager = new ApiClient(server.url);
      await bandungManager.login('pendamping', DEMO_PASSWORD);
      expect((await bandungManager.get(`/api/v1/cadres/${cadreId}`)).status).toBe(403);
      expect((await facilitator.get(`/api/v1/cadres/${cadreId}`)).status).toBe(200);
    });

    it('rate-limits public lookups', async () => {
      const api = new ApiClient(server.url);
      let last = 0;
      for (let i = 0; i < 35; i++) last = (await api.get(`/api/v1/public/cadres/verify/${token}`)).status;
      expect(last).toBe(429);
    });
  });
}
