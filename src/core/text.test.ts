import { describe, expect, it } from 'vitest';
import { isCleanText, uncleanTextPaths } from './text.ts';

describe('clean text', () => {
  it('takes any well-formed text, emoji and Indonesian names included', () => {
    for (const text of ['', 'Siti Aminah', 'Jl. Malioboro No. 5\nRT 01/RW 02', 'Śri 😀', '\t\u0001']) expect(isCleanText(text)).toBe(true);
  });

  it('refuses a NUL and lone surrogates', () => {
    for (const text of ['ab\u0000c', '\ud800', 'x\udc00', '\udc00\ud800', 'end\ud83d']) expect(isCleanText(text)).toBe(false);
  });

  it('names the field of each bad string, keys included', () => {
    const input = { name: 'ok', address: { street: 'a\u0000' }, members: ['x', '\ud800'], 'k\u0000': 1 };
    expect(uncleanTextPaths(input)).toEqual(['address.street', 'members.1', 'k\uFFFD']);
    expect(uncleanTextPaths('csv\u0000')).toEqual(['']);
    expect(uncleanTextPaths(Buffer.from([0, 0xd8]))).toEqual([]);
  });
});
