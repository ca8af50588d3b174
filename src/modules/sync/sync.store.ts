import type { StoreDb } from '../../db/store.ts';
import type { SyncTables } from './sync.tables.ts';

type Queryable = StoreDb<SyncTables>;

/** A new device code for the worker's phone. */
export const insertDevice = (db: Queryable, userId: string) =>
  db.insertInto('field_device').values({ user_id: userId }).returning(['id', 'code']).executeTakeFirstOrThrow();

export const findDeviceByCode = (db: Queryable, code: string) =>
  db.selectFrom('field_device').select(['id', 'code', 'user_id']).where('code', '=', code).executeTakeFirst();

/** Claims the number for the op unless it is claimed already; then reads who holds it. */
export async function claimReceiptNumber(
  db: Queryable,
  claim: { number: string; deviceId: string; opId: string; kind: 'repayment' | 'contribution' },
) {
  await db
    .insertInto('field_receipt_number')
    .values({ number: claim.number, device_id: claim.deviceId, op_id: claim.opId, kind: claim.kind })
    .onConflict((oc) => oc.column('number').doNothing())
    .execute();
  return db.selectFrom('field_receipt_number').select(['op_id', 'kind']).where('number', '=', claim.number).executeTakeFirstOrThrow();
}
