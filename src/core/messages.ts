import { formatRupiah } from './format.ts';
import type { Locale } from './locale.ts';
import { MONEY_MESSAGES } from './messages.money.ts';
import { SYNC_MESSAGES } from './messages.sync.ts';

type Text = Record<Locale, string>;

/**
 * Human texts of error codes, keyed by the stable code. `{name}` is replaced by params;
 * `{name:rupiah}` shows an amount param (rupiah as a decimal string) as Rp1.650.000, while the
 * params themselves stay plain numbers for programs.
 */
export const MESSAGES: Record<string, Text> = {
  'common.date_in_future': { id: 'Tanggal {date} belum tiba.', en: 'The date {date} has not come yet.' },
  'common.validation_failed': {
    id: 'Data yang dikirim belum benar. Periksa kolom yang ditandai.',
    en: 'The data sent is not valid. Check the fields marked.',
  },
  'common.not_found': { id: 'Data tidak ditemukan.', en: 'Not found.' },
  'common.route_not_found': { id: 'Alamat API ini tidak ada.', en: 'This API address does not exist.' },
  'common.malformed_json': {
    id: 'Isi permintaan bukan JSON yang sah. Periksa tanda kutip dan koma.',
    en: 'The request body is not valid JSON. Check quotes and commas.',
  },
  'common.body_too_large': {
    id: 'Isi permintaan terlalu besar (batas {limit} bita).',
    en: 'The request body is too large (limit {limit} bytes).',
  },
  'common.unsupported_media_type': {
    id: 'Jenis isi permintaan tidak didukung; kirim application/json.',
    en: 'Unsupported content type; send application/json.',
  },
  'common.bad_request': { id: 'Permintaan tidak dapat diproses.', en: 'The request cannot be processed.' },
  'common.internal': {
    id: 'Terjadi kesalahan di server. Coba lagi; bila berulang, hubungi admin dengan kode {requestId}.',
    en: 'Something went wrong on the server. Try again; if it repeats, tell your admin code {requestId}.',
  },
  'common.database_busy': {
    id: 'Basis data sedang dipakai proses lain: {detail}',
    en: 'The database is in use by another process: {detail}',
  },
  'auth.invalid_credentials': { id: 'Nama pengguna atau kata sandi salah.', en: 'Wrong username or password.' },
  'auth.too_many_attempts': {
    id: 'Terlalu banyak percobaan masuk yang gagal. Coba lagi setelah {retryAfterMinutes} menit.',
    en: 'Too many failed sign-in attempts. Try again in {retryAfterMinutes} minutes.',
  },
  'auth.unauthenticated': { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  'auth.forbidden': { id: 'Peran Anda tidak diizinkan melakukan ini.', en: 'Your role is not allowed to do this.' },
  'auth.out_of_scope': {
    id: 'Data ini berada di luar wilayah kantor Anda.',
    en: 'This record is outside your offices’ regions.',
  },
  'auth.csrf_missing': {
    id: 'Token CSRF tidak ada atau salah. Muat ulang halaman lalu coba lagi.',
    en: 'Missing or wrong CSRF token. Reload the page and try again.',
  },
  'auth.user_inactive': { id: 'Akun ini dinonaktifkan.', en: 'This account is deactivated.' },
  'auth.cannot_deactivate_self': {
    id: 'Anda tidak dapat menonaktifkan akun Anda sendiri.',
    en: 'You cannot deactivate your own account.',
  },
  'setup.already_done': {
    id: 'Organisasi sudah dibuat. Masuk dengan akun admin.',
    en: 'The organisation has already been set up. Sign in as an admin.',
  },
  'setup.not_done': {
    id: 'Organisasi belum dibuat. Buka aplikasi web untuk penyiapan awal.',
    en: 'The organisation is not set up yet. Open the web app for first-run setup.',
  },
  'demo.not_empty': {
    id: 'Basis data tidak kosong; data demo hanya dapat diisi ke basis data kosong.',
    en: 'The database is not empty; demo data can only fill an empty database.',
  },
  'users.username_taken': { id: 'Nama pengguna "{username}" sudah dipakai.', en: 'Username "{username}" is taken.' },
  'users.office_required': {
    id: 'Peran ini perlu minimal satu kantor.',
    en: 'This role needs at least one office.',
  },
  'users.unknown_office': { id: 'Kantor {code} tidak ada.', en: 'Office {code} does not exist.' },
  'offices.code_taken': { id: 'Kode kantor "{code}" sudah dipakai.', en: 'Office code "{code}" is taken.' },
  'offices.unknown_region': { id: 'Kode wilayah {code} tidak ada.', en: 'Region code {code} does not exist.' },
  'regions.not_loaded': {
    id: 'Data wilayah belum dimuat. Jalankan "npx jaring migrate".',
    en: 'Region data is not loaded. Run "npx jaring migrate".',
  },
  'users.username_format': {
    id: 'Nama pengguna 3–40 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung.',
    en: 'Username: 3–40 characters of lower-case letters, digits, dot, underscore or hyphen.',
  },
  'users.last_admin': {
    id: 'Harus tetap ada minimal satu admin aktif.',
    en: 'At least one active admin must remain.',
  },
  'offices.code_format': {
    id: 'Kode kantor 2–20 karakter: huruf besar, angka atau tanda hubung (contoh: YK01).',
    en: 'Office code: 2–20 characters of capital letters, digits or hyphen (e.g. YK01).',
  },
  'regions.code_format': {
    id: 'Kode wilayah Kemendagri, contoh 32, 32.04, 32.04.11 atau 32.04.11.2002.',
    en: 'A Kemendagri region code, e.g. 32, 32.04, 32.04.11 or 32.04.11.2002.',
  },
  'registry.nik_invalid': { id: 'NIK tidak sah. Lihat alasannya di bawah.', en: 'The NIK is not valid. See the reasons below.' },
  'registry.nik_not_16_digits': { id: 'NIK harus 16 angka.', en: 'A NIK has exactly 16 digits.' },
  'registry.kk_not_16_digits': { id: 'Nomor KK harus 16 angka.', en: 'A KK number has exactly 16 digits.' },
  'registry.nik_day_invalid': {
    id: 'Tanggal lahir di NIK ({day}) tidak mungkin: 01–31 untuk laki-laki, 41–71 untuk perempuan.',
    en: 'The birth day in the NIK ({day}) is impossible: 01–31 for men, 41–71 for women.',
  },
  'registry.nik_month_invalid': {
    id: 'Bulan lahir di NIK ({month}) harus 01–12.',
    en: 'The birth month in the NIK ({month}) must be 01–12.',
  },
  'registry.nik_serial_zero': { id: 'Nomor urut NIK tidak boleh 0000.', en: 'The NIK serial cannot be 0000.' },
  'registry.nik_date_not_real': {
    id: 'Tanggal lahir di NIK ({date}) tidak ada di kalender.',
    en: 'The birth date in the NIK ({date}) is not a real date.',
  },
  'registry.nik_birth_in_future': { id: 'Tanggal lahir di NIK ada di masa depan.', en: 'The birth date in the NIK lies in the future.' },
  'registry.nik_birth_date_mismatch': {
    id: 'Tanggal lahir {birthDate} tidak sesuai dengan NIK.',
    en: 'Birth date {birthDate} does not match the NIK.',
  },
  'registry.nik_province_unknown': { id: 'Kode provinsi {code} di NIK tidak ada.', en: 'Province code {code} in the NIK does not exist.' },
  'registry.nik_regency_unknown': {
    id: 'Kode kabupaten/kota {code} di NIK sudah tidak ada (mungkin wilayah lama yang dimekarkan).',
    en: 'Regency code {code} in the NIK no longer exists (perhaps an old region since split).',
  },
  'registry.nik_district_unknown': {
    id: 'Kode kecamatan di NIK sudah tidak ada (mungkin wilayah lama).',
    en: 'The district code in the NIK no longer exists (perhaps an old region).',
  },
  'registry.nik_taken': { id: 'NIK ini sudah terdaftar.', en: 'This NIK is already registered.' },
  'registry.kk_taken': { id: 'Nomor KK ini sudah terdaftar.', en: 'This KK number is already registered.' },
  'registry.nik_repeated': {
    id: 'NIK ini sudah dipakai anggota ke-{row} di KK ini.',
    en: 'This NIK is already used by member {row} of this KK.',
  },
  'registry.one_head_required': {
    id: 'Satu KK harus punya tepat satu kepala keluarga (sekarang {count}).',
    en: 'A household needs exactly one head (now {count}).',
  },
  'registry.sex_contradicts_nik': { id: 'Jenis kelamin tidak sesuai dengan NIK.', en: 'Sex does not match the NIK.' },
  'registry.birth_date_contradicts_nik': { id: 'Tanggal lahir tidak sesuai dengan NIK.', en: 'Birth date does not match the NIK.' },
  'registry.village_unknown': { id: 'Kode desa/kelurahan {code} tidak ada.', en: 'Village code {code} does not exist.' },
  'registry.village_code_format': {
    id: 'Kode desa/kelurahan 10 angka, contoh 32.04.11.2002.',
    en: 'A village code has 10 digits, e.g. 32.04.11.2002.',
  },
  'registry.head_exists': {
    id: 'KK ini sudah punya kepala keluarga; ganti kepala keluarga lebih dulu.',
    en: 'This household already has a head; change the head first.',
  },
  'registry.already_deceased': { id: 'Kematian orang ini sudah dicatat.', en: 'This person’s death is already recorded.' },
  'registry.death_date_impossible': {
    id: 'Tanggal meninggal harus antara tanggal lahir dan hari ini.',
    en: 'The date of death must lie between the birth date and today.',
  },
  'registry.person_deceased': { id: 'Orang ini sudah meninggal.', en: 'This person is deceased.' },
  'registry.same_household': { id: 'Orang ini sudah di KK tersebut.', en: 'This person is already on that KK.' },
  'registry.new_household_needs_head': {
    id: 'KK baru: orang yang pindah menjadi kepala keluarga (hubungan "head").',
    en: 'A new KK: the person moving becomes its head (relation "head").',
  },
  'registry.not_a_member': { id: 'Orang ini bukan anggota KK ini.', en: 'This person is not a member of this household.' },
  // A file that cannot be read as a table at all (CSV or Excel), named on the body or file.
  'csv.nul_byte': {
    id: 'Baris {line} berisi bita NUL: ini bukan berkas CSV teks. Simpan ulang sebagai CSV UTF-8.',
    en: 'Line {line} holds a NUL byte: this is not a text CSV file. Save it again as CSV UTF-8.',
  },
  'csv.quote_not_closed': {
    id: 'Tanda kutip yang dibuka di baris {line} tidak pernah ditutup.',
    en: 'The quote opened on line {line} is never closed.',
  },
  'csv.malformed': {
    id: 'Baris {line} bukan CSV yang sah. Simpan ulang sebagai CSV UTF-8.',
    en: 'Line {line} is not valid CSV. Save it again as CSV UTF-8.',
  },
  'xlsx.unreadable': {
    id: 'Isinya bukan berkas Excel (.xlsx) yang dapat dibaca. Simpan ulang sebagai Excel Workbook atau CSV UTF-8.',
    en: 'This is not a readable Excel (.xlsx) file. Save it again as an Excel Workbook or as CSV UTF-8.',
  },
  // Household import problems (one per row and column); the Indonesian texts name the file's columns.
  'import.header_invalid': { id: 'header harus persis: {expected}', en: 'The header must be exactly: {expected}' },
  'import.column_count': { id: 'harus {expected} kolom, ada {found}', en: 'expected {expected} columns, found {found}' },
  'import.name_required': { id: 'nama wajib diisi', en: 'nama (name) is required' },
  'import.sex_invalid': { id: 'jenis_kelamin harus L atau P', en: 'jenis_kelamin (sex) must be L or P' },
  'import.birth_date_invalid': {
    id: 'tanggal_lahir "{value}" harus DD/MM/YYYY, DD-MM-YYYY atau YYYY-MM-DD dan tanggal yang ada',
    en: 'tanggal_lahir (birth date) "{value}" must be DD/MM/YYYY, DD-MM-YYYY or YYYY-MM-DD and a real date',
  },
  'import.relation_unknown': {
    id: 'hubungan_keluarga tidak dikenal: "{value}"',
    en: 'Unknown hubungan_keluarga (relation to the head): "{value}"',
  },
  'import.rt_invalid': { id: 'rt harus angka', en: 'rt must be a number' },
  'import.rw_invalid': { id: 'rw harus angka', en: 'rw must be a number' },
  'import.decile_invalid': { id: 'desil harus 1–10 atau kosong', en: 'desil (welfare decile) must be 1–10 or empty' },
  'import.nik_duplicate_in_file': { id: 'NIK ganda di berkas', en: 'The NIK appears more than once in the file' },
  'import.nik_registered_differently': {
    id: 'NIK sudah terdaftar dengan data atau KK berbeda',
    en: 'The NIK is already registered with other data or on another KK',
  },
  'import.one_head_required': {
    id: 'KK harus punya tepat satu KEPALA KELUARGA',
    en: 'A KK must have exactly one KEPALA KELUARGA (head of household)',
  },
  'import.kk_village_mismatch': { id: 'baris satu KK berbeda kode_desa', en: 'Rows of one KK have different kode_desa' },
  'import.kk_registered_other_village': { id: 'KK sudah terdaftar di desa lain', en: 'The KK is already registered in another village' },
  'import.household_has_invalid_row': {
    id: 'KK {kk} punya baris lain yang tidak sah',
    en: 'KK {kk} has another row that is not valid',
  },
  'import.village_out_of_scope': {
    id: 'kode_desa {code} di luar wilayah kantor Anda',
    en: 'kode_desa {code} is outside your offices’ regions',
  },
  'import.problem_at': { id: 'baris {line}, kolom {column}: {reason}', en: 'line {line}, column {column}: {reason}' },
  'groups.unknown_kind': { id: 'Jenis kelompok "{kind}" tidak dikenal.', en: 'Unknown group kind "{kind}".' },
  'groups.not_a_facilitator': { id: 'Pengguna ini bukan pendamping aktif.', en: 'This user is not an active facilitator.' },
  'groups.person_unknown': { id: 'Orang ini tidak ada di wilayah Anda.', en: 'This person is not in your regions.' },
  'groups.already_member': { id: 'Orang ini sudah anggota kelompok ini.', en: 'This person is already a member of this group.' },
  'groups.already_in_kind': {
    id: 'Orang ini sudah anggota kelompok {kind} lain; satu orang hanya boleh di satu kelompok sejenis.',
    en: 'This person is already in another {kind} group; one person may be in only one group of a kind.',
  },
  'groups.size_limit': {
    id: 'Kelompok {kind} paling banyak {max} {countsId}; kelompok ini sudah penuh.',
    en: 'A {kind} group has at most {max} {countsEn}; this group is full.',
  },
  'groups.officer_not_member': { id: 'Pengurus harus anggota aktif kelompok.', en: 'An officer must be an active member of the group.' },
  'groups.attendee_not_member': { id: 'Peserta rapat harus anggota kelompok.', en: 'A meeting attendee must be a member of the group.' },
  'registry.already_decided': { id: 'Pasangan ini sudah diputuskan.', en: 'This pair has already been decided.' },
  'registry.same_person': { id: 'Pilih dua orang yang berbeda.', en: 'Choose two different persons.' },
  'registry.keep_one_of_pair': {
    id: 'Untuk penggabungan, pilih salah satu dari pasangan sebagai data yang dipertahankan.',
    en: 'To merge, choose one of the pair as the record to keep.',
  },
  'jkn.no_rate': { id: 'Tarif iuran untuk bulan {month} belum ada di tabel.', en: 'No contribution rate for {month} in the table.' },
  'jkn.penalty.penalty_applies': {
    id: 'Rawat inap dalam 45 hari setelah kepesertaan aktif kembali: denda {penalty} untuk {months} bulan tunggakan.',
    en: 'Inpatient care within 45 days after reactivation: penalty {penalty} for {months} months in arrears.',
  },
  'jkn.penalty.capped': { id: 'Denda dibatasi paling banyak Rp30.000.000.', en: 'The penalty is capped at Rp30.000.000.' },
  'jkn.penalty.outside_45_days': {
    id: 'Tidak ada denda: pelayanan lebih dari 45 hari setelah aktif kembali.',
    en: 'No penalty: care more than 45 days after reactivation.',
  },
  'jkn.penalty.outpatient_exempt': { id: 'Tidak ada denda untuk rawat jalan.', en: 'No penalty for outpatient care.' },
  'jkn.penalty.pbi_exempt': { id: 'Peserta PBI tidak dikenai denda.', en: 'PBI participants pay no penalty.' },
  'jkn.penalty.no_arrears': { id: 'Tidak ada tunggakan, tidak ada denda.', en: 'No arrears, no penalty.' },
  'financing.too_many_decimals': { id: 'Jumlah desimal melebihi currencyDigits.', en: 'More decimals than currencyDigits allows.' },
  'financing.first_due_before_disbursement': {
    id: 'Jatuh tempo pertama harus setelah tanggal pencairan.',
    en: 'The first due date must be after disbursement.',
  },
  'financing.grace_too_long': {
    id: 'Masa tenggang harus lebih pendek dari jumlah angsuran.',
    en: 'A grace period must be shorter than the number of instalments.',
  },
  'common.rate_limited': { id: 'Terlalu banyak permintaan. Coba lagi sebentar lagi.', en: 'Too many requests. Try again shortly.' },
  'cadres.person_unknown': { id: 'Orang ini tidak ada di registri.', en: 'This person is not in the registry.' },
  'cadres.person_died': { id: 'Orang ini tercatat sudah meninggal.', en: 'This person is recorded as deceased.' },
  'cadres.person_too_young': { id: 'Kader harus berusia minimal {age} tahun.', en: 'A cadre must be at least {age} years old.' },
  'cadres.letter_date_future': {
    id: 'Tanggal surat tugas tidak boleh setelah hari ini.',
    en: 'The letter date cannot be after today.',
  },
  'cadres.already_cadre': { id: 'Orang ini sudah terdaftar sebagai kader.', en: 'This person is already a cadre.' },
  'cadres.valid_until_before_letter': {
    id: 'Masa berlaku harus setelah tanggal surat tugas.',
    en: 'The card must be valid after the letter date.',
  },
  'cadres.card_forged': {
    id: 'Kode kartu ini tidak dibuat oleh sistem kami (palsu atau rusak).',
    en: 'This card code was not made by our system (forged or damaged).',
  },
  'cadres.card_unknown': { id: 'Kartu ini tidak terdaftar.', en: 'This card is not registered.' },
  'cadres.card_replaced': {
    id: 'Kartu ini sudah diganti dengan kartu baru dan tidak berlaku lagi.',
    en: 'This card has been replaced by a new one and is no longer valid.',
  },
  'cadres.card_origin_invalid': {
    id: 'Tulis hanya awal alamat situs, misalnya https://jaring.contoh.id (http atau https, tanpa jalur, tanda tanya atau nama pengguna).',
    en: 'Give only the site origin, such as https://jaring.example.id (http or https, no path, query or user name).',
  },
  'cadres.photo_not_image': {
    id: 'Foto harus berkas JPEG atau PNG (paling besar 512 KB).',
    en: 'The photo must be a JPEG or PNG file (at most 512 KB).',
  },
  'cadres.photo_unreadable': {
    id: 'Berkas foto rusak atau tidak lengkap, tidak dapat dibaca sebagai gambar JPEG atau PNG. Simpan ulang fotonya, lalu unggah lagi.',
    en: 'The photo file is damaged or incomplete and cannot be read as a JPEG or PNG image. Save the photo again and upload it.',
  },
  'cadres.not_active': {
    id: 'Kader ini tidak aktif ({status}); aktifkan dulu.',
    en: 'This cadre is not active ({status}); reactivate them first.',
  },
  'cadres.user_not_cadre': {
    id: 'Pengguna {username} tidak ada atau bukan pengguna berperan kader.',
    en: 'User {username} does not exist or is not a cadre-role user.',
  },
  'cadres.user_has_cadre': {
    id: 'Pengguna {username} sudah terhubung ke kader lain.',
    en: 'User {username} is already linked to another cadre.',
  },
  'cadres.training_in_future': { id: 'Tanggal pelatihan belum lewat.', en: 'The training date is in the future.' },
  'cadres.family_outside_area': {
    id: 'Keluarga ini tidak tinggal di desa/kelurahan tugas kader.',
    en: 'This family does not live in one of the cadre’s villages.',
  },
  'cadres.family_has_cadre': {
    id: 'Keluarga ini sudah didampingi kader lain ({cadre}). Lepaskan dulu dari kader itu.',
    en: 'This family already has another cadre ({cadre}). Take it off that cadre first.',
  },
  'cadres.village_has_families': {
    id: 'Kader ini masih mendampingi {count} keluarga di {village}. Lepaskan atau alihkan keluarga itu dulu sebelum desa/kelurahannya dihapus dari wilayah tugas.',
    en: 'This cadre still looks after {count} families in {village}. Take them off or give them to another cadre before removing the village from the area.',
  },
  'cadre.caseload_full': {
    id: 'Kader ini sudah mendampingi {count} keluarga; batasnya {cap}.',
    en: 'This cadre already looks after {count} families; the cap is {cap}.',
  },
  'cadres.date_in_future': { id: 'Tanggal ini belum lewat.', en: 'This date is in the future.' },
  'cadres.jkn_card_taken': {
    id: 'Nomor kartu JKN-KIS ini sudah tercatat untuk orang lain.',
    en: 'This JKN-KIS card number is already recorded for someone else.',
  },
  'cadres.jkn_class_differs': {
    id: 'Satu keluarga harus satu kelas: anggota lain di kelas {class}. Pilih kelas {class}, atau pindahkan seluruh keluarga.',
    en: 'A family is in one class: other members are in class {class}. Choose class {class}, or move the whole family.',
  },
  'cadres.jkn_pbi_class': {
    id: 'Peserta PBI selalu di kelas III.',
    en: 'PBI participants are always in class III.',
  },
  'cadres.family_already_registered': {
    id: 'Keluarga ini sudah terdaftar JKN-KIS atau rekrutmennya sudah dicatat.',
    en: 'This family is already registered with JKN-KIS or its recruitment is recorded.',
  },
  // Field-level codes (zod issues and our own).
  required: { id: 'Wajib diisi.', en: 'Required.' },
  invalid_type: { id: 'Jenis data salah: harus {expected}.', en: 'Wrong type: expected {expected}.' },
  too_small: { id: 'Terlalu pendek atau kecil (minimal {minimum}).', en: 'Too short or small (minimum {minimum}).' },
  too_big: { id: 'Terlalu panjang atau besar (maksimal {maximum}).', en: 'Too long or large (maximum {maximum}).' },
  invalid_format: { id: 'Format tidak sesuai.', en: 'Wrong format.' },
  date_out_of_range: { id: 'Tanggal harus antara {from} dan {to}.', en: 'The date must be between {from} and {to}.' },
  invalid_characters: {
    id: 'Berisi karakter yang tidak dapat disimpan (karakter NUL atau teks Unicode rusak). Ketik ulang isinya.',
    en: 'Contains characters that cannot be stored (a NUL character or broken Unicode text). Type it again.',
  },
  invalid_value: { id: 'Nilai tidak diizinkan; pilih salah satu: {values}.', en: 'Value not allowed; choose one of: {values}.' },
  unrecognized_keys: { id: 'Kolom tidak dikenal.', en: 'Unknown field.' },
  invalid_union: { id: 'Nilai tidak sesuai.', en: 'Invalid value.' },
  custom: { id: 'Nilai tidak sesuai.', en: 'Invalid value.' },
  ...MONEY_MESSAGES,
  ...SYNC_MESSAGES,
};

export function translate(code: string, locale: Locale, params: Record<string, unknown> = {}): string {
  const text = MESSAGES[code]?.[locale] ?? MESSAGES['common.bad_request']?.[locale] ?? code;
  return text.replace(/\{(\w+)(:rupiah)?\}/g, (whole: string, key: string, rupiah?: string) => {
    if (!(key in params)) return whole;
    const value = String(params[key]);
    return rupiah && /^-?\d+$/.test(value) ? formatRupiah(value) : value;
  });
}
