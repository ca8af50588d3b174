import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HONORIFICS, nameKey, pairReasons } from './duplicates.rules.ts';

describe('nameKey', () => {
  it.each([
    ['Budi Audiitono', 'budiauditono'],
    ['Budi Auditono', 'budiauditono'],
    ['Soeharto', 'suharto'],
    ['Suharto', 'suharto'],
    ['Djoko', 'yoko'],
    ['Joko', 'yoko'],
    ['Tjahjo', 'cahyo'],
    ['Cahyo', 'cahyo'],
    ['Sjahrir', 'syahrir'],
    ['Syahrir', 'syahrir'],
    ['Chairul Tanjung', 'khairultanyung'],
    ['Khairul Tanjung', 'khairultanyung'],
    ['Muhammad', 'muhamad'],
    ['Nur Hayati', 'nurhayati'],
    ['Nurhayati', 'nurhayati'],
    ['H. Ahmad Dahlan', 'ahmadahlan'],
    ['Hj. Siti Aminah', 'sitiaminah'],
    ['Drs. H. Slamet', 'slamet'],
    ['SITI  AMINAH', 'sitiaminah'],
    ["Ma'ruf", 'maruf'],
    ['Soekarno-Putri', 'sukarnoputri'],
    // Only honorifics: kept, so that a person called "Haji" still has a name to compare.
    ['Haji', 'hayi'],
    ['H.', 'h'],
    ['', ''],
    ['José', 'yos'],
  ])('%s → %s', (name, key) => {
    expect(nameKey(name)).toBe(key);
  });

  it('keeps different names apart', () => {
    expect(nameKey('Budi Santoso')).not.toBe(nameKey('Budi Susanto'));
    expect(nameKey('Siti Aminah')).not.toBe(nameKey('Siti Aisyah'));
  });

  it('is idempotent and yields lower-case ASCII letters without runs', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (name) => {
        const key = nameKey(name);
        expect(nameKey(key)).toBe(key);
        expect(key).toMatch(/^[a-z]*$/);
        expect(key).not.toMatch(/(.)\1|oe|dj|tj|ch|j/);
      }),
    );
    const letters = fc.string({ unit: fc.constantFrom(...'aeiouhjdtcsyk .'.split('')), maxLength: 30 });
    fc.assert(
      fc.property(letters, (name) => {
        expect(nameKey(nameKey(name))).toBe(nameKey(name));
      }),
    );
  });

  it('ignores case and spacing between words that are not honorifics', () => {
    const word = fc.stringMatching(/^[A-Za-z]{1,8}$/).filter((w) => !(HONORIFICS as readonly string[]).includes(w.toLowerCase()));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), (words) => {
        expect(nameKey(words.join(' ').toUpperCase())).toBe(nameKey(words.join('').toLowerCase()));
      }),
    );
  });
});

describe('pairReasons', () => {
  const base = { sameName: false, sameKey: false, similarity: 0, sameVillage: true, sameBirthDate: true, sameHousehold: false };

  it('tells an exact pair in one village and another household', () => {
    expect(pairReasons({ ...base, sameName: true, sameKey: true, similarity: 1 }, 0.6)).toEqual({
      reasons: ['same_name_birth_date_village', 'same_person_two_households'],
      score: 1,
    });
  });

  it('tells a similar name in the same household by its similarity', () => {
    expect(pairReasons({ ...base, similarity: 0.6666, sameHousehold: true }, 0.6)).toEqual({
      reasons: ['similar_name_birth_date_village'],
      score: 0.67,
    });
    expect(pairReasons({ ...base, similarity: 0.59, sameHousehold: true }, 0.6)).toEqual({ reasons: [], score: 0 });
  });

  it('needs the same birth date, and the same village unless the key is the same', () => {
    expect(pairReasons({ ...base, sameKey: true, sameVillage: false }, 0.6)).toEqual({
      reasons: ['same_person_two_households'],
      score: 1,
    });
    expect(pairReasons({ ...base, similarity: 0.9, sameVillage: false }, 0.6).reasons).toEqual([]);
    expect(pairReasons({ ...base, sameKey: true, sameBirthDate: false }, 0.6).reasons).toEqual([]);
  });

  it('adds a shared account', () => {
    expect(pairReasons({ ...base, sameVillage: false, sameBirthDate: false, sharedAccount: true }, 0.6)).toEqual({
      reasons: ['shared_account'],
      score: 1,
    });
  });
});
