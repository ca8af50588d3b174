/** Error texts of the health programme (id). Each capability keeps its own block. */
export const healthId = {
  // profile and IKS
  'health.pregnant_male': 'Laki-laki tidak dapat dicatat hamil atau punya haid terakhir.',
  'health.lmp_in_future': 'Hari pertama haid terakhir {{date}} belum tiba.',
  'health.lmp_too_old': 'Haid terakhir {{date}} lebih dari 44 minggu lalu: kehamilan tidak mungkin selama itu.',
  'health.date_before_birth': 'Tanggal {{date}} sebelum tanggal lahir orang ini.',
  'health.date_in_future': 'Tanggal {{date}} belum tiba.',
  'health.edd_before_lmp': 'Taksiran persalinan {{date}} harus sesudah haid terakhir.',
  'health.edd_without_pregnancy': 'Taksiran persalinan hanya untuk yang sedang hamil.',
  'health.pregnancies_too_few': 'Sedang hamil: jumlah kehamilan paling sedikit 1.',
  'health.kb_method_sex': 'Metode KB ini tidak sesuai dengan jenis kelamin (vasektomi untuk pria, tubektomi untuk wanita).',
  'health.condition_repeated': 'Satu penyakit hanya dicatat sekali.',
  'health.month_range': 'Bulan awal {{from}} sesudah bulan akhir {{to}}.',
  'health.month_range_too_long': 'Rentang paling panjang {{months}} bulan.',

  // encounters, referrals, illness
  'health.placeholder_encounters': 'Kunjungan belum tersedia.',

  // screening and counselling sessions
  'health.placeholder_screening': 'Skrining belum tersedia.',

  // finance link
  'health.placeholder_finance': 'Data belum tersedia.',

  // FHIR
  'health.placeholder_fhir': 'Data belum tersedia.',
};
