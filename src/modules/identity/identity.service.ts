import { createHash, randomBytes } from 'node:crypto';
import { assertRole, type Context, inTransaction, type UserActor } from '../../context.ts';
import { decodeCursor, encodeCursor } from '../../core/cursor.ts';
import { AppError, conflict, notFound } from '../../core/errors.ts';
import { uuidv7 } from '../../core/ids.ts';
import type { Locale } from '../../core/locale.ts';
import type { Role } from '../../core/roles.ts';
import { ORGANISATION_WIDE_ROLES, regionInScope, scopeFor } from '../../core/scope.ts';
import type { Queryable, Tx } from '../../db/database.ts';
import { recordAudit } from '../audit/index.ts';
import { getOrganisation, officeChangeCount, officesWithRegions, resolveOfficeCodes } from '../organisation/index.ts';
import { systemActorLabel } from './display-names.rules.ts';
import { USER_KEEPERS, USER_READERS } from './identity.roles.ts';
import type { CreateUserInput, ListUsersQuery, Me, UpdateUserInput, UserView } from './identity.schema.ts';
import {
  claimLoginAttempt,
  countActiveAdmins,
  countUsers,
  deleteSessionByTokenHash,
  deleteSessionsOfUser,
  findActiveUsersOfRole,
  findApiTokenByHash,
  findFullNameById,
  findFullNamesByUsername,
  findOfficeIdsOfUsers,
  findOldestLoginAttempt,
  findSessionByTokenHash,
  findStaffByIds,
  findUserById,
  findUserByUsername,
  insertApiToken,
  insertSession,
  insertUser,
  listUserRows,
  releaseLoginAttempt,
  replaceUserOffices,
  touchApiToken,
  updateUser,
} from './identity.store.ts';
import type { UserRow } from './identity.tables.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.ts';

export const SESSION_HOURS = 12;
export const LOGIN_WINDOW_MS = 15 * 60_000;
export const LOGIN_MAX_ATTEMPTS = 5;
/** Roles that work in the field or a branch need an office; the admin may have none. */
const ROLES_WITHOUT_OFFICE = ORGANISATION_WIDE_ROLES;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const newSecret = (bytes = 32) => randomBytes(bytes).toString('base64url');

async function buildActor(db: Queryable, user: UserRow, via: UserActor['via']): Promise<UserActor> {
  const officeIds = (await findOfficeIdsOfUsers(db, [user.id])).get(user.id) ?? [];
  const offices = (await officesWithRegions(db, officeIds)).filter((office) => office.active);
  return {
    kind: 'user',
    id: user.id,
    username: user.username,
    fullName: user.full_name,
    role: user.role,
    offices: offices.map(({ id, code, name, regionCodes }) => ({ id, code, name, regionCodes })),
    scope: scopeFor(user.role, offices, user.area_codes),
    via,
  };
}

/** The actor a named user would be when signed in, for work done on their behalf (the demo acting as its health worker). */
export async function actorForUsername(db: Queryable, username: string): Promise<UserActor | undefined> {
  const user = await findUserByUsername(db, username);
  return user?.active ? buildActor(db, user, 'session') : undefined;
}

/**
 * Sign-in attempts are counted per account, or for an unknown username per bucket of its hash:
 * nothing typed is stored (a password typed as the username would otherwise be kept), and
 * 65,536 buckets keep the table bounded while unknown names are refused alike (no oracle of
 * which usernames exist).
 */
function loginAttemptKey(username: string, user: UserRow | undefined) {
  return user ? `user:${user.id}` : `unknown:${sha256(username).slice(0, 4)}`;
}

/**
 * At most LOGIN_MAX_ATTEMPTS attempts per account in any LOGIN_WINDOW_MS: each is claimed in
 * the database before the password is checked, so racing requests and servers cannot try more.
 * A successful sign-in gives its claim back but does not clear earlier failures: a right
 * password racing wrong ones must not reopen the window for them.
 */
