// `jaring books verify` over a year of one office's books: N journal lines (default 1,000,000;
// two a posting) and an audit record a posting, spread over 365 sealed days, written as an
// export file with the real sealing code, then verified offline as the CLI does. The same-run
// baseline reads the same file line by line and parses each line's JSON, nothing else: what
// any reader of the file pays. No database.
// Usage: npm run bench:books-verify -- [--lines N] [--keep]
// Last line: lines=N file_mb=F verify_seconds=S baseline_seconds=B ratio=S/B peak_rss_mb=M
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { addDays } from '../src/core/dates.ts';
import { BOOKS_FORMAT, type BooksRecord, DayHasher, GENESIS_ROOT, verifyExport } from '../src/modules/ledger/books.seal.ts';

const { values } = parseArgs({ options: { lines: { type: 'string', default: '1000000' }, keep: { type: 'boolean' } } });
const totalLines = Number(values.lines);
const dir = await mkdtemp(join(tmpdir(), 'jaring-books-bench-'));
const file = join(dir, 'books.jsonl');
const DAYS = 365;
const office = '01890000-0000-7000-8000-000000000001';
const uuid = (n: number) => `01890000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

try {
  const out = createWriteStream(file);
  const write = async (line: string) => {
    if (!out.write(`${line}\n`)) await new Promise((resolve) => out.once('drain', resolve));
  };
  await write(JSON.stringify({ format: BOOKS_FORMAT, office: { id: office, code: 'YK01', name: 'Bench' }, previousRoot: GENESIS_ROOT }));
  const entriesPerDay = Math.max(1, Math.round(totalLines / 2 / DAYS));
  let previous = GENESIS_ROOT;
  let n = 0;
  for (let d = 0; d < DAYS; d++) {
    const day = addDays('2026-01-01', d);
    const records: BooksRecord[] = [];
    for (let e = 0; e < entriesPerDay; e++) {
      const id = uuid(++n);
      const at = `${day}T03:00:00.000000Z`;
      records.push({
        kind: 'entry',
        values: [id, office, day, `Angsuran B-${n}`, 'financing.repayment', uuid(n + 5e9), null, 'kasir', at],
      });
      records.push({ kind: 'line', values: [id, '1', '1.1.01', office, day, '1060000', '0', null, null, null] });
      records.push({ kind: 'line', values: [id, '2', '1.2.01', office, day, '0', '1060000', uuid(7), 'financing', uuid(n + 5e9)] });
    }
    for (let e = 0; e < entriesPerDay; e++)
      records.push({
        kind: 'audit',
        values: [
          uuid(n + e + 1e10),
          `${day}T03:00:00.000000Z`,
          uuid(3),
          'kasir',
          'financing.repay',
          'financing',
          uuid(e),
          office,
          '34.71',
          null,
          `{"amount": "1060000"}`,
          `r${e}`,
        ],
      });
    const hasher = new DayHasher();
    for (const record of records) hasher.add(record);
    const seal = hasher.seal(office, day, previous);
    previous = seal.root;
    const { digests, ...rest } = seal;
    await write(JSON.stringify({ seal: { ...rest, digests: digests.toString('base64') } }));
    for (const record of records) await write(JSON.stringify([record.kind, ...record.values]));
  }
  out.end();
  await finished(out);
  const fileMb = (await stat(file)).size / 1e6;
  console.log(`wrote ${n} entries, ${n * 2} lines and ${n} audit records over ${DAYS} days: ${fileMb.toFixed(1)} MB`);

  const baselineStarted = performance.now();
  let parsed = 0;
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY }))
    if (JSON.parse(line)) parsed++;
  const baselineSeconds = (performance.now() - baselineStarted) / 1000;

  peakRss = process.memoryUsage().rss;
  const started = performance.now();
  const result = await verifyExport(createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY }));
  const seconds = (performance.now() - started) / 1000;
  if (result.problem || result.malformed || result.days !== DAYS) throw new Error(`verify failed: ${JSON.stringify(result)}`);
  console.log(
    `baseline parsed ${parsed} lines in ${baselineSeconds.toFixed(2)} s; verify: ${result.days} days, ${result.records} records, last root ${result.lastRoot}`,
  );
  console.log(
    `lines=${n * 2} file_mb=${fileMb.toFixed(1)} verify_seconds=${seconds.toFixed(2)} baseline_seconds=${baselineSeconds.toFixed(2)} ratio=${(seconds / baselineSeconds).toFixed(2)} peak_rss_mb=${(peakRss / 1e6).toFixed(0)}`,
  );
} finally {
  clearInterval(sampler);
  if (values.keep) console.error(`kept ${file}`);
  else await rm(dir, { recursive: true, force: true });
}
