import type { Context } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { closeDay, financingDemoApi } from '../financing/index.ts';
import { createFund } from '../ledger/index.ts';
import { findHeadsInVillage } from '../registry/index.ts';

const shiftDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The demo's money: funds, conventional and sharia products, and financings in every state
 * (waiting for approval, rejected, queued for money, repaying on time, in arrears, closed,
 * written off), then a close of day so that arrears and portfolio at risk show.
 */
export async function fillDemoMoney(ctx: Context) {
  const { defineProduct, applyForFinancing, decideApplication, disburse, repay, getFinancing, writeOff } = financingDemoApi;
  const today = businessDate(ctx.clock);
  const disbursedOn = shiftDays(today, -125);
  const appliedOn = shiftDays(disbursedOn, -10);
  const base = {
    graceOnPrincipal: 0,
    graceOnProfit: 0,
    rounding: 'half-up' as const,
    allocationOrder: ['penalty' as const, 'profit' as const, 'principal' as const],
  };
  await defineProduct(ctx, {
    ...base,
    code: 'MODAL-FLAT',
    name: 'Modal usaha (flat 18% setahun)',
    kind: 'flat',
    ratePercent: '18',
    frequency: 'monthly',
    minAmount: '500000',
    maxAmount: '50000000',
    minInstallments: 3,
    maxInstallments: 24,
    penaltyPerMilleDaily: '1',
    penaltyCapPercent: '10',
  });
  await defineProduct(ctx, {
    ...base,
    code: 'MURABAHAH',
    name: 'Murabahah barang dagangan',
    kind: 'murabahah',
    ratePercent: '12',
    frequency: 'monthly',
    minAmount: '500000',
    maxAmount: '30000000',
    minInstallments: 3,
    maxInstallments: 24,
    penaltyPerMilleDaily: '0.5',
    penaltyCapPercent: '5',
  });
  await defineProduct(ctx, {
    ...base,
    code: 'QARDH',
    name: 'Qardhul hasan (pinjaman kebajikan)',
    kind: 'qardh',
    ratePercent: '0',
    frequency: 'weekly',
    minAmount: '100000',
    maxAmount: '2000000',
    minInstallments: 4,
    maxInstallments: 20,
    penaltyPerMilleDaily: '0',
    penaltyCapPercent: '0',
  });
  await defineProduct(ctx, {
    ...base,
    code: 'MUDHARABAH',
    name: 'Mudharabah usaha kelompok',
    kind: 'mudharabah',
    ratePercent: '0',
    memberNisbahPercent: '60',
    frequency: 'monthly',
    minAmount: '1000000',
    maxAmount: '50000000',
    minInstallments: 6,
    maxInstallments: 24,
    penaltyPerMilleDaily: '0',
    penaltyCapPercent: '0',
  });
  await createFund(ctx, {
    code: 'MODAL-LKM',
    name: 'Modal sendiri LKM',
    kind: 'own_capital',
    source: 'Setoran modal pendiri',
    officeCode: 'YK01',
    initialCapital: '60000000',
    capitalDate: shiftDays(appliedOn, -30),
    cashAccount: '1.1.02',
  });
  await createFund(ctx, {
    code: 'USEP-2026',
    name: 'Stimulus USEP Kota Yogyakarta 2026',
    kind: 'stimulus',
    source: 'APBD Kota Yogyakarta 2026',
    officeCode: 'YK01',
    initialCapital: '20000000',
    capitalDate: shiftDays(appliedOn, -30),
    cashAccount: '1.1.02',
  });
  const members = [
    ...(await findHeadsInVillage(ctx.db, '34.71.01.1001', 20, 12)),
    ...(await findHeadsInVillage(ctx.db, '34.71.01.1002', 0, 12)),
  ].map((row) => row.id);
  let next = 0;
  const apply = (productCode: string, fundCode: string, principal: string, installments: number, purpose: string, on = appliedOn) =>
    applyForFinancing(ctx, {
      personId: members[next++] as string,
      productCode,
      fundCode,
      principal,
      installments,
      purpose,
      appliedOn: on,
      groupRecommendation: 'Disetujui musyawarah kelompok',
    });
  const open = async (productCode: string, fundCode: string, principal: string, installments: number, purpose: string) => {
    const applied = await apply(productCode, fundCode, principal, installments, purpose);
    await decideApplication(ctx, applied.id, 'approve', 'Usaha berjalan, disetujui');
    await disburse(ctx, applied.id, { disbursedOn, method: 'transfer' });
    return applied.id;
  };
  /** Pays every instalment due by today on its due date. */
  const payDue = async (id: string) => {
    for (const instalment of (await getFinancing(ctx, id)).schedule)
      if (instalment.dueDate <= today)
        await repay(
          ctx,
          id,
          { amount: instalment.total, paidOn: instalment.dueDate, channel: 'group_meeting' },
          `demo-${id}-${instalment.n}`,
        );
  };
  const onTime = [
    await open('MODAL-FLAT', 'MODAL-LKM', '5000000', 12, 'Tambah stok warung kelontong'),
    await open('MODAL-FLAT', 'MODAL-LKM', '3000000', 10, 'Gerobak angkringan'),
    await open('MURABAHAH', 'MODAL-LKM', '4000000', 8, 'Mesin jahit'),
    await open('MURABAHAH', 'USEP-2026', '6000000', 12, 'Etalase dan bahan baku keripik'),
    await open('QARDH', 'USEP-2026', '1000000', 20, 'Modal awal jualan sayur keliling'),
    await open('MUDHARABAH', 'MODAL-LKM', '8000000', 12, 'Usaha bersama konveksi'),
  ];
  for (const id of onTime) await payDue(id);
  const inArrears = [
    await open('MODAL-FLAT', 'MODAL-LKM', '6000000', 12, 'Warung makan'),
    await open('MURABAHAH', 'USEP-2026', '5000000', 10, 'Lemari pendingin minuman'),
    await open('MODAL-FLAT', 'MODAL-LKM', '2000000', 6, 'Bibit dan pupuk'),
  ];
  // One paid its first instalment late and nothing since; the others paid nothing.
  const firstDue = (await getFinancing(ctx, inArrears[0] as string)).schedule[0];
  if (firstDue)
    await repay(
      ctx,
      inArrears[0] as string,
      { amount: firstDue.total, paidOn: shiftDays(firstDue.dueDate, 20), channel: 'counter' },
      `demo-late-${inArrears[0]}`,
    );
  const closing = await open('QARDH', 'MODAL-LKM', '500000', 4, 'Biaya sekolah anak (kebajikan)');
  const all = await getFinancing(ctx, closing);
  await repay(
    ctx,
    closing,
    { amount: all.outstanding.total, paidOn: shiftDays(disbursedOn, 30), channel: 'counter' },
    `demo-close-${closing}`,
  );
  const lost = await open('MODAL-FLAT', 'MODAL-LKM', '1500000', 6, 'Usaha gorengan (tutup)');
  await writeOff(ctx, lost, 'Usaha tutup, anggota pindah domisili');
  // The queue: approved, waiting for the stimulus fund's repayments.
  for (const [principal, purpose] of [
    ['5000000', 'Mesin parut kelapa'],
    ['3000000', 'Modal warung pulsa'],
    ['4000000', 'Perahu dan jaring'],
  ] as const) {
    const applied = await apply('MURABAHAH', 'USEP-2026', principal, 10, purpose, shiftDays(today, -7));
    await decideApplication(ctx, applied.id, 'approve', 'Menunggu dana bergulir');
  }
  await apply('MODAL-FLAT', 'MODAL-LKM', '2500000', 10, 'Modal jualan pakaian', shiftDays(today, -2));
  await apply('MODAL-FLAT', 'MODAL-LKM', '4000000', 12, 'Renovasi kios', shiftDays(today, -1));
  const rejected = await apply('MODAL-FLAT', 'MODAL-LKM', '20000000', 24, 'Membeli sepeda motor pribadi', shiftDays(today, -5));
  await decideApplication(ctx, rejected.id, 'reject', 'Bukan untuk usaha produktif');
  await closeDay(ctx, today);
  return { financings: next, funds: 2, products: 4 };
}
