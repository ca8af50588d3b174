import { formatDate, formatDateLong, formatDateShort, formatRupiah } from '../../core/format.ts';
import { sumRupiah } from '../../core/money.ts';
import { terbilangRupiah } from '../../core/terbilang.ts';
import type { ProductKind } from './products.rules.ts';
import { type Owed, owedAfterRepayment } from './repayment.rules.ts';

/**
 * What the printed documents of a financing say, as plain data: the kuitansi, the agreement
 * (perjanjian or akad), the kartu angsuran and a group's collection sheet. Drawing them is
 * `documents.pdf.ts`; keeping the words here lets tests read them without parsing a PDF.
 */

type Money = string;
export type Frequency = 'weekly' | 'fortnightly' | 'monthly';
export type Channel = 'counter' | 'group_meeting' | 'field';

const SHARIA: readonly ProductKind[] = ['murabahah', 'mudharabah', 'musyarakah', 'qardh'];
export const isSharia = (kind: ProductKind) => SHARIA.includes(kind);

/** What the second component of an instalment is called for this kind of product. */
export function profitLabel(kind: ProductKind): string {
  if (kind === 'murabahah') return 'Margin';
  if (kind === 'mudharabah' || kind === 'musyarakah') return 'Bagi hasil';
  if (kind === 'qardh') return 'Tambahan';
  return 'Bunga';
}

// Late charges of sharia products are not income of the LKM (Fatwa DSN-MUI 17/2000): a benevolence fund.
const penaltyLabel = (kind: ProductKind) => (isSharia(kind) ? 'Denda (dana kebajikan)' : 'Denda');

export const FREQUENCY_WORDS: Record<Frequency, string> = { weekly: 'mingguan', fortnightly: 'dua mingguan', monthly: 'bulanan' };
export const CHANNEL_WORDS: Record<Channel, string> = {
  counter: 'Loket kantor',
  group_meeting: 'Pertemuan kelompok',
  field: 'Petugas lapangan',
};
const INSTALMENT_STATUS: Record<string, string> = {
  paid: 'Lunas',
  partial: 'Sebagian',
  due: 'Belum dibayar',
  overdue: 'Menunggak',
  projected: 'Proyeksi',
};

// ---- Kuitansi ----

export type RepaymentFacts = { id: string; principal: Money; profit: Money; penalty: Money; reversed: boolean };

const paidParts = (r: RepaymentFacts) => ({
  id: r.id,
  principal: BigInt(r.principal),
  profit: BigInt(r.profit),
  penalty: BigInt(r.penalty),
  reversed: r.reversed,
});
const owedFromText = (o: { principal: Money; profit: Money; penalty: Money }): Owed => {
  const [principal, profit, penalty] = [BigInt(o.principal), BigInt(o.profit), BigInt(o.penalty)];
  return { principal, profit, penalty, total: principal + profit + penalty };
};

/** What was owed right after a repayment (principal, profit or margin and late charges), as on the screen. */
export function remainingAfter(
  owedNow: { principal: Money; profit: Money; penalty: Money },
  repayments: RepaymentFacts[],
  repaymentId: string,
): { principal: Money; total: Money } {
  const left = owedAfterRepayment(owedFromText(owedNow), repayments.map(paidParts), repaymentId);
  return { principal: left.principal.toString(), total: left.total.toString() };
}

/** The kuitansi number: the financing's number and the repayment's place among its repayments. */
export const receiptNumber = (financingNumber: string, sequence: number) => `KW/${financingNumber}/${String(sequence).padStart(3, '0')}`;

export type ReceiptFacts = {
  organisation: string;
  office: string;
  place: string;
  financingNumber: string;
  sequence: number;
  memberName: string;
  nik: string;
  productName: string;
  kind: ProductKind;
  paidOn: string;
  amount: Money;
  principal: Money;
  profit: Money;
  penalty: Money;
  channel: Channel;
  receivedBy: string;
  remaining: { principal: Money; total: Money };
  reversed: boolean;
  reversalReason: string | null;
  /** Taken in the field: the number of the receipt the phone gave at once; it stays the receipt's number. */
  fieldReceiptNumber?: string | null;
};

