import { actorScope, assertRole, type Context } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { sumRupiah } from '../../core/money.ts';
import type { Role } from '../../core/roles.ts';
import { regionInScope } from '../../core/scope.ts';
import { personAid } from '../aid/index.ts';
import { getFamilyDues, householdVisits } from '../contributions/index.ts';
import { runningFinancingsOfPersons } from '../financing/index.ts';
import { personGroups } from '../groups/index.ts';
import { listEncounters } from '../health/index.ts';
import { findPersonForActor, householdById, householdMembers } from '../registry/index.ts';
import { AID_PART, FINANCING_PART, HEALTH_PART, JKN_PART, TIMELINE_READERS } from './timeline.roles.ts';
import type { HouseholdOverview, TimelineEvent, TimelineView } from './timeline.schema.ts';
import {
  aidProgrammesOf,
  financingEventsOfPerson,
  financingFlagsOfPersons,
  jknOfPersons,
  jknPaymentsOfHousehold,
  registeredOn,
} from './timeline.store.ts';

/** How many of the latest visits and encounters the timeline carries. */
const LATEST = 20;

function reads(ctx: Context, roles: readonly Role[]): boolean {
  return ctx.actor.kind === 'system' || (ctx.actor.kind === 'user' && roles.includes(ctx.actor.role));
}

/** A part another module refuses for this actor (a cadre not looking after the family: 404; a role: 403) is simply left out. */
async function unlessRefused<T>(work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && (error.kind === 'not_found' || error.kind === 'forbidden')) return null;
    throw error;
  }
}

const newestFirst = (a: TimelineEvent, b: TimelineEvent) => b.on.localeCompare(a.on) || a.kind.localeCompare(b.kind);

/**
 * A person's timeline (registration, groups, financings, aid payments, JKN contributions, cadre
 * visits, and health encounters for the health roles, those reads audited by the health module)
 * with what they owe now. Each module answers for its own part; a part the role may not read is
 * left out. Unknown and out-of-scope persons alike: 404.
 */
export async function personTimeline(ctx: Context, personId: string): Promise<TimelineView> {
  assertRole(ctx, TIMELINE_READERS);
  const person = await findPersonForActor(ctx, ctx.db, personId);
  if (!person) throw notFound('person', personId);
  const today = businessDate(ctx.clock);
  const householdId = person.household_id;
  const [registered, groups, financingEvents, running, aid, jknPayments, dues, visits, encounters] = await Promise.all([
    registeredOn(ctx.db, person.id),
    personGroups(ctx, person.id),
    reads(ctx, FINANCING_PART) ? financingEventsOfPerson(ctx.db, person.id) : null,
    reads(ctx, FINANCING_PART) ? runningFinancingsOfPersons(ctx.db, [person.id]) : null,
    reads(ctx, AID_PART) ? unlessRefused(() => personAid(ctx, person.id)) : null,
    reads(ctx, JKN_PART) ? jknPaymentsOfHousehold(ctx.db, householdId) : null,
    reads(ctx, JKN_PART) ? unlessRefused(() => getFamilyDues(ctx, householdId)) : null,
    reads(ctx, JKN_PART) ? unlessRefused(() => householdVisits(ctx, householdId, LATEST)) : null,
    reads(ctx, HEALTH_PART) ? listEncounters(ctx, person.id, { limit: LATEST }) : null,
  ]);

  const events: TimelineEvent[] = [];
  if (registered) events.push({ on: registered, kind: 'registered', ref: null, label: null, amount: null });
  for (const g of groups.items) {
    events.push({ on: g.joinedOn, kind: 'group_joined', ref: { type: 'group', id: g.groupId }, label: g.name, amount: null });
    if (g.leftOn) events.push({ on: g.leftOn, kind: 'group_left', ref: { type: 'group', id: g.groupId }, label: g.name, amount: null });
  }
  for (const f of financingEvents ?? [])
    events.push({
      on: f.on,
      kind: f.kind as TimelineEvent['kind'],
      ref: { type: 'financing', id: f.financing_id },
      label: f.number,
      amount: f.amount,
    });
  for (const p of aid?.payments ?? [])
    if (p.status === 'paid' && p.paidOn)
      events.push({ on: p.paidOn, kind: 'aid_paid', ref: { type: 'cycle', id: p.cycleId }, label: p.cycleName, amount: p.amount });
  if (jknPayments && (ctx.actor.kind !== 'user' || ctx.actor.role !== 'cadre' || visits !== null))
    for (const p of jknPayments) events.push({ on: p.on, kind: 'jkn_paid', ref: null, label: p.receipt_number, amount: p.amount });
  for (const v of visits?.items ?? []) events.push({ on: v.visitedOn, kind: 'cadre_visit', ref: null, label: v.outcome, amount: null });
  for (const e of encounters?.items ?? [])
    events.push({
      on: e.encounteredOn,
      kind: 'health_encounter',
      ref: { type: 'encounter', id: e.id },
      label: e.diagnoses[0] ? `${e.diagnoses[0].code} ${e.diagnoses[0].name}` : e.complaint || null,
      amount: null,
    });
  events.sort(newestFirst);

  const owed = running?.flatMap((f) => f.instalments) ?? null;
  const quote = dues?.quote ?? null;
  return {
    personId: person.id,
    asOf: today,
    totals: {
      financing: owed
        ? {
            running: running?.length ?? 0,
            overdue: sumRupiah(owed.filter((i) => i.dueDate < today).map((i) => i.owed)).toString(),
            owed: sumRupiah(owed.map((i) => i.owed)).toString(),
          }
        : null,
      jkn: quote ? { status: quote.status, arrearsMonths: quote.arrearsMonths, arrearsAmount: String(quote.arrearsAmount) } : null,
    },
    events,
  };
}

