import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.ts';
import { IDEMPOTENCY_HEADER, IDEMPOTENCY_KEY_PATTERN, type Idempotent } from '../core/idempotency.ts';

/**
 * The Idempotency-Key of a request to a route declared `idempotency: 'required' | 'optional'`:
 * read and checked here once for every such route (the route loop calls it), never by a module.
 */
export function readIdempotencyKey(request: FastifyRequest, required: boolean): string | undefined {
  const header = request.headers['idempotency-key'];
  const key = (Array.isArray(header) ? header[0] : header)?.trim();
  const problem = (code: 'idempotency.key_required' | 'idempotency.key_invalid') =>
    new AppError(code, 'invalid', { errors: [{ field: IDEMPOTENCY_HEADER, code, params: { header: IDEMPOTENCY_HEADER } }] });
  if (!key) {
    if (required) throw problem('idempotency.key_required');
    return undefined;
  }
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) throw problem('idempotency.key_invalid');
  return key;
}

/** A replay answers exactly as the first time did, and says so in `Idempotent-Replayed: true`. */
export function idempotentAnswer<T>(reply: FastifyReply, result: Idempotent<T>): T {
  if (result.replayed) reply.header('idempotent-replayed', 'true');
  return result.response;
}
