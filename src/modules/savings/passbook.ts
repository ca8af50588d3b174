import { formatDateLong, formatDateShort, formatRupiah } from '../../core/format.ts';
import { renderPdf, table } from '../../pdf/document.ts';
import type { MovementType, SavingsKind } from './savings.rules.ts';

export type Passbook = {
  number: string;
  kind: SavingsKind;
  status: 'open' | 'closed';
  memberName: string;
  nik: string;
  office: string;
  openedOn: string;
  closedOn: string | null;
  balance: string;
  movements: { seq: number; date: string; type: MovementType; amount: string; balanceAfter: string; note: string | null }[];
};

const TITLE: Record<SavingsKind, string> = { pokok: 'SIMPANAN POKOK', wajib: 'SIMPANAN WAJIB', sukarela: 'SIMPANAN SUKARELA' };
const WHAT: Record<MovementType, string> = {
  deposit: 'Setoran',
  withdrawal: 'Penarikan',
  reversal: 'Koreksi',
  closure: 'Pengembalian (keluar anggota)',
};
const rupiah = (amount: string) => formatRupiah(amount).replace(/^-?Rp/, '');

/**
 * The buku tabungan as members know it: the account's particulars, then one line per movement
 * with Debet (money out) and Kredit (money in) seen from the institution's books, and the balance.
 */
export function renderPassbook(input: Passbook, options: { compress?: boolean } = {}): Promise<Buffer> {
  return renderPdf(
    (doc) => {
      doc.font('Helvetica-Bold').fontSize(14).text('BUKU TABUNGAN', { align: 'center' });
      doc.font('Helvetica').fontSize(11).text(TITLE[input.kind], { align: 'center' }).moveDown(1.2);
      const particulars: [string, string][] = [
        ['Nama anggota', input.memberName],
        ['NIK', input.nik],
        ['Nomor rekening', input.number],
        ['Kantor', input.office],
        ['Dibuka', formatDateLong(input.openedOn)],
      ];
      if (input.closedOn) particulars.push(['Ditutup', formatDateLong(input.closedOn)]);
      for (const [label, value] of particulars) {
        const y = doc.y;
        doc.font('Helvetica').text(label, 56, y, { width: 120 });
        doc.text(`: ${value}`, 176, y, { width: 363 });
      }
      doc.x = 56;
      doc.moveDown();
      table(
        doc,
        [28, 62, 153, 80, 80, 80],
        input.movements.map((m) => {
          const out = m.amount.startsWith('-');
          return [
            String(m.seq),
            formatDateShort(m.date),
            [WHAT[m.type], m.note].filter(Boolean).join(': '),
            out ? rupiah(m.amount) : '',
            out ? '' : rupiah(m.amount),
            rupiah(m.balanceAfter),
          ];
        }),
        ['No', 'Tanggal', 'Keterangan', 'Debet', 'Kredit', 'Saldo'],
      );
      doc.font('Helvetica-Bold').text(`Saldo akhir: ${formatRupiah(input.balance)}`);
      if (input.movements.length === 0) doc.font('Helvetica').text('Belum ada transaksi.');
    },
    { title: `Buku tabungan ${input.number}`, compress: options.compress },
  );
}
