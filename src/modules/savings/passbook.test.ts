import { describe, expect, it } from 'vitest';
import { pdfText } from '../../testing/pdf-text.ts';
import { renderPassbook } from './passbook.ts';

describe('passbook (buku tabungan) PDF', () => {
  it('names the member and account and lists every movement with debit, credit and balance', async () => {
    const pdf = await renderPassbook(
      {
        number: 'YK01-SS-000001',
        kind: 'sukarela',
        status: 'open',
        memberName: 'Sri Rahayu',
        nik: '3471014506800001',
        office: 'YK01 — Kantor Pusat Yogyakarta',
        openedOn: '2026-03-02',
        closedOn: null,
        balance: '125000',
        movements: [
          { seq: 1, date: '2026-03-02', type: 'deposit', amount: '200000', balanceAfter: '200000', note: null },
          { seq: 2, date: '2026-03-09', type: 'withdrawal', amount: '-75000', balanceAfter: '125000', note: 'biaya sekolah' },
        ],
      },
      { compress: false },
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('BUKU TABUNGAN');
    expect(text).toContain('SIMPANAN SUKARELA');
    expect(text).toContain('Sri Rahayu');
    expect(text).toContain('YK01-SS-000001');
    expect(text).toContain('Senin, 2 Maret 2026');
    expect(text).toContain('02/03/2026');
    expect(text).toContain('Setoran');
    expect(text).toContain('Penarikan: biaya sekolah');
    expect(text).toContain('200.000');
    expect(text).toContain('75.000');
    expect(text).toContain('Saldo akhir: Rp125.000');
  });
});
