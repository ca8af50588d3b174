import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Context } from '../context.ts';
import { csvCell } from '../core/csv.ts';
import { translate } from '../core/messages.ts';
import { readCsv } from '../export/read-csv.ts';
import { IMPORT_HEADER, importHouseholds, xlsxRecords } from '../modules/registry/index.ts';
import { UsageError } from './usage-error.ts';

export class ImportUsageError extends UsageError {}

function progress(phase: 'read' | 'write', done: number, total: number | null): string {
  if (phase === 'read' || total === null) return `\rMembaca berkas: ${done} baris`;
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `\rMenyimpan [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} orang`;
}

/** `jaring import households <file.csv> [--dry-run] [--skip-invalid --rejects <out.csv>]` */
export function parseImportArgs(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean' }, 'skip-invalid': { type: 'boolean' }, rejects: { type: 'string' } },
  });
  const [what, file] = positionals;
  if (what !== 'households' || !file)
    throw new ImportUsageError('Usage: jaring import households <file.csv|file.xlsx> [--dry-run] [--skip-invalid --rejects <out.csv>]');
  if (values['skip-invalid'] && !values.rejects)
    throw new ImportUsageError('--skip-invalid needs --rejects <out.csv> to keep the rows it skips.');
  if (!/\.(csv|xlsx)$/i.test(file))
    throw new ImportUsageError(`Only .csv and .xlsx files can be imported; convert ${file} to CSV (UTF-8).`);
  return { file, dryRun: values['dry-run'] === true, skipInvalid: values['skip-invalid'] === true, rejects: values.rejects };
}

export async function runImport(ctx: Context, options: ReturnType<typeof parseImportArgs>): Promise<number> {
  const records = /\.xlsx$/i.test(options.file)
    ? xlsxRecords(options.file, { field: options.file })
    : readCsv(createReadStream(options.file), { field: options.file });
  const rejects = options.skipInvalid && options.rejects ? createWriteStream(options.rejects) : null;
  rejects?.write(`${[...IMPORT_HEADER, 'baris', 'alasan'].join(',')}\n`);
  const tty = process.stderr.isTTY;
  let progressShown = false;
  const summary = await importHouseholds(ctx, records, {
    dryRun: options.dryRun,
    skipInvalid: options.skipInvalid,
    onProgress: (phase, done, total) => {
      progressShown = true;
      process.stderr.write(progress(phase, done, total) + (tty ? '' : '\n'));
    },
    onRejected: async (row) => {
      if (rejects) {
        if (!rejects.write(`${row.text},${row.line},${csvCell(row.reason)}\n`)) await once(rejects, 'drain');
      } else for (const problem of row.problems) console.error(translate('import.problem_at', ctx.locale, problem));
    },
  });
  if (progressShown && tty) process.stderr.write('\n');
  if (rejects) {
    rejects.end();
    await once(rejects, 'finish');
    if (summary.rejectedRows > 0) console.error(`${summary.rejectedRows} rejected rows written to ${options.rejects}`);
  }
  if (summary.rejectedRows > 0 && !options.skipInvalid) {
    console.error(
      `Nothing imported: ${summary.rejectedRows} invalid rows. Fix them, or import the valid households with --skip-invalid --rejects <out.csv>.`,
    );
    console.log(`imported 0 households, 0 persons; ${summary.rejectedRows} rows rejected; 0 unchanged`);
    return 1;
  }
  console.log(
    `imported ${summary.importedHouseholds} households, ${summary.importedPersons} persons; ${summary.rejectedRows} rows rejected; ${summary.unchangedPersons} unchanged`,
  );
  if (options.dryRun) console.error('Dry run: nothing was written.');
  else if (summary.importedPersons === 0 && summary.unchangedPersons > 0)
    console.error('Nothing new: every valid row is already registered.');
  return 0;
}
