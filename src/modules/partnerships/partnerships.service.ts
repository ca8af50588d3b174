import { createHash } from 'node:crypto';
import { actorName, actorScope, assertRole, type Context, inTransaction } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { addDays } from '../../core/dates.ts';
import { AppError, conflict, type FieldError, invalid, notFound } from '../../core/errors.ts';
import { uuidv7 } from '../../core/ids.ts';
import { sumRupiah } from '../../core/money.ts';
import { officeInScope, regionInScope, regionLikePatterns } from '../../core/scope.ts';
import type { Queryable } from '../../db/database.ts';
import { recordAudit } from '../audit/index.ts';
import { villageHealthOutcome } from '../health/index.ts';
import { officesByIds, resolveOfficeForActor } from '../organisation/index.ts';
import { unknownRegionCodes } from '../regions/index.ts';
import {
  activityCounts,
  advanceProblem,
  canEvaluate,
  daysLeft,
  meanScore,
  missingToLeave,
  nextStep,
  outcomeWindows,
  PARTNER_KINDS,
  resourceTotals,
  STEPS,
  type Step,
  type StepFacts,
} from './partnership.rules.ts';
import type {
  ActivityInput,
  AgreementInput,
  AgreementView,
  CommunicationInput,
  EvaluationInput,
  MonitoringQuery,
  MonitoringView,
  PartnerInput,
  PartnerPatch,
  PartnershipInput,
  PartnershipPatch,
  PartnershipSummary,
  PartnershipView,
  PartnerView,
  ResourceInput,
} from './partnership.schema.ts';
import { PARTNERSHIP_MANAGERS, PARTNERSHIP_READERS } from './partnerships.roles.ts';
import {
  findActivities,
  findActivityPartners,
  findAgreementDocument,
  findAgreementNumber,
  findAgreementParties,
  findAgreements,
  findCommunications,
  findEvaluations,
  findMembers,
  findPartner,
  findPartnersByIds,
  findPartnership,
  findResources,
  findResourcesOfPartner,
  findSteps,
  findVillages,
  insertActivity,
  insertAgreement,
  insertCommunication,
  insertEvaluation,
  insertPartner,
  insertPartnership,
  insertResource,
  insertStep,
  listPartnerRows,
  listPartnershipRows,
  lockPartnership,
  replaceVillages,
  type StoreScope,
  setAgreementDocument,
  updatePartner,
  updatePartnership,
  upsertMember,
} from './partnerships.store.ts';

/** An agreement's signed PDF: at most 5 MiB (a scanned MoU of a few pages). */
export const DOCUMENT_MAX_BYTES = 5_242_880;

type PartnerRow = NonNullable<Awaited<ReturnType<typeof findPartner>>>;
type PartnershipRow = NonNullable<Awaited<ReturnType<typeof findPartnership>>>;

const now = (ctx: Context) => ctx.clock.now();
const newId = (ctx: Context) => uuidv7(now(ctx).getTime());

function storeScope(ctx: Context): StoreScope {
  const scope = actorScope(ctx);
  if (scope.kind === 'all') return { officeIds: null, regionPatterns: null };
  return { officeIds: scope.officeIds, regionPatterns: regionLikePatterns(scope) };
}

/** The office a new record belongs to: the one named (in scope), else the actor's first. */
async function officeFor(ctx: Context, db: Queryable, officeCode: string | undefined): Promise<string> {
  if (officeCode !== undefined) return resolveOfficeForActor(ctx, db, officeCode, 'officeCode');
  const first = ctx.actor.kind === 'user' ? ctx.actor.offices[0] : undefined;
  if (!first) throw invalid('users.unknown_office', 'officeCode', { code: '' });
  return first.id;
}

/** Target villages: real village codes inside the actor's regions; each other one refused on its index. */
async function checkVillages(ctx: Context, db: Queryable, codes: string[]) {
  const scope = actorScope(ctx);
  const unknown = new Set(await unknownRegionCodes(db, codes));
  const errors: FieldError[] = codes.flatMap((code, i) =>
    unknown.has(code) || !regionInScope(scope, code)
      ? [{ field: `villageCodes.${i}`, code: 'registry.village_unknown', params: { code } }]
      : [],
  );
  if (errors.length > 0) throw new AppError('common.validation_failed', 'invalid', { errors });
}

