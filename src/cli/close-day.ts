import { parseArgs } from 'node:util';
import type { Context } from '../context.ts';
import { closeDay } from '../modules/financing/index.ts';
import { UsageError } from './usage-error.ts';

export class CloseDayUsageError extends UsageError {}

/** `jaring close-day --date YYYY-MM-DD`: progress on stderr, the result on stdout. */
export async function closeDayCommand(ctx: Context, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { date: { type: 'string' } }, strict: true });
  if (!values.date || !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new CloseDayUsageError('close-day needs --date YYYY-MM-DD');
  // Test aid: stop (without exiting) once a step has committed, so a test can kill the process there.
  const pauseAfter = process.env.JARING_CLOSE_DAY_PAUSE_AFTER;
  const result = await closeDay(ctx, values.date, {
    onStep: async (step, day) => {
      process.stderr.write(`close-day ${day}: ${step} done\n`);
      if (step === pauseAfter) {
        process.stderr.write(`paused after ${step}\n`);
        await new Promise(() => {});
      }
    },
  });
  if (result.alreadyClosed) console.log(`${result.date} was already closed; nothing changed.`);
  else {
    const before = result.daysClosed.slice(0, -1);
    if (before.length > 0) console.log(`Closed first the unclosed days before it: ${before[0]} to ${before.at(-1)} (${before.length}).`);
    console.log(`${result.date} closed: ${result.financings} active financings; steps ${result.stepsRun.join(', ') || 'none left'}.`);
  }
  return 0;
}
