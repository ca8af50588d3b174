import { actorScope, assertRole, type Context } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { decodeCursor, encodeCursor } from '../../core/cursor.ts';
import { invalid, notFound } from '../../core/errors.ts';
import { maskName, maskNik } from '../../core/mask.ts';
import { ROLES_SEEING_IDENTIFIERS } from '../../core/roles.ts';
import { regionInScope, regionLikePatterns } from '../../core/scope.ts';
import type { Queryable } from '../../db/database.ts';
import { getOrganisation } from '../organisation/index.ts';
import { findRegionsByCodes } from '../regions/index.ts';
import {
  findPersonForActor,
  householdById,
  householdMembers,
  householdPage,
  householdRowsByIds,
  livingPersonPage,
  personNamesOf,
} from '../registry/index.ts';
import { AID_READERS } from './aid.roles.ts';
import { REVIEW_PREFIX } from './cycle.rules.ts';
import { reportCycleOf } from './cycle.service.ts';
import type { Eligibility } from './eligibility.rules.ts';
import { wordsOf } from './eligibility.rules.ts';
import { evaluateWith } from './eligibility.service.ts';
import { type AidMemberFacts, memberFactsOf } from './member-facts.service.ts';
import type { EligibilityRule } from './programme.schema.ts';
import { type LoadedProgramme, loadProgramme } from './programme.service.ts';
import { renderProgressPdf, renderProgressXlsx } from './rollout.pdf.ts';
import { type ProgressCounts, progressRows, regionOverlapsScope } from './rollout.rules.ts';
import type {
  eligibleNotEnrolledSchema,
  enrolledNotEligibleSchema,
  ProgressQuery,
  ProgressView,
  UnitAidView,
  UnitListQuery,
} from './rollout.schema.ts';
import {
  enrolledByRegion,
  entitlementsByRegion,
  findCurrentEnrolmentPage,
  findCurrentEnrolmentsOf,
  findEnrolmentsOfUnits,
  findPaymentsOfEnrolments,
  type Where,
} from './rollout.store.ts';

/**
 * Lists for working through exclusion and inclusion errors (eligible but not enrolled, enrolled
 * but no longer eligible), rollout progress by region, and a family's or person's programmes and
 * payments (docs/aid.md, "Lists, progress and the record pages"). Units are evaluated by the same
 * rules as the eligibility route, a page of units at a time: members, health facts and current
 * enrolments of the page in one query each.
 */

type HouseholdRow = NonNullable<Awaited<ReturnType<typeof householdById>>>;
type Z<T extends { _zod: { input: unknown } }> = T['_zod']['input'];

/** Units read per query while scanning the registry. */
const SCAN_CHUNK = 500;
/** At most this many units are read for one page of a list: a page may come back short, with a cursor to go on. */
const SCAN_PER_PAGE = 5_000;

const seesIdentifiers = (ctx: Context) => ctx.actor.kind !== 'user' || ROLES_SEEING_IDENTIFIERS.includes(ctx.actor.role);

async function programmeOr404(ctx: Context, idOrCode: string): Promise<LoadedProgramme> {
  const programme = await loadProgramme(ctx.db, idOrCode);
  if (!programme) throw notFound('programme', idOrCode);
  return programme;
}

/** A region filter: it must exist and overlap the caller's regions (else 404 like an unknown one). */
async function regionFilter(ctx: Context, code: string | undefined): Promise<Where> {
  const scope = actorScope(ctx);
  const where: Where = { patterns: regionLikePatterns(scope) };
  if (code === undefined) return where;
  const [region] = await findRegionsByCodes(ctx.db, [code]);
  if (!region || !regionOverlapsScope(scope, code)) throw notFound('region', code);
  return { ...where, region: code };
}

