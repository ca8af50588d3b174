import { describe, expect, it } from 'vitest';
import { pdfText } from '../../testing/pdf-text.ts';
import { renderAgreement, renderCollectionSheet, renderPassbook, renderReceipt } from './documents.pdf.ts';
import {
  type AgreementFacts,
  buildAgreement,
  buildCollectionSheet,
  buildPassbook,
  buildReceipt,
  collectionRows,
  type ReceiptFacts,
  receiptNumber,
  remainingAfter,
} from './documents.rules.ts';

const receiptFacts: ReceiptFacts = {
  organisation: 'JKM Demo',
  office: 'Kantor Pusat Yogyakarta (YK01)',
  place: 'Kantor Pusat Yogyakarta',
  financingNumber: 'YK01-2026-0A1B2C3D',
  sequence: 1,
  memberName: 'Sri Rahayu',
  nik: '3471014101800001',
  productName: 'Modal usaha flat 10%',
  kind: 'flat',
  paidOn: '2026-02-15',
  amount: '1100000',
  principal: '1000000',
  profit: '100000',
  penalty: '0',
  channel: 'counter',
  receivedBy: 'Dewi Lestari',
  remaining: { principal: '11000000', total: '12100000' },
  reversed: false,
  reversalReason: null,
};

describe('kuitansi', () => {
  it('states the amount in figures and words, the split and what is left', () => {
    const receipt = buildReceipt(receiptFacts);
    expect(receipt.number).toBe('KW/YK01-2026-0A1B2C3D/001');
    expect(receipt.amount).toBe('Rp1.100.000');
    expect(receipt.amountWords).toBe('satu juta seratus ribu rupiah');
    expect(receipt.breakdown).toEqual([
      ['Pokok', 'Rp1.000.000'],
      ['Bunga', 'Rp100.000'],
      ['Denda', 'Rp0'],
      ['Jumlah', 'Rp1.100.000'],
    ]);
    expect(receipt.remaining).toEqual([
      ['Sisa kewajiban', 'Rp12.100.000'],
      ['Sisa pokok', 'Rp11.000.000'],
    ]);
    expect(receipt.fields).toContainEqual(['Tanggal bayar', '15 Februari 2026']);
    expect(receipt.dateLine).toBe('Kantor Pusat Yogyakarta, 15 Februari 2026');
    expect(receipt.signatures).toEqual({ payer: 'Sri Rahayu', receiver: 'Dewi Lestari' });
    expect(receipt.stamp).toBeNull();
  });

  it('calls the profit margin for murabahah, sends sharia penalties to benevolence, and stamps a reversal', () => {
    const receipt = buildReceipt({ ...receiptFacts, kind: 'murabahah', reversed: true, reversalReason: 'salah anggota' });
    expect(receipt.breakdown.map(([label]) => label)).toEqual(['Pokok', 'Margin', 'Denda (dana kebajikan)', 'Jumlah']);
    expect(receipt.stamp).toEqual({ text: 'DIBATALKAN', note: 'Pembayaran ini dibatalkan: salah anggota' });
  });

  it('leaves what was owed after each repayment, late charges included, skipping reversed ones except on their own receipt', () => {
    // Owed now: 10,500,000 principal, 1,000,000 profit, 27,500 late charge still unpaid (of 32,500 charged).
    const owedNow = { principal: '10500000', profit: '1000000', penalty: '27500' };
    const repayments = [
      { id: 'a', principal: '1000000', profit: '100000', penalty: '0', reversed: false },
      { id: 'b', principal: '1000000', profit: '100000', penalty: '0', reversed: true },
      { id: 'c', principal: '500000', profit: '100000', penalty: '5000', reversed: false },
    ];
    expect(remainingAfter(owedNow, repayments, 'c')).toEqual({ principal: '10500000', total: '11527500' });
    expect(remainingAfter(owedNow, repayments, 'a')).toEqual({ principal: '11000000', total: '12132500' });
    expect(remainingAfter(owedNow, repayments, 'b')).toEqual({ principal: '10000000', total: '11032500' });
    expect(() => remainingAfter(owedNow, repayments, 'z')).toThrow();
    expect(receiptNumber('X', 12)).toBe('KW/X/012');
  });

  it('prints as an A5 PDF whose text carries the words and the stamp', async () => {
    const longest = { productName: 'Modal usaha mikro untuk pedagang pasar tradisional (flat 10% setahun)', amount: '987654321987654' };
    const pdf = await renderReceipt(buildReceipt({ ...receiptFacts, ...longest, reversed: true, reversalReason: 'salah anggota' }), {
      compress: false,
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 419\.53\]/);
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
    const text = pdfText(pdf);
    expect(text).toContain('KUITANSI PEMBAYARAN ANGSURAN');
    expect(text).toContain('Rp987.654.321.987.654');
    expect(text).toContain('sembilan ratus delapan puluh tujuh triliun');
    expect(text).toContain('DIBATALKAN');
    expect(text).toContain('( Dewi Lestari )');
  });
});

