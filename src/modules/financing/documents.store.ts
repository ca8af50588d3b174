import type { Queryable } from '../../db/database.ts';

/** Running financings of a group's members, for its collection sheet. */
export const disbursedFinancingsOfGroup = (db: Queryable, groupId: string) =>
  db
    .selectFrom('financing')
    .select(['id', 'number', 'person_id', 'region_code', 'outstanding_principal', 'outstanding_profit', 'outstanding_penalty'])
    .where('group_id', '=', groupId)
    .where('status', '=', 'disbursed')
    .orderBy('id')
    .execute();

/** Full names of staff by username (repayments record who received them by username). */
export async function staffNames(db: Queryable, usernames: string[]): Promise<Map<string, string>> {
  if (usernames.length === 0) return new Map();
  const rows = await db.selectFrom('app_user').select(['username', 'full_name']).where('username', 'in', usernames).execute();
  return new Map(rows.map((r) => [r.username, r.full_name]));
}

export const staffNameById = (db: Queryable, id: string) =>
  db
    .selectFrom('app_user')
    .select('full_name')
    .where('id', '=', id)
    .executeTakeFirst()
    .then((row) => row?.full_name ?? null);
