import { type Context, inTransaction } from '../../context.ts';
import { parseCsvLine } from '../../core/csv.ts';
import { uuidv7 } from '../../core/ids.ts';
import { maskNik } from '../../core/mask.ts';
import { recordAudit } from '../audit/index.ts';
import { allRegionCodes } from '../regions/index.ts';
import {
  groupHouseholds,
  IMPORT_HEADER,
  type ImportHousehold,
  type ImportProblem,
  type ImportRow,
  parseImportRow,
} from './import.rules.ts';
import { findHouseholdsByKks, findMembers, findPersonsByNiks, insertHouseholds, insertPersonsInChunks } from './registry.store.ts';
import type { PersonRow } from './registry.tables.ts';

export type ImportOptions = { dryRun: boolean; skipInvalid: boolean; onProgress?: (done: number, total: number) => void };
export type ImportSummary = {
  importedHouseholds: number;
  importedPersons: number;
  rejectedRows: number;
  unchangedPersons: number;
  problems: ImportProblem[];
  rejectedLines: { line: number; text: string; reason: string }[];
  committed: boolean;
};

const CHUNK_HOUSEHOLDS = 500;
const sameData = (existing: PersonRow, row: ImportRow) =>
  existing.full_name === row.fullName &&
  existing.sex === row.sex &&
  existing.birth_date === row.birthDate &&
  existing.relation === row.relation;

/**
 * Imports households from DTKS-style CSV lines. Without skipInvalid, one bad row stops
 * everything before anything is written. Households are written in chunks, each chunk one
 * transaction, so a crash never leaves half a household; re-running skips what is there.
 */
