export { closeDay } from './close-day.service.ts';
export { financingRoutes } from './financing.routes.ts';
export { scheduleInputSchema } from './financing.schema.ts';
export { previewSchedule } from './schedule.service.ts';
