export { healthFieldBundle } from './field.service.ts';
export type { IllnessStatus } from './finance-link.rules.ts';
export { illnessStatusOf } from './finance-link.service.ts';
export { healthRoutes } from './health.routes.ts';
export { type ScreeningInput, type ScreeningView, screeningInputSchema } from './screening.schema.ts';
export { recordScreening, recordScreeningOnce } from './screening.service.ts';
export { type SessionAttendanceInput, type SessionView, sessionAttendanceInputSchema } from './sessions.schema.ts';
export { recordSessionAttendance } from './sessions.service.ts';
