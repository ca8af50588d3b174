/** Bahasa Indonesia for the health screens: encounters, referrals and illness. `health-encounters.en.ts` has the same keys. */
export const healthEncountersId = {
  healthEncounters: {},
};

export type HealthEncountersDictionary = typeof healthEncountersId;
