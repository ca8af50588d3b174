/**
 * What a person typed into a numeric field, read without ever throwing: an emptied field, a
 * stray character or a pasted "1.250.000" gives null (missing), never NaN, a float or a
 * RangeError from BigInt. Every numeric input of the web and field apps goes through these.
 */

const DIGITS = /^\d+$/;

/** A whole number (months, instalments, days), or null when the field is empty or holds no whole number. */
export function wholeNumberOf(value: string | number | null | undefined): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  const text = (value ?? '').trim();
  if (!DIGITS.test(text)) return null;
  const number = Number(text);
  return Number.isSafeInteger(number) ? number : null;
}

/** Whole rupiah from what was typed ("1.250.000", "Rp 5000", "0"), or null when it holds no digits. */
export function rupiahOf(value: string | null | undefined): bigint | null {
  const digits = (value ?? '').replace(/[\s.]/g, '').replace(/^Rp/i, '');
  return DIGITS.test(digits) ? BigInt(digits) : null;
}

/** Whole rupiah above zero, or null: what an amount field must hold before it is sent. */
export function positiveRupiahOf(value: string | null | undefined): bigint | null {
  const amount = rupiahOf(value);
  return amount !== null && amount > 0n ? amount : null;
}