export type Receipt = {
  title: string;
  number: string;
  organisation: string;
  office: string;
  fields: [string, string][];
  amount: string;
  amountWords: string;
  breakdown: [string, string][];
  remaining: [string, string][];
  dateLine: string;
  signatures: { payer: string; receiver: string };
  stamp: { text: string; note: string } | null;
};

export function buildReceipt(facts: ReceiptFacts): Receipt {
  const breakdown: [string, string][] = [['Pokok', formatRupiah(facts.principal)]];
  if (facts.kind !== 'qardh' || BigInt(facts.profit) > 0n) breakdown.push([profitLabel(facts.kind), formatRupiah(facts.profit)]);
  breakdown.push([penaltyLabel(facts.kind), formatRupiah(facts.penalty)]);
  breakdown.push(['Jumlah', formatRupiah(sumRupiah([facts.principal, facts.profit, facts.penalty]))]);
  return {
    title: 'KUITANSI PEMBAYARAN ANGSURAN',
    number: facts.fieldReceiptNumber ?? receiptNumber(facts.financingNumber, facts.sequence),
    organisation: facts.organisation,
    office: facts.office,
    fields: [
      ['Sudah terima dari', facts.memberName],
      ['NIK', facts.nik],
      ['Untuk pembayaran', `Angsuran pembiayaan No. ${facts.financingNumber} (${facts.productName})`],
      ['Tanggal bayar', formatDate(facts.paidOn)],
      ['Cara bayar', CHANNEL_WORDS[facts.channel]],
      ...(facts.fieldReceiptNumber ? [['Nomor buku', receiptNumber(facts.financingNumber, facts.sequence)] as [string, string]] : []),
    ],
    amount: formatRupiah(facts.amount),
    amountWords: terbilangRupiah(facts.amount),
    breakdown,
    remaining: [
      ['Sisa kewajiban', formatRupiah(facts.remaining.total)],
      ['Sisa pokok', formatRupiah(facts.remaining.principal)],
    ],
    dateLine: `${facts.place}, ${formatDate(facts.paidOn)}`,
    signatures: { payer: facts.memberName, receiver: facts.receivedBy },
    stamp: facts.reversed ? { text: 'DIBATALKAN', note: `Pembayaran ini dibatalkan: ${facts.reversalReason ?? '-'}` } : null,
  };
}

// ---- Perjanjian / akad ----

export type ScheduleLine = { n: number; dueDate: string; principal: Money; profit: Money; total: Money };

export type AgreementFacts = {
  organisation: string;
  office: string;
  place: string;
  financingNumber: string;
  memberName: string;
  nik: string;
  village: string;
  productName: string;
  kind: ProductKind;
  ratePercent: string;
  memberNisbahPercent: string | null;
  lkmCapitalPercent: string | null;
  frequency: Frequency;
  penaltyPerMilleDaily: string;
  penaltyCapPercent: string;
  allocationOrder: string[];
  principal: Money;
  installments: number;
  purpose: string;
  /** The disbursement date; null while approved and not yet disbursed (a draft). */
  disbursedOn: string | null;
  disbursementMethod: 'cash' | 'transfer' | null;
  signedOn: string;
  lkmSignatory: string | null;
  totals: { principal: Money; profit: Money; total: Money };
  schedule: ScheduleLine[];
};

export type Agreement = {
  title: string;
  number: string;
  basmalah: boolean;
  draft: boolean;
  opening: string;
  parties: string[];
  agreed: string;
  articles: { heading: string; text: string }[];
  closing: string;
  dateLine: string;
  signatures: { first: string; second: string; witnesses: boolean };
  scheduleTitle: string;
  scheduleHeader: string[];
  scheduleRows: string[][];
  scheduleNote: string | null;
};

