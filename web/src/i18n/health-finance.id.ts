/** Bahasa Indonesia for the health screens: members at risk and the repayment comparison. `health-finance.en.ts` has the same keys. */
export const healthFinanceId = {
  healthFinance: {
    badge: {
      illSince: 'Sakit sejak {{date}}',
      illUntil: 'Tidak dapat bekerja s.d. {{date}}',
      recovering: 'Pulih, sakit s.d. {{date}}',
      hint: 'Status kesehatan saja, tanpa diagnosis.',
    },
    atRisk: {
      title: 'Anggota berisiko',
      intro:
        'Anggota yang sakit sekarang atau dalam 30 hari terakhir dan punya angsuran menunggak atau jatuh tempo dalam 14 hari. Paling mendesak di atas.',
      office: 'Kantor',
      allOffices: 'Semua kantor saya',
      members: 'Anggota',
      overdueTotal: 'Tunggakan',
      dueTotal: 'Jatuh tempo 14 hari',
      asOf: 'per {{date}}',
      member: 'Anggota',
      village: 'Desa',
      group: 'Kelompok',
      financing: 'Pembiayaan',
      status: 'Status',
      nextDue: 'Jatuh tempo berikut',
      overdue: 'Tunggakan',
      daysPastDue: 'Hari tunggak',
      daysPastDueValue_one: '{{count}} hari',
      daysPastDueValue_other: '{{count}} hari',
      noGroup: 'Tanpa kelompok',
      empty: 'Tidak ada anggota sakit dengan angsuran jatuh tempo. Baik sekali.',
    },
    comparison: {
      title: 'Perbandingan pengembalian',
      intro:
        'Pengembalian anggota dalam pelayanan kesehatan (pemeriksaan atau hadir penyuluhan dalam 12 bulan terakhir) dibanding anggota lainnya.',
      from: 'Dari bulan',
      to: 'Sampai bulan',
      rangeInvalid: 'Bulan akhir harus sama atau sesudah bulan awal, paling banyak 36 bulan.',
      underCare: 'Dalam pelayanan',
      others: 'Lainnya',
      members: 'Anggota',
      onTime: 'Tepat waktu',
      par30: 'PAR30',
      meanDpd: 'Rata-rata hari tunggak',
      month: 'Bulan',
      chartTitle: 'Angsuran dibayar tepat waktu per bulan',
      pdf: 'Unduh PDF',
      xlsx: 'Unduh Excel',
      none: '—',
      empty: 'Belum ada pembiayaan pada periode ini.',
      definitions:
        'Tepat waktu: angsuran jatuh tempo di bulan itu yang lunas (pokok dan margin) paling lambat pada tanggal jatuh temponya. PAR30: sisa pokok pembiayaan yang menunggak 30 hari atau lebih dibagi seluruh sisa pokok pada akhir periode.',
    },
  },
};

export type HealthFinanceDictionary = typeof healthFinanceId;
