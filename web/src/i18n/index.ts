import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../../src/core/locale.ts';
import type { fieldId } from '../../../src/core/messages/field.id.ts';
import { aidEn } from './aid.en.ts';
import { type AidDictionary, aidId } from './aid.id.ts';
import { cadresEn } from './cadres.en.ts';
import { type CadresDictionary, cadresId } from './cadres.id.ts';
import { dashboardsWebEn } from './dashboards.en.ts';
import { type DashboardsWebDictionary, dashboardsWebId } from './dashboards.id.ts';
import { en } from './en.ts';
import { financingEn } from './financing.en.ts';
import { type FinancingDictionary, financingId } from './financing.id.ts';
import { healthEncountersEn } from './health-encounters.en.ts';
import { type HealthEncountersDictionary, healthEncountersId } from './health-encounters.id.ts';
import { healthFinanceEn } from './health-finance.en.ts';
import { type HealthFinanceDictionary, healthFinanceId } from './health-finance.id.ts';
import { healthProfileEn } from './health-profile.en.ts';
import { type HealthProfileDictionary, healthProfileId } from './health-profile.id.ts';
import { healthScreeningEn } from './health-screening.en.ts';
import { type HealthScreeningDictionary, healthScreeningId } from './health-screening.id.ts';
import { homeEn } from './home.en.ts';
import { type HomeDictionary, homeId } from './home.id.ts';
import { type Dictionary, id } from './id.ts';
import { ledgerEn } from './ledger.en.ts';
import { type LedgerDictionary, ledgerId } from './ledger.id.ts';
import { partnershipsWebEn } from './partnerships.en.ts';
import { type PartnershipsWebDictionary, partnershipsWebId } from './partnerships.id.ts';
import { personViewEn } from './person-view.en.ts';
import { type PersonViewDictionary, personViewId } from './person-view.id.ts';
import { portfolioEn } from './portfolio.en.ts';
import { type PortfolioDictionary, portfolioId } from './portfolio.id.ts';
import { registryEn } from './registry.en.ts';
import { type RegistryDictionary, registryId } from './registry.id.ts';
import { savingsEn } from './savings.en.ts';
import { type SavingsDictionary, savingsId } from './savings.id.ts';
import { usepEn } from './usep.en.ts';
import { type UsepDictionary, usepId } from './usep.id.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: Dictionary &
        RegistryDictionary &
        LedgerDictionary &
        SavingsDictionary &
        FinancingDictionary &
        PortfolioDictionary &
        CadresDictionary &
        HealthProfileDictionary &
        HealthEncountersDictionary &
        HealthScreeningDictionary &
        HealthFinanceDictionary &
        PartnershipsWebDictionary &
        AidDictionary &
        UsepDictionary &
        HomeDictionary &
        PersonViewDictionary &
        DashboardsWebDictionary;
      /** Added by the field chunk (web/src/field/field-text.ts). */
      field: typeof fieldId;
    };
  }
}

export const LANGUAGE_STORAGE_KEY = 'jaring.language';

function storedLanguage(): Locale {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY) === 'en' ? 'en' : 'id';
  } catch {
    // Storage can be blocked (private mode, policies): Bahasa Indonesia then.
    return 'id';
  }
}

const initial = storedLanguage();
document.documentElement.lang = initial;

/** The app's dictionary plus a screen group's own (its `nav` and `navHint` add to the app's). */
function merged(base: object, extra: object): object {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const existing = out[key];
    out[key] = existing && typeof existing === 'object' && value && typeof value === 'object' ? merged(existing, value as object) : value;
  }
  return out;
}

void i18next.use(initReactI18next).init({
  resources: {
    id: {
      translation: [
        registryId,
        ledgerId,
        savingsId,
        financingId,
        portfolioId,
        cadresId,
        healthProfileId,
        healthEncountersId,
        healthScreeningId,
        healthFinanceId,
        partnershipsWebId,
        aidId,
        usepId,
        homeId,
        personViewId,
        dashboardsWebId,
      ].reduce(merged, id),
    },
    en: {
      translation: [
        registryEn,
        ledgerEn,
        savingsEn,
        financingEn,
        portfolioEn,
        cadresEn,
        healthProfileEn,
        healthEncountersEn,
        healthScreeningEn,
        healthFinanceEn,
        partnershipsWebEn,
        aidEn,
        usepEn,
        homeEn,
        personViewEn,
        dashboardsWebEn,
      ].reduce(merged, en),
    },
  },
  lng: initial,
  fallbackLng: 'id',
  initAsync: false,
  interpolation: { escapeValue: false },
});

export const i18n = i18next;

/** The UI language, also sent to the API as Accept-Language. */
export const currentLocale = (): Locale => (i18next.language === 'en' ? 'en' : 'id');

export function setLanguage(locale: Locale) {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, locale);
  } catch {
    // Not remembered, but still switched for this page.
  }
  document.documentElement.lang = locale;
  void i18next.changeLanguage(locale);
}
