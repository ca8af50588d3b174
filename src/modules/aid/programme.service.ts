import { assertRole, type Context, inTransaction } from '../../context.ts';
import { AppError, conflict, notFound } from '../../core/errors.ts';
import { uuidv7 } from '../../core/ids.ts';
import type { Queryable } from '../../db/database.ts';
import { recordAudit } from '../audit/index.ts';
import { fundByCode, fundCodesByIds } from '../ledger/index.ts';
import { AID_READERS, PROGRAMME_EDITORS } from './aid.roles.ts';
import {
  findProgrammeByCode,
  findProgrammeById,
  findProgrammeCodes,
  findProgrammes,
  findRates,
  findWindows,
  insertProgramme,
  lockProgramme,
  replaceBenefitTable,
  updateProgramme as updateProgrammeRow,
} from './aid.store.ts';
import type { AidBenefitRateRow, AidPaymentWindowRow, AidProgrammeRow } from './aid.tables.ts';
import type { BenefitProgramme } from './entitlement.rules.ts';
import { type FieldProblem, programmeProblems } from './programme.rules.ts';
import type { EligibilityRule, MemberCondition, ProgrammeInput, ProgrammeView } from './programme.schema.ts';

/** A programme with its benefit table, as the rules read it. */
export type LoadedProgramme = { row: AidProgrammeRow; rates: AidBenefitRateRow[]; windows: AidPaymentWindowRow[] };

const isUuid = (text: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text);

/** A programme by id or code with its rates and windows; undefined when there is none. */
export async function loadProgramme(db: Queryable, idOrCode: string): Promise<LoadedProgramme | undefined> {
  const row = isUuid(idOrCode) ? await findProgrammeById(db, idOrCode) : await findProgrammeByCode(db, idOrCode);
  if (!row) return undefined;
  const [rates, windows] = await Promise.all([findRates(db, [row.id]), findWindows(db, [row.id])]);
  return { row, rates, windows };
}

/** The benefit side of a programme as the entitlement rules take it. */
export function benefitProgrammeOf({ row, rates, windows }: LoadedProgramme): BenefitProgramme {
  return {
    period: row.period,
    stagesPerYear: row.stages_per_year,
    memberCap: row.member_cap,
    newYearPercent: row.new_year_percent,
    finalYearPercent: row.final_year_percent,
    rates: rates.map((r) => ({
      category: r.category,
      basis: r.basis,
      condition: r.condition as MemberCondition,
      amount: BigInt(r.amount),
      maxPerUnit: r.max_per_unit,
      effectiveFrom: r.effective_from,
      effectiveTo: r.effective_to,
    })),
    paymentWindows: windows.map((w) => ({ startsOn: w.starts_on, endsOn: w.ends_on })),
  };
}

function programmeView({ row, rates, windows }: LoadedProgramme, fundCode: string | null): ProgrammeView {
  return {
    id: row.id,
    code: row.code,
    nameId: row.name_id,
    nameEn: row.name_en,
    targetUnit: row.target_unit,
    period: row.period,
    stagesPerYear: row.stages_per_year,
    channel: row.channel,
    fundCode,
    memberCap: row.member_cap,
    newYearPercent: row.new_year_percent,
    finalYearPercent: row.final_year_percent,
    builtIn: row.built_in,
    active: row.active,
    eligibility: row.eligibility as EligibilityRule[],
    rates: rates.map((r) => ({
      category: r.category,
      basis: r.basis,
      condition: r.condition as MemberCondition,
      amount: r.amount,
      maxPerUnit: r.max_per_unit,
      effectiveFrom: r.effective_from,
      effectiveTo: r.effective_to,
    })),
    paymentWindows: windows.map((w) => ({ startsOn: w.starts_on, endsOn: w.ends_on })),
    priorityRegions: row.priority_regions,
  };
}

async function viewOf(db: Queryable, loaded: LoadedProgramme): Promise<ProgrammeView> {
  const codes = loaded.row.fund_id ? await fundCodesByIds(db, [loaded.row.fund_id]) : new Map<string, string>();
  return programmeView(loaded, loaded.row.fund_id ? (codes.get(loaded.row.fund_id) ?? null) : null);
}

export async function listProgrammes(ctx: Context): Promise<{ items: ProgrammeView[] }> {
  assertRole(ctx, AID_READERS);
  const rows = await findProgrammes(ctx.db);
  const ids = rows.map((r) => r.id);
  const [rates, windows, funds] = await Promise.all([
    findRates(ctx.db, ids),
    findWindows(ctx.db, ids),
    fundCodesByIds(
      ctx.db,
      rows.flatMap((r) => (r.fund_id ? [r.fund_id] : [])),
    ),
  ]);
  return {
    items: rows.map((row) =>
      programmeView(
        { row, rates: rates.filter((r) => r.programme_id === row.id), windows: windows.filter((w) => w.programme_id === row.id) },
        row.fund_id ? (funds.get(row.fund_id) ?? null) : null,
      ),
    ),
  };
}

export async function getProgramme(ctx: Context, idOrCode: string): Promise<ProgrammeView> {
  assertRole(ctx, AID_READERS);
  const loaded = await loadProgramme(ctx.db, idOrCode);
  if (!loaded) throw notFound('programme', idOrCode);
  return viewOf(ctx.db, loaded);
}

