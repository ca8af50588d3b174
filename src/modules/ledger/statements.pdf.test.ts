import { describe, expect, it } from 'vitest';
import { pdfText } from '../../testing/pdf-text.ts';
import { renderStatementPdf } from './statements.pdf.ts';
import { balanceSheetOf, type ChartAccount, printedBalanceSheet } from './statements.rules.ts';

const chart: ChartAccount[] = [
  { code: '1', name: 'Aset', type: 'asset', parentCode: null, contra: false },
  { code: '1.1', name: 'Kas dan setara kas', type: 'asset', parentCode: '1', contra: false },
  { code: '1.1.02', name: 'Kas di bank', type: 'asset', parentCode: '1.1', contra: false },
  { code: '2', name: 'Kewajiban', type: 'liability', parentCode: null, contra: false },
  { code: '3', name: 'Ekuitas', type: 'equity', parentCode: null, contra: false },
  { code: '3.2', name: 'Modal dana', type: 'equity', parentCode: '3', contra: false },
  { code: '3.2.02', name: 'Dana hibah / stimulus', type: 'equity', parentCode: '3.2', contra: false },
  { code: '4', name: 'Pendapatan', type: 'income', parentCode: null, contra: false },
  { code: '5', name: 'Beban', type: 'expense', parentCode: null, contra: false },
  { code: '5.2', name: 'Beban operasional', type: 'expense', parentCode: '5', contra: false },
  { code: '5.2.02', name: 'Beban operasional lain', type: 'expense', parentCode: '5.2', contra: false },
];

describe('statement PDF', () => {
  it('prints the organisation, title, date, office, accounts and totals in rupiah', async () => {
    const totals = new Map([
      ['1.1.02', { debit: 50_000_000n, credit: 150_000n }],
      ['3.2.02', { debit: 0n, credit: 50_000_000n }],
      ['5.2.02', { debit: 150_000n, credit: 0n }],
    ]);
    const view = { asOf: '2026-12-31', office: { code: 'YK01', name: 'Kantor Pusat' }, ...balanceSheetOf(chart, totals, totals, 'id') };
    const pdf = await renderStatementPdf(
      { ...printedBalanceSheet(view), organisation: 'KSPPS Sejahtera', printedOn: '2027-01-05' },
      { compress: false },
    );
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const expected of [
      'KSPPS Sejahtera',
      'NERACA',
      'Per Kamis, 31 Desember 2026',
      'Kantor YK01',
      'Kas di bank',
      'Rp49.850.000',
      'Laba/rugi tahun berjalan',
      '-Rp150.000',
      'JUMLAH KEWAJIBAN DAN EKUITAS',
    ])
      expect(text).toContain(expected);
  });
});