const TITLES: Record<ProductKind, string> = {
  flat: 'SURAT PERJANJIAN PEMBIAYAAN',
  annuity: 'SURAT PERJANJIAN PEMBIAYAAN',
  equal_principal: 'SURAT PERJANJIAN PEMBIAYAAN',
  murabahah: 'AKAD MURABAHAH',
  mudharabah: 'AKAD MUDHARABAH',
  musyarakah: 'AKAD MUSYARAKAH',
  qardh: 'AKAD QARDH',
};
const METHOD_WORDS: Partial<Record<ProductKind, string>> = {
  flat: 'tetap (flat) dari pokok awal',
  annuity: 'anuitas (angsuran sama besar)',
  equal_principal: 'menurun (pokok tetap, bunga dari sisa pokok)',
};
const ALLOCATION_WORDS: Record<string, string> = { penalty: 'denda', profit: 'bunga/margin', principal: 'pokok' };

const rupiahInWords = (amount: Money) => `${formatRupiah(amount)} (${terbilangRupiah(amount)})`;
/** 100 − p for a percentage written as text ("40" → "60", "33.5" → "66.5"), exactly. */
function complement(percent: string): string {
  const [whole = '0', fraction = ''] = percent.split('.');
  const scale = 10n ** BigInt(fraction.length);
  const rest = 100n * scale - BigInt(whole + fraction);
  if (fraction.length === 0) return rest.toString();
  const text = rest.toString().padStart(fraction.length + 1, '0');
  return `${text.slice(0, -fraction.length)}.${text.slice(-fraction.length)}`.replace(/\.?0+$/, '');
}

function lateArticle(facts: AgreementFacts, second: string) {
  const perMille = Number(facts.penaltyPerMilleDaily) > 0;
  if (!perMille)
    return isSharia(facts.kind)
      ? `Tidak ada tambahan atas keterlambatan. ${second} yang mampu tetapi menunda pembayaran wajib bermusyawarah dengan PIHAK PERTAMA untuk penyelesaiannya.`
      : `Atas keterlambatan tidak dikenakan denda; keterlambatan dicatat dan diselesaikan secara musyawarah.`;
  const cap = Number(facts.penaltyCapPercent) > 0 ? `, paling banyak ${facts.penaltyCapPercent}% dari angsuran itu` : '';
  const base = `Atas angsuran yang terlambat dikenakan denda ${facts.penaltyPerMilleDaily} per mil per hari dari angsuran tertunggak${cap}.`;
  return isSharia(facts.kind)
    ? `${base} Denda itu tidak menjadi pendapatan PIHAK PERTAMA dan seluruhnya disalurkan sebagai dana kebajikan (sosial).`
    : base;
}

function disputeArticle(kind: ProductKind) {
  // Sharia economic disputes belong to the religious courts (UU 3/2006 Pasal 49).
  const court = isSharia(kind) ? 'Pengadilan Agama' : 'Pengadilan Negeri';
  return {
    heading: 'Penyelesaian perselisihan',
    text: `Perselisihan diselesaikan secara musyawarah untuk mufakat, melibatkan kelompok bila ada. Bila musyawarah tidak tercapai, para pihak sepakat menyelesaikannya melalui ${court} di wilayah kantor PIHAK PERTAMA.`,
  };
}

