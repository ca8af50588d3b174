import { type Pdf, renderPdf } from '../../pdf/document.ts';
import type { Agreement, CollectionSheet, Passbook, Receipt } from './documents.rules.ts';

type Align = 'left' | 'right' | 'center';
type Column = { share: number; align?: Align };
const RED = '#b71c1c';

/** Label and value on one line, the value after a colon, wrapping under itself. */
function particular(doc: Pdf, label: string, value: string, labelWidth: number) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const y = doc.y;
  doc.text(label, left, y, { width: labelWidth });
  const afterLabel = doc.y;
  doc.text(`: ${value}`, left + labelWidth, y, { width: width - labelWidth });
  doc.x = left;
  doc.y = Math.max(afterLabel, doc.y);
}

/**
 * A ruled table over the page's width: column shares, alignment, a bold header repeated on a
 * new page, an optional bold last row, and a minimum row height (room to write by hand).
 */
function grid(
  doc: Pdf,
  columns: Column[],
  header: string[],
  rows: string[][],
  options: { fontSize: number; minRowHeight?: number; boldLastRow?: boolean; pad?: number } = { fontSize: 9 },
) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const shares = columns.reduce((total, c) => total + c.share, 0);
  const widths = columns.map((c) => (c.share / shares) * width);
  const pad = options.pad ?? 3;
  const heightOf = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(options.fontSize);
    const text = Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: (widths[i] ?? 40) - 2 * pad })));
    return Math.max(text + 2 * pad, options.minRowHeight ?? 0);
  };
  const draw = (cells: string[], kind: 'header' | 'row' | 'total', height: number) => {
    const y = doc.y;
    doc.font(kind === 'row' ? 'Helvetica' : 'Helvetica-Bold').fontSize(options.fontSize);
    let x = left;
    cells.forEach((cell, i) => {
      const w = widths[i] ?? 40;
      const align = kind === 'header' ? 'center' : (columns[i]?.align ?? 'left');
      if (cell) doc.text(cell, x + pad, y + pad, { width: w - 2 * pad, align });
      doc.rect(x, y, w, height).lineWidth(0.5).stroke();
      x += w;
    });
    doc.x = left;
    doc.y = y + height;
  };
  const headerHeight = heightOf(header, true);
  draw(header, 'header', headerHeight);
  rows.forEach((row, i) => {
    const total = Boolean(options.boldLastRow) && i === rows.length - 1;
    const height = heightOf(row, total);
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      draw(header, 'header', headerHeight);
    }
    draw(row, total ? 'total' : 'row', height);
  });
  doc.font('Helvetica').fontSize(10);
}

/** Signature places side by side: a title, room to sign, the name in brackets. */
function signatures(doc: Pdf, places: [string, string][], gap = 48) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const each = width / places.length;
  const y = doc.y;
  places.forEach(([title, name], i) => {
    doc.text(title, left + i * each, y, { width: each, align: 'center' });
    doc.text(`( ${name} )`, left + i * each, y + gap, { width: each, align: 'center' });
  });
  doc.x = left;
  doc.y = y + gap + 16;
}

/** A large rotated stamp across the page (DIBATALKAN, DRAF). */
function stamp(doc: Pdf, text: string, centre: { x: number; y: number }, size: number) {
  doc.save();
  doc.rotate(-18, { origin: [centre.x, centre.y] });
  doc.font('Helvetica-Bold').fontSize(size).fillColor(RED).strokeColor(RED).opacity(0.75);
  const w = doc.widthOfString(text) + 24;
  const h = size + 16;
  doc
    .rect(centre.x - w / 2, centre.y - h / 2, w, h)
    .lineWidth(3)
    .stroke();
  doc.text(text, centre.x - w / 2, centre.y - size / 2 + 2, { width: w, align: 'center', lineBreak: false });
  doc.restore();
  doc.fillColor('black').strokeColor('black').opacity(1).font('Helvetica');
}

