import type { Context } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { assignFamilies, issueCadreCard, recordPersonJkn, registerCadre } from '../cadres/index.ts';
import { collectContribution, recordVisit, setPaidThrough } from '../contributions/index.ts';
import { findHeadsInVillage } from '../registry/index.ts';

const shiftDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const shiftMonths = (month: string, count: number) => {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/**
 * A JKN-KIS cadre in Katapang (the demo user `kader`) with a printable card and eight families
 * in class III PBPU, some paid up and some months in arrears, one collection and one visit.
 */
export async function fillDemoCadres(ctx: Context) {
  const today = businessDate(ctx.clock);
  const village = '32.04.11.2002';
  const [self, ...heads] = await findHeadsInVillage(ctx.db, village, 20, 9);
  if (!self) return { cadres: 0, families: 0 };
  const cadre = await registerCadre(ctx, {
    personId: self.id,
    officeCode: 'BD01',
    username: 'kader',
    phone: '081322114455',
    letterNumber: '12/ST/JKM-BD/2026',
    letterDate: shiftDays(today, -60),
    signedBy: 'Kepala Cabang Kabupaten Bandung',
    validUntil: shiftDays(today, 305),
    villageCodes: [village],
  });
  await assignFamilies(
    ctx,
    cadre.id,
    heads.map((h) => h.household_id),
  );
  const thisMonth = today.slice(0, 7);
  const monthsBehind = [0, 0, 1, 2, 3, 6, 14, 30];
  for (const [index, head] of heads.entries()) {
    await recordPersonJkn(ctx, head.id, {
      cardNumber: `00012${String(7_000_000 + index).padStart(8, '0')}`,
      segment: 'PBPU',
      class: 'III',
      status: (monthsBehind[index] ?? 0) > 0 ? 'inactive' : 'active',
      statusRecordedOn: today,
    });
    await setPaidThrough(ctx, head.household_id, shiftMonths(thisMonth, -1 - (monthsBehind[index] ?? 0)));
  }
  const [first, , , fourth] = heads;
  if (first)
    await collectContribution(
      ctx,
      cadre.id,
      { householdId: first.household_id, months: 1, amount: '35000', paidOn: today },
      `demo-jkn-${cadre.id}`,
    );
  if (fourth)
    await recordVisit(ctx, cadre.id, {
      householdId: fourth.household_id,
      kind: 'reminder',
      outcome: 'Berjanji membayar tunggakan setelah panen',
      visitedOn: shiftDays(today, -10),
    });
  await issueCadreCard(ctx, cadre.id);
  return { cadres: 1, families: heads.length };
}
