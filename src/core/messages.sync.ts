import type { Locale } from './locale.ts';

/**
 * Texts of the offline field app's rejected ops, shown on the worker's phone beside the
 * operation, and of the JKN-KIS calculators the cadres use (merged into MESSAGES like the rest).
 */
export const SYNC_MESSAGES: Record<string, Record<Locale, string>> = {
  'jkn.admitted_before_reactivation': {
    id: 'Tanggal masuk rawat inap sebelum tanggal kartu aktif kembali; periksa kedua tanggal.',
    en: 'The admission date is before the card was reactivated; check both dates.',
  },
  'sync.financing_unknown': {
    id: 'Pembiayaan ini tidak ditemukan atau di luar wilayah Anda. Unduh data lagi, lalu periksa anggotanya.',
    en: 'This financing was not found or is outside your regions. Download the data again and check the member.',
  },
  'sync.group_unknown': {
    id: 'Kelompok ini tidak ditemukan atau di luar wilayah Anda.',
    en: 'This group was not found or is outside your regions.',
  },
  'sync.family_unknown': {
    id: 'Keluarga ini tidak ditemukan atau bukan dampingan Anda. Unduh data lagi.',
    en: 'This family was not found or is not in your care. Download the data again.',
  },
  'sync.type_unknown': {
    id: 'Jenis catatan "{type}" belum dikenal server. Perbarui aplikasi.',
    en: 'The server does not know records of type "{type}" yet. Update the app.',
  },
  'sync.payload_invalid': {
    id: 'Data catatan tidak lengkap atau salah: {fields}.',
    en: 'The record is incomplete or wrong: {fields}.',
  },
};
