export { type EncounterInput, encounterInputSchema } from './encounters.schema.ts';
export { recordEncounter } from './encounters.service.ts';
export { healthRoutes } from './health.routes.ts';
export { illnessStatus } from './illness.rules.ts';
export { type IllnessInput, illnessInputSchema } from './illness.schema.ts';
export { recordIllness } from './illness.service.ts';
