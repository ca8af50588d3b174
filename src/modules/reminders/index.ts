export { type Sender, type Senders, sendersFor } from './channels.ts';
export { reminderRoutes } from './reminders.routes.ts';
export { CHANNELS, type Channel, DEFAULT_REMINDER_SETTINGS, parseQuietHours, type ReminderSettings } from './reminders.rules.ts';
export { dueItems, getContact, listReminders, runReminders, setContact, setOptOut } from './reminders.service.ts';
export { type ReminderSchedule, startReminderSchedule } from './schedule.ts';
