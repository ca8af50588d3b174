import type { Selectable } from 'kysely';
import { actorScope, assertRole, type Context, inTransaction, type UserActor } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { decodeCursor, encodeCursor } from '../../core/cursor.ts';
import { AppError, type FieldError, invalid, notFound } from '../../core/errors.ts';
import { firstTime, type Idempotent } from '../../core/idempotency.ts';
import { uuidv7 } from '../../core/ids.ts';
import { regionInScope, regionLikePatterns } from '../../core/scope.ts';
import type { Queryable, Tx } from '../../db/database.ts';
import { type AuditRecordType, recordAudit } from '../audit/index.ts';
import { jknParticipantsOf } from '../cadres/index.ts';
import { once } from '../idempotency/index.ts';
import { staffByIds } from '../identity/index.ts';
import { getOrganisation, officesWithRegions } from '../organisation/index.ts';
import { findRegionsByCodes } from '../regions/index.ts';
import { findPersonForActor, householdById, personsByIds } from '../registry/index.ts';
import {
  ageOn,
  checkVitals,
  findIcd10 as findIn,
  icd10Name,
  searchIcd10,
  type VITAL_FIELDS,
  type Vitals,
  vitalFlags,
} from './encounters.rules.ts';
import type { EncounterInput, EncounterView, ReferralOutcomeInput, ReferralView } from './encounters.schema.ts';
import {
  findDiagnosesOf,
  findEncounter,
  findEncountersOfPerson,
  findOpenReferrals,
  findReferral,
  findReferralsOf,
  insertDiagnoses,
  insertEncounter,
  insertReferral,
  updateReferralOutcome,
} from './encounters.store.ts';
import { CLINICAL_READERS, CLINICIANS } from './health.roles.ts';
import type { HealthEncounterTable, ReferralTable } from './health.tables.ts';
import { ICD10 } from './icd10.data.ts';
import { renderReferralLetter } from './referral.pdf.ts';

type EncounterRow = Selectable<HealthEncounterTable>;
type ReferralRow = Selectable<ReferralTable>;
const findIcd10 = (code: string) => findIn(ICD10, code);
type Person = NonNullable<Awaited<ReturnType<typeof findPersonForActor>>>;

const today = (ctx: Context) => businessDate(ctx.clock);

/** The ICD-10 list for a picker: codes by prefix, names in either language (no clinical record in it, so no audit). */
export function searchDiagnoses(ctx: Context, q: string | undefined) {
  assertRole(ctx, CLINICAL_READERS);
  return { items: searchIcd10(ICD10, q ?? '').map((e) => ({ code: e.code, nameId: e.id, nameEn: e.en })) };
}

/** The same checks as the body's schema, for callers that hand a payload over directly (the field sync). */
function assertEncounterInput(input: EncounterInput) {
  const errors: FieldError[] = checkVitals(input.vitals ?? {}).map((p) => ({ field: `vitals.${p.field}`, code: p.code, params: p.params }));
  input.diagnoses.forEach((code, i) => {
    if (!findIcd10(code)) errors.push({ field: `diagnoses.${i}`, code: 'health.unknown_icd10', params: { icd10: code } });
  });
  if (errors.length > 0) throw new AppError('common.validation_failed', 'invalid', { errors });
}

/** A date of a clinical event: not after today, not before birth, not after death. */
function assertEventDate(person: Person, date: string, todayDate: string, field: string) {
  if (date > todayDate) throw invalid('common.date_in_future', field, { date });
  if (date < person.birth_date) throw invalid('health.date_before_birth', field, { birthDate: person.birth_date });
  if (person.died_on !== null && date > person.died_on) throw invalid('health.date_after_death', field, { diedOn: person.died_on });
}

/** The health worker writing the record (an encounter belongs to a worker and an office of theirs covering the village). */
function recordingWorker(ctx: Context, person: Person): { actor: UserActor; officeId: string } {
  if (ctx.actor.kind !== 'user') throw new AppError('health.encounter_by_worker', 'forbidden');
  const actor = ctx.actor;
  const office = actor.offices.find((o) =>
    regionInScope({ kind: 'regions', regionCodes: o.regionCodes, officeIds: [o.id] }, person.village_code),
  );
  if (!office) throw notFound('person', person.id);
  return { actor, officeId: office.id };
}