/** What the programme's rules let SQL narrow before evaluating: the decile range and the cards. */
function prefilterOf(programme: LoadedProgramme) {
  const rules = programme.row.eligibility as EligibilityRule[];
  const decile = rules.find((r): r is Extract<EligibilityRule, { kind: 'decile' }> => r.kind === 'decile');
  const cards = rules.filter((r): r is Extract<EligibilityRule, { kind: 'card' }> => r.kind === 'card');
  return {
    ...(decile ? { decile: { min: decile.min, max: decile.max } } : {}),
    cards: cards.map((c) => ({ card: c.card, held: c.held })),
  };
}

/** One unit evaluated: the family (and for a person programme the person), its members, whether it is enrolled now. */
type Evaluated = {
  unitKind: 'household' | 'person';
  unitId: string;
  household: HouseholdRow;
  members: AidMemberFacts[];
  enrolled: boolean;
  eligibility: Eligibility;
};

/**
 * Evaluates units of a programme: households, or persons with their households. Current
 * enrolments of the page (for "not already in" rules and for "enrolled in this programme") and
 * members are read in one query each.
 */
async function evaluateUnits(
  db: Queryable,
  programme: LoadedProgramme,
  units: { kind: 'household' | 'person'; id: string; household: HouseholdRow }[],
  today: string,
): Promise<Evaluated[]> {
  const householdIds = [...new Set(units.map((u) => u.household.id))];
  const families = await memberFactsOf(db, householdIds, today);
  const personIds = [...families.values()].flat().map((m) => m.id);
  const enrolments = await findCurrentEnrolmentsOf(db, householdIds, personIds);
  const codesOf = (householdId: string, members: AidMemberFacts[]) => {
    const ids = new Set(members.map((m) => m.id));
    return enrolments.filter((e) => e.household_id === householdId || (e.person_id !== null && ids.has(e.person_id))).map((e) => e.code);
  };
  return units.map((unit) => {
    const family = families.get(unit.household.id) ?? [];
    const members = unit.kind === 'household' ? family : family.filter((m) => m.id === unit.id);
    const enrolled = enrolments.some(
      (e) => e.programme_id === programme.row.id && (unit.kind === 'household' ? e.household_id : e.person_id) === unit.id,
    );
    const eligibility = evaluateWith(programme, unit.household, members, unit.kind, codesOf(unit.household.id, members), today);
    return { unitKind: unit.kind, unitId: unit.id, household: unit.household, members, enrolled, eligibility };
  });
}

/**
 * The next chunk of a programme's units within `where`, in id order after `afterId`: households
 * (narrowed in SQL by the decile and cards the rules ask for when `prefilter`), or living persons
 * with their households. `last` is the last id read (null: nothing left).
 */
async function unitChunk(
  db: Queryable,
  programme: LoadedProgramme,
  where: Where,
  afterId: string | null,
  options: { prefilter: boolean; today: string },
): Promise<{ units: Evaluated[]; last: string | null; full: boolean }> {
  const page = { regionPatterns: where.patterns, region: where.region, afterId, limit: SCAN_CHUNK };
  if (programme.row.target_unit === 'household') {
    const households = await householdPage(db, { ...page, ...(options.prefilter ? prefilterOf(programme) : {}) });
    const units = households.map((h) => ({ kind: 'household' as const, id: h.id, household: h }));
    return {
      units: await evaluateUnits(db, programme, units, options.today),
      last: households.at(-1)?.id ?? null,
      full: households.length === SCAN_CHUNK,
    };
  }
  const persons = await livingPersonPage(db, page);
  const households = new Map(
    (
      await householdRowsByIds(
        db,
        persons.map((p) => p.household_id),
      )
    ).map((h) => [h.id, h]),
  );
  const units = persons.flatMap((p) => {
    const household = households.get(p.household_id);
    return household ? [{ kind: 'person' as const, id: p.id, household }] : [];
  });
  return {
    units: await evaluateUnits(db, programme, units, options.today),
    last: persons.at(-1)?.id ?? null,
    full: persons.length === SCAN_CHUNK,
  };
}

async function villageNamesOf(db: Queryable, codes: string[]) {
  return new Map((await findRegionsByCodes(db, [...new Set(codes)])).map((r) => [r.code, r.name]));
}

