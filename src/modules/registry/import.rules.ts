import { isCalendarDate } from '../../core/dates.ts';
import type { Locale } from '../../core/locale.ts';
import { translate } from '../../core/messages.ts';
import { decodeNik } from './nik.rules.ts';
import { RELATION_WORDS, type Relation } from './registry.schema.ts';

/** The DTKS-style layout offices keep: one row per person. */
export const IMPORT_HEADER = [
  'no_kk',
  'nik',
  'nama',
  'jenis_kelamin',
  'tempat_lahir',
  'tanggal_lahir',
  'hubungan_keluarga',
  'alamat',
  'rt',
  'rw',
  'kode_desa',
  'desil',
] as const;

/**
 * A problem with one row. `code` is a key of the message catalogue (src/core/messages.ts)
 * and `params` fill its text, so the problem is stored and sent without a language.
 */
export type ImportIssue = { line: number; column: string; code: string; params: Record<string, string | number> };
/** An issue as reported: with its text in the reader's language. */
export type ImportProblem = ImportIssue & { reason: string };

export const describeIssue = (issue: ImportIssue, locale: Locale): ImportProblem => ({
  ...issue,
  reason: translate(issue.code, locale, issue.params),
});

export type ImportRow = {
  line: number;
  kk: string;
  nik: string;
  fullName: string;
  sex: 'M' | 'F';
  birthPlace: string;
  birthDate: string;
  relation: Relation;
  address: string;
  rt: string | null;
  rw: string | null;
  villageCode: string;
  decile: number | null;
};

export type ImportHousehold = {
  kk: string;
  villageCode: string;
  address: string;
  rt: string | null;
  rw: string | null;
  decile: number | null;
  rows: ImportRow[];
};

/** DD/MM/YYYY (Excel's Indonesian default), DD-MM-YYYY or YYYY-MM-DD, a day that exists, as YYYY-MM-DD. */
export function parseImportDate(raw: string): string | null {
  const dmy = /^(\d{2})([/-])(\d{2})\2(\d{4})$/.exec(raw);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const [y, m, d] = dmy ? [dmy[4], dmy[3], dmy[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!y || !m || !d) return null;
  return isCalendarDate(Number(y), Number(m), Number(d)) ? `${y}-${m}-${d}` : null;
}

export function normaliseVillageCode(raw: string): string | null {
  const digits = raw.replace(/\./g, '');
  if (!/^\d{10}$/.test(digits)) return null;
  return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}.${digits.slice(6)}`;
}

/**
 * Checks one row on its own (the database-free part). `regions` answers whether a code
 * exists today; `today` settles NIK centuries when the row's birth date is missing.
 */
export function parseImportRow(
  cells: string[],
  line: number,
  regions: { has(code: string): boolean },
  today: string,
): { row: ImportRow; problems: [] } | { row: null; problems: ImportIssue[] } {
  const problems: ImportIssue[] = [];
  const cell = (name: (typeof IMPORT_HEADER)[number]) => (cells[IMPORT_HEADER.indexOf(name)] ?? '').trim();
  const problem = (column: string, code: string, params: ImportIssue['params'] = {}) => problems.push({ line, column, code, params });

  if (cells.length !== IMPORT_HEADER.length) problem('*', 'import.column_count', { expected: IMPORT_HEADER.length, found: cells.length });
  const kk = cell('no_kk');
  if (!/^\d{16}$/.test(kk)) problem('no_kk', 'registry.kk_not_16_digits');
  const fullName = cell('nama');
  if (!fullName) problem('nama', 'import.name_required');
  const sexWord = cell('jenis_kelamin').toUpperCase();
  const sex = sexWord === 'L' ? 'M' : sexWord === 'P' ? 'F' : null;
  if (!sex) problem('jenis_kelamin', 'import.sex_invalid');
  const birthDate = parseImportDate(cell('tanggal_lahir'));
  if (!birthDate) problem('tanggal_lahir', 'import.birth_date_invalid', { value: cell('tanggal_lahir') });
  const relation = RELATION_WORDS[cell('hubungan_keluarga').toUpperCase().replace(/\s+/g, ' ')];
  if (!relation) problem('hubungan_keluarga', 'import.relation_unknown', { value: cell('hubungan_keluarga') });
  const villageCode = normaliseVillageCode(cell('kode_desa'));
  if (!villageCode) problem('kode_desa', 'registry.village_code_format');
  else if (!regions.has(villageCode)) problem('kode_desa', 'registry.village_unknown', { code: villageCode });
  const rt = cell('rt') || null;
  const rw = cell('rw') || null;
  if (rt && !/^\d{1,3}$/.test(rt)) problem('rt', 'import.rt_invalid');
  if (rw && !/^\d{1,3}$/.test(rw)) problem('rw', 'import.rw_invalid');
  const decileText = cell('desil');
  const decile = decileText === '' ? null : Number(decileText);
  if (decile !== null && !(Number.isInteger(decile) && decile >= 1 && decile <= 10)) problem('desil', 'import.decile_invalid');

  const nik = cell('nik');
  const decoded = decodeNik(nik, { today, birthDate: birthDate ?? undefined });
  if (!decoded.ok) {
    // The NIK decoder's own codes (registry.nik_*), shared with the household form.
    for (const error of decoded.errors)
      problem(error.field === 'birthDate' ? 'tanggal_lahir' : 'nik', error.code, stringParams(error.params));
  } else {
    if (!regions.has(decoded.value.provinceCode)) problem('nik', 'registry.nik_province_unknown', { code: decoded.value.provinceCode });
    if (sex && decoded.value.sex !== sex) problem('jenis_kelamin', 'registry.sex_contradicts_nik');
  }
  if (problems.length > 0 || !sex || !birthDate || !relation || !villageCode) return { row: null, problems };
  return {
    row: {
      line,
      kk,
      nik,
      fullName,
      sex,
      birthPlace: cell('tempat_lahir'),
      birthDate,
      relation,
      address: cell('alamat'),
      rt,
      rw,
      villageCode,
      decile,
    },
    problems: [],
  };
}

function stringParams(params: Record<string, unknown> = {}): ImportIssue['params'] {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, typeof value === 'number' ? value : String(value)]));
}
