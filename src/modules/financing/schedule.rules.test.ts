import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scheduleInputSchema } from './financing.schema.ts';
import { previewSchedule } from './schedule.service.ts';

type Fixture = {
  id: string;
  input: unknown;
  expected: Record<string, string | number | null>[];
  expectedTotals?: Record<string, string | null>;
};
const fixtures = (
  JSON.parse(readFileSync(new URL('../../../../shared/fixtures/fineract-examples.json', import.meta.url), 'utf8')) as { cases: Fixture[] }
).cases;

describe('schedule engine: Apache Fineract’s published cases', () => {
  it.each(fixtures.map((f) => [f.id, f] as const))('%s', (_id, fixture) => {
    const schedule = previewSchedule(scheduleInputSchema.parse(fixture.input));
    expect(schedule.installments).toHaveLength(fixture.expected.length);
    fixture.expected.forEach((row, i) => {
      for (const [key, value] of Object.entries(row))
        if (value !== null) expect((schedule.installments[i] as Record<string, unknown>)[key], `row ${i + 1} ${key}`).toBe(value);
    });
    const totals: Record<string, string> = { principal: schedule.totalPrincipal, interest: schedule.totalInterest, total: schedule.total };
    for (const [key, value] of Object.entries(fixture.expectedTotals ?? {}))
      if (value !== null) expect(totals[key], `total ${key}`).toBe(value);
  });
});

const base = {
  principal: '1000000',
  method: 'annuity',
  annualRatePercent: '18',
  installments: 12,
  disbursementDate: '2026-01-31',
} as const;

describe('schedule engine conventions', () => {
  it('keeps a first-due day above 28 when the month allows: 31 Jan → 28 Feb → 31 Mar', () => {
    const s = previewSchedule(
      scheduleInputSchema.parse({ ...base, installments: 3, firstDueDate: '2026-01-31', disbursementDate: '2026-01-02' }),
    );
    expect(s.installments.map((r) => r.dueDate)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
  });

  it('pays interest only during principal grace and spreads the annuity over the rest', () => {
    const s = previewSchedule(scheduleInputSchema.parse({ ...base, graceOnPrincipal: 2 }));
    expect(s.installments.slice(0, 2).map((r) => [r.principal, r.interest])).toEqual([
      ['0', '15000'],
      ['0', '15000'],
    ]);
    const totals = new Set(s.installments.slice(2, -1).map((r) => r.total));
    expect(totals.size).toBe(1);
  });

  it('shows interest of interest-grace periods as 0 and adds it to the next period', () => {
    const s = previewSchedule(scheduleInputSchema.parse({ ...base, method: 'equal-principal', graceOnInterestPayment: 2 }));
    expect(s.installments[0]?.interest).toBe('0');
    expect(s.installments[1]?.interest).toBe('0');
    // 1.5% of 1.000.000, of 916.667 and of 833.334 (half-up to the rupiah).
    expect(s.installments[2]?.interest).toBe(String(15_000 + 13_750 + 12_500));
  });

  it('rounds flat instalments to multiples: principal + interest a multiple of 1.000', () => {
    const s = previewSchedule(scheduleInputSchema.parse({ ...base, method: 'flat', inMultiplesOf: '1000', principal: '1234567' }));
    for (const row of s.installments.slice(0, -1)) expect(Number(row.total) % 1000).toBe(0);
    expect(s.totalPrincipal).toBe('1234567');
  });

  it('always repays exactly the principal and never leaves a balance, for any method and size', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000_000 }),
        fc.constantFrom('flat', 'annuity', 'equal-principal'),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 3600 }),
        fc.constantFrom('half-up', 'half-even'),
        (principal, method, installments, rateBp, rounding) => {
          const s = previewSchedule(
            scheduleInputSchema.parse({
              principal: String(principal),
              method,
              installments,
              annualRatePercent: (rateBp / 100).toFixed(2),
              disbursementDate: '2026-01-15',
              rounding,
            }),
          );
          expect(s.totalPrincipal).toBe(String(principal));
          expect(s.installments.at(-1)?.balance).toBe('0');
          expect(s.installments.every((r) => BigInt(r.principal) >= 0n && BigInt(r.interest) >= 0n)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
