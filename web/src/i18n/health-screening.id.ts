/** Bahasa Indonesia for the health screens: screening, recalls and counselling sessions. `health-screening.en.ts` has the same keys. */
export const healthScreeningId = {
  healthScreening: {},
};

export type HealthScreeningDictionary = typeof healthScreeningId;