async function claimLoginAttemptOrRefuse(db: Queryable, key: string, now: Date) {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  if (await claimLoginAttempt(db, key, now, since, LOGIN_MAX_ATTEMPTS)) return;
  const oldest = (await findOldestLoginAttempt(db, key, since)) ?? now;
  const retryAfterSeconds = Math.max(1, Math.ceil((oldest.getTime() + LOGIN_WINDOW_MS - now.getTime()) / 1000));
  throw new AppError('auth.too_many_attempts', 'too_many_requests', {
    params: { retryAfterMinutes: Math.ceil(retryAfterSeconds / 60) },
    headers: { 'retry-after': String(retryAfterSeconds) },
  });
}

export async function login(ctx: Context, input: { username: string; password: string }) {
  const now = ctx.clock.now();
  const user = await findUserByUsername(ctx.db, input.username);
  const attemptKey = loginAttemptKey(input.username, user);
  await claimLoginAttemptOrRefuse(ctx.db, attemptKey, now);
  const passwordOk = await verifyPassword(input.password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !passwordOk || !user.active) {
    await inTransaction(ctx, (tx) =>
      recordAudit(tx, ctx, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user?.id,
        // An unknown username is not kept: it may be a password typed in the wrong field.
        after: user ? { username: user.username } : null,
      }),
    );
    throw new AppError('auth.invalid_credentials', 'unauthenticated');
  }
  const token = newSecret();
  const csrfToken = newSecret(24);
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  const actor = await buildActor(ctx.db, user, 'session');
  await inTransaction(ctx, async (tx) => {
    await insertSession(tx, {
      id: uuidv7(now.getTime()),
      token_hash: sha256(token),
      csrf_token: csrfToken,
      user_id: user.id,
      expires_at: expiresAt,
    });
    await releaseLoginAttempt(tx, attemptKey, now);
    await recordAudit(
      tx,
      { ...ctx, actor },
      {
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
      },
    );
  });
  return { token, expiresAt, me: await describeActor(ctx.db, actor, csrfToken) };
}

export async function logout(ctx: Context, token: string) {
  await inTransaction(ctx, async (tx) => {
    await deleteSessionByTokenHash(tx, sha256(token));
    await recordAudit(tx, ctx, {
      action: 'auth.logout',
      entityType: 'user',
      entityId: ctx.actor.kind === 'user' ? ctx.actor.id : undefined,
    });
  });
  forgetSignedIn();
}

/**
 * Who is behind a session cookie or an API token, kept for ACTOR_TTL_MS per database: every
 * request otherwise read the token or session, the user, their offices and the regions
 * these cover (five statements before any work). Whatever this process commits that changes
 * the answer (logout, a user changed or deactivated, a password reset, an office changed)
 * drops all of it at once; a change made elsewhere (the CLI, another server on the same
 * PostgreSQL, SQL by hand) shows within ACTOR_TTL_MS. A session's expiry is checked on every
 * request against the request's clock.
 */
const ACTOR_TTL_MS = 2_000;
const ACTOR_CACHE_MAX = 10_000;
type SignedIn = { actor: UserActor; csrfToken: string | null; expiresAt: Date | null };
type CachedSignedIn = SignedIn & { until: number; version: string };
const signedInCache = new WeakMap<Queryable, Map<string, CachedSignedIn>>();
let identityChanges = 0;
const changeVersion = () => `${identityChanges}:${officeChangeCount()}`;
function forgetSignedIn() {
  identityChanges++;
}

async function cachedSignedIn(db: Queryable, key: string, now: Date, load: () => Promise<SignedIn | null>): Promise<SignedIn | null> {
  let cache = signedInCache.get(db);
  if (!cache) {
    cache = new Map();
    signedInCache.set(db, cache);
  }
  const version = changeVersion();
  const hit = cache.get(key);
  if (hit && hit.version === version && hit.until > performance.now() && (!hit.expiresAt || hit.expiresAt > now)) return hit;
  // The version is taken before reading, so what a concurrent change makes stale is never kept.
  const loaded = await load();
  if (!loaded) {
    cache.delete(key);
    return null;
  }
  if (cache.size >= ACTOR_CACHE_MAX) cache.clear();
  cache.set(key, { ...loaded, until: performance.now() + ACTOR_TTL_MS, version });
  return loaded;
}

