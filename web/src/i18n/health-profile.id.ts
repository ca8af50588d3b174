/** Bahasa Indonesia for the health screens: profile and IKS. `health-profile.en.ts` has the same keys. */
export const healthProfileId = {
  nav: {
    healthIks: 'Indeks Keluarga Sehat',
    recalls: 'Jadwal skrining ulang',
    healthSessions: 'Penyuluhan',
    atRisk: 'Anggota berisiko',
    repaymentComparison: 'Kesehatan & angsuran',
  },
  navSection: { health: 'Kesehatan' },
  navHint: {
    healthIks: 'IKS (PIS-PK): 12 indikator per keluarga, per desa dan kantor, dengan trennya.',
    recalls: 'Perempuan yang jatuh tempo atau terlambat skrining IVA/papsmear.',
    healthSessions: 'Sesi penyuluhan: topik, tempat, daftar hadir.',
    atRisk: 'Anggota yang sakit dan punya angsuran jatuh tempo.',
    repaymentComparison: 'Ketepatan bayar anggota yang didampingi dokter keluarga dibanding lainnya.',
  },
  healthProfile: {
    fhir: {
      title: 'Rekam kesehatan (FHIR)',
      hint: 'Berkas HL7 FHIR R4 untuk SATUSEHAT atau fasilitas kesehatan rujukan. Setiap unduhan tercatat di jejak audit.',
      download: 'Unduh FHIR',
    },
  },
};

export type HealthProfileDictionary = typeof healthProfileId;
