import i18next from 'i18next';
import type { Locale } from './locale.ts';
import { addRupiahFormat, CONTEXT_BY, COUNTED_BY, ERROR_NAMESPACES, ERROR_RESOURCES } from './messages/catalogue.ts';

/**
 * Human texts of error codes, from the message catalogue (src/core/messages/). Codes contain dots,
 * so keys are flat (no key or namespace separator); values are inserted as given (no HTML here).
 */
const messages = i18next.createInstance();
void messages.init({
  resources: ERROR_RESOURCES,
  lng: 'id',
  fallbackLng: false,
  ns: [...ERROR_NAMESPACES],
  defaultNS: 'errors',
  keySeparator: false,
  nsSeparator: false,
  initAsync: false,
  interpolation: { escapeValue: false },
});
addRupiahFormat(messages);

const namespaces = [...ERROR_NAMESPACES];
// The web app types i18next's keys after its own dictionaries (a global declaration); the codes
// here are plain strings, checked by hasMessage instead.
type Lookup = (key: string, options: Record<string, unknown>) => string;
const t = messages.t.bind(messages) as unknown as Lookup;
const exists = messages.exists.bind(messages) as unknown as (key: string, options: Record<string, unknown>) => boolean;

export function hasMessage(code: string): boolean {
  return exists(code, { ns: namespaces, lng: 'id' });
}

/** The text of `code` in `locale` with `params` filled in; an unknown code reads as `common.bad_request`. */
export function translate(code: string, locale: Locale, params: Record<string, unknown> = {}): string {
  const key = hasMessage(code) ? code : 'common.bad_request';
  const counted = params[COUNTED_BY[key] ?? 'count'];
  const count = typeof counted === 'number' || (typeof counted === 'string' && /^\d+$/.test(counted)) ? Number(counted) : undefined;
  const variant = CONTEXT_BY[key] === undefined ? undefined : params[CONTEXT_BY[key]];
  const context = typeof variant === 'string' ? variant : undefined;
  // Params go in `replace`, so a param named like an i18next option (`context`, `lng`) stays a param.
  return t(key, { replace: params, count, context, lng: locale, ns: namespaces });
}
