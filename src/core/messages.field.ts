import type { Locale } from './locale.ts';

/** Texts of the offline field app's refusals, shown on the worker's phone beside the operation. */
export const FIELD_MESSAGES: Record<string, Record<Locale, string>> = {
  'field.financing_unknown': {
    id: 'Pembiayaan ini tidak ditemukan atau di luar wilayah Anda. Unduh data lagi, lalu periksa anggotanya.',
    en: 'This financing was not found or is outside your regions. Download the data again and check the member.',
  },
  'field.group_unknown': {
    id: 'Kelompok ini tidak ditemukan atau di luar wilayah Anda.',
    en: 'This group was not found or is outside your regions.',
  },
  'field.kind_unknown': {
    id: 'Jenis catatan "{kind}" belum dikenal server. Perbarui aplikasi.',
    en: 'The server does not know records of kind "{kind}" yet. Update the app.',
  },
  'field.operation_invalid': {
    id: 'Data catatan tidak lengkap atau salah: {fields}.',
    en: 'The record is incomplete or wrong: {fields}.',
  },
};
