import { beforeAll, expect, it } from 'vitest';
import { type Context, inTransaction } from '../../context.ts';
import { fixedClock } from '../../core/clock.ts';
import type { AppError } from '../../core/errors.ts';
import { describeEachDatabase } from '../../testing/databases.ts';
import { systemTestContext } from '../../testing/server.ts';
import { listAuditTrail } from '../audit/index.ts';
import { createOrganisation } from '../organisation/index.ts';
import { addHouseholdMember, changeHead, moveToHousehold, recordDeath } from './changes.service.ts';
import type { HouseholdView } from './registry.schema.ts';
import { registerHousehold } from './registry.service.ts';

const fail = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as AppError,
  );
const relations = (h: HouseholdView) => h.members.map((m) => `${m.fullName}:${m.relation}${m.deceased ? '†' : ''}`);

describeEachDatabase('family changes', (getDatabase) => {
  let ctx: Context;
  let family: HouseholdView;
  beforeAll(async () => {
    ctx = { ...systemTestContext(getDatabase()), clock: fixedClock(new Date('2026-11-23T03:00:00Z')) };
    await inTransaction(ctx, (tx) => createOrganisation(tx, ctx, { name: 'Uji' }));
    family = await registerHousehold(ctx, {
      kkNumber: '3204110101260001',
      villageCode: '32.04.11.2002',
      address: 'Kp. Cibodas',
      cards: {},
      members: [
        { nik: '3204111203550001', fullName: 'Abah Karta', sex: 'M', birthPlace: 'Bandung', birthDate: '1955-03-12', relation: 'head' },
        { nik: '3204110509800002', fullName: 'Cecep', sex: 'M', birthPlace: 'Bandung', birthDate: '1980-09-05', relation: 'child' },
        { nik: '3204114101020003', fullName: 'Neng Ratna', sex: 'F', birthPlace: 'Bandung', birthDate: '2002-01-01', relation: 'child' },
      ],
    });
  });

  it('records a birth on the KK, audited', async () => {
    const after = await addHouseholdMember(ctx, family.id, {
      event: 'birth',
      member: {
        nik: '3204111011250004',
        fullName: 'Bayi Karta',
        sex: 'M',
        birthPlace: 'Soreang',
        birthDate: '2025-11-10',
        relation: 'grandchild',
      },
    });
    expect(relations(after)).toContain('Bayi Karta:grandchild');
    const trail = await listAuditTrail(ctx, { action: 'person.birth', limit: 5 });
    expect(trail.items).toHaveLength(1);
  });

  it('refuses a second living head', async () => {
    const error = await fail(
      addHouseholdMember(ctx, family.id, {
        event: 'join',
        member: { nik: '3204111203600005', fullName: 'Kepala Lain', sex: 'M', birthPlace: 'x', birthDate: '1960-03-12', relation: 'head' },
      }),
    );
    expect(error?.errors[0]).toMatchObject({ field: 'member.relation', code: 'registry.head_exists' });
  });

  it('keeps a deceased head on record and lets a child become head', async () => {
    const abah = family.members.find((m) => m.fullName === 'Abah Karta');
    const cecep = family.members.find((m) => m.fullName === 'Cecep');
    if (!abah || !cecep) throw new Error('fixture');
    const afterDeath = await recordDeath(ctx, abah.id, '2026-10-01');
    expect(relations(afterDeath)).toContain('Abah Karta:head†');
    expect((await fail(recordDeath(ctx, abah.id, '2026-10-02')))?.kind).toBe('conflict');
    const afterHead = await changeHead(ctx, family.id, { personId: cecep.id, previousHeadRelation: 'other_family' });
    expect(relations(afterHead)).toEqual(expect.arrayContaining(['Cecep:head', 'Abah Karta:head†']));
  });

  it('splits a member off into a new KK as its head, in the same village by default', async () => {
    const ratna = family.members.find((m) => m.fullName === 'Neng Ratna');
    if (!ratna) throw new Error('fixture');
    const notHead = await fail(moveToHousehold(ctx, ratna.id, { kkNumber: '3204110101260099', relation: 'wife' }));
    expect(notHead?.errors[0]?.code).toBe('registry.new_household_needs_head');
    const created = await moveToHousehold(ctx, ratna.id, { kkNumber: '3204110101260099', relation: 'head', address: 'Kp. Baru' });
    expect(created).toMatchObject({ kkNumber: '3204110101260099', villageCode: '32.04.11.2002', address: 'Kp. Baru' });
    expect(relations(created)).toEqual(['Neng Ratna:head']);
    const trail = await listAuditTrail(ctx, { action: 'person.move', limit: 5 });
    expect(trail.items[0]).toMatchObject({ before: { kkNumber: '3204********0001' }, after: { kkNumber: '3204********0099' } });
  });

  it('refuses an impossible death date', async () => {
    const person = family.members.find((m) => m.fullName === 'Cecep');
    const error = await fail(recordDeath(ctx, person?.id ?? '', '1970-01-01'));
    expect(error?.errors[0]).toMatchObject({ field: 'diedOn', code: 'registry.death_date_impossible' });
  });
});
