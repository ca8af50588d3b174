import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../context.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../../testing/server.ts';
import { addUser } from '../identity/index.ts';
import { addOffice, createOrganisation } from '../organisation/index.ts';
import { listFacilitators } from './groups.service.ts';

const PASSWORD = 'rahasia-uji-123';

for (const kind of testDatabaseKinds()) {
  describe(`GET /api/v1/groups/facilitators [${kind}]`, () => {
    let server: TestServer;
    const as = new Map<string, ApiClient>();

    beforeAll(async () => {
      server = await startTestServer(kind, { serveWeb: false });
      const system = systemTestContext(server.database);
      await inTransaction(system, async (tx) => {
        await createOrganisation(tx, system, { name: 'Uji Pendamping' });
        // YK02 is a unit inside Kota Yogyakarta (Kecamatan Tegalrejo): in scope of YK01 by its region.
        for (const [code, regionCode, covered] of [
          ['YK01', '34.71', ['34.71']],
          ['YK02', '34.71.01', ['34.71.01']],
          ['BD01', '32.04', ['32.04']],
        ] as const)
          await addOffice(tx, system, { code, name: `Kantor ${code}`, kind: 'branch', regionCode, coveredRegionCodes: [...covered] });
        for (const [username, fullName, role, officeCodes] of [
          ['admin', 'Admin Sistem', 'admin', []],
          ['manajer', 'Budi Santoso', 'manager', ['YK01']],
          ['kasir', 'Dewi Lestari', 'cashier', ['YK01']],
          ['sri', 'Sri Wahyuni', 'facilitator', ['YK01']],
          ['bayu', 'Bayu Pratama', 'facilitator', ['YK02']],
          ['agus', 'Agus Setiawan', 'facilitator', ['BD01']],
          ['wati', 'Wati Suryani', 'facilitator', ['BD01', 'YK01']],
          ['lama', 'Ani Lama', 'facilitator', ['YK01']],
        ] as const)
          await addUser(tx, system, { username, fullName, role, password: PASSWORD, officeCodes: [...officeCodes] });
      });
      await server.database.db.updateTable('app_user').set({ active: false }).where('username', '=', 'lama').execute();
      for (const username of ['admin', 'manajer', 'kasir', 'agus']) {
        const client = new ApiClient(server.url);
        await client.login(username, PASSWORD);
        as.set(username, client);
      }
    });
    afterAll(async () => server.close());

    const get = (username: string, query = '') => (as.get(username) as ApiClient).get(`/api/v1/groups/facilitators${query}`);

    it('shows a YK01 manager the active facilitators of offices in Yogyakarta, by name, not those of BD01', async () => {
      const response = await get('manajer');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        items: [
          { username: 'bayu', displayName: 'Bayu Pratama', officeCodes: ['YK02'] },
          { username: 'sri', displayName: 'Sri Wahyuni', officeCodes: ['YK01'] },
          // Also in BD01, which the manager does not see.
          { username: 'wati', displayName: 'Wati Suryani', officeCodes: ['YK01'] },
        ],
      });
      expect((await get('manajer', '?office=yk01')).body.items.map((f: { username: string }) => f.username)).toEqual(['sri', 'wati']);
      expect((await get('manajer', '?office=BD01')).body.items).toEqual([]);
      const unknown = await get('manajer', '?office=ZZ99');
      expect(unknown.status).toBe(422);
      expect(unknown.body.errors[0]).toMatchObject({ field: 'office', code: 'users.unknown_office' });
    });

    it('shows an admin every active facilitator, and a BD01 facilitator those of BD01', async () => {
      expect((await get('admin')).body.items.map((f: { username: string; officeCodes: string[] }) => [f.username, f.officeCodes])).toEqual([
        ['agus', ['BD01']],
        ['bayu', ['YK02']],
        ['sri', ['YK01']],
        ['wati', ['BD01', 'YK01']],
      ]);
      expect((await get('agus')).body.items.map((f: { username: string }) => f.username)).toEqual(['agus', 'wati']);
    });

    it('refuses a cashier (403) and anyone signed out (401); the service holds the CLI to the same roles', async () => {
      const refused = await get('kasir');
      expect(refused.status).toBe(403);
      expect((await new ApiClient(server.url).get('/api/v1/groups/facilitators')).status).toBe(401);
      const cashier = (
        await server.database.db.selectFrom('app_user').select('id').where('username', '=', 'kasir').executeTakeFirstOrThrow()
      ).id;
      const ctx = {
        ...systemTestContext(server.database),
        actor: {
          kind: 'user' as const,
          id: cashier,
          username: 'kasir',
          fullName: 'Dewi Lestari',
          role: 'cashier' as const,
          offices: [],
          scope: { kind: 'regions' as const, regionCodes: ['34.71'], officeIds: [] },
          via: 'session' as const,
        },
      };
      await expect(listFacilitators(ctx, {})).rejects.toMatchObject({ code: 'auth.forbidden', kind: 'forbidden' });
    });

    it('is described in the OpenAPI document with its office filter', async () => {
      const spec = (await new ApiClient(server.url).get('/api/openapi.json')).body;
      const operation = spec.paths['/api/v1/groups/facilitators'].get;
      expect(operation.description).toBe('Who may call: admin, manager, facilitator.');
      expect(operation.parameters).toEqual([expect.objectContaining({ name: 'office', in: 'query', required: false })]);
      expect(Object.keys(operation.responses['200'].content['application/json'].schema.properties.items.items.properties)).toEqual([
        'username',
        'displayName',
        'officeCodes',
      ]);
    });
  });
}
