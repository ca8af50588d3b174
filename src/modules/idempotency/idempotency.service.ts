import { createHash } from 'node:crypto';
import { actorName, type Context } from '../../context.ts';
import { AppError } from '../../core/errors.ts';
import { IDEMPOTENCY_HEADER, type Idempotent } from '../../core/idempotency.ts';
import type { Tx } from '../../db/database.ts';
import { type Read, type ReadResults, read, readTogether } from '../../db/read-together.ts';
import { writeLater } from '../../db/write-later.ts';
import { claimKey, findClaimedKey, storeResponse } from './idempotency.store.ts';

/** A stable hash of a request body: keys sorted, so the same content hashes the same. */
export function requestHash(operation: string, body: unknown): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, v]) => [k, canonical(v)]),
      );
    return value;
  };
  return createHash('sha256')
    .update(JSON.stringify([operation, canonical(body)]))
    .digest('hex');
}

export type IdempotentRequest = { key: string; operation: string; body: unknown };

/**
 * Runs money-moving work at most once per (actor, key), inside the caller's transaction.
 * The key row is inserted first: a concurrent request with the same key waits on it and
 * then sees the stored response. The same key with another body is refused with 409.
 * `reads` go to the database right behind the key, in the same round trip (readTogether):
 * what the work reads first, given to it; for a repeated key they are read and dropped.
 */
export async function once<T, R extends readonly Read<unknown>[] = []>(
  tx: Tx,
  ctx: Context,
  request: IdempotentRequest,
  work: (read: ReadResults<R>) => Promise<T>,
  reads?: R,
): Promise<Idempotent<T>> {
  const actor = actorName(ctx.actor);
  const hash = requestHash(request.operation, request.body);
  const claim = read(
    claimKey(tx, { actor, key: request.key, operation: request.operation, request_hash: hash }),
    (rows) => rows.length > 0,
  );
  const [claimed, ...readFirst] = await readTogether(tx, [claim, ...(reads ?? [])]);
  if (!claimed) {
    const existing = await findClaimedKey(tx, actor, request.key);
    if (existing.request_hash !== hash || existing.operation !== request.operation)
      throw new AppError('idempotency.key_reused', 'conflict', {
        errors: [{ field: IDEMPOTENCY_HEADER, code: 'idempotency.key_reused' }],
      });
    return { replayed: true, response: existing.response as T };
  }
  const response = await work(readFirst as unknown as ReadResults<R>);
  // Stored with the transaction's last writes, before the commit that lets a waiting duplicate see it.
  await writeLater(tx, storeResponse(tx, actor, request.key, response));
  return { replayed: false, response };
}
