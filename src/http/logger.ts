import pino, { type Logger } from 'pino';
import { maskPersonalData, maskText } from '../core/mask.ts';

/**
 * A logger that never writes passwords, tokens, cookies or NIK. In its own file so that the CLI
 * can log without loading the HTTP server and every route.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', '*.password', '*.token'],
        censor: '[redacted]',
      },
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({ method: req.method, url: maskText(req.url), id: req.id }),
        err: (err: Error) => ({ type: err.name, message: maskPersonalData(err.message), stack: maskPersonalData(err.stack ?? '') }),
      },
    },
    destination,
  );
}
