import type { Context } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { addDays, addMonthsKeepingDay } from '../../core/dates.ts';
import { renderPdf } from '../../pdf/document.ts';
import type { Step } from '../partnerships/index.ts';
import {
  addAgreement,
  addResource,
  advancePartnership,
  changePartnership,
  createPartner,
  createPartnership,
  logCommunication,
  recordActivity,
  recordEvaluation,
  setMember,
  uploadAgreementDocument,
} from '../partnerships/index.ts';

const KRICAK = '34.71.01.1001';
const KARANGWARU = '34.71.01.1002';
const BENER = '34.71.02.1001';

/**
 * Partnerships for health promotion in the demo (seed 004), all of YK01: the puskesmas's IVA
 * screening and counselling partnership in Kricak has walked all six steps and been evaluated (its
 * outcome comes from the demo's health records of Kricak; its MoU ends within 90 days), a company's
 * CSR for child nutrition in Karangwaru is arranging roles, and the midwives' professional
 * organisation is still being explored for Bener. Runs after the health programme.
 */
export async function fillDemoPartnerships(ctx: Context) {
  const today = businessDate(ctx.clock);
  const partner = (input: Parameters<typeof createPartner>[1]) => createPartner(ctx, input);
  const puskesmas = await partner({
    name: 'Puskesmas Tegalrejo',
    kind: 'government',
    pillar: 'health_programme',
    widerElement: null,
    contactName: 'dr. Sri Wahyuni',
    contactPhone: '0274-515423',
    contactEmail: '',
    address: 'Jl. Magelang, Tegalrejo, Kota Yogyakarta',
    officeCode: 'YK01',
  });
  const kelurahan = await partner({
    name: 'Kelurahan Kricak',
    kind: 'government',
    pillar: 'government_sector',
    widerElement: null,
    contactName: 'Lurah Kricak',
    contactPhone: '0274-563210',
    contactEmail: '',
    address: 'Kricak, Tegalrejo, Kota Yogyakarta',
    officeCode: 'YK01',
  });
  const company = await partner({
    name: 'PT Sari Husada (CSR)',
    kind: 'business',
    pillar: 'wider',
    widerElement: 'business',
    contactName: 'Dian Prasetyo',
    contactPhone: '0274-512345',
    contactEmail: 'csr@example.co.id',
    address: 'Jl. Kusumanegara, Kota Yogyakarta',
    officeCode: 'YK01',
  });
  const ibi = await partner({
    name: 'Ikatan Bidan Indonesia (IBI) Cabang Kota Yogyakarta',
    kind: 'non_government',
    pillar: 'wider',
    widerElement: 'professional_organisation',
    contactName: 'Bd. Endang Lestari',
    contactPhone: '081328765432',
    contactEmail: '',
    address: 'Kota Yogyakarta',
    officeCode: 'YK01',
  });

  const walk = async (id: string, to: Step) => advancePartnership(ctx, id, { to, note: '' });

  // 1. The puskesmas: all six steps, evaluated.
  const started = addMonthsKeepingDay(today, -6);
  const screening = await createPartnership(ctx, {
    title: 'Skrining IVA dan penyuluhan kesehatan reproduksi di Kricak',
    startedOn: started,
    officeCode: 'YK01',
    villageCodes: [KRICAK],
    explorationNotes: 'Puskesmas Tegalrejo dan JKM sama-sama ingin cakupan skrining IVA naik; kelurahan menyediakan balai RW.',
  });
  await setMember(ctx, screening.id, puskesmas.id, 'Bidan dan dokter melakukan skrining IVA; rujukan ke puskesmas.');
  await setMember(ctx, screening.id, kelurahan.id, 'Menyediakan balai RW dan mengundang warga.');
  await walk(screening.id, 'penyamaan_persepsi');
  await changePartnership(ctx, screening.id, {
    vision: 'Perempuan Kricak terlindung dari kanker leher rahim.',
    goals: 'Cakupan skrining IVA perempuan 30–50 tahun naik; setiap hasil positif ditangani.',
  });
  await walk(screening.id, 'pengaturan_peran');
  await addResource(ctx, screening.id, { partnerId: puskesmas.id, kind: 'people', description: 'Bidan dan dokter', quantity: 3 });
  await addResource(ctx, screening.id, { partnerId: kelurahan.id, kind: 'facilities', description: 'Balai RW 03', quantity: 1 });
  await addResource(ctx, screening.id, { partnerId: puskesmas.id, kind: 'goods', description: 'Asam asetat dan spekulum', quantity: 50 });
  await walk(screening.id, 'komunikasi_intensif');
  await logCommunication(ctx, screening.id, {
    heldOn: addDays(started, 10),
    channel: 'meeting',
    summary: 'Rapat koordinasi jadwal skrining per RW.',
    partnerIds: [puskesmas.id, kelurahan.id],
  });
  await walk(screening.id, 'melaksanakan_kegiatan');
  await recordActivity(ctx, screening.id, {
    kind: 'meeting',
    title: 'Pertemuan lintas sektor Kricak',
    heldOn: addDays(started, 14),
    place: 'Kantor Kelurahan Kricak',
    participants: 18,
    notes: '',
    partnerIds: [puskesmas.id, kelurahan.id],
  });
  await recordActivity(ctx, screening.id, {
    kind: 'joint_programme',
    title: 'Hari skrining IVA bersama',
    heldOn: addDays(today, -30),
    place: 'Posyandu RW 03 Kricak',
    participants: 42,
    notes: '',
    partnerIds: [puskesmas.id, kelurahan.id],
  });
  await walk(screening.id, 'pemantauan_penilaian');
  await recordEvaluation(ctx, screening.id, {
    evaluatedOn: today,
    equity: 4,
    transparency: 4,
    mutualBenefit: 5,
    findings: 'Jadwal skrining dipatuhi; warga datang bila diundang RT.',
    recommendations: 'Tambah jadwal sore hari untuk perempuan bekerja.',
  });
  const withMou = await addAgreement(ctx, screening.id, {
    number: '01/PKS/PKM-TGR/JKM',
    title: 'Perjanjian kerja sama skrining IVA',
    startsOn: started,
    endsOn: addDays(today, 60),
    partnerIds: [puskesmas.id, kelurahan.id],
  });
  const mou = withMou.agreements[0];
  if (mou) await uploadAgreementDocument(ctx, mou.id, await mouPdf(mou.number, mou.title));

  // 2. The company: roles being arranged.
  const nutrition = await createPartnership(ctx, {
    title: 'CSR gizi balita Karangwaru',
    startedOn: addMonthsKeepingDay(today, -2),
    officeCode: 'YK01',
    villageCodes: [KARANGWARU],
    explorationNotes: 'Perusahaan mencari program CSR gizi; posyandu Karangwaru butuh PMT.',
  });
  await setMember(ctx, nutrition.id, company.id, 'Menyediakan dana PMT balita.');
  await setMember(ctx, nutrition.id, puskesmas.id, '');
  await walk(nutrition.id, 'penyamaan_persepsi');
  await changePartnership(ctx, nutrition.id, {
    vision: 'Balita Karangwaru tumbuh sehat.',
    goals: 'Tidak ada balita gizi kurang dalam setahun.',
  });
  await walk(nutrition.id, 'pengaturan_peran');
  await addResource(ctx, nutrition.id, { partnerId: company.id, kind: 'money', description: 'Dana PMT balita', amount: '25000000' });

  // 3. The professional organisation: being explored.
  const midwives = await createPartnership(ctx, {
    title: 'Kelas ibu hamil bersama IBI',
    startedOn: today,
    officeCode: 'YK01',
    villageCodes: [BENER],
    explorationNotes: 'IBI bersedia mengisi kelas ibu hamil; belum ada kesepakatan.',
  });
  await setMember(ctx, midwives.id, ibi.id, '');

  return { partners: 4, partnerships: 3, steps: ['pemantauan_penilaian', 'pengaturan_peran', 'penjajakan'] as Step[] };
}

/** A one-page MoU to stand for the signed scan. */
function mouPdf(number: string, title: string): Promise<Buffer> {
  return renderPdf(
    (doc) => {
      doc.fontSize(14).font('Helvetica-Bold').text('PERJANJIAN KERJA SAMA');
      doc.font('Helvetica').fontSize(11).text(`Nomor: ${number}`).moveDown().text(title);
    },
    { title: number },
  );
}
