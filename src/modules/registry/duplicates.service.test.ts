import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Context, inTransaction } from '../../context.ts';
import type { AppError } from '../../core/errors.ts';
import type { Scope } from '../../core/scope.ts';
import { httpStatusOf } from '../../http/problem.ts';
import { describeEachDatabase } from '../../testing/databases.ts';
import { systemTestContext } from '../../testing/server.ts';
import { createOrganisation } from '../organisation/index.ts';
import { listBusinesses, recordBusiness } from './business.service.ts';
import { nameKey } from './duplicates.rules.ts';
import {
  addSharedAccountSource,
  decideDuplicate,
  getDuplicateSettings,
  listDuplicateCandidates,
  updateDuplicateSettings,
} from './duplicates.service.ts';
import { findPersons, registerHousehold } from './registry.service.ts';

const KATAPANG = '32.04.11.2002';
const SANGKANHURIP = '32.04.11.2001';
const GANDASARI = '32.04.11.2004';
const SUKAMUKTI = '32.04.11.2006';
const BENER = '34.71.01.1004';

let serial = 0;
/** A woman's NIK from Katapang district: the day plus 40, month, two-digit year, serial. */
const womanNik = (birthDate: string, n: string) => {
  const [year, month, day] = birthDate.split('-') as [string, string, string];
  return `320411${Number(day) + 40}${month}${year.slice(2)}${n}`;
};
/** One household headed by one person; KK and NIK made unique per call. */
const household = (name: string, village = KATAPANG, birthDate = '1990-01-01') => {
  serial += 1;
  const n = String(serial).padStart(4, '0');
  return {
    kkNumber: `320411010126${n}`,
    villageCode: village,
    address: '',
    cards: {},
    members: [
      { nik: womanNik(birthDate, n), fullName: name, sex: 'F' as const, birthPlace: 'Bandung', birthDate, relation: 'head' as const },
    ],
  };
};

const asReviewer = (ctx: Context, regionCodes: string[]): Context => ({
  ...ctx,
  actor: {
    kind: 'user',
    id: '01930000-0000-7000-8000-0000000000d1',
    username: 'pemeriksa',
    fullName: 'Pemeriksa',
    role: 'supervisor',
    offices: [],
    scope: { kind: 'regions', regionCodes, officeIds: [] } satisfies Scope,
    via: 'session',
  },
});

type Item = Awaited<ReturnType<typeof listDuplicateCandidates>>['items'][number];
const names = (items: Item[]) => items.map((p) => [p.a.fullName, p.b.fullName].sort().join(' / '));
const byNames = (items: Item[], name: string) => items.find((p) => p.a.fullName === name || p.b.fullName === name);

