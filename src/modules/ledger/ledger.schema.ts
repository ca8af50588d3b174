import { z } from 'zod';
import { archivedMonths, calendarDate, cursorParam, rupiah } from '../../core/schemas.ts';
import { ACCOUNTS, childSegment } from './accounts.rules.ts';

export { rupiah };

const officeCode = z.string().trim().toUpperCase().min(2).max(20);
const accountCode = z.string().regex(/^[1-5](\.[0-9]{1,3}){0,3}$/);

export const ACCOUNT_SCHEMES = ['both', 'conventional', 'sharia'] as const;

export const accountViewSchema = z.object({
  code: z.string(),
  /** In the request's language; `nameId` and `nameEn` are both names, for renaming. */
  name: z.string(),
  nameId: z.string(),
  nameEn: z.string(),
  type: z.enum(['asset', 'liability', 'equity', 'income', 'expense']),
  parentCode: z.string().nullable(),
  postable: z.boolean(),
  scheme: z.enum(ACCOUNT_SCHEMES),
  contra: z.boolean(),
  /** An inactive account takes no new postings; its history stays in the reports. */
  active: z.boolean(),
  /** Posted to by the system itself (cash, financing, savings…): cannot be deactivated. */
  system: z.boolean(),
});
export const accountListSchema = z.object({ items: z.array(accountViewSchema) });

const accountName = z.string().trim().min(1).max(120);

/** A postable account under a group account; its type is the group's. */
export const accountCreateInputSchema = z
  .strictObject({
    parentCode: accountCode,
    code: accountCode,
    nameId: accountName,
    nameEn: accountName,
    scheme: z.enum(ACCOUNT_SCHEMES).default('both'),
  })
  .superRefine((input, ctx) => {
    if (childSegment(input.parentCode, input.code) === null)
      ctx.addIssue({
        code: 'custom',
        path: ['code'],
        params: { code: 'ledger.account_code_not_under_parent', parent: input.parentCode },
      });
  });

/** Names and/or whether the account takes new postings; nothing else of an account changes. */
export const accountUpdateInputSchema = z
  .strictObject({ nameId: accountName.optional(), nameEn: accountName.optional(), active: z.boolean().optional() })
  .refine((input) => Object.keys(input).length > 0, { params: { code: 'ledger.account_update_empty' } });

export const trialBalanceQuerySchema = z.strictObject({ asOf: calendarDate, office: officeCode.optional() });
export const trialBalanceSchema = z.object({
  asOf: z.string(),
  office: z.string().nullable(),
  debit: z.string(),
  credit: z.string(),
  accounts: z.array(z.object({ code: z.string(), name: z.string(), type: z.string(), debit: z.string(), credit: z.string() })),
  booksRoots: z
    .array(z.object({ office: z.string(), root: z.string() }))
    .describe('The day’s tamper-evident roots (one per office, written at close of day; none before the day is closed)'),
  archivedMonths: archivedMonths('their journal lines are not in it'),
});

export const integrityQuerySchema = z.strictObject({ from: calendarDate, to: calendarDate, office: officeCode.optional() });
const problemSchema = z.object({
  office: z.string(),
  day: z.string(),
  kind: z.enum(['field', 'record_missing', 'record_added', 'root', 'chain']),
  record: z.object({ kind: z.enum(['entry', 'line', 'audit']), id: z.string() }).nullable(),
  field: z.string().nullable(),
  value: z.string().nullable(),
  message: z.string(),
});
export const integritySchema = z.object({
  from: z.string(),
  to: z.string(),
  ok: z.boolean(),
  checked: z.object({ days: z.number().int(), entries: z.number().int(), lines: z.number().int(), audits: z.number().int() }),
  problem: problemSchema.nullable().describe('The first day, record and field that do not match their seal'),
  roots: z
    .array(z.object({ office: z.string(), day: z.string(), root: z.string() }))
    .describe('The last root of each office in the period'),
  archivedMonths: archivedMonths(
    'their journal lines and audit records are not in the database, so their days cannot be re-hashed (restore the month first)',
  ),
});

