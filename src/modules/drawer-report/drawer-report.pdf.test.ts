import { describe, expect, it } from 'vitest';
import { pdfText } from '../../testing/pdf-text.ts';
import { renderDrawerReport } from './drawer-report.pdf.ts';
import type { DrawerReport, ReportMovement } from './drawer-report.schema.ts';

const movement = (memo: string, amount: string, direction: 'in' | 'out'): ReportMovement => ({
  entryId: `e-${memo}`,
  date: '2026-12-07',
  memo,
  sourceType: 'repayment',
  direction,
  amount,
  accounts: [],
  purpose: null,
  party: null,
  createdBy: 'u1',
  createdAt: '2026-12-07T01:30:00.000Z',
  memberName: 'Paijo Wibowo',
  recordedByName: 'Dewi Lestari',
});

const report = (movements: ReportMovement[]): DrawerReport => ({
  id: 'd1',
  officeId: 'o1',
  officeCode: 'YK01',
  officeName: 'Kantor Pusat Yogyakarta',
  cashier: { id: 'u1', username: 'kasir', fullName: 'Dewi Lestari' },
  businessDate: '2026-12-07',
  status: 'closed',
  openingFloat: '500000',
  cashIn: '101523816',
  cashOut: '0',
  expectedCash: '102023816',
  countedCash: '102023816',
  countedPieces: null,
  difference: '0',
  differenceEntryId: null,
  closingNote: null,
  openedBy: 'u1',
  openedAt: '2026-12-07T00:30:00.000Z',
  closedAt: '2026-12-07T10:00:00.000Z',
  closedBy: 'u1',
  organisation: { name: 'JKM Demo', address: null },
  office: { code: 'YK01', name: 'Kantor Pusat Yogyakarta' },
  cashierName: 'Dewi Lestari',
  supervisorName: 'Budi Santoso',
  openedByName: 'Dewi Lestari',
  closedByName: 'Dewi Lestari',
  movements,
  receipts: { count: movements.length, total: '101523816' },
  payments: { count: 0, total: '0' },
});

describe('end-of-day drawer report PDF', () => {
  it('keeps a financing number whole on its line, whatever its letters (a number split at a hyphen cannot be found)', async () => {
    // The widest hex letters (D, C) after the office and year: the purpose column must hold them with "Angsuran".
    const numbers = ['YK01-2026-DDDDDDDD', 'YK01-2026-B2E60F00', 'YK01-2026-CCCCCCCC'];
    const pdf = await renderDrawerReport(report(numbers.map((n) => movement(`Angsuran ${n}`, '1523816', 'in'))));
    const text = pdfText(pdf);
    for (const number of numbers) expect(text).toContain(`Angsuran ${number}`);
  });

  it('prints an amount of a hundred million rupiah whole in its column', async () => {
    const text = pdfText(await renderDrawerReport(report([movement('Setoran modal pengurus', '100000000', 'in')])));
    expect(text).toContain('Rp100.000.000');
  });
});
