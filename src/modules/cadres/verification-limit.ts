import { AppError } from '../../core/errors.ts';
import { createRateLimiter } from '../../http/rate-limit.ts';

/** Public lookups are rate-limited per client so that nobody can enumerate cards; one limiter per server. */
const limiters = new WeakMap<object, ReturnType<typeof createRateLimiter>>();

/** Counts one lookup by the client: the JSON API, the /v/ page and the card's photo share the allowance. */
export function countVerificationLookup(server: object, ip: string, now: number) {
  let limiter = limiters.get(server);
  if (!limiter) {
    limiter = createRateLimiter({ limit: 30, windowMs: 60_000 });
    limiters.set(server, limiter);
  }
  return limiter.hit(ip, now);
}

export function assertVerificationAllowed(server: object, ip: string, now: number) {
  const hit = countVerificationLookup(server, ip, now);
  if (!hit.allowed)
    throw new AppError('common.rate_limited', 'too_many_requests', { headers: { 'retry-after': String(hit.retryAfterSeconds) } });
}
