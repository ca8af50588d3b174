/**
 * Lints the OpenAPI document the server publishes: builds it from the routes as
 * /api/openapi.json does, writes it to a temporary file and runs `redocly lint` on it with
 * the committed redocly.yaml. Any error or warning fails (npm run check runs this).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOpenApi } from '../src/http/openapi.ts';
import { allRoutes } from '../src/http/routes.ts';

type LintReport = {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
};

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const dir = mkdtempSync(join(tmpdir(), 'jaring-openapi-'));
try {
  const file = join(dir, 'openapi.json');
  writeFileSync(file, JSON.stringify(buildOpenApi(allRoutes(), version), null, 2));
  const lint = spawnSync(
    join(root, 'node_modules/.bin/redocly'),
    ['lint', file, '--config', join(root, 'redocly.yaml'), '--format', 'json', '--max-problems', '10000'],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    },
  );
  const jsonStart = lint.stdout.indexOf('{');
  if (jsonStart < 0) {
    process.stderr.write(lint.stdout + lint.stderr);
    throw new Error(`redocly lint gave no report (exit ${lint.status})`);
  }
  // redocly's exit code counts only errors; here a warning fails the check too.
  const report = JSON.parse(lint.stdout.slice(jsonStart)) as LintReport;
  for (const problem of report.problems)
    console.error(`${problem.severity} ${problem.ruleId}: ${problem.message} at ${problem.location[0]?.pointer ?? '#'}`);
  const { errors, warnings } = report.totals;
  console.log(`OpenAPI lint (redocly ${lint.status === 0 ? 'ok' : 'failed'}): ${errors} errors, ${warnings} warnings`);
  process.exitCode = errors + warnings > 0 || lint.status !== 0 ? 1 : 0;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
