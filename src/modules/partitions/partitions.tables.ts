import type { Generated } from 'kysely';

/** A table partitioned by month (migration 0032): its partition key and the key's type. */
export type PartitionParentTable = {
  table_name: string;
  key_column: string;
  key_type: 'date' | 'timestamptz';
};

/** A month of a partitioned table that was detached and written to an archive file. */
export type ArchivedMonthTable = {
  table_name: string;
  /** The first day of the month (YYYY-MM-01). */
  month: string;
  row_count: string;
  sha256: string;
  file_name: string;
  archived_by: string;
  archived_at: Generated<Date>;
};

export type PartitionTables = { partition_parent: PartitionParentTable; archived_month: ArchivedMonthTable };
