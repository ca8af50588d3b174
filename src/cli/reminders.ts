import { parseArgs } from 'node:util';
import type { Context } from '../context.ts';
import { type ReminderSettings, runReminders } from '../modules/reminders/index.ts';
import { UsageError } from './usage-error.ts';

export class RemindersUsageError extends UsageError {}

/** `jaring reminders run`, read before the database is opened. */
export function parseRemindersArgs(args: string[]): { action: 'run' } {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {}, strict: true });
  if (positionals.length !== 1 || positionals[0] !== 'run') throw new RemindersUsageError('Usage: jaring reminders run');
  return { action: 'run' };
}

/** One run: queue what is due today and send what may go now; prints what happened. Safe to repeat. */
export async function remindersRunCommand(ctx: Context, settings: ReminderSettings): Promise<number> {
  // The log channel writes at info, which the CLI's quieter default log would swallow.
  const log = ctx.log.isLevelEnabled('info') ? ctx.log : ctx.log.child({}, { level: 'info' });
  const summary = await runReminders({ ...ctx, log }, settings);
  console.log(
    `Reminders: ${summary.queued} queued, ${summary.sent} sent, ${summary.retrying} to retry, ${summary.failed} failed, ${summary.cancelled} cancelled (opted out).` +
      (settings.quietHours && summary.queued > 0 && summary.sent === 0 ? ' Quiet hours may hold them until they end.' : ''),
  );
  return summary.failed > 0 ? 1 : 0;
}
