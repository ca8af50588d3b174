import { actorScope, assertRole, type Context, inTransaction } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { csvCell } from '../../core/csv.ts';
import { uuidv7 } from '../../core/ids.ts';
import { regionInScope } from '../../core/scope.ts';
import type { CsvRecord } from '../../export/read-csv.ts';
import { recordAudit } from '../audit/index.ts';
import { allRegionCodes } from '../regions/index.ts';
import {
  describeIssue,
  IMPORT_HEADER,
  type ImportIssue,
  type ImportProblem,
  normaliseVillageCode,
  parseImportRow,
} from './import.rules.ts';
import {
  checkStagedRows,
  dropStagedRows,
  nextKkBatch,
  type StagedRow,
  stagedProblems,
  stagedSummary,
  stageRows,
  writeKkRange,
} from './import.store.ts';
import { IMPORTERS } from './registry.roles.ts';
import { RELATION_WORDS } from './registry.schema.ts';

export type ImportOptions = {
  dryRun: boolean;
  skipInvalid: boolean;
  onProgress?: (phase: 'read' | 'write', done: number, total: number | null) => void;
  /**
   * Receives rejected rows in line order, however many there are (listing or rejects file):
   * each problem with its text in ctx.locale, and `reason`, all of them as `column: text; …`.
   */
  onRejected?: (rejected: { line: number; text: string; reason: string; problems: ImportProblem[] }) => void | Promise<void>;
};
export type ImportSummary = {
  importedHouseholds: number;
  importedPersons: number;
  rejectedRows: number;
  unchangedPersons: number;
  /** The first problems (up to 1,000) with code, params and text in ctx.locale, for screens and tests; onRejected sees all. */
  problems: ImportProblem[];
  committed: boolean;
};

const STAGE_CHUNK = 5_000;
const WRITE_CHUNK_KKS = 2_000;

/**
 * Imports households from DTKS-style records (readCsv's, or an Excel sheet's rows), streamed: rows go to a staging table in
 * chunks (memory stays flat), whole-file checks run as set-based SQL, and households are
 * written in KK-ordered chunks, each one transaction, so a crash never leaves half a
 * household and a re-run finds what is there and leaves it unchanged.
 */
export async function importHouseholds(
  ctx: Context,
  records: AsyncIterable<CsvRecord> | Iterable<CsvRecord>,
  options: ImportOptions,
): Promise<ImportSummary> {
  // Take the iterator before the first await, so that a stream's records wait for us.
  const source = Symbol.asyncIterator in records ? records[Symbol.asyncIterator]() : records[Symbol.iterator]();
  const today = businessDate(ctx.clock);
  const importId = uuidv7(ctx.clock.now().getTime());
  const regions = await allRegionCodes(ctx.db);
  let lineNo = 0;
  let headerLine: number | null = null;
  let buffer: StagedRow[] = [];
  let headerOk = false;
  // One chunk is written while the next is parsed: the database and this process work at
  // the same time. At most one write is in flight, so memory stays at two chunks.
  let staging: Promise<void> = Promise.resolve();
  const flush = async () => {
    await staging;
    if (buffer.length === 0) return;
    const rows = buffer;
    const readSoFar = lineNo;
    buffer = [];
    staging = inTransaction(ctx, (tx) => stageRows(tx, importId, rows)).then(() => options.onProgress?.('read', readSoFar, null));
    // Failures surface at the next flush (awaited above); until then nobody would see them.
    staging.catch(() => {});
  };
  try {
    for (let next = await source.next(); !next.done; next = await source.next()) {
      const { line, cells } = next.value;
      lineNo = line;
      if (headerLine === null) {
        headerLine = line;
        const header = cells.map((h) =>
          h
            .replace(/^\uFEFF/, '')
            .trim()
            .toLowerCase(),
        );
        headerOk = header.join(',') === IMPORT_HEADER.join(',');
        if (!headerOk) break;
        continue;
      }
      const parsed = parseImportRow(cells, line, regions, today);
      buffer.push({
        line,
        raw: cells.map(csvCell).join(','),
        kk: (cells[0] ?? '').trim(),
        nik: (cells[1] ?? '').trim(),
        relation: RELATION_WORDS[(cells[6] ?? '').trim().toUpperCase().replace(/\s+/g, ' ')] ?? null,
        row: parsed.row,
        problems: parsed.row ? null : parsed.problems.map(({ column, code, params }) => ({ column, code, params })),
      });
      if (buffer.length >= STAGE_CHUNK) await flush();
    }
    if (!headerOk) {
      const problem = describeIssue(
        { line: headerLine ?? 1, column: '*', code: 'import.header_invalid', params: { expected: IMPORT_HEADER.join(',') } },
        ctx.locale,
      );
      await options.onRejected?.({ line: headerLine ?? 1, text: '', reason: joinReasons([problem]), problems: [problem] });
      return { importedHouseholds: 0, importedPersons: 0, rejectedRows: 1, unchangedPersons: 0, problems: [problem], committed: false };
    }
    await flush();
    await staging;
    await inTransaction(ctx, (tx) => checkStagedRows(tx, importId));
    const summary = await stagedSummary(ctx.db, importId);
    const problems = await reportRejected(ctx, importId, options);
    const result = { rejectedRows: summary.rejected, unchangedPersons: summary.unchanged, problems };
    if ((summary.rejected > 0 && !options.skipInvalid) || options.dryRun) {
      const wouldImport = options.dryRun && (summary.rejected === 0 || options.skipInvalid);
      return {
        ...result,
        importedHouseholds: wouldImport ? summary.new_households : 0,
        importedPersons: wouldImport ? summary.new_persons : 0,
        unchangedPersons: summary.rejected > 0 && !options.skipInvalid ? 0 : summary.unchanged,
        committed: false,
      };
    }
    let importedHouseholds = 0;
    let importedPersons = 0;
    let afterKk = '';
    for (;;) {
      const kks = await nextKkBatch(ctx.db, importId, afterKk, WRITE_CHUNK_KKS);
      const first = kks[0];
      const last = kks.at(-1);
      if (!first || !last) break;
      const written = await inTransaction(ctx, async (tx) => {
        const counts = await writeKkRange(tx, importId, first, last);
        await recordAudit(tx, ctx, {
          action: 'household.import',
          entityType: 'import',
          entityId: importId,
          after: { households: counts.households, persons: counts.persons, kkRange: [first.slice(0, 4), last.slice(0, 4)] },
        });
        return counts;
      });
      importedHouseholds += written.households;
      importedPersons += written.persons;
      afterKk = last;
      options.onProgress?.('write', importedPersons, summary.new_persons);
    }
    return { ...result, importedHouseholds, importedPersons, committed: true };
  } finally {
    await staging.catch(() => {});
    await dropStagedRows(ctx.db, importId);
  }
}

