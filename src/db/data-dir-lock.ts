import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite's data directory belongs to one process. A second process opening it would
 * corrupt it, so every process that opens it holds this lock file first.
 */
export type DataDirLock = { release(): void };
export type LockHolder = { pid: number; port: number | null; command: string; startedAt: string };

export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    const where = holder.port ? ` at http://localhost:${holder.port}` : '';
    super(
      `The data directory ${dataDir} is in use by "jaring ${holder.command}" (pid ${holder.pid})${where}. ` +
        `Stop that process first (Ctrl-C in its terminal), or do this through the running server${where ? ` (web app or API${where})` : ''}.`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireDataDirLock(dataDir: string, command: string, port: number | null = null): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'jaring.lock');
  const holder: LockHolder = { pid: process.pid, port, command, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(holder), { flag: 'wx' });
      return { release: () => rmSync(file, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let existing: LockHolder | null = null;
      try {
        existing = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
      } catch {
        existing = null;
      }
      if (existing && existing.pid !== process.pid && isAlive(existing.pid)) throw new DataDirBusyError(dataDir, existing);
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

export function updateLockPort(dataDir: string, command: string, port: number) {
  writeFileSync(join(dataDir, 'jaring.lock'), JSON.stringify({ pid: process.pid, port, command, startedAt: new Date().toISOString() }));
}
