import { sql } from 'kysely';
import type { Context } from '../context.ts';
import { businessDate } from '../core/clock.ts';
import type { Queryable } from '../db/database.ts';
import { trialBalance } from '../modules/ledger/index.ts';

/**
 * What backup, restore and migrate-to-postgres print after their work, so that an operator
 * (and the tests) can compare the database before and after: the rows of every table, the
 * trial balance of the whole organisation, and a digest of every journal line.
 */
export type Checks = {
  tables: Record<string, number>;
  trialBalance: {
    asOf: string;
    debit: string;
    credit: string;
    accounts: { code: string; debit: string; credit: string }[];
  };
  /** md5 of every journal line (entry, line, account, office, date, amounts, fund, party) in key order. */
  ledgerDigest: string;
};

/** The tables of the current schema, partitions counted through their parent. */
export async function listTables(db: Queryable): Promise<string[]> {
  const result = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
    ORDER BY c.relname`.execute(db);
  return result.rows.map((row) => row.name);
}

export async function countRows(db: Queryable): Promise<Record<string, number>> {
  const tables: Record<string, number> = {};
  for (const name of await listTables(db)) {
    const result = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(name)}`.execute(db);
    tables[name] = Number(result.rows[0]?.n ?? 0);
  }
  return tables;
}

export async function databaseChecks(ctx: Context): Promise<Checks> {
  const tables = await countRows(ctx.db);
  // As of the last day anything was posted (or today): later days cannot change it.
  const last = await sql<{ day: string | null }>`SELECT max(entry_date)::text AS day FROM journal_entry`.execute(ctx.db);
  const today = businessDate(ctx.clock);
  const lastDay = last.rows[0]?.day ?? null;
  const asOf = lastDay && lastDay > today ? lastDay : today;
  const balance = await trialBalance({ ...ctx, locale: 'en' }, { asOf });
  const digest = await sql<{ digest: string | null }>`
    SELECT md5(string_agg(
      concat_ws('|', entry_id, line_no, account_code, office_id, entry_date, debit, credit, fund_id, party_type, party_id),
      E'\n' ORDER BY entry_id, line_no)) AS digest
    FROM journal_line`.execute(ctx.db);
  return {
    tables,
    trialBalance: {
      asOf,
      debit: balance.debit,
      credit: balance.credit,
      accounts: balance.accounts.map((a) => ({ code: a.code, debit: a.debit, credit: a.credit })),
    },
    ledgerDigest: digest.rows[0]?.digest ?? 'no journal lines',
  };
}

const rupiah = (amount: string) => `Rp${BigInt(amount).toLocaleString('id-ID')}`;

/** Rows per table (tables with rows; the number of empty ones), then the trial balance. */
export function formatChecks(checks: Checks): string {
  const names = Object.keys(checks.tables).sort();
  const filled = names.filter((name) => (checks.tables[name] ?? 0) > 0);
  const total = names.reduce((sum, name) => sum + (checks.tables[name] ?? 0), 0);
  const width = Math.max(10, ...filled.map((name) => name.length));
  const tb = checks.trialBalance;
  return [
    `Rows: ${total.toLocaleString('en')} in ${names.length} tables (${names.length - filled.length} empty)`,
    ...filled.map((name) => `  ${name.padEnd(width)} ${String(checks.tables[name]).padStart(9)}`),
    `Trial balance as of ${tb.asOf}: debit ${rupiah(tb.debit)}, credit ${rupiah(tb.credit)}, ${tb.accounts.length} accounts${tb.debit === tb.credit ? '' : ' — NOT BALANCED'}`,
    `Ledger digest (every journal line): ${checks.ledgerDigest}`,
  ].join('\n');
}

/**
 * What differs between two checks, in words; empty when they agree. Tables only one side
 * has are named (a newer schema may add tables), and the trial balance is compared line
 * by line but not its date (a restore on a later day shows the same books).
 */
export function compareChecks(expected: Checks, actual: Checks, options: { ignoreTables?: string[] } = {}): string[] {
  const differences: string[] = [];
  const ignore = new Set(options.ignoreTables ?? []);
  for (const name of new Set([...Object.keys(expected.tables), ...Object.keys(actual.tables)])) {
    if (ignore.has(name)) continue;
    const want = expected.tables[name];
    const got = actual.tables[name];
    if (want === undefined) differences.push(`table ${name}: not in the original (${got} rows)`);
    else if (got === undefined) differences.push(`table ${name}: missing (${want} rows in the original)`);
    else if (want !== got) differences.push(`table ${name}: ${got} rows, ${want} in the original`);
  }
  const a = expected.trialBalance;
  const b = actual.trialBalance;
  if (a.debit !== b.debit || a.credit !== b.credit)
    differences.push(`trial balance: debit ${b.debit}, credit ${b.credit}; the original ${a.debit}, ${a.credit}`);
  const accounts = (tb: Checks['trialBalance']) => new Map(tb.accounts.map((line) => [line.code, `${line.debit}/${line.credit}`]));
  const want = accounts(a);
  const got = accounts(b);
  for (const code of new Set([...want.keys(), ...got.keys()]))
    if (want.get(code) !== got.get(code))
      differences.push(`account ${code}: ${got.get(code) ?? 'none'} (debit/credit), the original ${want.get(code) ?? 'none'}`);
  if (expected.ledgerDigest !== actual.ledgerDigest) differences.push('ledger digest differs: the journal lines are not the same');
  return differences;
}
