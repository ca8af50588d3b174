import { spawn, spawnSync } from 'node:child_process';

/** The PostgreSQL client programs Jaring calls for backups (pg_dump, pg_restore). */
export class ToolMissingError extends Error {}

export function findTool(name: 'pg_dump' | 'pg_restore'): string {
  const probe = spawnSync(name, ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0)
    throw new ToolMissingError(
      `${name} is not installed (or not on PATH). Install the PostgreSQL client programs of your server's major version ` +
        '(Debian/Ubuntu: apt install postgresql-client-15; other systems: see docs/operations.md), or run the commands ' +
        'shown in docs/operations.md yourself.',
    );
  return name;
}

/** The connection URL without its password, and the password in PGPASSWORD: never on a command line (ps shows those). */
export function connectionFor(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { url: parsed.toString(), env: password ? { ...process.env, PGPASSWORD: password } : { ...process.env } };
}

/** Runs a tool, its messages going to our stderr; rejects with them when it fails. */
export function runTool(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${tool} failed (exit code ${code})${stderr ? `: ${stderr.trim().split('\n').at(-1)}` : ''}`));
    });
  });
}