async function partnerInScope(ctx: Context, db: Queryable, id: string): Promise<PartnerRow> {
  const row = await findPartner(db, id);
  if (!row || !officeInScope(actorScope(ctx), row.office_id)) throw notFound('partner', id);
  return row;
}

/** Partners named in a body: each must be a partner of the actor's offices (unknown and out of scope alike). */
async function checkPartnerRefs(ctx: Context, db: Queryable, ids: string[], field: string) {
  const rows = new Map((await findPartnersByIds(db, [...new Set(ids)])).map((r) => [r.id, r]));
  const scope = actorScope(ctx);
  const errors: FieldError[] = ids.flatMap((id, i) => {
    const row = rows.get(id);
    return row && officeInScope(scope, row.office_id)
      ? []
      : [{ field: ids.length === 1 && field.endsWith('Id') ? field : `${field}.${i}`, code: 'partnerships.partner_unknown' }];
  });
  if (errors.length > 0) throw new AppError('common.validation_failed', 'invalid', { errors });
}

/** Partners named in a body that must already be members of the partnership. */
async function checkMembers(ctx: Context, db: Queryable, partnershipId: string, ids: string[], field: string) {
  await checkPartnerRefs(ctx, db, ids, field);
  const members = new Set((await findMembers(db, [partnershipId])).map((m) => m.partner_id));
  const errors: FieldError[] = ids.flatMap((id, i) =>
    members.has(id) ? [] : [{ field: field.endsWith('Id') ? field : `${field}.${i}`, code: 'partnerships.not_a_member' }],
  );
  if (errors.length > 0) throw new AppError('common.validation_failed', 'invalid', { errors });
}

async function partnershipInScope(ctx: Context, db: Queryable, id: string): Promise<PartnershipRow> {
  const [row] = await listPartnershipRows(db, storeScope(ctx), { ids: [id] });
  if (!row) throw notFound('partnership', id);
  return row;
}

// ---- partners

async function partnerView(db: Queryable, row: PartnerRow): Promise<PartnerView> {
  const offices = await officesByIds(db, [row.office_id]);
  const resources = await findResourcesOfPartner(db, row.id);
  return {
    ...partnerSummary(row, offices.get(row.office_id)?.code ?? ''),
    resources: resources.map((r) => ({
      id: r.id,
      partnershipId: r.partnership_id,
      partnershipTitle: r.title,
      kind: r.kind,
      description: r.description,
      amount: r.amount,
      quantity: r.quantity,
    })),
    moneyTotal: sumRupiah(resources.filter((r) => r.kind === 'money').map((r) => r.amount ?? '0')).toString(),
  };
}

const partnerSummary = (row: PartnerRow, officeCode: string) => ({
  id: row.id,
  officeCode,
  name: row.name,
  kind: row.kind,
  pillar: row.pillar,
  widerElement: row.wider_element,
  contactName: row.contact_name,
  contactPhone: row.contact_phone,
  contactEmail: row.contact_email,
  address: row.address,
});

export async function createPartner(ctx: Context, input: PartnerInput): Promise<PartnerView> {
  assertRole(ctx, PARTNERSHIP_MANAGERS);
  const officeId = await officeFor(ctx, ctx.db, input.officeCode);
  const id = newId(ctx);
  return inTransaction(ctx, async (tx) => {
    await insertPartner(tx, {
      id,
      office_id: officeId,
      name: input.name,
      kind: input.kind,
      pillar: input.pillar,
      wider_element: input.widerElement,
      contact_name: input.contactName,
      contact_phone: input.contactPhone,
      contact_email: input.contactEmail,
      address: input.address,
    });
    await recordAudit(tx, ctx, { action: 'partnerships.partner.create', entityType: 'partner', entityId: id, officeId, after: input });
    return partnerView(tx, (await findPartner(tx, id)) as PartnerRow);
  });
}