async function personFor(ctx: Context, db: Queryable, personId: string) {
  const person = await findPersonForActor(ctx, db, personId);
  if (!person) throw notFound('person', personId);
  return person;
}

const num = (value: string | number | null) => (value === null ? null : Number(value));

const referralView = (row: ReferralRow): ReferralView => ({
  id: row.id,
  encounterId: row.encounter_id,
  destinationKind: row.destination_kind,
  destination: row.destination,
  reason: row.reason,
  referredOn: row.referred_on,
  outcome: row.outcome as ReferralView['outcome'],
  outcomeOn: row.outcome_on,
});

/** Views of encounters of one person (diagnoses, referral and worker names in three batched reads). */
async function encounterViews(ctx: Context, db: Queryable, person: Person, rows: EncounterRow[]): Promise<EncounterView[]> {
  const ids = rows.map((r) => r.id);
  const [diagnoses, referrals, workers] = await Promise.all([
    findDiagnosesOf(db, ids),
    findReferralsOf(db, ids),
    staffByIds(
      db,
      rows.map((r) => r.worker_id),
    ),
  ]);
  return rows.map((row) => {
    const vitals = {
      systolic: row.systolic,
      diastolic: row.diastolic,
      weightKg: num(row.weight_kg),
      heightCm: num(row.height_cm),
      temperatureC: num(row.temperature_c),
      glucoseMgDl: row.glucose_mg_dl,
    };
    const referral = referrals.find((r) => r.encounter_id === row.id);
    return {
      id: row.id,
      personId: row.person_id,
      profession: row.profession,
      place: row.place,
      encounteredOn: row.encountered_on,
      complaint: row.complaint,
      vitals,
      flags: vitalFlags(vitals, ageOn(person.birth_date, row.encountered_on)),
      diagnoses: diagnoses
        .filter((d) => d.encounter_id === row.id)
        .map((d) => {
          const entry = findIcd10(d.code);
          return { code: d.code, name: entry ? icd10Name(entry, ctx.locale) : d.code };
        }),
      treatment: row.treatment,
      worker: { id: row.worker_id, name: workers.get(row.worker_id)?.fullName ?? '' },
      referral: referral ? referralView(referral) : null,
    };
  });
}

async function writeEncounter(ctx: Context, tx: Tx, person: Person, input: EncounterInput): Promise<EncounterView> {
  const { actor, officeId } = recordingWorker(ctx, person);
  const now = ctx.clock.now();
  const id = uuidv7(now.getTime());
  const vitals: Vitals = input.vitals ?? {};
  const value = (field: (typeof VITAL_FIELDS)[number]) => vitals[field] ?? null;
  await insertEncounter(tx, {
    id,
    person_id: person.id,
    village_code: person.village_code,
    office_id: officeId,
    worker_id: actor.id,
    profession: input.profession,
    place: input.place,
    encountered_on: input.encounteredOn,
    complaint: input.complaint ?? '',
    systolic: value('systolic'),
    diastolic: value('diastolic'),
    weight_kg: value('weightKg'),
    height_cm: value('heightCm'),
    temperature_c: value('temperatureC'),
    glucose_mg_dl: value('glucoseMgDl'),
    treatment: input.treatment ?? '',
    created_at: now,
  });
  await insertDiagnoses(
    tx,
    input.diagnoses.map((code, i) => ({ encounter_id: id, code: findIcd10(code)?.code ?? code, rank: i + 1 })),
  );
  const referralId = input.referral ? uuidv7(now.getTime()) : null;
  if (input.referral && referralId)
    await insertReferral(tx, {
      id: referralId,
      encounter_id: id,
      person_id: person.id,
      village_code: person.village_code,
      destination_kind: input.referral.destinationKind,
      destination: input.referral.destination,
      reason: input.referral.reason,
      referred_on: input.encounteredOn,
      created_at: now,
    });
  // What was done, never what was found: the audit trail is read by roles that may not see diagnoses or vitals.
  await recordAudit(tx, ctx, {
    action: 'health.encounter.record',
    entityType: 'health_encounter',
    entityId: id,
    officeId,
    regionCode: person.village_code,
    after: { personId: person.id, encounteredOn: input.encounteredOn, profession: input.profession, place: input.place, referralId },
  });
  const row = (await findEncounter(tx, id)) as EncounterRow;
  const [view] = await encounterViews(ctx, tx, person, [row]);
  return view as EncounterView;
}

