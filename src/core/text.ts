/**
 * Text that PostgreSQL and JSON can hold. A NUL character is refused by PostgreSQL's text and
 * jsonb ("invalid byte sequence"), and a lone UTF-16 surrogate (`"\ud800"` in JSON) cannot be
 * written as UTF-8 at all: both reached the database as 500s. Every text coming in is held to this.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point
const NUL_OR_LONE_SURROGATE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isCleanText(value: string): boolean {
  return !NUL_OR_LONE_SURROGATE.test(value);
}

/** The dotted paths of every string (value or key) in a parsed input that is not clean text. */
export function uncleanTextPaths(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return isCleanText(value) ? [] : [path];
  if (Array.isArray(value)) return value.flatMap((inner, index) => uncleanTextPaths(inner, join(path, String(index))));
  if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
    return Object.entries(value).flatMap(([key, inner]) =>
      isCleanText(key) ? uncleanTextPaths(inner, join(path, key)) : [join(path, key.replace(NUL_OR_LONE_SURROGATE_GLOBAL, '\uFFFD'))],
    );
  }
  return [];
}

const NUL_OR_LONE_SURROGATE_GLOBAL = new RegExp(NUL_OR_LONE_SURROGATE.source, 'g');
const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
