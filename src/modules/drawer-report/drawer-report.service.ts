import { assertRole, type Context } from '../../context.ts';
import { conflict } from '../../core/errors.ts';
import { maskName } from '../../core/mask.ts';
import { ROLES_SEEING_IDENTIFIERS } from '../../core/roles.ts';
import { financingMembers } from '../financing/index.ts';
import { officeHeadName, staffNames } from '../identity/index.ts';
import { COUNT_SOURCE, getDrawer, LEDGER_READERS } from '../ledger/index.ts';
import { getOrganisationDetails } from '../organisation/index.ts';
import { personNamesOf } from '../registry/index.ts';
import { savingsAccountMembers } from '../savings/index.ts';
import { renderDrawerReport } from './drawer-report.pdf.ts';
import type { DrawerReport } from './drawer-report.schema.ts';

const seesIdentities = (ctx: Context) =>
  ctx.actor.kind === 'system' || (ctx.actor.kind === 'user' && ROLES_SEEING_IDENTIFIERS.includes(ctx.actor.role));

/** Whose money each member-side party (a financing, a savings account) was: party id → person id. */
async function membersOfParties(ctx: Context, parties: { type: string; id: string }[]) {
  const ids = (type: string) => parties.filter((p) => p.type === type).map((p) => p.id);
  const [financings, savings] = await Promise.all([
    financingMembers(ctx.db, ids('financing')),
    savingsAccountMembers(ctx.db, ids('savings_account')),
  ]);
  const personOf = new Map<string, string>();
  for (const [id, member] of [...financings, ...savings]) personOf.set(id, member.personId);
  const persons = await personNamesOf(ctx.db, [...personOf.values()]);
  const names = new Map(persons.map((p) => [p.id, p.full_name]));
  return (partyId: string) => {
    const personId = personOf.get(partyId);
    const name = personId ? names.get(personId) : undefined;
    if (!name) return null;
    return seesIdentities(ctx) ? name : maskName(name);
  };
}

/**
 * A drawer's day as its report shows it: opening cash, each receipt and payment with its time,
 * purpose and member, the closing count by denomination, expected against counted, and the
 * people named in full (the cashier, who recorded each line, the office head who countersigns).
 */
export async function drawerReport(ctx: Context, id: string): Promise<DrawerReport> {
  assertRole(ctx, LEDGER_READERS);
  const drawer = await getDrawer(ctx, id);
  const usernames = [drawer.openedBy, ...(drawer.closedBy ? [drawer.closedBy] : []), ...drawer.movements.map((m) => m.createdBy)];
  const [organisation, staff, supervisorName, memberOf] = await Promise.all([
    getOrganisationDetails(ctx.db),
    staffNames(ctx.db, [...new Set(usernames)]),
    officeHeadName(ctx.db, drawer.officeId),
    membersOfParties(
      ctx,
      drawer.movements.flatMap((m) => (m.party ? [m.party] : [])),
    ),
  ]);
  // A system actor (the demo, the CLI) has no user row: it keeps its own name.
  const nameOf = (username: string) => staff.get(username) ?? username;
  const day = drawer.movements.filter((m) => m.sourceType !== COUNT_SOURCE);
  const sum = (direction: 'in' | 'out') => {
    const lines = day.filter((m) => m.direction === direction);
    return { count: lines.length, total: lines.reduce((total, m) => total + BigInt(m.amount), 0n).toString() };
  };
  return {
    ...drawer,
    organisation: { name: organisation?.name ?? 'Jaring', address: organisation?.address ?? null },
    office: { code: drawer.officeCode, name: drawer.officeName },
    cashierName: drawer.cashier.fullName,
    supervisorName,
    openedByName: nameOf(drawer.openedBy),
    closedByName: drawer.closedBy ? nameOf(drawer.closedBy) : null,
    movements: drawer.movements.map((m) => ({
      ...m,
      memberName: m.party ? memberOf(m.party.id) : null,
      recordedByName: nameOf(m.createdBy),
    })),
    receipts: sum('in'),
    payments: sum('out'),
    countedPieces: drawer.countedPieces?.map((p) => ({ ...p, subtotal: (BigInt(p.value) * BigInt(p.pieces)).toString() })) ?? null,
  };
}

/** The end-of-day report of a closed drawer as a PDF (A4), in Indonesian. */
export async function drawerReportPdf(ctx: Context, id: string): Promise<Buffer> {
  const report = await drawerReport(ctx, id);
  if (report.status !== 'closed') throw conflict('cash_drawer.not_closed', 'id');
  return renderDrawerReport(report);
}
