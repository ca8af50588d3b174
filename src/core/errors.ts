/** One error type for the whole application. `code` is stable and is also the i18n key. */
export type FieldError = { field: string; code: string; message?: string; params?: Record<string, unknown> };

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

export class AppError extends Error {
  readonly code: string;
  readonly status: ErrorStatus;
  readonly params: Record<string, unknown>;
  readonly errors: FieldError[];
  readonly headers: Record<string, string>;

  constructor(
    code: string,
    status: ErrorStatus,
    options: { params?: Record<string, unknown>; errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(code);
    this.code = code;
    this.status = status;
    this.params = options.params ?? {};
    this.errors = options.errors ?? [];
    this.headers = options.headers ?? {};
  }
}

export const notFound = (entity: string, id: string) => new AppError('common.not_found', 404, { params: { entity, id } });

export const forbidden = () => new AppError('auth.forbidden', 403);

export const conflict = (code: string, field: string, params: Record<string, unknown> = {}) =>
  new AppError(code, 409, { params, errors: [{ field, code, params }] });

export const invalid = (code: string, field: string, params: Record<string, unknown> = {}) =>
  new AppError('common.validation_failed', 422, { errors: [{ field, code, params }] });

/** Money is booked on a day that has come: a date after today (the business date) is refused on its field. */
export function refuseFutureDate(date: string | undefined, today: string, field: string): void {
  if (date !== undefined && date > today) throw invalid('common.date_in_future', field, { date });
}
