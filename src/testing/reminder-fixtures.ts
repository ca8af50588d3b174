import { sql } from 'kysely';
import { type Context, inTransaction } from '../context.ts';
import { uuidv7 } from '../core/ids.ts';
import { fillDemo } from '../modules/demo/index.ts';
import { productInputSchema } from '../modules/financing/financing.schema.ts';
import { financingDemoApi } from '../modules/financing/index.ts';
import { createFund, sealBooks } from '../modules/ledger/index.ts';
import { createFundInputSchema } from '../modules/ledger/ledger.schema.ts';
import { FLAT_PRODUCT_WITH_PENALTY, YOGYA_FUND } from './financing-fixtures.ts';

/**
 * The due items the reminders tests select from, around Saturday 7 March 2026 (business date),
 * on the demo organisation (YK01: manager "manajer", supervisor "pembina"). Financings,
 * JKN accounts, screenings, agreements and groups are written into their real tables;
 * the books roots are sealed by the ledger itself.
 */
export type ReminderWorld = {
  persons: { a: Person; b: Person; c: Person; d: Person; e: Person };
  f1: string;
  f2: string;
  householdC: string;
  agreementSoon: string;
  groupDue: string;
  groupLate: string;
  managerId: string;
  supervisorId: string;
  yk01: string;
};
type Person = { id: string; name: string; village: string; household: string };

