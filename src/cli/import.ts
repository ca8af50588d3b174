import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Context } from '../context.ts';
import { csvCell } from '../core/csv.ts';
import { IMPORT_HEADER, importHouseholds } from '../modules/registry/index.ts';

export class ImportUsageError extends Error {}

function progressBar(done: number, total: number): string {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `\rMengimpor [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} KK`;
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
    throw new ImportUsageError('Usage: jaring import households <file.csv> [--dry-run] [--skip-invalid --rejects <out.csv>]');
  if (values['skip-invalid'] && !values.rejects)
    throw new ImportUsageError('--skip-invalid needs --rejects <out.csv> to keep the rows it skips.');
  if (!/\.csv$/i.test(file))
    throw new ImportUsageError(`Only .csv files can be imported from the CLI yet; convert ${file} to CSV (UTF-8).`);
  return { file, dryRun: values['dry-run'] === true, skipInvalid: values['skip-invalid'] === true, rejects: values.rejects };
}

export async function runImport(ctx: Context, options: ReturnType<typeof parseImportArgs>): Promise<number> {
  const text = await readFile(options.file, 'utf8');
  const lines = text.split(/\r?\n/);
  const summary = await importHouseholds(ctx, lines, {
    dryRun: options.dryRun,
    skipInvalid: options.skipInvalid,
    onProgress: (done, total) => process.stderr.write(progressBar(done, total) + (done === total ? '\n' : '')),
  });
  const invalid = summary.problems.length > 0;
  if (invalid && !options.skipInvalid) {
    for (const p of summary.problems) console.error(`baris ${p.line}, kolom ${p.column}: ${p.reason}`);
    console.error(
      `Nothing imported: ${summary.rejectedRows} invalid rows. Fix them, or import the valid households with --skip-invalid --rejects <out.csv>.`,
    );
    console.log(`imported 0 households, 0 persons; ${summary.rejectedRows} rows rejected; 0 unchanged`);
    return 1;
  }
  if (options.rejects && options.skipInvalid) {
    const out = [
      [...IMPORT_HEADER, 'baris', 'alasan'].join(','),
      ...summary.rejectedLines.map((r) => `${r.text},${r.line},${csvCell(r.reason)}`),
    ];
    await writeFile(options.rejects, `${out.join('\n')}\n`);
    if (summary.rejectedRows > 0) console.error(`${summary.rejectedRows} rejected rows written to ${options.rejects}`);
  }
  console.log(
    `imported ${summary.importedHouseholds} households, ${summary.importedPersons} persons; ${summary.rejectedRows} rows rejected; ${summary.unchangedPersons} unchanged`,
  );
  if (options.dryRun) console.error('Dry run: nothing was written.');
  else if (summary.importedPersons === 0 && summary.unchangedPersons > 0)
    console.error('Nothing new: every valid row is already registered.');
  return 0;
}