/** Cookie → actor and the session's CSRF token; null when unknown or expired. */
export async function resolveSession(db: Queryable, token: string, now: Date) {
  const hash = sha256(token);
  const signedIn = await cachedSignedIn(db, `session:${hash}`, now, async () => {
    const session = await findSessionByTokenHash(db, hash, now);
    if (!session) return null;
    const user = await findUserById(db, session.user_id);
    if (!user?.active) return null;
    return { actor: await buildActor(db, user, 'session'), csrfToken: session.csrf_token, expiresAt: session.expires_at };
  });
  return signedIn && { actor: signedIn.actor, csrfToken: signedIn.csrfToken as string };
}

export async function resolveApiToken(db: Queryable, token: string, now: Date) {
  const hash = sha256(token);
  const signedIn = await cachedSignedIn(db, `token:${hash}`, now, async () => {
    const row = await findApiTokenByHash(db, hash);
    if (!row) return null;
    const user = await findUserById(db, row.user_id);
    if (!user?.active) return null;
    await touchApiToken(db, row.id, now);
    return { actor: await buildActor(db, user, 'token'), csrfToken: null, expiresAt: null };
  });
  return signedIn?.actor ?? null;
}

export async function describeActor(db: Queryable, actor: UserActor, csrfToken: string | null): Promise<Me> {
  return {
    id: actor.id,
    username: actor.username,
    fullName: actor.fullName,
    role: actor.role,
    offices: actor.offices,
    scope: actor.scope.kind === 'all' ? { kind: 'all' } : { kind: 'regions', regionCodes: actor.scope.regionCodes },
    csrfToken,
    organisation: await getOrganisation(db),
  };
}

/** For `jaring token create`: the secret is shown once and stored only as a hash. */
export async function createApiToken(ctx: Context, username: string, name: string) {
  return inTransaction(ctx, async (tx) => {
    const user = await findUserByUsername(tx, username);
    if (!user) throw notFound('user', username);
    const token = `jrg_${newSecret()}`;
    const id = uuidv7(ctx.clock.now().getTime());
    await insertApiToken(tx, { id, user_id: user.id, name, token_hash: sha256(token), token_prefix: token.slice(0, 8) });
    await recordAudit(tx, ctx, {
      action: 'api_token.create',
      entityType: 'api_token',
      entityId: id,
      after: { username, name, prefix: token.slice(0, 8) },
    });
    return { id, token };
  });
}

async function toUserViews(db: Queryable, rows: UserRow[]): Promise<UserView[]> {
  const officeIdsByUser = await findOfficeIdsOfUsers(
    db,
    rows.map((row) => row.id),
  );
  const offices = await officesWithRegions(db, [...new Set([...officeIdsByUser.values()].flat())]);
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    role: row.role,
    active: row.active,
    offices: offices.filter((o) => officeIdsByUser.get(row.id)?.includes(o.id)).map(({ id, code, name }) => ({ id, code, name })),
    areaCodes: row.area_codes,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }));
}

function assertOfficesFitRole(role: Role, officeIds: string[]) {
  if (officeIds.length === 0 && !ROLES_WITHOUT_OFFICE.includes(role))
    throw new AppError('common.validation_failed', 'invalid', { errors: [{ field: 'officeCodes', code: 'users.office_required' }] });
}

/** A user's area must lie inside their offices' regions, else it would silently narrow their scope to nothing. */
async function assertAreasInOffices(tx: Tx, role: Role, officeIds: string[], areaCodes: readonly string[]) {
  if (areaCodes.length === 0 || ORGANISATION_WIDE_ROLES.includes(role)) return;
  const wide = scopeFor(role, await officesWithRegions(tx, officeIds));
  const errors = areaCodes.flatMap((code, i) =>
    regionInScope(wide, code) ? [] : [{ field: `areaCodes.${i}`, code: 'users.area_outside_offices', params: { code } }],
  );
  if (errors.length > 0) throw new AppError('common.validation_failed', 'invalid', { errors });
}

