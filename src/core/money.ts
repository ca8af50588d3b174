/**
 * Rupiah arithmetic: amounts are whole rupiah (or minor units) as bigint, never a float;
 * exact rationals over BigInt for rates and shares; the one place money is rounded.
 */
export type Ratio = { n: bigint; d: bigint };
export type RoundingMode = 'half-up' | 'half-even';

export const ratio = (n: bigint, d = 1n): Ratio => (d < 0n ? { n: -n, d: -d } : { n, d });
export const mul = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.n, a.d * b.d);
export const add = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d - b.n * a.d, a.d * b.d);
export const div = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d, a.d * b.n);

export function pow(a: Ratio, exponent: number): Ratio {
  let result = ratio(1n);
  for (let i = 0; i < exponent; i++) result = mul(result, a);
  return result;
}

/** Rounds a non-negative or negative ratio to an integer with the chosen mode. */
export function roundRatio(value: Ratio, mode: RoundingMode): bigint {
  const negative = value.n < 0n;
  const n = negative ? -value.n : value.n;
  const q = n / value.d;
  const r = n % value.d;
  const twice = 2n * r;
  let rounded = q;
  if (twice > value.d || (twice === value.d && (mode === 'half-up' || q % 2n === 1n))) rounded = q + 1n;
  return negative ? -rounded : rounded;
}

/** A decimal string ("5000.00", "12.5") as an exact ratio; null when it is not a plain decimal. */
export function parseDecimal(text: string): Ratio | null {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return null;
  const fraction = match[3] ?? '';
  const n = BigInt(`${match[2]}${fraction}`) * (match[1] === '-' ? -1n : 1n);
  return ratio(n, 10n ** BigInt(fraction.length));
}

/** Minor units → "1234.50" with exactly `digits` decimals. */
export function formatMinor(minor: bigint, digits: number): string {
  const negative = minor < 0n;
  const text = (negative ? -minor : minor).toString().padStart(digits + 1, '0');
  const whole = digits === 0 ? text : text.slice(0, -digits);
  const fraction = digits === 0 ? '' : `.${text.slice(-digits)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/**
 * A stored amount (the databases return bigint and numeric columns as exact decimal strings)
 * or one already read, as bigint.
 */
export type Amount = bigint | string;

/** An amount as bigint; a stored whole-number string is read exactly. */
export const rupiah = (amount: Amount): bigint => (typeof amount === 'bigint' ? amount : BigInt(amount));

/** The exact sum of amounts (no float, so beyond 2^53 too); 0n for none. */
export function sumRupiah(amounts: Iterable<Amount>): bigint {
  let total = 0n;
  for (const amount of amounts) total += rupiah(amount);
  return total;
}

export const minRupiah = (first: bigint, ...rest: bigint[]): bigint => rest.reduce((min, v) => (v < min ? v : min), first);

export const maxRupiah = (first: bigint, ...rest: bigint[]): bigint => rest.reduce((max, v) => (v > max ? v : max), first);

/** A percentage written as a decimal ("12.5") as an exact ratio (12.5% → 1/8); throws on anything else (stored, checked values only). */
export function percentRatio(text: string): Ratio {
  const value = parseDecimal(text);
  if (!value) throw new Error(`not a decimal: ${text}`);
  return ratio(value.n, value.d * 100n);
}

/** `percent` per cent of an amount, rounded once to the rupiah with the chosen mode. */
export const percentOf = (amount: bigint, percent: string, mode: RoundingMode = 'half-up') =>
  roundRatio(mul(ratio(amount), percentRatio(percent)), mode);
