import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { childSegment, isSystemAccount, nextChildCode, SYSTEM_ACCOUNT_CODES, sameNumberSibling } from './accounts.rules.ts';

const CHART = ['5', '5.1', '5.1.01', '5.1.02', '5.2', '5.2.01', '5.2.02', '1', '1.1', '1.2', '1.3', '2.2', '2.2.01', '2.2.03'];

describe('codes under a group', () => {
  it.each([
    ['5.2', CHART, '5.2.03'],
    ['2.2', CHART, '2.2.04'],
    ['1', CHART, '1.4'],
    ['5.3', CHART, '5.3.01'],
    ['5', ['5', '5.1', '5.9'], '5.10'],
    ['4.1', ['4.1', '4.1.1', '4.1.7'], '4.1.08'],
    ['4.1', ['4.1', '4.1.001'], '4.1.002'],
    ['4.1', ['4.1', '4.1.999'], null],
    ['1.1.01.1', [], null],
  ])('next free code under %s', (parent, codes, next) => {
    expect(nextChildCode(parent, codes)).toBe(next);
  });

  it.each([
    ['5.2', '5.2.03', '03'],
    ['5.2', '5.2.3', '3'],
    ['5.2', '5.1.03', null],
    ['5.2', '5.20', null],
    ['5.2', '5.2.03.1', null],
    ['5.2', '5.2.1000', null],
    ['5', '5.3', '3'],
  ])('%s → %s is one more segment: %s', (parent, code, segment) => {
    expect(childSegment(parent, code)).toBe(segment);
  });

  it('finds a sibling with the same number written differently', () => {
    expect(sameNumberSibling('5.2', '5.2.1', CHART)).toBe('5.2.01');
    expect(sameNumberSibling('5.2', '5.2.01', CHART)).toBeUndefined();
    expect(sameNumberSibling('5.2', '5.2.03', CHART)).toBeUndefined();
  });
});

describe('accounts the system posts to', () => {
  /** Every account code written in the application's code (tests aside): those are posted to by the system. */
  function codesInSource(): Set<string> {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const found = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        // The list itself aside.
        else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && entry.name !== 'accounts.rules.ts')
          for (const match of readFileSync(path, 'utf8').matchAll(/['"`]([1-5]\.[0-9]\.[0-9]{2})['"`]/g)) found.add(match[1] as string);
      }
    };
    walk(root);
    return found;
  }

  it('lists every postable account code the code posts to, and nothing else', () => {
    const inSource = codesInSource();
    expect([...inSource].filter((code) => !isSystemAccount(code))).toEqual([]);
    expect(SYSTEM_ACCOUNT_CODES.filter((code) => !inSource.has(code))).toEqual([]);
  });
});
