import ExcelJS from 'exceljs';
import { formatDate, formatRupiah } from '../../core/format.ts';
import { renderPdf, table } from '../../pdf/document.ts';
import type { ReportView } from './report.schema.ts';

/** What the letter needs beyond the report: the letterhead, the places and the people it is addressed to and signed by. */
export type LetterContext = {
  organisation: string;
  groupKind: string;
  village: string;
  district: string;
  city: string;
  ketua: string | null;
  pembina: string | null;
  lurah: string | null;
  letterDate: string;
};

const STATUS_ID: Record<ReportView['status'], string> = {
  draft: 'Konsep',
  submitted: 'Diajukan ke pembina',
  returned: 'Dikembalikan untuk perbaikan',
  accepted: 'Diterima pembina',
  acknowledged: 'Diketahui kelurahan',
  received: 'Diterima Dinas',
  superseded: 'Diganti versi baru',
};

/** The annex tables: each a title, column widths (PDF points), a header and rows. */
function annexes(report: ReportView) {
  const c = report.compiled;
  return [
    {
      title: 'Lampiran 1. Anggota kelompok',
      widths: [40, 440],
      header: ['No', 'Nama anggota'],
      rows: c.members.names.map((name, i) => [String(i + 1), name]),
    },
    {
      title: 'Lampiran 2. Perkembangan usaha anggota (per bulan)',
      widths: [90, 90, 75, 75, 75, 78],
      header: ['Pemilik', 'Usaha', 'Modal awal', 'Modal akhir', 'Laba awal', 'Laba akhir'],
      rows: c.businesses.items.map((b) => [
        b.owner,
        b.name,
        formatRupiah(b.start.capital),
        formatRupiah(b.end.capital),
        formatRupiah(b.start.profit),
        formatRupiah(b.end.profit),
      ]),
    },
    {
      title: 'Lampiran 3. Musyawarah dan kehadiran',
      widths: [100, 280, 103],
      header: ['Tanggal', 'Agenda', 'Hadir'],
      rows: c.meetings.items.map((m) => [formatDate(m.heldOn), m.agenda, `${m.present} dari ${m.total}`]),
    },
    {
      title: 'Lampiran 4. Aset produktif',
      widths: [100, 260, 123],
      header: ['Diterima', 'Barang', 'Nilai'],
      rows: c.assets.items.map((a) => [formatDate(a.receivedOn), a.item, formatRupiah(a.valueRupiah)]),
    },
  ];
}

/** The summary lines of the letter's body, in the order the Dinas reads them. */
function summary(report: ReportView): [string, string][] {
  const c = report.compiled;
  return [
    ['Jumlah anggota aktif', `${c.members.active} orang (masuk ${c.members.joined}, keluar ${c.members.left})`],
    ['Usaha anggota aktif', `${c.businesses.count} usaha`],
    ['Modal usaha awal → akhir', `${formatRupiah(c.businesses.start.capital)} → ${formatRupiah(c.businesses.end.capital)}`],
    ['Omzet per bulan awal → akhir', `${formatRupiah(c.businesses.start.revenue)} → ${formatRupiah(c.businesses.end.revenue)}`],
    ['Laba per bulan awal → akhir', `${formatRupiah(c.businesses.start.profit)} → ${formatRupiah(c.businesses.end.profit)}`],
    ['Stimulan diterima', formatRupiah(c.stimulus.stimulusRupiah)],
    [
      'Stimulan digulirkan',
      `${formatRupiah(c.stimulus.revolvedRupiah)} kepada ${c.stimulus.families} keluarga dalam ${c.stimulus.rounds} putaran (pengganda ${c.stimulus.multiplier})`,
    ],
    ['Tunggakan', `${formatRupiah(c.arrears.overdueRupiah)} (${c.arrears.recipientsInArrears} penerima)`],
    ['Musyawarah', `${c.meetings.held} kali, kehadiran ${c.meetings.attendancePercent.replace('.', ',')}%`],
    ['Aset produktif', `${c.assets.count} barang senilai ${formatRupiah(c.assets.valueRupiah)}`],
  ];
}

