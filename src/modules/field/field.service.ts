import type { z } from 'zod';
import { actorName, actorScope, assertRole, type Context } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { formatRupiah } from '../../core/format.ts';
import { translate } from '../../core/messages.ts';
import type { Role } from '../../core/roles.ts';
import { regionInScope } from '../../core/scope.ts';
import { repay } from '../financing/index.ts';
import { getGroup, recordMeeting } from '../groups/index.ts';
import { addDays, fieldKey, MONEY_PARAMS, memberDue } from './field.rules.ts';
import {
  attendanceOperationSchema,
  repaymentOperationSchema,
  type SheetFinancing,
  type SheetGroup,
  type SheetQuery,
  type SheetView,
  type SyncInput,
  type SyncResult,
} from './field.schema.ts';
import { findAppliedOperation, findDisbursedFinancingsOfGroups, findGroupIdsOfFacilitator, findInstalmentsOf } from './field.store.ts';

/** Who works with the field app's facilitator side (a cadre's kinds will add 'cadre'). */
export const FIELD_WORKERS: readonly Role[] = ['facilitator', 'manager', 'admin'];

/** Days ahead the sheet looks by default: the coming week's meetings. */
const SHEET_DAYS_AHEAD = 7;

/**
 * The collection sheet a facilitator takes offline: their groups (a manager or admin names one
 * with ?group=), each member's running financings, what is due by `until` and what is owed.
 */