function articlesOf(facts: AgreementFacts): { heading: string; text: string }[] {
  const n = facts.installments;
  const frequency = FREQUENCY_WORDS[facts.frequency];
  const first = facts.schedule[0];
  const from = first ? ` mulai ${formatDate(first.dueDate)}` : '';
  const payment = {
    heading: 'Tempat dan cara pembayaran',
    text:
      'PIHAK KEDUA membayar di kantor PIHAK PERTAMA, pada pertemuan kelompok, atau kepada petugas yang ditunjuk, dan menerima kuitansi untuk ' +
      `setiap pembayaran. Setiap pembayaran dipakai berturut-turut untuk ${facts.allocationOrder.map((c) => ALLOCATION_WORDS[c] ?? c).join(', ')}, ` +
      'mulai dari angsuran yang paling lama.',
  };
  const late = { heading: 'Keterlambatan', text: lateArticle(facts, 'PIHAK KEDUA') };
  const disbursement = facts.disbursedOn
    ? `Dana diserahkan pada ${formatDate(facts.disbursedOn)} secara ${facts.disbursementMethod === 'cash' ? 'tunai' : 'transfer'}.`
    : 'Dana diserahkan pada tanggal pencairan.';
  switch (facts.kind) {
    case 'murabahah': {
      const margin = facts.totals.profit;
      return [
        {
          heading: 'Objek akad dan harga',
          text:
            `PIHAK PERTAMA menjual kepada PIHAK KEDUA barang untuk keperluan: ${facts.purpose}. Harga perolehan barang ${rupiahInWords(facts.principal)}; ` +
            `margin keuntungan yang disepakati ${rupiahInWords(margin)}, yaitu ${facts.ratePercent}% dari harga perolehan; ` +
            `harga jual ${rupiahInWords(facts.totals.total)}.`,
        },
        {
          heading: 'Pembelian barang (wakalah)',
          text: `PIHAK PERTAMA dapat mewakilkan pembelian barang kepada PIHAK KEDUA. ${disbursement} Barang menjadi milik PIHAK KEDUA sejak akad ini ditandatangani.`,
        },
        {
          heading: 'Pembayaran harga jual',
          text: `Harga jual dibayar dalam ${n} kali angsuran ${frequency}${from}, sesuai jadwal terlampir. Margin tetap dan tidak berubah selama akad berlaku.`,
        },
        payment,
        late,
        disputeArticle(facts.kind),
      ];
    }
    case 'mudharabah':
    case 'musyarakah': {
      const member = facts.memberNisbahPercent ?? '0';
      const lkm = complement(member);
      const capital =
        facts.kind === 'mudharabah'
          ? `PIHAK PERTAMA sebagai pemilik modal (shahibul maal) menyerahkan modal ${rupiahInWords(facts.principal)} kepada PIHAK KEDUA sebagai pengelola (mudharib) untuk usaha: ${facts.purpose}.`
          : `PIHAK PERTAMA menyertakan modal ${rupiahInWords(facts.principal)}, yaitu ${facts.lkmCapitalPercent ?? '-'}% dari seluruh modal usaha: ${facts.purpose}; selebihnya (${complement(facts.lkmCapitalPercent ?? '100')}%) modal PIHAK KEDUA, yang mengelola usaha.`;
      const loss =
        facts.kind === 'mudharabah'
          ? 'Kerugian usaha ditanggung PIHAK PERTAMA sebagai pemilik modal, kecuali kerugian karena kelalaian, kesengajaan atau pelanggaran akad oleh PIHAK KEDUA, yang ditanggung PIHAK KEDUA.'
          : `Kerugian usaha ditanggung para pihak menurut porsi modal: PIHAK PERTAMA ${facts.lkmCapitalPercent ?? '-'}% dan PIHAK KEDUA ${complement(facts.lkmCapitalPercent ?? '100')}%.`;
      return [
        { heading: 'Modal', text: `${capital} ${disbursement}` },
        {
          heading: 'Nisbah bagi hasil',
          text: `Keuntungan usaha dibagi dengan nisbah ${member}% untuk PIHAK KEDUA dan ${lkm}% untuk PIHAK PERTAMA, dihitung dari laba usaha yang dilaporkan PIHAK KEDUA setiap periode angsuran.`,
        },
        {
          heading: 'Pengembalian modal',
          text: `Modal PIHAK PERTAMA dikembalikan dalam ${n} kali angsuran ${frequency}${from}, sesuai jadwal terlampir, bersama bagian keuntungan PIHAK PERTAMA.`,
        },
        { heading: 'Kerugian', text: loss },
        payment,
        late,
        disputeArticle(facts.kind),
      ];
    }
    case 'qardh':
      return [
        {
          heading: 'Pinjaman kebajikan',
          text: `PIHAK PERTAMA memberikan pinjaman kebajikan (qardhul hasan) ${rupiahInWords(facts.principal)} kepada PIHAK KEDUA untuk keperluan: ${facts.purpose}. ${disbursement}`,
        },
        {
          heading: 'Pengembalian',
          text: `PIHAK KEDUA mengembalikan sebesar pokok pinjaman saja, tanpa tambahan apa pun, dalam ${n} kali angsuran ${frequency}${from}, sesuai jadwal terlampir.`,
        },
        payment,
        late,
        disputeArticle(facts.kind),
      ];
    default:
      return [
        {
          heading: 'Pokok pembiayaan',
          text: `PIHAK PERTAMA memberikan pembiayaan ${rupiahInWords(facts.principal)} kepada PIHAK KEDUA untuk keperluan: ${facts.purpose}. ${disbursement}`,
        },
        {
          heading: 'Bunga dan jangka waktu',
          text:
            `Bunga ${facts.ratePercent}% per tahun, dihitung ${METHOD_WORDS[facts.kind] ?? facts.kind}. Jumlah bunga seluruhnya ${formatRupiah(facts.totals.profit)}, ` +
            `sehingga seluruh kewajiban ${rupiahInWords(facts.totals.total)}, dibayar dalam ${n} kali angsuran ${frequency}${from}, sesuai jadwal terlampir.`,
        },
        payment,
        late,
        disputeArticle(facts.kind),
      ];
  }
}

