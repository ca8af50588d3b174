import { formatDate } from '../../core/format.ts';
import { renderPdf } from '../../pdf/document.ts';

export type AssignmentLetter = {
  organisation: { name: string; address: string | null; contact: string | null };
  office: { code: string; name: string };
  letterNumber: string;
  letterDate: string;
  validUntil: string;
  cadre: { name: string; nik: string; phone: string };
  villages: { code: string; name: string }[];
  /** The title on record ("Kepala Cabang Kabupaten Bandung") and the full name of whoever holds it now. */
  signatory: { title: string; name: string | null };
};

/**
 * A cadre's assignment letter (surat tugas) on A4: the organisation's letterhead, the number,
 * the cadre with NIK (masked for readers who do not see identities), the villages and the
 * period of assignment, signed by the head of the cadre's office by full name.
 */
export function renderAssignmentLetter(letter: AssignmentLetter, options: { compress?: boolean } = {}): Promise<Buffer> {
  return renderPdf(
    (doc) => {
      const left = doc.page.margins.left;
      const width = doc.page.width - left - doc.page.margins.right;
      doc.font('Helvetica-Bold').fontSize(14).text(letter.organisation.name.toUpperCase(), { align: 'center' });
      doc.font('Helvetica').fontSize(10).text(`${letter.office.name} (${letter.office.code})`, { align: 'center' });
      if (letter.organisation.address) doc.text(letter.organisation.address, { align: 'center' });
      if (letter.organisation.contact) doc.text(`Telepon/WhatsApp: ${letter.organisation.contact}`, { align: 'center' });
      const ruleY = doc.y + 4;
      doc
        .moveTo(left, ruleY)
        .lineTo(left + width, ruleY)
        .lineWidth(2)
        .stroke()
        .lineWidth(1);
      doc.moveDown(1.5);
      doc.font('Helvetica-Bold').fontSize(13).text('SURAT TUGAS', { align: 'center', underline: true });
      doc.font('Helvetica').fontSize(11).text(`Nomor: ${letter.letterNumber}`, { align: 'center' }).moveDown(1.5);

      const head = letter.signatory.name ?? '.................................';
      doc.text(`Yang bertanda tangan di bawah ini, ${head}, ${letter.signatory.title}, dengan ini menugaskan:`, left, doc.y, {
        width,
        align: 'justify',
      });
      doc.moveDown(0.6);
      const field = (label: string, value: string) => {
        const y = doc.y;
        doc.text(label, left + 20, y, { width: 110 });
        doc.text(`: ${value}`, left + 130, y, { width: width - 130 });
      };
      field('Nama', letter.cadre.name);
      field('NIK', letter.cadre.nik);
      field('Telepon', letter.cadre.phone || '-');
      field('Tugas', 'Kader JKN-KIS');
      doc.x = left;
      doc.moveDown(0.8);
      doc.text('untuk bertugas di wilayah berikut:', left, doc.y, { width });
      doc.moveDown(0.3);
      letter.villages.forEach((village, i) => {
        doc.text(`${i + 1}. ${village.name} (${village.code})`, left + 20, doc.y, { width: width - 20 });
      });
      doc.x = left;
      doc.moveDown(0.8);
      doc.text(`Masa tugas: ${formatDate(letter.letterDate)} sampai dengan ${formatDate(letter.validUntil)}.`, left, doc.y, { width });
      doc.moveDown(0.6);
      doc.text(
        'Kader bertugas mendampingi keluarga di wilayah tersebut: mendaftarkan peserta JKN-KIS, mengingatkan dan menerima ' +
          'iuran dengan tanda terima, serta melaporkan kunjungan. Kader wajib membawa kartu kader dan surat tugas ini, dan ' +
          'tidak boleh menerima uang tanpa memberikan tanda terima.',
        left,
        doc.y,
        { width, align: 'justify' },
      );
      doc.moveDown(0.6);
      doc.text('Demikian surat tugas ini dibuat untuk dilaksanakan dengan penuh tanggung jawab.', left, doc.y, { width });
      doc.moveDown(2);
      const x = left + width - 220;
      doc.text(`${letter.office.name}, ${formatDate(letter.letterDate)}`, x, doc.y, { width: 220, align: 'center' });
      doc.text(`${letter.signatory.title},`, x, doc.y, { width: 220, align: 'center' });
      doc.moveDown(4);
      doc.font('Helvetica-Bold').text(head, x, doc.y, { width: 220, align: 'center', underline: letter.signatory.name !== null });
      doc.x = left;
    },
    { title: `Surat tugas ${letter.letterNumber} ${letter.cadre.name}`, compress: options.compress },
  );
}
