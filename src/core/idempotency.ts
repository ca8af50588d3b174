/**
 * Idempotency keys: a client sends one per money-moving submission and the same one on its
 * retries; the server does the work once per key and answers a repeat as it answered the first.
 */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** A key is 1–200 printable ASCII characters (a UUID is typical). */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/** What a use case that runs at most once per key answers: the response, and whether it is a replay. */
export type Idempotent<T> = { replayed: boolean; response: T };

export const firstTime = <T>(response: T): Idempotent<T> => ({ replayed: false, response });
