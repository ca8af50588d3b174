import type { Context } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { addDays, addMonths } from '../../core/dates.ts';
import { assignFamilies, changeCadreStatus, issueCadreCard, recordCadreTraining, recordPersonJkn, registerCadre } from '../cadres/index.ts';
import { collectContribution, depositCash, recordVisit, setPaidThrough } from '../contributions/index.ts';
import { headsInVillage } from '../registry/index.ts';

type DemoCard = { name: string; status: 'active' | 'suspended' | 'revoked'; village: string; verifyPath: string };

/**
 * Three JKN-KIS cadres of the Bandung branch, each with a card whose QR code opens the public
 * verification page: the demo user `kader` in Katapang (active; a training, eight class III
 * PBPU families, some paid up and some months in arrears, one collection and one visit), a cadre
 * in Sangkanhurip suspended for holding collected cash too long (one collection deposited, one
 * still held past the limit), and one in Gandasari whose card is revoked.
 */
export async function fillDemoCadres(ctx: Context) {
  const today = businessDate(ctx.clock);
  const thisMonth = today.slice(0, 7);
  const village = '32.04.11.2002';
  const [self, ...heads] = await headsInVillage(ctx.db, village, 20, 9);
  if (!self) return { cadres: 0, families: 0, cards: [] as DemoCard[] };
  const cadre = await registerCadre(ctx, {
    personId: self.id,
    officeCode: 'BD01',
    username: 'kader',
    phone: '081322114455',
    letterNumber: '12/ST/JKM-BD/2026',
    letterDate: addDays(today, -60),
    signedBy: 'Kepala Cabang Kabupaten Bandung',
    validUntil: addDays(today, 305),
    villageCodes: [village],
  });
  await assignFamilies(
    ctx,
    cadre.id,
    heads.map((h) => h.household_id),
  );
  const monthsBehind = [0, 0, 1, 2, 3, 6, 14, 30];
  for (const [index, head] of heads.entries()) {
    await recordPersonJkn(ctx, head.id, {
      cardNumber: `00012${String(7_000_000 + index).padStart(8, '0')}`,
      segment: 'PBPU',
      class: 'III',
      status: (monthsBehind[index] ?? 0) > 0 ? 'inactive' : 'active',
      statusRecordedOn: today,
    });
    await setPaidThrough(ctx, head.household_id, addMonths(thisMonth, -1 - (monthsBehind[index] ?? 0)));
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
      visitedOn: addDays(today, -10),
    });
  await recordCadreTraining(ctx, cadre.id, {
    title: 'Pelatihan Kader JKN-KIS: iuran, REHAB dan pelayanan peserta',
    organiser: 'BPJS Kesehatan Cabang Soreang',
    heldOn: addDays(today, -45),
    hours: 16,
    certificateNumber: 'SERT/KDR-JKN/BD/0042',
  });
  const card = await issueCadreCard(ctx, cadre.id);
  const cards: DemoCard[] = [{ name: self.full_name, status: 'active', village: 'Katapang', verifyPath: card.verifyPath }];

  const suspended = await fillSuspendedCadre(ctx, today);
  if (suspended) cards.push(suspended);
  const revoked = await fillRevokedCadre(ctx, today);
  if (revoked) cards.push(revoked);
  return { cadres: cards.length, families: heads.length, cards };
}

/**
 * Sangkanhurip: collected twice, deposited the first collection two days later at the bank and
 * still holds the second, nine days on (limit 3): flagged, and suspended until it is settled.
 */
async function fillSuspendedCadre(ctx: Context, today: string): Promise<DemoCard | null> {
  const village = '32.04.11.2001';
  const thisMonth = today.slice(0, 7);
  const [self, ...heads] = await headsInVillage(ctx.db, village, 20, 5);
  if (!self || heads.length < 4) return null;
  const cadre = await registerCadre(ctx, {
    personId: self.id,
    officeCode: 'BD01',
    phone: '081322987610',
    letterNumber: '7/ST/JKM-BD/2025',
    letterDate: addDays(today, -200),
    signedBy: 'Kepala Cabang Kabupaten Bandung',
    validUntil: addDays(today, 165),
    villageCodes: [village],
  });
  await assignFamilies(
    ctx,
    cadre.id,
    heads.map((h) => h.household_id),
  );
  // Paid through before the collections below: 2, 2, 4 and 9 months behind.
  const paidThrough = [-3, -3, -5, -10];
  for (const [index, head] of heads.entries()) {
    await recordPersonJkn(ctx, head.id, {
      cardNumber: `00012${String(7_100_000 + index).padStart(8, '0')}`,
      segment: 'PBPU',
      class: 'III',
      status: index === 0 ? 'active' : 'inactive',
      statusRecordedOn: today,
    });
    await setPaidThrough(ctx, head.household_id, addMonths(thisMonth, paidThrough[index] ?? -1));
  }
  const [first, second] = heads as [(typeof heads)[number], (typeof heads)[number]];
  await collectContribution(
    ctx,
    cadre.id,
    { householdId: first.household_id, months: 2, amount: '70000', paidOn: addDays(today, -12) },
    `demo-jkn-${cadre.id}-1`,
  );
  await depositCash(
    ctx,
    cadre.id,
    { amount: '70000', depositedOn: addDays(today, -10), channel: 'bank', reference: 'BRI Soreang 0193' },
    `demo-jkn-deposit-${cadre.id}`,
  );
  await collectContribution(
    ctx,
    cadre.id,
    { householdId: second.household_id, months: 1, amount: '35000', paidOn: addDays(today, -9) },
    `demo-jkn-${cadre.id}-2`,
  );
  const card = await issueCadreCard(ctx, cadre.id);
  await changeCadreStatus(ctx, cadre.id, 'suspended', 'Iuran Rp35.000 belum disetor lebih dari 3 hari; menunggu pemeriksaan');
  return { name: self.full_name, status: 'suspended', village: 'Sangkanhurip', verifyPath: card.verifyPath };
}

/** Gandasari: a cadre whose assignment letter was revoked; the card they still carry warns whoever scans it. */
async function fillRevokedCadre(ctx: Context, today: string): Promise<DemoCard | null> {
  const village = '32.04.11.2004';
  const [self] = await headsInVillage(ctx.db, village, 20, 1);
  if (!self) return null;
  const cadre = await registerCadre(ctx, {
    personId: self.id,
    officeCode: 'BD01',
    phone: '081322450077',
    letterNumber: '3/ST/JKM-BD/2025',
    letterDate: addDays(today, -300),
    signedBy: 'Kepala Cabang Kabupaten Bandung',
    validUntil: addDays(today, 65),
    villageCodes: [village],
  });
  const card = await issueCadreCard(ctx, cadre.id);
  await changeCadreStatus(ctx, cadre.id, 'revoked', 'Memungut iuran tanpa kuitansi; surat tugas dicabut');
  return { name: self.full_name, status: 'revoked', village: 'Gandasari', verifyPath: card.verifyPath };
}
