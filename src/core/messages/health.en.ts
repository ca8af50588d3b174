/** Error texts of the health programme (en). Each capability keeps its own block. */
export const healthEn = {
  // profile and IKS
  'health.placeholder_profile': 'The health profile is not available yet.',

  // encounters, referrals, illness
  'health.vital_out_of_range': 'Outside the range that can be measured: {{min}}–{{max}} {{unit}}.',
  'health.vital_decimals': 'At most {{decimals}} decimal places ({{unit}}).',
  'health.diastolic_not_below_systolic': 'The diastolic pressure must be lower than the systolic ({{systolic}} {{unit}}).',
  'health.unknown_icd10': 'The ICD-10 code {{icd10}} is not in the list.',
  'health.duplicate_diagnosis': 'The diagnosis {{icd10}} is given twice.',
  'health.date_before_birth': 'This date is before the date of birth ({{birthDate}}).',
  'health.date_after_death': 'This date is after the date of death ({{diedOn}}).',
  'health.encounter_by_worker': 'An encounter is recorded by a health worker signed in with their own account.',
  'health.outcome_before_referral': 'The outcome cannot be before the referral ({{referredOn}}).',
  'health.to_before_from': 'The end cannot be before the start ({{fromOn}}).',
  'health.days_unable_too_many': 'At most {{days}} days in this date range.',
  'health.illness_overlaps': 'An illness episode already covers some of these days: from {{fromOn}} to {{toOn}}.',
  'health.illness_overlaps_open': 'An illness episode since {{fromOn}} has not ended yet.',

  // screening and counselling sessions
  'health.placeholder_screening': 'Screening is not available yet.',

  // finance link
  'health.placeholder_finance': 'Not available yet.',

  // FHIR
  'health.placeholder_fhir': 'Not available yet.',
};
