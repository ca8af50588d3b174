import type { Context } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { addDays } from '../../core/dates.ts';
import { closeDay, financingDemoApi } from '../financing/index.ts';
import { listGroups } from '../groups/index.ts';
import { createFund } from '../ledger/index.ts';
import { headsInVillage } from '../registry/index.ts';
import { depositSavings, openSavingsAccount, withdrawSavings } from '../savings/index.ts';

/**
 * The demo's money: funds (own capital, a stimulus, a group's revolving fund), a product of
 * every kind, financings in every state (waiting for approval, rejected, queued for money,
 * repaying on time, in arrears, closed, written off), members' savings of the three kinds,
 * then a close of day so that arrears and portfolio at risk show.
 */
export async function fillDemoMoney(ctx: Context) {
  const { defineProduct, applyForFinancing, decideApplication, disburse, repay, getFinancing, writeOff } = financingDemoApi;
  const today = businessDate(ctx.clock);
  const disbursedOn = addDays(today, -125);
  const appliedOn = addDays(disbursedOn, -10);
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
  await defineProduct(ctx, {
    ...base,
    code: 'ANUITAS',
    name: 'Modal usaha anuitas 15%',
    kind: 'annuity',
    ratePercent: '15',
    frequency: 'monthly',
    minAmount: '1000000',
    maxAmount: '50000000',
    minInstallments: 6,
    maxInstallments: 36,
    penaltyPerMilleDaily: '1',
    penaltyCapPercent: '10',
  });
  await defineProduct(ctx, {
    ...base,
    code: 'MENURUN',
    name: 'Modal usaha pokok tetap (menurun) 14%, dua mingguan',
    kind: 'equal_principal',
    ratePercent: '14',
    frequency: 'fortnightly',
    minAmount: '500000',
    maxAmount: '20000000',
    minInstallments: 6,
    maxInstallments: 52,
    penaltyPerMilleDaily: '1',
    penaltyCapPercent: '10',
  });
  await defineProduct(ctx, {
    ...base,
    code: 'MUSYARAKAH',
    name: 'Musyarakah usaha bersama',
    kind: 'musyarakah',
    ratePercent: '0',
    memberNisbahPercent: '55',
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
    capitalDate: addDays(appliedOn, -30),
    cashAccount: '1.1.02',
  });
  await createFund(ctx, {
    code: 'USEP-2026',
    name: 'Stimulus USEP Kota Yogyakarta 2026',
    kind: 'stimulus',
    source: 'APBD Kota Yogyakarta 2026',
    officeCode: 'YK01',
    initialCapital: '20000000',
    capitalDate: addDays(appliedOn, -30),
    cashAccount: '1.1.02',
  });
  const members = [
    ...(await headsInVillage(ctx.db, '34.71.01.1001', 20, 12)),
    ...(await headsInVillage(ctx.db, '34.71.01.1002', 0, 12)),
  ].map((row) => row.id);
  let next = 0;
  const apply = (
    productCode: string,
    fundCode: string,
    principal: string,
    installments: number,
    purpose: string,
    on = appliedOn,
    extra: { personId?: string; groupId?: string; lkmCapitalPercent?: string } = {},
  ) =>
    applyForFinancing(ctx, {
      personId: extra.personId ?? (members[next++] as string),
      productCode,
      fundCode,
      principal,
      installments,
      purpose,
      appliedOn: on,
      groupRecommendation: 'Disetujui musyawarah kelompok',
      ...(extra.groupId ? { groupId: extra.groupId } : {}),
      ...(extra.lkmCapitalPercent ? { lkmCapitalPercent: extra.lkmCapitalPercent } : {}),
    });
  const open = async (
    productCode: string,
    fundCode: string,
    principal: string,
    installments: number,
    purpose: string,
    extra: Parameters<typeof apply>[6] = {},
  ) => {
    const applied = await apply(productCode, fundCode, principal, installments, purpose, appliedOn, extra);
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
      { amount: firstDue.total, paidOn: addDays(firstDue.dueDate, 20), channel: 'counter' },
      `demo-late-${inArrears[0]}`,
    );
  const closing = await open('QARDH', 'MODAL-LKM', '500000', 4, 'Biaya sekolah anak (kebajikan)');
  const all = await getFinancing(ctx, closing);
  await repay(
    ctx,
    closing,
    { amount: all.outstanding.total, paidOn: addDays(disbursedOn, 30), channel: 'counter' },
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
    const applied = await apply('MURABAHAH', 'USEP-2026', principal, 10, purpose, addDays(today, -7));
    await decideApplication(ctx, applied.id, 'approve', 'Menunggu dana bergulir');
  }
  await apply('MODAL-FLAT', 'MODAL-LKM', '2500000', 10, 'Modal jualan pakaian', addDays(today, -2));
  await apply('MODAL-FLAT', 'MODAL-LKM', '4000000', 12, 'Renovasi kios', addDays(today, -1));
  const rejected = await apply('MODAL-FLAT', 'MODAL-LKM', '20000000', 24, 'Membeli sepeda motor pribadi', addDays(today, -5));
  await decideApplication(ctx, rejected.id, 'reject', 'Bukan untuk usaha produktif');
  // A product of each remaining kind, repaying on time.
  for (const id of [
    await open('ANUITAS', 'MODAL-LKM', '4000000', 12, 'Oven roti dan bahan baku'),
    await open('MENURUN', 'MODAL-LKM', '3000000', 12, 'Stok pakaian anak'),
    await open('MUSYARAKAH', 'MODAL-LKM', '6000000', 12, 'Usaha bersama penggilingan padi', { lkmCapitalPercent: '70' }),
  ])
    await payDue(id);
  // The JKM group in Kricak lends from its own revolving fund to one of its members.
  const [group] = (await listGroups(ctx, { village: '34.71.01.1001', limit: 1 })).items;
  let funds = 2;
  if (group) {
    await createFund(ctx, {
      code: 'BERGULIR-JKM',
      name: `Dana bergulir ${group.name}`,
      kind: 'group_revolving',
      source: 'Iuran dan stimulus anggota kelompok',
      officeCode: 'YK01',
      groupId: group.id,
      initialCapital: '5000000',
      capitalDate: addDays(appliedOn, -30),
      cashAccount: '1.1.01',
    });
    funds++;
    const [groupMember] = await headsInVillage(ctx.db, '34.71.01.1001', 1, 1);
    if (groupMember) {
      next++;
      await payDue(
        await open('MODAL-FLAT', 'BERGULIR-JKM', '2500000', 10, 'Modal bergulir: warung sembako', {
          personId: groupMember.id,
          groupId: group.id,
        }),
      );
    }
  }
  // Savings: pokok once, three months of wajib, and sukarela with a withdrawal.
  let savers = 0;
  for (const personId of members.slice(0, 6)) {
    const pokok = await openSavingsAccount(ctx, { personId, kind: 'pokok', officeCode: 'YK01' });
    await depositSavings(ctx, pokok.id, `demo-pokok-${personId}`, { amount: '50000', note: 'Simpanan pokok' });
    const wajib = await openSavingsAccount(ctx, { personId, kind: 'wajib', officeCode: 'YK01' });
    await depositSavings(ctx, wajib.id, `demo-wajib-${personId}`, { amount: '30000', note: 'Simpanan wajib 3 bulan' });
    const sukarela = await openSavingsAccount(ctx, { personId, kind: 'sukarela', officeCode: 'YK01' });
    await depositSavings(ctx, sukarela.id, `demo-sukarela-${personId}`, { amount: String(100_000 * (savers + 1)) });
    await withdrawSavings(ctx, sukarela.id, `demo-tarik-${personId}`, { amount: '25000', note: 'Keperluan sekolah' });
    savers++;
  }
  await closeDay(ctx, today);
  return { financings: next, funds, products: 7, savers };
}
