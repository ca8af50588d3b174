/**
 * Amounts in Indonesian words (terbilang), as written on a kuitansi: "seribu", "sebelas",
 * "seratus", but "satu juta", "satu miliar", "satu triliun" (DOMAIN.md "Formatting").
 * Whole numbers up to 999 triliun (15 digits, the largest rupiah the API accepts).
 */
const ONES = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];
// Scale words of each group of three digits, lowest first; "ribu" takes "se-" for one.
const SCALES = ['', 'ribu', 'juta', 'miliar', 'triliun'];
const MAX = 10n ** 15n - 1n;

/** 1–999 in words ("" for 0). */
function hundreds(n: number): string {
  const words: string[] = [];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h === 1) words.push('seratus');
  else if (h > 1) words.push(`${ONES[h]} ratus`);
  if (rest === 10) words.push('sepuluh');
  else if (rest === 11) words.push('sebelas');
  else if (rest > 11 && rest < 20) words.push(`${ONES[rest - 10]} belas`);
  else if (rest >= 20) {
    words.push(`${ONES[Math.floor(rest / 10)]} puluh`);
    if (rest % 10 > 0) words.push(ONES[rest % 10] as string);
  } else if (rest > 0) words.push(ONES[rest] as string);
  return words.join(' ');
}

function toBigInt(amount: bigint | number | string): bigint {
  if (typeof amount === 'bigint') return amount;
  if (typeof amount === 'number') {
    if (!Number.isSafeInteger(amount)) throw new RangeError(`terbilang: not a whole number: ${amount}`);
    return BigInt(amount);
  }
  const text = amount.trim();
  if (!/^-?\d+$/.test(text)) throw new RangeError(`terbilang: not a whole number: ${amount}`);
  return BigInt(text);
}

/** A whole number in Indonesian words: 1100000 → "satu juta seratus ribu"; 0 → "nol"; negative → "minus …". */
export function terbilang(amount: bigint | number | string): string {
  const value = toBigInt(amount);
  if (value < 0n) return `minus ${terbilang(-value)}`;
  if (value === 0n) return 'nol';
  if (value > MAX) throw new RangeError('terbilang: at most 999 triliun');
  const words: string[] = [];
  let rest = value;
  for (let scale = 0; rest > 0n; scale++) {
    const group = Number(rest % 1000n);
    rest /= 1000n;
    if (group === 0) continue;
    const scaleWord = SCALES[scale] as string;
    if (scale === 1 && group === 1) words.unshift('seribu');
    else words.unshift(scaleWord ? `${hundreds(group)} ${scaleWord}` : hundreds(group));
  }
  return words.join(' ');
}

/** Rupiah in words for a receipt: 1100000 → "satu juta seratus ribu rupiah". */
export const terbilangRupiah = (amount: bigint | number | string): string => `${terbilang(amount)} rupiah`;
