import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD, fillDemo, fillDemoHealth, fillDemoPartnerships } from './index.ts';

for (const kind of testDatabaseKinds()) {
  describe(`the demo's partnerships for health promotion [${kind}]`, () => {
    let server: TestServer;
    let manager: ApiClient;

    beforeAll(async () => {
      const clock = fixedClock(new Date('2026-11-15T03:00:00Z'));
      server = await startTestServer(kind, { serveWeb: false, clock });
      const ctx = systemTestContext(server.database, clock);
      await fillDemo(ctx);
      await fillDemoHealth(ctx);
      expect(await fillDemoPartnerships(ctx)).toEqual({
        partners: 4,
        partnerships: 3,
        steps: ['pemantauan_penilaian', 'pengaturan_peran', 'penjajakan'],
      });
      manager = new ApiClient(server.url);
      await manager.login('manajer', DEMO_PASSWORD);
    }, 240_000);
    afterAll(() => server?.close());

    it('puts a puskesmas, a company and a professional organisation at different steps of the board', async () => {
      const board = await manager.get('/api/v1/partnerships/board');
      const titles = Object.fromEntries(
        board.body.columns.map((c: { step: string; items: { title: string }[] }) => [c.step, c.items.map((i) => i.title)]),
      );
      expect(titles).toEqual({
        penjajakan: ['Kelas ibu hamil bersama IBI'],
        penyamaan_persepsi: [],
        pengaturan_peran: ['CSR gizi balita Karangwaru'],
        komunikasi_intensif: [],
        melaksanakan_kegiatan: [],
        pemantauan_penilaian: ['Skrining IVA dan penyuluhan kesehatan reproduksi di Kricak'],
      });
    });

    it('lists the puskesmas MoU as ending within 90 days, with its PDF', async () => {
      const expiring = await manager.get('/api/v1/partnerships/agreements/expiring');
      expect(expiring.body.items).toHaveLength(1);
      expect(expiring.body.items[0]).toMatchObject({ number: '01/PKS/PKM-TGR/JKM', daysLeft: 60, document: { url: expect.any(String) } });
    });

    it('computes the evaluated partnership’s outcome from the demo’s Kricak health records', async () => {
      const [evaluated] = (await manager.get('/api/v1/partnerships?step=pemantauan_penilaian')).body.items;
      const me = await manager.get(`/api/v1/partnerships/monitoring?partnershipId=${evaluated.id}`);
      expect(me.body.input).toMatchObject({ partners: 2, money: '0' });
      expect(me.body.process).toMatchObject({ meeting: 1, communications: 1 });
      expect(me.body.output).toMatchObject({ jointProgrammes: 1, activeAgreements: 1 });
      expect(me.body.principles).toEqual({ equity: '4.0', transparency: '4.0', mutualBenefit: '5.0' });
      // The demo's screenings and counselling in Kricak fall in the six months since it started.
      expect(me.body.outcome.after.screenedWomen).toBeGreaterThan(0);
      expect(me.body.outcome.after.counselledPersons).toBeGreaterThan(0);
      expect(me.body.outcome.after.meanIks).not.toBeNull();
      const all = await manager.get('/api/v1/partnerships/monitoring');
      expect(all.body.input).toMatchObject({ partnerships: 3, partners: 4, money: '25000000' });
    });
  });
}
