import { describe, expect, it } from 'vitest';
import { dateInWords, formatDateText, readDateText } from './date-text.ts';

describe('dates typed day first', () => {
  it.each([
    ['12/06/2026', '2026-06-12'],
    ['1/2/2026', '2026-02-01'],
    ['12-06-2026', '2026-06-12'],
    ['12.06.2026', '2026-06-12'],
    ['12062026', '2026-06-12'],
    [' 29/02/2024 ', '2024-02-29'],
    ['2026-06-12', '2026-06-12'],
  ])('%s is %s', (text, iso) => {
    expect(readDateText(text)).toEqual({ kind: 'date', iso });
  });

  it.each(['31/02/2026', '29/02/2025', '00/01/2026', '12/13/2026', '2026-02-30', '01/01/0999'])('%s is no day on the calendar', (text) => {
    expect(readDateText(text)).toEqual({ kind: 'impossible' });
  });

  it('tells text still being typed from text that cannot be a date', () => {
    expect(readDateText('')).toEqual({ kind: 'empty' });
    expect(readDateText('12/06/')).toEqual({ kind: 'incomplete' });
    expect(readDateText('12 Juni 2026')).toEqual({ kind: 'unreadable' });
    expect(readDateText('12/06/26')).toEqual({ kind: 'incomplete' });
  });

  it('writes ISO dates back day first and in words in either language', () => {
    expect(formatDateText('2026-06-12')).toBe('12/06/2026');
    expect(dateInWords('2026-06-12', 'id')).toBe('Jumat, 12 Juni 2026');
    expect(dateInWords('2026-06-12', 'en')).toBe('Friday, 12 June 2026');
  });
});
