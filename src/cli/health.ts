import { parseArgs } from 'node:util';
import type { Context } from '../context.ts';
import { exportPersonFhir } from '../modules/health/index.ts';
import { UsageError } from './usage-error.ts';

export class HealthUsageError extends UsageError {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `jaring health fhir <personId>`, read before the database is opened. */
export function parseHealthArgs(args: string[]): { personId: string } {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {}, strict: true });
  const [sub, personId] = positionals;
  if (sub !== 'fhir' || positionals.length !== 2 || !personId || !UUID.test(personId))
    throw new HealthUsageError('Usage: jaring health fhir <personId>');
  return { personId: personId.toLowerCase() };
}

/** The person's FHIR R4 Bundle on stdout; the read is audited like the API's. */
export async function healthFhirCommand(ctx: Context, personId: string): Promise<number> {
  console.log(JSON.stringify(await exportPersonFhir(ctx, personId), null, 2));
  return 0;
}
