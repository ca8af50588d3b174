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

export type ImportProblem = { line: number; column: string; reason: string };

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

function parseDate(raw: string): string | null {
  const dmy = /^(\d{2})-(\d{2})-(\d{4})$/.exec(raw);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const [y, m, d] = dmy ? [dmy[3], dmy[2], dmy[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!y || !m || !d) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCDate() === Number(d) && date.getUTCMonth() === Number(m) - 1 ? `${y}-${m}-${d}` : null;
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
): { row: ImportRow; problems: [] } | { row: null; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const cell = (name: (typeof IMPORT_HEADER)[number]) => (cells[IMPORT_HEADER.indexOf(name)] ?? '').trim();
  const problem = (column: string, reason: string) => problems.push({ line, column, reason });

  if (cells.length !== IMPORT_HEADER.length) problem('*', `expected ${IMPORT_HEADER.length} columns, found ${cells.length}`);
  const kk = cell('no_kk');
  if (!/^\d{16}$/.test(kk)) problem('no_kk', 'Nomor KK harus 16 angka');
  const fullName = cell('nama');
  if (!fullName) problem('nama', 'nama wajib diisi');
  const sexWord = cell('jenis_kelamin').toUpperCase();
  const sex = sexWord === 'L' ? 'M' : sexWord === 'P' ? 'F' : null;
  if (!sex) problem('jenis_kelamin', 'jenis_kelamin harus L atau P');
  const birthDate = parseDate(cell('tanggal_lahir'));
  if (!birthDate) problem('tanggal_lahir', 'tanggal_lahir harus DD-MM-YYYY atau YYYY-MM-DD dan tanggal yang ada');
  const relation = RELATION_WORDS[cell('hubungan_keluarga').toUpperCase().replace(/\s+/g, ' ')];
  if (!relation) problem('hubungan_keluarga', `hubungan_keluarga tidak dikenal: "${cell('hubungan_keluarga')}"`);
  const villageCode = normaliseVillageCode(cell('kode_desa'));
  if (!villageCode || !regions.has(villageCode)) problem('kode_desa', `kode_desa ${cell('kode_desa')} tidak ada`);
  const rt = cell('rt') || null;
  const rw = cell('rw') || null;
  if (rt && !/^\d{1,3}$/.test(rt)) problem('rt', 'rt harus angka');
  if (rw && !/^\d{1,3}$/.test(rw)) problem('rw', 'rw harus angka');
  const decileText = cell('desil');
  const decile = decileText === '' ? null : Number(decileText);
  if (decile !== null && !(Number.isInteger(decile) && decile >= 1 && decile <= 10)) problem('desil', 'desil harus 1–10 atau kosong');

  const nik = cell('nik');
  const decoded = decodeNik(nik, { today, birthDate: birthDate ?? undefined });
  if (!decoded.ok) {
    for (const error of decoded.errors)
      problem(
        error.field === 'birthDate' ? 'tanggal_lahir' : 'nik',
        error.field === 'birthDate' ? 'tanggal_lahir tidak sesuai dengan NIK' : nikReason(error.code),
      );
  } else {
    if (!regions.has(decoded.value.provinceCode)) problem('nik', `kode provinsi ${decoded.value.provinceCode} di NIK tidak ada`);
    if (sex && decoded.value.sex !== sex) problem('jenis_kelamin', 'jenis_kelamin tidak sesuai dengan NIK');
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

function nikReason(code: string): string {
  return (
    {
      'registry.nik_not_16_digits': 'NIK harus 16 angka',
      'registry.nik_day_invalid': 'tanggal di NIK tidak mungkin (01–31 laki-laki, 41–71 perempuan)',
      'registry.nik_month_invalid': 'bulan di NIK harus 01–12',
      'registry.nik_serial_zero': 'nomor urut NIK tidak boleh 0000',
      'registry.nik_date_not_real': 'tanggal lahir di NIK tidak ada di kalender',
      'registry.nik_birth_in_future': 'tanggal lahir di NIK di masa depan',
    }[code] ?? code
  );
}
