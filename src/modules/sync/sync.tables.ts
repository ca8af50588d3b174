import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;

/** A phone (a browser's storage) that numbers its own receipts: F001, F002, … given once, to one worker. */
export type FieldDeviceTable = {
  id: ColumnType<string, never, never>;
  code: ColumnType<string, never, never>;
  user_id: string;
  registered_at: CreatedAt;
};

/** A receipt number made on a phone, claimed on sync by the op that carries it (docs/field.md). */
export type FieldReceiptNumberTable = {
  number: string;
  device_id: string;
  op_id: string;
  kind: 'repayment' | 'contribution';
  claimed_at: Generated<Date>;
};

export type SyncTables = { field_device: FieldDeviceTable; field_receipt_number: FieldReceiptNumberTable };
