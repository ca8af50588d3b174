import { actorName, assertRole, type Context, inTransaction } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { AppError, conflict, invalid, notFound, refuseFutureDate } from '../../core/errors.ts';
import { firstTime, type Idempotent } from '../../core/idempotency.ts';
import { uuidv7 } from '../../core/ids.ts';
import type { Queryable, Tx } from '../../db/database.ts';
import { recordAudit } from '../audit/index.ts';
import { financingFacts, openApplication, promisedFromFund } from '../financing/index.ts';
import { groupSummary, groupsForActor, groupVisibleTo, meetingOfGroup, meetingsByIds } from '../groups/index.ts';
import { once } from '../idempotency/index.ts';
import { ACCOUNTS, availableCash, findFundForActor, fundCodesByIds, groupFundOf, lockFundForLending, postEntry } from '../ledger/index.ts';
import { findRegionsByCodes } from '../regions/index.ts';
import { personsByIds } from '../registry/index.ts';
import { type ChainRecipient, chainAmountOf, chainMultiplier, type Lot, passOnLimit, planPassOn } from './stimulus.rules.ts';
import type { AllocationInput, ChainView, PassOnInput } from './stimulus.schema.ts';
import {
  findAllocationsOfGroups,
  findRecipientsOfGroups,
  findSourcesOf,
  findStimulatedGroupIds,
  insertAllocation,
  insertRecipient,
} from './stimulus.store.ts';
import { ALLOCATORS, CHAIN_READERS, PASSERS } from './usep.roles.ts';

/** Financing statuses in which the money has reached the recipient. */
const REACHED = new Set(['disbursed', 'closed', 'written_off']);

/**
 * A Dinas/NGO stimulus allocated to a group: capital and cash move, in one entry, from the
 * stimulus fund to the group's revolving fund (its pot). Once per idempotency key.
 */
export async function allocateStimulus(ctx: Context, input: AllocationInput, idempotencyKey: string): Promise<Idempotent<ChainView>> {
  assertRole(ctx, ALLOCATORS);
  refuseFutureDate(input.allocatedOn, businessDate(ctx.clock), 'allocatedOn');
  return inTransaction(ctx, (tx) =>
    once(tx, ctx, { key: idempotencyKey, operation: 'usep.allocation', body: input }, async () => {
      const stimulus = await findFundForActor(ctx, tx, { code: input.stimulusFundCode });
      if (!stimulus?.active || stimulus.kind !== 'stimulus')
        throw invalid('usep.not_a_stimulus_fund', 'stimulusFundCode', { code: input.stimulusFundCode });
      if (!(await groupVisibleTo(ctx, tx, input.groupId))) throw invalid('usep.group_unknown', 'groupId');
      const pot = await groupFundOf(tx, input.groupId);
      if (!pot) throw conflict('usep.group_fund_missing', 'groupId');
      if (pot.office_id !== stimulus.office_id) throw conflict('usep.fund_offices_differ', 'groupId', { fund: pot.code });
      await lockFundForLending(tx, stimulus.id);
      const amount = BigInt(input.amount);
      const cash = await availableCash(tx, stimulus.id);
      if (cash < amount) throw conflict('usep.stimulus_insufficient', 'amount', { available: cash.toString(), needed: amount.toString() });
      const id = uuidv7(ctx.clock.now().getTime());
      // The stimulus fund gives capital and cash; the group's fund receives both.
      const entryId = await postEntry(tx, ctx, {
        officeId: stimulus.office_id,
        entryDate: input.allocatedOn,
        memo: `Stimulan ${stimulus.code} untuk ${pot.code}${input.reference ? `: ${input.reference}` : ''}`,
        source: { type: 'usep.allocation', id },
        lines: [
          { accountCode: ACCOUNTS.grantCapital, debit: amount, fundId: stimulus.id },
          { accountCode: ACCOUNTS.bankCash, credit: amount, fundId: stimulus.id },
          { accountCode: ACCOUNTS.bankCash, debit: amount, fundId: pot.id },
          { accountCode: ACCOUNTS.grantCapital, credit: amount, fundId: pot.id },
        ],
      });
      await insertAllocation(tx, {
        id,
        stimulus_fund_id: stimulus.id,
        group_id: input.groupId,
        group_fund_id: pot.id,
        amount,
        allocated_on: input.allocatedOn,
        reference: input.reference,
        journal_entry_id: entryId,
        created_by: actorName(ctx.actor),
      });
      await recordAudit(tx, ctx, {
        action: 'usep.allocate',
        entityType: 'group',
        entityId: input.groupId,
        officeId: stimulus.office_id,
        after: { ...input, entryId },
      });
      return chainOf(ctx, tx, input.groupId);
    }),
  );
}

