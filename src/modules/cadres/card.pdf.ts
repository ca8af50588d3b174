import QRCode from 'qrcode';
import { formatDate } from '../../core/format.ts';
import { type Pdf, renderPdf } from '../../pdf/document.ts';
import { printableImage } from '../../pdf/image.ts';

/** ISO/IEC 7810 ID-1, the size of a bank card: 85.60 × 53.98 mm in points. */
export const CARD_SIZE: [number, number] = [242.65, 153.01];
const GREEN = '#1b5e20';
const GREY = '#495057';

export type CadreCard = {
  organisation: string;
  office: string;
  name: string;
  /** JPEG or PNG, printed in the photo box; without one the box says where to paste it. */
  photo?: { bytes: Buffer } | undefined;
  letterNumber: string;
  letterDate: string;
  signedBy: string;
  area: string;
  validUntil: string;
  verifyUrl: string;
};

/**
 * The QR code's modules, row by row (true = dark). Error correction M survives a scuffed
 * card; the URL is short enough that the symbol stays around version 9.
 */
export function qrMatrix(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, row) => Array.from({ length: modules.size }, (_, col) => Boolean(modules.get(row, col))));
}

/** Dark modules as filled rectangles, one per horizontal run, inside a white square with a 4-module quiet zone. */
function drawQr(doc: Pdf, matrix: boolean[][], x: number, y: number, size: number) {
  const unit = size / (matrix.length + 8);
  doc.rect(x, y, size, size).fill('#ffffff');
  matrix.forEach((row, r) => {
    let c = 0;
    while (c < row.length) {
      if (!row[c]) {
        c++;
        continue;
      }
      const start = c;
      while (row[c]) c++;
      doc.rect(x + (4 + start) * unit, y + (4 + r) * unit, (c - start) * unit, unit);
    }
  });
  doc.fill('#000000');
}

function field(doc: Pdf, label: string, value: string, x: number, y: number, width: number, lines = 1) {
  doc.font('Helvetica').fontSize(5.5).fillColor(GREY).text(label.toUpperCase(), x, y, { width, lineBreak: false });
  doc
    .font('Helvetica-Bold')
    .fontSize(7)
    .fillColor('#000000')
    .text(value, x, y + 6.5, { width, height: 8.5 * lines, ellipsis: true });
}

/**
 * A printable cadre ID card: the front names the cadre (photo pasted in the box), the back
 * carries the QR code of the verification page. Both sides are one page each, card-sized,
 * to print on card stock or on paper and laminate.
 */
export function renderCadreCard(card: CadreCard): Promise<Buffer> {
  const matrix = qrMatrix(card.verifyUrl);
  const [width, height] = CARD_SIZE;
  return renderPdf(
    (doc) => {
      // Front.
      doc.rect(0, 0, width, 32).fill(GREEN);
      doc
        .font('Helvetica')
        .fontSize(6.5)
        .fillColor('#ffffff')
        .text(card.organisation, 10, 6, { width: width - 20, height: 8, ellipsis: true });
      doc
        .font('Helvetica-Bold')
        .fontSize(12)
        .text('KADER JKN-KIS', 10, 16, { width: width - 20, lineBreak: false });
      doc.lineWidth(0.6).rect(10, 40, 50, 64).stroke(GREY);
      // A photo stored before uploads were checked may not read: the card is printed with the empty box instead.
      if (card.photo && printableImage(card.photo.bytes))
        doc.image(card.photo.bytes, 10.5, 40.5, { cover: [49, 63], align: 'center', valign: 'center' });
      else doc.font('Helvetica').fontSize(5.5).fillColor(GREY).text('Tempel foto\n2 × 3 cm', 10, 66, { width: 50, align: 'center' });
      const x = 68;
      const w = width - x - 10;
      doc.font('Helvetica-Bold').fontSize(10).fillColor('#000000').text(card.name, x, 40, { width: w, height: 12, ellipsis: true });
      field(doc, 'Nomor surat tugas', card.letterNumber, x, 56, w);
      field(doc, 'Wilayah tugas', card.area, x, 73, w, 2);
      field(doc, 'Berlaku sampai', formatDate(card.validUntil), x, 98, w);
      doc.rect(0, height - 26, width, 26).fill('#e9f5ec');
      doc
        .font('Helvetica')
        .fontSize(6)
        .fillColor(GREEN)
        .text(card.office, 10, height - 22, { width: width - 20, height: 8, ellipsis: true })
        .text('Periksa keaslian: pindai kode QR di balik kartu.', 10, height - 13, { width: width - 20, lineBreak: false });

      // Back.
      doc.addPage({ size: CARD_SIZE, margin: 0 });
      drawQr(doc, matrix, 8, 18, 117);
      doc.font('Helvetica-Bold').fontSize(8).fillColor(GREEN).text('Kader asli atau palsu?', 10, 7, { lineBreak: false });
      const tx = 132;
      const tw = width - tx - 10;
      doc
        .font('Helvetica')
        .fontSize(6)
        .fillColor('#000000')
        .text(
          'Pindai kode QR dengan kamera ponsel. Halaman resmi menampilkan nama, foto, status dan wilayah tugas kader ini. ' +
            'Bila muncul peringatan merah, jangan serahkan iuran atau data pribadi.',
          tx,
          20,
          { width: tw },
        );
      doc
        .font('Helvetica')
        .fontSize(5.5)
        .fillColor(GREY)
        .text(`Surat tugas ${formatDate(card.letterDate)}, ditandatangani ${card.signedBy}.`, tx, 92, {
          width: tw,
          height: 26,
          ellipsis: true,
        });
      doc.fontSize(5).text(new URL(card.verifyUrl).host, 10, height - 12, { width: width - 20, align: 'center', lineBreak: false });
    },
    { title: `Kartu kader JKN-KIS ${card.name}`, size: CARD_SIZE, margin: 0 },
  );
}
