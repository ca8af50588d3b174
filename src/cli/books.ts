import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import type { Context } from '../context.ts';
import { isIsoDate } from '../core/dates.ts';
import { exportBooks, verifyExport } from '../modules/ledger/index.ts';
import { UsageError } from './usage-error.ts';

export class BooksUsageError extends UsageError {}

const USAGE = `Usage:
  jaring books export --office <code> --from <YYYY-MM-DD> --to <YYYY-MM-DD> [--out <file.jsonl>]
  jaring books verify <file.jsonl>`;

export type BooksArgs = { action: 'export'; office: string; from: string; to: string; out: string } | { action: 'verify'; file: string };

/** Read before the database is opened, so a typo costs nothing. */
export function parseBooksArgs(args: string[]): BooksArgs {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { office: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } },
  });
  const [action, file, ...extra] = positionals;
  if (extra.length > 0) throw new BooksUsageError(`Unexpected argument "${extra[0]}".\n${USAGE}`);
  if (action === 'verify') {
    if (!file) throw new BooksUsageError(`Name the export file to verify.\n${USAGE}`);
    return { action, file };
  }
  if (action !== 'export') throw new BooksUsageError(`Unknown books command "${action ?? ''}".\n${USAGE}`);
  if (file) throw new BooksUsageError(`Unexpected argument "${file}".\n${USAGE}`);
  const { office, from, to } = values;
  if (!office || !from || !to) throw new BooksUsageError(`Give --office, --from and --to.\n${USAGE}`);
  for (const [name, date] of [
    ['--from', from],
    ['--to', to],
  ] as const)
    if (!isIsoDate(date)) throw new BooksUsageError(`${name} must be a date YYYY-MM-DD, not "${date}".`);
  return { action, office: office.toUpperCase(), from, to, out: values.out ?? `books-${office.toUpperCase()}-${from}-${to}.jsonl` };
}

export async function booksExportCommand(ctx: Context, args: Extract<BooksArgs, { action: 'export' }>): Promise<number> {
  const out = createWriteStream(args.out);
  const write = (line: string) =>
    new Promise<void>((resolve, reject) => {
      if (out.write(`${line}\n`)) resolve();
      else out.once('drain', resolve).once('error', reject);
    });
  const result = await exportBooks(ctx.db, args.office, args.from, args.to, write);
  out.end();
  await finished(out);
  console.log(`${args.out}: ${result.days} sealed days of office ${result.office} (${args.from} … ${args.to}).`);
  return 0;
}

/** Checks an export with no database: exit 0 when every day matches its seal, 1 naming the first that does not. */
export async function booksVerifyCommand(args: Extract<BooksArgs, { action: 'verify' }>): Promise<number> {
  const info = await stat(args.file).catch(() => null);
  if (!info?.isFile()) throw new BooksUsageError(`${args.file}: no such file.`);
  const lines = createInterface({ input: createReadStream(args.file, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  const result = await verifyExport(lines);
  if (result.malformed) {
    console.error(`${args.file}: line ${result.malformed.lineNo}: ${result.malformed.reason}.`);
    return 1;
  }
  if (result.problem) {
    const p = result.problem;
    const where = p.record ? `${p.record.kind} ${p.record.id}` : 'the day';
    const what =
      p.kind === 'field'
        ? `field ${p.field} does not match (now: ${p.value ?? 'null'})`
        : p.kind === 'record_added'
          ? 'was not there when the day was sealed'
          : p.kind === 'record_missing'
            ? 'a sealed record is missing'
            : p.kind === 'chain'
              ? "the chain is broken: its previous root is not the day before's root"
              : 'the stored root does not match the day';
    console.error(`NOT OK: day ${p.day}, ${where}: ${what}.`);
    return 1;
  }
  console.log(
    `OK: office ${result.office ?? '?'}, ${result.days} days, ${result.records} records; last root ${result.lastRoot ?? '(none)'}.`,
  );
  return 0;
}
