/** Error texts of the health programme (en). Each capability keeps its own block. */
export const healthEn = {
  // profile and IKS
  'health.pregnant_male': 'A man cannot be recorded as pregnant or with a last menstrual period.',
  'health.lmp_in_future': 'The first day of the last menstrual period, {{date}}, has not come yet.',
  'health.lmp_too_old': 'The last menstrual period {{date}} is more than 44 weeks ago: no pregnancy lasts that long.',
  'health.date_in_future': 'The date {{date}} has not come yet.',
  'health.edd_before_lmp': 'The expected delivery {{date}} must be after the last menstrual period.',
  'health.edd_without_pregnancy': 'An expected delivery date is only for a pregnancy.',
  'health.pregnancies_too_few': 'Pregnant now: the number of pregnancies is at least 1.',
  'health.kb_method_sex': 'This family-planning method does not fit the sex (vasectomy for men, tubectomy for women).',
  'health.condition_repeated': 'Each condition is recorded once.',
  'health.month_range': 'The first month {{from}} is after the last month {{to}}.',
  'health.month_range_too_long': 'The range is at most {{months}} months.',

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
  'health.screening_women_only': 'IVA and pap smear screening is for women only.',
  'health.screening_positive_needs_action': 'A positive result needs an action: cryotherapy, thermal ablation, referral or repeat.',
  'health.screening_suspected_needs_referral': 'A suspected cancer must be referred.',
  'health.screening_negative_no_action': 'A negative result needs no action.',
  'health.screening_inadequate_repeat': 'Inadequate sample: repeat the test or take no action.',
  'health.screening_no_rule': 'No recall rule covers this result on that date.',
  'health.screening_needs_office': 'Your account has no office serving this village.',
  'health.session_person_unknown': 'This person was not found.',
  'health.session_group_unknown': 'This group was not found.',
  'health.session_changed': 'A session with this id already exists with different details (topic, date, place, village or group).',
  'health.session_topic_note_required': 'Describe the other topic.',

  // finance link
  'health.status_persons_count': 'Ask for 1 to {{max}} members at a time.',
  'health.status_persons_format': 'Members are given as ids separated by commas.',
  'health.month_format': 'A month is written YYYY-MM.',
  'health.comparison_range_order': 'The last month comes on or after the first.',
  'health.comparison_range_too_long': 'At most {{max}} months at a time.',
  'health.comparison_title': 'Repayment: members under care and other members',
  'health.comparison_period':
    'Period {{from}} to {{to}} (as of {{asOf}}); under care = an encounter or counselling attendance in the 12 months up to the month end',
  'health.comparison_month': 'Month',
  'health.comparison_group': 'Group',
  'health.comparison_under_care': 'Under care',
  'health.comparison_others': 'Others',
  'health.comparison_members': 'Members',
  'health.comparison_on_time': 'On time',
  'health.comparison_par30': 'PAR30',
  'health.comparison_days_past_due': 'Mean days past due',
  'health.comparison_whole_period': 'Whole period',

  // FHIR: no texts of its own (an unknown or out-of-scope person answers common.not_found)
};
