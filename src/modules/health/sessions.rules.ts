/** Counselling sessions (penyuluhan) and a person's attendance rate: pure rules. */
import { formatMinor, ratio, roundRatio } from '../../core/money.ts';

export const SESSION_TOPICS = ['reproductive_health', 'nutrition', 'hygiene', 'tb', 'hypertension', 'jkn', 'other'] as const;
export type SessionTopic = (typeof SESSION_TOPICS)[number];

/** A group member counts for a session held on a day when she or he had joined by then and not yet left. */
export const memberOn = (member: { joinedOn: string; leftOn: string | null }, day: string) =>
  member.joinedOn <= day && (member.leftOn === null || member.leftOn > day);

/**
 * Attendance rate: sessions attended ÷ sessions held for the person, where "held for" is every
 * session of a group she or he belonged to on the day, plus every session attended (an open
 * session attended counts on both sides, so the rate never passes 1). Three decimals, half up;
 * null when nothing was held.
 */
export function attendanceRate(
  attended: ReadonlySet<string>,
  invited: ReadonlySet<string>,
): { attended: number; held: number; rate: string | null } {
  const held = new Set([...attended, ...invited]).size;
  return {
    attended: attended.size,
    held,
    rate: held === 0 ? null : formatMinor(roundRatio(ratio(BigInt(attended.size) * 1000n, BigInt(held)), 'half-up'), 3),
  };
}
