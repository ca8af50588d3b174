import { sql } from 'kysely';
import { type Context, inTransaction } from '../context.ts';
import { businessDate } from '../core/clock.ts';
import { uuidv7 } from '../core/ids.ts';
import { createProgramme } from '../modules/aid/index.ts';
import { programmeInputSchema } from '../modules/aid/programme.schema.ts';
import { ACCOUNTS, createFund, postEntry } from '../modules/ledger/index.ts';
import { createFundInputSchema } from '../modules/ledger/ledger.schema.ts';

/**
 * Payments' test set-up UNTIL CYCLES LAND: an approved cycle with approved entitlements, written
 * by direct SQL into the real tables (aid_enrolment, aid_cycle, aid_entitlement), plus the
 * ledger's owed posting the cycle service makes when entitlements are approved (Dr aid expense /
 * Cr aid payable on the programme's fund), so ledger tests are exact to the rupiah.
 * REPLACE BY THE CYCLE SERVICE (computeCycle, approveCycle, approveEntitlements) once it exists.
 */

export type SeedUnit = {
  householdId: string;
  recipientId: string;
  villageCode: string;
  channel: 'bank' | 'lkd' | 'giro_pos';
  /** Digits only, as enrolment stores it (e-money: 08…). */
  account: string;
  amount: bigint;
};

/** A household programme paid from a new fund of `officeCode` (no eligibility rules, Rp200.000 a month). */
export async function createFundedProgramme(
  ctx: Context,
  options: { code: string; fundCode: string; officeCode: string; channel?: 'bank' | 'lkd' | 'giro_pos' },
): Promise<{ programmeId: string; fundId: string }> {
  const fund = await createFund(
    ctx,
    createFundInputSchema.parse({
      code: options.fundCode,
      name: `Dana bansos ${options.code}`,
      kind: 'own_capital',
      source: 'APBN',
      officeCode: options.officeCode,
    }),
  );
  const programme = await createProgramme(
    ctx,
    programmeInputSchema.parse({
      code: options.code,
      nameId: `Bantuan uji ${options.code}`,
      nameEn: `Test aid ${options.code}`,
      targetUnit: 'household',
      period: 'month',
      channel: options.channel ?? 'giro_pos',
      fundCode: options.fundCode,
      rates: [{ category: 'family', basis: 'unit', amount: '200000', effectiveFrom: '2014-11-01' }],
    }),
  );
  return { programmeId: programme.id, fundId: fund.id };
}

/**
 * An approved cycle of `programmeId` for [periodStart, periodEnd] with one enrolment and one
 * approved entitlement per unit, and the owed posting of their total. Until cycles land.
 */
export async function seedApprovedCycle(
  ctx: Context,
  options: { programmeId: string; name: string; periodStart: string; periodEnd: string; units: SeedUnit[] },
): Promise<{ cycleId: string; entitlementIds: string[]; enrolmentIds: string[]; total: bigint }> {
  const today = businessDate(ctx.clock);
  const now = ctx.clock.now();
  const stamp = () => uuidv7(now.getTime());
  const cycleId = stamp();
  const enrolmentIds = options.units.map(() => stamp());
  const entitlementIds = options.units.map(() => stamp());
  const total = options.units.reduce((sum, unit) => sum + unit.amount, 0n);
  await inTransaction(ctx, async (tx) => {
    const programme = (
      await sql<{ fund_id: string; office_id: string }>`
        SELECT p.fund_id, f.office_id FROM aid_programme p JOIN fund f ON f.id = p.fund_id WHERE p.id = ${options.programmeId}`.execute(tx)
    ).rows[0];
    if (!programme) throw new Error('seedApprovedCycle: the programme needs a fund');
    for (const [i, unit] of options.units.entries()) {
      await sql`
        INSERT INTO aid_enrolment (id, programme_id, household_id, unit_household_id, village_code, recipient_id, channel, account,
                                   status, enrolled_on)
        VALUES (${enrolmentIds[i]}, ${options.programmeId}, ${unit.householdId}, ${unit.householdId}, ${unit.villageCode},
                ${unit.recipientId}, ${unit.channel}, ${unit.account}, 'enrolled', ${today})`.execute(tx);
    }
    await sql`
      INSERT INTO aid_cycle (id, programme_id, name, period_start, period_end, status, compute_state, computed_at,
                             created_by, created_by_name, approved_by, approved_by_name, approved_at)
      VALUES (${cycleId}, ${options.programmeId}, ${options.name}, ${options.periodStart}, ${options.periodEnd}, 'approved', 'computed', ${now},
              'manajer', 'Budi Santoso', 'pembina', 'Yohanes Wibowo', ${now})`.execute(tx);
    for (const [i, unit] of options.units.entries()) {
      await sql`
        INSERT INTO aid_entitlement (id, cycle_id, enrolment_id, unit_household_id, village_code, recipient_id, channel, account,
                                     amount, components, status, approved_by, approved_at)
        VALUES (${entitlementIds[i]}, ${cycleId}, ${enrolmentIds[i]}, ${unit.householdId}, ${unit.villageCode}, ${unit.recipientId},
                ${unit.channel}, ${unit.account}, ${unit.amount.toString()}, '[]', 'approved', 'pembina', ${now})`.execute(tx);
    }
    if (total > 0n)
      await postEntry(tx, ctx, {
        officeId: programme.office_id,
        entryDate: today,
        memo: `Hak bantuan disetujui: ${options.name}`,
        source: { type: 'aid_cycle', id: cycleId },
        lines: [
          { accountCode: ACCOUNTS.aidExpense, debit: total, fundId: programme.fund_id },
          { accountCode: ACCOUNTS.aidPayable, credit: total, fundId: programme.fund_id },
        ],
      });
  });
  return { cycleId, entitlementIds, enrolmentIds, total };
}
