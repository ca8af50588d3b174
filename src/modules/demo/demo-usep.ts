import type { Context } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { addDays, addMonthsKeepingDay } from '../../core/dates.ts';
import { financingDemoApi } from '../financing/index.ts';
import { addGroupMember, appointOfficers, formGroup, recordMeeting } from '../groups/index.ts';
import { actorForUsername } from '../identity/index.ts';
import { createFund } from '../ledger/index.ts';
import { headsInVillage, recordBusiness } from '../registry/index.ts';
import { usepDemoApi } from '../usep/index.ts';

const KRICAK = '34.71.01.1001';

/**
 * USEP KM (seed 002) in Kota Yogyakarta: two groups in Kricak with the city's stimulus
 * (Rp19.714.000) passed on over two rounds, one merged business, coaching, and group reports
 * at each stage of the chain (received, acknowledged, accepted, submitted, returned, draft).
 */
export async function fillDemoUsep(ctx: Context) {
  const { defineProduct, decideApplication, disburse, repay } = financingDemoApi;
  const {
    allocateStimulus,
    passOnStimulus,
    draftReport,
    signReport,
    reviseReport,
    recordBusinessMonth,
    recordCoaching,
    mergeBusinesses,
    recordMergedMonth,
  } = usepDemoApi;
  const today = businessDate(ctx.clock);
  // Ten months of history from the first of a month.
  const m0 = `${addMonthsKeepingDay(today, -10).slice(0, 7)}-01`;
  const at = (months: number, days = 0) => addDays(addMonthsKeepingDay(m0, months), days);
  const as = async (username: string): Promise<Context> => {
    const actor = await actorForUsername(ctx.db, username);
    return actor ? { ...ctx, actor } : ctx;
  };
  const [manajer, pembina, lurah] = [await as('manajer'), await as('pembina'), await as('lurah')];

  await defineProduct(ctx, {
    code: 'USEP-QARDH',
    name: 'Stimulan bergulir USEP KM (tanpa jasa)',
    kind: 'qardh',
    ratePercent: '0',
    frequency: 'monthly',
    minAmount: '500000',
    maxAmount: '10000000',
    minInstallments: 1,
    maxInstallments: 12,
    graceOnPrincipal: 0,
    graceOnProfit: 0,
    rounding: 'half-up',
    penaltyPerMilleDaily: '0',
    penaltyCapPercent: '0',
    allocationOrder: ['penalty', 'profit', 'principal'],
  });
  await createFund(ctx, {
    code: 'USEP-KOTA',
    name: 'Stimulan USEP KM Kota Yogyakarta',
    kind: 'stimulus',
    source: 'APBD Kota Yogyakarta (Dinas Kesejahteraan Sosial)',
    officeCode: 'YK01',
    initialCapital: '19714000',
    capitalDate: m0,
    cashAccount: '1.1.02',
  });
  const heads = (await headsInVillage(ctx.db, KRICAK, 0, 20)).map((h) => h.id);
  const plans = [
    { name: 'USEP KM Kricak Mandiri', pot: 'POT-USEP-KRM', members: heads.slice(0, 10), stimulus: '10000000', first: 4, amount: '2500000' },
    {
      name: 'USEP KM Kricak Sejahtera',
      pot: 'POT-USEP-KRS',
      members: heads.slice(10, 20),
      stimulus: '9714000',
      first: 3,
      amount: '3000000',
    },
  ];
  const groups = [];
  let financings = 0;
  for (const [g, plan] of plans.entries()) {
    const group = await formGroup(ctx, { kind: 'usep_km', name: plan.name, officeCode: 'YK01', villageCodes: [KRICAK], formedOn: m0 });
    for (const personId of plan.members) await addGroupMember(ctx, group.id, { personId, joinedOn: m0 });
    await appointOfficers(ctx, group.id, { ketua: plan.members[0], sekretaris: plan.members[1], bendahara: plan.members[2] });
    await createFund(ctx, {
      code: plan.pot,
      name: `Dana bergulir ${plan.name}`,
      kind: 'group_revolving',
      source: 'Stimulan berantai USEP KM',
      officeCode: 'YK01',
      groupId: group.id,
      initialCapital: '0',
      cashAccount: '1.1.02',
    });
    await allocateStimulus(
      ctx,
      {
        stimulusFundCode: 'USEP-KOTA',
        groupId: group.id,
        amount: plan.stimulus,
        allocatedOn: at(0, 4),
        reference: 'SK Kepala Dinas Kesejahteraan Sosial',
      },
      `demo-usep-alloc-${g}`,
    );
    const attendance = plan.members.map((personId, i) => ({ personId, present: i % 5 !== 4 }));
    const first = await recordMeeting(ctx, group.id, {
      heldOn: at(0, 8),
      place: 'Balai RW 03 Kricak',
      agenda: 'Penerima stimulan berantai putaran pertama',
      decisions: `Stimulan diberikan kepada ${plan.first} anggota, diangsur 10 bulan tanpa jasa.`,
      minutes: 'Dihadiri pembina dari Dinas Kesejahteraan Sosial.',
      attendance,
    });
    const round1 = await passOnStimulus(ctx, group.id, {
      meetingId: first.response.id,
      productCode: 'USEP-QARDH',
      appliedOn: at(0, 9),
      recipients: plan.members
        .slice(0, plan.first)
        .map((personId) => ({ personId, amount: plan.amount, installments: 10, purpose: 'Modal usaha' })),
    });
    for (const r of round1.response.recipients) {
      await decideApplication(manajer, r.financingId, 'approve', 'Sesuai keputusan musyawarah');
      await disburse(ctx, r.financingId, { disbursedOn: at(0, 10), method: 'transfer' });
      financings++;
      for (let n = 1; n <= 4; n++)
        await repay(
          ctx,
          r.financingId,
          { amount: String(BigInt(plan.amount) / 10n), paidOn: at(n, 8), channel: 'group_meeting' },
          `demo-usep-${r.financingId}-${n}`,
        );
    }
    const second = await recordMeeting(ctx, group.id, {
      heldOn: at(5, 2),
      place: 'Balai RW 03 Kricak',
      agenda: 'Menggulirkan angsuran yang kembali; penggabungan usaha keripik',
      decisions: 'Angsuran yang kembali digulirkan kepada dua anggota berikutnya; usaha keripik dua anggota digabung.',
      minutes: 'Bendahara melaporkan angsuran yang kembali.',
      attendance,
    });
    const round2 = await passOnStimulus(ctx, group.id, {
      meetingId: second.response.id,
      productCode: 'USEP-QARDH',
      appliedOn: at(5, 3),
      recipients: plan.members
        .slice(plan.first, plan.first + 2)
        .map((personId) => ({ personId, amount: '1500000', installments: 10, purpose: 'Modal usaha' })),
    });
    for (const r of round2.response.recipients.filter((x) => x.round === 2)) {
      await decideApplication(manajer, r.financingId, 'approve', 'Sesuai keputusan musyawarah');
      await disburse(ctx, r.financingId, { disbursedOn: at(5, 5), method: 'transfer' });
      financings++;
    }
    groups.push({ id: group.id, members: plan.members, secondMeeting: second.response.id });
  }

  // Businesses over time and a merger in the first group; coaching on marketing.
  const [mandiri, sejahtera] = groups as [(typeof groups)[number], (typeof groups)[number]];
  const businessIds: string[] = [];
  for (const [i, personId] of mandiri.members.slice(0, 4).entries()) {
    const kinds = [
      ['Keripik singkong', 'food'],
      ['Keripik pisang', 'food'],
      ['Warung kelontong', 'trade'],
      ['Jahit pakaian', 'craft'],
    ] as const;
    const [type, sector] = kinds[i] as (typeof kinds)[number];
    const business = await recordBusiness(ctx, personId, {
      name: `${type} ${i + 1}`,
      businessType: type,
      sector,
      startedOn: addDays(m0, -400),
      capitalRupiah: '1000000',
      monthlyRevenueRupiah: '1200000',
      monthlyCostsRupiah: '850000',
    });
    businessIds.push(business.id);
    for (const [n, growth] of [
      [0, 0n],
      [4, 30n],
      [8, 55n],
    ] as const)
      await recordBusinessMonth(ctx, business.id, at(n).slice(0, 7), {
        capitalRupiah: String(1_000_000n + 25_000n * growth),
        revenueRupiah: String(1_200_000n + 20_000n * growth),
        costsRupiah: String(850_000n + 10_000n * growth),
      });
  }
  await recordCoaching(ctx, {
    groupId: mandiri.id,
    villageCode: KRICAK,
    heldOn: at(2, 12),
    topic: 'marketing',
    title: 'Pemasaran produk lewat marketplace dan media sosial',
    notes: 'Praktik memotret produk dan menulis deskripsi.',
    followUp: 'Setiap usaha membuka toko daring bulan ini.',
    coachName: 'Yohanes Wibowo',
    attendance: mandiri.members
      .slice(0, 4)
      .map((personId, i) => ({ personId, present: i !== 3, followUp: i === 0 ? 'Foto produk baru' : '' })),
  });
  const merged = await mergeBusinesses(ctx, mandiri.id, {
    meetingId: mandiri.secondMeeting,
    name: 'Keripik Kricak Bersatu',
    businessType: 'Keripik',
    mergedOn: at(5, 2),
    members: [
      { businessId: businessIds[0] as string, shareBp: 6000 },
      { businessId: businessIds[1] as string, shareBp: 4000 },
    ],
  });
  for (const [n, revenue] of [
    [6, 2_900_000n],
    [8, 3_600_000n],
  ] as const)
    await recordMergedMonth(ctx, merged.id, at(n).slice(0, 7), {
      capitalRupiah: '2500000',
      revenueRupiah: String(revenue),
      costsRupiah: String((revenue * 6n) / 10n),
    });

  // Reports at each stage of the chain.
  const end = (months: number) => addDays(at(months), -1);
  const report = (groupId: string, from: number, to: number, narrative: string) =>
    draftReport(manajer, groupId, {
      periodStart: at(from),
      periodEnd: end(to),
      narrative,
      problems: 'Satu anggota terlambat mengangsur karena sakit.',
    });
  const a1 = await report(mandiri.id, 0, 6, 'Stimulan diterima dan digulirkan dua putaran; usaha keripik digabung.');
  await signReport(manajer, a1.id, 'submit');
  await signReport(pembina, a1.id, 'return', 'Lengkapi perkembangan omzet usaha per bulan.');
  const a1v2 = await reviseReport(manajer, a1.id);
  await signReport(manajer, a1v2.id, 'submit');
  await signReport(pembina, a1v2.id, 'accept');
  await signReport(lurah, a1v2.id, 'acknowledge', 'Mengetahui');
  await signReport(manajer, a1v2.id, 'receive');
  const a2 = await report(mandiri.id, 6, 9, 'Putaran kedua berjalan; usaha gabungan mulai menjual daring.');
  await signReport(manajer, a2.id, 'submit');
  const b1 = await report(sejahtera.id, 0, 3, 'Stimulan diterima dan dibagikan kepada tiga anggota.');
  await signReport(manajer, b1.id, 'submit');
  await signReport(pembina, b1.id, 'accept');
  await signReport(lurah, b1.id, 'acknowledge', 'Mengetahui');
  const b2 = await report(sejahtera.id, 3, 6, 'Angsuran kembali lancar.');
  await signReport(manajer, b2.id, 'submit');
  await signReport(pembina, b2.id, 'accept');
  const b3 = await report(sejahtera.id, 6, 9, 'Putaran kedua.');
  await signReport(manajer, b3.id, 'submit');
  await signReport(pembina, b3.id, 'return', 'Daftar hadir musyawarah belum dilampirkan.');
  await report(sejahtera.id, 9, 10, 'Konsep laporan bulan berjalan.');
  return { groups: groups.length, financings, reports: 6 };
}
