import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { csvCell } from '../../core/csv.ts';

const pad = (n: number) => String(n).padStart(2, '0');

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

/** The first worksheet of an .xlsx file (path or stream), streamed as CSV lines. */
export async function* xlsxLines(input: string | Readable): AsyncGenerator<string> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
  });
  for await (const worksheet of workbook) {
    for await (const row of worksheet) {
      const values = (row.values as unknown[]).slice(1); // ExcelJS rows are 1-based
      yield values.map((v) => csvCell(cellText(v))).join(',');
    }
    return; // only the first sheet
  }
}