async function reportRejected(ctx: Context, importId: string, options: ImportOptions): Promise<ImportProblem[]> {
  const firstProblems: ImportProblem[] = [];
  let after = 0;
  for (;;) {
    const rows = await stagedProblems(ctx.db, importId, after, 5_000);
    for (const row of rows) {
      const problems = row.problems.map((staged) => describeIssue({ line: row.line, ...staged }, ctx.locale));
      await options.onRejected?.({ line: row.line, text: row.raw, reason: joinReasons(problems), problems });
      firstProblems.push(...problems.slice(0, 1_000 - firstProblems.length));
    }
    const last = rows.at(-1);
    if (!last) break;
    after = last.line;
  }
  return firstProblems;
}

const joinReasons = (problems: ImportProblem[]) => problems.map((p) => `${p.column}: ${p.reason}`).join('; ');

/** The web app's upload: scope-checked, then the same import; the summary line as the CLI prints it. */
export async function importHouseholdsFromUpload(
  ctx: Context,
  records: AsyncIterable<CsvRecord>,
  options: { dryRun: boolean; skipInvalid: boolean },
) {
  assertRole(ctx, IMPORTERS);
  const scope = actorScope(ctx);
  const outOfScope: ImportIssue[] = [];
  const inScope: CsvRecord[] = [];
  // Whether anything may be written depends on every row's village, so the upload is read
  // whole first (it is at most the route's body limit). Records keep their own line numbers.
  for await (const record of records) {
    const village = inScope.length === 0 ? null : normaliseVillageCode((record.cells[10] ?? '').trim());
    if (village && !regionInScope(scope, village))
      outOfScope.push({ line: record.line, column: 'kode_desa', code: 'import.village_out_of_scope', params: { code: village } });
    else inScope.push(record);
  }
  // Out-of-scope rows count as invalid: without skipInvalid nothing may be written.
  const blocked = outOfScope.length > 0 && !options.skipInvalid;
  const imported = await importHouseholds(ctx, inScope, { ...options, dryRun: options.dryRun || blocked });
  const result = blocked ? { ...imported, importedHouseholds: 0, importedPersons: 0, unchangedPersons: 0, committed: false } : imported;
  const rejectedRows = result.rejectedRows + outOfScope.length;
  const problems = [...outOfScope.map((issue) => describeIssue(issue, ctx.locale)), ...result.problems]
    .sort((a, b) => a.line - b.line)
    .slice(0, 1000);
  return {
    ...result,
    rejectedRows,
    problems,
    summary: `imported ${result.importedHouseholds} households, ${result.importedPersons} persons; ${rejectedRows} rows rejected; ${result.unchangedPersons} unchanged`,
  };
}
