import { formatDate } from '../../core/format.ts';
import { type Pdf, renderPdf } from '../../pdf/document.ts';
import { referralAddressee } from './encounters.rules.ts';
import type { EncounterView, ReferralView } from './encounters.schema.ts';

export type ReferralLetter = {
  organisation: string;
  office: string;
  patient: {
    name: string;
    nik: string;
    age: number;
    birthDate: string;
    sex: 'M' | 'F';
    address: string;
    /** The JKN-KIS participation when known: segment and class, or only that the family holds a KIS card. */
    jkn: { segment: string; jknClass: string } | 'kis' | null;
  };
  encounter: EncounterView;
  referral: ReferralView;
  /** The health worker's full name (not the username), as they sign. */
  worker: string;
};

const PROFESSION = { doctor: 'Dokter', midwife: 'Bidan', nurse: 'Perawat' } as const;
const DESTINATION = { puskesmas: 'Puskesmas', hospital: 'Rumah Sakit' } as const;
const BMI_CATEGORY = {
  severely_thin: 'kurus berat',
  thin: 'kurus ringan',
  normal: 'normal',
  overweight: 'gemuk ringan',
  obese: 'gemuk berat',
} as const;

/** 37.8 → "37,8": decimals as written in Indonesian. */
const decimal = (value: number) => String(value).replace('.', ',');

/** The findings as one line each: "Tekanan darah: 150/95 mmHg". */
export function findingsOf(encounter: EncounterView): string[] {
  const v = encounter.vitals;
  const lines: string[] = [];
  if (v.systolic !== null && v.diastolic !== null) lines.push(`Tekanan darah: ${v.systolic}/${v.diastolic} mmHg`);
  if (v.weightKg !== null) lines.push(`Berat badan: ${decimal(v.weightKg)} kg`);
  if (v.heightCm !== null) lines.push(`Tinggi badan: ${decimal(v.heightCm)} cm`);
  if (encounter.flags.bmi)
    lines.push(
      `IMT: ${decimal(Number(encounter.flags.bmi.value))} kg/m²${encounter.flags.bmi.category ? ` (${BMI_CATEGORY[encounter.flags.bmi.category]})` : ''}`,
    );
  if (v.temperatureC !== null) lines.push(`Suhu: ${decimal(v.temperatureC)} °C`);
  if (v.glucoseMgDl !== null) lines.push(`Gula darah sewaktu: ${v.glucoseMgDl} mg/dL`);
  return lines;
}

function particular(doc: Pdf, label: string, value: string) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const labelWidth = 150;
  const y = doc.y;
  doc.font('Helvetica').text(label, left, y, { width: labelWidth });
  const afterLabel = doc.y;
  doc.text(`: ${value || '-'}`, left + labelWidth, y, { width: width - labelWidth });
  doc.x = left;
  doc.y = Math.max(afterLabel, doc.y);
}

function section(doc: Pdf, title: string, lines: string[]) {
  doc.moveDown(0.4).font('Helvetica-Bold').text(title);
  doc.font('Helvetica');
  for (const line of lines.length > 0 ? lines : ['-']) doc.text(line, { indent: 12 });
}

const jknText = (jkn: ReferralLetter['patient']['jkn']) => {
  if (jkn === null) return 'Tidak diketahui';
  if (jkn === 'kis') return 'Peserta (memegang kartu KIS)';
  return `Peserta ${jkn.segment}, kelas ${jkn.jknClass}`;
};

/** Surat Rujukan: who is referred, what was found and given, why and where to, signed by the health worker. */
export function renderReferralLetter(letter: ReferralLetter): Promise<Buffer> {
  const { patient, encounter, referral } = letter;
  return renderPdf(
    (doc) => {
      const left = doc.page.margins.left;
      const width = doc.page.width - left - doc.page.margins.right;
      doc.font('Helvetica-Bold').fontSize(13).text(letter.organisation, { align: 'center' });
      doc
        .font('Helvetica')
        .fontSize(10)
        .text(`Program Dokter Keluarga${letter.office ? ` · ${letter.office}` : ''}`, { align: 'center' });
      doc
        .moveTo(left, doc.y + 4)
        .lineTo(left + width, doc.y + 4)
        .stroke();
      doc.moveDown(1).font('Helvetica-Bold').fontSize(14).text('SURAT RUJUKAN', { align: 'center' });
      doc
        .font('Helvetica')
        .fontSize(10)
        .text(`Nomor: ${referral.id.slice(-12).toUpperCase()}`, { align: 'center' });
      doc.moveDown(1).fontSize(11);
      doc.text('Kepada Yth.');
      doc
        .font('Helvetica-Bold')
        .text(referralAddressee(referral.destinationKind, referral.destination, DESTINATION[referral.destinationKind]));
      doc.font('Helvetica').text('di tempat');
      doc.moveDown(0.6).text('Mohon pemeriksaan dan penanganan lebih lanjut terhadap pasien:');
      doc.moveDown(0.3);
      particular(doc, 'Nama', patient.name);
      particular(doc, 'NIK', patient.nik);
      particular(doc, 'Umur', `${patient.age} tahun (lahir ${formatDate(patient.birthDate)})`);
      particular(doc, 'Jenis kelamin', patient.sex === 'F' ? 'Perempuan' : 'Laki-laki');
      particular(doc, 'Alamat', patient.address);
      particular(doc, 'JKN-KIS', jknText(patient.jkn));
      section(doc, 'Keluhan (anamnesis)', encounter.complaint ? [encounter.complaint] : []);
      section(doc, 'Hasil pemeriksaan', findingsOf(encounter));
      section(
        doc,
        'Diagnosis (ICD-10)',
        encounter.diagnoses.map((d, i) => `${d.code}  ${d.name}${i === 0 && encounter.diagnoses.length > 1 ? ' (utama)' : ''}`),
      );
      section(doc, 'Terapi/tindakan yang telah diberikan', encounter.treatment ? [encounter.treatment] : []);
      section(doc, 'Alasan dirujuk', [referral.reason]);
      doc.moveDown(0.8).text('Atas bantuan dan kerja samanya kami ucapkan terima kasih.');
      doc.moveDown(1.2);
      const signX = left + width / 2;
      const y = doc.y;
      doc.text(`${letter.office || letter.organisation}, ${formatDate(referral.referredOn)}`, signX, y, {
        width: width / 2,
        align: 'center',
      });
      doc.text(`${PROFESSION[encounter.profession]} pemeriksa,`, signX, doc.y, { width: width / 2, align: 'center' });
      doc.text(`( ${letter.worker} )`, signX, doc.y + 48, { width: width / 2, align: 'center' });
      doc.x = left;
    },
    { title: `Surat Rujukan ${patient.name}` },
  );
}
