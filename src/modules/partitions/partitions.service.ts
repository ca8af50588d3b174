import { createHash } from 'node:crypto';
import { actorName, type Context, inTransaction } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { addMonths } from '../../core/dates.ts';
import { AppError, conflict, invalid } from '../../core/errors.ts';
import type { Queryable } from '../../db/database.ts';
import {
  archiveRefusal,
  isMonth,
  isPartitionedTable,
  monthOf,
  monthPartition,
  PARTITION_MONTHS_AHEAD,
  PARTITIONED_TABLES,
  type PartitionedTable,
  UNSETTLED_ROWS,
} from './partitions.rules.ts';
import {
  archivedMonthRows,
  attachMonth,
  closeRowCursor,
  countRowsWhere,
  createStagedTable,
  deleteArchivedMonth,
  detachMonth,
  ensureMonths,
  fetchRows,
  findArchivedMonth,
  insertArchivedMonth,
  insertStagedRows,
  isAttachedPartition,
  lockAgainstInserts,
  openRowCursor,
  partitionRows,
} from './partitions.store.ts';

export const ARCHIVE_FORMAT = 'jaring-partition-archive/1';
const BATCH = 2000;

/**
 * Makes the partitions of the month of `date` and the PARTITION_MONTHS_AHEAD months after it,
 * of every partitioned table (a step of close of day; making an existing one again does
 * nothing). Returns how many were made.
 */
export async function ensureComingPartitions(db: Queryable, date: string, monthsAhead = PARTITION_MONTHS_AHEAD): Promise<number> {
  const first = `${monthOf(date)}-01`;
  const last = `${addMonths(monthOf(date), monthsAhead)}-01`;
  let made = 0;
  for (const table of PARTITIONED_TABLES) made += await ensureMonths(db, table, first, last);
  return made;
}

/**
 * The archived months ('YYYY-MM') of a table that a date range touches (null: open-ended), for
 * reports to say that they show less than was recorded.
 */
export async function archivedMonthsIn(db: Queryable, table: PartitionedTable, from: string | null, to: string | null): Promise<string[]> {
  const rows = await archivedMonthRows(db, table, from ? `${monthOf(from)}-01` : null, to ? `${monthOf(to)}-01` : null);
  return rows.map((row) => monthOf(row.month));
}

export type PartitionInfo = { table: string; partition: string; bound: string; rows: number; archived: boolean };

/** Every partition of the partitioned tables, with its rows, and the archived months. */
export async function listPartitions(ctx: Context) {
  const rows = await partitionRows(ctx.db);
  const archived = [];
  for (const table of PARTITIONED_TABLES)
    for (const row of await archivedMonthRows(ctx.db, table, null, null))
      archived.push({
        table,
        month: monthOf(row.month),
        rows: Number(row.row_count),
        sha256: row.sha256,
        file: row.file_name,
        archivedBy: row.archived_by,
        archivedAt: row.archived_at.toISOString(),
      });
  return {
    partitions: rows.map(
      (row): PartitionInfo => ({
        table: row.parent,
        partition: row.name,
        bound: row.bound,
        rows: row.rows,
        archived: row.name.startsWith(`${row.parent}_a`),
      }),
    ),
    archived,
  };
}

export type ArchiveSink = { name: string; write(line: string): Promise<void>; finish(): Promise<void> };

function assertTableAndMonth(table: string, month: string): asserts table is PartitionedTable {
  if (!isPartitionedTable(table)) throw invalid('partitions.table_unknown', 'table', { table, tables: PARTITIONED_TABLES.join(', ') });
  if (!isMonth(month)) throw invalid('partitions.month_invalid', 'month', { month });
}

/**
 * Archives a month of a table: its rows are written to the sink (a header line, one JSON line
 * per row, an end line with the count and the SHA-256 of the lines before it), then the month's
 * partition is detached and dropped in the same transaction and the month recorded in
 * archived_month. Refused for the current month or a later one, and for a month whose last day
 * close of day has not closed (and sealed) yet.
 */
