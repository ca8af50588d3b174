/** Error texts of the health programme (en). Each capability keeps its own block. */
export const healthEn = {
  // profile and IKS
  'health.placeholder_profile': 'The health profile is not available yet.',

  // encounters, referrals, illness
  'health.placeholder_encounters': 'Encounters are not available yet.',

  // screening and counselling sessions
  'health.placeholder_screening': 'Screening is not available yet.',

  // finance link
  'health.placeholder_finance': 'Not available yet.',

  // FHIR: no texts of its own (an unknown or out-of-scope person answers common.not_found)
};