/**
 * A family at a glance: address, RT/RW, phone and each member's flags (financing arrears, JKN
 * card, aid programmes), only the parts the role reads. Unknown and out-of-scope alike: 404.
 */
export async function householdOverview(ctx: Context, householdId: string): Promise<HouseholdOverview> {
  assertRole(ctx, TIMELINE_READERS);
  const household = await householdById(ctx.db, householdId);
  if (!household || !regionInScope(actorScope(ctx), household.village_code)) throw notFound('household', householdId);
  const today = businessDate(ctx.clock);
  const members = await householdMembers(ctx.db, household.id);
  const ids = members.map((m) => m.id);
  const parts = { financing: reads(ctx, FINANCING_PART), jkn: reads(ctx, JKN_PART), aid: reads(ctx, AID_PART) };
  const [financing, jkn, aid] = await Promise.all([
    parts.financing ? financingFlagsOfPersons(ctx.db, ids, today) : [],
    parts.jkn ? jknOfPersons(ctx.db, ids) : [],
    parts.aid ? aidProgrammesOf(ctx.db, household.id, ids) : [],
  ]);
  const programme = (row: (typeof aid)[number]) => ({
    code: row.code,
    name: ctx.locale === 'en' ? row.name_en : row.name_id,
    status: row.status,
  });
  const flagged = members.map((m) => {
    const f = financing.find((r) => r.person_id === m.id);
    const card = jkn.find((r) => r.person_id === m.id);
    return {
      personId: m.id,
      fullName: m.full_name,
      relation: m.relation,
      deceased: m.died_on !== null,
      financing: f ? { running: f.running, overdue: f.overdue, daysPastDue: f.days_past_due } : null,
      jkn: card ? { segment: card.segment, jknClass: card.jkn_class, status: card.status } : null,
      aidProgrammes: parts.aid ? aid.filter((r) => r.person_id === m.id).map(programme) : null,
    };
  });
  return {
    householdId: household.id,
    address: household.address,
    rt: household.rt,
    rw: household.rw,
    phone: household.phone,
    asOf: today,
    parts,
    aidProgrammes: parts.aid ? aid.filter((r) => r.person_id === null).map(programme) : null,
    members: flagged,
    totals: {
      financingOverdue: parts.financing ? sumRupiah(financing.map((r) => r.overdue)).toString() : null,
      membersInArrears: parts.financing ? financing.filter((r) => BigInt(r.overdue) > 0n).length : null,
    },
  };
}