const agreementFacts: AgreementFacts = {
  organisation: 'JKM Demo',
  office: 'Kantor Pusat Yogyakarta (YK01)',
  place: 'Kantor Pusat Yogyakarta',
  financingNumber: 'YK01-2026-0A1B2C3D',
  memberName: 'Sri Rahayu',
  nik: '3471014101800001',
  village: 'Desa/Kel. Kricak',
  productName: 'Murabahah barang dagangan',
  kind: 'murabahah',
  ratePercent: '20',
  memberNisbahPercent: null,
  lkmCapitalPercent: null,
  frequency: 'monthly',
  penaltyPerMilleDaily: '1',
  penaltyCapPercent: '10',
  allocationOrder: ['penalty', 'profit', 'principal'],
  principal: '10000000',
  installments: 10,
  purpose: 'Stok warung sembako',
  disbursedOn: '2026-01-15',
  disbursementMethod: 'transfer',
  signedOn: '2026-01-15',
  lkmSignatory: 'Budi Santoso',
  totals: { principal: '10000000', profit: '2000000', total: '12000000' },
  schedule: Array.from({ length: 10 }, (_, i) => ({
    n: i + 1,
    dueDate: `2026-${String(i + 2).padStart(2, '0')}-15`,
    principal: '1000000',
    profit: '200000',
    total: '1200000',
  })),
};

