// Figures of the health screens in the UI language: the server sends decimal strings ("0.733",
// "0.800", "68.5") and ISO months; Indonesian writes "73,3%", "0,800", "68,5" and "Jan 2026".
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { regionDetailQuery } from '../../api/queries.ts';

const localeOf = (language: string) => (language === 'en' ? 'en-GB' : 'id-ID');

/** A rate of 0 to 1 as a percent with one decimal ("73,3%"); "—" when there is none. */
export function useFormatRate() {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(localeOf(i18n.language), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (rate: string | null | undefined) => (rate === null || rate === undefined ? '—' : format.format(Number(rate)));
}

/** A decimal string as sent (its places kept), with the language's decimal mark ("0,800", "68,5"). */
export function useFormatDecimal() {
  const { i18n } = useTranslation();
  return (value: string | number | null | undefined) => {
    if (value === null || value === undefined) return '—';
    const text = String(value);
    return i18n.language === 'en' ? text : text.replace('.', ',');
  };
}

/** "2026-01" as "Jan 2026". */
export function useFormatMonth() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(localeOf(i18n.language), { month: 'short', year: 'numeric', timeZone: 'UTC' });
  return (month: string) => format.format(new Date(`${month}-01T00:00:00Z`));
}

/** Village names by code, for lists that carry only the code (each region fetched once and cached). */
export function useVillageNames(codes: readonly string[]) {
  const unique = [...new Set(codes)].sort();
  const details = useQueries({ queries: unique.map((code) => regionDetailQuery(code)) });
  const names = new Map<string, string>();
  details.forEach((detail, index) => {
    if (detail.data) names.set(unique[index] as string, detail.data.name);
  });
  return (code: string) => names.get(code) ?? code;
}
