/** Error texts of the health programme (en). Each capability keeps its own block. */
export const healthEn = {
  // profile and IKS
  'health.placeholder_profile': 'The health profile is not available yet.',

  // encounters, referrals, illness
  'health.placeholder_encounters': 'Encounters are not available yet.',

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
  'health.placeholder_finance': 'Not available yet.',

  // FHIR
  'health.placeholder_fhir': 'Not available yet.',
};
