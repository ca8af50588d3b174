/** The one idempotent-command path's store: a use case runs its work once per (actor, key). */
export { type IdempotentRequest, once } from './idempotency.service.ts';