function refuse(problems: FieldProblem[]): never {
  throw new AppError('common.validation_failed', 'invalid', { errors: problems });
}

/** The checks that read the database: the fund exists, every "not already in" names a programme. */
async function checkReferences(db: Queryable, input: ProgrammeInput, ownCode: string): Promise<string | null> {
  const problems = programmeProblems(input);
  let fundId: string | null = null;
  if (input.fundCode !== null) {
    const fund = await fundByCode(db, input.fundCode);
    if (fund) fundId = fund.id;
    else problems.push({ field: 'fundCode', code: 'aid.unknown_fund', params: { fundCode: input.fundCode } });
  }
  const named = input.eligibility.flatMap((rule) => (rule.kind === 'not_enrolled' ? [rule.programme] : []));
  const known = new Set([...(await findProgrammeCodes(db, named)), ownCode]);
  input.eligibility.forEach((rule, index) => {
    if (rule.kind === 'not_enrolled' && !known.has(rule.programme))
      problems.push({ field: `eligibility.${index}.programme`, code: 'aid.unknown_programme', params: { programme: rule.programme } });
  });
  if (problems.length > 0) refuse(problems);
  return fundId;
}

const programmeColumns = (input: ProgrammeInput, fundId: string | null) => ({
  code: input.code,
  name_id: input.nameId,
  name_en: input.nameEn,
  target_unit: input.targetUnit,
  period: input.period,
  stages_per_year: input.stagesPerYear,
  channel: input.channel,
  fund_id: fundId,
  member_cap: input.memberCap,
  new_year_percent: input.newYearPercent,
  final_year_percent: input.finalYearPercent,
  eligibility: JSON.stringify(input.eligibility),
  active: input.active,
  ...(input.priorityRegions === undefined ? {} : { priority_regions: [...new Set(input.priorityRegions)] }),
});

function benefitRows(programmeId: string, input: ProgrammeInput, at: number) {
  return {
    rates: input.rates.map((rate, priority) => ({
      id: uuidv7(at),
      programme_id: programmeId,
      priority,
      category: rate.category,
      basis: rate.basis,
      condition: JSON.stringify(rate.condition),
      amount: rate.amount,
      max_per_unit: rate.maxPerUnit,
      effective_from: rate.effectiveFrom,
      effective_to: rate.effectiveTo,
    })),
    windows: input.paymentWindows.map((w) => ({ id: uuidv7(at), programme_id: programmeId, starts_on: w.startsOn, ends_on: w.endsOn })),
  };
}

/** An organisation's own programme, with the same rule kinds as the built-in ones (admin). */
export async function createProgramme(ctx: Context, input: ProgrammeInput): Promise<ProgrammeView> {
  assertRole(ctx, PROGRAMME_EDITORS);
  return inTransaction(ctx, async (tx) => {
    const fundId = await checkReferences(tx, input, input.code);
    if (await findProgrammeByCode(tx, input.code)) throw conflict('aid.programme_exists', 'code', { code: input.code });
    const at = ctx.clock.now();
    const id = uuidv7(at.getTime());
    await insertProgramme(tx, { id, ...programmeColumns(input, fundId), created_at: at, updated_at: at });
    const { rates, windows } = benefitRows(id, input, at.getTime());
    await replaceBenefitTable(tx, id, rates, windows);
    const view = await viewOf(tx, (await loadProgramme(tx, id)) as LoadedProgramme);
    await recordAudit(tx, ctx, { action: 'aid.programme_create', entityType: 'aid_programme', entityId: id, after: view });
    return view;
  });
}

/**
 * Replaces a programme's definition (admin): names, rules, benefit table. A built-in programme
 * keeps its code; the before and after are audited.
 */
export async function updateProgramme(ctx: Context, idOrCode: string, input: ProgrammeInput): Promise<ProgrammeView> {
  assertRole(ctx, PROGRAMME_EDITORS);
  return inTransaction(ctx, async (tx) => {
    const found = await loadProgramme(tx, idOrCode);
    if (!found) throw notFound('programme', idOrCode);
    await lockProgramme(tx, found.row.id);
    const current = (await loadProgramme(tx, found.row.id)) as LoadedProgramme;
    const before = await viewOf(tx, current);
    if (current.row.built_in && input.code !== current.row.code) throw conflict('aid.built_in_code', 'code', { code: current.row.code });
    const fundId = await checkReferences(tx, input, input.code);
    if (input.code !== current.row.code && (await findProgrammeByCode(tx, input.code)))
      throw conflict('aid.programme_exists', 'code', { code: input.code });
    const at = ctx.clock.now();
    await updateProgrammeRow(tx, current.row.id, { ...programmeColumns(input, fundId), updated_at: at });
    const { rates, windows } = benefitRows(current.row.id, input, at.getTime());
    await replaceBenefitTable(tx, current.row.id, rates, windows);
    const view = await viewOf(tx, (await loadProgramme(tx, current.row.id)) as LoadedProgramme);
    await recordAudit(tx, ctx, {
      action: 'aid.programme_update',
      entityType: 'aid_programme',
      entityId: current.row.id,
      before,
      after: view,
    });
    return view;
  });
}
