import type { Logger } from 'pino';
import type { Context } from '../../context.ts';
import type { Clock } from '../../core/clock.ts';
import type { Database } from '../../db/database.ts';
import { sendersFor } from './channels.ts';
import type { ReminderSettings } from './reminders.rules.ts';
import { runReminders } from './reminders.service.ts';

export type ReminderSchedule = { stop(): Promise<void> };

/**
 * Runs reminders every `intervalMinutes` inside `jaring serve` (first run one interval after
 * start). A run still going when the next is due is not doubled; stop() waits for it.
 */
export function startReminderSchedule(database: Database, log: Logger, clock: Clock, settings: ReminderSettings): ReminderSchedule | null {
  if (settings.intervalMinutes <= 0) return null;
  const senders = sendersFor(settings, log);
  let running: Promise<void> | null = null;
  const ctx: Context = { database, db: database.db, actor: { kind: 'system', name: 'reminders' }, clock, log, locale: 'id' };
  const tick = () => {
    if (running) return;
    running = runReminders(ctx, settings, senders)
      .then((summary) => {
        if (summary.queued + summary.sent + summary.failed + summary.retrying > 0) log.info({ reminders: summary }, 'reminders run');
      })
      .catch((error: unknown) => log.error({ err: error }, 'reminders run failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, settings.intervalMinutes * 60_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
      senders.close();
    },
  };
}
