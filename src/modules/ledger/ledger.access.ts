import { actorScope, type Context } from '../../context.ts';
import { forbidden } from '../../core/errors.ts';
import { officeInScope } from '../../core/scope.ts';
import { resolveOfficeCodes } from '../organisation/index.ts';

/** The offices a report covers: one named office (in scope) or every office in scope (null = all). */
export async function officeFilter(ctx: Context, officeCode: string | undefined): Promise<string[] | null> {
  const scope = actorScope(ctx);
  if (officeCode) {
    const [id] = await resolveOfficeCodes(ctx.db, [officeCode], 'office');
    if (!id || !officeInScope(scope, id)) throw forbidden();
    return [id];
  }
  return scope.kind === 'all' ? null : scope.officeIds;
}

/** An account's name in the request's language. */
export const accountNameIn = (locale: Context['locale'], row: { name_id: string; name_en: string }) =>
  locale === 'en' ? row.name_en : row.name_id;
