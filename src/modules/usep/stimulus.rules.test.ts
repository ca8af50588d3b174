import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainAmountOf, chainMultiplier, type Lot, passOnLimit, planPassOn } from './stimulus.rules.ts';

describe('passing on the revolving pot', () => {
  it('passes Rp19.714.000 of stimulus to three first recipients, oldest allocation first', () => {
    const lots: Lot[] = [
      { kind: 'stimulus', allocationId: 'a1', available: 10_000_000n },
      { kind: 'stimulus', allocationId: 'a2', available: 9_714_000n },
    ];
    const plan = planPassOn(lots, [6_000_000n, 6_000_000n, 7_714_000n]);
    expect(plan).toEqual([
      { generation: 1, sources: [{ kind: 'stimulus', allocationId: 'a1', amount: 6_000_000n }] },
      {
        generation: 1,
        sources: [
          { kind: 'stimulus', allocationId: 'a1', amount: 4_000_000n },
          { kind: 'stimulus', allocationId: 'a2', amount: 2_000_000n },
        ],
      },
      { generation: 1, sources: [{ kind: 'stimulus', allocationId: 'a2', amount: 7_714_000n }] },
    ]);
  });

  it('money repaid by a first-round recipient makes a second-round recipient, naming whose repayment', () => {
    const lots: Lot[] = [
      { kind: 'stimulus', allocationId: 'a1', available: 500_000n },
      { kind: 'repayment', financingId: 'f1', generation: 1, available: 1_500_000n },
      { kind: 'repayment', financingId: 'f7', generation: 2, available: 250_000n },
    ];
    const [first, second] = planPassOn(lots, [1_000_000n, 1_250_000n]);
    expect(first).toEqual({
      generation: 2,
      sources: [
        { kind: 'stimulus', allocationId: 'a1', amount: 500_000n },
        { kind: 'repayment', financingId: 'f1', amount: 500_000n },
      ],
    });
    expect(second).toEqual({
      generation: 3,
      sources: [
        { kind: 'repayment', financingId: 'f1', amount: 1_000_000n },
        { kind: 'repayment', financingId: 'f7', amount: 250_000n },
      ],
    });
  });

  it("money beyond the traced lots is the group's own, generation 0 + 1", () => {
    expect(planPassOn([], [300_000n])).toEqual([{ generation: 1, sources: [{ kind: 'group', amount: 300_000n }] }]);
    expect(chainAmountOf([{ kind: 'group', amount: 300_000n }])).toBe(0n);
  });

  it('cannot pass on more than the pot holds less what is promised', () => {
    expect(passOnLimit(5_000_000n, 1_500_000n)).toBe(3_500_000n);
    expect(passOnLimit(1_000_000n, 1_500_000n)).toBe(0n);
  });

  it('property: the sources of every recipient add up to what they received, and no lot gives more than it has', () => {
    const lot = fc.oneof(
      fc.record({ kind: fc.constant('stimulus' as const), allocationId: fc.uuid(), available: fc.bigInt({ min: 0n, max: 50_000_000n }) }),
      fc.record({
        kind: fc.constant('repayment' as const),
        financingId: fc.uuid(),
        generation: fc.integer({ min: 1, max: 6 }),
        available: fc.bigInt({ min: 0n, max: 50_000_000n }),
      }),
    );
    fc.assert(
      fc.property(
        fc.array(lot, { maxLength: 8 }),
        fc.array(fc.bigInt({ min: 1n, max: 20_000_000n }), { maxLength: 8 }),
        (lots, requests) => {
          const plan = planPassOn(lots, requests);
          plan.forEach((p, i) => {
            expect(p.sources.reduce((s, x) => s + x.amount, 0n)).toBe(requests[i]);
            expect(p.sources.every((s) => s.amount > 0n)).toBe(true);
            const newest = Math.max(
              0,
              ...p.sources.map((s) =>
                s.kind === 'repayment'
                  ? (lots.find((l) => l.kind === 'repayment' && l.financingId === s.financingId) as { generation: number }).generation
                  : 0,
              ),
            );
            expect(p.generation).toBe(newest + 1);
          });
          for (const l of lots) {
            const id = l.kind === 'stimulus' ? l.allocationId : l.financingId;
            const used = plan
              .flatMap((p) => p.sources)
              .filter((s) => (s.kind === 'stimulus' ? s.allocationId : s.kind === 'repayment' ? s.financingId : '') === id)
              .reduce((s, x) => s + x.amount, 0n);
            const available = lots
              .filter((x) => (x.kind === 'stimulus' ? x.allocationId : x.financingId) === id)
              .reduce((s, x) => s + x.available, 0n);
            expect(used <= available).toBe(true);
          }
          // Group money is used only once every traced lot is empty.
          const traced = lots.reduce((s, x) => s + x.available, 0n);
          const own = plan
            .flatMap((p) => p.sources)
            .filter((s) => s.kind === 'group')
            .reduce((s, x) => s + x.amount, 0n);
          const total = requests.reduce((s, x) => s + x, 0n);
          expect(own).toBe(total > traced ? total - traced : 0n);
        },
      ),
    );
  });
});

describe('the multiplier', () => {
  it('Rp10.000.000 passed on to 5 families, then Rp6.000.000 repaid and passed on to 3 more: 1.60, 8 families, 2 rounds', () => {
    const first = Array.from({ length: 5 }, (_, i) => ({ householdId: `h${i}`, generation: 1, chainAmount: 2_000_000n, reached: true }));
    const second = Array.from({ length: 3 }, (_, i) => ({ householdId: `k${i}`, generation: 2, chainAmount: 2_000_000n, reached: true }));
    expect(chainMultiplier(10_000_000n, [...first, ...second])).toEqual({
      stimulusRupiah: '10000000',
      revolvedRupiah: '16000000',
      families: 8,
      rounds: 2,
      multiplier: '1.60',
      familiesPerMillion: '0.80',
    });
  });

  it('counts a family once however often it receives, and leaves out money not yet paid out', () => {
    const result = chainMultiplier(19_714_000n, [
      { householdId: 'h1', generation: 1, chainAmount: 19_714_000n, reached: true },
      { householdId: 'h1', generation: 2, chainAmount: 3_000_000n, reached: true },
      { householdId: 'h2', generation: 2, chainAmount: 3_000_000n, reached: false },
    ]);
    expect(result).toMatchObject({ revolvedRupiah: '22714000', families: 1, rounds: 2 });
    // 22.714.000 / 19.714.000 = 1.15217… → 1.15; 1.000.000 / 19.714.000 = 0.0507… → 0.05
    expect(result.multiplier).toBe('1.15');
    expect(result.familiesPerMillion).toBe('0.05');
  });

  it('a group with no stimulus yet has a multiplier of 0.00', () => {
    expect(chainMultiplier(0n, [])).toMatchObject({ multiplier: '0.00', familiesPerMillion: '0.00', rounds: 0, families: 0 });
  });
});
