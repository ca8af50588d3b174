import type { Context } from '../../context.ts';
import { decodeCursor, encodeCursor } from '../../core/cursor.ts';
import { AppError, notFound } from '../../core/errors.ts';
import type { Database, Queryable } from '../../db/database.ts';
import { REGION_DATASET, readRegionDataset } from './regions.dataset.ts';
import { LEVEL_NAMES, normaliseRegionCode, type RegionLevel, regionKind } from './regions.rules.ts';
import type { RegionsQuery, RegionView } from './regions.schema.ts';
import {
  allRegionCodes,
  countChildren,
  countRegions,
  findChildRegions,
  findDataset,
  findRegion,
  findRegionsByCodes,
  saveDataset,
  searchRegions,
  upsertRegionsChunk,
} from './regions.store.ts';
import type { RegionTable } from './regions.tables.ts';

const CHUNK = 10_000;

/**
 * Loads Indonesia's regions once. Idempotent: when the recorded dataset version and row
 * count match, nothing is read. Chunks are separate transactions so that on PGlite the
 * HTTP server is never held up for long.
 */
export async function ensureRegionsLoaded(
  database: Database,
  onProgress?: (done: number, total: number) => void,
): Promise<{ loaded: boolean; rows: number }> {
  const existing = await findDataset(database.db, REGION_DATASET.name);
  if (existing?.version === REGION_DATASET.version) return { loaded: false, rows: existing.row_count };
  const rows = await readRegionDataset();
  for (let start = 0; start < rows.length; start += CHUNK) {
    await database.db.transaction().execute((tx) => upsertRegionsChunk(tx, rows.slice(start, start + CHUNK)));
    onProgress?.(Math.min(start + CHUNK, rows.length), rows.length);
  }
  await saveDataset(database.db, REGION_DATASET.name, REGION_DATASET.version, rows.length);
  return { loaded: true, rows: rows.length };
}

export function toRegionView(row: RegionTable): RegionView {
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    levelName: LEVEL_NAMES[row.level as RegionLevel],
    kind: regionKind(row.code),
    parentCode: row.parent_code,
  };
}

export async function listRegions(ctx: Context, query: RegionsQuery) {
  if (query.q) {
    const offset = query.cursor ? decodeCursor(query.cursor, ['offset'])[0] : 0;
    const rows = await searchRegions(ctx.db, query.q, query.level, offset, query.limit + 1);
    const page = rows.slice(0, query.limit);
    const parents = await parentPaths(ctx.db, page);
    return {
      items: page.map((row) => ({ ...toRegionView(row), path: parents.get(row.code) })),
      nextCursor: rows.length > query.limit ? encodeCursor(['offset'], [offset + query.limit]) : null,
    };
  }
  const parent = query.parent ? normaliseRegionCode(query.parent) : null;
  if (parent !== null && !(await findRegion(ctx.db, parent))) throw notFound('region', parent);
  const after = query.cursor ? decodeCursor(query.cursor, ['text'])[0] : null;
  const rows = await findChildRegions(ctx.db, parent, after, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { items: page.map(toRegionView), nextCursor: rows.length > query.limit && last ? encodeCursor(['text'], [last.code]) : null };
}

/** "Katapang, Kabupaten Bandung, Jawa Barat" for search results. */
async function parentPaths(db: Queryable, rows: RegionTable[]): Promise<Map<string, string>> {
  const ancestorCodes = new Set<string>();
  for (const row of rows) for (const code of ancestorsOf(row.code)) ancestorCodes.add(code);
  const names = new Map((await findRegionsByCodes(db, [...ancestorCodes])).map((r) => [r.code, r.name]));
  return new Map(
    rows.map((row) => [
      row.code,
      ancestorsOf(row.code)
        .reverse()
        .map((code) => names.get(code) ?? code)
        .join(', '),
    ]),
  );
}

function ancestorsOf(code: string): string[] {
  const parts = code.split('.');
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('.'));
}

export async function getRegion(ctx: Context, rawCode: string) {
  const code = normaliseRegionCode(rawCode);
  const row = await findRegion(ctx.db, code);
  if (!row) {
    const counts = await countRegions(ctx.db);
    if (!counts[1]) throw new AppError('regions.not_loaded', 'unavailable');
    throw notFound('region', code);
  }
  const parents = await findRegionsByCodes(ctx.db, ancestorsOf(code));
  parents.sort((a, b) => a.level - b.level);
  return { ...toRegionView(row), parents: parents.map(toRegionView), childCount: await countChildren(ctx.db, code) };
}

/** For other modules: the codes among `codes` that are not real regions. */
export async function unknownRegionCodes(db: Queryable, codes: string[]): Promise<string[]> {
  const unique = [...new Set(codes)];
  const found = new Set((await findRegionsByCodes(db, unique)).map((row) => row.code));
  return unique.filter((code) => !found.has(code));
}

export { allRegionCodes, countRegions, findRegion, findRegionsByCodes };
