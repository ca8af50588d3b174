import type { i18n } from 'i18next';
import { formatRupiah } from '../format.ts';
import { aidEn } from './aid.en.ts';
import { aidId } from './aid.id.ts';
import { dashboardsEn } from './dashboards.en.ts';
import { dashboardsId } from './dashboards.id.ts';
import { errorsEn } from './errors.en.ts';
import { errorsId } from './errors.id.ts';
import { healthEn } from './health.en.ts';
import { healthId } from './health.id.ts';
import { moneyEn } from './money.en.ts';
import { moneyId } from './money.id.ts';
import { partnershipsEn } from './partnerships.en.ts';
import { partnershipsId } from './partnerships.id.ts';
import { syncEn } from './sync.en.ts';
import { syncId } from './sync.id.ts';
import { usepEn } from './usep.en.ts';
import { usepId } from './usep.id.ts';

/**
 * The one message catalogue: i18next resources per language and namespace, read by the server's
 * `translate` (src/core/messages.ts), the office web app and the field app. Keys of the error
 * namespaces are the stable error codes clients rely on.
 */
export const ERROR_NAMESPACES = ['errors', 'money', 'sync', 'health', 'aid', 'partnerships', 'usep', 'dashboards'] as const;

/** Every error code: a key of the error namespaces (field-level codes included). */
export type ErrorCode =
  | keyof typeof errorsId
  | keyof typeof moneyId
  | keyof typeof syncId
  | keyof typeof healthId
  | keyof typeof aidId
  | keyof typeof partnershipsId
  | keyof typeof usepId
  | keyof typeof dashboardsId;

export const ERROR_RESOURCES = {
  id: {
    errors: errorsId,
    money: moneyId,
    sync: syncId,
    health: healthId,
    aid: aidId,
    partnerships: partnershipsId,
    usep: usepId,
    dashboards: dashboardsId,
  },
  en: {
    errors: errorsEn,
    money: moneyEn,
    sync: syncEn,
    health: healthEn,
    aid: aidEn,
    partnerships: partnershipsEn,
    usep: usepEn,
    dashboards: dashboardsEn,
  },
};

/**
 * The param that counts, for codes with singular forms whose param is not i18next's `count` (the
 * params are part of problem+json, so they keep their names).
 */
export const COUNTED_BY: Record<string, string> = {
  'auth.too_many_attempts': 'retryAfterMinutes',
  'jkn.penalty.penalty_applies': 'months',
  'contributions.amount_wrong': 'months',
};

/**
 * The param that picks a variant (i18next context, `code_<value>`), for codes whose words depend
 * on a kind: a group kind counts its members or its households.
 */
export const CONTEXT_BY: Record<string, string> = {
  'groups.size_limit': 'counts',
};

/**
 * `{{amount, rupiah}}`: an amount param (whole rupiah as a decimal string) shown as Rp1.650.000,
 * while the params themselves stay plain numbers for programs; anything else is shown as given.
 */
export function addRupiahFormat(instance: i18n): void {
  instance.services.formatter?.add('rupiah', (value: unknown) => {
    const text = String(value);
    return /^-?\d+$/.test(text) ? formatRupiah(text) : text;
  });
}
