import { ageOn } from '../../core/dates.ts';
import type { Relation } from '../registry/registry.schema.ts';
import type { ENROLMENT_STATUSES } from './enrolment.schema.ts';
import type { AID_CHANNELS } from './programme.schema.ts';

type AidChannel = (typeof AID_CHANNELS)[number];
type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/**
 * Enrolment rules, no I/O: the channel account's format, the recipient a bulk enrolment picks,
 * the status changes allowed, and how an account is shown in views, audit and logs.
 */

/** Separators people type inside an account number; removed before checking. */
const SEPARATORS = /[\s.-]/g;

export type AccountCheck = { ok: true; account: string } | { ok: false; code: 'aid.account_format' };

/**
 * An account in the channel's format, normalised:
 * - bank: 6–20 digits;
 * - lkd (e-money, layanan keuangan digital): an Indonesian mobile number 08…, +628… or 628…,
 *   10–13 digits once written 08…; kept as 08…;
 * - giro_pos: 10–16 digits (Pos Indonesia publishes no fixed length that we found).
 * Spaces, dots and hyphens are ignored.
 */
export function checkAccount(channel: AidChannel, raw: string): AccountCheck {
  const text = raw.replace(SEPARATORS, '');
  const fail = { ok: false, code: 'aid.account_format' } as const;
  switch (channel) {
    case 'bank':
      return /^\d{6,20}$/.test(text) ? { ok: true, account: text } : fail;
    case 'giro_pos':
      return /^\d{10,16}$/.test(text) ? { ok: true, account: text } : fail;
    case 'lkd': {
      const local = text.startsWith('+62') ? `0${text.slice(3)}` : text.startsWith('62') ? `0${text.slice(2)}` : text;
      return /^08[1-9]\d{7,10}$/.test(local) ? { ok: true, account: local } : fail;
    }
  }
}

/** An account as shown to people and written to audit and logs: only its last 4 digits. */
export const maskAccount = (account: string | null): string | null =>
  account === null ? null : `${'*'.repeat(Math.max(account.length - 4, 0))}${account.slice(-4)}`;

export type Candidate = { id: string; relation: Relation; sex: 'M' | 'F'; birthDate: string };

/** Age from which a person receives their own benefit; a younger one's recipient is the head. */
export const ADULT_AGE = 17;

/**
 * The recipient a bulk enrolment chooses among a family's living members:
 * - a family programme: the wife (the mother or caregiver, as PKH and the KKS card name her),
 *   else the head of household;
 * - a person programme: the person when aged 17 or more, else the head of their household.
 * `undefined` when the family has no such member (no head recorded): the unit is not enrolled.
 */
export function defaultRecipient(
  unit: { kind: 'household' } | { kind: 'person'; personId: string },
  members: Candidate[],
  today: string,
): string | undefined {
  const head = members.find((m) => m.relation === 'head');
  if (unit.kind === 'person') {
    const person = members.find((m) => m.id === unit.personId);
    if (person && ageOn(person.birthDate, today) >= ADULT_AGE) return person.id;
    return head?.id;
  }
  const wife = members.find((m) => m.relation === 'wife' && m.sex === 'F');
  return (wife ?? head)?.id;
}

export type StatusChange = { ok: true; status: EnrolmentStatus } | { ok: false; code: 'aid.enrolment_ended' | 'aid.status_unchanged' };

/**
 * The status an enrolment takes when asked for `wanted`: suspend or end what is current; resume
 * a suspension (back to pending_account when no account was given); an ended enrolment stays
 * ended (enrol again for a new one).
 */
export function changeStatus(current: EnrolmentStatus, wanted: 'enrolled' | 'suspended' | 'ended', hasAccount: boolean): StatusChange {
  if (current === 'ended') return { ok: false, code: 'aid.enrolment_ended' };
  if (wanted === 'enrolled') {
    if (current !== 'suspended') return { ok: false, code: 'aid.status_unchanged' };
    return { ok: true, status: hasAccount ? 'enrolled' : 'pending_account' };
  }
  if (current === wanted) return { ok: false, code: 'aid.status_unchanged' };
  return { ok: true, status: wanted };
}