describeEachDatabase('duplicate review', (getDatabase) => {
  let ctx: Context;
  beforeAll(async () => {
    ctx = systemTestContext(getDatabase());
    await inTransaction(ctx, (tx) => createOrganisation(tx, ctx, { name: 'Uji' }));
  });

  describe('exact pairs (same name, birth date and village)', () => {
    beforeAll(async () => {
      // The same woman entered twice with a mistyped NIK serial, and a namesake in another village
      // with another birth date (so not the same person in two households either).
      await registerHousehold(ctx, household('Siti Aminah', SANGKANHURIP));
      await registerHousehold(ctx, household('SITI AMINAH', SANGKANHURIP));
      await registerHousehold(ctx, household('Siti Aminah', GANDASARI, '1990-01-02'));
      await registerHousehold(ctx, household('Rina Marlina', SANGKANHURIP));
      await registerHousehold(ctx, household('Rina Marlina', SANGKANHURIP));
    });

    it('lists them with their reasons, and never merges by itself', async () => {
      const { items } = await listDuplicateCandidates(ctx, { village: SANGKANHURIP, limit: 50 });
      const rows = items.map((p) => [p.a.fullName.toLowerCase(), p.b.fullName.toLowerCase(), p.a.villageCode, p.reasons, p.score]);
      expect(rows.sort((x, y) => String(x[0]).localeCompare(String(y[0])))).toEqual([
        ['rina marlina', 'rina marlina', SANGKANHURIP, ['same_name_birth_date_village', 'same_person_two_households'], 1],
        ['siti aminah', 'siti aminah', SANGKANHURIP, ['same_name_birth_date_village', 'same_person_two_households'], 1],
      ]);
      expect(items.map((p) => p.reason)).toEqual(['same_name_birth_date_village', 'same_name_birth_date_village']);
      const persons = await getDatabase().db.selectFrom('person').select('merged_into').execute();
      expect(persons.every((p) => p.merged_into === null)).toBe(true);
    });

    it('records a reviewer’s decisions: decided pairs are not raised again, a merge keeps one record and moves its businesses', async () => {
      const { items } = await listDuplicateCandidates(ctx, { village: SANGKANHURIP, limit: 50 });
      const rina = items.find((p) => p.a.fullName === 'Rina Marlina');
      const siti = items.find((p) => p.a.fullName.toLowerCase() === 'siti aminah');
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

      expect((await listDuplicateCandidates(ctx, { village: SANGKANHURIP, limit: 50 })).items).toEqual([]);
      expect((await findPersons(ctx, { q: siti.b.nik, limit: 25 })).items).toEqual([]);
      expect((await listBusinesses(ctx, siti.a.id)).items.map((b) => b.name)).toEqual(['Warung']);
      const again = await decideDuplicate(ctx, { personIds: [siti.a.id, siti.b.id], decision: 'distinct', note: '' }).catch(
        (e: unknown) => e,
      );
      expect(httpStatusOf(again as AppError)).toBe(409);
    });
  });

  describe('typos and spelling variants in one village', () => {
    beforeAll(async () => {
      for (const [x, y] of [
        ['Budi Audiitono', 'Budi Auditono'],
        ['Soeharto', 'Suharto'],
        ['Djoko Santoso', 'Joko Santoso'],
        ['Tjahjo Kumolo', 'Cahyo Kumolo'],
        ['Hj. Dewi Kartika', 'Dewi Kartini'],
      ] as const) {
        await registerHousehold(ctx, household(x, KATAPANG, '1975-03-04'));
        await registerHousehold(ctx, household(y, KATAPANG, '1975-03-04'));
      }
      // Not the same: another birth date, another village, or names too far apart.
      await registerHousehold(ctx, household('Budi Audiitono', KATAPANG, '1975-03-05'));
      await registerHousehold(ctx, household('Budi Auditomo', SUKAMUKTI, '1975-03-04'));
      await registerHousehold(ctx, household('Budi Santoso', KATAPANG, '1980-01-01'));
      await registerHousehold(ctx, household('Budi Susanto', KATAPANG, '1980-01-01'));
    });

    it('finds "Budi Audiitono" / "Budi Auditono" and the old spellings, with their reasons and scores', async () => {
      const { items } = await listDuplicateCandidates(ctx, { village: KATAPANG, limit: 50 });
      expect(names(items).sort()).toEqual([
        'Budi Audiitono / Budi Auditono',
        'Cahyo Kumolo / Tjahjo Kumolo',
        'Dewi Kartini / Hj. Dewi Kartika',
        'Djoko Santoso / Joko Santoso',
        'Soeharto / Suharto',
      ]);
      const budi = byNames(items, 'Budi Auditono');
      expect(budi).toMatchObject({
        reason: 'similar_name_birth_date_village',
        reasons: ['similar_name_birth_date_village', 'same_person_two_households'],
        score: 1,
      });
      expect(budi?.a.birthDate).toBe('1975-03-04');
      // Similar, not the same key: shown for the village only, scored by similarity (pg_trgm).
      expect(byNames(items, 'Dewi Kartini')).toMatchObject({ reasons: ['similar_name_birth_date_village'], score: 0.64 });
    });

    it('takes the name similarity from the settings', async () => {
      expect(await getDuplicateSettings(ctx)).toEqual({ nameSimilarity: 0.6 });
      await updateDuplicateSettings(ctx, { nameSimilarity: 0.7 });
      const stricter = await listDuplicateCandidates(ctx, { village: KATAPANG, limit: 50 });
      expect(byNames(stricter.items, 'Dewi Kartini')).toBeUndefined();
      expect(stricter.items).toHaveLength(4);
      await updateDuplicateSettings(ctx, { nameSimilarity: 0.5 });
      const looser = await listDuplicateCandidates(ctx, { village: KATAPANG, limit: 50 });
      expect(names(looser.items)).toContain('Budi Santoso / Budi Susanto');
      await updateDuplicateSettings(ctx, { nameSimilarity: 0.6 });
      const audit = await getDatabase()
        .db.selectFrom('audit_log')
        .select(['before', 'after'])
        .where('action', '=', 'registry.duplicate_settings')
        .orderBy('at')
        .execute();
      expect(audit.map((row) => [row.before, row.after])).toEqual([
        [{ nameSimilarity: 0.6 }, { nameSimilarity: 0.7 }],
        [{ nameSimilarity: 0.7 }, { nameSimilarity: 0.5 }],
        [{ nameSimilarity: 0.5 }, { nameSimilarity: 0.6 }],
      ]);
    });

    it('pages in village order and stops at the limit', async () => {
      const all = await listDuplicateCandidates(ctx, { limit: 200 });
      const villages = all.items.map((p) => p.a.villageCode);
      expect(villages).toEqual([...villages].sort());
      const two = await listDuplicateCandidates(ctx, { limit: 2 });
      expect(two.items.map((p) => [p.a.id, p.b.id])).toEqual(all.items.slice(0, 2).map((p) => [p.a.id, p.b.id]));
    });
  });

  describe('the same person in two households, and the reviewer’s regions', () => {
    let slamet: Item | undefined;
    beforeAll(async () => {
      await registerHousehold(ctx, household('Slamet Riyadi', GANDASARI, '1970-08-17'));
      await registerHousehold(ctx, household('SLAMET RIYADI', BENER, '1970-08-17'));
      await registerHousehold(ctx, household('Slamet Riyadi', BENER, '1971-08-17'));
      slamet = byNames((await listDuplicateCandidates(ctx, { limit: 200 })).items, 'SLAMET RIYADI');
    });

    it('finds a person registered in two households in two villages', () => {
      expect(slamet).toMatchObject({
        reason: 'same_person_two_households',
        reasons: ['same_person_two_households'],
        score: 1,
        a: { villageCode: GANDASARI, birthDate: '1970-08-17' },
        b: { villageCode: BENER, birthDate: '1970-08-17' },
      });
    });

    it('shows a reviewer only the pairs whose two persons are in their regions', async () => {
      const bandung = await listDuplicateCandidates(asReviewer(ctx, ['32.04']), { limit: 200 });
      expect(bandung.items.length).toBeGreaterThan(0);
      expect(bandung.items.every((p) => p.a.villageCode.startsWith('32.04.') && p.b.villageCode.startsWith('32.04.'))).toBe(true);
      expect(byNames(bandung.items, 'SLAMET RIYADI')).toBeUndefined();

      const katapang = await listDuplicateCandidates(asReviewer(ctx, [KATAPANG]), { limit: 200 });
      expect(names(katapang.items)).toContain('Budi Audiitono / Budi Auditono');
      expect(katapang.items.every((p) => p.a.villageCode === KATAPANG && p.b.villageCode === KATAPANG)).toBe(true);

      const both = await listDuplicateCandidates(asReviewer(ctx, [BENER, '32.04.11', GANDASARI]), { limit: 200 });
      expect(byNames(both.items, 'SLAMET RIYADI')).toBeDefined();
      expect((await listDuplicateCandidates(asReviewer(ctx, ['34.71']), { limit: 200 })).items).toEqual([]);
      expect((await listDuplicateCandidates(asReviewer(ctx, ['34.71']), { village: KATAPANG, limit: 200 })).items).toEqual([]);
    });

    it('raises a decided pair no more', async () => {
      if (!slamet) throw new Error('fixture');
      await decideDuplicate(ctx, { personIds: [slamet.b.id, slamet.a.id], decision: 'distinct', note: 'beda orang tua' });
      expect(byNames((await listDuplicateCandidates(ctx, { limit: 200 })).items, 'SLAMET RIYADI')).toBeUndefined();
    });
  });

  it('adds pairs from a shared-account source, in scope and undecided only', async () => {
    await registerHousehold(ctx, household('Ani Lestari', SUKAMUKTI, '1985-05-05'));
    await registerHousehold(ctx, household('Yanti Kusuma', SUKAMUKTI, '1992-02-02'));
    await registerHousehold(ctx, household('Wati Purnama', BENER, '1993-03-03'));
    const ids = new Map(
      (
        await getDatabase()
          .db.selectFrom('person')
          .select(['id', 'full_name'])
          .where('full_name', 'in', ['Ani Lestari', 'Yanti Kusuma', 'Wati Purnama'])
          .execute()
      ).map((p) => [p.full_name, p.id]),
    );
    const [ani, yanti, wati] = ['Ani Lestari', 'Yanti Kusuma', 'Wati Purnama'].map((name) => ids.get(name) as string) as [
      string,
      string,
      string,
    ];
    const remove = addSharedAccountSource(async () => [
      [yanti, ani],
      [ani, wati],
    ]);
    try {
      const { items } = await listDuplicateCandidates(ctx, { village: SUKAMUKTI, limit: 50 });
      expect(byNames(items, 'Ani Lestari')).toMatchObject({ reason: 'shared_account', reasons: ['shared_account'], score: 1 });
      expect(names(items.filter((p) => p.reason === 'shared_account')).sort()).toEqual([
        'Ani Lestari / Wati Purnama',
        'Ani Lestari / Yanti Kusuma',
      ]);
      const sukamukti = await listDuplicateCandidates(asReviewer(ctx, [SUKAMUKTI]), { limit: 50 });
      expect(names(sukamukti.items.filter((p) => p.reason === 'shared_account'))).toEqual(['Ani Lestari / Yanti Kusuma']);
      await decideDuplicate(ctx, { personIds: [ani, yanti], decision: 'distinct', note: 'rekening bersama kelompok' });
      const after = await listDuplicateCandidates(asReviewer(ctx, [SUKAMUKTI]), { limit: 50 });
      expect(after.items.filter((p) => p.reason === 'shared_account')).toEqual([]);
    } finally {
      remove();
    }
  });

  it('computes the same name key in the database as in the rules', async () => {
    const fixed = ['H. Budi Audiitono', 'Soeharto', 'Djoko Tjahjo', 'Drs. H. Chairul', 'Haji', 'H.', "Ma'ruf", 'José', '  ', 'Nur  Hayati'];
    const random = fc.sample(fc.string({ unit: fc.constantFrom(..."aAeEoOuhHjJdDtTcCsSy .-'é".split('')), maxLength: 24 }), {
      numRuns: 200,
      seed: 13,
    });
    const generic = fc.sample(fc.string({ maxLength: 20 }), { numRuns: 100, seed: 13 }).map((s) => s.replace(/\0/g, ''));
    const samples = [...fixed, ...random, ...generic];
    const { rows } = await sql<{ name: string; key: string }>`
      SELECT name, registry_name_key(name) AS key FROM unnest(${sql.raw(`ARRAY[${samples.map((s) => `'${s.replace(/'/g, "''")}'`).join(',')}]::text[]`)}) AS name`.execute(
      getDatabase().db,
    );
    expect(rows.map((row) => [row.name, row.key])).toEqual(samples.map((s) => [s, nameKey(s)]));
  });
});