export async function importHouseholds(ctx: Context, lines: string[], options: ImportOptions): Promise<ImportSummary> {
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const header = parseCsvLine((lines[0] ?? '').replace(/^\uFEFF/, '').trim()).map((h) => h.trim().toLowerCase());
  if (header.join(',') !== IMPORT_HEADER.join(','))
    return failed([{ line: 1, column: '*', reason: `header harus persis: ${IMPORT_HEADER.join(',')}` }], lines);

  const regions = await allRegionCodes(ctx.db);
  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  const invalidKks = new Set<string>();
  for (let index = 1; index < lines.length; index++) {
    const text = lines[index] ?? '';
    if (!text.trim()) continue;
    const cells = parseCsvLine(text);
    const parsed = parseImportRow(cells, index + 1, regions, today);
    if (parsed.row) rows.push(parsed.row);
    else {
      problems.push(...parsed.problems);
      invalidKks.add((cells[0] ?? '').trim());
    }
  }
  const invalidLines = new Map(problems.map((p) => [p.line, p.reason]));
  const grouped = groupHouseholds(rows, invalidLines, invalidKks);
  problems.push(...grouped.problems);

  // Against what is already registered: same data is unchanged, different data is a duplicate.
  const plans: { household: ImportHousehold; existingId: string | null; newRows: ImportRow[] }[] = [];
  let unchangedPersons = 0;
  for (let i = 0; i < grouped.households.length; i += 1000) {
    const slice = grouped.households.slice(i, i + 1000);
    const existingHouseholds = new Map(
      (
        await findHouseholdsByKks(
          ctx.db,
          slice.map((h) => h.kk),
        )
      ).map((h) => [h.kk_number, h]),
    );
    const existingPersons = new Map(
      (
        await findPersonsByNiks(
          ctx.db,
          slice.flatMap((h) => h.rows.map((r) => r.nik)),
        )
      ).map((p) => [p.nik, p]),
    );
    for (const household of slice) {
      const existing = existingHouseholds.get(household.kk);
      const householdProblems: ImportProblem[] = [];
      const newRows: ImportRow[] = [];
      let unchanged = 0;
      for (const row of household.rows) {
        const person = existingPersons.get(row.nik);
        if (!person) newRows.push(row);
        else if (existing && person.household_id === existing.id && sameData(person, row)) unchanged++;
        else householdProblems.push({ line: row.line, column: 'nik', reason: 'NIK sudah terdaftar dengan data atau KK berbeda' });
      }
      if (existing && newRows.some((r) => r.relation === 'head')) {
        const members = await findMembers(ctx.db, existing.id);
        if (members.some((m) => m.relation === 'head' && m.died_on === null))
          for (const r of newRows.filter((row) => row.relation === 'head'))
            householdProblems.push({ line: r.line, column: 'hubungan_keluarga', reason: `KK ${household.kk} sudah punya kepala keluarga` });
      }
      if (householdProblems.length > 0) {
        problems.push(...householdProblems);
        for (const row of household.rows)
          if (!householdProblems.some((p) => p.line === row.line))
            problems.push({ line: row.line, column: 'no_kk', reason: `KK ${household.kk} punya baris lain yang tidak sah` });
        continue;
      }
      unchangedPersons += unchanged;
      if (newRows.length > 0) plans.push({ household, existingId: existing?.id ?? null, newRows });
    }
  }

  problems.sort((a, b) => a.line - b.line);
  if (problems.length > 0 && !options.skipInvalid) return { ...failed(problems, lines), unchangedPersons: 0 };

  let importedHouseholds = 0;
  let importedPersons = 0;
  if (!options.dryRun) {
    for (let i = 0; i < plans.length; i += CHUNK_HOUSEHOLDS) {
      const chunk = plans.slice(i, i + CHUNK_HOUSEHOLDS);
      await inTransaction(ctx, async (tx) => {
        const now = ctx.clock.now();
        const fresh = chunk.filter((p) => p.existingId === null).map((p) => ({ ...p, id: uuidv7(now.getTime()) }));
        await insertHouseholds(
          tx,
          fresh.map(({ household: h, id }) => ({
            id,
            kk_number: h.kk,
            village_code: h.villageCode,
            address: h.address,
            rt: h.rt,
            rw: h.rw,
            welfare_decile: h.decile,
          })),
        );
        const idOf = new Map(fresh.map((p) => [p.household.kk, p.id]));
        await insertPersonsInChunks(
          tx,
          chunk.flatMap((plan) =>
            plan.newRows.map((r) => ({
              id: uuidv7(now.getTime()),
              nik: r.nik,
              full_name: r.fullName,
              sex: r.sex,
              birth_place: r.birthPlace,
              birth_date: r.birthDate,
              household_id: plan.existingId ?? (idOf.get(plan.household.kk) as string),
              relation: r.relation,
              village_code: plan.household.villageCode,
              died_on: null,
            })),
          ),
        );
        await recordAudit(tx, ctx, {
          action: 'household.import',
          entityType: 'household',
          after: { households: chunk.map((p) => maskNik(p.household.kk)), persons: chunk.reduce((n, p) => n + p.newRows.length, 0) },
        });
      });
      importedHouseholds += chunk.filter((p) => p.existingId === null).length;
      importedPersons += chunk.reduce((n, p) => n + p.newRows.length, 0);
      options.onProgress?.(Math.min(i + CHUNK_HOUSEHOLDS, plans.length), plans.length);
    }
  } else {
    importedHouseholds = plans.filter((p) => p.existingId === null).length;
    importedPersons = plans.reduce((n, p) => n + p.newRows.length, 0);
  }
  return {
    importedHouseholds,
    importedPersons,
    rejectedRows: new Set(problems.map((p) => p.line)).size,
    unchangedPersons,
    problems,
    rejectedLines: rejectedLines(problems, lines),
    committed: !options.dryRun,
  };
}

function rejectedLines(problems: ImportProblem[], lines: string[]) {
  const byLine = new Map<number, string[]>();
  for (const p of problems) byLine.set(p.line, [...(byLine.get(p.line) ?? []), `${p.column}: ${p.reason}`]);
  return [...byLine].map(([line, reasons]) => ({ line, text: lines[line - 1] ?? '', reason: reasons.join('; ') }));
}

function failed(problems: ImportProblem[], lines: string[]): ImportSummary {
  return {
    importedHouseholds: 0,
    importedPersons: 0,
    rejectedRows: new Set(problems.map((p) => p.line)).size,
    unchangedPersons: 0,
    problems,
    rejectedLines: rejectedLines(problems, lines),
    committed: false,
  };
}
