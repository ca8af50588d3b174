/**
 * An audit record's before and after as a field-by-field difference: nested objects are
 * flattened to dotted paths (`conditions.0.since`), whole rupiah written as rupiah. Pure: the
 * web app's audit page and the CSV/Excel export show the same lines.
 */
import { formatRupiah } from '../../core/format.ts';

export type AuditChange = {
  field: string;
  /** null: the field was absent on that side. */
  before: string | null;
  after: string | null;
};

const MONEY_KEY =
  /(amount|balance|principal|profit|capital|rupiah|fee|penalty|price|total|outstanding|arrears|instalment|due|paid|cash|dues|stimulus)$/i;
const NOT_MONEY_KEY = /(count|months|days|rate|bps|percent|nisbah|share|number|seq|version|term|id|on|at|date|ids)$/i;
const WHOLE = /^-?\d+$/;

/** True for a field that holds whole rupiah: named as money and holding an integer. */
export function isRupiahField(key: string, value: unknown): boolean {
  const last = key.split('.').at(-1) ?? key;
  if (!MONEY_KEY.test(last) || NOT_MONEY_KEY.test(last)) return false;
  return (
    (typeof value === 'string' && WHOLE.test(value)) || (typeof value === 'number' && Number.isInteger(value)) || typeof value === 'bigint'
  );
}

/** One value as text: rupiah for money fields, dates and words as they are, lists joined. */
export function auditValueText(key: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (isRupiahField(key, value)) return formatRupiah(String(value));
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object')) return value.map(String).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function flatten(value: unknown, prefix: string, out: Map<string, unknown>) {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, out);
    return;
  }
  if (Array.isArray(value) && value.some((item) => item && typeof item === 'object')) {
    value.forEach((item, index) => {
      flatten(item, `${prefix}.${index}`, out);
    });
    return;
  }
  if (prefix) out.set(prefix, value);
  else if (value !== null && value !== undefined) out.set('value', value);
}

/**
 * The fields that differ between before and after, in the order they first appear; a record
 * written with only an after (a creation) lists every field of it.
 */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const was = new Map<string, unknown>();
  const now = new Map<string, unknown>();
  flatten(before, '', was);
  flatten(after, '', now);
  const fields = [...new Set([...was.keys(), ...now.keys()])];
  return fields.flatMap((field) => {
    const b = was.has(field) ? auditValueText(field, was.get(field)) : null;
    const a = now.has(field) ? auditValueText(field, now.get(field)) : null;
    return b === a ? [] : [{ field, before: b, after: a }];
  });
}
