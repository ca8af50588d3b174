import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.ts';

const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('cursors', () => {
  it('gives back what its list wrote', () => {
    const shape = ['timestamp', 'uuid'] as const;
    const values: [string, string] = ['2026-12-05T01:02:03.004Z', '01900000-0000-7000-8000-000000000000'];
    expect(decodeCursor(encodeCursor(shape, values), shape)).toEqual(values);
    expect(decodeCursor(encodeCursor(['offset', 'integer'], [40, '-1250000']), ['offset', 'integer'])).toEqual([40, '-1250000']);
    expect(decodeCursor(encodeCursor(['text'], ['Budi Śri 😀']), ['text'])).toEqual(['Budi Śri 😀']);
  });

  it.each([
    ['a negative offset', forge([-1]), ['offset']],
    ['an offset too large to be one', forge([1e308]), ['offset']],
    ['a fractional offset', forge([2.5]), ['offset']],
    ['text where a number was written', forge(['x']), ['offset']],
    ['two values where one was written', forge(['x', 'y']), ['offset']],
    ['a number where a uuid was written', forge([7]), ['uuid']],
    ['a date that does not exist', forge(['2026-02-30', '01900000-0000-7000-8000-000000000000']), ['date', 'uuid']],
    ['a month that does not exist', forge(['2026-13-01', '01900000-0000-7000-8000-000000000000']), ['date', 'uuid']],
    ['a timestamp in another spelling', forge(['2026-12-05', '01900000-0000-7000-8000-000000000000']), ['timestamp', 'uuid']],
    ['a balance that is not a whole number', forge([0, '1e3']), ['offset', 'integer']],
    ['text with a NUL', forge(['a\u0000b']), ['text']],
    ['an object', forge({ 0: 1 }), ['offset']],
    ['not base64url', 'a+b/c=', ['offset']],
    ['not JSON', Buffer.from('[1,').toString('base64url'), ['offset']],
    ['not UTF-8', Buffer.from([0x5b, 0x22, 0xff, 0x22, 0x5d]).toString('base64url'), ['text']],
  ] as const)('refuses %s as a 422 on cursor', (_name, cursor, shape) => {
    expect(() => decodeCursor(cursor, shape)).toThrow(
      expect.objectContaining({ kind: 'invalid', errors: [{ field: 'cursor', code: 'invalid_format' }] }),
    );
  });

  it('never lets anything but the written shape through (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.string(), fc.array(fc.jsonValue(), { maxLength: 3 })), (value) => {
        const cursor = typeof value === 'string' ? value : forge(value);
        try {
          const [offset] = decodeCursor(cursor, ['offset']);
          expect(Number.isSafeInteger(offset) && offset >= 0).toBe(true);
        } catch (error) {
          expect(error).toMatchObject({ kind: 'invalid' });
        }
      }),
    );
  });
});
