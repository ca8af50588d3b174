/** Texts of USEP KM (seed 002), id: the chain stimulus, the group report and its chain, businesses and coaching. */
export const usepId = {
  'usep.amount_positive': 'Jumlah harus lebih dari nol rupiah.',
  'usep.not_a_stimulus_fund': 'Dana {{code}} tidak dikenal atau bukan dana stimulan.',
  'usep.group_unknown': 'Kelompok tidak dikenal.',
  'usep.group_fund_missing': 'Kelompok ini belum punya dana bergulir kelompok; buat dulu dananya (jenis dana bergulir kelompok).',
  'usep.fund_offices_differ': 'Dana bergulir {{fund}} tercatat di kantor lain dari dana stimulan.',
  'usep.stimulus_insufficient': 'Kas dana stimulan tidak cukup: tersedia {{available, rupiah}}, dibutuhkan {{needed, rupiah}}.',
  'usep.meeting_not_of_group': 'Musyawarah itu bukan musyawarah kelompok ini.',
  'usep.before_musyawarah': 'Tanggal pengajuan tidak boleh sebelum musyawarah ({{heldOn}}).',
  'usep.recipient_twice': 'Anggota ini sudah disebut dalam keputusan yang sama.',
  'usep.pot_exceeded':
    'Tidak dapat menggulirkan lebih dari isi kas kelompok: tersedia {{available, rupiah}}, diputuskan {{requested, rupiah}}.',
};
