import ExcelJS from 'exceljs';
import { formatDateLong } from '../../core/format.ts';
import { type Pdf, renderPdf, table } from '../../pdf/document.ts';
import type { ProgressView } from './rollout.schema.ts';

/** The progress report as printed: the view with the programme, organisation and date (Bahasa Indonesia). */
export type ProgressDocument = ProgressView & { organisation: string; programme: string; printedOn: string };

const LEVEL_WORDS: Record<ProgressView['level'], string> = {
  province: 'provinsi',
  regency: 'kabupaten/kota',
  district: 'kecamatan',
};

export const PROGRESS_HEADER = ['Kode', 'Wilayah', 'Prioritas', 'Layak', 'Terdaftar', 'Berhak', 'Dibayar', 'Gagal', '% dibayar'];

const percentWords = (value: number) => `${value.toFixed(1).replace('.', ',')}%`;
const subtitleOf = (d: ProgressDocument) =>
  [
    `Per ${LEVEL_WORDS[d.level]}${d.parent ? ` di ${d.parent}` : ''}`,
    d.cycle ? `siklus ${d.cycle.name} (${formatDateLong(d.cycle.periodStart)} – ${formatDateLong(d.cycle.periodEnd)})` : 'belum ada siklus',
  ].join(', ');

/** Horizontal bars of the percent paid per region (priority regions darker), 100% at the right edge. */
function barChart(doc: Pdf, d: ProgressDocument) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const labelWidth = 150;
  const barWidth = width - labelWidth - 50;
  const barHeight = 10;
  doc.font('Helvetica-Bold').fontSize(11).text('Persentase dibayar per wilayah', left, doc.y).moveDown(0.5);
  doc.font('Helvetica').fontSize(8);
  for (const row of d.rows) {
    if (doc.y + barHeight + 6 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    doc
      .fillColor('black')
      .text(`${row.regionName}${row.priority ? ' *' : ''}`, left, y, { width: labelWidth - 6, lineBreak: false, ellipsis: true });
    doc
      .rect(left + labelWidth, y, barWidth, barHeight)
      .lineWidth(0.4)
      .stroke('#999999');
    const filled = (barWidth * Math.min(100, Math.max(0, row.percentPaid))) / 100;
    if (filled > 0) doc.rect(left + labelWidth, y, filled, barHeight).fill(row.priority ? '#1f5f8b' : '#6fa8d6');
    doc.fillColor('black').text(percentWords(row.percentPaid), left + labelWidth + barWidth + 6, y, { width: 44, lineBreak: false });
    doc.x = left;
    doc.y = y + barHeight + 6;
  }
  doc.moveDown(0.5).fontSize(8).fillColor('#555555').text('* wilayah prioritas', left, doc.y);
  doc.fillColor('black').strokeColor('black');
}

const rowCells = (r: ProgressView['rows'][number]) => [
  r.regionCode,
  r.regionName,
  r.priority ? 'ya' : '',
  String(r.eligible),
  String(r.enrolled),
  String(r.entitled),
  String(r.paid),
  String(r.failed),
  percentWords(r.percentPaid),
];

/** The progress report on A4 landscape: title, the table with totals, then the bar chart. */
export function renderProgressPdf(d: ProgressDocument, options: { compress?: boolean } = {}): Promise<Buffer> {
  return renderPdf(
    (doc) => {
      doc.font('Helvetica-Bold').fontSize(12).text(d.organisation, { align: 'center' });
      doc.fontSize(14).text(`Kemajuan penyaluran ${d.programme}`, { align: 'center' });
      doc.font('Helvetica').fontSize(10).text(subtitleOf(d), { align: 'center' }).moveDown(1);
      const t = d.totals;
      table(
        doc,
        [56, 190, 56, 60, 64, 60, 60, 52, 70],
        [
          ...d.rows.map(rowCells),
          [
            '',
            'Jumlah',
            '',
            String(t.eligible),
            String(t.enrolled),
            String(t.entitled),
            String(t.paid),
            String(t.failed),
            percentWords(t.percentPaid),
          ],
        ],
        PROGRESS_HEADER,
      );
      if (d.rows.length > 0) barChart(doc, d);
      doc.moveDown(1).font('Helvetica').fontSize(8).fillColor('#555555');
      doc.text(`Dicetak dari Jaring pada ${formatDateLong(d.printedOn)}.`, doc.page.margins.left, doc.y);
      doc.fillColor('black');
    },
    { title: `Kemajuan penyaluran ${d.programme}`, layout: 'landscape', margin: 40, compress: options.compress },
  );
}

/** The same report as a one-sheet workbook: counts as number cells, the percent with one decimal. */
export async function renderProgressXlsx(d: ProgressDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jaring';
  const sheet = workbook.addWorksheet('Kemajuan');
  sheet.columns = [{ width: 12 }, { width: 32 }, { width: 10 }, ...Array.from({ length: 6 }, () => ({ width: 12 }))];
  for (const text of [d.organisation, `Kemajuan penyaluran ${d.programme}`, subtitleOf(d)]) {
    const row = sheet.addRow([text]);
    row.font = { bold: text !== subtitleOf(d) };
    sheet.mergeCells(row.number, 1, row.number, PROGRESS_HEADER.length);
  }
  sheet.addRow([]);
  sheet.addRow(PROGRESS_HEADER).font = { bold: true };
  const numbers = (r: Omit<ProgressView['rows'][number], 'regionCode' | 'regionName' | 'priority'>) => [
    r.eligible,
    r.enrolled,
    r.entitled,
    r.paid,
    r.failed,
    r.percentPaid,
  ];
  for (const r of d.rows) sheet.addRow([r.regionCode, r.regionName, r.priority ? 'ya' : '', ...numbers(r)]).getCell(9).numFmt = '0.0';
  const total = sheet.addRow(['', 'Jumlah', '', ...numbers(d.totals)]);
  total.font = { bold: true };
  total.getCell(9).numFmt = '0.0';
  sheet.addRow([]);
  sheet.addRow(['', `Dibuat dari Jaring pada ${formatDateLong(d.printedOn)}.`]).font = { italic: true, size: 9 };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