async function prepareEncounter(ctx: Context, personId: string, input: EncounterInput) {
  assertRole(ctx, CLINICIANS);
  assertEncounterInput(input);
  const person = await personFor(ctx, ctx.db, personId);
  recordingWorker(ctx, person);
  assertEventDate(person, input.encounteredOn, today(ctx), 'encounteredOn');
  return person;
}

/**
 * Records an encounter of a health worker with a person (vitals, ICD-10 diagnoses, treatment) and
 * the referral written in it, in one transaction. The field sync calls this (docs/health.md).
 */
export async function recordEncounter(ctx: Context, personId: string, input: EncounterInput): Promise<EncounterView> {
  const person = await prepareEncounter(ctx, personId, input);
  return inTransaction(ctx, (tx) => writeEncounter(ctx, tx, person, input));
}

/** `recordEncounter` behind an optional Idempotency-Key (a retried submission answers the first result). */
export async function recordEncounterOnce(
  ctx: Context,
  personId: string,
  input: EncounterInput,
  idempotencyKey: string | undefined,
): Promise<Idempotent<EncounterView>> {
  const person = await prepareEncounter(ctx, personId, input);
  return inTransaction(ctx, (tx) => {
    if (!idempotencyKey) return writeEncounter(ctx, tx, person, input).then(firstTime);
    return once(tx, ctx, { key: idempotencyKey, operation: `health.encounter:${personId}`, body: input }, () =>
      writeEncounter(ctx, tx, person, input),
    );
  });
}

/** Every read of a clinical record leaves one audit row per request (lists name the ids read). */
async function auditRead(ctx: Context, entry: { entityType: AuditRecordType; entityId: string; regionCode: string; ids?: string[] }) {
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, ctx, {
      action: 'health.read',
      entityType: entry.entityType,
      entityId: entry.entityId,
      regionCode: entry.regionCode,
      after: entry.ids ? { ids: entry.ids } : undefined,
    }),
  );
}

const CURSOR = ['date', 'uuid'] as const;

export async function listEncounters(ctx: Context, personId: string, query: { cursor?: string; limit: number }) {
  assertRole(ctx, CLINICAL_READERS);
  const person = await personFor(ctx, ctx.db, personId);
  const after = query.cursor ? (decodeCursor(query.cursor, CURSOR) as [string, string]) : undefined;
  const rows = await findEncountersOfPerson(ctx.db, personId, after, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const items = await encounterViews(ctx, ctx.db, person, page);
  await auditRead(ctx, { entityType: 'person', entityId: personId, regionCode: person.village_code, ids: items.map((i) => i.id) });
  const last = page[page.length - 1];
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(CURSOR, [last.encountered_on, last.id]) : null };
}

/** An encounter and its person, when the actor may see the person (unknown and out of scope alike: 404). */
async function encounterFor(ctx: Context, id: string) {
  const row = await findEncounter(ctx.db, id);
  const person = row ? await findPersonForActor(ctx, ctx.db, row.person_id) : undefined;
  if (!row || !person) throw notFound('encounter', id);
  return { row: row as EncounterRow, person };
}

export async function getEncounter(ctx: Context, id: string): Promise<EncounterView> {
  assertRole(ctx, CLINICAL_READERS);
  const { row, person } = await encounterFor(ctx, id);
  const [view] = await encounterViews(ctx, ctx.db, person, [row]);
  await auditRead(ctx, { entityType: 'health_encounter', entityId: id, regionCode: person.village_code });
  return view as EncounterView;
}

async function referralFor(ctx: Context, db: Queryable, id: string) {
  const referral = await findReferral(db, id);
  const person = referral ? await findPersonForActor(ctx, db, referral.person_id) : undefined;
  if (!referral || !person) throw notFound('referral', id);
  return { referral: referral as ReferralRow, person };
}