/**
 * What a musyawarah decided: the group's revolving money passed on to the members named, each
 * an application from the group's fund linked to the meeting, with where its money comes from.
 * All or none; never more than the pot holds less what earlier decisions promised.
 */
export async function passOnStimulus(
  ctx: Context,
  groupId: string,
  input: PassOnInput,
  idempotencyKey?: string,
): Promise<Idempotent<ChainView>> {
  assertRole(ctx, PASSERS);
  refuseFutureDate(input.appliedOn, businessDate(ctx.clock), 'appliedOn');
  return inTransaction(ctx, async (tx) => {
    if (!idempotencyKey) return firstTime(await passOnIn(ctx, tx, groupId, input));
    return once(tx, ctx, { key: idempotencyKey, operation: `usep.pass_on:${groupId}`, body: input }, () =>
      passOnIn(ctx, tx, groupId, input),
    );
  });
}

async function passOnIn(ctx: Context, tx: Tx, groupId: string, input: PassOnInput): Promise<ChainView> {
  if (!(await groupVisibleTo(ctx, tx, groupId))) throw notFound('group', groupId);
  const meeting = await meetingOfGroup(tx, groupId, input.meetingId);
  if (!meeting) throw invalid('usep.meeting_not_of_group', 'meetingId');
  if (input.appliedOn < meeting.held_on) throw invalid('usep.before_musyawarah', 'appliedOn', { heldOn: meeting.held_on });
  const seen = new Set<string>();
  const twice = input.recipients.flatMap((r, i) => {
    const repeated = seen.has(r.personId);
    seen.add(r.personId);
    return repeated ? [{ field: `recipients.${i}.personId`, code: 'usep.recipient_twice' }] : [];
  });
  if (twice.length > 0) throw new AppError('common.validation_failed', 'invalid', { errors: twice });
  const pot = await groupFundOf(tx, groupId);
  if (!pot) throw conflict('usep.group_fund_missing', 'groupId');
  await lockFundForLending(tx, pot.id);
  const free = passOnLimit(await availableCash(tx, pot.id), await promisedFromFund(tx, pot.id));
  const amounts = input.recipients.map((r) => BigInt(r.amount));
  const requested = amounts.reduce((sum, a) => sum + a, 0n);
  if (requested > free) throw conflict('usep.pot_exceeded', 'recipients', { available: free.toString(), requested: requested.toString() });
  const plan = planPassOn(await lotsOf(tx, groupId), amounts);
  const persons = await personsByIds(
    tx,
    input.recipients.map((r) => r.personId),
  );
  for (const [i, recipient] of input.recipients.entries()) {
    const step = plan[i] as (typeof plan)[number];
    let financingId: string;
    try {
      financingId = await openApplication(ctx, tx, {
        personId: recipient.personId,
        productCode: input.productCode,
        fundCode: pot.code,
        principal: recipient.amount,
        installments: recipient.installments,
        purpose: recipient.purpose,
        groupId,
        groupRecommendation: `Keputusan musyawarah ${meeting.held_on}: ${meeting.agenda}`.slice(0, 1000),
        appliedOn: input.appliedOn,
      });
    } catch (error) {
      throw error instanceof AppError ? underRecipient(error, i) : error;
    }
    const person = persons.get(recipient.personId);
    await insertRecipient(
      tx,
      {
        financing_id: financingId,
        group_id: groupId,
        meeting_id: meeting.id,
        person_id: recipient.personId,
        household_id: person?.householdId as string,
        amount: recipient.amount,
        generation: step.generation,
      },
      step.sources.map((source, n) => ({
        financing_id: financingId,
        n: n + 1,
        source_kind: source.kind,
        allocation_id: source.kind === 'stimulus' ? source.allocationId : null,
        source_financing_id: source.kind === 'repayment' ? source.financingId : null,
        amount: source.amount,
      })),
    );
  }
  await recordAudit(tx, ctx, {
    action: 'usep.pass_on',
    entityType: 'group',
    entityId: groupId,
    officeId: pot.office_id,
    after: input,
  });
  return chainOf(ctx, tx, groupId);
}

