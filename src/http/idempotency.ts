import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.ts';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** The client's key for a money-moving request: required, printable ASCII, at most 200 characters. */
export function idempotencyKey(request: FastifyRequest): string {
  const header = request.headers['idempotency-key'];
  const key = (Array.isArray(header) ? header[0] : header)?.trim();
  const problem = (code: string) =>
    new AppError(code, 422, { errors: [{ field: IDEMPOTENCY_HEADER, code, params: { header: IDEMPOTENCY_HEADER } }] });
  if (!key) throw problem('idempotency.key_required');
  if (key.length > 200 || !/^[\x21-\x7e]+$/.test(key)) throw problem('idempotency.key_invalid');
  return key;
}

/** A replay answers exactly as the first time did, and says so in `Idempotent-Replayed: true`. */
export function idempotentAnswer<T>(reply: FastifyReply, result: { replayed: boolean; response: T }): T {
  if (result.replayed) reply.header('idempotent-replayed', 'true');
  return result.response;
}
