/** Error texts of the health programme (id). Each capability keeps its own block. */
export const healthId = {
  // profile and IKS
  'health.placeholder_profile': 'Profil kesehatan belum tersedia.',

  // encounters, referrals, illness
  'health.vital_out_of_range': 'Di luar rentang yang dapat diukur: {{min}}–{{max}} {{unit}}.',
  'health.vital_decimals': 'Paling banyak {{decimals}} angka di belakang koma ({{unit}}).',
  'health.diastolic_not_below_systolic': 'Tekanan diastolik harus lebih rendah dari sistolik ({{systolic}} {{unit}}).',
  'health.unknown_icd10': 'Kode ICD-10 {{icd10}} tidak ada dalam daftar.',
  'health.duplicate_diagnosis': 'Diagnosis {{icd10}} tercatat dua kali.',
  'health.date_before_birth': 'Tanggal ini sebelum tanggal lahir ({{birthDate}}).',
  'health.date_after_death': 'Tanggal ini setelah tanggal meninggal ({{diedOn}}).',
  'health.encounter_by_worker': 'Kunjungan dicatat oleh tenaga kesehatan yang masuk dengan akunnya sendiri.',
  'health.outcome_before_referral': 'Hasil rujukan tidak bisa sebelum tanggal rujukan ({{referredOn}}).',
  'health.to_before_from': 'Tanggal selesai tidak boleh sebelum tanggal mulai ({{fromOn}}).',
  'health.days_unable_too_many': 'Paling banyak {{days}} hari dalam rentang tanggal ini.',
  'health.illness_overlaps': 'Sudah ada masa sakit yang beririsan: sejak {{fromOn}} sampai {{toOn}}.',
  'health.illness_overlaps_open': 'Sudah ada masa sakit yang belum selesai sejak {{fromOn}}.',

  // screening and counselling sessions
  'health.placeholder_screening': 'Skrining belum tersedia.',

  // finance link
  'health.placeholder_finance': 'Data belum tersedia.',

  // FHIR
  'health.placeholder_fhir': 'Data belum tersedia.',
};