export async function facilitatorSheet(ctx: Context, query: SheetQuery): Promise<SheetView> {
  assertRole(ctx, FIELD_WORKERS);
  const today = businessDate(ctx.clock);
  const until = query.until ?? addDays(today, SHEET_DAYS_AHEAD);
  const me = ctx.actor.kind === 'user' ? ctx.actor : null;
  const groups = [];
  if (query.group) {
    const group = await getGroup(ctx, query.group);
    // A facilitator downloads only the groups they facilitate.
    if (me?.role === 'facilitator' && group.facilitator?.id !== me.id) throw notFound('group', query.group);
    groups.push(group);
  } else if (me) {
    for (const id of await findGroupIdsOfFacilitator(ctx.db, me.id)) {
      try {
        groups.push(await getGroup(ctx, id));
      } catch (error) {
        // A group whose villages left the facilitator's offices is not theirs to collect any more.
        if (!(error instanceof AppError && error.status === 404)) throw error;
      }
    }
  }
  const scope = actorScope(ctx);
  const financings = (
    await findDisbursedFinancingsOfGroups(
      ctx.db,
      groups.map((g) => g.id),
    )
  ).filter((f) => regionInScope(scope, f.region_code));
  const instalments = await findInstalmentsOf(
    ctx.db,
    financings.map((f) => f.id),
  );
  const byFinancing = new Map<string, typeof instalments>();
  for (const i of instalments) {
    const list = byFinancing.get(i.financing_id);
    if (list) list.push(i);
    else byFinancing.set(i.financing_id, [i]);
  }
  const sheetGroups: SheetGroup[] = groups.map((group) => {
    const rows: SheetFinancing[] = financings
      .filter((f) => f.group_id === group.id)
      .map((f) => ({
        financingId: f.id,
        number: f.number,
        personId: f.person_id,
        memberName: f.full_name,
        productName: f.product_name,
        daysPastDue: f.days_past_due,
        ...memberDue(
          (byFinancing.get(f.id) ?? []).map((i) => ({
            n: i.n,
            dueDate: i.due_date,
            principal: BigInt(i.principal),
            profit: BigInt(i.profit),
            penalty: BigInt(i.penalty),
            principalPaid: BigInt(i.principal_paid),
            profitPaid: BigInt(i.profit_paid),
            penaltyPaid: BigInt(i.penalty_paid),
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
      dueNow: rows.reduce((sum, r) => sum + BigInt(r.dueNow), 0n).toString(),
    };
  });
  return { generatedAt: ctx.clock.now().toISOString(), asOf: today, until, groups: sheetGroups };
}

/**
 * One kind of operation recorded offline: its fields, and how it is applied through the
 * module that owns it, under the operation's own idempotency key. A new kind (a cadre's visit
 * or contribution) is one more entry here and one more schema in field.schema.ts.
 */
type OperationHandler = {
  schema: z.ZodType;
  /** What a not-found error means for this kind, e.g. an unknown financing. */
  unknownCode: string;
  apply(ctx: Context, operation: never, key: string): Promise<unknown>;
};
const handler = <S extends z.ZodType>(h: {
  schema: S;
  unknownCode: string;
  apply(ctx: Context, operation: z.output<S>, key: string): Promise<unknown>;
}): OperationHandler => h as OperationHandler;

const HANDLERS: Record<string, OperationHandler> = {
  // Money collected at the group meeting, booked to the collection cash account.
  repayment: handler({
    schema: repaymentOperationSchema,
    unknownCode: 'field.financing_unknown',
    apply: (ctx, op, key) => repay(ctx, op.financingId, { amount: op.amount, paidOn: op.paidOn, channel: 'group_meeting' }, key),
  }),
  // Who came to the meeting: every active member on the phone's list, present or not.
  attendance: handler({
    schema: attendanceOperationSchema,
    unknownCode: 'field.group_unknown',
    apply: async (ctx, op, key) => {
      const group = await getGroup(ctx, op.groupId);
      const present = new Set(op.personIds);
      const members = group.members.filter((m) => m.leftOn === null).map((m) => m.personId);
      const attendance = [
        ...members.map((personId) => ({ personId, present: present.has(personId) })),
        // Someone not (or no longer) a member is refused by the groups module, naming them.
        ...op.personIds.filter((id) => !members.includes(id)).map((personId) => ({ personId, present: true })),
      ];
      const agenda = op.agenda ?? 'Pertemuan rutin kelompok (kehadiran dicatat di lapangan)';
      const meeting = await recordMeeting(
        ctx,
        op.groupId,
        { heldOn: op.heldOn, place: '', agenda, decisions: '', minutes: '', attendance },
        key,
      );
      return { meetingId: meeting.id, heldOn: meeting.heldOn, present: present.size };
    },
  }),
};

export const FIELD_OPERATION_KINDS = Object.keys(HANDLERS);

/** The refusal of one operation: the most specific code, its text in the worker's language. */
function refusal(ctx: Context, clientId: string, error: AppError, unknownCode: string): SyncResult {
  const first = error.errors[0];
  let code = first?.code && error.code === 'common.validation_failed' ? first.code : error.code;
  if (code === 'common.not_found') code = unknownCode;
  const params: Record<string, unknown> = { ...error.params, ...(first?.params ?? {}) };
  for (const name of MONEY_PARAMS) {
    const value = params[name];
    if (typeof value === 'string' && /^\d+$/.test(value)) params[name] = formatRupiah(value);
  }
  return { clientId, status: 'refused', code, reason: translate(code, ctx.locale, params) };
}

async function applyOne(ctx: Context, raw: SyncInput['operations'][number]): Promise<SyncResult> {
  const { clientId } = raw;
  const kind = HANDLERS[raw.kind];
  if (!kind) return { clientId, status: 'refused', code: 'field.kind_unknown', reason: translate('field.kind_unknown', ctx.locale, raw) };
  const parsed = kind.schema.safeParse(raw);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || raw.kind))].join(', ');
    return {
      clientId,
      status: 'refused',
      code: 'field.operation_invalid',
      reason: translate('field.operation_invalid', ctx.locale, { fields }),
    };
  }
  const key = fieldKey(clientId);
  const seen = await findAppliedOperation(ctx.db, actorName(ctx.actor), key);
  if (seen) return { clientId, status: 'duplicate', result: seen.response };
  try {
    return { clientId, status: 'applied', result: await kind.apply(ctx, parsed.data as never, key) };
  } catch (error) {
    if (error instanceof AppError) return refusal(ctx, clientId, error, kind.unknownCode);
    // Not the worker's doing: nothing was recorded (its transaction rolled back), so the phone may send it again.
    ctx.log.error({ err: error, clientId, kind: raw.kind }, 'field operation failed');
    return {
      clientId,
      status: 'refused',
      code: 'common.internal',
      reason: translate('common.internal', ctx.locale, { requestId: ctx.requestId }),
    };
  }
}

/**
 * Applies operations recorded offline, in order and each on its own: one refusal does not stop
 * the rest. Each runs under the Idempotency-Key `field:<clientId>`, so a batch sent again (a
 * sync cut off half-way, a double tap) answers "duplicate" with the first result and records
 * nothing twice. A refused operation is not stored: corrected, it may be sent again.
 */
export async function syncFieldOperations(ctx: Context, input: SyncInput): Promise<{ results: SyncResult[] }> {
  assertRole(ctx, FIELD_WORKERS);
  const results: SyncResult[] = [];
  for (const operation of input.operations) results.push(await applyOne(ctx, operation));
  return { results };
}
