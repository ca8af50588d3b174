import { describe, expect, it } from 'vitest';
import { heldUpBy, projectQueue } from './queue.rules.ts';

const queue = [
  { id: 'siti', amount: 3_000_000n },
  { id: 'budi', amount: 2_000_000n },
  { id: 'rina', amount: 5_000_000n },
];

describe('the revolving queue', () => {
  it('finances from cash now, then as instalments come in, in order', () => {
    const inflows = [
      { financingId: 'a', dueDate: '2026-03-15', amount: 1_100_000n },
      { financingId: 'b', dueDate: '2026-03-20', amount: 1_100_000n },
      { financingId: 'a', dueDate: '2026-04-15', amount: 1_100_000n },
      { financingId: 'b', dueDate: '2026-04-20', amount: 1_100_000n },
    ];
    expect(projectQueue(3_500_000n, inflows, queue, '2026-03-01')).toEqual([
      { id: 'siti', expectedOn: '2026-03-01', cumulativeNeed: 3_000_000n },
      { id: 'budi', expectedOn: '2026-03-20', cumulativeNeed: 5_000_000n },
      { id: 'rina', expectedOn: null, cumulativeNeed: 10_000_000n },
    ]);
  });
  it('a later, smaller application never jumps the line', () => {
    const projection = projectQueue(
      2_500_000n,
      [],
      [
        { id: 'first', amount: 3_000_000n },
        { id: 'second', amount: 1_000_000n },
      ],
      '2026-03-01',
    );
    expect(projection.map((p) => p.expectedOn)).toEqual([null, null]);
  });
  it('names whom each overdue financing is holding up', () => {
    const inflows = [
      { financingId: 'late-1', dueDate: '2026-02-15', amount: 2_600_000n },
      { financingId: 'late-2', dueDate: '2026-02-20', amount: 1_900_000n },
      { financingId: 'on-time', dueDate: '2026-03-15', amount: 1_000_000n },
    ];
    expect(heldUpBy(500_000n, inflows, queue, '2026-03-01')).toEqual([
      { financingId: 'late-1', overdue: 2_600_000n, holdingUp: ['siti'] },
      { financingId: 'late-2', overdue: 1_900_000n, holdingUp: ['budi'] },
    ]);
  });
});
