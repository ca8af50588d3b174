import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { pdfText } from '../../testing/pdf-text.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD, fillDemo, fillDemoCadres } from '../demo/index.ts';

for (const kind of testDatabaseKinds()) {
  describe(`a cadre prints their own ID card, never another's [${kind}]`, () => {
    let server: TestServer;
    let admin: ApiClient;
    let kader: ApiClient;
    let own: { id: string; name: string };
    let other: string;
    const pdf = (client: ApiClient, cadreId: string) =>
      fetch(`${server.url}/api/v1/cadres/${cadreId}/card.pdf`, { headers: { cookie: client.cookie ?? '' } });

    beforeAll(async () => {
      const clock = fixedClock(new Date('2026-03-10T03:00:00Z'));
      server = await startTestServer(kind, { serveWeb: false, clock });
      await fillDemo(systemTestContext(server.database, clock));
      await fillDemoCadres(systemTestContext(server.database, clock));
      admin = new ApiClient(server.url);
      await admin.login('admin', DEMO_PASSWORD);
      kader = new ApiClient(server.url);
      await kader.login('kader', DEMO_PASSWORD);
      const mine = (await kader.get('/api/v1/cadres')).body.items;
      expect(mine).toHaveLength(1);
      own = { id: mine[0].id, name: mine[0].name };
      // Another cadre, in the same village and office, with a card of their own.
      const person = await server.database.db
        .selectFrom('person')
        .select('id')
        .where('village_code', '=', '32.04.11.2002')
        .where('id', 'not in', (q) => q.selectFrom('cadre').select('person_id'))
        .orderBy('nik', 'desc')
        .executeTakeFirstOrThrow();
      const registered = await admin.post('/api/v1/cadres', {
        personId: person.id,
        officeCode: 'BD01',
        phone: '081377001122',
        letterNumber: '40/ST/2026',
        letterDate: '2026-01-05',
        signedBy: 'Kepala Cabang',
        validUntil: '2027-01-04',
        villageCodes: ['32.04.11.2002'],
      });
      expect(registered.status).toBe(201);
      other = registered.body.id;
      expect((await admin.post(`/api/v1/cadres/${other}/card`)).status).toBe(201);
    });
    afterAll(async () => server?.close());

    it('downloads their own card as a PDF with their name and the QR code of the current card', async () => {
      const response = await pdf(kader, own.id);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdfText(bytes)).toContain(own.name);
      // Printing is not issuing: the card version (and so every printed QR code) stays as it was.
      expect((await kader.get(`/api/v1/cadres/${own.id}`)).body.cardVersion).toBe(1);
    });

    it('gets 404 for another cadre’s card, and still may not issue a new card of their own', async () => {
      const response = await pdf(kader, other);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect((await kader.post(`/api/v1/cadres/${own.id}/card`)).status).toBe(403);
      // Other roles are as before: the facilitator may not print cards, the admin prints any.
      const facilitator = new ApiClient(server.url);
      await facilitator.login('pendamping', DEMO_PASSWORD);
      expect((await pdf(facilitator, own.id)).status).toBe(403);
      expect((await pdf(admin, other)).status).toBe(200);
    });
  });
}
