export type RegionLevel = 1 | 2 | 3 | 4;
export const LEVEL_NAMES = { 1: 'province', 2: 'regency', 3: 'district', 4: 'village' } as const;

/** Kemendagri codes: PP, PP.RR, PP.RR.DD, PP.RR.DD.VVVV. */
export function levelOfCode(code: string): RegionLevel | null {
  if (/^\d{2}$/.test(code)) return 1;
  if (/^\d{2}\.\d{2}$/.test(code)) return 2;
  if (/^\d{2}\.\d{2}\.\d{2}$/.test(code)) return 3;
  if (/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(code)) return 4;
  return null;
}

/** A village code may come without dots (3204112002); give it its dots back. */
export function normaliseRegionCode(raw: string): string {
  const trimmed = raw.trim();
  if (/^\d+$/.test(trimmed) && [2, 4, 6, 10].includes(trimmed.length)) {
    const parts = [trimmed.slice(0, 2), trimmed.slice(2, 4), trimmed.slice(4, 6), trimmed.slice(6)].filter(Boolean);
    return parts.join('.');
  }
  return trimmed;
}

export function parentCodeOf(code: string): string | null {
  const cut = code.lastIndexOf('.');
  return cut === -1 ? null : code.slice(0, cut);
}

/** 01–69 kabupaten (regency), 71–99 kota (city); 1xxx kelurahan, 2xxx desa, 3xxx desa adat. */
export function regionKind(code: string): string {
  const level = levelOfCode(code);
  if (level === 2) return Number(code.slice(3, 5)) >= 71 ? 'kota' : 'kabupaten';
  if (level === 4) return { '1': 'kelurahan', '2': 'desa', '3': 'desa_adat' }[code.charAt(9)] ?? 'desa';
  if (level === 3) return 'kecamatan';
  return 'provinsi';
}