describe('perjanjian and akad', () => {
  it('discloses the murabahah cost, margin and selling price, and sends disputes to the religious court', () => {
    const akad = buildAgreement(agreementFacts);
    expect(akad.title).toBe('AKAD MURABAHAH');
    expect(akad.basmalah).toBe(true);
    expect(akad.draft).toBe(false);
    const all = akad.articles.map((a) => `${a.heading} ${a.text}`).join('\n');
    expect(all).toContain('Harga perolehan barang Rp10.000.000 (sepuluh juta rupiah)');
    expect(all).toContain('margin keuntungan yang disepakati Rp2.000.000 (dua juta rupiah), yaitu 20% dari harga perolehan');
    expect(all).toContain('harga jual Rp12.000.000 (dua belas juta rupiah)');
    expect(all).toContain('dana kebajikan');
    expect(all).toContain('Pengadilan Agama');
    expect(akad.opening).toBe('Pada hari ini, Kamis, 15 Januari 2026, yang bertanda tangan di bawah ini:');
    expect(akad.scheduleRows[0]).toEqual(['1', '15/02/2026', 'Rp1.000.000', 'Rp200.000', 'Rp1.200.000', 'Rp10.800.000']);
    expect(akad.scheduleRows[9]?.[5]).toBe('Rp0');
  });

  it('writes the nisbah both ways for mudharabah and the capital shares for musyarakah', () => {
    const mudharabah = buildAgreement({ ...agreementFacts, kind: 'mudharabah', ratePercent: '0', memberNisbahPercent: '60' });
    expect(mudharabah.title).toBe('AKAD MUDHARABAH');
    const text = mudharabah.articles.map((a) => a.text).join(' ');
    expect(text).toContain('nisbah 60% untuk PIHAK KEDUA dan 40% untuk PIHAK PERTAMA');
    expect(text).toContain('ditanggung PIHAK PERTAMA sebagai pemilik modal, kecuali kerugian karena kelalaian');
    const fromDatabase = buildAgreement({
      ...agreementFacts,
      ratePercent: '20.0000',
      penaltyPerMilleDaily: '1.5000',
      penaltyCapPercent: '10.0000',
    });
    const written = fromDatabase.articles.map((a) => a.text).join(' ');
    expect(written).toContain('yaitu 20% dari harga perolehan');
    expect(written).toContain('denda 1.5 per mil per hari dari angsuran tertunggak, paling banyak 10% dari angsuran itu');
    const musyarakah = buildAgreement({
      ...agreementFacts,
      kind: 'musyarakah',
      ratePercent: '0',
      memberNisbahPercent: '62.5000',
      lkmCapitalPercent: '70.0000',
    });
    const shares = musyarakah.articles.map((a) => a.text).join(' ');
    expect(shares).toContain('nisbah 62.5% untuk PIHAK KEDUA dan 37.5% untuk PIHAK PERTAMA');
    expect(shares).toContain('PIHAK PERTAMA 70% dan PIHAK KEDUA 30%');
  });

  it('is a surat perjanjian with the yearly rate for conventional products, and a draft before disbursement', () => {
    const perjanjian = buildAgreement({
      ...agreementFacts,
      kind: 'flat',
      ratePercent: '10',
      disbursedOn: null,
      disbursementMethod: null,
      totals: { principal: '12000000', profit: '1200000', total: '13200000' },
    });
    expect(perjanjian.title).toBe('SURAT PERJANJIAN PEMBIAYAAN');
    expect(perjanjian.basmalah).toBe(false);
    expect(perjanjian.draft).toBe(true);
    const text = perjanjian.articles.map((a) => a.text).join(' ');
    expect(text).toContain('Bunga 10% per tahun, dihitung tetap (flat) dari pokok awal');
    expect(text).toContain('seluruh kewajiban Rp13.200.000 (tiga belas juta dua ratus ribu rupiah)');
    expect(text).toContain('Pengadilan Negeri');
    expect(buildAgreement({ ...agreementFacts, kind: 'qardh', ratePercent: '0' }).title).toBe('AKAD QARDH');
  });

  it('prints the akad with its schedule', async () => {
    const text = pdfText(await renderAgreement(buildAgreement(agreementFacts), { compress: false }));
    expect(text).toContain('AKAD MURABAHAH');
    expect(text).toContain('Bismillahirrahmanirrahim');
    expect(text).toContain('Lampiran: jadwal angsuran');
    expect(text).toContain('( Budi Santoso )');
  });
});

describe('kartu angsuran', () => {
  it('lists the schedule and each payment with the balance after it; a reversed one marked', async () => {
    const passbook = buildPassbook({
      organisation: 'JKM Demo',
      office: 'YK01',
      financingNumber: 'F-1',
      memberName: 'Sri Rahayu',
      nik: '3471********0001',
      productName: 'Flat',
      kind: 'flat',
      frequency: 'monthly',
      principal: '2000000',
      installments: 2,
      disbursedOn: '2026-01-15',
      status: 'disbursed',
      totals: { principal: '2000000', profit: '200000', total: '2200000' },
      owed: { principal: '1000000', profit: '100000', penalty: '0', total: '1100000' },
      schedule: [
        {
          n: 1,
          dueDate: '2026-02-15',
          principal: '1000000',
          profit: '100000',
          penalty: '0',
          total: '1100000',
          paid: '1100000',
          status: 'paid',
        },
        { n: 2, dueDate: '2026-03-15', principal: '1000000', profit: '100000', penalty: '0', total: '1100000', paid: '0', status: 'due' },
      ],
      repayments: [
        {
          id: 'a',
          paidOn: '2026-02-14',
          amount: '1100000',
          principal: '1000000',
          profit: '100000',
          penalty: '0',
          reversed: true,
          receivedBy: 'Dewi',
        },
        {
          id: 'b',
          paidOn: '2026-02-15',
          amount: '1100000',
          principal: '1000000',
          profit: '100000',
          penalty: '0',
          reversed: false,
          receivedBy: 'Dewi',
        },
      ],
      printedOn: '2026-02-16',
    });
    expect(passbook.scheduleRows[0]).toEqual(['1', '15/02/2026', '1.000.000', '100.000', '0', '1.100.000', '1.100.000', 'Lunas']);
    expect(passbook.paymentRows.map((r) => r[6])).toEqual(['DIBATALKAN', '1.100.000']);
    expect(passbook.paymentRows[1]?.[1]).toBe('KW/F-1/002');
    expect(passbook.summary).toContainEqual(['Jumlah dibayar', 'Rp1.100.000']);
    const text = pdfText(await renderPassbook(passbook, { compress: false }));
    expect(text).toContain('KARTU ANGSURAN');
    expect(text).toContain('KW/F-1/002');
  });
});

