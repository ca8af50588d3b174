/** Error texts of the health programme (id). Each capability keeps its own block. */
export const healthId = {
  // profile and IKS
  'health.placeholder_profile': 'Profil kesehatan belum tersedia.',

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
  'health.placeholder_finance': 'Data belum tersedia.',

  // FHIR
  'health.placeholder_fhir': 'Data belum tersedia.',
};
