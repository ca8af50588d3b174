/**
 * Duplicate detection rules: the name key that folds the spelling variants of Indonesian
 * names, and how a candidate pair's reasons and score are told. The SQL function
 * `registry_name_key` (migration 0026) computes the same key inside the database; a test
 * checks that both agree.
 */

/** Titles dropped from a name before comparing (as whole words, after punctuation is removed). */
export const HONORIFICS = ['h', 'hj', 'hjh', 'haji', 'hajah', 'hajjah', 'kh', 'drs', 'dra', 'dr', 'ir', 'prof'] as const;

/** Old (Van Ophuijsen / Soewandi) spellings folded to one form, in this order. */
export const SPELLING_FOLDS: readonly (readonly [RegExp, string])[] = [
  [/oe/g, 'u'], // Soeharto → Suharto
  [/dj/g, 'j'], // Djoko → Joko
  [/tj/g, 'c'], // Tjahjo → Cahjo
  [/ch/g, 'kh'], // Chairul → Khairul
  [/j/g, 'y'], // Cahjo → Cahyo, Sjahrir → Syahrir (the old j is the new y; every j becomes y)
];

const HONORIFIC_SET = new Set<string>(HONORIFICS);

/**
 * The comparison key of a name: ASCII letters only (anything else separates words),
 * lower case, honorifics dropped (unless nothing else is left), words joined without spaces,
 * old spellings folded, repeated letters collapsed. "H. Budi Audiitono" → "budiauditono".
 * Idempotent: the key of a key is itself.
 */
export function nameKey(name: string): string {
  const words = name
    .replace(/[^A-Za-z]+/g, ' ')
    .toLowerCase()
    .trim()
    .split(' ')
    .filter((word) => word !== '');
  const kept = words.filter((word) => !HONORIFIC_SET.has(word));
  let key = (kept.length > 0 ? kept : words).join('');
  key = key.replace(/(.)\1+/g, '$1');
  for (const [pattern, replacement] of SPELLING_FOLDS) key = key.replace(pattern, replacement);
  return key.replace(/(.)\1+/g, '$1');
}

/** Why a pair is shown, most telling first. */
export const DUPLICATE_REASONS = [
  'same_name_birth_date_village',
  'similar_name_birth_date_village',
  'same_person_two_households',
  'shared_account',
] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

/** What the candidate query says about a pair of persons. */
export type PairEvidence = {
  /** Same name ignoring case (the original exact rule). */
  sameName: boolean;
  /** Same name key (spelling variants, honorifics, spaces, repeated letters). */
  sameKey: boolean;
  /** Trigram similarity of the two name keys, 0–1. */
  similarity: number;
  sameVillage: boolean;
  sameBirthDate: boolean;
  sameHousehold: boolean;
  /** Recipient accounts shared by the two persons' households (from an account source). */
  sharedAccount?: boolean;
};

/** The reasons that hold for a pair, in the order of DUPLICATE_REASONS, and its score (0–1, two decimals). */
export function pairReasons(evidence: PairEvidence, threshold: number): { reasons: DuplicateReason[]; score: number } {
  const reasons: DuplicateReason[] = [];
  const scores: number[] = [];
  const nameScore = evidence.sameKey || evidence.sameName ? 1 : evidence.similarity;
  if (evidence.sameVillage && evidence.sameBirthDate) {
    if (evidence.sameName) reasons.push('same_name_birth_date_village');
    else if (evidence.sameKey || evidence.similarity >= threshold) reasons.push('similar_name_birth_date_village');
    if (reasons.length > 0) scores.push(nameScore);
  }
  if (!evidence.sameHousehold && evidence.sameBirthDate && (evidence.sameKey || evidence.sameName)) {
    reasons.push('same_person_two_households');
    scores.push(1);
  }
  if (evidence.sharedAccount) {
    reasons.push('shared_account');
    scores.push(1);
  }
  const score = scores.length === 0 ? 0 : Math.max(...scores);
  return { reasons, score: Math.round(score * 100) / 100 };
}

/** The default name similarity (pg_trgm, over name keys) from which a pair is raised; a setting. */
export const DEFAULT_NAME_SIMILARITY = 0.6;
