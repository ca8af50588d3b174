import { beforeAll, expect, it } from 'vitest';
import type { Context, UserActor } from '../../context.ts';
import { inTransaction } from '../../context.ts';
import { AppError } from '../../core/errors.ts';
import { scopeFor } from '../../core/scope.ts';
import { httpStatusOf } from '../../http/problem.ts';
import { describeEachDatabase } from '../../testing/databases.ts';
import { systemTestContext } from '../../testing/server.ts';
import { listAuditTrail } from '../audit/index.ts';
import { changeOffice, createOffice, createOrganisation, listOffices } from './organisation.service.ts';

const actor = (role: UserActor['role'], offices: { id: string; code: string; name: string; regionCodes: string[] }[]): UserActor => ({
  kind: 'user',
  id: '01900000-0000-7000-8000-0000000000b1',
  username: role,
  fullName: role,
  role,
  offices,
  scope: scopeFor(role, offices),
  via: 'session',
});

describeEachDatabase('offices', (getDatabase) => {
  let admin: Context;
  beforeAll(async () => {
    const system = systemTestContext(getDatabase());
    admin = { ...system, actor: actor('admin', []) };
    await inTransaction(system, (tx) => createOrganisation(tx, system, { name: 'Uji' }));
  });

  it('creates an office covering real regions and audits the change with before and after', async () => {
    const office = await createOffice(admin, {
      code: 'YK01',
      name: 'Kantor Pusat',
      kind: 'head',
      regionCode: '34.71',
      coveredRegionCodes: ['34.71', '34.04'],
    });
    expect(office.regionName).toBe('Kota Yogyakarta');
    expect(office.regions.map((r) => r.name)).toEqual(['Kabupaten Sleman', 'Kota Yogyakarta']);
    const changed = await changeOffice(admin, office.id, { name: 'Kantor Pusat Yogyakarta', coveredRegionCodes: ['34.71'] });
    expect(changed.regions.map((r) => r.code)).toEqual(['34.71']);
    const trail = await listAuditTrail(admin, { entityType: 'office', entityId: office.id, limit: 10 });
    expect(trail.items.map((r) => r.action)).toEqual(['office.update', 'office.create']);
    expect(trail.items[0]).toMatchObject({
      before: { name: 'Kantor Pusat', regions: ['34.04', '34.71'] },
      after: { name: 'Kantor Pusat Yogyakarta', regions: ['34.71'] },
    });
  });

  it('refuses unknown region codes naming each one, and a taken code with 409', async () => {
    const error = await createOffice(admin, {
      code: 'XX01',
      name: 'X',
      kind: 'unit',
      regionCode: '99.99',
      coveredRegionCodes: ['34.71'],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).errors).toEqual([{ field: 'regionCode', code: 'offices.unknown_region', params: { code: '99.99' } }]);
    const taken = await createOffice(admin, {
      code: 'YK01',
      name: 'Lagi',
      kind: 'unit',
      regionCode: '34.71',
      coveredRegionCodes: ['34.71'],
    }).catch((e: unknown) => e);
    expect(httpStatusOf(taken as AppError)).toBe(409);
  });

  it('shows a manager only their own offices', async () => {
    const bandung = await createOffice(admin, {
      code: 'BD01',
      name: 'Bandung',
      kind: 'branch',
      regionCode: '32.04',
      coveredRegionCodes: ['32.04'],
    });
    const manager: Context = {
      ...admin,
      actor: actor('manager', [{ id: bandung.id, code: 'BD01', name: 'Bandung', regionCodes: ['32.04'] }]),
    };
    expect((await listOffices(manager, false)).items.map((o) => o.code)).toEqual(['BD01']);
    expect((await listOffices(admin, false)).items.map((o) => o.code).sort()).toEqual(['BD01', 'YK01']);
  });

  it('shows an auditor only the audit records of their offices’ regions and organisation-wide ones', async () => {
    const offices = (await listOffices(admin, false)).items;
    const bandung = offices.find((o) => o.code === 'BD01');
    if (!bandung) throw new Error('no BD01');
    const auditor: Context = {
      ...admin,
      actor: actor('auditor', [{ id: bandung.id, code: 'BD01', name: 'Bandung', regionCodes: ['32.04'] }]),
    };
    const seen = await listAuditTrail(auditor, { entityType: 'office', limit: 50 });
    expect(seen.items.length).toBeGreaterThan(0);
    expect(seen.items.every((r) => r.regionCode === null || r.regionCode.startsWith('32.04'))).toBe(true);
    expect(seen.items.some((r) => r.regionCode === '34.71')).toBe(false);
  });
});
