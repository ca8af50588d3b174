import { type UseMutationOptions, useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import { uuidv7 } from '../../../src/core/ids.ts';
import { ApiError, request } from './client.ts';

/**
 * The Idempotency-Key of one submission: a new key for a new transaction, the same key while
 * the same submission (same path and body) is retried, so the server answers the first
 * result instead of posting twice. Cleared once the server has answered with success.
 * uuidv7 rather than crypto.randomUUID: the latter exists only on https or localhost pages.
 */
export class SubmissionKeys {
  private current: { key: string; fingerprint: string } | null = null;

  keyFor(path: string, body: unknown): string {
    const fingerprint = JSON.stringify([path, body]);
    if (this.current?.fingerprint !== fingerprint) this.current = { key: uuidv7(), fingerprint };
    return this.current.key;
  }

  settled() {
    this.current = null;
  }
}

/** A lost connection is worth retrying with the same key; the server's own answers are not. */
const networkFailure = (error: unknown) => error instanceof ApiError && error.status === 0;

/** A POST that moves money: it carries an Idempotency-Key and retries a lost connection twice with it. */
export function useMoneyMutation<T, V>(
  target: (variables: V) => { path: string; body: unknown },
  options: Omit<UseMutationOptions<T, Error, V>, 'mutationFn' | 'retry'> = {},
) {
  const keys = useRef(new SubmissionKeys());
  return useMutation<T, Error, V>({
    ...options,
    mutationFn: (variables) => {
      const { path, body } = target(variables);
      return request<T>('POST', path, body, undefined, { 'Idempotency-Key': keys.current.keyFor(path, body) });
    },
    retry: (failures, error) => failures < 2 && networkFailure(error),
    onSuccess: (...args) => {
      keys.current.settled();
      return options.onSuccess?.(...args);
    },
  });
}
