import type { HealthScreeningDictionary } from './health-screening.id.ts';

/** English for the health screens: screening, recalls and counselling sessions; the same keys as `health-screening.id.ts`. */
export const healthScreeningEn: HealthScreeningDictionary = {
  healthScreening: {},
};
