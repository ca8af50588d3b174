/** Error texts of the health programme (id). Each capability keeps its own block. */
export const healthId = {
  // profile and IKS
  'health.placeholder_profile': 'Profil kesehatan belum tersedia.',

  // encounters, referrals, illness
  'health.placeholder_encounters': 'Kunjungan belum tersedia.',

  // screening and counselling sessions
  'health.placeholder_screening': 'Skrining belum tersedia.',

  // finance link
  'health.status_persons_count': 'Minta 1 sampai {{max}} anggota sekaligus.',
  'health.status_persons_format': 'Anggota diberikan sebagai id yang dipisahkan koma.',
  'health.month_format': 'Bulan ditulis YYYY-MM.',
  'health.comparison_range_order': 'Bulan terakhir sama dengan atau sesudah bulan pertama.',
  'health.comparison_range_too_long': 'Paling banyak {{max}} bulan sekaligus.',
  'health.comparison_title': 'Pengembalian: anggota dalam pelayanan dan anggota lainnya',
  'health.comparison_period':
    'Periode {{from}} s.d. {{to}} (per {{asOf}}); dalam pelayanan = pemeriksaan atau hadir penyuluhan dalam 12 bulan sampai akhir bulan',
  'health.comparison_month': 'Bulan',
  'health.comparison_group': 'Kelompok',
  'health.comparison_under_care': 'Dalam pelayanan',
  'health.comparison_others': 'Lainnya',
  'health.comparison_members': 'Anggota',
  'health.comparison_on_time': 'Tepat waktu',
  'health.comparison_par30': 'PAR30',
  'health.comparison_days_past_due': 'Rata-rata hari tunggakan',
  'health.comparison_whole_period': 'Seluruh periode',

  // FHIR
  'health.placeholder_fhir': 'Data belum tersedia.',
};
