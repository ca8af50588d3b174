import ExcelJS from 'exceljs';
import { formatDateLong } from '../../core/format.ts';
import type { StatementDocument } from './statements.pdf.ts';

const RUPIAH_FORMAT = '"Rp"#,##0;-"Rp"#,##0;"Rp"0';

const excelAmount = (amount: string) => {
  const value = Number(amount);
  return Number.isSafeInteger(value) ? value : amount;
};

/**
 * A one-sheet workbook of a statement. Amounts are number cells (whole rupiah are exact as
 * numbers up to 9 × 10^15) in a rupiah format, so an accountant can add them up; a larger
 * amount would be written as text rather than rounded.
 */
export async function renderStatementXlsx(statement: StatementDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jaring';
  const sheet = workbook.addWorksheet(statement.title.slice(0, 31));
  sheet.columns = [{ width: 10 }, { width: 60 }, { width: 22 }];
  for (const text of [statement.organisation, statement.title, statement.subtitle, statement.office]) {
    const row = sheet.addRow([text]);
    row.font = { bold: text === statement.title || text === statement.organisation };
    sheet.mergeCells(row.number, 1, row.number, 3);
  }
  sheet.addRow([]);
  const header = sheet.addRow(['Kode', 'Akun', 'Jumlah (Rp)']);
  header.font = { bold: true };
  header.getCell(3).alignment = { horizontal: 'right' };
  for (const line of statement.lines) {
    if (line.style === 'blank') {
      sheet.addRow([]);
      continue;
    }
    const row = sheet.addRow([line.code, line.text, line.amount === null ? null : excelAmount(line.amount)]);
    row.getCell(2).alignment = { indent: Math.max(0, line.level - 1) * 2 };
    row.getCell(3).numFmt = RUPIAH_FORMAT;
    row.font = {
      bold: line.style !== 'account' && line.style !== 'result',
      italic: line.style === 'result',
    };
    if (line.style === 'total' || line.style === 'grandTotal')
      row.getCell(3).border = { top: { style: 'thin' }, bottom: line.style === 'grandTotal' ? { style: 'double' } : undefined };
  }
  sheet.addRow([]);
  sheet.addRow(['', `Dibuat dari Jaring pada ${formatDateLong(statement.printedOn)}.`]).font = { italic: true, size: 9 };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
