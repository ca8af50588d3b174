import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASE64URL_ALPHABET, tokenRespellings } from '../../testing/base64url.ts';
import { type CardPayload, generateSigningKeys, loadSigningKeys, readCardToken, signCardToken } from './card-token.ts';

const keys = loadSigningKeys(generateSigningKeys());
const payloads = fc.record({ c: fc.uuid(), v: fc.integer({ min: 1, max: 10_000 }) });

describe('card tokens', () => {
  it('reads back what was signed', () => {
    fc.assert(
      fc.property(payloads, (payload: CardPayload) => {
        expect(readCardToken(keys, signCardToken(keys, payload))).toEqual(payload);
      }),
    );
  });

  it('verifies only the canonical spelling: any other spelling of the same bytes reads as no card', () => {
    fc.assert(
      fc.property(
        payloads.chain((payload) => tokenRespellings(signCardToken(keys, payload))),
        (other) => {
          expect(readCardToken(keys, other)).toBeNull();
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a token that verifies is the one the server signs for its payload (one spelling per card)', () => {
    const edits = fc.tuple(fc.nat(), fc.constantFrom(...`${BASE64URL_ALPHABET}+/=. !%`), fc.constantFrom('insert', 'replace', 'delete'));
    fc.assert(
      fc.property(payloads, edits, (payload, [position, char, edit]) => {
        const token = signCardToken(keys, payload);
        const at = position % token.length;
        const edited =
          edit === 'insert'
            ? `${token.slice(0, at)}${char}${token.slice(at)}`
            : `${token.slice(0, at)}${edit === 'replace' ? char : ''}${token.slice(at + 1)}`;
        const read = readCardToken(keys, edited);
        if (read) expect(signCardToken(keys, read)).toBe(edited);
      }),
      { numRuns: 1000 },
    );
  });
});
