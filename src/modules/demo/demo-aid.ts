import type { Context } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { addDays } from '../../core/dates.ts';
import { readCsv } from '../../export/read-csv.ts';
import {
  approveCycle,
  approveEntitlements,
  computeCycle,
  createCycle,
  createInstructionBatch,
  enrolMany,
  getProgramme,
  reconcile,
  setEnrolmentAccount,
  updateProgramme,
  writeInstructionFile,
} from '../aid/index.ts';
import { actorForUsername } from '../identity/index.ts';
import { ACCOUNTS, createFund } from '../ledger/index.ts';
import { headsInVillage } from '../registry/index.ts';

const KRICAK = '34.71.01.1001';
const BENER = '34.71.01.1002';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The first day of the quarter holding `day` (PKH is paid in four stages, one a quarter). */
function quarterOf(day: string): { start: string; end: string; stage: number; year: number } {
  const year = Number(day.slice(0, 4));
  const stage = Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1;
  const startMonth = (stage - 1) * 3 + 1;
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  return { start: `${year}-${pad(startMonth, 2)}-01`, end: `${year}-${pad(endMonth, 2)}-${pad(lastDay, 2)}`, stage, year };
}

/**
 * Social assistance in Kota Yogyakarta: PKH paid from a Kemensos fund at YK01, families of
 * Kricak and Bener enrolled (the wife as recipient, a bank account each, one still without),
 * this quarter's stage paid (one transfer failed: on the retry list) and the next stage
 * computed and waiting for the supervisor's approval. Maker: the manager; checker: the supervisor.
 */
export async function fillDemoAid(ctx: Context) {
  const today = businessDate(ctx.clock);
  const [admin, manajer, pembina] = await Promise.all(['admin', 'manajer', 'pembina'].map((u) => actorForUsername(ctx.db, u)));
  if (!admin || !manajer || !pembina) return { enrolled: 0, cycles: 0, paid: 0, failed: 0 };
  const asAdmin: Context = { ...ctx, actor: admin };
  const maker: Context = { ...ctx, actor: manajer };
  const checker: Context = { ...ctx, actor: pembina };

  await createFund(asAdmin, {
    code: 'BANSOS-PKH',
    name: 'Dana PKH Kota Yogyakarta',
    kind: 'stimulus',
    source: 'Kementerian Sosial — Program Keluarga Harapan',
    officeCode: 'YK01',
    initialCapital: '40000000',
    capitalDate: addDays(today, -200),
    cashAccount: ACCOUNTS.bankCash,
  });
  const { id, builtIn, ...pkh } = await getProgramme(asAdmin, 'pkh');
  await updateProgramme(asAdmin, 'pkh', { ...pkh, fundCode: 'BANSOS-PKH' });

  const households = [...(await headsInVillage(ctx.db, KRICAK, 0, 14)), ...(await headsInVillage(ctx.db, BENER, 0, 10))].map(
    (head) => head.household_id,
  );
  const bulk = await enrolMany(maker, 'pkh', { households });
  const enrolled = bulk.items.flatMap((item) => (item.enrolmentId ? [item.enrolmentId] : []));
  // All but the last get a bank account; the last waits for one (pending_account).
  for (const [index, enrolmentId] of enrolled.slice(0, -1).entries())
    await setEnrolmentAccount(maker, enrolmentId, { channel: 'bank', account: `0091${pad(472310 + index * 37, 8)}` });

  // Families are enrolled today, so the stage paid is the current one and the next is prepared.
  const previous = quarterOf(today);
  const current = quarterOf(addDays(previous.end, 1));
  const paidCycle = await createCycle(maker, 'pkh', {
    name: `PKH ${previous.year} tahap ${previous.stage}`,
    periodStart: previous.start,
    periodEnd: previous.end,
  });
  await computeCycle(maker, paidCycle.id);
  await approveCycle(checker, paidCycle.id);
  await approveEntitlements(checker, paidCycle.id, { all: true });
  const batch = await createInstructionBatch(maker, paidCycle.id, 'bank');
  const lines: string[] = [];
  await writeInstructionFile(maker, batch.id, (chunk) => {
    lines.push(chunk);
  });
  const instructions: string[][] = [];
  for await (const { cells } of readCsv(lines.join(''))) instructions.push(cells);
  instructions.shift(); // the header
  const header = 'reference,status,date,channel_reference,amount';
  const paidOn = today;
  const confirmation = instructions.map(([reference, , , amount], index) =>
    index === 1
      ? `${reference},failed,${paidOn},BRI-REJ-${pad(index, 4)},${amount}`
      : `${reference},paid,${paidOn},BRI-${pad(880000 + index, 7)},${amount}`,
  );
  const result = await reconcile(maker, paidCycle.id, {
    channel: 'bank',
    fileName: `konfirmasi-bank-${previous.year}-${previous.stage}.csv`,
    lines: [header, ...confirmation],
  });

  const openCycle = await createCycle(maker, 'pkh', {
    name: `PKH ${current.year} tahap ${current.stage}`,
    periodStart: current.start,
    periodEnd: current.end,
  });
  await computeCycle(maker, openCycle.id);
  return { enrolled: enrolled.length, cycles: 2, paid: result.counts.paid ?? 0, failed: result.counts.failed ?? 0 };
}
