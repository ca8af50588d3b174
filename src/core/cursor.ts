import { isIsoDate } from './dates.ts';
import { AppError } from './errors.ts';
import { isCleanText } from './text.ts';

/**
 * Opaque pagination cursors: base64url of a small JSON array. A cursor comes back from the
 * client, so it is decoded against the shape its list wrote, value by value: a forged one
 * (`[-1]`, `[1e308]`, `["x","y"]` where numbers were written) is a 422 on `cursor`, never a
 * value handed to a query.
 */
export type CursorPart =
  /** A row offset: a whole number 0 … 1e9. */
  | 'offset'
  /** A whole number of any sign, written as a decimal string (a carried balance). */
  | 'integer'
  /** A key such as a username, a code or a number: non-empty text of at most 200 characters. */
  | 'text'
  | 'uuid'
  /** A calendar date YYYY-MM-DD that exists. */
  | 'date'
  /** An ISO 8601 instant as written by Date.toISOString(). */
  | 'timestamp';

type PartValue<P extends CursorPart> = P extends 'offset' ? number : string;
type CursorValues<S extends readonly CursorPart[]> = { [K in keyof S]: PartValue<S[K]> };

const MAX_OFFSET = 1_000_000_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const INTEGER = /^-?\d{1,20}$/;

function partIsValid(part: CursorPart, value: unknown): boolean {
  switch (part) {
    case 'offset':
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_OFFSET;
    case 'integer':
      return typeof value === 'string' && INTEGER.test(value);
    case 'text':
      return typeof value === 'string' && value.length > 0 && value.length <= 200 && isCleanText(value);
    case 'uuid':
      return typeof value === 'string' && UUID.test(value);
    case 'date':
      return typeof value === 'string' && isIsoDate(value);
    case 'timestamp':
      return (
        typeof value === 'string' && TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value
      );
  }
}

export function encodeCursor<const S extends readonly CursorPart[]>(_shape: S, values: CursorValues<S>): string {
  const bytes = new TextEncoder().encode(JSON.stringify(values));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

const invalidCursor = () => new AppError('common.validation_failed', 'invalid', { errors: [{ field: 'cursor', code: 'invalid_format' }] });

export function decodeCursor<const S extends readonly CursorPart[]>(cursor: string, shape: S): CursorValues<S> {
  if (cursor.length > 1000 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalidCursor();
  let parsed: unknown;
  try {
    const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== shape.length) throw invalidCursor();
  if (!shape.every((part, index) => partIsValid(part, parsed[index]))) throw invalidCursor();
  return parsed as CursorValues<S>;
}
