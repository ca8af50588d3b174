import { describe, expect, it } from 'vitest';
import { translate } from './messages.ts';

describe('message texts', () => {
  it('shows amount params as rupiah in both languages, and leaves an already formatted or missing param alone', () => {
    const params = { available: '1650000', needed: '3000000' };
    expect(translate('financing.fund_insufficient', 'id', params)).toBe(
      'Kas dana tidak cukup: tersedia Rp1.650.000, dibutuhkan Rp3.000.000. Pengajuan tetap di antrean.',
    );
    expect(translate('financing.fund_insufficient', 'en', params)).toBe(
      'The fund lacks cash: Rp1.650.000 available, Rp3.000.000 needed. The application stays in the queue.',
    );
    expect(translate('financing.overpayment', 'en', { owed: 'Rp6.300.000' })).toBe(
      'The amount exceeds what is owed (Rp6.300.000). Enter at most what is owed.',
    );
    expect(translate('financing.amount_outside_product', 'id', { min: '1000000' })).toBe(
      'Plafon produk ini Rp1.000.000 sampai {{max, rupiah}}.',
    );
  });

  it('inserts params as given: no HTML escaping, no i18next nesting from a param, an unknown code reads as a bad request', () => {
    expect(translate('users.username_taken', 'en', { username: '<b>&"$t(common.not_found)"' })).toBe(
      'Username "<b>&"$t(common.not_found)"" is taken.',
    );
    expect(translate('no.such_code', 'en', { context: 'x' })).toBe('The request cannot be processed.');
  });

  it('names the date that has not come', () => {
    expect(translate('common.date_in_future', 'id', { date: '2030-01-01' })).toBe('Tanggal 2030-01-01 belum tiba.');
  });
});
