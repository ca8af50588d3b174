// Typo-tolerant duplicate detection at size, on PostgreSQL: N persons (default 200,000) in the
// villages of Kabupaten Bandung (32.04, about 700 persons a village at the default size; a
// household each), born between 1940 and 2019, names from 60 × 60 given and family names.
// Injected: for one person in 100 a second record with a typo or an old spelling (doubled
// letter, u → oe, y → j) in another household of the same village, born the same day; for one
// in 500 the same name and birth date in another village (the same person in two households).
// Generated set-based in SQL. Timed: the whole walk over every village counting every
// candidate (countDuplicateCandidates, chunks of villages), and the first page of the review
// (listDuplicateCandidates, 50 pairs) as the system actor (every region).
// Same-run baseline: the former exact rule over the same persons (self-join on lower(name),
// birth date and village, every pair), in the same database.
// Usage: npm run bench:duplicates -- [--persons N] [--rounds R] [--keep]
// Last line: persons=N villages=V pairs=P walk_ms=W page_p50_ms=… exact_pairs=E exact_ms=B ratio=W/B
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { type Context, inTransaction } from '../src/context.ts';
import { systemClock } from '../src/core/clock.ts';
import { openPostgres } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { createOrganisation } from '../src/modules/organisation/index.ts';
import { ensureRegionsLoaded } from '../src/modules/regions/index.ts';
import { countDuplicateCandidates, listDuplicateCandidates } from '../src/modules/registry/duplicates.service.ts';

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '200000' },
    rounds: { type: 'string', default: '5' },
    keep: { type: 'boolean' },
  },
});
const persons = Number(values.persons);
const rounds = Number(values.rounds);
const baseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `jaring_bench_duplicates_${Date.now()}`;
const admin = new pg.Client({ connectionString: baseUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
await admin.end();
const url = new URL(baseUrl);
url.pathname = `/${dbName}`;

const GIVEN = [
  'Budi',
  'Siti',
  'Agus',
  'Dewi',
  'Joko',
  'Sri',
  'Slamet',
  'Yanti',
  'Asep',
  'Nur',
  'Eko',
  'Rina',
  'Hendra',
  'Wati',
  'Iwan',
  'Yuli',
  'Dedi',
  'Ani',
  'Bambang',
  'Lestari',
  'Cecep',
  'Ratna',
  'Wahyu',
  'Endang',
  'Teguh',
  'Tuti',
  'Rahmat',
  'Yayah',
  'Ujang',
  'Euis',
  'Fajar',
  'Nining',
  'Gilang',
  'Imas',
  'Kurnia',
  'Neneng',
  'Lukman',
  'Popon',
  'Made',
  'Suryani',
  'Heru',
  'Sumarni',
  'Yusuf',
  'Maryam',
  'Surya',
  'Kartini',
  'Dadang',
  'Aminah',
  'Ruslan',
  'Fatimah',
  'Tatang',
  'Halimah',
  'Ahmad',
  'Juju',
  'Yudi',
  'Cucu',
  'Ikhsan',
  'Nunung',
  'Usman',
  'Suhartini',
];
const FAMILY = [
  'Santoso',
  'Wijaya',
  'Saputra',
  'Hidayat',
  'Setiawan',
  'Kurniawan',
  'Lestari',
  'Rahayu',
  'Suryadi',
  'Permana',
  'Gunawan',
  'Nugraha',
  'Sutrisno',
  'Firmansyah',
  'Rahman',
  'Hasanah',
  'Maulana',
  'Pratama',
  'Susanti',
  'Sulaeman',
  'Mulyadi',
  'Suherman',
  'Hermawan',
  'Kusnadi',
  'Sopandi',
  'Ruhiyat',
  'Supriatna',
  'Jaenudin',
  'Sumirat',
  'Karyadi',
  'Sukmana',
  'Hasan',
  'Iskandar',
  'Komariah',
  'Nurhayati',
  'Handayani',
  'Wulandari',
  'Purnama',
  'Sudrajat',
  'Mulyana',
  'Ramdani',
  'Hamdani',
  'Syahrir',
  'Juanda',
  'Sujana',
  'Rohman',
  'Yuliani',
  'Kusuma',
  'Haryanto',
  'Budiman',
  'Suparman',
  'Sukarya',
  'Taryana',
  'Cahyadi',
  'Suganda',
  'Riyadi',
  'Audiitono',
  'Suharto',
  'Mulyono',
  'Subagja',
];
const list = (names: string[]) => sql.raw(`ARRAY[${names.map((n) => `'${n}'`).join(',')}]`);

let lastLine = '';
const database = await openPostgres(url.toString(), 4);
try {
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
  await inTransaction(ctx, (tx) => createOrganisation(tx, ctx, { name: 'Bench' }));
  const db = database.db;
  const generating = performance.now();
  await sql`
    CREATE TEMP TABLE bench_village AS
    SELECT code, row_number() OVER (ORDER BY code) - 1 AS k FROM region WHERE code LIKE '32.04.__.____'`.execute(db);
  const villageCount = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM bench_village`.execute(db)).rows[0]?.n);
  await sql`
    CREATE TEMP TABLE bench_person AS
    SELECT g, v.code AS village_code, (${list(GIVEN)})[1 + g % 60] || ' ' || (${list(FAMILY)})[1 + (g / 60) % 60] AS full_name,
           ('1940-01-01'::date + ((g * 7919) % 29200)::int) AS birth_date
    FROM generate_series(0, ${persons - 1}) g
    JOIN bench_village v ON v.k = (g / 3) % ${villageCount}`.execute(db);
  // The copies: a typo or an old spelling in the same village (1 in 100), the same name in another village (1 in 500).
  await sql`
    INSERT INTO bench_person
    SELECT ${persons} + g, village_code,
           CASE g % 3 WHEN 0 THEN regexp_replace(full_name, 'a', 'aa') WHEN 1 THEN regexp_replace(full_name, 'u', 'oe') ELSE replace(full_name, 'y', 'j') END,
           birth_date
    FROM bench_person WHERE g % 100 = 7`.execute(db);
  await sql`
    INSERT INTO bench_person
    SELECT ${persons * 2} + p.g, v.code, p.full_name, p.birth_date
    FROM bench_person p JOIN bench_village v ON v.k = (p.g / 3 + 17) % ${villageCount}
    WHERE p.g < ${persons} AND p.g % 500 = 11`.execute(db);
  await sql`
    INSERT INTO household (id, kk_number, village_code)
    SELECT gen_random_uuid(), '98' || lpad(g::text, 14, '0'), village_code FROM bench_person`.execute(db);
  await sql`
    INSERT INTO person (id, nik, full_name, sex, birth_date, household_id, relation, village_code)
    SELECT gen_random_uuid(), '99' || lpad(p.g::text, 14, '0'), p.full_name, CASE WHEN p.g % 2 = 0 THEN 'F' ELSE 'M' END,
           p.birth_date, h.id, 'head', p.village_code
    FROM bench_person p JOIN household h ON h.kk_number = '98' || lpad(p.g::text, 14, '0')`.execute(db);
  await sql`ANALYZE`.execute(db);
  const total = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM person`.execute(db)).rows[0]?.n);
  console.log(`generated ${total} persons in ${villageCount} villages in ${((performance.now() - generating) / 1000).toFixed(1)} s`);

  // Baseline: the former rule, every exact pair over the same persons.
  const exact = async () =>
    Number(
      (
        await sql<{ n: string }>`
          SELECT count(*) AS n FROM person a
          JOIN person b ON lower(a.full_name) = lower(b.full_name) AND a.birth_date = b.birth_date AND a.village_code = b.village_code AND a.id < b.id
          WHERE a.merged_into IS NULL AND b.merged_into IS NULL`.execute(db)
      ).rows[0]?.n,
    );
  const median = (list: number[]) => [...list].sort((x, y) => x - y)[Math.floor(list.length / 2)] as number;
  const timed = async <T>(work: () => Promise<T>) => {
    let result = await work(); // warm-up
    const ms: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const t = performance.now();
      result = await work();
      ms.push(performance.now() - t);
    }
    return { result, ms: median(ms) };
  };
  const base = await timed(exact);
  const walk = await timed(() => countDuplicateCandidates(ctx));
  const page = await timed(() => listDuplicateCandidates(ctx, { limit: 50 }));
  const typos = Math.floor((persons - 1 - 7) / 100) + 1;
  const moved = Math.floor((persons - 1 - 11) / 500) + 1;
  console.log(`exact rule (baseline): ${base.result} pairs, median ${base.ms.toFixed(0)} ms`);
  console.log(
    `typo-tolerant walk: ${walk.result.villages} villages, ${walk.result.pairs} pairs ${JSON.stringify(walk.result.byReason)}, median ${walk.ms.toFixed(0)} ms`,
  );
  console.log(`first page (50 pairs with both persons' households): median ${page.ms.toFixed(0)} ms`);
  console.log(`injected: ${typos} typos or old spellings in one village, ${moved} persons in two villages`);
  const found = walk.result.byReason;
  if (
    found.similar_name_birth_date_village + found.same_name_birth_date_village < typos ||
    found.same_person_two_households < typos + moved
  )
    throw new Error('the walk missed injected duplicates');
  if (page.result.items.length !== 50) throw new Error('the first page is not full');
  lastLine = `persons=${total} villages=${walk.result.villages} pairs=${walk.result.pairs} walk_ms=${walk.ms.toFixed(0)} page_p50_ms=${page.ms.toFixed(0)} exact_pairs=${base.result} exact_ms=${base.ms.toFixed(0)} ratio=${(walk.ms / base.ms).toFixed(2)}`;
} finally {
  await database.close();
  if (values.keep) console.log(`kept database ${dbName}`);
  else {
    const cleanup = new pg.Client({ connectionString: baseUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE ${dbName} WITH (FORCE)`);
    await cleanup.end();
  }
}
console.log(lastLine);
