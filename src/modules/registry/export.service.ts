import { actorScope, assertRole, type Context } from '../../context.ts';
import { maskName, maskNik } from '../../core/mask.ts';
import { ROLES_SEEING_IDENTIFIERS } from '../../core/roles.ts';
import { regionLikePatterns } from '../../core/scope.ts';
import { type ExportFormat, exportStream } from '../../export/table-export.ts';
import { IMPORT_HEADER } from './import.rules.ts';
import { READERS } from './registry.roles.ts';
import { RELATION_WORDS } from './registry.schema.ts';
import { findHouseholdsForExport, findPersonsForExport } from './registry.store.ts';

const WORD_OF_RELATION = Object.fromEntries(Object.entries(RELATION_WORDS).map(([word, relation]) => [relation, word]));
const dmy = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

export const EXPORT_HEADER = [...IMPORT_HEADER, 'meninggal'];

/**
 * Persons in the caller's scope in the import layout plus
 * `meninggal`. Roles that may not see identifiers get NIK, KK and names masked. Page by page:
 * an export of a whole province never sits in memory.
 */
async function* personPages(ctx: Context, villageCode?: string): AsyncGenerator<string[][]> {
  assertRole(ctx, READERS);
  const visible = ctx.actor.kind !== 'user' || ROLES_SEEING_IDENTIFIERS.includes(ctx.actor.role);
  const patterns = regionLikePatterns(actorScope(ctx));
  let afterId: string | null = null;
  for (;;) {
    const rows = await findPersonsForExport(ctx.db, { regionPatterns: patterns, villageCode, afterId, limit: 5_000 });
    if (rows.length === 0) return;
    yield rows.map((r) => [
      visible ? r.kk_number : maskNik(r.kk_number),
      visible ? r.nik : maskNik(r.nik),
      visible ? r.full_name : maskName(r.full_name),
      r.sex === 'M' ? 'L' : 'P',
      r.birth_place,
      dmy(r.birth_date),
      WORD_OF_RELATION[r.relation] ?? 'LAINNYA',
      r.address,
      r.rt ?? '',
      r.rw ?? '',
      r.village_code,
      r.welfare_decile === null ? '' : String(r.welfare_decile),
      r.died_on ?? '',
    ]);
    afterId = rows.at(-1)?.id ?? null;
  }
}

export const exportPersons = (ctx: Context, format: ExportFormat, villageCode?: string) =>
  exportStream(format, 'penduduk', EXPORT_HEADER, personPages(ctx, villageCode));

/** One row per household: KK, place, decile, cards, head (masked like persons) and size. */
export function exportHouseholds(ctx: Context, format: ExportFormat, villageCode?: string) {
  assertRole(ctx, READERS);
  const visible = ctx.actor.kind !== 'user' || ROLES_SEEING_IDENTIFIERS.includes(ctx.actor.role);
  const patterns = regionLikePatterns(actorScope(ctx));
  async function* pages(): AsyncGenerator<string[][]> {
    let afterKk: string | null = null;
    for (;;) {
      const rows = await findHouseholdsForExport(ctx.db, { regionPatterns: patterns, villageCode, afterKk, limit: 5_000 });
      if (rows.length === 0) return;
      yield rows.map((r) => [
        visible ? r.kk_number : maskNik(r.kk_number),
        r.village_code,
        r.address,
        r.rt ?? '',
        r.rw ?? '',
        r.welfare_decile === null ? '' : String(r.welfare_decile),
        r.has_kks ? 'Y' : 'T',
        r.has_kis ? 'Y' : 'T',
        r.has_kip ? 'Y' : 'T',
        r.has_pkh ? 'Y' : 'T',
        r.head_name ? (visible ? r.head_name : maskName(r.head_name)) : '',
        String(r.members),
      ]);
      afterKk = rows.at(-1)?.kk_number ?? null;
    }
  }
  return exportStream(format, 'keluarga', HOUSEHOLD_EXPORT_HEADER, pages());
}

export const HOUSEHOLD_EXPORT_HEADER = [
  'no_kk',
  'kode_desa',
  'alamat',
  'rt',
  'rw',
  'desil',
  'kks',
  'kis',
  'kip',
  'pkh',
  'kepala_keluarga',
  'jumlah_anggota',
];