describe('collection sheet', () => {
  const financings = [
    {
      memberName: 'Yuni',
      number: 'F-2',
      outstanding: '3300000',
      instalments: [
        { n: 1, dueDate: '2026-02-15', owed: '0' },
        { n: 2, dueDate: '2026-03-15', owed: '1100000' },
        { n: 3, dueDate: '2026-04-15', owed: '1100000' },
      ],
    },
    {
      memberName: 'Asih',
      number: 'F-1',
      outstanding: '2200000',
      instalments: [
        { n: 1, dueDate: '2026-02-15', owed: '600000' },
        { n: 2, dueDate: '2026-03-15', owed: '1100000' },
        { n: 3, dueDate: '2026-04-15', owed: '500000' },
      ],
    },
    { memberName: 'Bagus', number: 'F-3', outstanding: '5000000', instalments: [{ n: 1, dueDate: '2026-04-01', owed: '500000' }] },
  ];

  it('takes the latest instalment due on the date and older arrears, members by name', () => {
    expect(collectionRows(financings, '2026-03-15')).toEqual([
      {
        no: 1,
        memberName: 'Asih',
        number: 'F-1',
        instalmentNo: '2',
        arrears: '600000',
        dueNow: '1100000',
        totalDue: '1700000',
        outstanding: '2200000',
      },
      { no: 2, memberName: 'Bagus', number: 'F-3', instalmentNo: '-', arrears: '0', dueNow: '0', totalDue: '0', outstanding: '5000000' },
      {
        no: 3,
        memberName: 'Yuni',
        number: 'F-2',
        instalmentNo: '2',
        arrears: '0',
        dueNow: '1100000',
        totalDue: '1100000',
        outstanding: '3300000',
      },
    ]);
  });

  it('fits a thirty-member group on one landscape page with empty columns and totals', async () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      ...financings[0],
      memberName: `Anggota ${String(i + 1).padStart(2, '0')}`,
      number: `F-${i}`,
    }));
    const sheet = buildCollectionSheet({
      organisation: 'JKM Demo',
      office: 'YK01',
      groupName: 'USEP Mawar',
      groupKind: 'USEP KM',
      date: '2026-03-15',
      facilitator: 'Sri Wahyuni',
      chair: 'Asih',
      treasurer: null,
      financings: many as typeof financings,
    });
    expect(sheet.header.slice(-2)).toEqual(['Dibayar (Rp)', 'Paraf']);
    expect(sheet.rows.every((row) => row[8] === '' && row[9] === '')).toBe(true);
    expect(sheet.totals[6]).toBe('33.000.000');
    const pdf = await renderCollectionSheet(sheet, { compress: false });
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
    const text = pdfText(pdf);
    expect(text).toContain('LEMBAR TAGIHAN ANGSURAN KELOMPOK');
    expect(text).toContain('Minggu, 15 Maret 2026');
    expect(text).toContain('Anggota 30');
  });
});
