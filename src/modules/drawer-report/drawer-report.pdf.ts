import { formatDate, formatDateLong, formatRupiah, formatTimeWib } from '../../core/format.ts';
import { type Pdf, renderPdf, table } from '../../pdf/document.ts';
import { COUNT_SOURCE, differenceWords, movementPurposeText } from '../ledger/index.ts';
import type { DrawerReport } from './drawer-report.schema.ts';

function letterhead(doc: Pdf, report: DrawerReport) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font('Helvetica-Bold').fontSize(13).text(report.organisation.name.toUpperCase(), { align: 'center' });
  doc.font('Helvetica').fontSize(10).text(`${report.office.name} (${report.office.code})`, { align: 'center' });
  if (report.organisation.address) doc.text(report.organisation.address, { align: 'center' });
  const y = doc.y + 4;
  doc
    .moveTo(left, y)
    .lineTo(left + width, y)
    .lineWidth(2)
    .stroke()
    .lineWidth(1);
  doc.moveDown(1);
}

function summary(doc: Pdf, rows: [string, string][]) {
  const left = doc.page.margins.left;
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.text(label, left, y, { width: 220 });
    doc.text(value, left + 220, y, { width: 140, align: 'right' });
  }
  doc.x = left;
  doc.moveDown(0.8);
}

function signature(doc: Pdf, x: number, y: number, role: string, name: string | null) {
  doc.font('Helvetica').fontSize(10).text(role, x, y, { width: 200, align: 'center' });
  doc.text(name ?? '(.................................)', x, y + 70, { width: 200, align: 'center', underline: name !== null });
}

/**
 * The end-of-day report of a closed drawer (laporan kas akhir hari) on A4: the letterhead, the
 * day's figures, every receipt and payment, the count by denomination, and the signatures of
 * the cashier and the office head, each by full name.
 */
export function renderDrawerReport(report: DrawerReport, options: { compress?: boolean } = {}): Promise<Buffer> {
  const difference = BigInt(report.difference ?? '0');
  return renderPdf(
    (doc) => {
      const left = doc.page.margins.left;
      const width = doc.page.width - left - doc.page.margins.right;
      letterhead(doc, report);
      doc.font('Helvetica-Bold').fontSize(12).text('LAPORAN KAS AKHIR HARI', { align: 'center' });
      doc.font('Helvetica').fontSize(10).text(formatDateLong(report.businessDate), { align: 'center' }).moveDown(0.8);
      summary(doc, [
        ['Kasir', report.cashierName],
        ['Dibuka', `${formatTimeWib(report.openedAt)} oleh ${report.openedByName}`],
        ['Ditutup', report.closedAt ? `${formatTimeWib(report.closedAt)} oleh ${report.closedByName ?? ''}` : '-'],
      ]);
      doc.font('Helvetica');
      summary(doc, [
        ['Kas awal', formatRupiah(report.openingFloat)],
        [`Penerimaan (${report.receipts.count} transaksi)`, formatRupiah(report.receipts.total)],
        [`Pengeluaran (${report.payments.count} transaksi)`, formatRupiah(report.payments.total)],
        ['Kas seharusnya', formatRupiah(report.expectedCash)],
        ['Kas dihitung', formatRupiah(report.countedCash ?? '0')],
        ['Selisih', differenceWords(difference, formatRupiah, 'id')],
      ]);
      if (report.closingNote) doc.text(`Keterangan selisih: ${report.closingNote}`, left, doc.y, { width }).moveDown(0.6);

      doc.font('Helvetica-Bold').fontSize(11).text('Penerimaan dan pengeluaran', left).moveDown(0.3);
      const lines = report.movements.filter((m) => m.sourceType !== COUNT_SOURCE);
      if (lines.length === 0) doc.font('Helvetica').fontSize(10).text('Tidak ada transaksi.').moveDown(0.6);
      else
        table(
          doc,
          // 9 pt and a wide purpose column: "Angsuran YK01-2026-B2E60F00" stays on one line (a financing
          // number split at its hyphen cannot be searched for) and Rp100.000.000 fits its column.
          [30, 150, 88, 71, 72, 72].map((w) => (w * width) / 483),
          lines.map((m) => [
            formatTimeWib(m.createdAt),
            movementPurposeText(m, 'id'),
            m.memberName ?? '-',
            m.recordedByName,
            m.direction === 'in' ? formatRupiah(m.amount) : '',
            m.direction === 'out' ? formatRupiah(m.amount) : '',
          ]),
          ['Jam', 'Keperluan', 'Anggota', 'Dicatat oleh', 'Masuk', 'Keluar'],
          9,
        );

      doc.font('Helvetica-Bold').fontSize(11).text('Hitungan kas per pecahan', left).moveDown(0.3);
      if (!report.countedPieces || report.countedPieces.length === 0)
        doc.font('Helvetica').fontSize(10).text('Kas dihitung sebagai jumlah saja, tanpa rincian pecahan.').moveDown(0.6);
      else
        table(
          doc,
          [160, 120, 160].map((w) => (w * width) / 440),
          [
            ...report.countedPieces.map((p) => [formatRupiah(String(p.value)), String(p.pieces), formatRupiah(p.subtotal)]),
            ['Jumlah', '', formatRupiah(report.countedCash ?? '0')],
          ],
          ['Pecahan', 'Lembar/keping', 'Jumlah'],
        );

      if (doc.y > doc.page.height - doc.page.margins.bottom - 130) doc.addPage();
      doc.font('Helvetica').fontSize(10);
      const placeY = doc.y + 6;
      doc.text(`${report.office.name}, ${formatDate(report.businessDate)}`, left + width - 200, placeY, { width: 200, align: 'center' });
      const signY = doc.y + 6;
      signature(doc, left, signY, 'Kasir,', report.cashierName);
      signature(doc, left + width - 200, signY, 'Mengetahui, Kepala kantor,', report.supervisorName);
      doc.x = left;
    },
    { title: `Laporan kas akhir hari ${report.cashierName} ${report.businessDate}`, compress: options.compress },
  );
}