export async function changePartner(ctx: Context, id: string, patch: PartnerPatch): Promise<PartnerView> {
  assertRole(ctx, PARTNERSHIP_MANAGERS);
  const before = await partnerInScope(ctx, ctx.db, id);
  const pillar = patch.pillar ?? before.pillar;
  const widerElement = patch.widerElement === undefined ? before.wider_element : patch.widerElement;
  if ((pillar === 'wider') !== (widerElement !== null))
    throw invalid(pillar === 'wider' ? 'partnerships.wider_element_required' : 'partnerships.wider_element_only_wider', 'widerElement');
  return inTransaction(ctx, async (tx) => {
    await updatePartner(tx, id, {
      ...(patch.name === undefined ? {} : { name: patch.name }),
      ...(patch.kind === undefined ? {} : { kind: patch.kind }),
      pillar,
      wider_element: widerElement,
      ...(patch.contactName === undefined ? {} : { contact_name: patch.contactName }),
      ...(patch.contactPhone === undefined ? {} : { contact_phone: patch.contactPhone }),
      ...(patch.contactEmail === undefined ? {} : { contact_email: patch.contactEmail }),
      ...(patch.address === undefined ? {} : { address: patch.address }),
      updated_at: now(ctx),
    });
    await recordAudit(tx, ctx, {
      action: 'partnerships.partner.change',
      entityType: 'partner',
      entityId: id,
      officeId: before.office_id,
      before: partnerSummary(before, ''),
      after: patch,
    });
    return partnerView(tx, (await findPartner(tx, id)) as PartnerRow);
  });
}

export async function getPartner(ctx: Context, id: string): Promise<PartnerView> {
  assertRole(ctx, PARTNERSHIP_READERS);
  return partnerView(ctx.db, await partnerInScope(ctx, ctx.db, id));
}

export async function listPartners(ctx: Context, query: { kind?: string; pillar?: string }) {
  assertRole(ctx, PARTNERSHIP_READERS);
  const rows = await listPartnerRows(ctx.db, { officeIds: storeScope(ctx).officeIds, ...query });
  const offices = await officesByIds(
    ctx.db,
    rows.map((r) => r.office_id),
  );
  return { items: rows.map((r) => partnerSummary(r, offices.get(r.office_id)?.code ?? '')) };
}

// ---- partnerships

async function summaries(db: Queryable, rows: PartnershipRow[]): Promise<PartnershipSummary[]> {
  const ids = rows.map((r) => r.id);
  const offices = await officesByIds(
    db,
    rows.map((r) => r.office_id),
  );
  const villages = await findVillages(db, ids);
  const members = await findMembers(db, ids);
  return rows.map((r) => ({
    id: r.id,
    officeCode: offices.get(r.office_id)?.code ?? '',
    title: r.title,
    startedOn: r.started_on,
    step: r.step,
    partners: members.filter((m) => m.partnership_id === r.id).length,
    villageCodes: villages.filter((v) => v.partnership_id === r.id).map((v) => v.village_code),
  }));
}

async function stepFacts(db: Queryable, row: PartnershipRow, today: string): Promise<StepFacts> {
  const members = await findMembers(db, [row.id]);
  const activities = await findActivities(db, [row.id]);
  return {
    partners: members.length,
    partnersWithoutRole: members.filter((m) => m.responsibilities.trim() === '').length,
    explorationNotes: row.exploration_notes,
    vision: row.vision,
    goals: row.goals,
    communications: (await findCommunications(db, [row.id])).length,
    activitiesCarriedOut: activities.filter((a) => a.held_on <= today).length,
  };
}

async function agreementViews(db: Queryable, rows: Awaited<ReturnType<typeof findAgreements>>, today: string): Promise<AgreementView[]> {
  const parties = await findAgreementParties(
    db,
    rows.map((r) => r.id),
  );
  const titles = new Map(
    (
      await listPartnershipRows(db, { officeIds: null, regionPatterns: null }, { ids: [...new Set(rows.map((r) => r.partnership_id))] })
    ).map((p) => [p.id, p.title]),
  );
  return rows.map((r) => ({
    id: r.id,
    partnershipId: r.partnership_id,
    partnershipTitle: titles.get(r.partnership_id) ?? '',
    number: r.number,
    title: r.title,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    daysLeft: daysLeft(r.ends_on, today),
    parties: parties.filter((p) => p.agreement_id === r.id).map((p) => ({ id: p.id, name: p.name })),
    document:
      r.document_sha256 && r.document_bytes !== null
        ? { url: `/api/v1/partnerships/agreements/${r.id}/document`, bytes: Number(r.document_bytes), sha256: r.document_sha256 }
        : null,
  }));
}

