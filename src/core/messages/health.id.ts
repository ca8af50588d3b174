/** Error texts of the health programme (id). Each capability keeps its own block. */
export const healthId = {
  // profile and IKS
  'health.placeholder_profile': 'Profil kesehatan belum tersedia.',

  // encounters, referrals, illness
  'health.placeholder_encounters': 'Kunjungan belum tersedia.',

  // screening and counselling sessions
  'health.placeholder_screening': 'Skrining belum tersedia.',

  // finance link
  'health.placeholder_finance': 'Data belum tersedia.',

  // FHIR: no texts of its own (an unknown or out-of-scope person answers common.not_found)
};
