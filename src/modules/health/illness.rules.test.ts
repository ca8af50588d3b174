import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysUnable, episodesOverlap, illnessStatus, overlappingEpisode } from './illness.rules.ts';

describe('days unable to trade', () => {
  it('counts from and to inclusive', () => {
    expect(daysUnable('2026-03-01', '2026-03-01', '2026-04-01')).toBe(1);
    expect(daysUnable('2026-02-27', '2026-03-02', '2026-04-01')).toBe(4); // 2026 is not a leap year
    expect(daysUnable('2024-02-27', '2024-03-02', '2024-04-01')).toBe(5);
  });

  it('counts to today while still ill, none before it starts', () => {
    expect(daysUnable('2026-03-01', null, '2026-03-10')).toBe(10);
    expect(daysUnable('2026-03-10', null, '2026-03-10')).toBe(1);
    expect(daysUnable('2026-03-11', null, '2026-03-10')).toBe(0);
  });
});

describe('overlap', () => {
  it('shares a day when the ranges touch, an open episode running on', () => {
    const march = { fromOn: '2026-03-01', toOn: '2026-03-10' };
    expect(episodesOverlap(march, { fromOn: '2026-03-10', toOn: '2026-03-12' })).toBe(true);
    expect(episodesOverlap(march, { fromOn: '2026-03-11', toOn: '2026-03-12' })).toBe(false);
    expect(episodesOverlap(march, { fromOn: '2026-02-20', toOn: '2026-02-28' })).toBe(false);
    expect(episodesOverlap(march, { fromOn: '2026-02-20', toOn: null })).toBe(true);
    expect(episodesOverlap({ fromOn: '2026-04-01', toOn: null }, march)).toBe(false);
    expect(episodesOverlap({ fromOn: '2026-04-01', toOn: null }, { fromOn: '2026-05-01', toOn: null })).toBe(true);
  });

  it('leaves out the episode being corrected', () => {
    const episodes = [{ id: 'a', fromOn: '2026-03-01', toOn: null }];
    expect(overlappingEpisode(episodes, { fromOn: '2026-03-01', toOn: '2026-03-05' })?.id).toBe('a');
    expect(overlappingEpisode(episodes, { fromOn: '2026-03-01', toOn: '2026-03-05' }, 'a')).toBeUndefined();
  });

  it('is symmetric (property)', () => {
    const date = fc.integer({ min: 0, max: 60 }).map((d) => `2026-03-${String(1 + (d % 28)).padStart(2, '0')}`);
    const episode = fc
      .tuple(date, fc.option(date))
      .map(([a, b]) => ({ fromOn: b !== null && b < a ? b : a, toOn: b !== null && b < a ? a : b }));
    fc.assert(fc.property(episode, episode, (a, b) => episodesOverlap(a, b) === episodesOverlap(b, a)));
  });
});

describe('status beside the financing', () => {
  const today = '2026-03-20';
  it('ill while open or ending today or later', () => {
    expect(illnessStatus([{ fromOn: '2026-03-01', toOn: null }], today)).toEqual({
      status: 'ill',
      unableFrom: '2026-03-01',
      unableUntil: null,
    });
    expect(illnessStatus([{ fromOn: '2026-03-01', toOn: '2026-03-20' }], today)?.status).toBe('ill');
    expect(illnessStatus([{ fromOn: '2026-03-01', toOn: '2026-03-25' }], today)).toEqual({
      status: 'ill',
      unableFrom: '2026-03-01',
      unableUntil: '2026-03-25',
    });
  });

  it('recovering for 30 days after the end, then nothing', () => {
    expect(illnessStatus([{ fromOn: '2026-02-01', toOn: '2026-03-19' }], today)?.status).toBe('recovering');
    expect(illnessStatus([{ fromOn: '2026-02-01', toOn: '2026-02-18' }], today)?.status).toBe('recovering'); // 30 days before
    expect(illnessStatus([{ fromOn: '2026-02-01', toOn: '2026-02-17' }], today)).toBeNull();
    expect(illnessStatus([], today)).toBeNull();
  });

  it('does not count an episode that starts after today', () => {
    expect(illnessStatus([{ fromOn: '2026-03-21', toOn: null }], today)).toBeNull();
  });
});