/** Records what came of a referral (it may be corrected later: the audit keeps the earlier one). */
export async function recordReferralOutcome(ctx: Context, id: string, input: ReferralOutcomeInput): Promise<ReferralView> {
  assertRole(ctx, CLINICIANS);
  const { referral, person } = await referralFor(ctx, ctx.db, id);
  if (input.outcomeOn > today(ctx)) throw invalid('common.date_in_future', 'outcomeOn', { date: input.outcomeOn });
  if (input.outcomeOn < referral.referred_on)
    throw invalid('health.outcome_before_referral', 'outcomeOn', { referredOn: referral.referred_on });
  return inTransaction(ctx, async (tx) => {
    await updateReferralOutcome(tx, id, input.outcome, input.outcomeOn, ctx.actor.kind === 'user' ? ctx.actor.id : null);
    await recordAudit(tx, ctx, {
      action: 'health.referral.outcome',
      entityType: 'referral',
      entityId: id,
      regionCode: person.village_code,
      before: referral.outcome ? { outcome: referral.outcome, outcomeOn: referral.outcome_on } : null,
      after: { outcome: input.outcome, outcomeOn: input.outcomeOn },
    });
    return referralView({ ...referral, outcome: input.outcome, outcome_on: input.outcomeOn });
  });
}

/** Referrals still waiting for their outcome in the actor's area, oldest first (a read of clinical records: audited). */
export async function listOpenReferrals(ctx: Context, query: { cursor?: string; limit: number }) {
  assertRole(ctx, CLINICAL_READERS);
  const after = query.cursor ? (decodeCursor(query.cursor, CURSOR) as [string, string]) : undefined;
  const rows = await findOpenReferrals(ctx.db, regionLikePatterns(actorScope(ctx)), after, query.limit + 1);
  const page = rows.slice(0, query.limit) as ReferralRow[];
  const persons = await personsByIds(
    ctx.db,
    page.map((r) => r.person_id),
  );
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, ctx, { action: 'health.read', entityType: 'referral', after: { ids: page.map((r) => r.id) } }),
  );
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      ...referralView(r),
      personId: r.person_id,
      personName: persons.get(r.person_id)?.fullName ?? '',
      villageCode: r.village_code,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(CURSOR, [last.referred_on, last.id]) : null,
  };
}

/** The village with its district and regency, as an address line: "Kricak, Tegalrejo, Kota Yogyakarta". */
async function placeOf(db: Queryable, villageCode: string) {
  const codes = [villageCode, villageCode.split('.').slice(0, 3).join('.'), villageCode.split('.').slice(0, 2).join('.')];
  const names = new Map((await findRegionsByCodes(db, codes)).map((r) => [r.code, r.name]));
  return codes
    .map((code) => names.get(code))
    .filter(Boolean)
    .join(', ');
}

/** The referral letter (Surat Rujukan) as a PDF, in Bahasa Indonesia as the receiving puskesmas or hospital reads it. */
export async function referralLetterPdf(ctx: Context, id: string): Promise<Buffer> {
  assertRole(ctx, CLINICAL_READERS);
  const { referral, person } = await referralFor(ctx, ctx.db, id);
  const encounter = (await findEncounter(ctx.db, referral.encounter_id)) as EncounterRow;
  const [[view], organisation, [office], household, place, jkn, workers] = await Promise.all([
    encounterViews({ ...ctx, locale: 'id' }, ctx.db, person, [encounter]),
    getOrganisation(ctx.db),
    officesWithRegions(ctx.db, [encounter.office_id]),
    householdById(ctx.db, person.household_id),
    placeOf(ctx.db, person.village_code),
    jknParticipantsOf(ctx.db, [person.id]),
    staffByIds(ctx.db, [encounter.worker_id]),
  ]);
  const pdf = await renderReferralLetter({
    organisation: organisation?.name ?? 'Jaring',
    office: office ? office.name : '',
    patient: {
      name: person.full_name,
      nik: person.nik,
      age: ageOn(person.birth_date, referral.referred_on),
      birthDate: person.birth_date,
      sex: person.sex,
      address: [household?.address, place].filter(Boolean).join(', '),
      jkn: jkn[0] ? { segment: jkn[0].segment, jknClass: jkn[0].jkn_class } : household?.has_kis ? 'kis' : null,
    },
    encounter: view as EncounterView,
    referral: referralView(referral),
    worker: workers.get(encounter.worker_id)?.fullName ?? '',
  });
  await auditRead(ctx, { entityType: 'referral', entityId: id, regionCode: person.village_code });
  return pdf;
}