/** The report as an official letter: kop surat, nomor, lampiran, perihal, kepada Yth., body, signatures, tembusan, annexes. */
export function renderReportLetter(report: ReportView, letter: LetterContext, options: { compress?: boolean } = {}): Promise<Buffer> {
  const tables = annexes(report);
  return renderPdf(
    (doc) => {
      const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
      doc
        .font('Helvetica-Bold')
        .fontSize(13)
        .text(`KELOMPOK ${letter.groupKind.toUpperCase()} "${report.groupName.toUpperCase()}"`, { align: 'center' });
      doc
        .font('Helvetica')
        .fontSize(10)
        .text(`Kelurahan ${letter.village}, Kecamatan ${letter.district}, ${letter.city}`, { align: 'center' });
      doc.text(`Binaan ${letter.organisation}`, { align: 'center' });
      const y = doc.y + 4;
      doc
        .moveTo(doc.page.margins.left, y)
        .lineTo(doc.page.margins.left + width, y)
        .lineWidth(2)
        .stroke()
        .lineWidth(1);
      doc.moveDown(1.2).fontSize(11);
      const left = doc.page.margins.left;
      const field = (label: string, value: string) => {
        const at = doc.y;
        doc.text(label, left, at, { width: 70 });
        doc.text(`: ${value}`, left + 70, at, { width: width - 70 });
      };
      field('Nomor', report.number + (report.version > 1 ? ` (versi ${report.version})` : ''));
      field('Lampiran', `${tables.length} berkas`);
      field('Perihal', `Laporan Kegiatan Kelompok Periode ${formatDate(report.periodStart)} s.d. ${formatDate(report.periodEnd)}`);
      doc.moveDown();
      doc.text('Kepada Yth.', left).text(`Kepala ${letter.organisation}`).text(`di ${letter.city}`).moveDown();
      doc.text(
        `Dengan hormat, bersama ini kami sampaikan laporan kegiatan kelompok ${report.groupName} untuk periode ` +
          `${formatDate(report.periodStart)} sampai dengan ${formatDate(report.periodEnd)} sebagai berikut:`,
        { align: 'justify' },
      );
      doc.moveDown(0.5);
      for (const [label, value] of summary(report)) {
        const at = doc.y;
        doc.text(`• ${label}`, left + 10, at, { width: 190 });
        doc.text(`: ${value}`, left + 200, at, { width: width - 200 });
      }
      doc.x = left;
      doc.moveDown();
      doc
        .font('Helvetica-Bold')
        .text('Uraian kegiatan')
        .font('Helvetica')
        .text(report.narrative || '-', { align: 'justify' })
        .moveDown(0.5);
      doc
        .font('Helvetica-Bold')
        .text('Permasalahan')
        .font('Helvetica')
        .text(report.problems || '-', { align: 'justify' })
        .moveDown(0.5);
      doc.text('Demikian laporan ini kami sampaikan. Atas perhatian Bapak/Ibu kami ucapkan terima kasih.').moveDown();
      doc
        .text(`${letter.village}, ${formatDate(letter.letterDate)}`, left + width - 200, doc.y, { width: 200, align: 'center' })
        .moveDown();
      const signY = doc.y;
      const column = (x: number, title: string, name: string | null, signed?: string) => {
        doc.text(title, x, signY, { width: 160, align: 'center' });
        if (signed)
          doc
            .fontSize(8)
            .text(signed, x, signY + 30, { width: 160, align: 'center' })
            .fontSize(11);
        doc.text(`( ${name ?? '....................'} )`, x, signY + 60, { width: 160, align: 'center' });
      };
      const signedAt = (step: string) => {
        const s = report.steps.filter((x) => x.step === step).at(-1);
        return s ? `ditandatangani elektronik oleh ${s.byName}, ${s.at.slice(0, 16).replace('T', ' ')} UTC` : undefined;
      };
      column(left, 'Ketua Kelompok', letter.ketua, signedAt('submitted'));
      column(left + width - 160, 'Pembina', letter.pembina, signedAt('accepted'));
      doc.x = left;
      doc.y = signY + 90;
      column(left + (width - 160) / 2, 'Mengetahui,\nLurah', letter.lurah, signedAt('acknowledged'));
      doc.x = left;
      doc.y = signY + 170;
      doc.fontSize(10).text('Tembusan:', left).text(`1. Camat ${letter.district}`).text('2. Arsip');
      doc.fontSize(8).moveDown().text(`Status: ${STATUS_ID[report.status]}. Dibuat dari Jaring.`);
      for (const annex of tables) {
        doc.addPage();
        doc.font('Helvetica-Bold').fontSize(11).text(annex.title).font('Helvetica').moveDown(0.5);
        doc.fontSize(9).text(`Nomor: ${report.number}`).moveDown(0.5);
        table(doc, annex.widths, annex.rows.length > 0 ? annex.rows : [annex.header.map(() => '-')], annex.header);
      }
    },
    { title: `Laporan ${report.groupName} ${report.periodEnd}`, compress: options.compress },
  );
}

