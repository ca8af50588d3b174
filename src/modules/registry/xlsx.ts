import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError, invalid } from '../../core/errors.ts';
import type { CsvRecord } from '../../export/read-csv.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const ZIP_SIGNATURE = Buffer.from('PK\x03\x04', 'latin1');

/** An Excel cell as the text a CSV would hold: dates DD-MM-YYYY, long numbers without exponent. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return `${pad(value.getUTCDate())}-${pad(value.getUTCMonth() + 1)}-${value.getUTCFullYear()}`;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'object') {
    const v = value as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if (v.result !== undefined) return cellText(v.result);
    if (v.text !== undefined) return String(v.text);
  }
  return String(value);
}

async function startsLikeZip(input: Buffer | string): Promise<boolean> {
  if (Buffer.isBuffer(input)) return input.subarray(0, 4).equals(ZIP_SIGNATURE);
  const file = await open(input, 'r');
  try {
    const head = Buffer.alloc(4);
    await file.read(head, 0, 4, 0);
    return head.equals(ZIP_SIGNATURE);
  } finally {
    await file.close();
  }
}

/**
 * The first worksheet of an .xlsx file (a path or its bytes), streamed as records like
 * readCsv's: the row number as the line, empty cells up to the header's width as ''. Anything
 * that is not a workbook is refused as invalid on `field` (ExcelJS never settles on empty input).
 */
export async function* xlsxRecords(input: Buffer | string, options: { field?: string } = {}): AsyncGenerator<CsvRecord> {
  const unreadable = () => invalid('xlsx.unreadable', options.field ?? 'body');
  if (!(await startsLikeZip(input))) throw unreadable();
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(Buffer.isBuffer(input) ? Readable.from([input]) : input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
  });
  let width = 0;
  try {
    for await (const worksheet of workbook) {
      for await (const row of worksheet) {
        const values = (row.values as unknown[]).slice(1); // ExcelJS rows are 1-based
        width ||= values.length;
        yield { line: row.number, cells: Array.from({ length: Math.max(width, values.length) }, (_, i) => cellText(values[i])) };
      }
      return; // only the first sheet
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unreadable();
  }
  throw unreadable(); // a zip without a worksheet
}
