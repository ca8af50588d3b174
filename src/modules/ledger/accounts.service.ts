import type { z } from 'zod';
import { assertRole, type Context, inTransaction } from '../../context.ts';
import { conflict, invalid, notFound } from '../../core/errors.ts';
import type { Queryable } from '../../db/database.ts';
import { recordAudit } from '../audit/index.ts';
import { officesWithRegions } from '../organisation/index.ts';
import { isSystemAccount, nextChildCode, sameNumberSibling } from './accounts.rules.ts';
import { accountNameIn, accountView } from './ledger.access.ts';
import { LEDGER_KEEPERS, LEDGER_READERS } from './ledger.roles.ts';
import type { accountCreateInputSchema, accountUpdateInputSchema, accountViewSchema } from './ledger.schema.ts';
import {
  type AccountRow,
  childAccounts,
  findAccount,
  holdPostings,
  insertAccount,
  listAccountRows,
  lockAccount,
  lockAccountShared,
  nonZeroAccountBalances,
  updateAccount,
} from './ledger.store.ts';

type AccountView = z.infer<typeof accountViewSchema>;

export async function listAccounts(ctx: Context): Promise<{ items: AccountView[] }> {
  assertRole(ctx, LEDGER_READERS);
  const rows = await listAccountRows(ctx.db);
  return { items: rows.map((row) => accountView(ctx.locale, row)) };
}

async function viewOf(ctx: Context, db: Queryable, code: string): Promise<AccountView> {
  const row = await findAccount(db, code);
  if (!row) throw notFound('ledger_account', code);
  return accountView(ctx.locale, row);
}

/** "5.2.03 Beban listrik": how a message names an account. */
const named = (ctx: Context, row: AccountRow) => `${row.code} ${accountNameIn(ctx.locale, row)}`;

/** A postable account under a group account, of the group's type (chart of accounts kept by the institution). */
export async function createAccount(ctx: Context, input: z.infer<typeof accountCreateInputSchema>): Promise<AccountView> {
  assertRole(ctx, LEDGER_KEEPERS);
  await inTransaction(ctx, async (tx) => {
    // The group is locked so that two additions under it, or its deactivation, take turns.
    const parent = await lockAccount(tx, input.parentCode);
    if (!parent) throw invalid('ledger.account_parent_unknown', 'parentCode', { code: input.parentCode });
    if (parent.postable) throw invalid('ledger.account_parent_not_group', 'parentCode', { code: input.parentCode });
    if (!parent.active) throw invalid('ledger.account_parent_inactive', 'parentCode', { parent: named(ctx, parent) });
    if (await findAccount(tx, input.code)) throw conflict('ledger.account_code_taken', 'code', { code: input.code });
    const siblings = (await childAccounts(tx, parent.code)).map((row) => row.code);
    const existing = sameNumberSibling(parent.code, input.code, siblings);
    if (existing)
      throw conflict('ledger.account_code_ambiguous', 'code', {
        code: input.code,
        existing,
        suggested: nextChildCode(parent.code, siblings) ?? '',
      });
    const row = {
      code: input.code,
      name_id: input.nameId,
      name_en: input.nameEn,
      type: parent.type,
      parent_code: parent.code,
      scheme: input.scheme,
    };
    await insertAccount(tx, row);
    await recordAudit(tx, ctx, {
      action: 'ledger.account_create',
      entityType: 'ledger_account',
      entityId: input.code,
      after: { ...row, postable: true, active: true },
    });
  });
  return viewOf(ctx, ctx.db, input.code);
}

/**
 * Renames an account and/or deactivates or reactivates it. An inactive account takes no new
 * postings and keeps its history in every report; one the system posts to, one still holding a
 * balance, or a group with active accounts under it cannot be deactivated.
 */
export async function updateAccountOf(ctx: Context, code: string, input: z.infer<typeof accountUpdateInputSchema>): Promise<AccountView> {
  assertRole(ctx, LEDGER_KEEPERS);
  await inTransaction(ctx, async (tx) => {
    // Taken before the account's row: a posting in flight holds the journal and then the row.
    if (input.active === false) await holdPostings(tx);
    const account = await lockAccount(tx, code);
    if (!account) throw notFound('ledger_account', code);
    const changes: Partial<Pick<AccountRow, 'name_id' | 'name_en' | 'active'>> = {};
    if (input.nameId !== undefined && input.nameId !== account.name_id) changes.name_id = input.nameId;
    if (input.nameEn !== undefined && input.nameEn !== account.name_en) changes.name_en = input.nameEn;
    if (input.active === false && account.active) {
      await assertDeactivatable(ctx, tx, account);
      changes.active = false;
    }
    if (input.active === true && !account.active) {
      const parent = account.parent_code ? await lockAccountShared(tx, account.parent_code) : undefined;
      if (parent && !parent.active) throw conflict('ledger.account_parent_inactive', 'active', { parent: named(ctx, parent) });
      changes.active = true;
    }
    const keys = Object.keys(changes) as (keyof typeof changes)[];
    if (keys.length === 0) return;
    await updateAccount(tx, code, changes, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action:
        changes.active === false
          ? 'ledger.account_deactivate'
          : changes.active === true
            ? 'ledger.account_activate'
            : 'ledger.account_rename',
      entityType: 'ledger_account',
      entityId: code,
      before: Object.fromEntries(keys.map((key) => [key, account[key]])),
      after: changes,
    });
  });
  return viewOf(ctx, ctx.db, code);
}

async function assertDeactivatable(ctx: Context, tx: Queryable, account: AccountRow) {
  const params = { code: account.code, account: named(ctx, account) };
  if (isSystemAccount(account.code)) throw conflict('ledger.account_used_by_system', 'active', params);
  const activeChildren = (await childAccounts(tx, account.code)).filter((child) => child.active);
  if (activeChildren.length > 0)
    throw conflict('ledger.account_has_active_children', 'active', { ...params, children: activeChildren.map((c) => c.code).join(', ') });
  const balances = await nonZeroAccountBalances(tx, account.code);
  if (balances.length > 0) {
    const offices = await officesWithRegions(tx, [...new Set(balances.map((b) => b.office_id))]);
    throw conflict('ledger.account_has_balance', 'active', {
      ...params,
      offices: offices
        .map((office) => office.code)
        .sort()
        .join(', '),
    });
  }
}
