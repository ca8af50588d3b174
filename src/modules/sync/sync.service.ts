import type { z } from 'zod';
import { actorScope, assertRole, type Context, inTransaction } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { addDays } from '../../core/dates.ts';
import { AppError, conflict, invalid, notFound } from '../../core/errors.ts';
import { formatRupiah } from '../../core/format.ts';
import type { Idempotent } from '../../core/idempotency.ts';
import { translate } from '../../core/messages.ts';
import { sumRupiah } from '../../core/money.ts';
import { regionInScope } from '../../core/scope.ts';
import { recordAudit } from '../audit/index.ts';
import { cadreOfUser } from '../cadres/index.ts';
import { collectContribution, recordVisit, worklist } from '../contributions/index.ts';
import { disbursedFinancingsOfGroups, instalmentOwed, instalmentsDue, instalmentsOfFinancings, repay } from '../financing/index.ts';
import { getGroup, groupsOfFacilitator, recordDayAttendance } from '../groups/index.ts';
import {
  healthFieldBundle,
  illnessStatusOf,
  recordEncounterOnce,
  recordIllnessOnce,
  recordScreeningOnce,
  recordSessionAttendance,
} from '../health/index.ts';
import { once } from '../idempotency/index.ts';
import { FIELD_WORKERS } from './sync.roles.ts';
import { deviceCodeOf, MONEY_PARAMS, memberDue, opKey } from './sync.rules.ts';
import {
  attendancePayloadSchema,
  type Bundle,
  type BundleQuery,
  contributionPayloadSchema,
  type DeviceView,
  encounterPayloadSchema,
  illnessPayloadSchema,
  type PushInput,
  type PushResult,
  repaymentPayloadSchema,
  type SheetFinancing,
  type SheetGroup,
  screeningPayloadSchema,
  sessionAttendancePayloadSchema,
  visitPayloadSchema,
} from './sync.schema.ts';
import { claimReceiptNumber, findDeviceByCode, insertDevice } from './sync.store.ts';

/** Who takes work offline: cadres (families), facilitators (groups), and managers or admins (any group, by ?group=). */

/** Days ahead the sheet looks by default: the coming week's meetings. */
const SHEET_DAYS_AHEAD = 7;

/**
 * What a field worker needs offline: a cadre's families with their dues (most in arrears and
 * longest unvisited first), a facilitator's groups with each member's running financings and
 * what is due by the next meetings. 500 families stay well under 300 KB gzipped
 * (`npm run bench:bundle`).
 */
export async function syncBundle(ctx: Context, query: BundleQuery): Promise<Bundle> {
  assertRole(ctx, FIELD_WORKERS);
  if (ctx.actor.kind !== 'user') throw new AppError('auth.unauthenticated', 'unauthenticated');
  const today = businessDate(ctx.clock);
  const until = query.until ?? addDays(today, SHEET_DAYS_AHEAD);
  const generatedAt = ctx.clock.now().toISOString();
  // A health worker's own caseload: families with something to act on, sessions, groups for attendance.
  if (ctx.actor.role === 'health_worker') {
    const health = await healthFieldBundle(ctx, { village: query.village });
    return { generatedAt, asOf: today, dueUntil: until, cadreId: null, families: [], groups: [], health };
  }
  const cadre = ctx.actor.role === 'cadre' || !query.group ? await cadreOfUser(ctx.db, ctx.actor.id) : undefined;
  const families = cadre ? (await worklist(ctx, cadre.id, today)).items : [];
  const groups = ctx.actor.role === 'cadre' ? [] : await groupSheets(ctx, query.group, today, until);
  return { generatedAt, asOf: today, dueUntil: until, cadreId: cadre?.id ?? null, families, groups };
}

