import { type Insertable, sql, type Updateable } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type { ApiTokenTable, AppUserTable, IdentityTables, SessionTable } from './identity.tables.ts';

type Queryable = StoreDb<IdentityTables>;

export const findUserByUsername = (db: Queryable, username: string) =>
  db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
export const findUserById = (db: Queryable, id: string) => db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();

/** Active users of one role, for lists other modules offer (a group's facilitator). */
export const findActiveUsersOfRole = (db: Queryable, role: AppUserTable['role']) =>
  db.selectFrom('app_user').select(['id', 'username', 'full_name']).where('role', '=', role).where('active', '=', true).execute();

export async function lockUser(db: Queryable, id: string) {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertUser(db: Queryable, row: Insertable<AppUserTable>) {
  await db.insertInto('app_user').values(row).execute();
}

export async function updateUser(db: Queryable, id: string, changes: Updateable<AppUserTable>) {
  await db.updateTable('app_user').set(changes).where('id', '=', id).execute();
}

export async function replaceUserOffices(db: Queryable, userId: string, officeIds: string[]) {
  await db.deleteFrom('user_office').where('user_id', '=', userId).execute();
  if (officeIds.length > 0)
    await db
      .insertInto('user_office')
      .values(officeIds.map((office_id) => ({ user_id: userId, office_id })))
      .execute();
}

export async function findOfficeIdsOfUsers(db: Queryable, userIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (userIds.length === 0) return map;
  const rows = await db.selectFrom('user_office').selectAll().where('user_id', 'in', userIds).execute();
  for (const row of rows) map.set(row.user_id, [...(map.get(row.user_id) ?? []), row.office_id]);
  return map;
}

export type UserFilter = {
  q?: string;
  role?: string;
  officeId?: string;
  active?: boolean;
  /** Only users locked out now: at least `max` failed sign-ins since `since` (the home page's count). */
  locked?: { since: Date; max: number };
  userIdsInOffices: string[] | null;
  afterUsername?: string;
  limit: number;
};

export function listUserRows(db: Queryable, filter: UserFilter) {
  let query = db.selectFrom('app_user').selectAll();
  if (filter.q) {
    const like = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('username', 'like', like), eb(eb.fn('lower', ['full_name']), 'like', like)]));
  }
  if (filter.role) query = query.where('role', '=', filter.role as AppUserTable['role']);
  if (filter.active !== undefined) query = query.where('active', '=', filter.active);
  const locked = filter.locked;
  if (locked)
    query = query.where(
      sql<boolean>`EXISTS (SELECT 1 FROM login_attempt a WHERE a.key = 'user:' || app_user.id::text
        AND (SELECT count(*) FROM unnest(a.attempted_at) t WHERE t > ${locked.since}) >= ${locked.max})`,
    );
  const officeId = filter.officeId;
  if (officeId) query = query.where('id', 'in', (eb) => eb.selectFrom('user_office').select('user_id').where('office_id', '=', officeId));
  if (filter.afterUsername) query = query.where('username', '>', filter.afterUsername);
  return query.orderBy('username').limit(filter.limit).execute();
}

export const countUsers = async (db: Queryable) =>
  Number(
    (
      await db
        .selectFrom('app_user')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

export const countActiveAdmins = async (db: Queryable) =>
  Number(
    (
      await db
        .selectFrom('app_user')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('role', '=', 'admin')
        .where('active', '=', true)
        .executeTakeFirstOrThrow()
    ).n,
  );

export async function insertSession(db: Queryable, row: Insertable<SessionTable>) {
  await db.insertInto('session').values(row).execute();
}
export const findSessionByTokenHash = (db: Queryable, tokenHash: string, now: Date) =>
  db.selectFrom('session').selectAll().where('token_hash', '=', tokenHash).where('expires_at', '>', now).executeTakeFirst();
export async function deleteSessionByTokenHash(db: Queryable, tokenHash: string) {
  await db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
}
export async function deleteSessionsOfUser(db: Queryable, userId: string) {
  await db.deleteFrom('session').where('user_id', '=', userId).execute();
}

export async function insertApiToken(db: Queryable, row: Insertable<ApiTokenTable>) {
  await db.insertInto('api_token').values(row).execute();
}
export const findApiTokenByHash = (db: Queryable, tokenHash: string) =>
  db.selectFrom('api_token').selectAll().where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).executeTakeFirst();
/**
 * Records when a token was last used, at most once a minute: every request of an
 * integration otherwise rewrote (and flushed to disk) the same row.
 */
export async function touchApiToken(db: Queryable, id: string, now: Date) {
  const minuteAgo = new Date(now.getTime() - 60_000);
  await db
    .updateTable('api_token')
    .set({ last_used_at: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', minuteAgo)]))
    .execute();
}

/**
 * Claims one sign-in attempt under `key` unless `limit` attempts were claimed after `since`.
 * One statement: on PostgreSQL, ON CONFLICT locks the row and re-reads its latest version, so
 * racing requests (and servers) queue on it; PGlite runs one statement at a time.
 */
export async function claimLoginAttempt(db: Queryable, key: string, at: Date, since: Date, limit: number): Promise<boolean> {
  const claimed = await sql<{ key: string }>`
    INSERT INTO login_attempt AS a (key, attempted_at, created_at, updated_at)
    VALUES (${key}, ARRAY[${at}::timestamptz], ${at}, ${at})
    ON CONFLICT (key) DO UPDATE
      SET attempted_at = ARRAY(SELECT t FROM unnest(a.attempted_at) AS t WHERE t > ${since}) || ${at}::timestamptz,
          updated_at = ${at}
      WHERE (SELECT count(*) FROM unnest(a.attempted_at) AS t WHERE t > ${since}) < ${limit}
    RETURNING a.key`.execute(db);
  return claimed.rows.length === 1;
}

/** Gives back one attempt claimed at `at` (a successful sign-in does not count). */
export async function releaseLoginAttempt(db: Queryable, key: string, at: Date) {
  await sql`
    UPDATE login_attempt
    SET attempted_at = attempted_at[:array_position(attempted_at, ${at}::timestamptz) - 1]
                    || attempted_at[array_position(attempted_at, ${at}::timestamptz) + 1:]
    WHERE key = ${key} AND ${at}::timestamptz = ANY (attempted_at)`.execute(db);
}

/** The oldest attempt under `key` after `since`: when the next one will be allowed. */
export async function findOldestLoginAttempt(db: Queryable, key: string, since: Date): Promise<Date | null> {
  const row = await sql<{ oldest: Date | null }>`
    SELECT min(t) AS oldest FROM login_attempt, unnest(attempted_at) AS t WHERE key = ${key} AND t > ${since}`.execute(db);
  return row.rows[0]?.oldest ?? null;
}

/** Full names of staff by username (repayments record who received them by username). */
export async function findFullNamesByUsername(db: Queryable, usernames: string[]): Promise<Map<string, string>> {
  if (usernames.length === 0) return new Map();
  const rows = await db.selectFrom('app_user').select(['username', 'full_name']).where('username', 'in', usernames).execute();
  return new Map(rows.map((r) => [r.username, r.full_name]));
}

export const findStaffByIds = (db: Queryable, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom('app_user').select(['id', 'username', 'full_name']).where('id', 'in', ids).execute();

export const findFullNameById = (db: Queryable, id: string) =>
  db
    .selectFrom('app_user')
    .select('full_name')
    .where('id', '=', id)
    .executeTakeFirst()
    .then((row) => row?.full_name ?? null);
