import { resolve } from 'node:path';
import { z } from 'zod';

/** The only place that reads process.env. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_REPLICA_URL: z.string().url().optional(),
  JARING_DATA_DIR: z.string().default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TEST_DATABASE_URL: z.string().url().optional(),
  TEST_REPLICA_URL: z.string().url().optional(),
  JARING_E2E: z.enum(['required', 'optional', 'off']).default('optional'),
  JARING_URL: z.string().url().optional(),
  JARING_TRUST_PROXY: z.string().optional(),
});

/**
 * Which reverse proxies may name the client in X-Forwarded-For: a number of hops (the proxies
 * right in front of Jaring), or a comma-separated list of addresses, CIDR ranges or the names
 * `loopback`, `linklocal`, `uniquelocal`. Off by default: a client could otherwise pick its
 * own address and escape the per-client limits.
 */
export type TrustProxy = false | { hops: number } | { addresses: string[] };

const ADDRESS = /^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/;

export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim().toLowerCase() ?? '';
  if (text === '' || text === 'false' || text === 'off' || text === '0') return false;
  if (/^\d+$/.test(text)) return { hops: Number(text) };
  const addresses = text.split(',').map((part) => part.trim());
  const wrong = addresses.filter((part) => !ADDRESS.test(part));
  if (wrong.length > 0)
    throw new Error(
      `Invalid environment: JARING_TRUST_PROXY: a number of hops or a comma-separated list of addresses/CIDR ranges, not "${wrong.join(', ')}"`,
    );
  return { addresses };
}

export type Config = {
  port: number;
  host: string;
  databaseUrl?: string;
  /** A PostgreSQL streaming replica of databaseUrl: reports, dashboards, exports and the sync bundle read from it (src/db/replica.ts). */
  databaseReplicaUrl?: string;
  dataDir: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  testDatabaseUrl?: string;
  e2e: 'required' | 'optional' | 'off';
  trustProxy: TrustProxy;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  const e = parsed.data;
  if (e.DATABASE_REPLICA_URL && !e.DATABASE_URL)
    throw new Error('Invalid environment: DATABASE_REPLICA_URL: a replica of a PostgreSQL DATABASE_URL, which is not set');
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseReplicaUrl: e.DATABASE_REPLICA_URL,
    dataDir: resolve(e.JARING_DATA_DIR),
    logLevel: e.LOG_LEVEL,
    testDatabaseUrl: e.TEST_DATABASE_URL,
    e2e: e.JARING_E2E,
    trustProxy: parseTrustProxy(e.JARING_TRUST_PROXY),
  };
}
