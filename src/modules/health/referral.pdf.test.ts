import { describe, expect, it } from 'vitest';
import { pdfText } from '../../testing/pdf-text.ts';
import type { EncounterView } from './encounters.schema.ts';
import { findingsOf, renderReferralLetter } from './referral.pdf.ts';

const encounter: EncounterView = {
  id: '01900000-0000-7000-8000-000000000001',
  personId: '01900000-0000-7000-8000-000000000002',
  profession: 'midwife',
  place: 'clinic',
  encounteredOn: '2026-03-05',
  complaint: '',
  vitals: { systolic: null, diastolic: null, weightKg: 14.5, heightCm: 98, temperatureC: 39.2, glucoseMgDl: null },
  flags: { bloodPressure: null, temperature: 'fever', glucose: null, bmi: { value: '15.1', category: null } },
  diagnoses: [{ code: 'A91', name: 'Demam berdarah dengue' }],
  treatment: '',
  worker: { id: '01900000-0000-7000-8000-000000000003', name: 'Sri Wahyuni, A.Md.Keb.' },
  referral: null,
};
const referral = {
  id: '01900000-0000-7000-8000-0000000000aa',
  encounterId: encounter.id,
  destinationKind: 'hospital' as const,
  destination: 'RSUD Kota Yogyakarta',
  reason: 'Trombosit turun, perlu rawat inap',
  referredOn: '2026-03-05',
  outcome: null,
  outcomeOn: null,
};

describe('the referral letter', () => {
  it('writes the findings measured, in Indonesian decimals, and a child’s BMI without an adult category', () => {
    expect(findingsOf(encounter)).toEqual(['Berat badan: 14,5 kg', 'Tinggi badan: 98 cm', 'IMT: 15,1 kg/m²', 'Suhu: 39,2 °C']);
  });

  it('addresses the hospital by its name, and says what is not known as such', async () => {
    const text = pdfText(
      await renderReferralLetter({
        organisation: 'JKM Demo',
        office: 'Kantor Cabang Yogyakarta',
        patient: {
          name: 'Dian Lestari',
          nik: '3471014506200001',
          age: 5,
          birthDate: '2020-06-05',
          sex: 'F',
          address: 'Jl. Kricak No. 1, Kricak',
          jkn: null,
        },
        encounter,
        referral,
        worker: 'Sri Wahyuni, A.Md.Keb.',
      }),
    );
    for (const expected of [
      'SURAT RUJUKAN',
      'Nomor: 0000000000AA',
      'Kepada Yth. RSUD Kota Yogyakarta di tempat',
      'Dian Lestari',
      '3471014506200001',
      '5 tahun (lahir 5 Juni 2020)',
      'Perempuan',
      'Tidak diketahui',
      'A91 Demam berdarah dengue',
      'Trombosit turun, perlu rawat inap',
      'Kantor Cabang Yogyakarta, 5 Maret 2026',
      'Bidan pemeriksa,',
      '( Sri Wahyuni, A.Md.Keb. )',
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('(utama)');
  });
});