/** Inside a caller's transaction: used by the users screen, the CLI, setup and the demo. */
export async function addUser(
  tx: Tx,
  ctx: Context,
  input: Omit<CreateUserInput, 'areaCodes'> & { areaCodes?: string[] },
): Promise<UserView> {
  if (await findUserByUsername(tx, input.username)) throw conflict('users.username_taken', 'username', { username: input.username });
  const officeIds = await resolveOfficeCodes(tx, input.officeCodes, 'officeCodes');
  assertOfficesFitRole(input.role, officeIds);
  await assertAreasInOffices(tx, input.role, officeIds, input.areaCodes ?? []);
  const id = uuidv7(ctx.clock.now().getTime());
  await insertUser(tx, {
    id,
    username: input.username,
    full_name: input.fullName,
    role: input.role,
    password_hash: await hashPassword(input.password),
    area_codes: input.areaCodes ?? [],
  });
  await replaceUserOffices(tx, id, officeIds);
  const after = {
    username: input.username,
    fullName: input.fullName,
    role: input.role,
    officeCodes: input.officeCodes,
    areaCodes: input.areaCodes,
  };
  await recordAudit(tx, ctx, { action: 'user.create', entityType: 'user', entityId: id, officeId: officeIds[0] ?? null, after });
  const [view] = await toUserViews(tx, [(await findUserById(tx, id)) as UserRow]);
  return view as UserView;
}

export async function createUser(ctx: Context, input: Omit<CreateUserInput, 'areaCodes'> & { areaCodes?: string[] }) {
  assertRole(ctx, USER_KEEPERS);
  return inTransaction(ctx, (tx) => addUser(tx, ctx, input));
}

export async function changeUser(ctx: Context, id: string, input: UpdateUserInput) {
  assertRole(ctx, USER_KEEPERS);
  const view = await inTransaction(ctx, async (tx) => {
    const before = await findUserById(tx, id);
    if (!before) throw notFound('user', id);
    const [beforeView] = await toUserViews(tx, [before]);
    if (input.active === false && ctx.actor.kind === 'user' && ctx.actor.id === id)
      throw new AppError('auth.cannot_deactivate_self', 'conflict', { errors: [{ field: 'active', code: 'auth.cannot_deactivate_self' }] });
    const officeIds = input.officeCodes
      ? await resolveOfficeCodes(tx, input.officeCodes, 'officeCodes')
      : (beforeView?.offices.map((o) => o.id) ?? []);
    assertOfficesFitRole(input.role ?? before.role, officeIds);
    await assertAreasInOffices(tx, input.role ?? before.role, officeIds, input.areaCodes ?? before.area_codes);
    await updateUser(tx, id, {
      full_name: input.fullName,
      role: input.role,
      active: input.active,
      area_codes: input.areaCodes ? [...new Set(input.areaCodes)] : undefined,
      updated_at: ctx.clock.now(),
    });
    if (input.officeCodes) await replaceUserOffices(tx, id, officeIds);
    if (input.active === false) await deleteSessionsOfUser(tx, id);
    if (before.role === 'admin' && (await countActiveAdmins(tx)) === 0)
      throw new AppError('common.validation_failed', 'invalid', { errors: [{ field: 'role', code: 'users.last_admin' }] });
    const [after] = await toUserViews(tx, [(await findUserById(tx, id)) as UserRow]);
    await recordAudit(tx, ctx, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      before: userAuditShape(beforeView),
      after: userAuditShape(after),
    });
    return after as UserView;
  });
  forgetSignedIn();
  return view;
}

const userAuditShape = (view: UserView | undefined) =>
  view && {
    username: view.username,
    fullName: view.fullName,
    role: view.role,
    active: view.active,
    officeCodes: view.offices.map((o) => o.code),
    areaCodes: view.areaCodes,
  };

export async function resetPassword(ctx: Context, id: string, password: string) {
  assertRole(ctx, USER_KEEPERS);
  const reset = await inTransaction(ctx, async (tx) => {
    const user = await findUserById(tx, id);
    if (!user) throw notFound('user', id);
    await updateUser(tx, id, { password_hash: await hashPassword(password), updated_at: ctx.clock.now() });
    await deleteSessionsOfUser(tx, id);
    await recordAudit(tx, ctx, { action: 'user.reset_password', entityType: 'user', entityId: id, after: { username: user.username } });
    const [view] = await toUserViews(tx, [user]);
    return view as UserView;
  });
  forgetSignedIn();
  return reset;
}