/** A percentage as people write it: the database's "20.0000" is "20", "62.5000" is "62.5". */
export const percentText = (value: string) => (value.includes('.') ? value.replace(/\.?0+$/, '') : value);

export function buildAgreement(input: AgreementFacts): Agreement {
  const pct = (value: string | null) => (value === null ? null : percentText(value));
  const facts: AgreementFacts = {
    ...input,
    ratePercent: percentText(input.ratePercent),
    memberNisbahPercent: pct(input.memberNisbahPercent),
    lkmCapitalPercent: pct(input.lkmCapitalPercent),
    penaltyPerMilleDaily: percentText(input.penaltyPerMilleDaily),
    penaltyCapPercent: percentText(input.penaltyCapPercent),
  };
  const sharia = isSharia(facts.kind);
  const deed = sharia ? 'akad' : 'perjanjian';
  const sharesProfit = facts.kind === 'mudharabah' || facts.kind === 'musyarakah';
  let balance = BigInt(facts.totals.total);
  const scheduleRows = facts.schedule.map((line) => {
    balance -= BigInt(line.total);
    return [
      String(line.n),
      formatDateShort(line.dueDate),
      formatRupiah(line.principal),
      sharesProfit ? '-' : formatRupiah(line.profit),
      formatRupiah(line.total),
      formatRupiah(balance),
    ];
  });
  return {
    title: TITLES[facts.kind],
    number: `No. ${facts.financingNumber}`,
    basmalah: sharia,
    draft: facts.disbursedOn === null,
    opening: `Pada hari ini, ${formatDateLong(facts.signedOn)}, yang bertanda tangan di bawah ini:`,
    parties: [
      `${facts.organisation}, ${facts.office}, dalam hal ini diwakili oleh pejabat yang berwenang, selanjutnya disebut PIHAK PERTAMA;`,
      `${facts.memberName}, NIK ${facts.nik}, bertempat tinggal di ${facts.village}, selanjutnya disebut PIHAK KEDUA.`,
    ],
    agreed: `Kedua pihak sepakat mengadakan ${deed} ${facts.productName} dengan ketentuan sebagai berikut:`,
    articles: articlesOf(facts).map((article, i) => ({ heading: `Pasal ${i + 1} — ${article.heading}`, text: article.text })),
    closing:
      `Demikian ${deed} ini dibuat rangkap dua, masing-masing sama kekuatannya, ditandatangani para pihak dalam keadaan sadar ` +
      'tanpa paksaan dari pihak mana pun.',
    dateLine: `${facts.place}, ${formatDate(facts.signedOn)}`,
    signatures: { first: facts.lkmSignatory ?? '....................', second: facts.memberName, witnesses: sharia },
    scheduleTitle: `Lampiran: jadwal angsuran ${facts.financingNumber}`,
    scheduleHeader: ['Ke', 'Jatuh tempo', 'Pokok', profitLabel(facts.kind), 'Angsuran', 'Sisa'],
    scheduleRows,
    scheduleNote: sharesProfit
      ? 'Bagian keuntungan PIHAK PERTAMA dihitung setiap periode dari laba yang dilaporkan, menurut nisbah di atas; jadwal ini memuat pengembalian modal.'
      : null,
  };
}

