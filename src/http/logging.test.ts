import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../context.ts';
import type { Database } from '../db/database.ts';
import { addUser } from '../modules/identity/index.ts';
import { createOrganisation } from '../modules/organisation/index.ts';
import { openTestDatabase } from '../testing/databases.ts';
import { systemTestContext } from '../testing/server.ts';
import { createLogger } from './logger.ts';
import { buildServer } from './server.ts';

describe('logs carry no personal data or secrets', () => {
  let database: Database;
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    const ctx = systemTestContext(database);
    await inTransaction(ctx, async (tx) => {
      await createOrganisation(tx, ctx, { name: 'Uji' });
      await addUser(tx, ctx, { username: 'admin', fullName: 'Admin', role: 'admin', password: 'sangat-rahasia-99', officeCodes: [] });
    });
  });
  afterAll(async () => database.close());

  it('masks a NIK in the URL and never writes the password, cookie or token', async () => {
    const app = await buildServer({ database, logger: createLogger('info', sink), serveWeb: false });
    await app.inject({ method: 'GET', url: '/api/v1/regions?q=3204110101900001' });
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: 'sangat-rahasia-99' },
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
    await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie, authorization: 'Bearer jrg_secret-token-value' } });
    await app.close();
    const log = lines.join('');
    expect(log).toContain('3204********0001');
    expect(log).not.toContain('3204110101900001');
    expect(log).not.toContain('sangat-rahasia-99');
    expect(log).not.toContain(cookie.split('=')[1]);
    expect(log).not.toContain('jrg_secret-token-value');
  });

  it('masks a NIK in the logged URL next to letters, percent-encoded or beside a malformed escape', async () => {
    lines.length = 0;
    const app = await buildServer({ database, logger: createLogger('info', sink), serveWeb: false });
    const urls = [
      '/api/v1/regions?q=NIK3204100605700001',
      '/api/v1/regions?q=%33204100605700001',
      '/api/v1/regions?q=%E0%A4%A%33204100605700001%',
      '/api/v1/regions?q=%ZZ%E0%33204100605700001',
    ];
    for (const url of urls) expect((await app.inject({ method: 'GET', url })).statusCode).toBeLessThan(500);
    await app.close();
    const logged = lines.map((line) => JSON.parse(line) as { req?: { url: string } }).flatMap((line) => line.req?.url ?? []);
    expect(logged).toEqual([
      '/api/v1/regions?q=NIK3204********0001',
      '/api/v1/regions?q=3204********0001',
      '/api/v1/regions?q=\u0923204********0001%',
      '/api/v1/regions?q=%ZZ%E0320*********0001',
    ]);
    expect(lines.join('')).not.toContain('3204100605700001');
  });
});
