import { ageOn } from '../../core/dates.ts';
import type { ErrorCode } from '../../core/errors.ts';
/** Who may be recruited or re-lettered as a cadre: an adult, alive, on a letter not dated ahead. */

/** A cadre visits families and handles their money alone: adults only (18, as BPJS Kesehatan asks of its Kader JKN). */
export const MIN_CADRE_AGE = 18;

export type FieldProblem = { field: string; code: ErrorCode; params?: Record<string, string | number> };

export { ageOn };

export function letterDateProblem(letterDate: string, today: string): FieldProblem | null {
  return letterDate > today ? { field: 'letterDate', code: 'cadres.letter_date_future' } : null;
}

export function recruitProblems(person: { birthDate: string; diedOn: string | null }, letterDate: string, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (person.diedOn) problems.push({ field: 'personId', code: 'cadres.person_died' });
  else if (ageOn(person.birthDate, today) < MIN_CADRE_AGE)
    problems.push({ field: 'personId', code: 'cadres.person_too_young', params: { age: MIN_CADRE_AGE } });
  const letter = letterDateProblem(letterDate, today);
  if (letter) problems.push(letter);
  return problems;
}
