import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { csvCell } from '../core/csv.ts';

export type RowPages = AsyncIterable<string[][]>;

/** CSV with a BOM (Excel opens it as UTF-8), streamed page by page. */
export function csvStream(header: string[], pages: RowPages): Readable {
  async function* lines() {
    yield `\uFEFF${header.join(',')}\n`;
    for await (const page of pages) if (page.length > 0) yield `${page.map((cells) => cells.map(csvCell).join(',')).join('\n')}\n`;
  }
  return Readable.from(lines());
}

/** A one-sheet .xlsx, streamed; every cell is text so NIK and KK numbers keep their digits. */
export function xlsxStream(sheetName: string, header: string[], pages: RowPages): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet(sheetName);
  void (async () => {
    try {
      sheet.addRow(header).commit();
      for await (const page of pages) for (const cells of page) sheet.addRow(cells).commit();
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}

export const EXPORT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type ExportFormat = keyof typeof EXPORT_TYPES;

/**
 * The table as a file, streamed. The first page is read before anything is sent: a query that
 * fails is then answered as an error, where once the answer has begun it can only be cut off.
 */
export async function exportStream(format: ExportFormat, name: string, header: string[], pages: RowPages): Promise<Readable> {
  const rest = pages[Symbol.asyncIterator]();
  const first = await rest.next();
  async function* all() {
    if (first.done) return;
    yield first.value;
    for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
  }
  return format === 'csv' ? csvStream(header, all()) : xlsxStream(name, header, all());
}
