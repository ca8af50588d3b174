// Import speed: generates a synthetic DTKS-style file (realistic names, real villages,
// families with a head, a wife and children; NIK and KK consistent with the village) and
// imports it with the same code as `jaring import households`. Then times searches.
//   npm run bench:import -- [--persons N] [--pglite]
// PostgreSQL from BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres);
// a fresh database is created beside it and dropped afterwards. Prints figures; asserts no timings.
// Same-run baseline: a raw COPY of the same file into a table of text columns indexed as the
// person table is (unique NIK, KK, village and name, trigram on the name), in the same database.
// Last line: persons=N seconds=S persons_per_s=R peak_rss_mb=M copy_seconds=C ratio=S/C
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import type { Context } from '../src/context.ts';
import { systemClock } from '../src/core/clock.ts';
import { type Database, openPglite, openPostgres } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { readCsv } from '../src/export/read-csv.ts';
import { ensureRegionsLoaded } from '../src/modules/regions/index.ts';
import { IMPORT_HEADER, importHouseholds } from '../src/modules/registry/index.ts';
import { findPersons } from '../src/modules/registry/registry.service.ts';

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '100000' },
    pglite: { type: 'boolean' },
    keep: { type: 'boolean' },
    'generate-only': { type: 'string' },
  },
});
const persons = Number(values.persons);

const MEN = [
  'Asep',
  'Budi',
  'Cecep',
  'Dedi',
  'Eko',
  'Fajar',
  'Gilang',
  'Hendra',
  'Iwan',
  'Joko',
  'Kurniawan',
  'Lukman',
  'Made',
  'Nyoman',
  'Oki',
  'Putu',
  'Rahmat',
  'Slamet',
  'Teguh',
  'Ujang',
  'Wahyu',
  'Yusuf',
  'Agus',
  'Bambang',
  'Dadang',
];
const WOMEN = [
  'Ani',
  'Bunga',
  'Citra',
  'Dewi',
  'Euis',
  'Fitri',
  'Gita',
  'Hana',
  'Indah',
  'Juju',
  'Kartini',
  'Lestari',
  'Mega',
  'Nining',
  'Ratna',
  'Sari',
  'Siti',
  'Tuti',
  'Umi',
  'Wati',
  'Yanti',
  'Nur',
  'Rina',
  'Sri',
  'Ayu',
];
const FAMILY = [
  'Santoso',
  'Wijaya',
  'Saputra',
  'Hidayat',
  'Setiawan',
  'Nugroho',
  'Kusuma',
  'Pratama',
  'Rahayu',
  'Suryadi',
  'Permana',
  'Gunawan',
  'Hakim',
  'Sunandar',
  'Komalasari',
  'Lubis',
  'Siregar',
  'Nasution',
  'Wibowo',
  'Susanto',
];

/** Writes the file in a child process so that its memory is not counted in the import's. */
async function generate(file: string, count: number) {
  const require = createRequire(import.meta.url);
  const villages: string[] = [];
  for await (const { line, cells } of readCsv(
    createReadStream(join(dirname(require.resolve('idn-area-data')), '..', 'data', 'villages.csv')),
  ))
    if (line > 1 && (line - 2) % 37 === 0) villages.push(cells[0] as string);
  const out = createWriteStream(file);
  out.write(`${IMPORT_HEADER.join(',')}\n`);
  let rng = 42;
  const random = (n: number) => {
    rng = (rng * 1_103_515_245 + 12_345) % 2_147_483_648;
    return Math.floor(rng / 65_536) % n;
  };
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  let person = 0;
  for (let h = 0; person < count; h++) {
    const village = villages[random(villages.length)] as string;
    const district = village.replace(/\./g, '').slice(0, 6);
    const kk = `${district}${pad((h % 28) + 1, 2)}${pad((Math.floor(h / 28 / 10_000) % 12) + 1, 2)}26${pad((Math.floor(h / 28) % 10_000) + 1, 4)}`;
    const family = FAMILY[random(FAMILY.length)] as string;
    const size = Math.min(count - person, 1 + random(6));
    for (let m = 0; m < size; m++, person++) {
      const female = m === 1 ? true : m === 0 ? random(10) === 0 : random(2) === 0;
      // Unique (birth date, serial) per person: 7919 is coprime with the 30,000-day span.
      const day = new Date(Date.UTC(1940, 0, 1) + ((person * 7919) % 30_000) * 86_400_000);
      const serial = Math.floor(person / 30_000) + 1;
      const nik = `${district}${pad(day.getUTCDate() + (female ? 40 : 0), 2)}${pad(day.getUTCMonth() + 1, 2)}${pad(day.getUTCFullYear() % 100, 2)}${pad(serial, 4)}`;
      const name = `${(female ? WOMEN : MEN)[random(25)]} ${family}`;
      const relation = m === 0 ? 'KEPALA KELUARGA' : m === 1 ? 'ISTRI' : 'ANAK';
      const date = `${pad(day.getUTCDate(), 2)}-${pad(day.getUTCMonth() + 1, 2)}-${day.getUTCFullYear()}`;
      const line = `${kk},${nik},${name},${female ? 'P' : 'L'},Desa ${village.slice(-4)},${date},${relation},Dusun ${1 + random(9)},${pad(1 + random(20), 3)},${pad(1 + random(9), 3)},${village},${1 + random(10)}\n`;
      if (!out.write(line)) await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'finish');
}

if (values['generate-only']) {
  await generate(values['generate-only'], persons);
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'jaring-bench-import-'));
const file = join(dir, 'dtks.csv');
const generated = spawnSync(
  process.execPath,
  ['--import', 'tsx', new URL(import.meta.url).pathname, '--persons', String(persons), '--generate-only', file],
  { stdio: 'inherit' },
);
if (generated.status !== 0) throw new Error('generator failed');

const baseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `jaring_bench_${Date.now()}`;
let database: Database;
if (values.pglite) database = await openPglite({ dataDir: join(dir, 'pglite') });
else {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${dbName}`;
  database = await openPostgres(url.toString(), 4);
}
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

const started = performance.now();
const phases: { readDone?: string; firstWrite?: string } = {};
const summary = await importHouseholds(ctx, readCsv(createReadStream(file), { field: file }), {
  dryRun: false,
  skipInvalid: true,
  onProgress: (phase) => {
    const at = ((performance.now() - started) / 1000).toFixed(1);
    if (phase === 'read') phases.readDone = at;
    else phases.firstWrite ??= at;
  },
});
console.log(`phases: read+stage until ${phases.readDone} s, checks until ${phases.firstWrite} s (first write chunk)`);
const seconds = (performance.now() - started) / 1000;
const peakRssMb = process.resourceUsage().maxRSS / 1024;
console.log(`imported ${summary.importedHouseholds} households, ${summary.importedPersons} persons; ${summary.rejectedRows} rows rejected`);
if (summary.problems.length > 0) console.log('first problems:', summary.problems.slice(0, 3));

async function timeQueries(label: string, queries: string[]) {
  const times: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    await findPersons(ctx, { q, limit: 25 });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => (times[Math.min(times.length - 1, Math.floor(times.length * p))] as number).toFixed(1);
  console.log(`search ${label}: p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms over ${times.length} queries`);
}
const sample: { nik: string; name: string }[] = [];
for await (const { line, cells } of readCsv(createReadStream(file))) {
  if (line > 20_001) break;
  if (line > 1 && line % 100 === 2) sample.push({ nik: cells[1] as string, name: cells[2] as string });
}
await timeQueries(
  'by NIK',
  sample.map((row) => row.nik),
);
await timeQueries(
  'by name fragment',
  sample.map((row) => row.name.slice(0, 6).toLowerCase()),
);
await timeQueries(
  'by misspelt name',
  sample.map((row) => `${row.name.slice(0, -1)}x`),
);

if (summary.importedPersons === 0) throw new Error('nothing was imported');

// Baseline: the same rows by COPY, no checks, into an indexed table.
const columns = IMPORT_HEADER.map((name) => `${name} text`).join(', ');
await sql.raw(`CREATE TABLE bench_copy (${columns}, PRIMARY KEY (nik))`).execute(database.db);
await sql.raw('CREATE INDEX ON bench_copy (no_kk)').execute(database.db);
await sql.raw('CREATE INDEX ON bench_copy (kode_desa, lower(nama))').execute(database.db);
await sql.raw('CREATE INDEX ON bench_copy USING gist (lower(nama) gist_trgm_ops)').execute(database.db);
const copyStarted = performance.now();
if (database.pglite)
  await database.pglite.query("COPY bench_copy FROM '/dev/blob' WITH (FORMAT csv, HEADER true)", [], {
    blob: new Blob([readFileSync(file)]),
  });
else {
  // Client-side COPY through psql (pg has no COPY FROM STDIN of its own).
  const url = new URL(baseUrl);
  url.pathname = `/${dbName}`;
  const copy = `\\copy bench_copy FROM '${file}' WITH (FORMAT csv, HEADER true)`;
  const copied = spawnSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', copy, url.toString()], { stdio: 'inherit' });
  if (copied.status !== 0) throw new Error(`psql exited ${copied.status ?? copied.error}`);
}
const copySeconds = (performance.now() - copyStarted) / 1000;
const copiedRows = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM bench_copy`.execute(database.db)).rows[0]?.n;
console.log(`baseline: COPY of the same ${copiedRows} rows into an indexed table in ${copySeconds.toFixed(2)} s`);

await database.close();
if (values.keep && !values.pglite) console.log(`kept database ${dbName} (drop it when done)`);
else if (!values.pglite) {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE ${dbName} WITH (FORCE)`);
  await admin.end();
}
rmSync(dir, { recursive: true, force: true });
console.log(
  `persons=${summary.importedPersons} seconds=${seconds.toFixed(1)} persons_per_s=${Math.round(summary.importedPersons / seconds)} peak_rss_mb=${Math.round(peakRssMb)} copy_seconds=${copySeconds.toFixed(2)} ratio=${(seconds / copySeconds).toFixed(1)}`,
);
