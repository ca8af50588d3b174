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
  'ledger.fund_group_unknown': {
    id: 'Kelompok ini tidak ditemukan di wilayah Anda. Pilih kelompok dari daftar kelompok.',
    en: 'This group is not found in your regions. Pick a group from the groups list.',
  },
  'ledger.account_inactive': {
    id: 'Akun {account} nonaktif: tidak menerima jurnal baru. Aktifkan kembali akunnya atau pilih akun lain.',
    en: 'Account {account} is inactive: it takes no new postings. Reactivate it or choose another account.',
  },
  'ledger.account_parent_unknown': { id: 'Akun induk {code} tidak ada.', en: 'There is no group account {code}.' },
  'ledger.account_parent_not_group': {
    id: 'Akun {code} bukan akun induk: akun baru hanya ditambahkan di bawah akun induk (kelompok).',
    en: 'Account {code} is not a group account: new accounts go under a group account.',
  },
  'ledger.account_parent_inactive': {
    id: 'Akun induk {parent} nonaktif; aktifkan dulu akun induknya.',
    en: 'The group account {parent} is inactive; reactivate it first.',
  },
  'ledger.account_code_not_under_parent': {
    id: 'Kode akun harus kode induk {parent} ditambah satu segmen angka, mis. {parent}.01.',
    en: 'The code must be the group’s code {parent} plus one numeric segment, e.g. {parent}.01.',
  },
  'ledger.account_code_taken': { id: 'Kode akun {code} sudah dipakai.', en: 'Account code {code} is already used.' },
  'ledger.account_code_ambiguous': {
    id: 'Kode {code} bernomor sama dengan akun {existing}; pakai kode lain, mis. {suggested}.',
    en: 'Code {code} has the same number as account {existing}; use another code, e.g. {suggested}.',
  },
  'ledger.account_update_empty': {
    id: 'Tidak ada yang diubah: isi nama atau status aktif.',
    en: 'Nothing to change: give a name or the active status.',
  },
  'ledger.account_used_by_system': {
    id: 'Akun {account} dipakai sistem (kas, pembiayaan, simpanan, iuran, modal dana) dan tidak dapat dinonaktifkan.',
    en: 'Account {account} is used by the system (cash, financing, savings, contributions, fund capital) and cannot be deactivated.',
  },
  'ledger.account_has_balance': {
    id: 'Akun {account} masih bersaldo (kantor {offices}); pindahkan saldonya dengan jurnal dulu, lalu nonaktifkan.',
    en: 'Account {account} still has a balance (office {offices}); move it with a journal entry first, then deactivate.',
  },
  'ledger.account_has_active_children': {
    id: 'Akun induk {account} masih memiliki akun aktif ({children}); nonaktifkan akun-akun itu dulu.',
    en: 'Group account {account} still has active accounts ({children}); deactivate them first.',
  },
  'financing.maker_checker': {
    id: 'Pengaju tidak boleh menyetujui pengajuannya sendiri; minta pengguna lain untuk memutuskan.',
    en: 'The maker cannot approve their own application; ask another user to decide.',
  },
  'financing.fund_insufficient': {
    id: 'Kas dana tidak cukup: tersedia {available:rupiah}, dibutuhkan {needed:rupiah}. Pengajuan tetap di antrean.',
    en: 'The fund lacks cash: {available:rupiah} available, {needed:rupiah} needed. The application stays in the queue.',
  },
  'financing.wrong_status': {
    id: 'Status pembiayaan {status}; tindakan ini perlu status {expected}.',
    en: 'The financing is {status}; this needs {expected}.',
  },
  'financing.overpayment': {
    id: 'Jumlah melebihi sisa kewajiban ({owed:rupiah}). Masukkan paling banyak sisa kewajiban.',
    en: 'The amount exceeds what is owed ({owed:rupiah}). Enter at most what is owed.',
  },
  'financing.person_unknown': { id: 'Anggota ini tidak ada di wilayah Anda.', en: 'This member is not in your regions.' },
  'financing.person_deceased': { id: 'Anggota ini tercatat meninggal.', en: 'This member is recorded as deceased.' },
  'financing.business_not_members': {
    id: 'Usaha ini tidak terdaftar atas keluarga anggota (atau sudah tidak aktif). Pilih usaha dari data keluarganya.',
    en: "This business is not registered to the member's family (or is no longer active). Choose one from the family's record.",
  },
  'financing.group_not_members': {
    id: 'Keluarga anggota ini bukan anggota aktif kelompok tersebut. Pilih kelompoknya sendiri atau kosongkan.',
    en: "This member's family is not an active member of that group. Choose their own group or leave it empty.",
  },
  'financing.product_unknown': { id: 'Produk {code} tidak dikenal atau tidak aktif.', en: 'Product {code} is unknown or inactive.' },
  'financing.product_code_taken': { id: 'Kode produk {code} sudah dipakai.', en: 'Product code {code} is already used.' },
  'financing.amount_outside_product': {
    id: 'Plafon produk ini {min:rupiah} sampai {max:rupiah}.',
    en: 'This product lends {min:rupiah} to {max:rupiah}.',
  },
  'financing.reschedule_too_long': {
    id: 'Penjadwalan ulang paling banyak {max} angsuran, jangka terpanjang produk ini.',
    en: 'A reschedule runs at most {max} instalments, the longest term of this product.',
  },
  'financing.term_outside_product': {
    id: 'Jangka produk ini {min} sampai {max} angsuran.',
    en: 'This product runs {min} to {max} instalments.',
  },
  'financing.capital_share_required': {
    id: 'Musyarakah: isi porsi modal LKM (%).',
    en: 'Musyarakah: enter the LKM’s capital share (%).',
  },
  'financing.max_below_min': { id: 'Batas atas harus ≥ batas bawah.', en: 'The maximum must be ≥ the minimum.' },
  'financing.nisbah_for_sharing_only': {
    id: 'Nisbah hanya untuk mudharabah dan musyarakah, dan wajib untuk keduanya.',
    en: 'A nisbah applies to mudharabah and musyarakah only, and is required for them.',
  },
  'financing.no_interest_in_sharia': {
    id: 'Produk syariah ini tidak memakai bunga; kosongkan ratePercent.',
    en: 'This sharia product takes no interest; leave ratePercent empty.',
  },
  'financing.reason_required': { id: 'Tuliskan alasan penolakan.', en: 'Write the reason for rejecting.' },
  'financing.disbursed_before_application': {
    id: 'Tanggal pencairan sebelum tanggal pengajuan.',
    en: 'Disbursement date before the application date.',
  },
  'financing.paid_before_disbursement': { id: 'Tanggal bayar sebelum tanggal pencairan.', en: 'Payment date before disbursement.' },
  'cash_drawer.already_open': {
    id: 'Anda masih punya laci kas yang terbuka (tanggal {date}). Tutup laci itu dulu sebelum membuka yang baru.',
    en: 'You still have a cash drawer open (dated {date}). Close it before opening a new one.',
  },
  'cash_drawer.closed': {
    id: 'Laci kas ini sudah ditutup (tanggal {date}); tidak dapat menerima transaksi lagi.',
    en: 'This cash drawer is closed (dated {date}); it takes no more transactions.',
  },
  'cash_drawer.not_holder': {
    id: 'Hanya pemegang laci kas ini yang dapat mencatat transaksinya.',
    en: 'Only the holder of this cash drawer can record its transactions.',
  },
  'cash_drawer.office_required': {
    id: 'Pilih kantor untuk laci kas ini (Anda terdaftar di beberapa kantor).',
    en: 'Choose the office of this cash drawer (you work at several offices).',
  },
  'cash_drawer.not_open': {
    id: 'Kantor {office} memakai laci kas: buka laci kas Anda dulu di halaman Kas teller, lalu catat pembayaran tunai ini.',
    en: 'Office {office} uses cash drawers: open your drawer on the Cash drawer page first, then record this cash payment.',
  },
  'cash_drawer.date_in_future': { id: 'Tanggal {date} belum tiba.', en: 'The date {date} has not come yet.' },
  'financing.percent_above_100': { id: 'Paling tinggi 100%.', en: 'At most 100%.' },
  'cash_drawer.amount_positive': { id: 'Jumlah harus lebih dari nol.', en: 'The amount must be above zero.' },
  'cash_drawer.insufficient_cash': {
    id: 'Kas di laci hanya {available}; tidak cukup untuk membayar {amount}.',
    en: 'The drawer holds only {available}; not enough to pay {amount}.',
  },
  'cash_drawer.account_not_allowed': {
    id: 'Akun {code} tidak dipakai di laci kas: angsuran dan simpanan anggota dicatat melalui transaksinya sendiri.',
    en: 'Account {code} is not used at the drawer: members’ repayments and savings are recorded through their own operations.',
  },
  'financing.not_profit_sharing': {
    id: 'Hasil usaha hanya dilaporkan untuk pembiayaan mudharabah atau musyarakah.',
    en: 'Business results are reported for mudharabah or musyarakah financing only.',
  },
  'financing.no_such_instalment': { id: 'Angsuran ke-{n} tidak ada.', en: 'There is no instalment {n}.' },
  'financing.result_already_reported': {
    id: 'Hasil usaha periode angsuran ke-{n} sudah dilaporkan.',
    en: 'The business result for instalment {n} has already been reported.',
  },
  'ledger.reversal_before_entry': {
    id: 'Tanggal pembalikan tidak boleh sebelum tanggal jurnal yang dibalik ({date}).',
    en: 'A reversal cannot be dated before the entry it reverses ({date}).',
  },
  'close_day.date_in_future': {
    id: 'Hari {date} belum tiba: tutup hari hanya untuk hari ini atau yang sudah lewat.',
    en: 'The day {date} has not come yet: only today or a past day can be closed.',
  },
  'close_day.before_last_closed': {
    id: 'Hari {lastClosed} sudah ditutup; hari sebelumnya ({date}) tidak dapat ditutup lagi.',
    en: 'The day {lastClosed} has been closed; the earlier day {date} cannot be closed any more.',
  },
  'close_day.before_quality_rule': {
    id: 'Hari {date} tidak dapat ditutup: aturan kolektibilitas {rule} baru berlaku sejak {validFrom}.',
    en: 'The day {date} cannot be closed: the {rule} quality rule is in force only from {validFrom}.',
  },
  'close_day.date_invalid': { id: 'Tanggal tutup hari tidak sah (YYYY-MM-DD).', en: 'Invalid close-of-day date (YYYY-MM-DD).' },
  'close_day.none_yet': { id: 'Belum ada hari yang ditutup.', en: 'No business day has been closed yet.' },
  'financing.nothing_to_reschedule': { id: 'Tidak ada pokok tersisa untuk dijadwal ulang.', en: 'No principal left to reschedule.' },
  'contributions.family_unknown': { id: 'Keluarga ini tidak ada di wilayah Anda.', en: 'This family is not in your regions.' },
  'contributions.not_your_family': {
    id: 'Keluarga ini tidak didampingi kader ini; tugaskan dulu keluarganya ke kader.',
    en: 'This family is not assigned to this cadre; assign it first.',
  },
  'contributions.cadre_not_active': {
    id: 'Kader berstatus {status}; tidak boleh menerima iuran.',
    en: 'The cadre is {status} and may not collect.',
  },
  'contributions.paid_through_unknown': {
    id: 'Bulan terakhir lunas keluarga ini belum dicatat; catat dulu (mis. dari aplikasi BPJS).',
    en: 'The month this family is paid through is not recorded yet; record it first.',
  },
  'contributions.no_paying_members': {
    id: 'Keluarga ini tidak punya peserta PBPU (mandiri) yang membayar iuran.',
    en: 'This family has no PBPU (self-paying) participants.',
  },
  'contributions.amount_wrong': {
    id: 'Iuran {months} bulan mulai {first} adalah {expected}; periksa jumlah yang diterima.',
    en: 'Contributions for {months} months from {first} are {expected}; check the amount received.',
  },
  'contributions.deposit_exceeds_cash': {
    id: 'Setoran melebihi uang iuran yang dipegang kader ({held}).',
    en: 'The deposit exceeds the contributions the cadre holds ({held}).',
  },
  'contributions.visit_in_future': { id: 'Tanggal kunjungan belum terjadi.', en: 'The visit date is in the future.' },
  'idempotency.key_reused': {
    id: 'Idempotency-Key ini sudah dipakai untuk permintaan lain. Gunakan kunci baru untuk transaksi baru.',
    en: 'This Idempotency-Key was used for a different request. Use a new key for a new transaction.',
  },
  'idempotency.key_required': {
    id: 'Header Idempotency-Key wajib untuk transaksi uang (mis. UUID baru per transaksi).',
    en: 'The Idempotency-Key header is required for money transactions (e.g. a new UUID per transaction).',
  },
  'idempotency.key_invalid': {
    id: 'Header Idempotency-Key paling banyak 200 karakter, tanpa spasi.',
    en: 'The Idempotency-Key header is at most 200 characters, without spaces.',
  },
  'savings.amount_invalid': { id: 'Jumlah harus rupiah bulat lebih dari nol.', en: 'The amount must be whole rupiah above zero.' },
  'savings.account_exists': {
    id: 'Anggota ini sudah punya rekening simpanan jenis ini yang masih aktif ({number}).',
    en: 'This member already has an open savings account of this kind ({number}).',
  },
  'savings.person_deceased': {
    id: 'Warga ini tercatat meninggal; rekening simpanan tidak dapat dibuka.',
    en: 'This person is recorded as deceased; no savings account can be opened.',
  },
  'savings.account_closed': { id: 'Rekening simpanan ini sudah ditutup.', en: 'This savings account is closed.' },
  'savings.pokok_already_paid': {
    id: 'Simpanan pokok sudah dibayar; simpanan pokok dibayar sekali saat masuk anggota.',
    en: 'Simpanan pokok is already paid; it is paid once, on joining.',
  },
  'savings.pokok_amount': { id: 'Simpanan pokok sebesar {amount}.', en: 'Simpanan pokok is {amount}.' },
  'savings.wajib_amount': {
    id: 'Simpanan wajib dibayar per periode: kelipatan {amount}.',
    en: 'Simpanan wajib is paid per period: a multiple of {amount}.',
  },
  'savings.not_withdrawable': {
    id: 'Simpanan pokok dan wajib tidak dapat ditarik selama masih anggota; dikembalikan saat keluar anggota.',
    en: 'Simpanan pokok and wajib cannot be withdrawn while a member; they are paid back on leaving.',
  },
  'savings.insufficient_balance': {
    id: 'Saldo tidak cukup: saldo {balance}.',
    en: 'Insufficient balance: the balance is {balance}.',
  },
  'savings.already_reversed': { id: 'Transaksi ini sudah dikoreksi.', en: 'This movement has already been reversed.' },
  'savings.reversal_of_reversal': {
    id: 'Transaksi koreksi tidak dapat dikoreksi lagi; catat transaksi baru.',
    en: 'A reversal cannot be reversed; record a new movement.',
  },
  'savings.not_a_member': {
    id: 'Warga ini tidak punya rekening simpanan aktif.',
    en: 'This person has no open savings account.',
  },
};
