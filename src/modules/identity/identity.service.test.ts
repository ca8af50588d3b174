import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { Context, UserActor } from '../../context.ts';
import { inTransaction } from '../../context.ts';
import { AppError } from '../../core/errors.ts';
import { scopeFor } from '../../core/scope.ts';
import { httpStatusOf } from '../../http/problem.ts';
import { describeEachDatabase } from '../../testing/databases.ts';
import { systemTestContext } from '../../testing/server.ts';
import { listAuditTrail } from '../audit/index.ts';
import { addOffice, changeOffice, createOrganisation } from '../organisation/index.ts';
import {
  changeUser,
  createApiToken,
  createUser,
  login,
  logout,
  resetPassword,
  resolveApiToken,
  resolveSession,
} from './identity.service.ts';

const adminActor = (id = '01900000-0000-7000-8000-00000000000a'): UserActor => ({
  kind: 'user',
  id,
  username: 'admin',
  fullName: 'Admin',
  role: 'admin',
  offices: [],
  scope: scopeFor('admin', []),
  via: 'session',
});

async function expectAppError(promise: Promise<unknown>, code: string, status: number) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  expect(httpStatusOf(error as AppError)).toBe(status);
  return error as AppError;
}

describeEachDatabase('users and sessions', (getDatabase) => {
  let system: Context;
  let admin: Context;

  beforeAll(async () => {
    system = systemTestContext(getDatabase());
    admin = { ...system, actor: adminActor() };
    await inTransaction(system, async (tx) => {
      await createOrganisation(tx, system, { name: 'Uji' });
      await addOffice(tx, system, { code: 'BD01', name: 'Bandung', kind: 'branch', regionCode: '32.04', coveredRegionCodes: ['32.04'] });
    });
  });

  it('creates a user with offices, audited in the same transaction, and refuses a taken username with 409', async () => {
    const user = await createUser(admin, {
      username: 'siti',
      fullName: 'Siti Aminah',
      role: 'facilitator',
      password: 'rahasia-siti',
      officeCodes: ['BD01'],
    });
    expect(user).toMatchObject({ username: 'siti', role: 'facilitator', active: true, offices: [{ code: 'BD01' }] });
    const trail = await listAuditTrail(admin, { entityType: 'user', entityId: user.id, limit: 10 });
    expect(trail.items.map((r) => r.action)).toEqual(['user.create']);
    expect(JSON.stringify(trail.items[0]?.after)).not.toContain('rahasia-siti');

    const error = await expectAppError(
      createUser(admin, { username: 'siti', fullName: 'Lain', role: 'cashier', password: 'rahasia-lain', officeCodes: ['BD01'] }),
      'users.username_taken',
      409,
    );
    expect(error.errors[0]?.field).toBe('username');
  });

  it('writes nothing when a step fails: unknown office leaves no user and no audit record', async () => {
    const before = await getDatabase()
      .db.selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const error = await expectAppError(
      createUser(admin, { username: 'budi', fullName: 'Budi', role: 'cashier', password: 'rahasia-budi', officeCodes: ['ZZ99'] }),
      'common.validation_failed',
      422,
    );
    expect(error.errors).toEqual([{ field: 'officeCodes', code: 'users.unknown_office', params: { code: 'ZZ99' } }]);
    const users = await getDatabase().db.selectFrom('app_user').select('username').where('username', '=', 'budi').execute();
    expect(users).toEqual([]);
    const after = await getDatabase()
      .db.selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('needs an office for every role but admin', async () => {
    const error = await expectAppError(
      createUser(admin, { username: 'kader1', fullName: 'Kader', role: 'cadre', password: 'rahasia-kader', officeCodes: [] }),
      'common.validation_failed',
      422,
    );
    expect(error.errors[0]).toMatchObject({ field: 'officeCodes', code: 'users.office_required' });
  });

  it('ends sessions and refuses sign-in when a user is deactivated; a reset password works', async () => {
    const user = await createUser(admin, {
      username: 'dewi',
      fullName: 'Dewi',
      role: 'cashier',
      password: 'rahasia-dewi',
      officeCodes: ['BD01'],
    });
    const session = await login(system, { username: 'dewi', password: 'rahasia-dewi' });
    expect(await resolveSession(getDatabase().db, session.token, new Date())).not.toBeNull();

    await changeUser(admin, user.id, { active: false });
    expect(await resolveSession(getDatabase().db, session.token, new Date())).toBeNull();
    await expectAppError(login(system, { username: 'dewi', password: 'rahasia-dewi' }), 'auth.invalid_credentials', 401);

    await changeUser(admin, user.id, { active: true });
    await resetPassword(admin, user.id, 'baru-rahasia-dewi');
    await expectAppError(login(system, { username: 'dewi', password: 'rahasia-dewi' }), 'auth.invalid_credentials', 401);
    expect((await login(system, { username: 'dewi', password: 'baru-rahasia-dewi' })).me.username).toBe('dewi');
  });

  it('audits a failed sign-in by user id, and keeps nothing typed for an unknown username', async () => {
    const db = getDatabase().db;
    const user = await createUser(admin, {
      username: 'wulan',
      fullName: 'Wulan',
      role: 'cashier',
      password: 'rahasia-wulan',
      officeCodes: ['BD01'],
    });
    // A password typed into the username field.
    await expectAppError(login(system, { username: 'rahasia-wulan', password: 'wulan' }), 'auth.invalid_credentials', 401);
    await expectAppError(login(system, { username: 'wulan', password: 'salah-ketik' }), 'auth.invalid_credentials', 401);
    const failures = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'auth.login_failed')
      .where((eb) => eb.or([eb('entity_id', 'is', null), eb('entity_id', '=', user.id)]))
      .orderBy('id')
      .execute();
    expect(failures.map((r) => [r.entity_id, r.after])).toEqual([
      [null, null],
      [user.id, { username: 'wulan' }],
    ]);
    const attempts = await db.selectFrom('login_attempt').select('key').execute();
    expect(JSON.stringify({ failures, attempts })).not.toMatch(/rahasia-wulan|salah-ketik/);
  });

  it('forgets a signed-in user at once on logout, a change of role, deactivation or an office change (kept for a few seconds otherwise)', async () => {
    const db = getDatabase().db;
    const user = await createUser(admin, {
      username: 'rina',
      fullName: 'Rina',
      role: 'cashier',
      password: 'rahasia-rina',
      officeCodes: ['BD01'],
    });
    const { token } = await createApiToken(system, 'rina', 'integrasi');
    const session = await login(system, { username: 'rina', password: 'rahasia-rina' });
    expect(await resolveApiToken(db, token, new Date())).toMatchObject({ role: 'cashier', offices: [{ code: 'BD01' }] });
    expect((await resolveSession(db, session.token, new Date()))?.actor.role).toBe('cashier');

    await changeUser(admin, user.id, { role: 'manager' });
    expect(await resolveApiToken(db, token, new Date())).toMatchObject({ role: 'manager' });
    expect((await resolveSession(db, session.token, new Date()))?.actor.role).toBe('manager');

    const office = await db.selectFrom('office').select('id').where('code', '=', 'BD01').executeTakeFirstOrThrow();
    await changeOffice(admin, office.id, { active: false });
    expect(await resolveApiToken(db, token, new Date())).toMatchObject({ offices: [], scope: { kind: 'regions', regionCodes: [] } });
    await changeOffice(admin, office.id, { active: true });
    expect(await resolveApiToken(db, token, new Date())).toMatchObject({ offices: [{ code: 'BD01' }] });

    // A session is refused once it expires, whatever is kept.
    expect(await resolveSession(db, session.token, new Date(session.expiresAt.getTime() + 1))).toBeNull();
    await logout({ ...system, actor: (await resolveApiToken(db, token, new Date())) as UserActor }, session.token);
    expect(await resolveSession(db, session.token, new Date())).toBeNull();
    expect(await resolveApiToken(db, token, new Date())).not.toBeNull();

    await changeUser(admin, user.id, { active: false });
    expect(await resolveApiToken(db, token, new Date())).toBeNull();
  });

  it('never lets the last active admin go', async () => {
    const only = await createUser(admin, {
      username: 'satu-admin',
      fullName: 'Admin Satu',
      role: 'admin',
      password: 'rahasia-admin',
      officeCodes: [],
    });
    const error = await expectAppError(
      changeUser(admin, only.id, { role: 'auditor', officeCodes: ['BD01'] }),
      'common.validation_failed',
      422,
    );
    expect(error.errors[0]).toMatchObject({ field: 'role', code: 'users.last_admin' });
    expect((await getDatabase().db.selectFrom('app_user').select('role').where('id', '=', only.id).executeTakeFirstOrThrow()).role).toBe(
      'admin',
    );
  });

  it('refuses non-admins user management', async () => {
    const cashier: Context = { ...system, actor: { ...adminActor(), role: 'cashier', scope: scopeFor('cashier', []) } };
    await expectAppError(
      createUser(cashier, { username: 'x-user', fullName: 'X', role: 'cashier', password: 'rahasia-x', officeCodes: ['BD01'] }),
      'auth.forbidden',
      403,
    );
  });

  it('keeps the audit trail append-only in the database itself', async () => {
    const db = getDatabase().db;
    await expect(sql`UPDATE audit_log SET action = 'forged'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(db)).rejects.toThrow(/append-only/);
    const forged = await db.selectFrom('audit_log').select('id').where('action', '=', 'forged').execute();
    expect(forged).toEqual([]);
  });

  it("gives an official an area inside their offices' regions: it narrows what they see; outside it is 422 on the code", async () => {
    const lurah = await createUser(admin, {
      username: 'lurah-uji',
      fullName: 'Lurah Uji',
      role: 'official',
      password: 'rahasia-lurah',
      officeCodes: ['BD01'],
      areaCodes: ['32.04.11.2002'],
    });
    expect(lurah.areaCodes).toEqual(['32.04.11.2002']);
    const session = await login(system, { username: 'lurah-uji', password: 'rahasia-lurah' });
    const actor = await resolveSession(getDatabase().db, session.token, new Date());
    expect(actor?.actor.scope).toMatchObject({ kind: 'regions', regionCodes: ['32.04.11.2002'] });

    const outside = await expectAppError(
      createUser(admin, {
        username: 'camat-uji',
        fullName: 'Camat Uji',
        role: 'official',
        password: 'rahasia-camat',
        officeCodes: ['BD01'],
        areaCodes: ['32.04.11', '34.71.01'],
      }),
      'common.validation_failed',
      422,
    );
    expect(outside.errors).toEqual([{ field: 'areaCodes.1', code: 'users.area_outside_offices', params: { code: '34.71.01' } }]);
    expect(await getDatabase().db.selectFrom('app_user').select('id').where('username', '=', 'camat-uji').execute()).toEqual([]);

    // Moved to the kecamatan: the area is changed on the user, audited, and the next request sees it.
    const moved = await changeUser(admin, lurah.id, { areaCodes: ['32.04.11'] });
    expect(moved.areaCodes).toEqual(['32.04.11']);
    expect((await resolveSession(getDatabase().db, session.token, new Date()))?.actor.scope).toMatchObject({ regionCodes: ['32.04.11'] });
    const trail = await listAuditTrail(admin, { entityType: 'user', entityId: lurah.id, limit: 10 });
    expect(trail.items.find((r) => r.action === 'user.update')?.after).toMatchObject({ areaCodes: ['32.04.11'] });
    await expectAppError(changeUser(admin, lurah.id, { areaCodes: ['35'] }), 'common.validation_failed', 422);
  });
});