/** The name a unit is listed by: the person, or the family's living head (else its first member). */
async function unitNames(db: Queryable, units: { unitKind: 'household' | 'person'; unitId: string; members: AidMemberFacts[] }[]) {
  const nameIdOf = (u: (typeof units)[number]) =>
    u.unitKind === 'person' ? u.unitId : (u.members.find((m) => m.relation === 'head') ?? u.members[0])?.id;
  const names = new Map(
    (
      await personNamesOf(
        db,
        units.flatMap((u) => nameIdOf(u) ?? []),
      )
    ).map((p) => [p.id, p.full_name]),
  );
  return (u: (typeof units)[number]) => names.get(nameIdOf(u) ?? '') ?? '';
}

/**
 * Households (or persons, for a person programme) in the caller's regions that are eligible for a
 * programme today and not enrolled in it (nor pending or suspended), in id order. A page reads at
 * most 5,000 units of the registry: it may hold fewer than `limit` items and still have a cursor.
 */
export async function eligibleNotEnrolled(
  ctx: Context,
  programmeIdOrCode: string,
  query: UnitListQuery,
): Promise<Z<typeof eligibleNotEnrolledSchema>> {
  assertRole(ctx, AID_READERS);
  const programme = await programmeOr404(ctx, programmeIdOrCode);
  const where = await regionFilter(ctx, query.region);
  const today = businessDate(ctx.clock);
  let afterId = query.cursor ? decodeCursor(query.cursor, ['uuid'])[0] : null;
  const found: Evaluated[] = [];
  let scanned = 0;
  let end = false;
  while (found.length < query.limit && scanned < SCAN_PER_PAGE) {
    const chunk = await unitChunk(ctx.db, programme, where, afterId, { prefilter: true, today });
    scanned += SCAN_CHUNK;
    for (const unit of chunk.units) {
      if (found.length === query.limit) break;
      afterId = unit.unitId;
      if (unit.eligibility.eligible && !unit.enrolled) found.push(unit);
    }
    if (found.length < query.limit) afterId = chunk.last ?? afterId;
    if (!chunk.full && found.length < query.limit) {
      end = true;
      break;
    }
  }
  // A full page stops at its last item (what follows it is read by the next page).
  const last = found.length === query.limit ? (found.at(-1) as Evaluated).unitId : afterId;
  const nameOf = await unitNames(ctx.db, found);
  const villages = await villageNamesOf(
    ctx.db,
    found.map((u) => u.household.village_code),
  );
  const visible = seesIdentifiers(ctx);
  return {
    items: found.map((u) => {
      const name = nameOf(u);
      return {
        unitKind: u.unitKind,
        unitId: u.unitId,
        name: visible ? name : maskName(name),
        kk: u.unitKind === 'person' ? null : visible ? u.household.kk_number : maskNik(u.household.kk_number),
        regionCode: u.household.village_code,
        villageName: villages.get(u.household.village_code) ?? null,
      };
    }),
    nextCursor: end || last === null ? null : encodeCursor(['uuid'], [last]),
  };
}

/**
 * Enrolments not ended (enrolled, pending their account, suspended) in the caller's regions whose
 * unit no longer passes the programme's rules today, with the rules it fails, in enrolment id
 * order. A page reads at most 5,000 enrolments.
 */
