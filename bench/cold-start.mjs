// Cold start of `jaring serve`: time from spawn to the first 200 of /api/health on an
// empty data directory (PGlite) or an empty database (PostgreSQL), then a warm restart;
// peak resident memory (VmHWM) of the server process. Asserts no timings; exits 1 if the
// server does not come up healthy within two minutes.
// Same-run baseline: a bare Node.js HTTP server spawned and asked the same way (the runtime's
// own floor), once per run beside ours.
//   node bench/cold-start.mjs [runs]      (PostgreSQL too when BENCH_DATABASE_URL is set)
// Last line: pglite_cold_ms=A pglite_warm_ms=B [postgres_cold_ms= postgres_warm_ms=]
//            node_http_ms=C ratio=A/C warm_ratio=B/C   (medians)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const BIN = new URL('../bin/jaring.mjs', import.meta.url).pathname;
const runs = Number(process.argv[2] ?? 3);
const pgUrl = process.env.BENCH_DATABASE_URL;
const READY_WITHIN_MS = 120_000;
const BARE_SERVER = `require('node:http').createServer((q, s) => s.end('{"status":"ok"}')).listen(0, '127.0.0.1', function () {
  console.log('Jaring is running at http://localhost:' + this.address().port + '/ (bare node:http)'); })`;

/** Spawns a server, waits for its "running at" line, times the first answer of /api/health. */
function startAndTime(args, env) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    });
    let output = '';
    let timed = false;
    const fail = (message) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${args.join(' ')}: ${message}\n${output.slice(-2000)}`));
    };
    const timer = setTimeout(() => fail(`not healthy within ${READY_WITHIN_MS / 1000} s`), READY_WITHIN_MS);
    const onData = async (chunk) => {
      output += chunk;
      const match = /Jaring is running at http:\/\/localhost:(\d+)/.exec(output);
      if (!match || timed) return;
      timed = true;
      try {
        const response = await fetch(`http://127.0.0.1:${match[1]}/api/health`);
        const ms = performance.now() - started;
        const body = await response.json();
        if (response.status !== 200) return fail(`/api/health answered ${response.status}`);
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        clearTimeout(timer);
        child.removeAllListeners('exit');
        child.kill('SIGINT');
        child.on('close', () => resolve({ ms, peakMiB: hwm ? Number(hwm[1]) / 1024 : Number.NaN, database: body.database }));
      } catch (error) {
        fail(String(error));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (error) => fail(String(error)));
    child.on('exit', (code, signal) => fail(`exited (${code ?? signal}) before it answered`));
  });
}
const jaring = (env) => startAndTime([BIN, 'serve'], env);
const bare = () => startAndTime(['-e', BARE_SERVER], {});

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
const baseline = [];
for (let i = 0; i < runs; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'jaring-bench-'));
  try {
    baseline.push(await bare());
    cold.push(await jaring({ JARING_DATA_DIR: dir, DATABASE_URL: '' }));
    warm.push(await jaring({ JARING_DATA_DIR: dir, DATABASE_URL: '' }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
report('bare node:http (baseline)', baseline);
report('pglite cold (empty dir)', cold);
report('pglite warm restart', warm);
const figures = [
  `pglite_cold_ms=${median(cold.map((r) => r.ms)).toFixed(0)}`,
  `pglite_warm_ms=${median(warm.map((r) => r.ms)).toFixed(0)}`,
];

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
    try {
      baseline.push(await bare());
      pgCold.push(await jaring({ DATABASE_URL: url.toString() }));
      pgWarm.push(await jaring({ DATABASE_URL: url.toString() }));
    } finally {
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    }
  }
  report('postgres cold (empty db)', pgCold);
  report('postgres warm restart', pgWarm);
  figures.push(
    `postgres_cold_ms=${median(pgCold.map((r) => r.ms)).toFixed(0)}`,
    `postgres_warm_ms=${median(pgWarm.map((r) => r.ms)).toFixed(0)}`,
  );
}
const node = median(baseline.map((r) => r.ms));
console.log(
  `${figures.join(' ')} node_http_ms=${node.toFixed(0)} ratio=${(median(cold.map((r) => r.ms)) / node).toFixed(1)} warm_ratio=${(median(warm.map((r) => r.ms)) / node).toFixed(1)}`,
);