/** The collection sheets of the caller's groups (or of the one named), for meetings up to `until`. */
async function groupSheets(ctx: Context, groupId: string | undefined, today: string, until: string): Promise<SheetGroup[]> {
  const me = ctx.actor.kind === 'user' ? ctx.actor : null;
  const groups = [];
  if (groupId) {
    const group = await getGroup(ctx, groupId);
    // A facilitator downloads only the groups they facilitate.
    if (me?.role === 'facilitator' && group.facilitator?.id !== me.id) throw notFound('group', groupId);
    groups.push(group);
  } else if (me) {
    for (const id of await groupsOfFacilitator(ctx.db, me.id)) {
      try {
        groups.push(await getGroup(ctx, id));
      } catch (error) {
        // A group whose villages left the facilitator's offices is not theirs to collect any more.
        if (!(error instanceof AppError && error.kind === 'not_found')) throw error;
      }
    }
  }
  const scope = actorScope(ctx);
  const financings = (
    await disbursedFinancingsOfGroups(
      ctx.db,
      groups.map((g) => g.id),
    )
  ).filter((f) => regionInScope(scope, f.region_code));
  const instalments = await instalmentsOfFinancings(
    ctx.db,
    financings.map((f) => f.id),
  );
  const illness = await illnessStatusOf(
    ctx.db,
    financings.map((f) => f.person_id),
    today,
  );
  const byFinancing = new Map<string, typeof instalments>();
  for (const i of instalments) {
    const list = byFinancing.get(i.financing_id);
    if (list) list.push(i);
    else byFinancing.set(i.financing_id, [i]);
  }
  return groups.map((group) => {
    const rows: SheetFinancing[] = financings
      .filter((f) => f.group_id === group.id)
      .map((f) => ({
        financingId: f.id,
        number: f.number,
        personId: f.person_id,
        memberName: f.full_name,
        productName: f.product_name,
        daysPastDue: f.days_past_due,
        illness: illness.get(f.person_id) ?? null,
        ...memberDue(
          instalmentsDue(byFinancing.get(f.id) ?? []).map((i) => ({
            n: i.n,
            dueDate: i.dueDate,
            owed: instalmentOwed(i),
            lateCharge: i.penalty - i.penaltyPaid,
          })),
          today,
          until,
        ),
      }));
    return {
      groupId: group.id,
      name: group.name,
      villageCodes: group.villageCodes,
      members: group.members.filter((m) => m.leftOn === null).map((m) => ({ personId: m.personId, name: m.fullName })),
      financings: rows,
      dueNow: sumRupiah(rows.map((r) => r.dueNow)).toString(),
    };
  });
}

type Op = PushInput['ops'][number];

/**
 * A device code for the caller's phone (F001, F002, …), asked for once when the phone first
 * downloads: the phone numbers its receipts with it, offline too.
 */
export async function registerDevice(ctx: Context): Promise<DeviceView> {
  assertRole(ctx, FIELD_WORKERS);
  if (ctx.actor.kind !== 'user') throw new AppError('auth.unauthenticated', 'unauthenticated');
  const userId = ctx.actor.id;
  return inTransaction(ctx, async (tx) => {
    const device = await insertDevice(tx, userId);
    await recordAudit(tx, ctx, {
      action: 'sync.device_register',
      entityType: 'field_device',
      entityId: device.code,
      after: { code: device.code },
    });
    return { code: device.code };
  });
}

/**
 * Claims the receipt number a phone gave for a payment, for this op: the device must be the
 * caller's own (another worker's or an unknown device answers alike), and a number another op
 * holds is refused. The same op claims it again on a repeat (a sync cut off, a corrected amount).
 */
async function claimFieldReceipt(ctx: Context, number: string | undefined, op: Op, kind: 'repayment' | 'contribution') {
  if (number === undefined) return;
  const device = await findDeviceByCode(ctx.db, deviceCodeOf(number));
  if (!device || ctx.actor.kind !== 'user' || device.user_id !== ctx.actor.id)
    throw invalid('sync.receipt_number_foreign', 'receiptNumber', { number });
  const holder = await inTransaction(ctx, (tx) => claimReceiptNumber(tx, { number, deviceId: device.id, opId: op.id, kind }));
  if (holder.op_id !== op.id) throw conflict('sync.receipt_number_taken', 'receiptNumber', { number });
}

/**
 * One kind of op recorded offline: its payload, and how it is applied through the module that
 * owns it (the same use case as the web screens) under the op's own idempotency key.
 */