async function partnershipView(ctx: Context, db: Queryable, row: PartnershipRow): Promise<PartnershipView> {
  const today = businessDate(ctx.clock);
  const [summary] = await summaries(db, [row]);
  const members = await findMembers(db, [row.id]);
  const activities = await findActivities(db, [row.id]);
  const activityPartners = await findActivityPartners(
    db,
    activities.map((a) => a.id),
  );
  const next = nextStep(row.step);
  return {
    ...(summary as PartnershipSummary),
    explorationNotes: row.exploration_notes,
    vision: row.vision,
    goals: row.goals,
    missingToAdvance: next ? missingToLeave(row.step, await stepFacts(db, row, today)) : [],
    nextStep: next,
    steps: (await findSteps(db, row.id))
      .sort((a, b) => STEPS.indexOf(a.step) - STEPS.indexOf(b.step))
      .map((s) => ({ step: s.step, enteredOn: s.entered_on, enteredBy: s.entered_by, note: s.note })),
    members: members.map((m) => ({
      partnerId: m.partner_id,
      name: m.name,
      kind: m.kind,
      pillar: m.pillar,
      responsibilities: m.responsibilities,
      joinedOn: m.joined_on,
    })),
    resources: (await findResources(db, [row.id])).map((r) => ({
      id: r.id,
      partnerId: r.partner_id,
      kind: r.kind,
      description: r.description,
      amount: r.amount === null ? null : String(r.amount),
      quantity: r.quantity,
    })),
    communications: (await findCommunications(db, [row.id])).map((c) => ({
      id: c.id,
      heldOn: c.held_on,
      channel: c.channel,
      summary: c.summary,
      partnerIds: c.partner_ids,
    })),
    activities: activities.map((a) => ({
      id: a.id,
      kind: a.kind,
      title: a.title,
      heldOn: a.held_on,
      place: a.place,
      participants: a.participants,
      notes: a.notes,
      partners: activityPartners.filter((p) => p.activity_id === a.id).map((p) => ({ id: p.id, name: p.name })),
    })),
    evaluations: (await findEvaluations(db, [row.id])).map((e) => ({
      id: e.id,
      evaluatedOn: e.evaluated_on,
      equity: e.equity,
      transparency: e.transparency,
      mutualBenefit: e.mutual_benefit,
      findings: e.findings,
      recommendations: e.recommendations,
      evaluatedBy: e.evaluated_by,
    })),
    agreements: await agreementViews(db, await findAgreements(db, { partnershipIds: [row.id] }), today),
  };
}

export async function createPartnership(ctx: Context, input: PartnershipInput): Promise<PartnershipView> {
  assertRole(ctx, PARTNERSHIP_MANAGERS);
  const officeId = await officeFor(ctx, ctx.db, input.officeCode);
  const villages = [...new Set(input.villageCodes)];
  await checkVillages(ctx, ctx.db, villages);
  const id = newId(ctx);
  return inTransaction(ctx, async (tx) => {
    await insertPartnership(tx, {
      id,
      office_id: officeId,
      title: input.title,
      started_on: input.startedOn,
      exploration_notes: input.explorationNotes,
      vision: '',
      goals: '',
    });
    await replaceVillages(tx, id, villages);
    await insertStep(tx, {
      partnership_id: id,
      step: 'penjajakan',
      entered_on: businessDate(ctx.clock),
      entered_by: actorName(ctx.actor),
      note: '',
    });
    await recordAudit(tx, ctx, { action: 'partnerships.create', entityType: 'partnership', entityId: id, officeId, after: input });
    return partnershipView(ctx, tx, (await findPartnership(tx, id)) as PartnershipRow);
  });
}

