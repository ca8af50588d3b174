import { formatDateLong } from '../../core/format.ts';
import { renderPdf, table } from '../../pdf/document.ts';

export type BeritaAcara = {
  group: { name: string; kindName: string; villages: string[] };
  meeting: { heldOn: string; place: string; agenda: string; decisions: string; minutes: string };
  attendance: { fullName: string; present: boolean }[];
  officers: { ketua?: string; sekretaris?: string };
  facilitator?: string;
};

/** The minutes of a musyawarah as the village and the social affairs office expect them. */
export function renderBeritaAcara(input: BeritaAcara, options: { compress?: boolean } = {}): Promise<Buffer> {
  const { group, meeting } = input;
  return renderPdf(
    (doc) => {
      doc.font('Helvetica-Bold').fontSize(14).text('BERITA ACARA MUSYAWARAH KELOMPOK', { align: 'center' });
      doc.font('Helvetica').fontSize(11).text(`${group.kindName} "${group.name}"`, { align: 'center' });
      doc.text(group.villages.join(', '), { align: 'center' }).moveDown(1.5);
      doc.text(
        `Pada hari ini, ${formatDateLong(meeting.heldOn)}, bertempat di ${meeting.place || '-'}, telah dilaksanakan musyawarah ` +
          `kelompok ${group.name} dengan agenda: ${meeting.agenda}`,
        { align: 'justify' },
      );
      doc.moveDown();
      const present = input.attendance.filter((a) => a.present).length;
      doc
        .font('Helvetica-Bold')
        .text(`Daftar hadir (${present} dari ${input.attendance.length} anggota hadir)`)
        .font('Helvetica')
        .moveDown(0.5);
      table(
        doc,
        [40, 300, 120],
        input.attendance.map((a, i) => [String(i + 1), a.fullName, a.present ? 'Hadir' : 'Tidak hadir']),
        ['No', 'Nama anggota', 'Kehadiran'],
      );
      doc
        .font('Helvetica-Bold')
        .text('Keputusan musyawarah')
        .font('Helvetica')
        .text(meeting.decisions || '-', { align: 'justify' })
        .moveDown();
      if (meeting.minutes)
        doc.font('Helvetica-Bold').text('Notulen').font('Helvetica').text(meeting.minutes, { align: 'justify' }).moveDown();
      doc.text('Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya.').moveDown(2);
      const y = doc.y;
      const column = (x: number, title: string, name?: string) => {
        doc.text(title, x, y, { width: 150, align: 'center' });
        doc.text(`( ${name ?? '....................'} )`, x, y + 60, { width: 150, align: 'center' });
      };
      column(56, 'Ketua Kelompok', input.officers.ketua);
      column(222, 'Sekretaris', input.officers.sekretaris);
      column(388, 'Pendamping', input.facilitator);
    },
    { title: `Berita acara ${group.name} ${meeting.heldOn}`, compress: options.compress },
  );
}
