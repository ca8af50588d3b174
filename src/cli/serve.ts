import { openConfiguredDatabase } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { updateLockPort } from '../db/data-dir-lock.ts';
import { createLogger } from '../http/logger.ts';
import { buildServer } from '../http/server.ts';

export async function serve(): Promise<number> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const started = Date.now();
  const opened = await openConfiguredDatabase(config, 'serve', (step, done, total) => {
    if (step === 'regions' && done === total) log.info({ regions: total }, 'regions loaded');
  });
  const app = await buildServer({ database: opened.database, logger: log, trustProxy: config.trustProxy, reminders: config.reminders });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  if (!config.databaseUrl) updateLockPort(config.dataDir, 'serve', port);
  log.info({ database: opened.database.kind, ms: Date.now() - started }, `Jaring is running at http://localhost:${port}`);

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, 'shutting down');
      try {
        await app.close();
        await opened.close();
        resolve(0);
      } catch (error) {
        log.error({ err: error }, 'shutdown failed');
        resolve(1);
      }
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  });
}
