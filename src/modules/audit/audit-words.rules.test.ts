import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_RECORD_TYPES, auditActionWords, auditRecordTypeWords } from './audit-words.rules.ts';

const SOURCE = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The text of each `recordAudit(…)` call, up to its closing parenthesis. */
function auditCalls(text: string): string[] {
  const calls: string[] = [];
  for (let at = text.indexOf('recordAudit('); at >= 0; at = text.indexOf('recordAudit(', at + 1)) {
    let depth = 0;
    for (let i = at + 'recordAudit'.length; i < text.length; i++) {
      if (text[i] === '(') depth++;
      else if (text[i] === ')' && --depth === 0) {
        calls.push(text.slice(at, i + 1));
        break;
      }
    }
  }
  return calls;
}

/** The value written after `key:` in a call, up to the next comma or brace at its own depth. */
function propertyValue(call: string, key: string): string | undefined {
  const start = call.search(new RegExp(`\\b${key}:`));
  if (start < 0) return undefined;
  let depth = 0;
  for (let i = start + key.length + 1; i < call.length; i++) {
    const c = call[i];
    if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') {
      if (depth === 0) return call.slice(start + key.length + 1, i);
      depth--;
    } else if (c === ',' && depth === 0) return call.slice(start + key.length + 1, i);
  }
  return undefined;
}

/**
 * The codes an `action:` value can produce: its quoted literals, and its templates expanded with
 * the literals inside `${…}`, or as a pattern when the part is a variable (`savings.${type}`).
 */
function codesOf(written: string): { codes: string[]; patterns: RegExp[] } {
  // What a condition compares with is no code: `input.decision === 'merge' ? … : …`.
  const value = written.replace(/[!=]==?\s*'[^']*'|'[^']*'\s*[!=]==?/g, '');
  const codes: string[] = [];
  const patterns: RegExp[] = [];
  for (const template of value.matchAll(/`([^`]*)`/g)) {
    const parts = (template[1] ?? '').split(/\$\{([^}]*)\}/);
    let expansions = [''];
    let pattern = '';
    parts.forEach((part, index) => {
      if (index % 2 === 0) {
        expansions = expansions.map((prefix) => prefix + part);
        pattern += part.replaceAll('.', '\\.');
      } else {
        const literals = [...part.matchAll(/'([a-z_.]+)'/g)].map((m) => m[1] ?? '');
        expansions = literals.length ? expansions.flatMap((prefix) => literals.map((literal) => prefix + literal)) : expansions;
        pattern += '[a-z_]+';
        if (!literals.length) expansions = [];
      }
    });
    if (expansions.length) codes.push(...expansions);
    else patterns.push(new RegExp(`^${pattern}$`));
  }
  const withoutTemplates = value.replace(/`[^`]*`/g, '');
  codes.push(...[...withoutTemplates.matchAll(/'([a-z_]+\.[a-z_.]+)'/g)].map((m) => m[1] ?? ''));
  return { codes, patterns };
}

const calls = sourceFiles(join(SOURCE, 'modules')).flatMap((file) =>
  auditCalls(readFileSync(file, 'utf8')).map((call) => ({ file: file.slice(SOURCE.length + 1), call })),
);

describe('the audit trail in words', () => {
  it('finds the audit records written across the modules', () => {
    expect(calls.length).toBeGreaterThan(100);
  });

  it('has Indonesian and English words for every action written in src/modules', () => {
    const missing: string[] = [];
    for (const { file, call } of calls) {
      const value = propertyValue(call, 'action');
      if (value === undefined) continue;
      const { codes, patterns } = codesOf(value);
      if (codes.length === 0 && patterns.length === 0 && !/entry\.action|\baction\b/.test(value.trim())) missing.push(`${file}: ${value}`);
      for (const code of codes) if (!Object.hasOwn(AUDIT_ACTIONS, code)) missing.push(`${file}: ${code}`);
      for (const pattern of patterns)
        if (!Object.keys(AUDIT_ACTIONS).some((code) => pattern.test(code))) missing.push(`${file}: ${pattern.source}`);
    }
    expect(missing).toEqual([]);
  });

  it('has words for every record type written in src/modules', () => {
    const missing = calls.flatMap(({ file, call }) =>
      [...(propertyValue(call, 'entityType') ?? '').matchAll(/'([a-z_]+)'/g)]
        .map((m) => m[1] ?? '')
        .filter((type) => !Object.hasOwn(AUDIT_RECORD_TYPES, type))
        .map((type) => `${file}: ${type}`),
    );
    expect(missing).toEqual([]);
  });

  it('says every action and record type in both languages, each differently from its code', () => {
    for (const [code, words] of [...Object.entries(AUDIT_ACTIONS), ...Object.entries(AUDIT_RECORD_TYPES)]) {
      expect(words.id.trim(), code).not.toBe('');
      expect(words.en.trim(), code).not.toBe('');
      expect(words.id, code).not.toBe(code);
    }
    expect(auditActionWords('financing.repay', 'id')).toBe('Angsuran dibayar');
    expect(auditActionWords('financing.repay', 'en')).toBe('Instalment paid');
    expect(auditRecordTypeWords('savings_account', 'id')).toBe('Rekening simpanan');
  });

  it('reads the codes of templates and conditions', () => {
    // biome-ignore-start lint/suspicious/noTemplateCurlyInString: the source text of template literals, read as text

    expect(codesOf("`aid.enrolment_${s === 'enrolled' ? 'resume' : 'end'}`").codes).toEqual(['aid.enrolment_resume', 'aid.enrolment_end']);
    expect(codesOf('`savings.${movement.type}`').patterns[0]?.test('savings.deposit')).toBe(true);
    // biome-ignore-end lint/suspicious/noTemplateCurlyInString: the source text of template literals, read as text
    expect(codesOf("active ? 'financing.product_activate' : 'financing.product_deactivate'").codes).toHaveLength(2);
  });
});
