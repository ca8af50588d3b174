import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError, type ErrorKind, type FieldError } from '../core/errors.ts';
import { type Locale, pickLocale } from '../core/locale.ts';
import { translate } from '../core/messages.ts';

export type Problem = {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance: string;
  errors?: { field: string; code: string; message: string }[];
  /** The values in `detail` (a cap, a count, a name), for clients that build their own text. */
  params?: Record<string, unknown>;
  requestId?: string;
};

/** The HTTP status of each kind of error: decided here, at the edge, never where it is thrown. */
const STATUS_OF: Record<ErrorKind, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  invalid: 422,
  too_many_requests: 429,
  unavailable: 503,
};

export const httpStatusOf = (error: AppError): number => STATUS_OF[error.kind];

export const localeOf = (request: FastifyRequest): Locale => pickLocale(request.headers['accept-language']);

export function problemFrom(error: AppError, request: FastifyRequest): Problem {
  const locale = localeOf(request);
  const detail = translate(error.code, locale, { ...error.params, requestId: request.id });
  const problem: Problem = {
    type: `urn:jaring:error:${error.code}`,
    title: translate(error.code, 'en', { ...error.params, requestId: request.id }),
    status: httpStatusOf(error),
    code: error.code,
    detail,
    instance: request.url.split('?')[0] ?? request.url,
  };
  if (Object.keys(error.params).length > 0 && httpStatusOf(error) < 500) problem.params = error.params;
  if (error.errors.length > 0) problem.errors = error.errors.map((fieldError) => localiseFieldError(fieldError, locale));
  if (httpStatusOf(error) >= 500) problem.requestId = request.id;
  return problem;
}

function localiseFieldError(error: FieldError, locale: Locale) {
  return { field: error.field, code: error.code, message: error.message ?? translate(error.code, locale, error.params) };
}

/** Headers that describe a success body (a gzip stream, a download) and would mislabel the problem sent instead. */
const SUCCESS_BODY_HEADERS = ['content-encoding', 'content-disposition', 'content-length'];

export function sendProblem(reply: FastifyReply, problem: Problem, headers: Record<string, string> = {}) {
  for (const name of SUCCESS_BODY_HEADERS) reply.removeHeader(name);
  return reply.code(problem.status).headers(headers).type('application/problem+json; charset=utf-8').send(problem);
}

/** zod issues → our field errors. A missing value is reported as `required`. */
export function fieldErrorsFromZod(error: z.ZodError, input: unknown, prefix: string): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map(String);
    const field = [prefix, ...path].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ field: [field, key].filter(Boolean).join('.'), code: 'unrecognized_keys' });
      continue;
    }
    if (issue.code === 'invalid_type' && valueAt(input, path) === undefined) {
      out.push({ field, code: 'required' });
      continue;
    }
    if (issue.code === 'custom') {
      const params = (issue.params ?? {}) as Record<string, unknown>;
      out.push({ field, code: typeof params.code === 'string' ? params.code : 'custom', params });
      continue;
    }
    const params: Record<string, unknown> = {};
    if (issue.code === 'invalid_type') params.expected = issue.expected;
    if (issue.code === 'too_small') params.minimum = issue.minimum;
    if (issue.code === 'too_big') params.maximum = issue.maximum;
    if (issue.code === 'invalid_value') params.values = issue.values.join(', ');
    out.push({ field, code: issue.code, params });
  }
  return out;
}

function valueAt(input: unknown, path: string[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export const validationError = (errors: FieldError[]) => new AppError('common.validation_failed', 'invalid', { errors });
