import type { HealthEncountersDictionary } from './health-encounters.id.ts';

/** English for the health screens: encounters, referrals and illness; the same keys as `health-encounters.id.ts`. */
export const healthEncountersEn: HealthEncountersDictionary = {
  healthEncounters: {},
};
