import { type Context, inTransaction } from '../../context.ts';
import { AppError } from '../../core/errors.ts';
import type { Queryable } from '../../db/database.ts';
import { addUser, userCount } from '../identity/index.ts';
import { addOffice, createOrganisation, getOrganisation } from '../organisation/index.ts';
import type { SetupInput } from './setup.schema.ts';

/** First run: nothing to sign in with until an organisation and its first admin exist. */
export async function setupStatus(db: Queryable) {
  const organisation = await getOrganisation(db);
  const needed = !organisation || (await userCount(db)) === 0;
  return { needed, organisation };
}

export async function runFirstSetup(ctx: Context, input: SetupInput) {
  return inTransaction(ctx, async (tx) => {
    if (!(await setupStatus(tx)).needed) throw new AppError('setup.already_done', 'conflict');
    const organisation = (await getOrganisation(tx)) ?? (await createOrganisation(tx, ctx, { name: input.organisationName }));
    const office = await addOffice(tx, ctx, input.office);
    const admin = await addUser(tx, ctx, { ...input.admin, role: 'admin', officeCodes: [office.code] });
    return { organisation, office, admin };
  });
}
