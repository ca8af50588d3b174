import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from '../../testing/server.ts';

describe('JKN quote contracts', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite', { serveWeb: false });
  });
  afterAll(async () => server.close());

  it('quotes contributions exactly as the contract says', async () => {
    const response = await new ApiClient(server.url).post('/api/v1/jkn/quote', {
      class: 'III',
      persons: 3,
      paidThrough: '2024-11',
      asOf: '2025-01-15',
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      status: 'inactive',
      monthlyDue: '105000',
      arrearsMonths: 1,
      billedArrearsMonths: 1,
      arrearsAmount: '105000',
      currentMonthAmount: '105000',
      reactivationTotal: '210000',
      rehabEligible: false,
    });
  });

  it('quotes 60 months of class III arrears for one person as 24 billed months: Rp875.000 to reactivate', async () => {
    const response = await new ApiClient(server.url).post('/api/v1/jkn/quote', {
      class: 'III',
      persons: 1,
      paidThrough: '2020-12',
      asOf: '2026-01-15',
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      status: 'inactive',
      monthlyDue: '35000',
      arrearsMonths: 60,
      billedArrearsMonths: 24,
      arrearsAmount: '840000',
      currentMonthAmount: '35000',
      reactivationTotal: '875000',
      rehabEligible: true,
    });
  });

  it('caps the penalty on a Rp60.000.000 tariff × 12 months at Rp30.000.000', async () => {
    const response = await new ApiClient(server.url).post('/api/v1/jkn/penalty-quote', {
      reactivatedOn: '2021-01-02',
      admittedOn: '2021-02-16',
      careType: 'inpatient',
      inaCbgTariff: '60000000',
      monthsInArrears: 12,
      segment: 'PPU',
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      penalty: '30000000',
      reasonCode: 'jkn.penalty.capped',
      reason: 'Denda dibatasi paling banyak Rp30.000.000.',
    });
  });

  it('quotes the inpatient penalty with a reason in the request’s language', async () => {
    const body = {
      reactivatedOn: '2021-01-02',
      admittedOn: '2021-02-16',
      careType: 'inpatient',
      inaCbgTariff: '10000000',
      monthsInArrears: 6,
      segment: 'PBPU',
    };
    const response = await new ApiClient(server.url, { 'accept-language': 'en' }).post('/api/v1/jkn/penalty-quote', body);
    expect(response.body).toEqual({
      penalty: '3000000',
      reasonCode: 'jkn.penalty.penalty_applies',
      reason: 'Inpatient care within 45 days after reactivation: penalty Rp3.000.000 for 6 months in arrears.',
    });
  });

  it('refuses an admission before the reactivation with 422 on admittedOn, in the request’s language', async () => {
    const body = {
      reactivatedOn: '2021-01-02',
      admittedOn: '2020-12-20',
      careType: 'inpatient',
      inaCbgTariff: '10000000',
      monthsInArrears: 6,
      segment: 'PBPU',
    };
    const response = await new ApiClient(server.url).post('/api/v1/jkn/penalty-quote', body);
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      {
        field: 'admittedOn',
        code: 'jkn.admitted_before_reactivation',
        message: expect.stringContaining('sebelum tanggal kartu aktif kembali'),
      },
    ]);
    const english = await new ApiClient(server.url, { 'accept-language': 'en' }).post('/api/v1/jkn/penalty-quote', body);
    expect(english.body.errors[0].message).toBe('The admission date is before the card was reactivated; check both dates.');
  });

  it('names the field of bad input with 422', async () => {
    const response = await new ApiClient(server.url).post('/api/v1/jkn/quote', {
      class: 'IV',
      persons: 0,
      paidThrough: '2024-13',
      asOf: '2025-01-15',
    });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['class', 'persons', 'paidThrough']);
    const old = await new ApiClient(server.url).post('/api/v1/jkn/quote', {
      class: 'I',
      persons: 1,
      paidThrough: '2019-12',
      asOf: '2020-08-01',
    });
    expect(old.body.errors[0]).toMatchObject({ field: 'paidThrough', code: 'jkn.no_rate' });
  });
});
