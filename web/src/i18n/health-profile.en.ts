import type { HealthProfileDictionary } from './health-profile.id.ts';

/** English for the health screens: profile and IKS; the same keys as `health-profile.id.ts`. */
export const healthProfileEn: HealthProfileDictionary = {
  nav: {
    healthIks: 'Healthy Family Index',
    recalls: 'Screening recalls',
    healthSessions: 'Counselling sessions',
    atRisk: 'Members at risk',
    repaymentComparison: 'Health & repayment',
  },
  navSection: { health: 'Health' },
  navHint: {
    healthIks: 'IKS (PIS-PK): 12 indicators per family, by village and office, with the trend.',
    recalls: 'Women due or overdue for IVA or pap smear screening.',
    healthSessions: 'Counselling sessions: topic, place, attendance.',
    atRisk: 'Members who are ill and have an instalment due.',
    repaymentComparison: 'On-time repayment of members under the family-doctor programme against the others.',
  },
  healthProfile: {
    fhir: {
      title: 'Health record (FHIR)',
      hint: 'An HL7 FHIR R4 file for SATUSEHAT or the facility a patient is referred to. Every download is written to the audit trail.',
      download: 'Download FHIR',
    },
  },
};
