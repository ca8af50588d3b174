export {
  isPartitionedTable,
  monthPartition,
  PARTITION_MONTHS_AHEAD,
  PARTITIONED_TABLES,
  type PartitionedTable,
} from './partitions.rules.ts';
export {
  ARCHIVE_FORMAT,
  type ArchiveSink,
  archivedMonthsIn,
  archiveMonth,
  ensureComingPartitions,
  listPartitions,
  restoreMonth,
} from './partitions.service.ts';
