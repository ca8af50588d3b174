import { Readable } from 'node:stream';
import { actorScope, assertRole, type Context } from '../../context.ts';
import { csvCell } from '../../core/csv.ts';
import { maskName, maskNik } from '../../core/mask.ts';
import { ROLES_SEEING_IDENTIFIERS } from '../../core/roles.ts';
import { regionLikePatterns } from '../../core/scope.ts';
import { IMPORT_HEADER } from './import.rules.ts';
import { RELATION_WORDS } from './registry.schema.ts';
import { findPersonsForExport } from './registry.store.ts';
import { xlsxStream } from './xlsx.ts';

const WORD_OF_RELATION = Object.fromEntries(Object.entries(RELATION_WORDS).map(([word, relation]) => [relation, word]));
const dmy = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

export const EXPORT_HEADER = [...IMPORT_HEADER, 'meninggal'];

/**
 * Persons in the caller's scope in the import layout plus
 * `meninggal`. Roles that may not see identifiers get NIK, KK and names masked. Page by page:
 * an export of a whole province never sits in memory.
 */
async function* personPages(ctx: Context, villageCode?: string): AsyncGenerator<string[][]> {
  assertRole(ctx, ['admin', 'manager', 'cashier', 'facilitator', 'cadre', 'health_worker', 'supervisor', 'auditor']);
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

export function exportPersonsCsv(ctx: Context, villageCode?: string): Readable {
  const pages = personPages(ctx, villageCode);
  async function* lines() {
    yield `\uFEFF${EXPORT_HEADER.join(',')}\n`;
    for await (const page of pages) yield `${page.map((cells) => cells.map(csvCell).join(',')).join('\n')}\n`;
  }
  return Readable.from(lines());
}

export function exportPersonsXlsx(ctx: Context, villageCode?: string): Readable {
  return xlsxStream('penduduk', EXPORT_HEADER, personPages(ctx, villageCode));
}