export const statementQuerySchema = z.strictObject({
  from: calendarDate,
  to: calendarDate,
  office: officeCode.optional(),
  cursor: cursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const statementSchema = z.object({
  account: accountViewSchema,
  from: z.string(),
  to: z.string(),
  opening: z.string(),
  closing: z.string().nullable(),
  lines: z.array(
    z.object({
      entryId: z.string(),
      date: z.string(),
      memo: z.string(),
      sourceType: z.string(),
      debit: z.string(),
      credit: z.string(),
      balance: z.string(),
    }),
  ),
  nextCursor: z.string().nullable(),
  archivedMonths: archivedMonths('their journal lines are not in it'),
});

export const manualEntryInputSchema = z.strictObject({
  officeCode,
  entryDate: calendarDate,
  memo: z.string().trim().min(3).max(300),
  lines: z
    .array(
      z.strictObject({
        accountCode,
        debit: rupiah.optional(),
        credit: rupiah.optional(),
        fundCode: z.string().trim().toUpperCase().max(20).optional(),
      }),
    )
    .min(2)
    .max(50),
});
export const entryViewSchema = z.object({
  id: z.string(),
  officeCode: z.string(),
  entryDate: z.string(),
  memo: z.string(),
  sourceType: z.string(),
  sourceId: z.string().nullable(),
  reversesId: z.string().nullable(),
  reversedById: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  lines: z.array(
    z.object({ accountCode: z.string(), accountName: z.string(), debit: z.string(), credit: z.string(), fundCode: z.string().nullable() }),
  ),
});
export const entryIdParamsSchema = z.strictObject({ id: z.uuid() });
export const accountCodeParamsSchema = z.strictObject({ code: accountCode });
export const reverseInputSchema = z.strictObject({ reason: z.string().trim().min(3).max(300), entryDate: calendarDate.optional() });

/** The entries a keeper may reverse here: typed by hand, or a fund's capital. */
export const ENTRY_LIST_SOURCES = ['manual', 'fund'] as const;
export const entryListQuerySchema = z.strictObject({
  office: officeCode.optional(),
  source: z.enum(ENTRY_LIST_SOURCES).optional(),
  /** true: only reversing entries (of any source unless one is given); false: only entries that reverse nothing. */
  reversal: z.enum(['true', 'false']).optional(),
  /** Entries dated on or after this day. */
  from: calendarDate.optional(),
  cursor: cursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const entryListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      officeCode: z.string(),
      entryDate: z.string(),
      memo: z.string(),
      sourceType: z.string(),
      amount: z.string(),
      reversesId: z.string().nullable(),
      reversedById: z.string().nullable(),
      createdBy: z.string(),
      createdAt: z.string(),
    }),
  ),
  nextCursor: z.string().nullable(),
  archivedMonths: archivedMonths('their journal lines are not in it'),
});

export const FUND_KINDS = ['own_capital', 'stimulus', 'group_revolving'] as const;
export const createFundInputSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{2,20}$/),
  name: z.string().trim().min(1).max(120),
  kind: z.enum(FUND_KINDS),
  source: z.string().trim().min(1).max(200),
  officeCode,
  groupId: z.uuid().optional(),
  initialCapital: rupiah.default('0'),
  capitalDate: calendarDate.optional(),
  cashAccount: z.enum([ACCOUNTS.tellerCash, ACCOUNTS.bankCash]).default(ACCOUNTS.bankCash),
});
export const fundViewSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(FUND_KINDS),
  source: z.string(),
  officeCode: z.string(),
  groupId: z.string().nullable(),
  active: z.boolean(),
  capital: z.string(),
  cash: z.string(),
  outstanding: z.string(),
});
export const fundListSchema = z.object({ items: z.array(fundViewSchema) });
export const fundIdParamsSchema = z.strictObject({ id: z.uuid() });

/** More capital for an existing fund (e.g. a second stimulus tranche), received in the bank. */
export const fundCapitalInputSchema = z.strictObject({
  amount: rupiah.refine((value) => BigInt(value) > 0n, { params: { code: 'cash_drawer.amount_positive' } }),
  date: calendarDate.optional(),
  memo: z.string().trim().min(3).max(200),
});
export const fundCapitalResultSchema = z.object({ fund: fundViewSchema, entryId: z.string() });
