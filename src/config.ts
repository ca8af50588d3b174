import { resolve } from 'node:path';
import { z } from 'zod';
// The pure rules file, not the module's index: loading the config must not load every module.
import {
  CHANNELS,
  type Channel,
  DEFAULT_REMINDER_SETTINGS,
  parseQuietHours,
  type ReminderSettings,
} from './modules/reminders/reminders.rules.ts';

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
  // Reminders (docs/reminders.md).
  JARING_REMINDER_CHANNELS: z.string().default('log'),
  JARING_REMINDER_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(1440).default(DEFAULT_REMINDER_SETTINGS.intervalMinutes),
  JARING_REMINDER_QUIET_HOURS: z.string().default('21:00-07:00'),
  JARING_REMINDER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(DEFAULT_REMINDER_SETTINGS.maxAttempts),
  JARING_REMINDER_BACKOFF_SECONDS: z.coerce.number().int().min(1).max(86_400).default(DEFAULT_REMINDER_SETTINGS.backoffSeconds),
  JARING_REMINDER_LEASE_SECONDS: z.coerce.number().int().min(30).max(86_400).default(DEFAULT_REMINDER_SETTINGS.leaseSeconds),
  JARING_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'an smtp:// or smtps:// URL')
    .optional(),
  JARING_SMTP_FROM: z.string().default('Jaring <jaring@localhost>'),
  JARING_MESSAGE_GATEWAY_URL: z.string().url().optional(),
  JARING_MESSAGE_GATEWAY_KEY: z.string().optional(),
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
  reminders: ReminderSettings;
};

/** The reminder settings of the environment; a channel enabled without its service configured is refused. */
export function parseReminderSettings(e: z.infer<typeof envSchema>): ReminderSettings {
  const names = e.JARING_REMINDER_CHANNELS.split(',')
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean);
  const wrong = names.filter((name) => !(CHANNELS as readonly string[]).includes(name));
  if (wrong.length > 0)
    throw new Error(
      `Invalid environment: JARING_REMINDER_CHANNELS: a comma-separated list of ${CHANNELS.join(', ')}, not "${wrong.join(', ')}"`,
    );
  const channels = [...new Set(names)] as Channel[];
  if (channels.includes('email') && !e.JARING_SMTP_URL)
    throw new Error('Invalid environment: JARING_REMINDER_CHANNELS has email but JARING_SMTP_URL is not set');
  if ((channels.includes('sms') || channels.includes('whatsapp')) && !(e.JARING_MESSAGE_GATEWAY_URL && e.JARING_MESSAGE_GATEWAY_KEY))
    throw new Error(
      'Invalid environment: JARING_REMINDER_CHANNELS has sms/whatsapp but JARING_MESSAGE_GATEWAY_URL and JARING_MESSAGE_GATEWAY_KEY are not both set',
    );
  const quietHours = parseQuietHours(e.JARING_REMINDER_QUIET_HOURS);
  if (quietHours === undefined)
    throw new Error(
      `Invalid environment: JARING_REMINDER_QUIET_HOURS: HH:MM-HH:MM in office time (WIB) or "off", not "${e.JARING_REMINDER_QUIET_HOURS}"`,
    );
  return {
    channels,
    intervalMinutes: e.JARING_REMINDER_INTERVAL_MINUTES,
    quietHours,
    maxAttempts: e.JARING_REMINDER_MAX_ATTEMPTS,
    backoffSeconds: e.JARING_REMINDER_BACKOFF_SECONDS,
    leaseSeconds: e.JARING_REMINDER_LEASE_SECONDS,
    smtp: e.JARING_SMTP_URL ? { url: e.JARING_SMTP_URL, from: e.JARING_SMTP_FROM } : null,
    gateway:
      e.JARING_MESSAGE_GATEWAY_URL && e.JARING_MESSAGE_GATEWAY_KEY
        ? { url: e.JARING_MESSAGE_GATEWAY_URL, key: e.JARING_MESSAGE_GATEWAY_KEY }
        : null,
  };
}

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
    reminders: parseReminderSettings(e),
  };
}
