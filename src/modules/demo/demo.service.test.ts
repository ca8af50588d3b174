import { expect, it } from 'vitest';
import type { AppError } from '../../core/errors.ts';
import { describeEachDatabase } from '../../testing/databases.ts';
import { systemTestContext } from '../../testing/server.ts';
import { DEMO_HOUSEHOLDS, DEMO_USERS, fillDemo } from './demo.service.ts';

describeEachDatabase('demo organisation', (getDatabase) => {
  it('fills an empty database with offices, one user per role and a few hundred households, once', async () => {
    const ctx = systemTestContext(getDatabase());
    const result = await fillDemo(ctx);
    expect(result.organisation.isDemo).toBe(true);
    expect(result.households).toBe(DEMO_HOUSEHOLDS);
    expect(result.persons).toBeGreaterThan(DEMO_HOUSEHOLDS * 2);
    expect(new Set(DEMO_USERS.map((u) => u.role)).size).toBe(9);

    const perVillage = await getDatabase()
      .db.selectFrom('household')
      .select(['village_code', (eb) => eb.fn.countAll<string>().as('n')])
      .groupBy('village_code')
      .orderBy('village_code')
      .execute();
    expect(perVillage.map((r) => r.village_code)).toEqual([
      '32.04.10.2001',
      '32.04.10.2002',
      '32.04.11.2001',
      '32.04.11.2002',
      '32.04.11.2004',
      '34.71.01.1001',
      '34.71.01.1002',
      '34.71.02.1001',
    ]);
    const heads = await getDatabase()
      .db.selectFrom('person')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('relation', '=', 'head')
      .executeTakeFirstOrThrow();
    expect(Number(heads.n)).toBe(DEMO_HOUSEHOLDS);

    expect(result.groups).toBe(3);
    const groups = await getDatabase().db.selectFrom('business_group').select(['name', 'kind']).orderBy('name').execute();
    expect(groups.map((g) => g.name)).toEqual(['KUBE Mekar Sari', 'KUBE Sauyunan', 'Kelompok Anggota JKM Kricak']);
    const meetings = await getDatabase()
      .db.selectFrom('group_meeting')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(meetings.n)).toBe(3);

    const again = await fillDemo(ctx).catch((e: unknown) => e);
    expect((again as AppError).code).toBe('demo.not_empty');
  });
});
