import { AppError } from './errors.ts';

/** Opaque pagination cursors: base64url of a small JSON array. */
export function encodeCursor(values: (string | number)[]): string {
  const bytes = new TextEncoder().encode(JSON.stringify(values));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export function decodeCursor(cursor: string, length: number): (string | number)[] {
  try {
    const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    const parsed: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
    if (Array.isArray(parsed) && parsed.length === length) return parsed as (string | number)[];
  } catch {
    // fall through to the error below
  }
  throw new AppError('common.validation_failed', 422, { errors: [{ field: 'cursor', code: 'invalid_format' }] });
}
