import type { StoreDb } from '../../db/store.ts';
import type { LedgerTables } from './ledger.tables.ts';

type Queryable = StoreDb<LedgerTables>;

export type EntryListFilter = {
  /** null: every source. */
  sourceTypes: readonly string[] | null;
  /** true: reversing entries only; false: entries reversing nothing; undefined: both. */
  reversal?: boolean;
  /** Dated on or after this day. */
  from?: string;
  /** null = every office. */
  officeIds: string[] | null;
  /** The last row of the previous page (newest first). */
  after: { entryDate: string; id: string } | null;
  limit: number;
};

/**
 * Journal entries of some sources, newest first (by date, then id: ids are time-ordered), with
 * their total and the entry that reversed each. Manual and fund entries are few, so the
 * (source_type, source_id) index finds them without a scan of the journal.
 */
export async function listEntryRows(db: Queryable, filter: EntryListFilter) {
  if (filter.officeIds?.length === 0 || filter.sourceTypes?.length === 0) return [];
  let query = db
    .selectFrom('journal_entry as e')
    .select((eb) => [
      'e.id',
      'e.office_id',
      'e.entry_date',
      'e.memo',
      'e.source_type',
      'e.reverses_id',
      'e.created_by',
      'e.created_at',
      eb.selectFrom('journal_entry as r').select('r.id').whereRef('r.reverses_id', '=', 'e.id').as('reversed_by_id'),
      eb
        .selectFrom('journal_line as l')
        .select((line) => line.fn.sum<string>('l.debit').as('total'))
        .whereRef('l.entry_id', '=', 'e.id')
        .as('amount'),
    ])
    .$if(filter.sourceTypes !== null, (q) => q.where('e.source_type', 'in', filter.sourceTypes ?? []))
    .$if(filter.reversal === true, (q) => q.where('e.reverses_id', 'is not', null))
    .$if(filter.reversal === false, (q) => q.where('e.reverses_id', 'is', null))
    .$if(filter.from !== undefined, (q) => q.where('e.entry_date', '>=', filter.from ?? ''));
  if (filter.officeIds) query = query.where('e.office_id', 'in', filter.officeIds);
  const after = filter.after;
  if (after) query = query.where((eb) => eb(eb.refTuple('e.entry_date', 'e.id'), '<', eb.tuple(after.entryDate, after.id)));
  return query.orderBy('e.entry_date', 'desc').orderBy('e.id', 'desc').limit(filter.limit).execute();
}
