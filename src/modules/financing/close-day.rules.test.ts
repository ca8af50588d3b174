import { describe, expect, it } from 'vitest';
import { planCloseDay } from './close-day.rules.ts';

const state = (lastClosed: string | null, firstUnfinished: string | null = null, dateIsClosed = false) => ({
  lastClosed,
  firstUnfinished,
  dateIsClosed,
});

describe('planCloseDay', () => {
  it.each([
    ['the first close closes the day asked for only', '2026-03-01', state(null), { kind: 'close', days: ['2026-03-01'] }],
    [
      'a first run cut off is where closing started',
      '2026-03-03',
      state(null, '2026-03-01'),
      { kind: 'close', days: ['2026-03-01', '2026-03-02', '2026-03-03'] },
    ],
    [
      'a first run cut off after the date asked for waits',
      '2026-03-01',
      state(null, '2026-03-04'),
      { kind: 'close', days: ['2026-03-01'] },
    ],
    ['the next day', '2026-03-02', state('2026-03-01'), { kind: 'close', days: ['2026-03-02'] }],
    [
      'over a month end and a leap day',
      '2028-03-01',
      state('2028-02-27'),
      { kind: 'close', days: ['2028-02-28', '2028-02-29', '2028-03-01'] },
    ],
    ['a day before the last closed one', '2026-02-28', state('2026-03-01'), { kind: 'before_last_closed', lastClosed: '2026-03-01' }],
    ['a closed day', '2026-02-28', state('2026-03-01', null, true), { kind: 'already_closed' }],
  ])('%s', (_, date, closing, plan) => {
    expect(planCloseDay(date, closing)).toEqual(plan);
  });
});