export async function changePartnership(ctx: Context, id: string, patch: PartnershipPatch): Promise<PartnershipView> {
  assertRole(ctx, PARTNERSHIP_MANAGERS);
  const before = await partnershipInScope(ctx, ctx.db, id);
  const villages = patch.villageCodes === undefined ? undefined : [...new Set(patch.villageCodes)];
  if (villages) await checkVillages(ctx, ctx.db, villages);
  return inTransaction(ctx, async (tx) => {
    await lockPartnership(tx, id);
    await updatePartnership(tx, id, {
      ...(patch.title === undefined ? {} : { title: patch.title }),
      ...(patch.startedOn === undefined ? {} : { started_on: patch.startedOn }),
      ...(patch.explorationNotes === undefined ? {} : { exploration_notes: patch.explorationNotes }),
      ...(patch.vision === undefined ? {} : { vision: patch.vision }),
      ...(patch.goals === undefined ? {} : { goals: patch.goals }),
      updated_at: now(ctx),
    });
    if (villages) await replaceVillages(tx, id, villages);
    await recordAudit(tx, ctx, {
      action: 'partnerships.change',
      entityType: 'partnership',
      entityId: id,
      officeId: before.office_id,
      before: { title: before.title, startedOn: before.started_on, vision: before.vision, goals: before.goals },
      after: patch,
    });
    return partnershipView(ctx, tx, (await findPartnership(tx, id)) as PartnershipRow);
  });
}

export async function getPartnership(ctx: Context, id: string): Promise<PartnershipView> {
  assertRole(ctx, PARTNERSHIP_READERS);
  return partnershipView(ctx, ctx.db, await partnershipInScope(ctx, ctx.db, id));
}

export async function listPartnerships(ctx: Context, query: { step?: Step }) {
  assertRole(ctx, PARTNERSHIP_READERS);
  return { items: await summaries(ctx.db, await listPartnershipRows(ctx.db, storeScope(ctx), query)) };
}

/** The board: the partnerships in scope in a column per step, in the steps' order. */
export async function partnershipBoard(ctx: Context) {
  const { items } = await listPartnerships(ctx, {});
  return { columns: STEPS.map((step) => ({ step, items: items.filter((p) => p.step === step) })) };
}

/** Adds a partner to the roles matrix, or changes what it does there. */
export async function setMember(ctx: Context, id: string, partnerId: string, responsibilities: string): Promise<PartnershipView> {
  assertRole(ctx, PARTNERSHIP_MANAGERS);
  const row = await partnershipInScope(ctx, ctx.db, id);
  await partnerInScope(ctx, ctx.db, partnerId);
  return inTransaction(ctx, async (tx) => {
    await lockPartnership(tx, id);
    await upsertMember(tx, { partnership_id: id, partner_id: partnerId, responsibilities, joined_on: businessDate(ctx.clock) });
    await recordAudit(tx, ctx, {
      action: 'partnerships.member',
      entityType: 'partnership',
      entityId: id,
      officeId: row.office_id,
      after: { partnerId, responsibilities },
    });
    return partnershipView(ctx, tx, row);
  });
}

export async function addResource(ctx: Context, id: string, input: ResourceInput): Promise<PartnershipView> {
  assertRole(ctx, PARTNERSHIP_MANAGERS);
  const row = await partnershipInScope(ctx, ctx.db, id);
  await checkMembers(ctx, ctx.db, id, [input.partnerId], 'partnerId');
  return inTransaction(ctx, async (tx) => {
    const resourceId = newId(ctx);
    await insertResource(tx, {
      id: resourceId,
      partnership_id: id,
      partner_id: input.partnerId,
      kind: input.kind,
      description: input.description,
      amount: input.kind === 'money' ? (input.amount ?? null) : null,
      quantity: input.quantity ?? null,
    });
    await recordAudit(tx, ctx, {
      action: 'partnerships.resource',
      entityType: 'partnership',
      entityId: id,
      officeId: row.office_id,
      after: input,
    });
    return partnershipView(ctx, tx, row);
  });
}

