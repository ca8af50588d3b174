import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { type Context, inTransaction } from '../context.ts';
import { recordAudit } from '../modules/audit/index.ts';
import { lastClosedDay } from '../modules/financing/index.ts';
import { archiveMonth, listPartitions, PARTITIONED_TABLES, restoreMonth } from '../modules/partitions/index.ts';
import { UsageError } from './usage-error.ts';

export class PartitionsUsageError extends UsageError {}

const USAGE = `Usage:
  jaring partitions list
  jaring partitions archive --table <table> --month <YYYY-MM> [--out <file.jsonl>]
  jaring partitions restore <file.jsonl>
Tables: ${PARTITIONED_TABLES.join(', ')}`;

export type PartitionsArgs =
  | { action: 'list' }
  | { action: 'archive'; table: string; month: string; out: string }
  | { action: 'restore'; file: string };

/** Read before the database is opened, so a typo costs nothing. */
export function parsePartitionsArgs(args: string[]): PartitionsArgs {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { table: { type: 'string' }, month: { type: 'string' }, out: { type: 'string' } },
  });
  const [action, file, ...extra] = positionals;
  if (extra.length > 0) throw new PartitionsUsageError(`Unexpected argument "${extra[0]}".\n${USAGE}`);
  if (action === 'list') return { action };
  if (action === 'restore') {
    if (!file) throw new PartitionsUsageError(`Name the archive file to restore.\n${USAGE}`);
    return { action, file };
  }
  if (action !== 'archive') throw new PartitionsUsageError(`Unknown partitions command "${action ?? ''}".\n${USAGE}`);
  if (file) throw new PartitionsUsageError(`Unexpected argument "${file}".\n${USAGE}`);
  const { table, month } = values;
  if (!table || !month) throw new PartitionsUsageError(`Give --table and --month.\n${USAGE}`);
  return { action, table, month, out: values.out ?? `${table}-${month}.jsonl` };
}

export async function partitionsCommand(ctx: Context, args: PartitionsArgs): Promise<number> {
  if (args.action === 'list') {
    const { partitions, archived } = await listPartitions(ctx);
    const width = Math.max(12, ...partitions.map((p) => p.partition.length));
    for (const p of partitions)
      console.log(
        `${p.partition.padEnd(width)} ${String(p.rows).padStart(10)} rows  ${p.archived ? 'ARCHIVED (empty stand-in)  ' : ''}${p.bound}`,
      );
    for (const a of archived)
      console.log(
        `archived: ${a.table} ${a.month}: ${a.rows} rows in ${a.file} (sha256 ${a.sha256}) by ${a.archivedBy} at ${a.archivedAt}`,
      );
    return 0;
  }
  if (args.action === 'archive') {
    if (existsSync(args.out))
      throw new PartitionsUsageError(`${args.out} already exists: give another --out (an archive is never overwritten).`);
    const out = createWriteStream(args.out, { flags: 'wx' });
    const write = (line: string) =>
      new Promise<void>((resolve, reject) => {
        if (out.write(`${line}\n`)) resolve();
        else out.once('drain', resolve).once('error', reject);
      });
    const sink = {
      name: basename(args.out),
      write,
      async finish() {
        out.end();
        await finished(out);
        const handle = await open(args.out, 'r');
        await handle.sync();
        await handle.close();
      },
    };
    let result: Awaited<ReturnType<typeof archiveMonth>>;
    try {
      result = await archiveMonth(ctx, { table: args.table, month: args.month, lastClosed: await lastClosedDay(ctx) }, sink);
    } catch (error) {
      // Nothing was detached: the half-written file would only mislead.
      out.destroy();
      await rm(args.out, { force: true });
      throw error;
    }
    await inTransaction(ctx, (tx) =>
      recordAudit(tx, ctx, {
        action: 'partitions.archive',
        entityType: 'partition',
        entityId: `${result.table}:${result.month}`,
        after: result,
      }),
    );
    console.log(
      `${args.out}: ${result.rows} rows of ${result.table} ${result.month} archived (sha256 ${result.sha256}); the month's partition is detached.`,
    );
    return 0;
  }
  if (!existsSync(args.file)) throw new PartitionsUsageError(`${args.file}: no such file.`);
  const lines = createInterface({ input: createReadStream(args.file, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  const result = await restoreMonth(ctx, lines);
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, ctx, {
      action: 'partitions.restore',
      entityType: 'partition',
      entityId: `${result.table}:${result.month}`,
      after: result,
    }),
  );
  console.log(`${args.file}: ${result.rows} rows of ${result.table} ${result.month} restored; the month is attached again.`);
  return 0;
}