export async function archiveMonth(
  ctx: Context,
  input: { table: string; month: string; lastClosed: string | null },
  sink: ArchiveSink,
): Promise<{ table: PartitionedTable; month: string; rows: number; sha256: string }> {
  const { table, month } = input;
  assertTableAndMonth(table, month);
  const refusal = archiveRefusal(month, businessDate(ctx.clock), input.lastClosed);
  if (refusal === 'open_month') throw conflict('partitions.month_open', 'month', { month });
  if (refusal === 'not_closed') throw conflict('partitions.month_not_closed', 'month', { month, lastClosed: input.lastClosed ?? '—' });
  return inTransaction(ctx, async (tx) => {
    if (await findArchivedMonth(tx, table, `${month}-01`)) throw conflict('partitions.already_archived', 'month', { table, month });
    const partition = monthPartition(table, month);
    if (!(await isAttachedPartition(tx, partition))) throw conflict('partitions.no_partition', 'month', { table, month });
    await lockAgainstInserts(tx, partition);
    const unsettled = UNSETTLED_ROWS[table];
    const open = unsettled ? await countRowsWhere(tx, partition, unsettled.column, unsettled.value) : 0;
    if (open > 0) throw conflict('partitions.month_unsettled', 'month', { table, month, count: String(open) });
    const hash = createHash('sha256');
    const emit = async (line: string) => {
      hash.update(`${line}\n`);
      await sink.write(line);
    };
    await emit(JSON.stringify({ format: ARCHIVE_FORMAT, table, month }));
    await openRowCursor(tx, partition);
    let rows = 0;
    for (;;) {
      const batch = await fetchRows(tx, BATCH);
      if (batch.length === 0) break;
      for (const row of batch) await emit(row);
      rows += batch.length;
    }
    await closeRowCursor(tx);
    const sha256 = hash.digest('hex');
    await sink.write(JSON.stringify({ end: true, rows, sha256 }));
    // The file is complete on disk before the rows are dropped.
    await sink.finish();
    await detachMonth(tx, table, `${month}-01`);
    await insertArchivedMonth(tx, {
      table_name: table,
      month: `${month}-01`,
      row_count: String(rows),
      sha256,
      file_name: sink.name,
      archived_by: actorName(ctx.actor),
    });
    return { table, month, rows, sha256 };
  });
}

type Header = { format?: unknown; table?: unknown; month?: unknown };
type End = { end?: unknown; rows?: unknown; sha256?: unknown };

const archiveFileInvalid = (reason: string) => new AppError('partitions.archive_invalid', 'invalid', { params: { reason } });

/**
 * Puts an archived month back from its archive file: the file must be the one recorded when
 * the month was archived (same SHA-256 and row count); its rows are loaded into a staged table
 * that then takes the place of the month's empty stand-in partition. All or nothing.
 */
export async function restoreMonth(
  ctx: Context,
  lines: AsyncIterable<string>,
): Promise<{ table: PartitionedTable; month: string; rows: number }> {
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  let header: Header;
  try {
    header = JSON.parse(first.done ? '' : first.value) as Header;
  } catch {
    throw archiveFileInvalid('the first line is not an archive header');
  }
  if (header.format !== ARCHIVE_FORMAT) throw archiveFileInvalid(`not a ${ARCHIVE_FORMAT} file`);
  const table = String(header.table);
  const month = String(header.month);
  assertTableAndMonth(table, month);
  return inTransaction(ctx, async (tx) => {
    const recorded = await findArchivedMonth(tx, table, `${month}-01`);
    if (!recorded) throw conflict('partitions.not_archived', 'month', { table, month });
    const hash = createHash('sha256').update(`${first.value}\n`);
    const staged = `${table}_r${month.replace('-', '')}`;
    await createStagedTable(tx, table, staged);
    let rows = 0;
    let end: End | null = null;
    let batch: string[] = [];
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const line = next.value;
      if (line.trim() === '') continue;
      if (end) throw archiveFileInvalid('lines after the end line');
      let parsed: End;
      try {
        parsed = JSON.parse(line) as End;
      } catch {
        throw archiveFileInvalid(`line ${rows + 2} is not JSON`);
      }
      if (parsed.end === true) {
        end = parsed;
        continue;
      }
      hash.update(`${line}\n`);
      batch.push(line);
      rows++;
      if (batch.length >= BATCH) {
        await insertStagedRows(tx, staged, batch);
        batch = [];
      }
    }
    if (batch.length > 0) await insertStagedRows(tx, staged, batch);
    if (!end) throw archiveFileInvalid('the file has no end line (cut short?)');
    const sha256 = hash.digest('hex');
    if (end.sha256 !== sha256 || Number(end.rows) !== rows) throw archiveFileInvalid('its rows do not match its own SHA-256 and count');
    if (recorded.sha256 !== sha256 || Number(recorded.row_count) !== rows)
      throw archiveFileInvalid(`it is not the file archived for ${table} ${month} (SHA-256 ${recorded.sha256.slice(0, 12)}…)`);
    await attachMonth(tx, table, `${month}-01`, staged);
    await deleteArchivedMonth(tx, table, `${month}-01`);
    return { table, month, rows };
  });
}
