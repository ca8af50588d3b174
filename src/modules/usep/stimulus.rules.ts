/**
 * The chain stimulus (stimulan berantai, seed 002): the group's revolving pot holds lots of
 * money, each with where it came from; a musyawarah passes money on, first in first out, and
 * every recipient's generation is one more than the newest money they received.
 */
import { formatMinor, ratio, roundRatio } from '../../core/money.ts';

/** Money in the pot that the chain traces: a stimulus allocation, or an earlier recipient's repaid principal. */
export type Lot =
  | { kind: 'stimulus'; allocationId: string; available: bigint }
  | { kind: 'repayment'; financingId: string; generation: number; available: bigint };

export type Source =
  | { kind: 'stimulus'; allocationId: string; amount: bigint }
  | { kind: 'repayment'; financingId: string; amount: bigint }
  | { kind: 'group'; amount: bigint };

export type PassOnPlan = { sources: Source[]; generation: number }[];

/**
 * What a musyawarah may pass on now: the pot's cash less what earlier decisions have promised
 * and not yet paid out. Never negative.
 */
export function passOnLimit(potCash: bigint, committed: bigint): bigint {
  const free = potCash - committed;
  return free > 0n ? free : 0n;
}

/**
 * Assigns each requested amount its sources, in the order given, from the lots in the order
 * given (oldest first). Money beyond the traced lots is the group's own (dues, savings): it is
 * passed on as 'group' and counts as generation 0. The caller has checked the total against
 * passOnLimit; here a request of 0 or less is a programming error.
 */
export function planPassOn(lots: Lot[], requests: bigint[]): PassOnPlan {
  const left = lots.map((lot) => ({ lot, available: lot.available }));
  let i = 0;
  return requests.map((request) => {
    if (request <= 0n) throw new RangeError('a request must be positive');
    let need = request;
    const sources: Source[] = [];
    let newest = 0;
    while (need > 0n && i < left.length) {
      const current = left[i] as (typeof left)[number];
      if (current.available <= 0n) {
        i++;
        continue;
      }
      const take = current.available < need ? current.available : need;
      current.available -= take;
      need -= take;
      const lot = current.lot;
      if (lot.kind === 'stimulus') sources.push({ kind: 'stimulus', allocationId: lot.allocationId, amount: take });
      else {
        sources.push({ kind: 'repayment', financingId: lot.financingId, amount: take });
        newest = Math.max(newest, lot.generation);
      }
    }
    if (need > 0n) sources.push({ kind: 'group', amount: need });
    return { sources: mergeSources(sources), generation: newest + 1 };
  });
}

/** One source line per lot (a lot used in two pieces by one request is one line). */
function mergeSources(sources: Source[]): Source[] {
  const merged: Source[] = [];
  for (const source of sources) {
    const key = sourceKey(source);
    const same = merged.find((m) => sourceKey(m) === key);
    if (same) same.amount += source.amount;
    else merged.push({ ...source });
  }
  return merged;
}
const sourceKey = (s: Source) => (s.kind === 'stimulus' ? `s:${s.allocationId}` : s.kind === 'repayment' ? `r:${s.financingId}` : 'g');

/** A recipient as the multiplier counts them. */
export type ChainRecipient = {
  householdId: string;
  generation: number;
  /** Rupiah of their money that came through the chain (stimulus or earlier recipients' repayments). */
  chainAmount: bigint;
  /** Whether the money reached them (disbursed, repaying, closed or written off). */
  reached: boolean;
};

export type Multiplier = {
  stimulusRupiah: string;
  /** Rupiah passed on to members through the chain, all generations together. */
  revolvedRupiah: string;
  families: number;
  rounds: number;
  /** revolved ÷ stimulus, to 2 decimals (half-up): 1.00 once the stimulus has been passed on once. */
  multiplier: string;
  /** Families reached per Rp1.000.000 of stimulus, to 2 decimals (half-up). */
  familiesPerMillion: string;
};

/**
 * For every rupiah of the original stimulus: how much the chain has passed on, to how many
 * families (each counted once however many times it received), over how many rounds.
 */
export function chainMultiplier(stimulus: bigint, recipients: ChainRecipient[]): Multiplier {
  const reached = recipients.filter((r) => r.reached && r.chainAmount > 0n);
  const revolved = reached.reduce((sum, r) => sum + r.chainAmount, 0n);
  const families = new Set(reached.map((r) => r.householdId)).size;
  const rounds = reached.reduce((max, r) => Math.max(max, r.generation), 0);
  const hundredths = (n: bigint, d: bigint) => (d === 0n ? '0.00' : formatMinor(roundRatio(ratio(n * 100n, d), 'half-up'), 2));
  return {
    stimulusRupiah: stimulus.toString(),
    revolvedRupiah: revolved.toString(),
    families,
    rounds,
    multiplier: hundredths(revolved, stimulus),
    familiesPerMillion: hundredths(BigInt(families) * 1_000_000n, stimulus),
  };
}

/** The part of a recipient's money that came through the chain (not the group's own). */
export const chainAmountOf = (sources: { kind: Source['kind']; amount: bigint }[]) =>
  sources.filter((s) => s.kind !== 'group').reduce((sum, s) => sum + s.amount, 0n);