/** Moves a partnership to the next step once the current one has what it needs (partnership.rules.ts). */
export async function advancePartnership(ctx: Context, id: string, input: { to: Step; note: string }): Promise<PartnershipView> {
  assertRole(ctx, PARTNERSHIP_MANAGERS);
  await partnershipInScope(ctx, ctx.db, id);
  const today = businessDate(ctx.clock);
  return inTransaction(ctx, async (tx) => {
    const row = (await lockPartnership(tx, id)) as PartnershipRow;
    const problem = advanceProblem(row.step, input.to, await stepFacts(tx, row, today));
    if (problem) throw conflict(problem, 'to', { next: nextStep(row.step) ?? '' });
    await updatePartnership(tx, id, { step: input.to, updated_at: now(ctx) });
    await insertStep(tx, { partnership_id: id, step: input.to, entered_on: today, entered_by: actorName(ctx.actor), note: input.note });
    await recordAudit(tx, ctx, {
      action: 'partnerships.advance',
      entityType: 'partnership',
      entityId: id,
      officeId: row.office_id,
      before: { step: row.step },
      after: { step: input.to, note: input.note },
    });
    return partnershipView(ctx, tx, (await findPartnership(tx, id)) as PartnershipRow);
  });
}

export async function logCommunication(ctx: Context, id: string, input: CommunicationInput): Promise<PartnershipView> {
  assertRole(ctx, PARTNERSHIP_MANAGERS);
  const row = await partnershipInScope(ctx, ctx.db, id);
  const partnerIds = [...new Set(input.partnerIds)];
  await checkMembers(ctx, ctx.db, id, partnerIds, 'partnerIds');
  return inTransaction(ctx, async (tx) => {
    await insertCommunication(tx, {
      id: newId(ctx),
      partnership_id: id,
      held_on: input.heldOn,
      channel: input.channel,
      summary: input.summary,
      partner_ids: partnerIds,
      recorded_by: actorName(ctx.actor),
    });
    await recordAudit(tx, ctx, {
      action: 'partnerships.communication',
      entityType: 'partnership',
      entityId: id,
      officeId: row.office_id,
      after: input,
    });
    return partnershipView(ctx, tx, row);
  });
}

export async function recordActivity(ctx: Context, id: string, input: ActivityInput): Promise<PartnershipView> {
  assertRole(ctx, PARTNERSHIP_MANAGERS);
  const row = await partnershipInScope(ctx, ctx.db, id);
  const partnerIds = [...new Set(input.partnerIds)];
  await checkMembers(ctx, ctx.db, id, partnerIds, 'partnerIds');
  return inTransaction(ctx, async (tx) => {
    await insertActivity(
      tx,
      {
        id: newId(ctx),
        partnership_id: id,
        kind: input.kind,
        title: input.title,
        held_on: input.heldOn,
        place: input.place,
        participants: input.participants,
        notes: input.notes,
      },
      partnerIds,
    );
    await recordAudit(tx, ctx, {
      action: 'partnerships.activity',
      entityType: 'partnership',
      entityId: id,
      officeId: row.office_id,
      after: input,
    });
    return partnershipView(ctx, tx, row);
  });
}

/** Scores the three principles: only at the monitoring and evaluation step. */
export async function recordEvaluation(ctx: Context, id: string, input: EvaluationInput): Promise<PartnershipView> {
  assertRole(ctx, PARTNERSHIP_MANAGERS);
  await partnershipInScope(ctx, ctx.db, id);
  return inTransaction(ctx, async (tx) => {
    const row = (await lockPartnership(tx, id)) as PartnershipRow;
    if (!canEvaluate(row.step)) throw conflict('partnerships.evaluation_not_yet', 'evaluatedOn');
    await insertEvaluation(tx, {
      id: newId(ctx),
      partnership_id: id,
      evaluated_on: input.evaluatedOn,
      equity: input.equity,
      transparency: input.transparency,
      mutual_benefit: input.mutualBenefit,
      findings: input.findings,
      recommendations: input.recommendations,
      evaluated_by: actorName(ctx.actor),
    });
    await recordAudit(tx, ctx, {
      action: 'partnerships.evaluation',
      entityType: 'partnership',
      entityId: id,
      officeId: row.office_id,
      after: input,
    });
    return partnershipView(ctx, tx, row);
  });
}

// ---- agreements

