import fc from 'fast-check';

export const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Other spellings that Node's base64url decoder reads as the same bytes as `part`: padding,
 * the base64 alphabet's `+` and `/`, stray characters it skips, and the unused low bits of the
 * last character set. Some may equal `part` itself (a filter is the caller's).
 */
export const base64urlRespellings = (part: string): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(`${part}=`, `${part}==`, `${part}=x`, part.replace(/-/g, '+'), part.replace(/_/g, '/')),
    fc.nat({ max: part.length - 1 }).map((at) => {
      const char = part[at] === '-' ? '+' : part[at] === '_' ? '/' : part[at];
      return `${part.slice(0, at)}${char}${part.slice(at + 1)}`;
    }),
    fc
      .tuple(fc.nat({ max: part.length }), fc.constantFrom(' ', '\n', '!', '%', '=', '.'))
      .map(([at, stray]) => `${part.slice(0, at)}${stray}${part.slice(at)}`),
    fc.integer({ min: 1, max: 15 }).map((bits) => {
      const last = BASE64URL_ALPHABET.indexOf(part.at(-1) ?? 'A');
      return `${part.slice(0, -1)}${BASE64URL_ALPHABET[(last | bits) & 63]}`;
    }),
  );

/** A `payload.signature` token with one of its two parts spelled otherwise; never the token itself. */
export const tokenRespellings = (token: string): fc.Arbitrary<string> => {
  const [body = '', signature = ''] = token.split('.');
  return fc
    .oneof(
      base64urlRespellings(signature).map((s) => `${body}.${s}`),
      base64urlRespellings(body).map((b) => `${b}.${signature}`),
    )
    .filter((spelled) => spelled !== token);
};
