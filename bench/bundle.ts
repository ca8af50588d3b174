// The offline bundle of a cadre with a full caseload: how many bytes a phone downloads on a
// weak 3G link (goal: under 300 KB gzipped for 500 families) and how long the server takes.
//   npm run bench:bundle -- [--families 500] [--requests 5]
// On PGlite in a temporary directory: the demo, then the demo cadre's (user `kader`) caseload
// filled up to --families with imported households in Katapang, each in class III with 1–4
// paying persons and 0–30 months in arrears, a third of them visited. The bundle is fetched
// through the real server with `Accept-Encoding: gzip`, as the field app does. Exits 1 if a
// download fails or brings no family.
// Same-run baseline: the cheapest authenticated request of the same server and session
// (`GET /api/v1/auth/me`), fetched the same way right after each bundle: what the bundle costs
// beyond a request's own toll (TCP, session, logging, gzip).
// With --health: a health worker's bundle instead (user `bidan.bench`, serving the Bandung office),
// over the same households and the demo's Bandung ones: a chronic condition for every third head, a pregnancy in every seventh family, an
// illness in every tenth, an overdue IVA recall for every fifth wife; wives aged 30–50 never
// screened are due. `families` then counts the health section's families.
// Last line: families=N json_kb=A gzip_kb=B p50_ms=C max_ms=D me_p50_ms=E ratio=C/E
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import pino from 'pino';
import type { Context } from '../src/context.ts';
import { businessDate, systemClock } from '../src/core/clock.ts';
import { openPglite } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { readCsv } from '../src/export/read-csv.ts';
import { buildServer } from '../src/http/server.ts';
import { assignFamilies, recordPersonJkn } from '../src/modules/cadres/index.ts';
import { recordVisit, setPaidThrough } from '../src/modules/contributions/index.ts';
import { DEMO_PASSWORD, fillDemo, fillDemoCadres } from '../src/modules/demo/index.ts';
import { addUser } from '../src/modules/identity/index.ts';
import { ensureRegionsLoaded } from '../src/modules/regions/index.ts';
import { IMPORT_HEADER, importHouseholds } from '../src/modules/registry/index.ts';

const { values } = parseArgs({
  options: {
    families: { type: 'string', default: '500' },
    requests: { type: 'string', default: '5' },
    health: { type: 'boolean', default: false },
  },
});
const families = Number(values.families);
const requests = Number(values.requests);
const VILLAGE = '32.04.11.2002';

const dir = mkdtempSync(join(tmpdir(), 'jaring-bench-bundle-'));
const database = await openPglite({ dataDir: join(dir, 'pglite') });
await migrate(database);
await ensureRegionsLoaded(database);
const ctx: Context = {
  database,
  db: database.db,
  actor: { kind: 'system', name: 'bench' },
  clock: systemClock,
  log: pino({ level: 'silent' }),
  locale: 'id',
};
await fillDemo(ctx);
await fillDemoCadres(ctx);
const cadre = await database.db
  .selectFrom('cadre')
  .innerJoin('app_user', 'app_user.id', 'cadre.user_id')
  .select('cadre.id as id')
  .where('app_user.username', '=', 'kader')
  .executeTakeFirstOrThrow();
const assigned = await database.db.selectFrom('cadre_family').select('household_id').where('cadre_id', '=', cadre.id).execute();

// Households to add: one head (and a spouse for every other one), KK and NIK in Katapang's district.
const GIVEN = ['Asep', 'Dede', 'Ujang', 'Cecep', 'Iis', 'Euis', 'Neneng', 'Yayat', 'Entin', 'Tatang', 'Ade', 'Lilis'];
const FAMILY = ['Sutisna', 'Suryana', 'Hidayat', 'Kurniawan', 'Rahmawati', 'Permana', 'Gunawan', 'Sunandar'];
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const lines = [IMPORT_HEADER.join(',')];
const toAdd = Math.max(0, families - assigned.length);
for (let h = 0; h < toAdd; h++) {
  const kk = `320411${pad((h % 28) + 1, 2)}0125${pad(5000 + h, 4)}`;
  const size = h % 2 === 0 ? 2 : 1;
  for (let m = 0; m < size; m++) {
    const female = m === 1;
    const day = new Date(Date.UTC(1960, 0, 1) + (((h * 2 + m) * 7919) % 12_000) * 86_400_000);
    const nik = `320411${pad(day.getUTCDate() + (female ? 40 : 0), 2)}${pad(day.getUTCMonth() + 1, 2)}${pad(day.getUTCFullYear() % 100, 2)}${pad(5000 + h, 4)}`;
    const name = `${GIVEN[(h + m) % GIVEN.length]} ${FAMILY[h % FAMILY.length]}`;
    const date = `${pad(day.getUTCDate(), 2)}-${pad(day.getUTCMonth() + 1, 2)}-${day.getUTCFullYear()}`;
    lines.push(
      `${kk},${nik},${name},${female ? 'P' : 'L'},Bandung,${date},${m === 0 ? 'KEPALA KELUARGA' : 'ISTRI'},Kampung Sukamaju,001,002,${VILLAGE},3`,
    );
  }
}
const imported = await importHouseholds(ctx, readCsv(lines.join('\n')), { dryRun: false, skipInvalid: true });
const heads = await database.db
  .selectFrom('person')
  .innerJoin('household', 'household.id', 'person.household_id')
  .select(['person.id', 'person.household_id'])
  .where('household.kk_number', 'like', '320411__0125%')
  .where('person.relation', '=', 'head')
  .orderBy('household.kk_number')
  .execute();