export async function addAgreement(ctx: Context, id: string, input: AgreementInput): Promise<PartnershipView> {
  assertRole(ctx, PARTNERSHIP_MANAGERS);
  const row = await partnershipInScope(ctx, ctx.db, id);
  const partnerIds = [...new Set(input.partnerIds)];
  await checkMembers(ctx, ctx.db, id, partnerIds, 'partnerIds');
  return inTransaction(ctx, async (tx) => {
    await lockPartnership(tx, id);
    if (await findAgreementNumber(tx, id, input.number))
      throw conflict('partnerships.agreement_number_taken', 'number', { number: input.number });
    await insertAgreement(
      tx,
      { id: newId(ctx), partnership_id: id, number: input.number, title: input.title, starts_on: input.startsOn, ends_on: input.endsOn },
      partnerIds,
    );
    await recordAudit(tx, ctx, {
      action: 'partnerships.agreement',
      entityType: 'partnership',
      entityId: id,
      officeId: row.office_id,
      after: input,
    });
    return partnershipView(ctx, tx, row);
  });
}

async function agreementInScope(ctx: Context, db: Queryable, agreementId: string) {
  const found = await findAgreementDocument(db, agreementId);
  if (!found) throw notFound('agreement', agreementId);
  const [partnership] = await listPartnershipRows(db, storeScope(ctx), { ids: [found.partnership_id] });
  if (!partnership) throw notFound('agreement', agreementId);
  return { ...found, partnership };
}

/**
 * Is it a whole PDF? It begins with the magic bytes `%PDF-` and has its `%%EOF` marker in its last
 * kilobyte (a file cut short by a failed upload has not): the declared type is not trusted.
 */
