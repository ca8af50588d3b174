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
  'usep.period_reversed': 'Akhir periode lebih awal dari awal periode.',
  'usep.report_frozen': 'Laporan sudah diajukan ({{status}}) dan tidak dapat diubah; perubahan dibuat sebagai versi baru.',
  'usep.report_wrong_status': 'Laporan berstatus {{status}}; langkah ini tidak dapat dilakukan sekarang.',
  'usep.report_wrong_signer': 'Langkah ini harus ditandatangani pengguna dengan peran dan wilayah yang tepat.',
  'usep.return_needs_note': 'Tuliskan catatan perbaikan saat mengembalikan laporan.',
  'usep.report_not_returned': 'Hanya laporan yang dikembalikan yang dapat diperbaiki sebagai versi baru (status sekarang {{status}}).',
};