// ---- Kartu angsuran ----

export type PassbookFacts = {
  organisation: string;
  office: string;
  financingNumber: string;
  memberName: string;
  nik: string;
  productName: string;
  kind: ProductKind;
  frequency: Frequency;
  principal: Money;
  installments: number;
  disbursedOn: string | null;
  status: string;
  totals: { principal: Money; profit: Money; total: Money };
  /** What is owed now (amountOwed of the instalments), in its parts. */
  owed: { principal: Money; profit: Money; penalty: Money; total: Money };
  schedule: { n: number; dueDate: string; principal: Money; profit: Money; penalty: Money; total: Money; paid: Money; status: string }[];
  repayments: (RepaymentFacts & { paidOn: string; amount: Money; receivedBy: string })[];
  printedOn: string;
};

export type Passbook = {
  title: string;
  organisation: string;
  particulars: [string, string][];
  scheduleHeader: string[];
  scheduleRows: string[][];
  paymentsHeader: string[];
  paymentRows: string[][];
  summary: [string, string][];
  printed: string;
};

const STATUS_WORDS: Record<string, string> = {
  applied: 'Diajukan',
  approved: 'Disetujui',
  rejected: 'Ditolak',
  disbursed: 'Berjalan',
  closed: 'Lunas',
  written_off: 'Hapus buku',
};
const rp = (amount: Money | bigint) => formatRupiah(amount).replace(/^(-?)Rp/, '$1');

export function buildPassbook(facts: PassbookFacts): Passbook {
  const owedNow = owedFromText(facts.owed);
  const paid = facts.repayments.map(paidParts);
  const paymentRows = facts.repayments.map((repayment, i) => {
    const left = owedAfterRepayment(owedNow, paid, repayment.id).total;
    return [
      formatDateShort(repayment.paidOn),
      receiptNumber(facts.financingNumber, i + 1),
      rp(repayment.principal),
      rp(repayment.profit),
      rp(repayment.penalty),
      rp(repayment.amount),
      repayment.reversed ? 'DIBATALKAN' : rp(left),
      repayment.receivedBy,
    ];
  });
  const standing = facts.repayments.filter((r) => !r.reversed);
  return {
    title: 'KARTU ANGSURAN',
    organisation: `${facts.organisation} — ${facts.office}`,
    particulars: [
      ['Nama anggota', facts.memberName],
      ['NIK', facts.nik],
      ['No. pembiayaan', facts.financingNumber],
      ['Produk', facts.productName],
      ['Pokok', formatRupiah(facts.principal)],
      ['Jangka', `${facts.installments} kali angsuran ${FREQUENCY_WORDS[facts.frequency]}`],
      ['Tanggal pencairan', facts.disbursedOn ? formatDate(facts.disbursedOn) : '-'],
      ['Status', STATUS_WORDS[facts.status] ?? facts.status],
    ],
    scheduleHeader: ['Ke', 'Jatuh tempo', 'Pokok', profitLabel(facts.kind), 'Denda', 'Angsuran', 'Dibayar', 'Keterangan'],
    scheduleRows: facts.schedule.map((line) => [
      String(line.n),
      formatDateShort(line.dueDate),
      rp(line.principal),
      rp(line.profit),
      rp(line.penalty),
      rp(line.total),
      rp(line.paid),
      INSTALMENT_STATUS[line.status] ?? line.status,
    ]),
    paymentsHeader: ['Tanggal', 'No. kuitansi', 'Pokok', profitLabel(facts.kind), 'Denda', 'Jumlah', 'Sisa', 'Petugas'],
    paymentRows,
    summary: [
      ['Jumlah kewajiban', formatRupiah(facts.totals.total)],
      ['Jumlah dibayar', formatRupiah(sumRupiah(standing.map((r) => r.amount)))],
      ['Sisa kewajiban', formatRupiah(facts.owed.total)],
    ],
    printed: `Dicetak ${formatDate(facts.printedOn)}`,
  };
}