const RUPIAH_FORMAT = '"Rp"#,##0;-"Rp"#,##0;"Rp"0';

/** The report as a workbook: a summary sheet and one sheet per annex; amounts are number cells in rupiah. */
export async function renderReportXlsx(report: ReportView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jaring';
  const front = workbook.addWorksheet('Laporan');
  front.columns = [{ width: 32 }, { width: 80 }];
  for (const row of [
    ['Nomor', report.number],
    ['Kelompok', report.groupName],
    ['Periode', `${report.periodStart} s.d. ${report.periodEnd}`],
    ['Status', STATUS_ID[report.status]],
    ...summary(report),
    ['Uraian kegiatan', report.narrative],
    ['Permasalahan', report.problems],
    ...report.steps.map((s) => [`Tahap: ${s.step}`, `${s.byName} (${s.byRole}) ${s.at} ${s.note}`.trim()]),
  ])
    front.addRow(row).getCell(1).font = { bold: true };
  const c = report.compiled;
  const money = (v: string) => (Number.isSafeInteger(Number(v)) ? Number(v) : v);
  const sheet = (name: string, header: string[], rows: (string | number)[][], moneyColumns: number[] = []) => {
    const ws = workbook.addWorksheet(name);
    ws.addRow(header).font = { bold: true };
    for (const r of rows) {
      const row = ws.addRow(r);
      for (const col of moneyColumns) row.getCell(col).numFmt = RUPIAH_FORMAT;
    }
    ws.columns.forEach((col) => {
      col.width = 20;
    });
  };
  sheet(
    'Anggota',
    ['No', 'Nama'],
    c.members.names.map((n, i) => [i + 1, n]),
  );
  sheet(
    'Usaha',
    ['Pemilik', 'Usaha', 'Modal awal', 'Modal akhir', 'Omzet awal', 'Omzet akhir', 'Biaya awal', 'Biaya akhir', 'Laba awal', 'Laba akhir'],
    c.businesses.items.map((b) => [
      b.owner,
      b.name,
      money(b.start.capital),
      money(b.end.capital),
      money(b.start.revenue),
      money(b.end.revenue),
      money(b.start.costs),
      money(b.end.costs),
      money(b.start.profit),
      money(b.end.profit),
    ]),
    [3, 4, 5, 6, 7, 8, 9, 10],
  );
  sheet(
    'Musyawarah',
    ['Tanggal', 'Agenda', 'Hadir', 'Anggota'],
    c.meetings.items.map((m) => [m.heldOn, m.agenda, m.present, m.total]),
  );
  sheet(
    'Aset',
    ['Diterima', 'Barang', 'Nilai'],
    c.assets.items.map((a) => [a.receivedOn, a.item, money(a.valueRupiah)]),
    [3],
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
