import { translate } from '../core/messages.ts';
import { fieldErrorsFromZod } from '../http/problem.ts';
import { previewSchedule, scheduleInputSchema } from '../modules/financing/index.ts';

/** `jaring schedule`: one JSON request on stdin → the schedule as JSON; bad input → exit 2 naming the field. */
export async function scheduleCommand(readStdin: () => Promise<string>): Promise<number> {
  let input: unknown;
  try {
    input = JSON.parse(await readStdin());
  } catch {
    console.error('Standard input is not valid JSON: give one schedule request object.');
    return 2;
  }
  const parsed = scheduleInputSchema.safeParse(input);
  if (!parsed.success) {
    for (const error of fieldErrorsFromZod(parsed.error, input, ''))
      console.error(`${error.field || '(request)'}: ${error.message ?? translate(error.code, 'en', error.params)}`);
    return 2;
  }
  console.log(JSON.stringify(previewSchedule(parsed.data), null, 2));
  return 0;
}