type OpHandler = {
  schema: z.ZodType;
  /** What a not-found error means for this kind, e.g. an unknown financing. */
  unknownCode: string;
  /** A more specific code by the entity not found (a session op names a person, a group or a session). */
  unknownCodes?: Record<string, string>;
  apply(ctx: Context, payload: never, op: Op, key: string): Promise<Idempotent<unknown>>;
};
const handler = <S extends z.ZodType>(h: {
  schema: S;
  unknownCode: string;
  unknownCodes?: Record<string, string>;
  apply(ctx: Context, payload: z.output<S>, op: Op, key: string): Promise<Idempotent<unknown>>;
}): OpHandler => h as OpHandler;

/** The worker's own day of recording (the phone's offset), when the payload names none. */
const dayOf = (op: Op) => op.recordedAt.slice(0, 10);

const HANDLERS: Record<string, OpHandler> = {
  // Money a facilitator collected at the group meeting, booked to cash in transit.
  repayment: handler({
    schema: repaymentPayloadSchema,
    unknownCode: 'sync.financing_unknown',
    apply: async (ctx, p, op, key) => {
      await claimFieldReceipt(ctx, p.receiptNumber, op, 'repayment');
      return repay(ctx, p.financingId, { amount: p.amount, paidOn: p.paidOn ?? dayOf(op), channel: 'group_meeting' }, key, {
        fieldReceiptNumber: p.receiptNumber,
      });
    },
  }),
  // Who came to the day's meeting: every active member on the phone's list, present or not.
  attendance: handler({
    schema: attendancePayloadSchema,
    unknownCode: 'sync.group_unknown',
    apply: async (ctx, p, op, key) => {
      const group = await getGroup(ctx, p.groupId);
      const present = new Set(p.personIds);
      const members = group.members.filter((m) => m.leftOn === null).map((m) => m.personId);
      const attendance = [
        ...members.map((personId) => ({ personId, present: present.has(personId) })),
        // Someone not (or no longer) a member is refused by the groups module, naming them.
        ...p.personIds.filter((id) => !members.includes(id)).map((personId) => ({ personId, present: true })),
      ];
      const agenda = p.agenda ?? 'Pertemuan rutin kelompok (kehadiran dicatat di lapangan)';
      const heldOn = p.heldOn ?? dayOf(op);
      // The day's meeting is edited when there is one: attendance taken twice is one meeting.
      const { replayed, response: meeting } = await recordDayAttendance(
        ctx,
        p.groupId,
        { heldOn, place: '', agenda, decisions: '', minutes: '', attendance },
        key,
      );
      return { replayed, response: { meetingId: meeting.id, heldOn: meeting.heldOn, present: present.size } };
    },
  }),
  // JKN contributions a cadre collected from a family.
  contribution: handler({
    schema: contributionPayloadSchema,
    unknownCode: 'sync.family_unknown',
    apply: async (ctx, p, op, key) => {
      await claimFieldReceipt(ctx, p.receiptNumber, op, 'contribution');
      // The phone's number is the contribution's receipt number: the family holds one number.
      return collectContribution(
        ctx,
        p.cadreId,
        {
          householdId: p.householdId,
          months: p.months,
          amount: p.amount,
          paidOn: dayOf(op),
          ...(p.receiptNumber ? { receiptNumber: p.receiptNumber } : {}),
        },
        key,
      );
    },
  }),
  // A cadre's visit to a family.
  visit: handler({
    schema: visitPayloadSchema,
    unknownCode: 'sync.family_unknown',
    apply: (ctx, p, op, key) =>
      recordVisit(
        ctx,
        p.cadreId,
        { householdId: p.householdId, kind: p.kind, outcome: p.outcome, notes: p.notes, visitedOn: p.visitedOn ?? dayOf(op) },
        key,
      ),
  }),
  // ---- the health worker's ops (issue 12); the health module's own use cases and checks ----
  // An encounter: vitals, ICD-10 diagnoses, treatment, a referral with its letter.
  encounter: handler({
    schema: encounterPayloadSchema,
    unknownCode: 'sync.person_unknown',
    apply: (ctx, { personId, ...input }, _op, key) => recordEncounterOnce(ctx, personId, input, key),
  }),
  // An IVA or pap smear screening; the server sets the next date by the rule in force.
  screening: handler({
    schema: screeningPayloadSchema,
    unknownCode: 'sync.person_unknown',
    apply: (ctx, { personId, ...input }, _op, key) => recordScreeningOnce(ctx, personId, input, key),
  }),
  // A member unable to work (from the encounter form): the flag beside their financing.
  illness: handler({
    schema: illnessPayloadSchema,
    unknownCode: 'sync.person_unknown',
    apply: (ctx, { personId, ...input }, _op, key) => recordIllnessOnce(ctx, personId, input, key),
  }),
  // Who came to a counselling session, made on the phone with its own id (or more of a recent one).
  session_attendance: handler({
    schema: sessionAttendancePayloadSchema,
    unknownCode: 'sync.session_unknown',
    unknownCodes: { person: 'sync.person_unknown', group: 'sync.group_unknown' },
    apply: async (ctx, p, _op, key) => {
      // recordSessionAttendance (pinned, no key) is idempotent by itself: the session keeps its id
      // and a person present twice is a no-op. It runs first in its own transaction; the key then
      // tells the first push from a repeat and keeps the first answer.
      const view = await recordSessionAttendance(ctx, p);
      return inTransaction(ctx, (tx) => once(tx, ctx, { key, operation: 'sync.session_attendance', body: p }, async () => view));
    },
  }),
};

