import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/jaring.mjs', import.meta.url));

type Run = { code: number | null; stdout: string; stderr: string };

function jaring(args: string[], env: Record<string, string>, stdin?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env, DATABASE_URL: '' }, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.stdin.end(stdin ?? '');
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function startServe(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve'], {
      env: { ...process.env, ...env, DATABASE_URL: '', PORT: '0', HOST: '127.0.0.1' },
      stdio: 'pipe',
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /Jaring is running at (http:\/\/localhost:\d+)/.exec(output);
      if (match?.[1]) resolve({ child, url: match[1].replace('localhost', '127.0.0.1'), output: () => output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('close', (code) => reject(new Error(`serve exited ${code}: ${output}`)));
  });
}

describe('jaring CLI on the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jaring-cli-'));
  const env = { JARING_DATA_DIR: dataDir, LOG_LEVEL: 'info' };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('migrates an empty data directory and loads the regions', async () => {
    const run = await jaring(['migrate'], env);
    expect(run.stderr).toContain('Loading regions 91599/91599');
    expect(run.stdout).toContain('Database migrated; regions loaded.');
    expect(run.code).toBe(0);
  });

  it('adds the first admin from standard input, creating the organisation', async () => {
    const run = await jaring(
      ['user', 'add', 'ana', '--role', 'admin', '--name', 'Ana Wijaya', '--organisation', 'JKM Uji', '--password-stdin'],
      env,
      'rahasia-ana\n',
    );
    expect(run.stdout).toContain('User ana (admin) created');
    expect(run.code).toBe(0);
  });

  it('rejects a bad role naming the field, with exit code 2', async () => {
    const run = await jaring(['user', 'add', 'budi', '--role', 'wizard', '--password-stdin'], env, 'rahasia-budi\n');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/role: Value not allowed/);
  });

  it('refuses the demo on a database that already holds an organisation', async () => {
    const run = await jaring(['demo'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('demo data can only fill an empty database');
  });

  it('imports households from CSV: all-or-nothing by default, rejects file with --skip-invalid, unchanged on re-run', async () => {
    const header = 'no_kk,nik,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,hubungan_keluarga,alamat,rt,rw,kode_desa,desil';
    const good = '3204110101260001,3204111203850001,Asep Sunandar,L,Bandung,12-03-1985,KEPALA KELUARGA,Kp. Cibodas,002,005,3204112002,2';
    const bad = '3204110101260002,3204114107880002,Euis,L,Bandung,01-07-1988,KEPALA KELUARGA,Kp. Cibodas,002,005,3204112002,2';
    const file = join(dataDir, 'keluarga.csv');
    const rejects = join(dataDir, 'ditolak.csv');
    writeFileSync(file, `${header}\n${good}\n${bad}\n`);

    const strict = await jaring(['import', 'households', file], env);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('baris 3, kolom jenis_kelamin: Jenis kelamin tidak sesuai dengan NIK.');
    expect(strict.stdout).toContain('imported 0 households, 0 persons; 1 rows rejected; 0 unchanged');

    const lenient = await jaring(['import', 'households', file, '--skip-invalid', '--rejects', rejects], env);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toContain('imported 1 households, 1 persons; 1 rows rejected; 0 unchanged');
    expect(readFileSync(rejects, 'utf8')).toContain(`${bad},3,jenis_kelamin: Jenis kelamin tidak sesuai dengan NIK.`);

    const again = await jaring(['import', 'households', file, '--skip-invalid', '--rejects', rejects], env);
    expect(again.stdout).toContain('imported 0 households, 0 persons; 1 rows rejected; 1 unchanged');
    expect(again.stderr).toContain('Nothing new');
  });

  it('creates an API token, and while the server runs a CLI command stops with a message; Ctrl-C shuts down cleanly', async () => {
    const token = await jaring(['token', 'create', 'ana', '--name', 'uji'], env);
    expect(token.code).toBe(0);
    const secret = token.stdout.trim();
    expect(secret).toMatch(/^jrg_[A-Za-z0-9_-]{40,}$/);

    const server = await startServe(env);
    try {
      const me = await fetch(`${server.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${secret}` } });
      expect(((await me.json()) as { username: string }).username).toBe('ana');

      const blocked = await jaring(['user', 'add', 'citra', '--role', 'admin', '--password-stdin'], env, 'rahasia-citra\n');
      expect(blocked.code).toBe(1);
      expect(blocked.stderr).toContain('is in use by "jaring serve"');
      expect(blocked.stderr).toContain('Stop that process first');
    } finally {
      server.child.kill('SIGINT');
    }
    const exitCode = await new Promise<number | null>((resolve) => server.child.on('close', resolve));
    expect(exitCode).toBe(0);
    expect(existsSync(join(dataDir, 'jaring.lock'))).toBe(false);

    // The data directory is intact: the server starts again and the admin signs in.
    const again = await startServe(env);
    try {
      const login = await fetch(`${again.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'ana', password: 'rahasia-ana' }),
      });
      expect(login.status).toBe(200);
    } finally {
      again.child.kill('SIGTERM');
      await new Promise((resolve) => again.child.on('close', resolve));
    }
  });

  it('fills an empty database with the demo organisation', async () => {
    const demoDir = mkdtempSync(join(tmpdir(), 'jaring-demo-'));
    try {
      const run = await jaring(['demo'], { JARING_DATA_DIR: demoDir });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('JKM Demo');
      expect(run.stdout).toMatch(/manajer\s+manager/);
      expect(run.stdout).toContain('demo-jaring-2026');
      expect(run.stdout).toContain('300 households with');
      // The three demo cadres' verification paths: genuine, suspended, revoked.
      expect(run.stdout.match(/^ {2}\/v\/\S+$/gm)).toHaveLength(3);
      expect(run.stdout).toContain('warns: card revoked');
    } finally {
      rmSync(demoDir, { recursive: true, force: true });
    }
  });
});
