import { Readable } from 'node:stream';
import { actorScope, assertRole, type Context } from '../../context.ts';
import { csvCell } from '../../core/csv.ts';
import { maskName, maskNik } from '../../core/mask.ts';
import { ROLES_SEEING_IDENTIFIERS } from '../../core/roles.ts';
import { regionLikePatterns } from '../../core/scope.ts';
import { IMPORT_HEADER } from './import.rules.ts';
import { RELATION_WORDS } from './registry.schema.ts';
import { findPersonsForExport } from './registry.store.ts';

const WORD_OF_RELATION = Object.fromEntries(Object.entries(RELATION_WORDS).map(([word, relation]) => [relation, word]));
const dmy = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

/**
 * Persons in the caller's scope as CSV in the import layout (so an export can be re-imported),
 * plus `meninggal`. Roles that may not see identifiers get NIK, KK and names masked.
 * Streamed page by page: an export of a whole province does not sit in memory.
 */
export function exportPersonsCsv(ctx: Context, villageCode?: string): Readable {
  assertRole(ctx, ['admin', 'manager', 'cashier', 'facilitator', 'cadre', 'health_worker', 'supervisor', 'auditor']);
  const visible = ctx.actor.kind !== 'user' || ROLES_SEEING_IDENTIFIERS.includes(ctx.actor.role);
  const patterns = regionLikePatterns(actorScope(ctx));
  async function* lines() {
    yield `\uFEFF${[...IMPORT_HEADER, 'meninggal'].join(',')}\n`;
    let afterId: string | null = null;
    for (;;) {
      const rows = await findPersonsForExport(ctx.db, { regionPatterns: patterns, villageCode, afterId, limit: 5_000 });
      if (rows.length === 0) return;
      yield rows
        .map((r) =>
          [
            visible ? r.kk_number : maskNik(r.kk_number),
            visible ? r.nik : maskNik(r.nik),
            csvCell(visible ? r.full_name : maskName(r.full_name)),
            r.sex === 'M' ? 'L' : 'P',
            csvCell(r.birth_place),
            dmy(r.birth_date),
            WORD_OF_RELATION[r.relation] ?? 'LAINNYA',
            csvCell(r.address),
            r.rt ?? '',
            r.rw ?? '',
            r.village_code,
            r.welfare_decile ?? '',
            r.died_on ?? '',
          ].join(','),
        )
        .join('\n')
        .concat('\n');
      afterId = rows.at(-1)?.id ?? null;
    }
  }
  return Readable.from(lines());
}
