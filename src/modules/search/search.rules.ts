/** What the header search box looks for, from what was typed: pure. */
export type SearchPlan = {
  /** 16 digits: a NIK or a KK number, looked up exactly. */
  nikOrKk: boolean;
  /** Letters: a name (persons by trigram similarity, groups by fragment). */
  name: boolean;
  /** Looks like the start of a financing number (office code, year, digits, dashes). */
  financingNumber: boolean;
};

export function planSearch(q: string): SearchPlan {
  const compact = q.replace(/\s+/g, '');
  const nikOrKk = /^\d{16}$/.test(compact);
  const hasLetters = /\p{L}/u.test(q);
  const hasDigits = /\d/.test(compact);
  return {
    nikOrKk,
    // Names have no digits; "YK01-2026" is a financing number, not a name.
    name: hasLetters && !hasDigits,
    financingNumber: !nikOrKk && hasDigits && /^[A-Za-z0-9][A-Za-z0-9-]+$/.test(compact),
  };
}
