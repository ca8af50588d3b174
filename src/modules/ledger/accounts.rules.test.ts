import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ACCOUNTS, childSegment, isSystemAccount, nextChildCode, sameNumberSibling } from './accounts.rules.ts';

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
  /** The application's code (tests aside), by path relative to src/. */
  function sourceFiles(): { path: string; text: string }[] {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const files: { path: string; text: string }[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
          files.push({ path: relative(root, path), text: readFileSync(path, 'utf8') });
      }
    };
    walk(root);
    return files;
  }
  // An account or group code in quotes: 1.1.01, 3.2 (not a version such as 4.0.1).
  const codesIn = (text: string) => [...text.matchAll(/['"`]([1-5]\.[0-9](?:\.[0-9]{2})?)['"`]/g)].map((match) => match[1] as string);
  const CHART_FILE = join('modules', 'ledger', 'accounts.rules.ts');
  const DEMO = join('modules', 'demo');

  it('writes account codes only in the chart of accounts (and the demo data, with codes of the chart)', () => {
    const files = sourceFiles().filter((file) => file.path !== CHART_FILE);
    const outside = files
      .filter((file) => !file.path.startsWith(DEMO))
      .flatMap((file) => codesIn(file.text).map((code) => `${file.path}: ${code}`));
    expect(outside).toEqual([]);
    const demoCodes = files.filter((file) => file.path.startsWith(DEMO)).flatMap((file) => codesIn(file.text));
    expect(demoCodes.filter((code) => !isSystemAccount(code))).toEqual([]);
  });

  it('names only accounts the code posts to or reads', () => {
    const code = sourceFiles()
      .filter((file) => file.path !== CHART_FILE)
      .map((file) => file.text)
      .join('\n');
    expect(Object.keys(ACCOUNTS).filter((name) => !code.includes(`ACCOUNTS.${name}`))).toEqual([]);
  });
});
