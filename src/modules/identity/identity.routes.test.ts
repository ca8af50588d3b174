import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inTransaction } from '../../context.ts';
import { fixedClock } from '../../core/clock.ts';
import { type Database, openPostgres } from '../../db/database.ts';
import { buildServer } from '../../http/server.ts';
import { describeEachDatabase } from '../../testing/databases.ts';
import { withDatabaseName } from '../../testing/paths.ts';
import { systemTestContext } from '../../testing/server.ts';
import { createOrganisation } from '../organisation/index.ts';
import { addUser, LOGIN_MAX_ATTEMPTS, LOGIN_WINDOW_MS } from './identity.service.ts';

const RIGHT = 'rahasia-sari-benar';
const WRONGS = Array.from({ length: 29 }, (_, i) => `salah-ketik-${i}`);

/** 29 wrong passwords and the right one, in every order fast-check picks. */
const shuffledAttempts = fc.shuffledSubarray([...WRONGS, RIGHT], { minLength: 30, maxLength: 30 });

type Answer = { password: string; status: number; retryAfter: string | undefined };

async function signIn(app: FastifyInstance, password: string, username = 'sari'): Promise<Answer> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  return { password, status: response.statusCode, retryAfter: response.headers['retry-after'] as string | undefined };
}

/** What racing attempts may answer, whatever their interleaving. */
function expectAtMostFiveTried(answers: Answer[]) {
  const right = answers.find((a) => a.password === RIGHT);
  const wrongTried = answers.filter((a) => a.status === 401);
  // The right password is checked only when it claimed one of the five places: 200, else 429.
  expect([200, 429]).toContain(right?.status);
  // No success clears failures, so at most five wrong passwords are ever checked, and exactly
  // five when the right one was refused (its place went to a wrong one).
  expect(wrongTried.every((a) => a.password !== RIGHT)).toBe(true);
  expect(wrongTried.length).toBe(right?.status === 429 ? 5 : wrongTried.length);
  expect(wrongTried.length).toBeGreaterThanOrEqual(4);
  expect(wrongTried.length).toBeLessThanOrEqual(LOGIN_MAX_ATTEMPTS);
  const refused = answers.filter((a) => a.status === 429);
  expect(refused.length).toBe(30 - wrongTried.length - (right?.status === 200 ? 1 : 0));
  expect(refused.every((a) => a.retryAfter === String(LOGIN_WINDOW_MS / 1000))).toBe(true);
  return wrongTried.length;
}

describeEachDatabase('sign-in attempts are claimed before the password is checked', (getDatabase, kind) => {
  const clock = fixedClock(new Date('2026-12-05T02:00:00Z'));
  let app: FastifyInstance;

  beforeAll(async () => {
    const ctx = systemTestContext(getDatabase(), clock);
    await inTransaction(ctx, async (tx) => {
      await createOrganisation(tx, ctx, { name: 'Uji' });
      await addUser(tx, ctx, { username: 'sari', fullName: 'Sari', role: 'admin', password: RIGHT, officeCodes: [] });
    });
    app = await buildServer({ database: getDatabase(), clock, serveWeb: false });
  });
  afterAll(async () => app.close());

  it('one after another: the right password works only among the first five attempts of 15 minutes', async () => {
    await fc.assert(
      fc.asyncProperty(shuffledAttempts, async (passwords) => {
        clock.advance(LOGIN_WINDOW_MS);
        let wrongSoFar = 0;
        for (const password of passwords) {
          const answer = await signIn(app, password);
          const expected = wrongSoFar >= LOGIN_MAX_ATTEMPTS ? 429 : password === RIGHT ? 200 : 401;
          expect(answer.status).toBe(expected);
          if (expected === 401) wrongSoFar++;
        }
      }),
      { numRuns: 5 },
    );
  });

  it('30 at once (29 wrong, the right one anywhere): at most five are checked, the rest answer 429 with Retry-After', async () => {
    await fc.assert(
      fc.asyncProperty(shuffledAttempts, async (passwords) => {
        clock.advance(LOGIN_WINDOW_MS);
        const answers = await Promise.all(passwords.map((password) => signIn(app, password)));
        const wrongTried = expectAtMostFiveTried(answers);
        // The failures stay counted: after five, even the right password waits.
        expect((await signIn(app, RIGHT)).status).toBe(wrongTried === LOGIN_MAX_ATTEMPTS ? 429 : 200);
      }),
      { numRuns: 6 },
    );
  });

  it('counts an unknown username alike (429 after five), storing nothing of what was typed', async () => {
    clock.advance(LOGIN_WINDOW_MS);
    const typed = 'kata-sandi-di-kolom-nama';
    for (let i = 0; i < LOGIN_MAX_ATTEMPTS; i++) expect((await signIn(app, 'apa saja', typed)).status).toBe(401);
    const refused = await signIn(app, 'apa saja', typed);
    expect(refused).toMatchObject({ status: 429, retryAfter: '900' });
    const stored = await sql`SELECT * FROM login_attempt`.execute(getDatabase().db);
    expect(JSON.stringify(stored.rows)).not.toContain(typed);
  });

  if (kind === 'postgres') {
    let other: Database;
    let otherApp: FastifyInstance;
    beforeAll(async () => {
      const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(getDatabase().db);
      other = await openPostgres(withDatabaseName(process.env.TEST_DATABASE_URL as string, rows[0]?.name as string), 5);
      otherApp = await buildServer({ database: other, clock, serveWeb: false });
    });
    afterAll(async () => {
      await otherApp?.close();
      await other?.close();
    });

    it('two servers on one database share the count', async () => {
      clock.advance(LOGIN_WINDOW_MS);
      for (const server of [app, otherApp, app, otherApp, app]) expect((await signIn(server, 'salah')).status).toBe(401);
      expect((await signIn(otherApp, RIGHT)).status).toBe(429);
    });

    it('30 at once spread over two servers: at most five are checked', async () => {
      await fc.assert(
        fc.asyncProperty(shuffledAttempts, async (passwords) => {
          clock.advance(LOGIN_WINDOW_MS);
          const answers = await Promise.all(passwords.map((password, i) => signIn(i % 2 === 0 ? app : otherApp, password)));
          expectAtMostFiveTried(answers);
        }),
        { numRuns: 4 },
      );
    });
  }
});
