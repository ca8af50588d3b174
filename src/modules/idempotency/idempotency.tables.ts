import type { ColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;

/** One row per (actor, key): the claim of a money-moving request and, once done, its first answer. */
export type IdempotencyRecordTable = {
  actor: string;
  key: string;
  operation: string;
  request_hash: string;
  status_code: number | null;
  response: unknown;
  created_at: CreatedAt;
};

export type IdempotencyTables = {
  idempotency_record: IdempotencyRecordTable;
};
