import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { Context } from '../context.ts';
import {
  approveCycle,
  approveEntitlements,
  computeCycle,
  createInstructionBatch,
  reconcile,
  writeInstructionFile,
} from '../modules/aid/index.ts';
import { actorForUsername } from '../modules/identity/index.ts';
import { progressBar } from './progress.ts';
import { UsageError } from './usage-error.ts';

export class AidUsageError extends UsageError {}

const USAGE = `Usage:
  jaring aid cycle compute <cycleId> --as <username> [--chunk <n>] [--pause <ms>]
  jaring aid cycle approve <cycleId> --as <username>
  jaring aid cycle instructions <cycleId> --channel bank|lkd|giro_pos --out <file.csv> --as <username>
  jaring aid cycle reconcile <cycleId> --channel bank|lkd|giro_pos --file <confirmation.csv> --as <username>`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CHANNELS = ['bank', 'lkd', 'giro_pos'] as const;
type Channel = (typeof CHANNELS)[number];

export type AidArgs = {
  action: 'compute' | 'approve' | 'instructions' | 'reconcile';
  cycleId: string;
  as: string;
  chunk?: number;
  /** Milliseconds to wait between chunks, to spare a database that is serving the offices. */
  pause?: number;
  channel?: Channel;
  out?: string;
  file?: string;
};

/** Read before the database is opened, so a typo costs nothing. */
export function parseAidArgs(args: string[]): AidArgs {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      as: { type: 'string' },
      chunk: { type: 'string' },
      pause: { type: 'string' },
      channel: { type: 'string' },
      out: { type: 'string' },
      file: { type: 'string' },
    },
  });
  const [noun, action, cycleId] = positionals;
  if (noun !== 'cycle' || positionals.length !== 3 || !cycleId || !UUID.test(cycleId)) throw new AidUsageError(USAGE);
  if (action !== 'compute' && action !== 'approve' && action !== 'instructions' && action !== 'reconcile') throw new AidUsageError(USAGE);
  // Who acts is a person, never "the system": the maker-checker rule and the audit trail need names.
  if (!values.as) throw new AidUsageError(`--as <username> is required (the cycle's maker and checker are people).\n\n${USAGE}`);
  const parsed: AidArgs = { action, cycleId: cycleId.toLowerCase(), as: values.as };
  if (values.chunk !== undefined) {
    const chunk = Number(values.chunk);
    if (!Number.isInteger(chunk) || chunk < 1 || chunk > 100_000)
      throw new AidUsageError('--chunk must be a whole number from 1 to 100000');
    parsed.chunk = chunk;
  }
  if (values.pause !== undefined) {
    const pause = Number(values.pause);
    if (!Number.isInteger(pause) || pause < 0 || pause > 600_000)
      throw new AidUsageError('--pause must be a whole number of milliseconds from 0 to 600000');
    parsed.pause = pause;
  }
  if (action === 'instructions' || action === 'reconcile') {
    if (!CHANNELS.includes(values.channel as Channel))
      throw new AidUsageError(`--channel must be one of ${CHANNELS.join(', ')}\n\n${USAGE}`);
    parsed.channel = values.channel as Channel;
  }
  if (action === 'instructions') {
    if (!values.out) throw new AidUsageError(`--out <file.csv> is required\n\n${USAGE}`);
    parsed.out = values.out;
  }
  if (action === 'reconcile') {
    if (!values.file) throw new AidUsageError(`--file <confirmation.csv> is required\n\n${USAGE}`);
    parsed.file = values.file;
  }
  return parsed;
}

const rupiah = (amount: string | bigint | number) => `Rp${BigInt(amount).toLocaleString('id-ID')}`;

async function* linesCounted(path: string, onBytes: (bytes: number) => void): AsyncGenerator<string> {
  const stream = createReadStream(path, { encoding: 'utf8' });
  let bytes = 0;
  stream.on('data', (chunk) => {
    bytes += Buffer.byteLength(chunk as string);
    onBytes(bytes);
  });
  yield* createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
}

/** `jaring aid cycle …`: progress on stderr, the result on stdout. */
export async function aidCommand(ctx: Context, args: AidArgs): Promise<number> {
  const actor = await actorForUsername(ctx.db, args.as);
  if (!actor) {
    console.error(`No active user "${args.as}".`);
    return 1;
  }
  const asUser: Context = { ...ctx, actor };
  switch (args.action) {
    case 'compute': {
      const bar = progressBar('compute');
      const result = await computeCycle(asUser, args.cycleId, {
        ...(args.chunk ? { chunkSize: args.chunk } : {}),
        onProgress: async (done, total) => {
          bar.update(done, total);
          if (args.pause && done < total) await new Promise((resolve) => setTimeout(resolve, args.pause));
        },
      });
      bar.finish();
      console.log(`Cycle ${args.cycleId}: ${result.inserted} entitlements computed now, ${result.total} in all (${result.computeState}).`);
      return 0;
    }
    case 'approve': {
      const cycle = await approveCycle(asUser, args.cycleId);
      const approved = await approveEntitlements(asUser, args.cycleId, { all: true });
      console.log(
        `Cycle "${cycle.name}" approved by ${actor.fullName ?? args.as}; ${approved.approved} entitlements approved, ${rupiah(approved.amount)}.`,
      );
      return 0;
    }
    case 'instructions': {
      const batch = await createInstructionBatch(asUser, args.cycleId, args.channel as Channel);
      const out = createWriteStream(args.out as string);
      const bar = progressBar('instructions');
      let rows = -1; // the header
      await writeInstructionFile(asUser, batch.id, async (chunk) => {
        rows += chunk.split('\n').length - 1;
        bar.update(Math.max(0, rows), batch.instructionCount);
        if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
      });
      await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
      bar.finish();
      console.log(
        `Batch ${batch.number} (${args.channel}): ${batch.instructionCount} instructions, ${rupiah(batch.total)}, written to ${args.out}.`,
      );
      return 0;
    }
    case 'reconcile': {
      const path = args.file as string;
      const size = (await stat(path)).size;
      const bar = progressBar('reconcile');
      const result = await reconcile(asUser, args.cycleId, {
        channel: args.channel as Channel,
        fileName: basename(path),
        lines: linesCounted(path, (bytes) => bar.update(bytes, size)),
      });
      bar.finish();
      const counts = Object.entries(result.counts)
        .filter(([, n]) => n > 0)
        .map(([outcome, n]) => `${outcome} ${n}`)
        .join(', ');
      console.log(
        `Reconciled ${basename(path)}: ${counts || 'no lines'}; paid ${rupiah(result.paidTotal)}, returned ${rupiah(result.returnedTotal)}.`,
      );
      for (const issue of result.issues.slice(0, 20))
        console.log(`  line ${issue.lineNo}: ${issue.outcome} ${issue.reference ?? ''} ${issue.detail}`);
      return 0;
    }
  }
}
