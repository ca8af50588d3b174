/**
 * Pure rules of illness episodes (a member unable to trade): days unable, overlap, and the
 * status others may see beside the member's financing. No diagnosis is ever part of these.
 */
import { addDays, daysBetween } from '../../core/dates.ts';

export type Episode = { id: string; fromOn: string; toOn: string | null };

/** Days from `fromOn` to `toOn` inclusive; to today (inclusive) while still ill, none when it starts after today. */
export function daysUnable(fromOn: string, toOn: string | null, today: string): number {
  const until = toOn ?? today;
  return until < fromOn ? 0 : daysBetween(fromOn, until) + 1;
}

/** Whether two episodes share a day; an open episode (no end) runs on for ever. */
export function episodesOverlap(a: { fromOn: string; toOn: string | null }, b: { fromOn: string; toOn: string | null }): boolean {
  return (a.toOn === null || b.fromOn <= a.toOn) && (b.toOn === null || a.fromOn <= b.toOn);
}

/** The first of `episodes` (other than `ignoreId`) that shares a day with `episode`. */
export const overlappingEpisode = <E extends Episode>(episodes: E[], episode: Omit<Episode, 'id'>, ignoreId?: string) =>
  episodes.find((other) => other.id !== ignoreId && episodesOverlap(other, episode));

/** How many days after an episode ends a member still counts as recovering. */
export const RECOVERING_DAYS = 30;

export type IllnessStatus = { status: 'ill' | 'recovering'; unableFrom: string; unableUntil: string | null };
/** The status of someone who is not ill, as the person's page shows it. */
export const NOT_ILL = { status: null, unableFrom: null, unableUntil: null } as const;

/**
 * A member's status from their illness episodes. Ill: an episode has begun and is open or ends
 * today or later (from the earliest such start; until the latest end, null while one is open).
 * Recovering: no such episode, but one ended within the last 30 days (the latest). Otherwise
 * null. An episode recorded to begin after today does not count yet.
 */
export function illnessStatus(episodes: readonly { fromOn: string; toOn: string | null }[], today: string): IllnessStatus | null {
  const begun = episodes.filter((e) => e.fromOn <= today);
  const current = begun.filter((e) => e.toOn === null || e.toOn >= today);
  if (current.length > 0) {
    const unableFrom = current.map((e) => e.fromOn).sort()[0] as string;
    const open = current.some((e) => e.toOn === null);
    const unableUntil = open
      ? null
      : (current
          .map((e) => e.toOn as string)
          .sort()
          .at(-1) as string);
    return { status: 'ill', unableFrom, unableUntil };
  }
  const since = addDays(today, -RECOVERING_DAYS);
  const latest = begun
    .filter((e) => (e.toOn as string) >= since)
    .sort((a, b) => (a.toOn as string).localeCompare(b.toOn as string))
    .at(-1);
  return latest ? { status: 'recovering', unableFrom: latest.fromOn, unableUntil: latest.toOn } : null;
}
