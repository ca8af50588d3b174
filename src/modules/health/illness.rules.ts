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

export type IllnessStatus = { status: 'ill' | 'recovering' | null; unableFrom: string | null; unableUntil: string | null };

/**
 * What a role that may not see clinical details sees: `ill` while an episode is open or ends today
 * or later; `recovering` when the latest one ended within the last 30 days; otherwise nothing.
 * An episode that starts after today does not count yet.
 */
export function illnessStatus(episodes: { fromOn: string; toOn: string | null }[], today: string): IllnessStatus {
  const started = episodes.filter((e) => e.fromOn <= today);
  const current = started.filter((e) => e.toOn === null || e.toOn >= today).sort((a, b) => (a.fromOn < b.fromOn ? 1 : -1))[0];
  if (current) return { status: 'ill', unableFrom: current.fromOn, unableUntil: current.toOn };
  const recent = started
    .filter((e) => e.toOn !== null && e.toOn >= addDays(today, -RECOVERING_DAYS))
    .sort((a, b) => ((a.toOn as string) < (b.toOn as string) ? 1 : -1))[0];
  if (recent) return { status: 'recovering', unableFrom: recent.fromOn, unableUntil: recent.toOn };
  return { status: null, unableFrom: null, unableUntil: null };
}
