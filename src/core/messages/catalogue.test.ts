import { describe, expect, it } from 'vitest';
import { cadresEn } from '../../../web/src/i18n/cadres.en.ts';
import { cadresId } from '../../../web/src/i18n/cadres.id.ts';
import { en } from '../../../web/src/i18n/en.ts';
import { financingEn } from '../../../web/src/i18n/financing.en.ts';
import { financingId } from '../../../web/src/i18n/financing.id.ts';
import { healthEncountersEn } from '../../../web/src/i18n/health-encounters.en.ts';
import { healthEncountersId } from '../../../web/src/i18n/health-encounters.id.ts';
import { healthFinanceEn } from '../../../web/src/i18n/health-finance.en.ts';
import { healthFinanceId } from '../../../web/src/i18n/health-finance.id.ts';
import { healthProfileEn } from '../../../web/src/i18n/health-profile.en.ts';
import { healthProfileId } from '../../../web/src/i18n/health-profile.id.ts';
import { healthScreeningEn } from '../../../web/src/i18n/health-screening.en.ts';
import { healthScreeningId } from '../../../web/src/i18n/health-screening.id.ts';
import { id } from '../../../web/src/i18n/id.ts';
import { ledgerEn } from '../../../web/src/i18n/ledger.en.ts';
import { ledgerId } from '../../../web/src/i18n/ledger.id.ts';
import { partnershipsWebEn } from '../../../web/src/i18n/partnerships.en.ts';
import { partnershipsWebId } from '../../../web/src/i18n/partnerships.id.ts';
import { portfolioEn } from '../../../web/src/i18n/portfolio.en.ts';
import { portfolioId } from '../../../web/src/i18n/portfolio.id.ts';
import { registryEn } from '../../../web/src/i18n/registry.en.ts';
import { registryId } from '../../../web/src/i18n/registry.id.ts';
import { savingsEn } from '../../../web/src/i18n/savings.en.ts';
import { savingsId } from '../../../web/src/i18n/savings.id.ts';
import { translate } from '../messages.ts';
import { COUNTED_BY, ERROR_NAMESPACES, ERROR_RESOURCES } from './catalogue.ts';
import { fieldEn } from './field.en.ts';
import { fieldId } from './field.id.ts';

type Resource = { [key: string]: string | Resource };

/** Every text of a resource by its dotted path (the error codes' own dots are kept as they are). */
function texts(resource: Resource, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(resource)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [path, text] of texts(value, `${prefix}${key}.`)) out.set(path, text);
  }
  return out;
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const variables = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1] ?? '').sort();

/** Per key (plural forms folded into their key): the interpolation variables of each form. */
function shape(resource: Resource): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const [path, text] of texts(resource)) {
    const key = path.replace(PLURAL_SUFFIX, '');
    out.set(key, [...(out.get(key) ?? []), variables(text)]);
  }
  return out;
}

const pairs: [string, Resource, Resource][] = [
  ...ERROR_NAMESPACES.map((ns): [string, Resource, Resource] => [ns, ERROR_RESOURCES.id[ns], ERROR_RESOURCES.en[ns]]),
  ['field', fieldId, fieldEn],
  ['web', id, en],
  ['web registry', registryId, registryEn],
  ['web ledger', ledgerId, ledgerEn],
  ['web savings', savingsId, savingsEn],
  ['web financing', financingId, financingEn],
  ['web portfolio', portfolioId, portfolioEn],
  ['web cadres', cadresId, cadresEn],
  ['web health-profile', healthProfileId, healthProfileEn],
  ['web health-encounters', healthEncountersId, healthEncountersEn],
  ['web health-screening', healthScreeningId, healthScreeningEn],
  ['web health-finance', healthFinanceId, healthFinanceEn],
  ['web partnerships', partnershipsWebId, partnershipsWebEn],
];

describe('the message catalogue', () => {
  it.each(pairs)('%s: every key has Indonesian and English text with the same interpolation variables', (_, indonesian, english) => {
    const idShape = shape(indonesian);
    const enShape = shape(english);
    expect([...enShape.keys()].sort()).toEqual([...idShape.keys()].sort());
    for (const [key, forms] of idShape) {
      const wanted = forms[0];
      for (const form of [...forms, ...(enShape.get(key) ?? [])]) expect({ key, variables: form }).toEqual({ key, variables: wanted });
    }
  });

  it.each(pairs)('%s: no text keeps the old single-brace placeholders', (_, indonesian, english) => {
    const old = [...texts(indonesian), ...texts(english)].filter(([, text]) => /(^|[^{])\{\w+(:\w+)?\}/.test(text));
    expect(old).toEqual([]);
  });

  it('names a counting param only for codes that have a singular', () => {
    for (const [code, param] of Object.entries(COUNTED_BY)) {
      const namespace = ERROR_NAMESPACES.find((ns) => code in ERROR_RESOURCES.id[ns]);
      expect({ code, namespace }).toEqual({ code, namespace: expect.any(String) });
      const english = texts(ERROR_RESOURCES.en[namespace ?? 'errors']);
      expect(english.get(`${code}_one`)).toContain(`{{${param}}}`);
    }
  });
});

describe('variants', () => {
  it('words a full group by what its kind counts, members or households', () => {
    expect(translate('groups.size_limit', 'id', { kind: 'KUBE', max: 10, counts: 'households' })).toBe(
      'Kelompok KUBE paling banyak 10 keluarga; kelompok ini sudah penuh.',
    );
    expect(translate('groups.size_limit', 'en', { kind: 'USEP KM', max: 30, counts: 'members' })).toBe(
      'A USEP KM group has at most 30 members; this group is full.',
    );
  });
});

describe('plural forms', () => {
  it('says 1 month, 2 months in English; Indonesian has one form', () => {
    const params = (months: number) => ({ months, first: '2026-01', expected: '42000' });
    expect(translate('contributions.amount_wrong', 'en', params(1))).toBe(
      'The contribution for 1 month from 2026-01 is 42000; check the amount received.',
    );
    expect(translate('contributions.amount_wrong', 'en', params(3))).toBe(
      'Contributions for 3 months from 2026-01 are 42000; check the amount received.',
    );
    expect(translate('contributions.amount_wrong', 'id', params(1))).toBe(
      'Iuran 1 bulan mulai 2026-01 adalah 42000; periksa jumlah yang diterima.',
    );
    expect(translate('jkn.penalty.penalty_applies', 'en', { penalty: 'Rp1.000', months: 1 })).toBe(
      'Inpatient care within 45 days after reactivation: penalty Rp1.000 for 1 month in arrears.',
    );
    expect(translate('auth.too_many_attempts', 'en', { retryAfterMinutes: '1' })).toBe(
      'Too many failed sign-in attempts. Try again in 1 minute.',
    );
    expect(translate('cadre.caseload_full', 'en', { count: 1, cap: 1 })).toBe('This cadre already looks after 1 family; the cap is 1.');
    expect(translate('cadre.caseload_full', 'en', { count: 0, cap: 1 })).toBe('This cadre already looks after 0 families; the cap is 1.');
    expect(translate('cadre.caseload_full', 'id', { count: 1, cap: 1 })).toBe('Kader ini sudah mendampingi 1 keluarga; batasnya 1.');
  });
});
