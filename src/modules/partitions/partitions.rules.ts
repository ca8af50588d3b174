import { addMonths, dayBefore } from '../../core/dates.ts';

/** The tables partitioned by month (migration 0032; aid_instruction by its cycle's period start, migration 0048). */
export const PARTITIONED_TABLES = ['journal_line', 'audit_log', 'jkn_contribution_payment', 'cadre_visit', 'aid_instruction'] as const;
export type PartitionedTable = (typeof PARTITIONED_TABLES)[number];

/** Close of day keeps the partitions of this many months after the current one made. */
export const PARTITION_MONTHS_AHEAD = 3;

export const isPartitionedTable = (name: string): name is PartitionedTable => (PARTITIONED_TABLES as readonly string[]).includes(name);

/** 'YYYY-MM' with a real month. */
export const isMonth = (text: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(text);

/** The month ('YYYY-MM') of a date or timestamp text. */
export const monthOf = (date: string) => date.slice(0, 7);

/** The partition that holds a month of a table, and the empty one that stands in for it once archived. */
export const monthPartition = (table: PartitionedTable, month: string) => `${table}_p${month.replace('-', '')}`;
export const archivedPartition = (table: PartitionedTable, month: string) => `${table}_a${month.replace('-', '')}`;

/** Every month from the month of `from` to the month of `to`, both included ('YYYY-MM'). */
export function monthsFromTo(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = monthOf(from); month <= monthOf(to); month = addMonths(month, 1)) months.push(month);
  return months;
}

/**
 * Whether a month may be archived on a business date, given the last closed day: never the
 * current month or a later one, and only once close of day (which seals the books) has closed
 * its last day.
 */
export function archiveRefusal(month: string, today: string, lastClosed: string | null): 'open_month' | 'not_closed' | null {
  if (month >= monthOf(today)) return 'open_month';
  if (lastClosed === null || lastClosed < lastDayOf(month)) return 'not_closed';
  return null;
}

/**
 * Rows of a month that may still change and so keep it from being archived: aid instructions
 * awaiting the channel's confirmation (paid, failed and returned ones are settled). The other
 * tables are append-only.
 */
export const UNSETTLED_ROWS: Partial<Record<PartitionedTable, { column: string; value: string }>> = {
  aid_instruction: { column: 'status', value: 'instructed' },
};

export const lastDayOf = (month: string) => dayBefore(`${addMonths(month, 1)}-01`);