for (let i = 0; i < heads.length; i += 100)
  await assignFamilies(
    ctx,
    cadre.id,
    heads.slice(i, i + 100).map((h) => h.household_id),
  );
const today = businessDate(systemClock);
const month = (back: number) => {
  const index = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 - back;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1, 2)}`;
};
const members = await database.db
  .selectFrom('person')
  .select(['id', 'household_id'])
  .where(
    'household_id',
    'in',
    heads.map((h) => h.household_id),
  )
  .execute();
for (const [n, person] of members.entries())
  await recordPersonJkn(ctx, person.id, {
    cardNumber: `0009${pad(n, 9)}`,
    segment: 'PBPU',
    class: 'III',
    status: 'active',
    statusRecordedOn: today,
  });
for (const [n, head] of heads.entries()) {
  await setPaidThrough(ctx, head.household_id, month(1 + (n % 31)));
  if (n % 3 === 0)
    await recordVisit(ctx, cadre.id, {
      householdId: head.household_id,
      kind: 'reminder',
      outcome: 'Diingatkan membayar iuran',
      visitedOn: today,
    });
}

const HEALTH_WORKER = 'bidan.bench';
if (values.health) {
  const office = await database.db.selectFrom('office').select('id').where('code', '=', 'BD01').executeTakeFirstOrThrow();
  const worker = await database.db.transaction().execute((tx) =>
    addUser(tx, ctx, {
      username: HEALTH_WORKER,
      fullName: 'Bd. Bench',
      role: 'health_worker',
      password: DEMO_PASSWORD,
      officeCodes: ['BD01'],
    }),
  );
  const persons = await database.db
    .selectFrom('person')
    .select(['id', 'household_id', 'relation', 'village_code'])
    .where(
      'household_id',
      'in',
      heads.map((h) => h.household_id),
    )
    .execute();
  const id = (kind: number, n: number) => `01900000-0000-7000-${pad(8000 + kind, 4)}-${pad(n, 12)}`;
  for (const [n, p] of persons.entries()) {
    if (p.relation === 'head' && n % 3 === 0)
      await database.db.insertInto('health_condition').values({ person_id: p.id, code: 'hipertensi', note: '' }).execute();
    if (p.relation === 'head' && n % 10 === 0)
      await database.db
        .insertInto('illness_episode')
        .values({ id: id(1, n), person_id: p.id, village_code: p.village_code, from_on: today, to_on: null, days_unable: null })
        .execute();
    if (p.relation === 'wife' && n % 7 === 0)
      await database.db
        .insertInto('health_profile')
        .values({ person_id: p.id, pregnant: true, expected_delivery: today, disability: 'none' })
        .execute();
    if (p.relation === 'wife' && n % 5 === 0)
      await database.db
        .insertInto('screening')
        .values({
          id: id(2, n),
          person_id: p.id,
          village_code: p.village_code,
          office_id: office.id,
          worker_id: worker.id,
          method: 'iva',
          screened_on: '2020-01-06',
          result: 'negative',
          action: 'none',
          next_due_on: '2023-01-06',
        })
        .execute();
  }
}

const app = await buildServer({ database, serveWeb: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
if (!address || typeof address === 'string') throw new Error('no port');
const base = `http://127.0.0.1:${address.port}`;
const login = await fetch(`${base}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: values.health ? HEALTH_WORKER : 'kader', password: DEMO_PASSWORD }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

/** One download as the phone makes it: gzip asked for, the bytes on the wire counted. */
const download = (path = '/api/v1/sync/bundle') =>
  new Promise<{ wire: number; json: number; encoding: string; ms: number; families: number }>((resolve, reject) => {
    const started = performance.now();
    const req = request(`${base}${path}`, { headers: { cookie, 'accept-encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const wire = Buffer.concat(chunks);
        const encoding = String(res.headers['content-encoding'] ?? 'identity');
        const body = encoding === 'gzip' ? gunzipSync(wire) : wire;
        if (res.statusCode !== 200) return reject(new Error(`${res.statusCode} ${body.toString()}`));
        const parsed = JSON.parse(body.toString()) as { families?: unknown[]; health?: { families: unknown[] } };
        const ms = performance.now() - started;
        const count = (parsed.health ?? parsed).families?.length ?? 0;
        resolve({ wire: wire.length, json: body.length, encoding, ms, families: count });
      });
    });
    req.on('error', reject);
    req.end();
  });

const runs = [];
const baseline = [];
for (let i = 0; i < requests; i++) {
  runs.push(await download());
  baseline.push(await download('/api/v1/auth/me'));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const times = runs.map((r) => r.ms).sort((a, b) => a - b);
const last = runs.at(-1);
if (!last || last.families === 0) throw new Error('the bundle brought no family');
console.log(
  `imported households=${imported.importedHouseholds} rejected rows=${imported.rejectedRows}${imported.problems[0] ? ` (first: ${imported.problems[0].code})` : ''} assigned families=${last.families} encoding=${last.encoding}`,
);
await app.close();
await database.close();
rmSync(dir, { recursive: true, force: true });
const p50 = median(times);
const meP50 = median(baseline.map((r) => r.ms));
console.log(
  `families=${last.families} json_kb=${(last.json / 1024).toFixed(1)} gzip_kb=${(last.wire / 1024).toFixed(1)} p50_ms=${p50.toFixed(0)} max_ms=${(times.at(-1) ?? 0).toFixed(0)} me_p50_ms=${meP50.toFixed(1)} ratio=${(p50 / meP50).toFixed(1)}`,
);