/** An error of one recipient's application, its fields named under that recipient. */
const underRecipient = (error: AppError, i: number) =>
  new AppError(error.code, error.kind, {
    params: error.params,
    headers: error.headers,
    errors: error.errors.map((e) => ({ ...e, field: `recipients.${i}.${e.field}` })),
  });

type GroupChainData = Awaited<ReturnType<typeof chainData>>;

/** Everything the chain of some groups is made of, read once. */
async function chainData(db: Queryable, groupIds: string[]) {
  const [allocations, recipients] = await Promise.all([findAllocationsOfGroups(db, groupIds), findRecipientsOfGroups(db, groupIds)]);
  const ids = recipients.map((r) => r.financing_id);
  const [sources, facts] = await Promise.all([findSourcesOf(db, ids), financingFacts(db, ids)]);
  const factOf = new Map(facts.map((f) => [f.id, f]));
  return { allocations, recipients, sources, factOf };
}

/**
 * The pot's traced money, oldest first: what is left of each stimulus allocation, then each
 * recipient's repaid principal not yet passed on (by round, then by disbursement). A rejected
 * application gives back what it had taken.
 */
async function lotsOf(db: Queryable, groupId: string): Promise<Lot[]> {
  const { allocations, recipients, sources, factOf } = await chainData(db, [groupId]);
  const live = new Set(recipients.filter((r) => factOf.get(r.financing_id)?.status !== 'rejected').map((r) => r.financing_id));
  const used = new Map<string, bigint>();
  for (const s of sources) {
    if (!live.has(s.financing_id)) continue;
    const key = s.allocation_id ?? s.source_financing_id;
    if (key) used.set(key, (used.get(key) ?? 0n) + BigInt(s.amount));
  }
  const lots: Lot[] = allocations.map((a) => ({
    kind: 'stimulus',
    allocationId: a.id,
    available: BigInt(a.amount) - (used.get(a.id) ?? 0n),
  }));
  const repaying = recipients
    .map((r) => ({ r, fact: factOf.get(r.financing_id) }))
    .filter(({ fact }) => fact && REACHED.has(fact.status))
    .sort((a, b) => a.r.generation - b.r.generation || (a.fact?.disbursed_on ?? '').localeCompare(b.fact?.disbursed_on ?? ''));
  for (const { r, fact } of repaying) {
    if (!fact) continue;
    const repaid = BigInt(fact.principal) - BigInt(fact.outstanding_principal);
    lots.push({
      kind: 'repayment',
      financingId: r.financing_id,
      generation: r.generation,
      available: repaid - (used.get(r.financing_id) ?? 0n),
    });
  }
  return lots;
}

function multiplierOf(data: Pick<GroupChainData, 'allocations' | 'recipients' | 'sources' | 'factOf'>) {
  const stimulus = data.allocations.reduce((sum, a) => sum + BigInt(a.amount), 0n);
  const recipients: ChainRecipient[] = data.recipients.map((r) => ({
    householdId: r.household_id,
    generation: r.generation,
    chainAmount: chainAmountOf(
      data.sources.filter((s) => s.financing_id === r.financing_id).map((s) => ({ kind: s.source_kind, amount: BigInt(s.amount) })),
    ),
    reached: REACHED.has(data.factOf.get(r.financing_id)?.status ?? ''),
  }));
  return { stimulus, recipients, multiplier: chainMultiplier(stimulus, recipients) };
}

function arrearsOf(data: Pick<GroupChainData, 'recipients' | 'factOf'>) {
  let overdue = 0n;
  let count = 0;
  for (const r of data.recipients) {
    const fact = data.factOf.get(r.financing_id);
    if (fact?.status !== 'disbursed' || BigInt(fact.overdue_amount) === 0n) continue;
    overdue += BigInt(fact.overdue_amount);
    count++;
  }
  return { overdueRupiah: overdue.toString(), recipientsInArrears: count };
}

