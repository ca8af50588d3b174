import { beforeAll, expect, it } from 'vitest';
import { type Context, inTransaction } from '../../context.ts';
import type { AppError } from '../../core/errors.ts';
import { httpStatusOf } from '../../http/problem.ts';
import { describeEachDatabase } from '../../testing/databases.ts';
import { systemTestContext } from '../../testing/server.ts';
import { createOrganisation } from '../organisation/index.ts';
import { listBusinesses, recordBusiness } from './business.service.ts';
import { decideDuplicate, listDuplicateCandidates } from './duplicates.service.ts';
import { findPersons, registerHousehold } from './registry.service.ts';

const household = (kk: string, nik: string, name: string, village = '32.04.11.2002') => ({
  kkNumber: kk,
  villageCode: village,
  address: '',
  cards: {},
  members: [{ nik, fullName: name, sex: 'F' as const, birthPlace: 'Bandung', birthDate: '1990-01-01', relation: 'head' as const }],
});

describeEachDatabase('duplicate review', (getDatabase) => {
  let ctx: Context;
  beforeAll(async () => {
    ctx = systemTestContext(getDatabase());
    await inTransaction(ctx, (tx) => createOrganisation(tx, ctx, { name: 'Uji' }));
    // The same woman entered twice with a mistyped NIK serial, and a namesake in another village.
    await registerHousehold(ctx, household('3204110101260001', '3204114101900001', 'Siti Aminah'));
    await registerHousehold(ctx, household('3204110101260002', '3204114101900011', 'SITI AMINAH'));
    await registerHousehold(ctx, household('3204110101260003', '3204114101900002', 'Siti Aminah', '32.04.11.2001'));
    await registerHousehold(ctx, household('3204110101260004', '3204114101900003', 'Rina Marlina'));
    await registerHousehold(ctx, household('3204110101260005', '3204114101900004', 'Rina Marlina'));
  });

  it('lists pairs with the same name, birth date and village, and never merges by itself', async () => {
    const { items } = await listDuplicateCandidates(ctx, { limit: 50 });
    expect(items.map((p) => [p.a.fullName.toLowerCase(), p.b.fullName.toLowerCase(), p.a.villageCode])).toEqual([
      ['rina marlina', 'rina marlina', '32.04.11.2002'],
      ['siti aminah', 'siti aminah', '32.04.11.2002'],
    ]);
    const persons = await getDatabase().db.selectFrom('person').select('merged_into').execute();
    expect(persons.every((p) => p.merged_into === null)).toBe(true);
  });

  it('records a reviewer’s decisions: distinct pairs disappear, a merge keeps one record and moves its businesses', async () => {
    const { items } = await listDuplicateCandidates(ctx, { limit: 50 });
    const [rina, siti] = items;
    if (!rina || !siti) throw new Error('fixture');
    await decideDuplicate(ctx, { personIds: [rina.a.id, rina.b.id], decision: 'distinct', note: 'dua orang berbeda, beda ibu kandung' });

    await recordBusiness(ctx, siti.b.id, {
      name: 'Warung',
      businessType: 'warung',
      sector: 'trade',
      capitalRupiah: '500000',
      monthlyRevenueRupiah: '0',
      monthlyCostsRupiah: '0',
    });
    const merged = await decideDuplicate(ctx, {
      personIds: [siti.a.id, siti.b.id],
      decision: 'merge',
      keepPersonId: siti.a.id,
      note: 'NIK salah ketik',
    });
    expect(merged).toEqual({ decision: 'merge', keptPersonId: siti.a.id, mergedPersonId: siti.b.id });

    expect((await listDuplicateCandidates(ctx, { limit: 50 })).items).toEqual([]);
    expect((await findPersons(ctx, { q: '3204114101900011', limit: 25 })).items).toEqual([]);
    expect((await listBusinesses(ctx, siti.a.id)).items.map((b) => b.name)).toEqual(['Warung']);
    const again = await decideDuplicate(ctx, { personIds: [siti.a.id, siti.b.id], decision: 'distinct', note: '' }).catch(
      (e: unknown) => e,
    );
    expect(httpStatusOf(again as AppError)).toBe(409);
  });
});
