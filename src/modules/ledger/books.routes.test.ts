import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { YOGYA_FUND } from '../../testing/financing-fixtures.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD, fillDemo } from '../demo/index.ts';
import { exportBooks, verifyExport } from './index.ts';

const BIN = fileURLToPath(new URL('../../../bin/jaring.mjs', import.meta.url));
const HOUR = 3_600_000;

/** Runs the real CLI; DATABASE_URL points at nothing, so `books verify` proves it needs no database. */
function cli(args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', JARING_DATA_DIR: '/nonexistent' },
      stdio: 'pipe',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

for (const kind of testDatabaseKinds()) {
  describe(`tamper-evident books [${kind}]`, () => {
    let server: TestServer;
    let manager: ApiClient;
    let admin: ApiClient;
    let auditor: ApiClient;
    let cashier: ApiClient;
    let dir: string;
    let entryId: string;
    // Business date 2026-03-02 (WIB), 08:00.
    const clock = fixedClock(new Date('2026-03-02T01:00:00Z'));

    const tamper = (statement: ReturnType<typeof sql>) =>
      server.database.db.transaction().execute(async (tx) => {
        // As the database superuser, past the append-only triggers.
        await sql`SET LOCAL session_replication_role = replica`.execute(tx);
        await statement.execute(tx);
      });
    const exportTo = async (name: string) => {
      const lines: string[] = [];
      await exportBooks(server.database.db, 'YK01', '2026-03-02', '2026-03-03', async (line) => {
        lines.push(line);
      });
      const file = join(dir, name);
      await writeFile(file, `${lines.join('\n')}\n`);
      return file;
    };
    const verifyFile = async (file: string) =>
      verifyExport(createInterface({ input: Readable.from([await readFile(file, 'utf8')]), crlfDelay: Number.POSITIVE_INFINITY }));

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'jaring-books-'));
      server = await startTestServer(kind, { serveWeb: false, clock });
      await fillDemo(systemTestContext(server.database, clock));
      const signIn = async () => {
        manager = new ApiClient(server.url);
        admin = new ApiClient(server.url);
        auditor = new ApiClient(server.url);
        cashier = new ApiClient(server.url);
        await manager.login('manajer', DEMO_PASSWORD);
        await admin.login('admin', DEMO_PASSWORD);
        await auditor.login('auditor', DEMO_PASSWORD);
        await cashier.login('kasir', DEMO_PASSWORD);
      };
      await signIn();
      expect((await manager.post('/api/v1/funds', { ...YOGYA_FUND, capitalDate: '2026-03-02' })).status).toBe(201);
      const posted = await manager.post('/api/v1/ledger/entries', {
        officeCode: 'YK01',
        entryDate: '2026-03-02',
        memo: 'Biaya ATK Maret',
        lines: [
          { accountCode: '5.2.02', debit: '150000' },
          { accountCode: '1.1.02', credit: '150000', fundCode: 'DANA-YK' },
        ],
      });
      expect(posted.status).toBe(201);
      entryId = posted.body.id;
      clock.advance(HOUR);
      expect((await admin.post('/api/v1/financing/close-day', { date: '2026-03-02' })).status).toBe(200);
      // The next day: another posting, then its close.
      clock.advance(24 * HOUR);
      await signIn();
      await manager.post('/api/v1/ledger/entries', {
        officeCode: 'YK01',
        entryDate: '2026-03-03',
        memo: 'Biaya transport',
        lines: [
          { accountCode: '5.2.02', debit: '75000' },
          { accountCode: '1.1.02', credit: '75000', fundCode: 'DANA-YK' },
        ],
      });
      clock.advance(HOUR);
      expect((await admin.post('/api/v1/financing/close-day', { date: '2026-03-03' })).status).toBe(200);
    }, 300_000);
    afterAll(async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    });

    it('seals each office’s day at close: the integrity check re-hashes it and finds it whole; the day’s root is on its trial balance', async () => {
      const integrity = await auditor.get('/api/v1/ledger/integrity?from=2026-03-02&to=2026-03-03');
      expect(integrity.status).toBe(200);
      expect(integrity.body.ok).toBe(true);
      expect(integrity.body.problem).toBeNull();
      // YK01 and BD01 and the organisation's own audit chain, two days each.
      expect(integrity.body.checked.days).toBe(6);
      expect(integrity.body.checked.entries).toBe(3);
      expect(integrity.body.checked.lines).toBe(6);
      expect(integrity.body.checked.audits).toBeGreaterThan(0);
      const yk = integrity.body.roots.find((root: { office: string }) => root.office === 'YK01');
      expect(yk).toMatchObject({ day: '2026-03-03', root: expect.stringMatching(/^[0-9a-f]{64}$/) });

      const trial = await manager.get('/api/v1/ledger/trial-balance?asOf=2026-03-03&office=YK01');
      expect(trial.body.booksRoots).toEqual([{ office: 'YK01', root: yk.root }]);
      // A closed day is sealed once: closing it again writes no second root.
      await admin.post('/api/v1/financing/close-day', { date: '2026-03-03' });
      expect((await auditor.get('/api/v1/ledger/integrity?from=2026-03-02&to=2026-03-03')).body.roots).toEqual(integrity.body.roots);
    });

    it('names the day, line and field a superuser changed past the triggers, in the database and offline', async () => {
      const clean = await exportTo('clean.jsonl');
      const before = await cli(['books', 'verify', clean]);
      expect(before.stderr).toBe('');
      expect(before.code).toBe(0);
      expect(before.stdout).toMatch(/^OK: office YK01, 2 days, \d+ records; last root [0-9a-f]{64}\.\n$/);

      await tamper(sql`UPDATE journal_line SET debit = 1150000 WHERE entry_id = ${entryId} AND line_no = 1`);
      const integrity = await auditor.request('GET', '/api/v1/ledger/integrity?from=2026-03-02&to=2026-03-03', undefined, {
        'accept-language': 'en',
      });
      expect(integrity.body.ok).toBe(false);
      expect(integrity.body.problem).toEqual({
        office: 'YK01',
        day: '2026-03-02',
        kind: 'field',
        record: { kind: 'line', id: `${entryId}#1` },
        field: 'debit',
        value: '1150000',
        message: `Day 2026-03-02, office YK01: journal line ${entryId}#1 changed in field debit (now: 1150000).`,
      });

      const tampered = await exportTo('tampered.jsonl');
      const offline = await verifyFile(tampered);
      expect(offline.problem).toMatchObject({
        day: '2026-03-02',
        kind: 'field',
        record: { kind: 'line', id: `${entryId}#1` },
        field: 'debit',
      });
      const run = await cli(['books', 'verify', tampered]);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`NOT OK: day 2026-03-02, line ${entryId}#1: field debit does not match (now: 1150000).\n`);

      // The exported file edited by hand is caught the same way.
      const edited = (await readFile(clean, 'utf8')).replace('"Biaya transport"', '"Biaya transportasi"');
      await writeFile(join(dir, 'edited.jsonl'), edited);
      expect((await verifyFile(join(dir, 'edited.jsonl'))).problem).toMatchObject({ day: '2026-03-03', kind: 'field', field: 'memo' });

      await tamper(sql`UPDATE journal_line SET debit = 150000 WHERE entry_id = ${entryId} AND line_no = 1`);
      expect((await auditor.get('/api/v1/ledger/integrity?from=2026-03-02&to=2026-03-03')).body.ok).toBe(true);
    });

    it('names an audit record changed and an entry slipped into a sealed day; only book checkers check', async () => {
      const sealedAudit = await sql<{ id: string; action: string }>`
        SELECT a.id::text AS id, a.action FROM audit_log a JOIN books_root r ON r.scope = a.office_id::text
        WHERE a.at > r.audit_from AND a.at <= r.audit_until ORDER BY a.at LIMIT 1`.execute(server.database.db);
      const audit = sealedAudit.rows[0];
      expect(audit).toBeDefined();
      await tamper(sql`UPDATE audit_log SET action = 'nothing.happened' WHERE id = ${audit?.id}`);
      const changed = await auditor.get('/api/v1/ledger/integrity?from=2026-03-02&to=2026-03-03');
      expect(changed.body.problem).toMatchObject({
        kind: 'field',
        record: { kind: 'audit', id: audit?.id },
        field: 'action',
        value: 'nothing.happened',
      });
      await tamper(sql`UPDATE audit_log SET action = ${audit?.action} WHERE id = ${audit?.id}`);

      // A posting dated a sealed day after its close is reported, not silently added.
      const late = await manager.post('/api/v1/ledger/entries', {
        officeCode: 'YK01',
        entryDate: '2026-03-02',
        memo: 'Dicatat sesudah tutup hari',
        lines: [
          { accountCode: '5.2.02', debit: '1000' },
          { accountCode: '1.1.02', credit: '1000', fundCode: 'DANA-YK' },
        ],
      });
      expect(late.status).toBe(201);
      const added = await auditor.get('/api/v1/ledger/integrity?from=2026-03-02&to=2026-03-03');
      expect(added.body.problem).toMatchObject({ day: '2026-03-02', kind: 'record_added', record: { kind: 'entry', id: late.body.id } });
      expect((await cashier.get('/api/v1/ledger/integrity?from=2026-03-02&to=2026-03-03')).status).toBe(403);
    });

    it('refuses a reversed or over-long period and an unknown office alike', async () => {
      const reversed = await auditor.get('/api/v1/ledger/integrity?from=2026-03-03&to=2026-03-02');
      expect(reversed.status).toBe(422);
      expect((await auditor.get('/api/v1/ledger/integrity?from=2025-01-01&to=2026-03-02')).status).toBe(422);
      expect((await auditor.get('/api/v1/ledger/integrity?from=2026-03-02&to=2026-03-31')).status).toBe(200);
      const outOfScope = await manager.get('/api/v1/ledger/integrity?from=2026-03-02&to=2026-03-03&office=BD01');
      const unknown = await manager.get('/api/v1/ledger/integrity?from=2026-03-02&to=2026-03-03&office=ZZ99');
      expect(outOfScope.status).toBe(422);
      expect([outOfScope.status, outOfScope.body.code]).toEqual([unknown.status, unknown.body.code]);
      const bad = await cli(['books', 'verify', join(dir, 'missing.jsonl')]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('no such file');
      await writeFile(join(dir, 'not-books.jsonl'), '%PDF-1.4 not an export\n');
      const notBooks = await cli(['books', 'verify', join(dir, 'not-books.jsonl')]);
      expect(notBooks.code).toBe(1);
      expect(notBooks.stderr).toContain('line 1: not JSON');
    });
  });
}
