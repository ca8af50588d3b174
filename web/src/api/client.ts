import { currentLocale } from '../i18n/index.ts';

export type FieldProblem = { field: string; code: string; message: string };

/** An API failure: the server's problem+json, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly fieldErrors: FieldProblem[];
  readonly retryAfterSeconds: number | null;

  constructor(options: { status: number; code: string; detail: string; fieldErrors?: FieldProblem[]; retryAfterSeconds?: number | null }) {
    super(options.detail);
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
    this.detail = options.detail;
    this.fieldErrors = options.fieldErrors ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
  }

  /** The message for a form field: exact path first, then array items (`officeCodes.0` → `officeCodes`). */
  fieldMessage(field: string): string | undefined {
    return (
      this.fieldErrors.find((error) => error.field === field)?.message ??
      this.fieldErrors.find((error) => error.field.startsWith(`${field}.`))?.message
    );
  }
}

export const NETWORK_ERROR = 'client.network';

let csrfToken: string | null = null;

/** Remembered from login and /auth/me; sent with every request that changes something. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function problemFrom(response: Response): Promise<ApiError> {
  const retryAfter = Number(response.headers.get('retry-after'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null;
  try {
    const body = (await response.json()) as { code?: string; detail?: string; errors?: FieldProblem[] };
    return new ApiError({
      status: response.status,
      code: body.code ?? `http.${response.status}`,
      detail: body.detail ?? response.statusText,
      fieldErrors: Array.isArray(body.errors) ? body.errors : [],
      retryAfterSeconds,
    });
  } catch {
    return new ApiError({ status: response.status, code: `http.${response.status}`, detail: response.statusText, retryAfterSeconds });
  }
}

export async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  /** A file sent as it is (an upload), with its own content type, instead of JSON. */
  raw?: { body: Blob; contentType: string },
  /** More headers, e.g. the Idempotency-Key of a money transaction. */
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': currentLocale(), ...extraHeaders };
  if (raw) headers['content-type'] = raw.contentType;
  else if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: raw ? raw.body : body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ status: 0, code: NETWORK_ERROR, detail: '' });
  }
  if (!response.ok) throw await problemFrom(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  upload: <T>(path: string, file: Blob, contentType: string) => request<T>('POST', path, undefined, { body: file, contentType }),
};
