import PDFDocument from 'pdfkit';

export type Pdf = InstanceType<typeof PDFDocument>;

/** A named paper size, or [width, height] in points (an ID card is 242.65 × 153.07). */
export type PageOptions = { size?: 'A4' | 'A5' | [number, number]; layout?: 'portrait' | 'landscape'; margin?: number };

/** A document in Helvetica (A4 portrait unless told); `render` draws, the promise gives the bytes. */
export function renderPdf(render: (doc: Pdf) => void, options: { title: string; compress?: boolean } & PageOptions): Promise<Buffer> {
  const doc = new PDFDocument({
    size: options.size ?? 'A4',
    layout: options.layout ?? 'portrait',
    margin: options.margin ?? 56,
    compress: options.compress ?? true,
    info: { Title: options.title, Producer: 'Jaring' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica');
  render(doc);
  doc.end();
  return done;
}

/** Rows of cells at fixed column widths; a new page when the page is full. */
export function table(doc: Pdf, widths: number[], rows: string[][], header: string[], fontSize = 10) {
  const left = doc.page.margins.left;
  const drawRow = (cells: string[], bold: boolean) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 30) doc.addPage();
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(fontSize);
    let x = left;
    let height = 0;
    cells.forEach((cell, i) => {
      const width = widths[i] ?? 100;
      doc.text(cell, x + 3, y + 3, { width: width - 6 });
      height = Math.max(height, doc.y - y + 3);
      x += width;
    });
    x = left;
    for (const width of widths) {
      doc.rect(x, y, width, height).stroke();
      x += width;
    }
    doc.x = left;
    doc.y = y + height;
  };
  drawRow(header, true);
  for (const row of rows) drawRow(row, false);
  doc.font('Helvetica').fontSize(11).moveDown();
}