/** The kuitansi on an A5 sheet, landscape. */
export function renderReceipt(receipt: Receipt, options: { compress?: boolean } = {}): Promise<Buffer> {
  return renderPdf(
    (doc) => {
      const left = doc.page.margins.left;
      const width = doc.page.width - left - doc.page.margins.right;
      const top = doc.y;
      doc
        .font('Helvetica-Bold')
        .fontSize(11)
        .text(receipt.organisation, left, top, { width: width * 0.62 });
      doc
        .font('Helvetica')
        .fontSize(8.5)
        .text(receipt.office, { width: width * 0.62 });
      const below = doc.y;
      doc
        .font('Helvetica')
        .fontSize(9)
        .text(`No. ${receipt.number}`, left + width * 0.62, top, { width: width * 0.38, align: 'right' });
      doc.x = left;
      doc.y = Math.max(below, doc.y) + 6;
      doc
        .moveTo(left, doc.y)
        .lineTo(left + width, doc.y)
        .lineWidth(0.8)
        .stroke();
      doc.moveDown(0.5);
      doc.font('Helvetica-Bold').fontSize(13).text(receipt.title, left, doc.y, { width, align: 'center' }).moveDown(0.6);
      doc.font('Helvetica').fontSize(9.5);
      for (const [label, value] of receipt.fields) particular(doc, label, value, 105);
      doc.moveDown(0.4);
      const boxY = doc.y;
      // The figures never wrap: the words take what is left of the box.
      doc.font('Helvetica-Bold').fontSize(14);
      const figures = Math.max(150, doc.widthOfString(receipt.amount) + 4);
      doc.text(receipt.amount, left + 8, boxY + 6, { width: figures, lineBreak: false });
      doc
        .font('Helvetica-Oblique')
        .fontSize(9.5)
        .text(`Terbilang: ${receipt.amountWords}`, left + 15 + figures, boxY + 8, { width: width - 23 - figures });
      const boxBottom = Math.max(doc.y, boxY + 26) + 6;
      doc
        .rect(left, boxY, width, boxBottom - boxY)
        .lineWidth(0.8)
        .stroke();
      doc.x = left;
      doc.y = boxBottom + 8;
      const columnsY = doc.y;
      doc.font('Helvetica').fontSize(9);
      const line = (x: number, label: string, value: string, bold = false) => {
        const y = doc.y;
        doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').text(label, x, y, { width: 110 });
        doc.text(value, x + 110, y, { width: 100, align: 'right' });
        doc.y = Math.max(doc.y, y + 11);
      };
      doc.font('Helvetica-Bold').text('Rincian', left, columnsY);
      receipt.breakdown.forEach(([label, value], i) => {
        line(left, label, value, i === receipt.breakdown.length - 1);
      });
      const leftBottom = doc.y;
      doc.y = columnsY;
      doc.font('Helvetica-Bold').text('Setelah pembayaran ini', left + width / 2 + 10, columnsY);
      for (const [label, value] of receipt.remaining) line(left + width / 2 + 10, label, value);
      doc.x = left;
      doc.y = Math.max(leftBottom, doc.y) + 10;
      doc.font('Helvetica').fontSize(9.5).text(receipt.dateLine, left, doc.y, { width, align: 'right' }).moveDown(0.3);
      signatures(
        doc,
        [
          ['Penyetor', receipt.signatures.payer],
          ['Diterima oleh', receipt.signatures.receiver],
        ],
        40,
      );
      if (receipt.stamp) {
        stamp(doc, receipt.stamp.text, { x: left + width / 2, y: boxY + 10 }, 34);
        doc.fillColor(RED).font('Helvetica-Bold').fontSize(9).text(receipt.stamp.note, left, doc.y, { width });
        doc.fillColor('black');
      }
    },
    { title: `Kuitansi ${receipt.number}`, compress: options.compress, size: 'A5', layout: 'landscape', margin: 32 },
  );
}

