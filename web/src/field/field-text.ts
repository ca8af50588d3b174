/**
 * The field app's words: the i18next namespace `field` of the message catalogue
 * (src/core/messages/field.*.ts), added when the field chunk loads so the office app does not
 * carry it. Components read it with `useTranslation('field')`; the language is the app's one switch.
 */
import { fieldEn } from '../../../src/core/messages/field.en.ts';
import { fieldId } from '../../../src/core/messages/field.id.ts';
import { i18n } from '../i18n/index.ts';

i18n.addResourceBundle('id', 'field', fieldId);
i18n.addResourceBundle('en', 'field', fieldEn);

/** "Selasa, 10 Maret 2026 10.05" / "Tue 10 Mar 2026, 10:05": when data was downloaded or sent, in the phone's time. */
export function formatMoment(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** "Oktober 2026" / "October 2026" of a YYYY-MM month: the month as said, for the month paid up to. */
export function formatMonthLong(month: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}

/** "Mar 2026" / "Mar 2026" of a YYYY-MM month. */
export function formatMonth(month: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}
