import type { syncId } from './sync.id.ts';
import type { Translation } from './translation.ts';

/** English: the same keys as `sync.id.ts`, plus `_one` singulars where a count is shown. */
export const syncEn: Translation<typeof syncId> = {
  'jkn.admitted_before_reactivation': 'The admission date is before the card was reactivated; check both dates.',
  'sync.financing_unknown': 'This financing was not found or is outside your regions. Download the data again and check the member.',
  'sync.group_unknown': 'This group was not found or is outside your regions.',
  'sync.family_unknown': 'This family was not found or is not in your care. Download the data again.',
  'sync.type_unknown': 'The server does not know records of type "{{type}}" yet. Update the app.',
  'sync.payload_invalid': 'The record is incomplete or wrong: {{fields}}.',
  'sync.person_unknown': 'This person was not found or is outside your regions. Download the data again and check the family.',
  'sync.session_unknown': 'This counselling session was not found or is outside your regions.',
  'sync.receipt_number_foreign':
    'Receipt number {{number}} does not belong to this phone or your account. Do not change receipt numbers; record the payment again on your phone.',
  'sync.receipt_number_taken':
    'Receipt number {{number}} is already used for another payment. This payment was not recorded; check its receipt.',
};