/** The perjanjian or akad, signed at disbursement, with its schedule as an attachment. */
export function renderAgreement(agreement: Agreement, options: { compress?: boolean } = {}): Promise<Buffer> {
  return renderPdf(
    (doc) => {
      const left = doc.page.margins.left;
      const width = doc.page.width - left - doc.page.margins.right;
      if (agreement.draft) stamp(doc, 'DRAF - BELUM DICAIRKAN', { x: doc.page.width / 2, y: 200 }, 28);
      if (agreement.basmalah)
        doc.font('Helvetica-Oblique').fontSize(11).text('Bismillahirrahmanirrahim', { align: 'center' }).moveDown(0.5);
      doc.font('Helvetica-Bold').fontSize(14).text(agreement.title, { align: 'center' });
      doc.font('Helvetica').fontSize(10).text(agreement.number, { align: 'center' }).moveDown(1.2);
      doc.fontSize(10.5).text(agreement.opening, { align: 'justify' }).moveDown(0.4);
      agreement.parties.forEach((party, i) => {
        const y = doc.y;
        doc.text(`${i + 1}.`, left, y, { width: 16 });
        doc.text(party, left + 16, y, { width: width - 16, align: 'justify' });
        doc.x = left;
        doc.moveDown(0.3);
      });
      doc.moveDown(0.3).text(agreement.agreed, left, doc.y, { width, align: 'justify' }).moveDown(0.6);
      for (const article of agreement.articles) {
        if (doc.y > doc.page.height - doc.page.margins.bottom - 46) doc.addPage();
        doc.font('Helvetica-Bold').text(article.heading, left, doc.y, { width });
        doc.font('Helvetica').text(article.text, left, doc.y, { width, align: 'justify' }).moveDown(0.6);
      }
      doc.text(agreement.closing, left, doc.y, { width, align: 'justify' }).moveDown(1);
      if (doc.y > doc.page.height - doc.page.margins.bottom - (agreement.signatures.witnesses ? 200 : 120)) doc.addPage();
      doc.text(agreement.dateLine, left, doc.y, { width, align: 'right' }).moveDown(0.5);
      signatures(doc, [
        ['PIHAK PERTAMA', agreement.signatures.first],
        ['PIHAK KEDUA', agreement.signatures.second],
      ]);
      if (agreement.signatures.witnesses) {
        doc.moveDown(0.6).text('Saksi-saksi:', left, doc.y, { width, align: 'center' }).moveDown(0.3);
        signatures(doc, [
          ['Saksi 1', '....................'],
          ['Saksi 2', '....................'],
        ]);
      }
      doc.addPage();
      doc.font('Helvetica-Bold').fontSize(12).text(agreement.scheduleTitle, { align: 'center' }).moveDown(0.8);
      grid(
        doc,
        [
          { share: 6, align: 'right' },
          { share: 14 },
          { share: 18, align: 'right' },
          { share: 16, align: 'right' },
          { share: 18, align: 'right' },
          { share: 18, align: 'right' },
        ],
        agreement.scheduleHeader,
        agreement.scheduleRows,
        { fontSize: 9 },
      );
      if (agreement.scheduleNote) doc.moveDown(0.6).fontSize(9).text(agreement.scheduleNote, left, doc.y, { width });
    },
    { title: `${agreement.title} ${agreement.number}`, compress: options.compress },
  );
}

