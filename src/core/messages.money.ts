import type { Locale } from './locale.ts';

/** Texts of the ledger, funds, financing and savings codes. */
export const MONEY_MESSAGES: Record<string, Record<Locale, string>> = {
  'ledger.entry_invalid': {
    id: 'Jurnal tidak dapat dibukukan: debit dan kredit harus seimbang, setiap baris satu sisi.',
    en: 'The journal entry cannot be posted: debits must equal credits, each line on one side.',
  },
  'ledger.unbalanced': { id: 'Debit {debit} tidak sama dengan kredit {credit}.', en: 'Debit {debit} does not equal credit {credit}.' },
  'ledger.too_few_lines': { id: 'Jurnal perlu paling sedikit dua baris.', en: 'A journal entry needs at least two lines.' },
  'ledger.line_amount_invalid': {
    id: 'Baris {line}: isi debit atau kredit (salah satu), lebih dari nol.',
    en: 'Line {line}: fill in debit or credit (one of them), above zero.',
  },
  'ledger.account_not_postable': {
    id: 'Akun {code} tidak ada atau akun induk (tidak bisa dibukukan langsung).',
    en: 'Account {code} does not exist or is a header account (takes no postings).',
  },
  'ledger.unknown_fund': { id: 'Dana {code} tidak dikenal.', en: 'Unknown fund {code}.' },
  'ledger.period_reversed': { id: 'Tanggal akhir harus sesudah tanggal awal.', en: 'The end date must be after the start date.' },
  'ledger.already_reversed': { id: 'Jurnal ini sudah dibalik.', en: 'This entry has already been reversed.' },
  'ledger.reversal_of_reversal': {
    id: 'Jurnal pembalik tidak dapat dibalik lagi; buat jurnal baru.',
    en: 'A reversing entry cannot be reversed; post a new entry.',
  },
  'ledger.reverse_through_source': {
    id: 'Jurnal dari {source} dibalik melalui transaksinya sendiri (mis. koreksi angsuran).',
    en: 'Entries from {source} are reversed through their own operation (e.g. a repayment reversal).',
  },
  'ledger.fund_code_taken': { id: 'Kode dana {code} sudah dipakai.', en: 'Fund code {code} is already used.' },
  'ledger.fund_group_required': {
    id: 'Dana bergulir kelompok harus menyebut kelompoknya (dan hanya jenis itu).',
    en: 'A group revolving fund must name its group (and only that kind may).',
  },
  'idempotency.key_reused': {
    id: 'Idempotency-Key ini sudah dipakai untuk permintaan lain. Gunakan kunci baru untuk transaksi baru.',
    en: 'This Idempotency-Key was used for a different request. Use a new key for a new transaction.',
  },
  'idempotency.key_required': {
    id: 'Header Idempotency-Key wajib untuk transaksi uang (mis. UUID baru per transaksi).',
    en: 'The Idempotency-Key header is required for money transactions (e.g. a new UUID per transaction).',
  },
};
