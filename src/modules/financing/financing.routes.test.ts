import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from '../../testing/server.ts';

const RS01 = {
  principal: '5000.00',
  currencyDigits: 2,
  method: 'flat',
  annualRatePercent: '12',
  interestPeriod: 'repayment',
  daysInYear: 365,
  installments: 18,
  every: 1,
  unit: 'month',
  disbursementDate: '2022-11-01',
  firstDueDate: null,
  graceOnPrincipal: 0,
  graceOnInterestPayment: 0,
  rounding: 'half-even',
  inMultiplesOf: '1',
};
const BIN = fileURLToPath(new URL('../../../bin/jaring.mjs', import.meta.url));

describe('schedule preview: API and CLI give the same schedule', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite', { serveWeb: false });
  });
  afterAll(async () => server.close());

  it('answers the contract shape over HTTP and names a bad field with 422', async () => {
    const api = new ApiClient(server.url);
    const response = await api.post('/api/v1/financing/schedule-preview', RS01);
    expect(response.status).toBe(200);
    expect(response.body.installments[0]).toEqual({
      n: 1,
      dueDate: '2022-12-01',
      principal: '278.00',
      interest: '50.00',
      total: '328.00',
      balance: '4722.00',
    });
    expect(response.body).toMatchObject({ totalPrincipal: '5000.00', totalInterest: '900.00', total: '5900.00' });

    const bad = await api.post('/api/v1/financing/schedule-preview', { ...RS01, installments: 0, method: 'balloon' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['installments', 'method']);

    const cli = spawnSync(process.execPath, [BIN, 'schedule'], { input: JSON.stringify(RS01), encoding: 'utf8' });
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual(response.body);

    const cliBad = spawnSync(process.execPath, [BIN, 'schedule'], {
      input: JSON.stringify({ ...RS01, principal: 'lima juta' }),
      encoding: 'utf8',
    });
    expect(cliBad.status).toBe(2);
    expect(cliBad.stderr).toContain('principal:');
  });
});
