import type { z } from 'zod';
import { actorScope, assertRole, type Context, inTransaction } from '../../context.ts';
import { conflict, invalid } from '../../core/errors.ts';
import { officeInScope } from '../../core/scope.ts';
import { recordAudit } from '../audit/index.ts';
import { activeUsersWithRole, staffByIds, staffWithOffices } from '../identity/index.ts';
import { officesByIds, resolveOfficeForActor } from '../organisation/index.ts';
import { FINANCING_READERS, OFFICER_KEEPERS, OFFICER_ROLES } from './financing.roles.ts';
import type { officerInputSchema, officersQuerySchema, officersViewSchema } from './financing.schema.ts';
import { updateFinancing } from './financing.store.ts';
import { financingInScope, getFinancing } from './lifecycle.service.ts';

/** Facilitators and managers of the actor's offices (or of one office), who may be put in charge of a financing. */
export async function listOfficers(ctx: Context, query: z.infer<typeof officersQuerySchema>): Promise<z.infer<typeof officersViewSchema>> {
  assertRole(ctx, FINANCING_READERS);
  const scope = actorScope(ctx);
  // An office outside the actor's scope answers as an unknown one (422 on `office`).
  const officeId = query.office ? await resolveOfficeForActor(ctx, ctx.db, query.office, 'office') : undefined;
  const users = (await Promise.all(OFFICER_ROLES.map((role) => activeUsersWithRole(ctx.db, role)))).flatMap((list, i) =>
    list.map((u) => ({ ...u, role: OFFICER_ROLES[i] as string })),
  );
  const wanted = users.filter((u) => u.officeIds.some((id) => (officeId ? id === officeId : officeInScope(scope, id))));
  const offices = await officesByIds(ctx.db, [...new Set(wanted.flatMap((u) => u.officeIds))]);
  return {
    items: wanted
      .map((u) => ({
        id: u.id,
        name: u.fullName,
        role: u.role,
        officeCodes: u.officeIds.flatMap((id) => (offices.has(id) ? [offices.get(id)?.code as string] : [])).sort(),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'id') || a.id.localeCompare(b.id)),
  };
}

/**
 * A manager puts a financing in an officer's charge: an active facilitator or manager working
 * at the financing's office (else 422 financing.officer_unfit). Audited with before and after.
 */
export async function assignOfficer(ctx: Context, id: string, input: z.infer<typeof officerInputSchema>) {
  assertRole(ctx, OFFICER_KEEPERS);
  await inTransaction(ctx, async (tx) => {
    const row = await financingInScope(ctx, tx, id, true);
    if (row.status === 'rejected' || row.status === 'closed')
      throw conflict('financing.wrong_status', 'status', { status: row.status, expected: 'applied, approved, disbursed, written_off' });
    const [user] = await staffWithOffices(tx, [input.userId]);
    const fits = user?.active && (OFFICER_ROLES as readonly string[]).includes(user.role) && user.officeIds.includes(row.office_id);
    if (!user || !fits) throw invalid('financing.officer_unfit', 'userId');
    if (row.facilitator_id === user.id) return;
    const before = row.facilitator_id ? (await staffByIds(tx, [row.facilitator_id])).get(row.facilitator_id) : undefined;
    await updateFinancing(tx, id, { facilitator_id: user.id });
    await recordAudit(tx, ctx, {
      action: 'financing.assign_officer',
      entityType: 'financing',
      entityId: id,
      officeId: row.office_id,
      regionCode: row.region_code,
      before: { facilitator: before?.fullName ?? null },
      after: { facilitator: user.fullName },
    });
  });
  return getFinancing(ctx, id);
}
