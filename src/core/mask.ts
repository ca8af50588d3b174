/** Personal identifiers shown to roles that may not see them: 3204********0001. */
export function maskNik(nik: string): string {
  if (nik.length !== 16) return '*'.repeat(nik.length);
  return `${nik.slice(0, 4)}********${nik.slice(12)}`;
}

/** A NIK or KK number is 16 digits; a longer run of digits may hide one anywhere inside. */
const LONG_DIGIT_RUN = /\d{16,}/g;
const PERCENT_ESCAPES = /(?:%[0-9a-f]{2})+/gi;
const ASCII_ESCAPE = /%([0-7][0-9a-f])/gi;
const SECRET_KEYS = new Set(['password', 'passwordHash', 'password_hash', 'token', 'tokenHash', 'token_hash', 'csrfToken']);

/** Keeps the first and last four digits, as a NIK is shown: no 16 digits in a row survive. */
const maskDigitRun = (run: string) => `${run.slice(0, 4)}${'*'.repeat(run.length - 8)}${run.slice(-4)}`;

const MAX_DECODING_ROUNDS = 10;
const maskDigitRuns = (text: string) => text.replace(LONG_DIGIT_RUN, maskDigitRun);

/** Decodes each run of %XX escapes once; a run that is not valid UTF-8 has only its ASCII escapes decoded. */
const decodedOnce = (text: string) =>
  text.replace(PERCENT_ESCAPES, (escapes) => {
    try {
      return decodeURIComponent(escapes);
    } catch {
      return escapes.replace(ASCII_ESCAPE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    }
  });

/**
 * Masks every run of 16 or more digits, whatever surrounds it (`q=NIK3204…`), also when it
 * appears only once %XX escapes are decoded (`q=%33204…`, encoded twice, beside malformed
 * escapes): the text is then shown decoded, masked at every round of decoding. Text that hides
 * no such run keeps its escapes. Never throws.
 */
export function maskText(text: string): string {
  let stage = text;
  let revealed = false;
  for (let round = 0; round < MAX_DECODING_ROUNDS && stage.includes('%'); round++) {
    const decoded = decodedOnce(stage);
    if (decoded === stage) break;
    stage = maskDigitRuns(decoded);
    if (stage !== decoded) revealed = true;
  }
  return revealed ? stage : maskDigitRuns(text);
}

/** Masks every NIK/KK-like number and drops secrets inside a value destined for logs or audit. */
export function maskPersonalData(value: unknown): unknown {
  if (typeof value === 'string') return maskText(value);
  if (Array.isArray(value)) return value.map(maskPersonalData);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (SECRET_KEYS.has(key)) continue;
      out[key] = maskPersonalData(inner);
    }
    return out;
  }
  return value;
}

/** A name shown to roles that may not see it: "Euis Komalasari" → "E*** K***". */
export function maskName(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `${word.charAt(0)}***`)
    .join(' ');
}