export async function enrolledNotEligible(
  ctx: Context,
  programmeIdOrCode: string,
  query: UnitListQuery,
): Promise<Z<typeof enrolledNotEligibleSchema>> {
  assertRole(ctx, AID_READERS);
  const programme = await programmeOr404(ctx, programmeIdOrCode);
  const where = await regionFilter(ctx, query.region);
  const today = businessDate(ctx.clock);
  let afterId = query.cursor ? decodeCursor(query.cursor, ['uuid'])[0] : null;
  const found: (Evaluated & { enrolmentId: string; regionCode: string })[] = [];
  let scanned = 0;
  let end = false;
  while (found.length < query.limit && scanned < SCAN_PER_PAGE) {
    const enrolments = await findCurrentEnrolmentPage(ctx.db, { ...where, programmeId: programme.row.id, afterId, limit: SCAN_CHUNK });
    scanned += SCAN_CHUNK;
    const households = new Map(
      (
        await householdRowsByIds(
          ctx.db,
          enrolments.map((e) => e.unit_household_id),
        )
      ).map((h) => [h.id, h]),
    );
    const units = enrolments.flatMap((e) => {
      const household = households.get(e.unit_household_id);
      return household
        ? [{ kind: e.person_id === null ? ('household' as const) : ('person' as const), id: e.person_id ?? household.id, household }]
        : [];
    });
    const evaluated = await evaluateUnits(ctx.db, programme, units, today);
    const byUnit = new Map(evaluated.map((u) => [`${u.unitKind}:${u.unitId}`, u]));
    for (const e of enrolments) {
      if (found.length === query.limit) break;
      afterId = e.id;
      const unit = byUnit.get(e.person_id === null ? `household:${e.unit_household_id}` : `person:${e.person_id}`);
      if (unit && !unit.eligibility.eligible) found.push({ ...unit, enrolmentId: e.id, regionCode: e.village_code });
    }
    if (enrolments.length < SCAN_CHUNK && found.length < query.limit) {
      end = true;
      break;
    }
  }
  const nameOf = await unitNames(ctx.db, found);
  const villages = await villageNamesOf(
    ctx.db,
    found.map((u) => u.regionCode),
  );
  const visible = seesIdentifiers(ctx);
  return {
    items: found.map((u) => {
      const name = nameOf(u);
      return {
        enrolmentId: u.enrolmentId,
        unitKind: u.unitKind,
        unitId: u.unitId,
        name: visible ? name : maskName(name),
        regionCode: u.regionCode,
        villageName: villages.get(u.regionCode) ?? null,
        failedRules: u.eligibility.rules
          .filter((r) => !r.passed)
          .map((r) => ({ rule: r.rule, value: r.value, required: r.required, message: wordsOf(r.message, ctx.locale) })),
      };
    }),
    nextCursor: end || afterId === null ? null : encodeCursor(['uuid'], [afterId]),
  };
}

/**
 * Rollout progress of a programme by province, regency or district (within `parent`, within the
 * caller's regions): units eligible today (the whole registry in scope is evaluated, narrowed in
 * SQL by decile and cards), enrolled (enrolled or pending their account), and the cycle's
 * entitlements (not excluded), paid, failed or returned; priority regions first.
 */
export async function rolloutProgress(ctx: Context, programmeIdOrCode: string, query: ProgressQuery): Promise<ProgressView> {
  assertRole(ctx, AID_READERS);
  const programme = await programmeOr404(ctx, programmeIdOrCode);
  const prefix = REVIEW_PREFIX[query.level];
  if (query.parent !== undefined && query.parent.length >= prefix) throw invalid('aid.progress_parent_level', 'parent');
  const where = await regionFilter(ctx, query.parent);
  const cycle = await reportCycleOf(ctx, programme, query.cycle);
  const today = businessDate(ctx.clock);

  const counts = new Map<string, ProgressCounts>();
  const at = (code: string) => {
    const row = counts.get(code) ?? { eligible: 0, enrolled: 0, entitled: 0, paid: 0, failed: 0 };
    counts.set(code, row);
    return row;
  };
  let afterId: string | null = null;
  for (;;) {
    const chunk = await unitChunk(ctx.db, programme, where, afterId, { prefilter: true, today });
    for (const unit of chunk.units) if (unit.eligibility.eligible) at(unit.household.village_code.slice(0, prefix)).eligible += 1;
    afterId = chunk.last;
    if (!chunk.full) break;
  }
  for (const row of await enrolledByRegion(ctx.db, { ...where, programmeId: programme.row.id, prefix })) at(row.code).enrolled += row.count;
  if (cycle)
    for (const row of await entitlementsByRegion(ctx.db, { ...where, cycleId: cycle.id, prefix })) {
      const into = at(row.code);
      into.entitled += row.entitled;
      into.paid += row.paid;
      into.failed += row.failed;
    }

  const result = progressRows({
    counts,
    prefix,
    parent: query.parent ?? null,
    priorityRegions: programme.row.priority_regions,
    scope: actorScope(ctx),
  });
  const names = await villageNamesOf(
    ctx.db,
    result.rows.map((r) => r.regionCode),
  );
  return {
    level: query.level,
    parent: query.parent ?? null,
    cycle: cycle ? { id: cycle.id, name: cycle.name, periodStart: cycle.period_start, periodEnd: cycle.period_end } : null,
    rows: result.rows.map((r) => ({ ...r, regionName: names.get(r.regionCode) ?? r.regionCode })),
    totals: result.totals,
  };
}

