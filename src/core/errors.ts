import type { ErrorCode } from './messages/catalogue.ts';

export type { ErrorCode };

/** One error type for the whole application. `code` is stable and is also the i18n key. */
export type FieldError = { field: string; code: string; message?: string; params?: Record<string, unknown> };

/**
 * What went wrong, in the domain's words; the HTTP edge (src/http/problem.ts) maps each kind to
 * its status, so no use case chooses an HTTP status.
 */
export type ErrorKind =
  | 'bad_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unsupported_media_type'
  | 'invalid'
  | 'too_many_requests'
  | 'unavailable';

/**
 * An error a caller can act on. Its code is one of the message catalogue's keys (a code with no
 * text in both languages does not compile).
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly kind: ErrorKind;
  readonly params: Record<string, unknown>;
  readonly errors: FieldError[];
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    kind: ErrorKind,
    options: { params?: Record<string, unknown>; errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(code);
    this.code = code;
    this.kind = kind;
    this.params = options.params ?? {};
    this.errors = options.errors ?? [];
    this.headers = options.headers ?? {};
  }
}

export const notFound = (entity: string, id: string) => new AppError('common.not_found', 'not_found', { params: { entity, id } });

export const forbidden = () => new AppError('auth.forbidden', 'forbidden');

export const conflict = (code: ErrorCode, field: string, params: Record<string, unknown> = {}) =>
  new AppError(code, 'conflict', { params, errors: [{ field, code, params }] });

export const invalid = (code: ErrorCode, field: string, params: Record<string, unknown> = {}) =>
  new AppError('common.validation_failed', 'invalid', { errors: [{ field, code, params }] });

/** Money is booked on a day that has come: a date after today (the business date) is refused on its field. */
export function refuseFutureDate(date: string | undefined, today: string, field: string): void {
  if (date !== undefined && date > today) throw invalid('common.date_in_future', field, { date });
}