export function pdfProblem(bytes: Buffer): 'partnerships.document_not_pdf' | 'partnerships.document_truncated' | null {
  if (bytes.length < 8 || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') return 'partnerships.document_not_pdf';
  if (
    !bytes
      .subarray(Math.max(0, bytes.length - 1024))
      .toString('latin1')
      .includes('%%EOF')
  )
    return 'partnerships.document_truncated';
  return null;
}

/** Uploads (or replaces) an agreement's signed PDF. */
export async function uploadAgreementDocument(ctx: Context, agreementId: string, bytes: Buffer): Promise<AgreementView> {
  assertRole(ctx, PARTNERSHIP_MANAGERS);
  const found = await agreementInScope(ctx, ctx.db, agreementId);
  if (!Buffer.isBuffer(bytes)) throw invalid('partnerships.document_not_pdf', 'document');
  if (bytes.length > DOCUMENT_MAX_BYTES)
    throw new AppError('common.body_too_large', 'too_large', { params: { limit: DOCUMENT_MAX_BYTES } });
  const problem = pdfProblem(bytes);
  if (problem) throw invalid(problem, 'document');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return inTransaction(ctx, async (tx) => {
    await setAgreementDocument(tx, agreementId, bytes, sha256, now(ctx));
    await recordAudit(tx, ctx, {
      action: 'partnerships.agreement_document',
      entityType: 'partnership_agreement',
      entityId: agreementId,
      officeId: found.partnership.office_id,
      after: { bytes: bytes.length, sha256 },
    });
    const [view] = await agreementViews(tx, await findAgreements(tx, { id: agreementId }), businessDate(ctx.clock));
    return view as AgreementView;
  });
}

export async function readAgreementDocument(ctx: Context, agreementId: string): Promise<{ number: string; bytes: Buffer }> {
  assertRole(ctx, PARTNERSHIP_READERS);
  const found = await agreementInScope(ctx, ctx.db, agreementId);
  if (!found.document) throw notFound('agreement_document', agreementId);
  return { number: found.number, bytes: found.document };
}

/** Agreements of the partnerships in scope that end within `days` from today (today included), soonest first. */
export async function expiringAgreements(ctx: Context, query: { days: number }) {
  assertRole(ctx, PARTNERSHIP_READERS);
  const today = businessDate(ctx.clock);
  const partnerships = await listPartnershipRows(ctx.db, storeScope(ctx));
  const rows = await findAgreements(ctx.db, {
    partnershipIds: partnerships.map((p) => p.id),
    endsFrom: today,
    endsTo: addDays(today, query.days),
  });
  return { items: await agreementViews(ctx.db, rows, today) };
}

// ---- M&E

/**
 * Monitoring and evaluation of one partnership or of all in scope, as a system (seed 004): input
 * (partners, resources), process (meetings, workshops, agreements, seminars, communications),
 * output (the network, agreements in force, joint programmes, activities carried out) and outcome,
 * read from the health records of the target villages in the actor's regions, before and after
 * the (earliest) start.
 */
export async function partnershipMonitoring(ctx: Context, query: MonitoringQuery): Promise<MonitoringView> {
  assertRole(ctx, PARTNERSHIP_READERS);
  const db = ctx.db;
  const today = businessDate(ctx.clock);
  const rows = query.partnershipId
    ? [await partnershipInScope(ctx, db, query.partnershipId)]
    : await listPartnershipRows(db, storeScope(ctx));
  const ids = rows.map((r) => r.id);
  const [members, resources, communications, activities, evaluations, agreements, villages] = [
    await findMembers(db, ids),
    await findResources(db, ids),
    await findCommunications(db, ids),
    await findActivities(db, ids),
    await findEvaluations(db, ids),
    await findAgreements(db, { partnershipIds: ids }),
    await findVillages(db, ids),
  ];
  const partnerKinds = new Map(members.map((m) => [m.partner_id, m.kind]));
  const networked = new Set(members.filter((m) => m.responsibilities.trim() !== '').map((m) => m.partner_id));
  const totals = resourceTotals(
    resources.map((r) => ({ kind: r.kind, amount: r.amount === null ? null : String(r.amount), quantity: r.quantity })),
  );
  const counts = activityCounts(
    activities.map((a) => ({ kind: a.kind, heldOn: a.held_on })),
    today,
  );
  // The latest evaluation of each partnership speaks for it.
  const latest = new Map<string, (typeof evaluations)[number]>();
  for (const e of evaluations) if (!latest.has(e.partnership_id)) latest.set(e.partnership_id, e);
  const scored = [...latest.values()];

  const scope = actorScope(ctx);
  const villageCodes = [...new Set(villages.map((v) => v.village_code))].filter((code) => regionInScope(scope, code)).sort();
  const startedOn = rows.length === 0 ? null : (rows.map((r) => r.started_on).sort()[0] ?? null);
  let before = null;
  let after = null;
  if (startedOn && villageCodes.length > 0) {
    const windows = outcomeWindows(startedOn, today);
    before = await villageHealthOutcome(db, { villageCodes, ...windows.before });
    after = windows.after ? await villageHealthOutcome(db, { villageCodes, ...windows.after }) : null;
  }
  const single = query.partnershipId ? rows[0] : undefined;
  return {
    asOf: today,
    partnershipId: single?.id ?? null,
    title: single?.title ?? null,
    input: {
      partnerships: rows.length,
      partners: partnerKinds.size,
      partnersByKind: Object.fromEntries(PARTNER_KINDS.map((k) => [k, [...partnerKinds.values()].filter((v) => v === k).length])) as Record<
        (typeof PARTNER_KINDS)[number],
        number
      >,
      money: totals.money,
      goods: totals.goods,
      people: totals.people,
      facilities: totals.facilities,
    },
    process: {
      meeting: counts.meeting,
      workshop: counts.workshop,
      agreement: counts.agreement,
      seminar: counts.seminar,
      communications: communications.length,
    },
    output: {
      network: networked.size,
      activeAgreements: agreements.filter((a) => a.starts_on <= today && a.ends_on >= today).length,
      jointProgrammes: counts.joint_programme,
      carriedOut: counts.carriedOut,
      planned: counts.planned,
      byStep: STEPS.map((step) => ({ step, count: rows.filter((r) => r.step === step).length })),
    },
    principles: {
      equity: meanScore(scored.map((e) => e.equity)),
      transparency: meanScore(scored.map((e) => e.transparency)),
      mutualBenefit: meanScore(scored.map((e) => e.mutual_benefit)),
    },
    outcome: { villageCodes, startedOn, before, after },
  };
}
