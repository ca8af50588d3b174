/** The time source of a request, a CLI run or a test; never call Date.now() in rules. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(start: Date): Clock & { advance(ms: number): void } {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
  };
}

/** Today's business date (YYYY-MM-DD) in Western Indonesia Time (UTC+7, no daylight saving). */
export function businessDate(clock: Clock): string {
  return new Date(clock.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