async function chainOf(_ctx: Context, db: Queryable, groupId: string): Promise<ChainView> {
  const group = await groupSummary(db, groupId);
  if (!group) throw notFound('group', groupId);
  const data = await chainData(db, [groupId]);
  const pot = await groupFundOf(db, groupId);
  const [fundCodes, persons, meetings] = await Promise.all([
    fundCodesByIds(
      db,
      data.allocations.map((a) => a.stimulus_fund_id),
    ),
    personsByIds(
      db,
      data.recipients.map((r) => r.person_id),
    ),
    meetingsByIds(
      db,
      data.recipients.map((r) => r.meeting_id),
    ),
  ]);
  const nameOfFinancing = new Map(data.recipients.map((r) => [r.financing_id, persons.get(r.person_id)?.fullName ?? '']));
  let potView: ChainView['pot'] = null;
  if (pot) {
    const cash = await availableCash(db, pot.id);
    const promised = await promisedFromFund(db, pot.id);
    potView = {
      fundCode: pot.code,
      cash: cash.toString(),
      promised: promised.toString(),
      free: passOnLimit(cash, promised).toString(),
    };
  }
  return {
    group: { id: group.id, name: group.name, villageCodes: group.villages },
    pot: potView,
    allocations: data.allocations.map((a) => ({
      id: a.id,
      stimulusFundCode: fundCodes.get(a.stimulus_fund_id) ?? '',
      amount: a.amount,
      allocatedOn: a.allocated_on,
      reference: a.reference,
    })),
    recipients: data.recipients.map((r) => {
      const fact = data.factOf.get(r.financing_id);
      return {
        financingId: r.financing_id,
        number: fact?.number ?? '',
        personId: r.person_id,
        fullName: persons.get(r.person_id)?.fullName ?? '',
        householdId: r.household_id,
        meetingId: r.meeting_id,
        meetingHeldOn: meetings.find((m) => m.id === r.meeting_id)?.held_on ?? '',
        round: r.generation,
        amount: r.amount,
        status: fact?.status ?? '',
        repaidPrincipal: fact ? (BigInt(fact.principal) - BigInt(fact.outstanding_principal)).toString() : '0',
        overdueAmount: String(fact?.overdue_amount ?? '0'),
        daysPastDue: fact?.days_past_due ?? 0,
        sources: data.sources
          .filter((s) => s.financing_id === r.financing_id)
          .map((s) => ({
            kind: s.source_kind,
            amount: s.amount,
            allocationId: s.allocation_id,
            fromFinancingId: s.source_financing_id,
            fromName: s.source_financing_id ? (nameOfFinancing.get(s.source_financing_id) ?? null) : null,
          })),
      };
    }),
    arrears: arrearsOf(data),
    multiplier: multiplierOf(data).multiplier,
  };
}

/** A group's chain: allocations, recipients round by round with their sources, the pot, arrears and the multiplier. */
export async function getChain(ctx: Context, groupId: string): Promise<ChainView> {
  assertRole(ctx, CHAIN_READERS);
  if (!(await groupVisibleTo(ctx, ctx.db, groupId))) throw notFound('group', groupId);
  return chainOf(ctx, ctx.db, groupId);
}

/** The chain of every stimulated group of a city (or regency) in the actor's scope, and of the city as a whole. */
export async function cityChain(ctx: Context, regency: string) {
  assertRole(ctx, CHAIN_READERS);
  const [region] = await findRegionsByCodes(ctx.db, [regency]);
  if (!region) throw notFound('region', regency);
  const groups = (await groupsForActor(ctx, ctx.db, await findStimulatedGroupIds(ctx.db))).filter((g) =>
    g.villages.some((v) => v.startsWith(`${regency}.`)),
  );
  const data = await chainData(
    ctx.db,
    groups.map((g) => g.id),
  );
  const rows = groups.map((g) => {
    const mine = {
      allocations: data.allocations.filter((a) => a.group_id === g.id),
      recipients: data.recipients.filter((r) => r.group_id === g.id),
      sources: data.sources,
      factOf: data.factOf,
    };
    return { groupId: g.id, name: g.name, villageCodes: g.villages, multiplier: multiplierOf(mine).multiplier, ...arrearsOf(mine) };
  });
  return { regency: { code: region.code, name: region.name }, total: multiplierOf(data).multiplier, groups: rows };
}

/** For the group report and the Dinas overview: a group's stimulus received and revolved, arrears and multiplier. */
export async function chainFigures(db: Queryable, groupId: string) {
  const data = await chainData(db, [groupId]);
  return { ...multiplierOf(data).multiplier, ...arrearsOf(data), allocations: data.allocations.length };
}
