/**
 * Days close in order, as Apache Fineract's close of business catches up: closing a day first
 * closes every unclosed day after the last closed one, and a day before it stays as it was
 * closed. Before the first close there is nothing to catch up from: the first day closed is
 * where closing starts (Fineract likewise closes a loan that never went through close of
 * business from the current business date only), so closing never books late charges or
 * allowances into days before closing began. A first run that was cut off counts as that start.
 */
import { nextDay } from '../../core/dates.ts';

export type ClosingState = { lastClosed: string | null; firstUnfinished: string | null; dateIsClosed: boolean };
export type CloseDayPlan =
  | { kind: 'already_closed' }
  | { kind: 'before_last_closed'; lastClosed: string }
  | { kind: 'close'; days: string[] };

export function planCloseDay(date: string, state: ClosingState): CloseDayPlan {
  if (state.dateIsClosed) return { kind: 'already_closed' };
  if (state.lastClosed !== null && date < state.lastClosed) return { kind: 'before_last_closed', lastClosed: state.lastClosed };
  const start = state.lastClosed !== null ? nextDay(state.lastClosed) : (state.firstUnfinished ?? date);
  const days: string[] = [];
  for (let day = start < date ? start : date; day <= date; day = nextDay(day)) days.push(day);
  return { kind: 'close', days };
}