export const SYNC_OP_TYPES = Object.keys(HANDLERS);

/** The rejection of one op: the most specific code, its text in the worker's language. */
function rejection(ctx: Context, id: string, error: AppError, kind: Pick<OpHandler, 'unknownCode' | 'unknownCodes'>): PushResult {
  const first = error.errors[0];
  let code = first?.code && error.code === 'common.validation_failed' ? first.code : error.code;
  if (code === 'common.not_found') code = kind.unknownCodes?.[String(error.params.entity)] ?? kind.unknownCode;
  const params: Record<string, unknown> = { ...error.params, ...(first?.params ?? {}) };
  for (const name of MONEY_PARAMS) {
    const value = params[name];
    if (typeof value === 'string' && /^\d+$/.test(value)) params[name] = formatRupiah(value);
  }
  return { id, status: 'rejected', code, message: translate(code, ctx.locale, params) };
}

async function applyOne(ctx: Context, op: Op): Promise<PushResult> {
  const { id } = op;
  const kind = HANDLERS[op.type];
  if (!kind) return { id, status: 'rejected', code: 'sync.type_unknown', message: translate('sync.type_unknown', ctx.locale, op) };
  const parsed = kind.schema.safeParse(op.payload);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || 'payload'))].join(', ');
    return { id, status: 'rejected', code: 'sync.payload_invalid', message: translate('sync.payload_invalid', ctx.locale, { fields }) };
  }
  try {
    // The op's own use case claims its key once (the idempotent-command path): a repeat is a replay.
    const { replayed, response } = await kind.apply(ctx, parsed.data as never, op, opKey(id));
    return { id, status: replayed ? 'duplicate' : 'applied', result: response };
  } catch (error) {
    if (error instanceof AppError) return rejection(ctx, id, error, kind);
    // Not the worker's doing: nothing was recorded (its transaction rolled back), so the phone may push it again.
    ctx.log.error({ err: error, opId: id, type: op.type }, 'sync op failed');
    return {
      id,
      status: 'rejected',
      code: 'common.internal',
      message: translate('common.internal', ctx.locale, { requestId: ctx.requestId }),
    };
  }
}

/**
 * Applies ops recorded offline, in order and each on its own: one rejection does not stop the
 * rest. Each runs under the idempotency key `sync:<id>`, so a push sent again (a sync cut off
 * half-way, a double tap, the same ops in another order) answers "duplicate" with the first
 * result and records nothing twice. A rejected op is not stored: corrected, it may be pushed
 * again under the same id.
 */
export async function syncPush(ctx: Context, input: PushInput): Promise<{ results: PushResult[] }> {
  assertRole(ctx, FIELD_WORKERS);
  const results: PushResult[] = [];
  for (const op of input.ops) results.push(await applyOne(ctx, op));
  return { results };
}
