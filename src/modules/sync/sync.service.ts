import { z } from 'zod';
import { actorName, assertRole, type Context } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import { translate } from '../../core/messages.ts';
import { collectContribution, getFamilyDues, recordVisit, worklist } from '../contributions/index.ts';
import { repay } from '../financing/index.ts';
import { cadreOfUser, facilitatorSheet, seenOp } from './sync.store.ts';

const WORKERS = ['cadre', 'facilitator', 'manager', 'admin'] as const;
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * What a field worker needs offline: a cadre's families with their dues (most in arrears
 * first), a facilitator's groups with each member's amount due in the coming week. Compact:
 * short keys would save more, but 500 families stay well under 300 KB gzipped as it is.
 */
export async function syncBundle(ctx: Context) {
  assertRole(ctx, WORKERS);
  if (ctx.actor.kind !== 'user') throw new AppError('auth.unauthenticated', 401);
  const today = businessDate(ctx.clock);
  const cadre = await cadreOfUser(ctx.db, ctx.actor.id);
  const families = cadre
    ? await Promise.all(
        (await worklist(ctx, cadre.id, today)).items.map(async (f) => {
          const dues = await getFamilyDues(ctx, f.householdId, today);
          return { ...f, persons: dues.persons, jknClass: dues.jknClass, monthlyDue: dues.quote?.monthlyDue ?? null };
        }),
      )
    : [];
  const until = addDays(today, 7);
  const rows = await facilitatorSheet(ctx.db, ctx.actor.id, until);
  const groups = new Map<
    string,
    { groupId: string; name: string; members: { financingId: string; number: string; member: string; due: string; outstanding: string }[] }
  >();
  for (const r of rows) {
    const group = groups.get(r.group_id) ?? { groupId: r.group_id, name: r.group_name, members: [] };
    group.members.push({ financingId: r.financing_id, number: r.number, member: r.member, due: r.due, outstanding: r.outstanding });
    groups.set(r.group_id, group);
  }
  return {
    generatedAt: ctx.clock.now().toISOString(),
    asOf: today,
    dueUntil: until,
    cadreId: cadre?.id ?? null,
    families,
    groups: [...groups.values()],
  };
}

const repaymentPayload = z.strictObject({ financingId: z.uuid(), amount: z.string().regex(/^\d{1,15}$/), paidOn: z.iso.date().optional() });
const contributionPayload = z.strictObject({
  cadreId: z.uuid(),
  householdId: z.uuid(),
  months: z.number().int().min(1).max(36),
  amount: z.string().regex(/^\d{1,15}$/),
});
const visitPayload = z.strictObject({
  cadreId: z.uuid(),
  householdId: z.uuid(),
  kind: z.enum(['socialisation', 'reminder', 'complaint', 'recruitment', 'follow_up']),
  outcome: z.string().trim().min(1).max(300),
  notes: z.string().trim().max(1000).optional(),
  visitedOn: z.iso.date().optional(),
});
export const pushInputSchema = z.strictObject({
  ops: z
    .array(
      z.strictObject({
        id: z.uuid(),
        type: z.enum(['repayment', 'contribution', 'visit']),
        recordedAt: z.iso.datetime({ offset: true }),
        payload: z.record(z.string(), z.unknown()),
      }),
    )
    .max(500),
});
export type PushResult = { id: string; status: 'applied' | 'duplicate' | 'rejected'; code?: string; message?: string; result?: unknown };

/**
 * Applies ops recorded offline, each on its own, through the same services as the screens.
 * Each op's id is its idempotency key: an op seen before has no effect ("duplicate"), in any
 * order and however often it is pushed. A refused op comes back with a code and a message
 * in the worker's language, and the worker's device keeps it until they resolve it.
 */
export async function syncPush(ctx: Context, input: z.infer<typeof pushInputSchema>): Promise<{ results: PushResult[] }> {
  assertRole(ctx, WORKERS);
  const results: PushResult[] = [];
  for (const op of input.ops) {
    const key = `sync:${op.id}`;
    const seen = await seenOp(ctx.db, actorName(ctx.actor), key);
    if (seen?.response) {
      results.push({ id: op.id, status: 'duplicate', result: seen.response });
      continue;
    }
    try {
      const day = op.recordedAt.slice(0, 10);
      let result: unknown;
      if (op.type === 'repayment') {
        const p = repaymentPayload.parse(op.payload);
        result = await repay(ctx, p.financingId, { amount: p.amount, paidOn: p.paidOn ?? day, channel: 'field' }, key);
      } else if (op.type === 'contribution') {
        const p = contributionPayload.parse(op.payload);
        result = await collectContribution(
          ctx,
          p.cadreId,
          { householdId: p.householdId, months: p.months, amount: p.amount, paidOn: day },
          key,
        );
      } else {
        const p = visitPayload.parse(op.payload);
        result = await recordVisit(
          ctx,
          p.cadreId,
          { householdId: p.householdId, kind: p.kind, outcome: p.outcome, notes: p.notes, visitedOn: p.visitedOn ?? day },
          key,
        );
      }
      results.push({ id: op.id, status: 'applied', result });
    } catch (error) {
      if (error instanceof z.ZodError) {
        results.push({
          id: op.id,
          status: 'rejected',
          code: 'sync.payload_invalid',
          message: translate('sync.payload_invalid', ctx.locale, { fields: error.issues.map((i) => i.path.join('.')).join(', ') }),
        });
      } else if (error instanceof AppError) {
        const first = error.errors[0];
        const code = first?.code && first.code !== 'common.validation_failed' ? first.code : error.code;
        results.push({
          id: op.id,
          status: 'rejected',
          code,
          message: translate(code, ctx.locale, { ...error.params, ...(first?.params ?? {}) }),
        });
      } else throw error;
    }
  }
  return { results };
}