/** The progress report as a PDF (table and bar chart) or an Excel workbook, in Bahasa Indonesia. */
export async function progressFile(
  ctx: Context,
  programmeIdOrCode: string,
  query: ProgressQuery,
  format: 'pdf' | 'xlsx',
): Promise<{ body: Buffer; fileName: string }> {
  const view = await rolloutProgress(ctx, programmeIdOrCode, query);
  const programme = (await loadProgramme(ctx.db, programmeIdOrCode)) as LoadedProgramme;
  const document = {
    ...view,
    organisation: (await getOrganisation(ctx.db))?.name ?? 'Jaring',
    programme: programme.row.name_id,
    printedOn: businessDate(ctx.clock),
  };
  const body = format === 'pdf' ? await renderProgressPdf(document) : await renderProgressXlsx(document);
  return { body, fileName: `kemajuan-${programme.row.code}-${view.level}${view.parent ? `-${view.parent}` : ''}.${format}` };
}

/** Enrolments and payment history of some units, with names in the caller's language. */
async function unitAid(
  ctx: Context,
  units: { householdIds: string[]; personIds: string[]; unitHouseholdId?: string },
): Promise<UnitAidView> {
  const enrolments = await findEnrolmentsOfUnits(ctx.db, units);
  const payments = await findPaymentsOfEnrolments(
    ctx.db,
    enrolments.map((e) => e.id),
  );
  const names = new Map(
    (
      await personNamesOf(
        ctx.db,
        enrolments.map((e) => e.recipient_id),
      )
    ).map((p) => [p.id, p.full_name]),
  );
  return {
    enrolments: enrolments.map((e) => ({
      enrolmentId: e.id,
      programmeId: e.programme_id,
      programmeName: ctx.locale === 'en' ? e.name_en : e.name_id,
      status: e.status,
      unitKind: e.person_id === null ? 'household' : 'person',
      recipientName: names.get(e.recipient_id) ?? '',
      channel: e.channel,
      enrolledOn: e.enrolled_on,
    })),
    payments: payments.map((p) => ({
      cycleId: p.cycle_id,
      cycleName: p.cycle_name,
      periodStart: p.period_start,
      periodEnd: p.period_end,
      amount: p.amount,
      status: p.status,
      paidOn: p.paid_on,
      reference: p.reference,
      channel: p.channel,
    })),
  };
}

/** A person's programmes (their own, and their family's) and payment history; scoped like the person's record. */
export async function personAid(ctx: Context, personId: string): Promise<UnitAidView> {
  assertRole(ctx, AID_READERS);
  const person = await findPersonForActor(ctx, ctx.db, personId);
  if (!person) throw notFound('person', personId);
  return unitAid(ctx, { householdIds: [person.household_id], personIds: [person.id] });
}

/** A family's programmes (the family's and its members') and payment history; scoped like the household's record. */
export async function householdAid(ctx: Context, householdId: string): Promise<UnitAidView> {
  assertRole(ctx, AID_READERS);
  const household = await householdById(ctx.db, householdId);
  if (!household || !regionInScope(actorScope(ctx), household.village_code)) throw notFound('household', householdId);
  const members = await householdMembers(ctx.db, household.id);
  return unitAid(ctx, { householdIds: [household.id], personIds: members.map((m) => m.id), unitHouseholdId: household.id });
}
