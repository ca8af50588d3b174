/** Pure rules of keeping the chart of accounts: codes under their group, the accounts the system posts to. */

/**
 * The accounts the system posts to by itself (cash, financing, savings, JKN contributions, fund
 * capital, income, provisions, drawer differences): they cannot be deactivated. A test keeps this
 * list in step with the account codes written in src/.
 */
export const SYSTEM_ACCOUNT_CODES: readonly string[] = [
  '1.1.01',
  '1.1.02',
  '1.1.03',
  '1.2.01',
  '1.2.02',
  '1.2.03',
  '1.2.04',
  '1.2.05',
  '1.2.06',
  '1.2.09',
  '2.1.01',
  '2.2.01',
  '2.2.02',
  '3.1.01',
  '3.1.02',
  '3.2.01',
  '3.2.02',
  '4.1.01',
  '4.1.02',
  '4.1.03',
  '4.1.04',
  '4.2.01',
  '4.2.03',
  '5.1.01',
  '5.1.02',
  '5.2.01',
];
const SYSTEM = new Set(SYSTEM_ACCOUNT_CODES);
export const isSystemAccount = (code: string) => SYSTEM.has(code);

/** The code's last segment when it is its parent's code plus one segment of 1–3 digits, else null. */
export function childSegment(parentCode: string, code: string): string | null {
  if (!code.startsWith(`${parentCode}.`)) return null;
  const segment = code.slice(parentCode.length + 1);
  return /^[0-9]{1,3}$/.test(segment) ? segment : null;
}

/** Codes are at most four segments deep (the database's format check). */
export const MAX_ACCOUNT_DEPTH = 4;
export const accountDepth = (code: string) => code.split('.').length;

/**
 * The next free code under a group: one above its highest child, as wide as its children are
 * (5.2.01, 5.2.02 → 5.2.03), two digits under a second-level group and one under a top-level one,
 * as in the default chart. Null when the group is full or would be too deep.
 */
export function nextChildCode(parentCode: string, codes: readonly string[]): string | null {
  if (accountDepth(parentCode) >= MAX_ACCOUNT_DEPTH) return null;
  const segments = codes.flatMap((code) => {
    const segment = childSegment(parentCode, code);
    return segment === null ? [] : [segment];
  });
  const highest = Math.max(0, ...segments.map(Number));
  const width = Math.max(accountDepth(parentCode) === 1 ? 1 : 2, ...segments.map((s) => s.length));
  const next = highest + 1;
  if (String(next).length > 3) return null;
  return `${parentCode}.${String(next).padStart(width, '0')}`;
}

/** A sibling whose last segment is the same number (5.2.1 beside 5.2.01), or undefined. */
export function sameNumberSibling(parentCode: string, code: string, codes: readonly string[]): string | undefined {
  const segment = childSegment(parentCode, code);
  if (segment === null) return undefined;
  return codes.find(
    (other) => other !== code && childSegment(parentCode, other) !== null && Number(childSegment(parentCode, other)) === Number(segment),
  );
}