/** The kartu angsuran: the schedule with what is paid, then every payment. */
export function renderPassbook(passbook: Passbook, options: { compress?: boolean } = {}): Promise<Buffer> {
  return renderPdf(
    (doc) => {
      const left = doc.page.margins.left;
      const width = doc.page.width - left - doc.page.margins.right;
      doc.font('Helvetica-Bold').fontSize(14).text(passbook.title, { align: 'center' });
      doc.font('Helvetica').fontSize(9.5).text(passbook.organisation, { align: 'center' }).moveDown(1);
      doc.fontSize(10);
      for (const [label, value] of passbook.particulars) particular(doc, label, value, 120);
      doc.moveDown(0.8).font('Helvetica-Bold').text('Jadwal angsuran', left, doc.y, { width }).moveDown(0.3);
      grid(
        doc,
        [
          { share: 5, align: 'right' },
          { share: 12 },
          { share: 13, align: 'right' },
          { share: 12, align: 'right' },
          { share: 10, align: 'right' },
          { share: 13, align: 'right' },
          { share: 13, align: 'right' },
          { share: 14 },
        ],
        passbook.scheduleHeader,
        passbook.scheduleRows,
        { fontSize: 8.5 },
      );
      doc.moveDown(0.8).font('Helvetica-Bold').fontSize(10).text('Pembayaran', left, doc.y, { width }).moveDown(0.3);
      if (passbook.paymentRows.length === 0) doc.font('Helvetica').text('Belum ada pembayaran.', left, doc.y, { width });
      else
        grid(
          doc,
          [
            { share: 11 },
            { share: 22 },
            { share: 12, align: 'right' },
            { share: 11, align: 'right' },
            { share: 9, align: 'right' },
            { share: 12, align: 'right' },
            { share: 13, align: 'right' },
            { share: 10 },
          ],
          passbook.paymentsHeader,
          passbook.paymentRows,
          { fontSize: 8 },
        );
      doc.moveDown(0.8).font('Helvetica').fontSize(10);
      for (const [label, value] of passbook.summary) particular(doc, label, value, 120);
      doc.moveDown(0.8).fontSize(8).fillColor('#555555').text(passbook.printed, left, doc.y, { width }).fillColor('black');
    },
    { title: `${passbook.title} ${passbook.particulars[2]?.[1] ?? ''}`, compress: options.compress },
  );
}

/** A group's collection sheet on one A4 page, landscape: rows shrink to fit up to about forty members. */
export function renderCollectionSheet(sheet: CollectionSheet, options: { compress?: boolean } = {}): Promise<Buffer> {
  return renderPdf(
    (doc) => {
      const left = doc.page.margins.left;
      const width = doc.page.width - left - doc.page.margins.right;
      doc.font('Helvetica-Bold').fontSize(13).text(sheet.title, { align: 'center' });
      doc.font('Helvetica').fontSize(9).text(sheet.subtitle, { align: 'center' }).moveDown(0.6);
      const metaY = doc.y;
      sheet.meta.forEach(([label, value], i) => {
        const x = left + (i % 2) * (width / 2);
        const y = metaY + Math.floor(i / 2) * 13;
        doc
          .font('Helvetica')
          .fontSize(9.5)
          .text(`${label}: ${value}`, x, y, { width: width / 2 - 8, lineBreak: false });
      });
      doc.x = left;
      doc.y = metaY + Math.ceil(sheet.meta.length / 2) * 13 + 6;
      // Room for the signatures below the table; rows share what is left (room to write by hand),
      // and a big group gets a smaller type so that the sheet stays one page.
      const room = doc.page.height - doc.page.margins.bottom - doc.y - 70;
      const rowHeight = Math.max(12, Math.min(24, room / (sheet.rows.length + 2)));
      const compact = rowHeight < 15;
      grid(
        doc,
        [
          { share: 4, align: 'right' },
          { share: 20 },
          { share: 17 },
          { share: 4, align: 'right' },
          { share: 10, align: 'right' },
          { share: 10, align: 'right' },
          { share: 10, align: 'right' },
          { share: 11, align: 'right' },
          { share: 11 },
          { share: 8 },
        ],
        sheet.header,
        [...sheet.rows, sheet.totals],
        { fontSize: compact ? 7.5 : 9, pad: compact ? 2 : 3, minRowHeight: rowHeight, boldLastRow: true },
      );
      doc.moveDown(0.6).fontSize(9);
      if (doc.y > doc.page.height - doc.page.margins.bottom - 46) doc.addPage();
      signatures(doc, sheet.signatures, 32);
    },
    { title: `${sheet.title} ${sheet.meta[0]?.[1] ?? ''}`, compress: options.compress, layout: 'landscape', margin: 30 },
  );
}