export async function seedReminderWorld(ctx: Context): Promise<ReminderWorld> {
  await fillDemo(ctx);
  const db = ctx.db;
  const heads = await db
    .selectFrom('person')
    .select(['id', 'full_name', 'village_code', 'household_id'])
    .where('village_code', 'like', '34.71.%')
    .where('relation', '=', 'head')
    .orderBy('nik')
    .limit(5)
    .execute();
  const [a, b, c, d, e] = heads.map((p) => ({ id: p.id, name: p.full_name, village: p.village_code, household: p.household_id }));
  if (!a || !b || !c || !d || !e) throw new Error('seedReminderWorld: the demo has too few heads in 34.71');
  const yk01 = (await db.selectFrom('office').select('id').where('code', '=', 'YK01').executeTakeFirstOrThrow()).id;
  const user = async (username: string) =>
    (await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  const managerId = await user('manajer');
  const supervisorId = await user('pembina');
  const workerId = await user('dokter');

  await createFund(ctx, createFundInputSchema.parse(YOGYA_FUND));
  await financingDemoApi.defineProduct(ctx, productInputSchema.parse(FLAT_PRODUCT_WITH_PENALTY));
  const fundId = (await db.selectFrom('fund').select('id').where('code', '=', YOGYA_FUND.code).executeTakeFirstOrThrow()).id;
  const productId = (
    await db.selectFrom('financing_product').select('id').where('code', '=', FLAT_PRODUCT_WITH_PENALTY.code).executeTakeFirstOrThrow()
  ).id;

  const f1 = uuidv7();
  const f2 = uuidv7();
  await inTransaction(ctx, async (tx) => {
    const financing = (id: string, number: string, person: Person) => sql`
      INSERT INTO financing (id, number, person_id, office_id, region_code, fund_id, product_id, status, principal, installments,
                             purpose, applied_on, created_by_name, disbursed_on, first_due_date, outstanding_principal, outstanding_profit)
      VALUES (${id}, ${number}, ${person.id}, ${yk01}, ${person.village}, ${fundId}, ${productId}, 'disbursed', 300000, 3,
              'Modal warung', '2026-01-20', 'Budi Santoso', '2026-02-05', '2026-03-10', 300000, 30000)`;
    await financing(f1, 'PB-REM-0001', a).execute(tx);
    await financing(f2, 'PB-REM-0002', b).execute(tx);
    const instalment = (id: string, n: number, due: string, paid: { principal: number; profit: number }, penalty = 0) => sql`
      INSERT INTO financing_installment (financing_id, n, due_date, principal, profit, principal_paid, profit_paid, penalty)
      VALUES (${id}, ${n}, ${due}, 100000, 10000, ${paid.principal}, ${paid.profit}, ${penalty})`;
    const none = { principal: 0, profit: 0 };
    // F1 (person A): due Tuesday 10 March, then 10 April and 10 May.
    await instalment(f1, 1, '2026-03-10', none).execute(tx);
    await instalment(f1, 2, '2026-04-10', none).execute(tx);
    await instalment(f1, 3, '2026-05-10', none).execute(tx);
    // F2 (person B): 5 March unpaid with Rp500 late charge, 6 March paid in full, 11 March ahead.
    await instalment(f2, 1, '2026-03-05', none, 500).execute(tx);
    await instalment(f2, 2, '2026-03-06', { principal: 100000, profit: 10000 }).execute(tx);
    await instalment(f2, 3, '2026-03-11', none).execute(tx);

    // JKN: C's family pays itself (PBPU), paid through February; D's family is paid through March.
    for (const [person, card, paidThrough] of [
      [c, '0001234500001', '2026-02'],
      [d, '0001234500002', '2026-03'],
    ] as const) {
      await sql`INSERT INTO jkn_participant (person_id, card_number, segment, jkn_class, status, status_recorded_on)
                VALUES (${person.id}, ${card}, 'PBPU', 'III', 'active', '2026-01-02')`.execute(tx);
      await sql`INSERT INTO jkn_family_account (household_id, paid_through) VALUES (${person.household}, ${paidThrough})`.execute(tx);
    }

    // Screenings: D is recalled on 1 April (within 30 days), E on 1 May (not yet).
    for (const [person, next] of [
      [d, '2026-04-01'],
      [e, '2026-05-01'],
    ] as const)
      await sql`INSERT INTO screening (id, person_id, village_code, office_id, worker_id, method, screened_on, result, action, next_due_on)
                VALUES (${uuidv7()}, ${person.id}, ${person.village}, ${yk01}, ${workerId}, 'iva', '2025-10-01', 'positive', 'cryotherapy', ${next})`.execute(
        tx,
      );
  });

  // An agreement ending in 86 days (1 June) and one in 95 days (10 June).
  const partnershipId = uuidv7();
  const agreementSoon = uuidv7();
  await inTransaction(ctx, async (tx) => {
    await sql`INSERT INTO partnership (id, office_id, title, started_on) VALUES (${partnershipId}, ${yk01}, 'Posbindu bersama PKK', '2025-06-01')`.execute(
      tx,
    );
    await sql`INSERT INTO partnership_agreement (id, partnership_id, number, title, starts_on, ends_on)
              VALUES (${agreementSoon}, ${partnershipId}, 'MOU-01/2025', 'Pemeriksaan IVA', '2025-06-01', '2026-06-01'),
                     (${uuidv7()}, ${partnershipId}, 'MOU-02/2025', 'Penyuluhan', '2025-06-10', '2026-06-10')`.execute(tx);
  });

  // USEP KM groups: one formed 15 September 2025 (report due 15 March 2026), one formed 1 June 2025 (late since 1 December).
  const groupDue = uuidv7();
  const groupLate = uuidv7();
  await inTransaction(ctx, async (tx) => {
    await sql`INSERT INTO business_group (id, kind, name, office_id, region_code, formed_on)
              VALUES (${groupDue}, 'usep_km', 'USEP KM Kricak Maju', ${yk01}, ${a.village}, '2025-09-15'),
                     (${groupLate}, 'usep_km', 'USEP KM Lama', ${yk01}, ${a.village}, '2025-06-01')`.execute(tx);
  });

  // The books of Friday 6 March, sealed by the ledger.
  await inTransaction(ctx, (tx) => sealBooks(tx, ctx, '2026-03-06'));

  return { persons: { a, b, c, d, e }, f1, f2, householdC: c.household, agreementSoon, groupDue, groupLate, managerId, supervisorId, yk01 };
}
