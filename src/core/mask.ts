/** Personal identifiers shown to roles that may not see them: 3204********0001. */
export function maskNik(nik: string): string {
  if (nik.length !== 16) return '*'.repeat(nik.length);
  return `${nik.slice(0, 4)}********${nik.slice(12)}`;
}

const SIXTEEN_DIGITS = /\b\d{16}\b/g;
const SECRET_KEYS = new Set(['password', 'passwordHash', 'password_hash', 'token', 'tokenHash', 'token_hash', 'csrfToken']);

/** Masks every NIK/KK-like number and drops secrets inside a value destined for logs or audit. */
export function maskPersonalData(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(SIXTEEN_DIGITS, maskNik);
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
