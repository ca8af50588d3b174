import { actorScope, type Context } from '../../context.ts';
import { AppError, invalid } from '../../core/errors.ts';
import { officeInScope } from '../../core/scope.ts';
import type { Queryable } from '../../db/database.ts';
import { resolveOfficeForActor } from '../organisation/index.ts';
import { isSystemAccount } from './accounts.rules.ts';
import { findFund, findFundByCode } from './ledger.store.ts';

/** The offices a report covers: one named office (in scope) or every office in scope (null = all). */
export async function officeFilter(ctx: Context, officeCode: string | undefined): Promise<string[] | null> {
  const scope = actorScope(ctx);
  if (officeCode) return [await resolveOfficeForActor(ctx, ctx.db, officeCode, 'office')];
  return scope.kind === 'all' ? null : scope.officeIds;
}

/**
 * A fund the actor may see, by its id (a path) or its code (a body); undefined when it is unknown
 * or belongs to an office outside the actor's scope, so that both answer alike.
 */
export async function findFundForActor(ctx: Context, db: Queryable, ref: { id: string } | { code: string }) {
  const fund = 'id' in ref ? await findFund(db, ref.id) : await findFundByCode(db, ref.code);
  return fund && officeInScope(actorScope(ctx), fund.office_id) ? fund : undefined;
}

/** An account's name in the request's language. */
export const accountNameIn = (locale: Context['locale'], row: { name_id: string; name_en: string }) =>
  locale === 'en' ? row.name_en : row.name_id;

type AccountFields = {
  code: string;
  name_id: string;
  name_en: string;
  type: 'asset' | 'liability' | 'equity' | 'income' | 'expense';
  parent_code: string | null;
  postable: boolean;
  scheme: 'both' | 'conventional' | 'sharia';
  contra: boolean;
  active: boolean;
};

/** An account as the API shows it. */
export const accountView = (locale: Context['locale'], row: AccountFields) => ({
  code: row.code,
  name: accountNameIn(locale, row),
  nameId: row.name_id,
  nameEn: row.name_en,
  type: row.type,
  parentCode: row.parent_code,
  postable: row.postable,
  scheme: row.scheme,
  contra: row.contra,
  active: row.active,
  system: isSystemAccount(row.code),
});

/**
 * Why a line cannot go to this account (unknown or header: not postable; inactive), as the 422
 * naming the account on `field`; null when it can.
 */
export function postingRefusal(
  locale: Context['locale'],
  code: string,
  account: AccountFields | undefined,
  field: string,
): AppError | null {
  if (!account?.postable) return invalid('ledger.account_not_postable', field, { code });
  if (!account.active) return inactiveAccountError(field, { code, account: `${code} ${accountNameIn(locale, account)}` });
  return null;
}

export const inactiveAccountError = (field: string, params: { code: string; account: string }) =>
  new AppError('ledger.account_inactive', 'invalid', { params, errors: [{ field, code: 'ledger.account_inactive', params }] });
