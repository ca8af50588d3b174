// Cold start of `jaring serve`: time from spawn to the first 200 of /api/health on an
// empty data directory (PGlite) or an empty database (PostgreSQL), then a warm restart;
// peak resident memory (VmHWM) of the server process. Prints figures; asserts nothing.
//   node bench/cold-start.mjs [runs]      (PostgreSQL too when BENCH_DATABASE_URL is set)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const BIN = new URL('../bin/jaring.mjs', import.meta.url).pathname;
const runs = Number(process.argv[2] ?? 3);
const pgUrl = process.env.BENCH_DATABASE_URL;

function startAndTime(env) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, 'serve'], {
      env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    });
    let output = '';
    const onData = async (chunk) => {
      output += chunk;
      const match = /Jaring is running at http:\/\/localhost:(\d+)/.exec(output);
      if (!match || child.timed) return;
      child.timed = true;
      const response = await fetch(`http://127.0.0.1:${match[1]}/api/health`);
      const ms = performance.now() - started;
      const body = await response.json();
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      child.kill('SIGINT');
      child.on('close', () => resolve({ ms, peakMiB: hwm ? Number(hwm[1]) / 1024 : NaN, database: body.database }));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const report = (label, results) =>
  console.log(
    `${label.padEnd(28)} median ${median(results.map((r) => r.ms))
      .toFixed(0)
      .padStart(6)} ms ` +
      `(min ${Math.min(...results.map((r) => r.ms)).toFixed(0)}, max ${Math.max(...results.map((r) => r.ms)).toFixed(0)}); ` +
      `peak RSS median ${median(results.map((r) => r.peakMiB)).toFixed(0)} MiB`,
  );

const cold = [];
const warm = [];
for (let i = 0; i < runs; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'jaring-bench-'));
  cold.push(await startAndTime({ JARING_DATA_DIR: dir, DATABASE_URL: '' }));
  warm.push(await startAndTime({ JARING_DATA_DIR: dir, DATABASE_URL: '' }));
  rmSync(dir, { recursive: true, force: true });
}
report('pglite cold (empty dir)', cold);
report('pglite warm restart', warm);

if (pgUrl) {
  const pgCold = [];
  const pgWarm = [];
  for (let i = 0; i < runs; i++) {
    const name = `jaring_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(pgUrl);
    url.pathname = `/${name}`;
    pgCold.push(await startAndTime({ DATABASE_URL: url.toString() }));
    pgWarm.push(await startAndTime({ DATABASE_URL: url.toString() }));
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
  }
  report('postgres cold (empty db)', pgCold);
  report('postgres warm restart', pgWarm);
}
