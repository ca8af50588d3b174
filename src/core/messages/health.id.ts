/** Error texts of the health programme (id). Each capability keeps its own block. */
export const healthId = {
  // profile and IKS
  'health.pregnant_male': 'Laki-laki tidak dapat dicatat hamil atau punya haid terakhir.',
  'health.lmp_in_future': 'Hari pertama haid terakhir {{date}} belum tiba.',
  'health.lmp_too_old': 'Haid terakhir {{date}} lebih dari 44 minggu lalu: kehamilan tidak mungkin selama itu.',
  'health.date_in_future': 'Tanggal {{date}} belum tiba.',
  'health.edd_before_lmp': 'Taksiran persalinan {{date}} harus sesudah haid terakhir.',
  'health.edd_without_pregnancy': 'Taksiran persalinan hanya untuk yang sedang hamil.',
  'health.pregnancies_too_few': 'Sedang hamil: jumlah kehamilan paling sedikit 1.',
  'health.kb_method_sex': 'Metode KB ini tidak sesuai dengan jenis kelamin (vasektomi untuk pria, tubektomi untuk wanita).',
  'health.condition_repeated': 'Satu penyakit hanya dicatat sekali.',
  'health.month_range': 'Bulan awal {{from}} sesudah bulan akhir {{to}}.',
  'health.month_range_too_long': 'Rentang paling panjang {{months}} bulan.',

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
  'health.screening_women_only': 'Skrining IVA dan pap smear hanya untuk perempuan.',
  'health.screening_positive_needs_action': 'Hasil positif perlu tindakan: krioterapi, termoablasi, rujukan, atau ulang.',
  'health.screening_suspected_needs_referral': 'Curiga kanker harus dirujuk.',
  'health.screening_negative_no_action': 'Hasil negatif tidak memerlukan tindakan.',
  'health.screening_inadequate_repeat': 'Sampel tidak memadai: ulangi pemeriksaan atau tanpa tindakan.',
  'health.screening_no_rule': 'Belum ada aturan jadwal skrining ulang untuk hasil ini pada tanggal tersebut.',
  'health.screening_needs_office': 'Akun Anda tidak terhubung ke kantor yang melayani desa ini.',
  'health.session_person_unknown': 'Orang ini tidak ditemukan.',
  'health.session_group_unknown': 'Kelompok ini tidak ditemukan.',
  'health.session_changed': 'Sesi dengan ID ini sudah ada dengan data berbeda (topik, tanggal, tempat, desa, atau kelompok).',
  'health.session_topic_note_required': 'Tuliskan topik penyuluhan lainnya.',

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

  // FHIR: no texts of its own (an unknown or out-of-scope person answers common.not_found)
};