// ---- Lembar tagihan kelompok ----

export type CollectionFinancing = {
  memberName: string;
  number: string;
  outstanding: Money;
  instalments: { n: number; dueDate: string; owed: Money }[];
};

export type CollectionRow = {
  no: number;
  memberName: string;
  number: string;
  instalmentNo: string;
  arrears: Money;
  dueNow: Money;
  totalDue: Money;
  outstanding: Money;
};

/**
 * What each member brings to the meeting on `date`: the latest instalment due on or before it
 * (dueNow) and whatever older instalments are still unpaid (arrears). Members in name order.
 */
export function collectionRows(financings: CollectionFinancing[], date: string): CollectionRow[] {
  return [...financings]
    .sort((a, b) => a.memberName.localeCompare(b.memberName, 'id') || a.number.localeCompare(b.number))
    .map((financing, i) => {
      const due = financing.instalments.filter((inst) => inst.dueDate <= date).sort((a, b) => a.n - b.n);
      const latest = due[due.length - 1];
      const dueNow = latest ? BigInt(latest.owed) : 0n;
      const arrears = sumRupiah(due.slice(0, -1).map((inst) => inst.owed));
      return {
        no: i + 1,
        memberName: financing.memberName,
        number: financing.number,
        instalmentNo: latest ? `${latest.n}` : '-',
        arrears: arrears.toString(),
        dueNow: dueNow.toString(),
        totalDue: (arrears + dueNow).toString(),
        outstanding: financing.outstanding,
      };
    });
}

export type CollectionSheetFacts = {
  organisation: string;
  office: string;
  groupName: string;
  groupKind: string;
  date: string;
  facilitator: string | null;
  chair: string | null;
  treasurer: string | null;
  financings: CollectionFinancing[];
};

export type CollectionSheet = {
  title: string;
  subtitle: string;
  meta: [string, string][];
  header: string[];
  rows: string[][];
  totals: string[];
  signatures: [string, string][];
};

export function buildCollectionSheet(facts: CollectionSheetFacts): CollectionSheet {
  const rows = collectionRows(facts.financings, facts.date);
  const total = (pick: (row: CollectionRow) => Money) => rp(sumRupiah(rows.map(pick)));
  return {
    title: 'LEMBAR TAGIHAN ANGSURAN KELOMPOK',
    subtitle: `${facts.organisation} — ${facts.office}`,
    meta: [
      ['Kelompok', `${facts.groupName} (${facts.groupKind})`],
      ['Tanggal pertemuan', formatDateLong(facts.date)],
      ['Pendamping', facts.facilitator ?? '-'],
      ['Tempat', '..............................'],
    ],
    header: [
      'No',
      'Nama anggota',
      'No. pembiayaan',
      'Ke',
      'Tunggakan',
      'Angsuran',
      'Wajib bayar',
      'Sisa pinjaman',
      'Dibayar (Rp)',
      'Paraf',
    ],
    rows: rows.map((row) => [
      String(row.no),
      row.memberName,
      row.number,
      row.instalmentNo,
      rp(row.arrears),
      rp(row.dueNow),
      rp(row.totalDue),
      rp(row.outstanding),
      '',
      '',
    ]),
    totals: [
      '',
      'Jumlah',
      '',
      '',
      total((r) => r.arrears),
      total((r) => r.dueNow),
      total((r) => r.totalDue),
      total((r) => r.outstanding),
      '',
      '',
    ],
    signatures: [
      ['Ketua kelompok', facts.chair ?? '....................'],
      ['Bendahara', facts.treasurer ?? '....................'],
      ['Pendamping / petugas', facts.facilitator ?? '....................'],
    ],
  };
}
