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

  // FHIR
  'health.placeholder_fhir': 'Data belum tersedia.',
};