export async function listUsers(ctx: Context, query: ListUsersQuery) {
  assertRole(ctx, USER_READERS);
  const officeId = query.office ? (await resolveOfficeCodes(ctx.db, [query.office], 'office'))[0] : undefined;
  const after = query.cursor ? decodeCursor(query.cursor, ['text'])[0] : undefined;
  const rows = await listUserRows(ctx.db, {
    q: query.q,
    role: query.role,
    officeId,
    active: query.active === undefined ? undefined : query.active === 'true',
    locked: query.locked ? { since: new Date(ctx.clock.now().getTime() - LOGIN_WINDOW_MS), max: LOGIN_MAX_ATTEMPTS } : undefined,
    userIdsInOffices: null,
    afterUsername: after,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await toUserViews(ctx.db, page),
    nextCursor: rows.length > query.limit && last ? encodeCursor(['text'], [last.username]) : null,
  };
}

export async function getUser(ctx: Context, id: string) {
  assertRole(ctx, USER_READERS);
  const row = await findUserById(ctx.db, id);
  if (!row) throw notFound('user', id);
  const [view] = await toUserViews(ctx.db, [row]);
  return view as UserView;
}

/** For other modules (the groups' facilitator list): active users of a role with their office ids; scope is the caller's to apply. */
export async function activeUsersWithRole(db: Queryable, role: Role) {
  const rows = await findActiveUsersOfRole(db, role);
  const officeIds = await findOfficeIdsOfUsers(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ id: row.id, username: row.username, fullName: row.full_name, officeIds: officeIds.get(row.id) ?? [] }));
}

/**
 * The full name of an office's head for documents to be signed by (a drawer report, a cadre's
 * assignment letter): its active manager, the first by name when it has several; null when none.
 */
export async function officeHeadName(db: Queryable, officeId: string): Promise<string | null> {
  const managers = (await activeUsersWithRole(db, 'manager')).filter((u) => u.officeIds.includes(officeId));
  managers.sort((a, b) => a.fullName.localeCompare(b.fullName, 'id'));
  return managers[0]?.fullName ?? null;
}

/** How many user accounts exist (first setup and the demo run only on an empty database). */
export const userCount = (db: Queryable) => countUsers(db);
/** Full names of staff by username, for documents that name who received or decided. */
export const staffNames = (db: Queryable, usernames: string[]) => findFullNamesByUsername(db, usernames);

/**
 * The one place that turns a recorded actor (context.ts `actorName`: a username, or
 * `system:cli:demo`) into what a document or a screen prints: the user's full name, or words
 * for a system actor ("Sistem (baris perintah)"). A username no longer known stays as it is.
 */
export async function displayNames(db: Queryable, recorded: string[], locale: Locale = 'id'): Promise<Map<string, string>> {
  const unique = [...new Set(recorded)];
  const names = await findFullNamesByUsername(
    db,
    unique.filter((name) => systemActorLabel(name, locale) === null),
  );
  return new Map(unique.map((name) => [name, systemActorLabel(name, locale) ?? names.get(name) ?? name]));
}
export const staffNameById = (db: Queryable, id: string) => findFullNameById(db, id);
/** A staff member's id, username and name (a group's facilitator), or undefined. */
export async function staffById(db: Queryable, id: string) {
  const row = await findUserById(db, id);
  return row ? { id: row.id, username: row.username, fullName: row.full_name } : undefined;
}

/** Staff by id with role, whether active, and office ids: whether someone may be put in charge of a record of an office. */
export async function staffWithOffices(db: Queryable, ids: string[]) {
  const rows = await Promise.all([...new Set(ids)].map((id) => findUserById(db, id)));
  const found = rows.filter((row): row is UserRow => row !== undefined);
  const officeIds = await findOfficeIdsOfUsers(
    db,
    found.map((row) => row.id),
  );
  return found.map((row) => ({
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    role: row.role,
    active: row.active,
    officeIds: officeIds.get(row.id) ?? [],
  }));
}

/** Username and full name of staff by user id, for lists that name who holds or did something. */
export async function staffByIds(db: Queryable, ids: string[]): Promise<Map<string, { username: string; fullName: string }>> {
  const rows = await findStaffByIds(db, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, { username: row.username, fullName: row.full_name }]));
}
