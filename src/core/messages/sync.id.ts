/** Texts of the offline field app’s rejected ops and of the JKN-KIS calculators the cadres use: Bahasa Indonesia. i18next resources (`{{name}}`, `{{amount, rupiah}}`). */
export const syncId = {
  'jkn.admitted_before_reactivation': 'Tanggal masuk rawat inap sebelum tanggal kartu aktif kembali; periksa kedua tanggal.',
  'sync.financing_unknown': 'Pembiayaan ini tidak ditemukan atau di luar wilayah Anda. Unduh data lagi, lalu periksa anggotanya.',
  'sync.group_unknown': 'Kelompok ini tidak ditemukan atau di luar wilayah Anda.',
  'sync.family_unknown': 'Keluarga ini tidak ditemukan atau bukan dampingan Anda. Unduh data lagi.',
  'sync.type_unknown': 'Jenis catatan "{{type}}" belum dikenal server. Perbarui aplikasi.',
  'sync.payload_invalid': 'Data catatan tidak lengkap atau salah: {{fields}}.',
  'sync.person_unknown': 'Orang ini tidak ditemukan atau di luar wilayah Anda. Unduh data lagi dan periksa keluarganya.',
  'sync.session_unknown': 'Penyuluhan ini tidak ditemukan atau di luar wilayah Anda.',
  'sync.receipt_number_foreign':
    'Nomor kuitansi {{number}} bukan milik HP ini atau akun Anda. Jangan ubah nomor kuitansi; catat ulang pembayarannya di HP Anda.',
  'sync.receipt_number_taken':
    'Nomor kuitansi {{number}} sudah dipakai untuk pembayaran lain. Pembayaran ini tidak dicatat; periksa kuitansinya.',
};
