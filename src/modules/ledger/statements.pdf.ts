import { formatDateLong } from '../../core/format.ts';
import { type Pdf, renderPdf } from '../../pdf/document.ts';
import { type PrintedStatement, type PrintLine, printedAmount } from './statements.rules.ts';

export type StatementDocument = PrintedStatement & { organisation: string; printedOn: string };

const CODE_WIDTH = 56;
const AMOUNT_WIDTH = 120;
const INDENT = 12;

const FONTS: Record<PrintLine['style'], { font: string; size: number }> = {
  section: { font: 'Helvetica-Bold', size: 11 },
  header: { font: 'Helvetica-Bold', size: 10 },
  account: { font: 'Helvetica', size: 10 },
  result: { font: 'Helvetica-Oblique', size: 10 },
  total: { font: 'Helvetica-Bold', size: 10 },
  grandTotal: { font: 'Helvetica-Bold', size: 11 },
  blank: { font: 'Helvetica', size: 6 },
};

function drawLine(doc: Pdf, line: PrintLine) {
  const left = doc.page.margins.left;
  const right = doc.page.width - doc.page.margins.right;
  const amountX = right - AMOUNT_WIDTH;
  const { font, size } = FONTS[line.style];
  doc.font(font).fontSize(size);
  if (line.style === 'blank') {
    doc.moveDown(0.6);
    return;
  }
  const nameX = left + CODE_WIDTH + Math.max(0, line.level - 1) * INDENT;
  const nameWidth = amountX - nameX - 8;
  const height = Math.max(doc.heightOfString(line.text || ' ', { width: nameWidth }), doc.currentLineHeight()) + 3;
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const y = doc.y;
  if (line.style === 'total' || line.style === 'grandTotal')
    doc
      .moveTo(amountX, y - 1)
      .lineTo(right, y - 1)
      .lineWidth(0.6)
      .stroke();
  if (line.code && line.style !== 'section') doc.text(line.code, left, y, { width: CODE_WIDTH - 4, lineBreak: false });
  const textX = line.style === 'section' || line.style === 'total' || line.style === 'grandTotal' ? left : nameX;
  doc.text(line.text, textX, y, { width: amountX - textX - 8 });
  if (line.amount !== null) doc.text(printedAmount(line.amount), amountX, y, { width: AMOUNT_WIDTH, align: 'right', lineBreak: false });
  if (line.style === 'grandTotal') {
    doc
      .moveTo(amountX, y + height - 1)
      .lineTo(right, y + height - 1)
      .lineWidth(0.6)
      .stroke();
    doc
      .moveTo(amountX, y + height + 1)
      .lineTo(right, y + height + 1)
      .stroke();
  }
  doc.x = left;
  doc.y = y + height;
}

/** A statement on A4: organisation, title, date or period, office; code, account and amount columns. */
export function renderStatementPdf(statement: StatementDocument, options: { compress?: boolean } = {}): Promise<Buffer> {
  return renderPdf(
    (doc) => {
      const left = doc.page.margins.left;
      const width = doc.page.width - left - doc.page.margins.right;
      doc.font('Helvetica-Bold').fontSize(12).text(statement.organisation, { align: 'center' });
      doc.fontSize(14).text(statement.title, { align: 'center' });
      doc.font('Helvetica').fontSize(10).text(statement.subtitle, { align: 'center' });
      doc.text(statement.office, { align: 'center' }).moveDown(0.4);
      doc.text('(dalam rupiah)', { align: 'center' }).moveDown(1);
      const y = doc.y;
      doc.font('Helvetica-Bold').fontSize(9);
      doc.text('Kode', left, y, { width: CODE_WIDTH, lineBreak: false });
      doc.text('Akun', left + CODE_WIDTH, y, { width: 200, lineBreak: false });
      doc.text('Jumlah', left + width - AMOUNT_WIDTH, y, { width: AMOUNT_WIDTH, align: 'right', lineBreak: false });
      doc
        .moveTo(left, y + 13)
        .lineTo(left + width, y + 13)
        .lineWidth(0.8)
        .stroke();
      doc.x = left;
      doc.y = y + 18;
      for (const line of statement.lines) drawLine(doc, line);
      doc.moveDown(2).font('Helvetica').fontSize(8).fillColor('#555555');
      doc.text(`Dicetak dari Jaring pada ${formatDateLong(statement.printedOn)}.`, left, doc.y, { width });
      doc.fillColor('black');
    },
    { title: `${statement.title} ${statement.subtitle}`, compress: options.compress },
  );
}
