import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDate, fixedClock, systemClock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import { createFundedProgramme, type SeedUnit, seedApprovedCycle } from '../../testing/aid-fixtures.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';
import { ACCOUNTS } from '../ledger/index.ts';
import { archiveMonth, ensureComingPartitions } from '../partitions/index.ts';

const NO_SUCH_ID = '01900000-0000-7000-8000-000000000000';
const YK_VILLAGES = ['34.71.01.1001', '34.71.01.1002'];
const BD_VILLAGE = '32.04.11.2001';
const HEADER = 'reference,status,date,channel_reference,amount';

type Family = { id: string; head: string; village: string };

for (const kind of testDatabaseKinds()) {
  describe(`aid payment instructions and reconciliation [${kind}]`, () => {
    let server: TestServer;
    let admin: ApiClient;
    let manager: ApiClient;
    let supervisor: ApiClient;
    let cashier: ApiClient;
    let fundId: string;
    let cycleId: string;
    let openCycleId: string;
    let bdCycleId: string;
    let units: (SeedUnit & { entitlementId: string })[];
    const today = businessDate(systemClock);

    const q = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(server.database.db)).rows;
    const families = (villages: string[]) =>
      q<Family>(sql`SELECT h.id::text AS id, h.village_code AS village,
                      (SELECT p.id::text FROM person p WHERE p.household_id = h.id AND p.relation = 'head' LIMIT 1) AS head
                    FROM household h WHERE h.village_code IN (${sql.join(villages)})
                    AND EXISTS (SELECT 1 FROM person p WHERE p.household_id = h.id AND p.relation = 'head')
                    ORDER BY h.id`);
    /** Debit and credit of the fund's lines on the aid payable and bank accounts, whole rupiah. */
    const ledgerOf = async (fund: string) => {
      const rows = await q<{ account_code: string; debit: string; credit: string }>(
        sql`SELECT account_code, sum(debit)::text AS debit, sum(credit)::text AS credit FROM journal_line
            WHERE fund_id = ${fund} GROUP BY account_code ORDER BY account_code`,
      );
      return Object.fromEntries(rows.map((r) => [r.account_code, { debit: r.debit, credit: r.credit }]));
    };
    const statusOf = async (entitlementId: string) =>
      (
        await q<{ status: string; paid_on: string | null }>(
          sql`SELECT status, paid_on::text AS paid_on FROM aid_entitlement WHERE id = ${entitlementId}`,
        )
      )[0];
    const raw = async (client: ApiClient, method: 'GET' | 'POST', path: string, body?: string, type = 'text/csv') => {
      const headers: Record<string, string> = { cookie: client.cookie ?? '' };
      if (method === 'POST') {
        headers['x-csrf-token'] = client.csrfToken ?? '';
        headers['content-type'] = type;
      }
      const response = await fetch(`${server.url}${path}`, { method, headers, body });
      const bytes = Buffer.from(await response.arrayBuffer());
      return { status: response.status, headers: response.headers, bytes, text: bytes.toString('utf8') };
    };
    const reconcileUrl = (cycle: string, channel: string, fileName = 'konfirmasi.csv') =>
      `/api/v1/cycles/${cycle}/reconciliations?channel=${channel}&fileName=${encodeURIComponent(fileName)}`;
    const postConfirmation = async (client: ApiClient, cycle: string, channel: string, text: string, fileName?: string) => {
      const response = await raw(client, 'POST', reconcileUrl(cycle, channel, fileName), text);
      return { status: response.status, body: JSON.parse(response.text) };
    };
    /** A downloaded file's data rows as cells (the test's names hold no commas or quotes). */
    const downloadRows = async (client: ApiClient, batchId: string): Promise<string[][]> => {
      const file = await raw(client, 'GET', `/api/v1/instruction-batches/${batchId}/file.csv`);
      expect(file.status).toBe(200);
      return file.text
        .split('\r\n')
        .slice(1)
        .filter(Boolean)
        .map((line) => line.split(','));
    };
    const referenceOf = async (entitlementId: string, attempt = 1) =>
      (
        await q<{ reference: string }>(
          sql`SELECT reference FROM aid_instruction WHERE entitlement_id = ${entitlementId} AND attempt = ${attempt}`,
        )
      )[0]?.reference as string;
    const unitsOf = (channel: SeedUnit['channel']) => units.filter((u) => u.channel === channel);

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false });
      const ctx = systemTestContext(server.database);
      // The months of the cycles below (January and February 2025) get their partitions.
      await ensureComingPartitions(server.database.db, '2025-01-01', 1);
      admin = new ApiClient(server.url);
      await admin.login('admin', DEMO_PASSWORD);
      manager = new ApiClient(server.url); // YK01
      await manager.login('manajer', DEMO_PASSWORD);
      supervisor = new ApiClient(server.url); // YK01, reads
      await supervisor.login('pembina', DEMO_PASSWORD);
      cashier = new ApiClient(server.url);
      await cashier.login('kasir', DEMO_PASSWORD);

      const yk = await families(YK_VILLAGES);
      expect(yk.length).toBeGreaterThanOrEqual(8);
      const programme = await createFundedProgramme(ctx, { code: 'bayar_uji', fundCode: 'BANSOS-UJI', officeCode: 'YK01' });
      fundId = programme.fundId;
      const plan: [SeedUnit['channel'], string, bigint][] = [
        ['bank', '1234567001', 200_000n],
        ['bank', '1234567002', 350_000n],
        ['bank', '1234567003', 125_000n],
        ['lkd', '081234567004', 600_000n],
        ['lkd', '081234567005', 150_000n],
        ['giro_pos', '0012345678006', 400_000n],
        ['giro_pos', '0012345678007', 210_000n],
      ];
      const seedUnits = plan.map(([channel, account, amount], i) => {
        const family = yk[i] as Family;
        return { householdId: family.id, recipientId: family.head, villageCode: family.village, channel, account, amount };
      });
      const seeded = await seedApprovedCycle(ctx, {
        programmeId: programme.programmeId,
        name: 'Bayar uji Januari 2025',
        periodStart: '2025-01-01',
        periodEnd: '2025-01-31',
        units: seedUnits,
      });
      cycleId = seeded.cycleId;
      units = seedUnits.map((unit, i) => ({ ...unit, entitlementId: seeded.entitlementIds[i] as string }));
      // A cycle still open (its entitlement approved by the seed, the cycle not).
      const zero = yk[7] as Family;
      await seedApprovedCycle(ctx, {
        programmeId: programme.programmeId,
        name: 'Bayar uji Februari 2025',
        periodStart: '2025-02-01',
        periodEnd: '2025-02-28',
        units: [
          { householdId: zero.id, recipientId: zero.head, villageCode: zero.village, channel: 'bank', account: '99999999', amount: 0n },
        ],
      }).then(async (february) => {
        openCycleId = february.cycleId;
        await q(sql`UPDATE aid_cycle SET status = 'open', approved_by = NULL, approved_by_name = NULL, approved_at = NULL
                    WHERE id = ${february.cycleId}`);
      });

      const bd = (await families([BD_VILLAGE]))[0] as Family;
      const other = await createFundedProgramme(ctx, { code: 'bayar_bd', fundCode: 'BANSOS-BD', officeCode: 'BD01' });
      bdCycleId = (
        await seedApprovedCycle(ctx, {
          programmeId: other.programmeId,
          name: 'Bayar Bandung Januari 2025',
          periodStart: '2025-01-01',
          periodEnd: '2025-01-31',
          units: [
            { householdId: bd.id, recipientId: bd.head, villageCode: bd.village, channel: 'bank', account: '7654321', amount: 300_000n },
          ],
        })
      ).cycleId;
    });
    afterAll(async () => server?.close());

    it('instructs nothing of a cycle that is not approved (409)', async () => {
      const response = await manager.post(`/api/v1/cycles/${openCycleId}/instructions`, { channel: 'bank' });
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('aid.cycle_not_approved');
      expect(await q(sql`SELECT 1 FROM aid_instruction_batch WHERE cycle_id = ${openCycleId}`)).toEqual([]);
    });

    it('makes one batch per channel, exact totals, one unique reference per entitlement; nothing left: 409', async () => {
      const bank = await manager.post(`/api/v1/cycles/${cycleId}/instructions`, { channel: 'bank' });
      expect(bank.status).toBe(201);
      expect(bank.body).toMatchObject({ cycleId, channel: 'bank', number: 1, instructionCount: 3, total: '675000', createdBy: 'manajer' });
      expect(bank.body.fileName).toBe('instruksi-bayar_uji-2025-01-01-bank-1.csv');
      const lkd = await manager.post(`/api/v1/cycles/${cycleId}/instructions`, { channel: 'lkd' });
      expect(lkd.body).toMatchObject({ channel: 'lkd', number: 1, instructionCount: 2, total: '750000' });
      const giro = await manager.post(`/api/v1/cycles/${cycleId}/instructions`, { channel: 'giro_pos' });
      expect(giro.body).toMatchObject({ channel: 'giro_pos', number: 1, instructionCount: 2, total: '610000' });

      const again = await manager.post(`/api/v1/cycles/${cycleId}/instructions`, { channel: 'bank' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('aid.nothing_to_instruct');

      const instructions = await q<{ reference: string; attempt: number; amount: string; entitlement_id: string }>(
        sql`SELECT i.reference, i.attempt, i.amount::text AS amount, i.entitlement_id::text AS entitlement_id
            FROM aid_instruction i JOIN aid_instruction_batch b ON b.id = i.batch_id WHERE b.cycle_id = ${cycleId} ORDER BY i.reference`,
      );
      expect(instructions).toHaveLength(7);
      expect(new Set(instructions.map((i) => i.reference)).size).toBe(7);
      expect(instructions.map((i) => i.reference)).toEqual(
        [1, 2, 3, 4, 5, 6, 7].map((n) => `BAYAR-UJI-20250101-${String(n).padStart(8, '0')}-1`),
      );
      for (const unit of units) {
        const instruction = instructions.find((i) => i.entitlement_id === unit.entitlementId);
        expect(instruction?.amount).toBe(unit.amount.toString());
        expect((await statusOf(unit.entitlementId))?.status).toBe('instructed');
      }
      const list = await supervisor.get(`/api/v1/cycles/${cycleId}/instruction-batches`);
      expect(list.status).toBe(200);
      expect(list.body.items.map((b: { channel: string; total: string }) => [b.channel, b.total])).toEqual([
        ['bank', '675000'],
        ['lkd', '750000'],
        ['giro_pos', '610000'],
      ]);
      const audit = await q<{ action: string }>(sql`SELECT action FROM audit_log WHERE entity_id = ${bank.body.id as string}`);
      expect(audit.map((a) => a.action)).toEqual(['aid.instruction_batch_create']);
    });

    it('writes each channel’s layout, streamed, the same bytes on every download even after the registry renames a recipient', async () => {
      const batches = (await manager.get(`/api/v1/cycles/${cycleId}/instruction-batches`)).body.items as { id: string; channel: string }[];
      const bankBatch = batches.find((b) => b.channel === 'bank')?.id as string;
      const first = await raw(manager, 'GET', `/api/v1/instruction-batches/${bankBatch}/file.csv`);
      expect(first.status).toBe(200);
      expect(first.headers.get('content-type')).toContain('text/csv');
      expect(first.headers.get('content-disposition')).toBe('attachment; filename="instruksi-bayar_uji-2025-01-01-bank-1.csv"');
      const names = await q<{ id: string; full_name: string; kk_number: string }>(
        sql`SELECT p.id::text AS id, p.full_name, h.kk_number FROM person p JOIN household h ON h.id = p.household_id
            WHERE p.id IN (${sql.join(units.map((u) => u.recipientId))})`,
      );
      const nameOf = (id: string) => names.find((n) => n.id === id) as { full_name: string; kk_number: string };
      const csvName = (name: string) => (/[",]/.test(name) ? `"${name.replace(/"/g, '""')}"` : name);
      const expectedBank = [
        'reference,bank_account,account_name,amount,description',
        ...(await Promise.all(
          unitsOf('bank').map(
            async (u) =>
              `${await referenceOf(u.entitlementId)},${u.account},${csvName(nameOf(u.recipientId).full_name)},${u.amount},BANSOS BAYAR-UJI-20250101`,
          ),
        )),
      ].sort((a, b) => (a.startsWith('reference') ? -1 : b.startsWith('reference') ? 1 : a < b ? -1 : 1));
      expect(first.text).toBe(`${expectedBank.join('\r\n')}\r\n`);

      const lkdBatch = batches.find((b) => b.channel === 'lkd')?.id as string;
      const lkd = (await raw(manager, 'GET', `/api/v1/instruction-batches/${lkdBatch}/file.csv`)).text.split('\r\n');
      expect(lkd[0]).toBe('reference,msisdn,name,amount');
      const lkdUnit = unitsOf('lkd')[0] as SeedUnit & { entitlementId: string };
      expect(lkd).toContain(
        `${await referenceOf(lkdUnit.entitlementId)},62${lkdUnit.account.slice(1)},${csvName(nameOf(lkdUnit.recipientId).full_name)},${lkdUnit.amount}`,
      );

      const giroBatch = batches.find((b) => b.channel === 'giro_pos')?.id as string;
      const giro = (await raw(manager, 'GET', `/api/v1/instruction-batches/${giroBatch}/file.csv`)).text.split('\r\n');
      expect(giro[0]).toBe('reference,giro_account,name,kk_number,village_code,amount');
      const giroUnit = unitsOf('giro_pos')[0] as SeedUnit & { entitlementId: string };
      const recipient = nameOf(giroUnit.recipientId);
      expect(giro).toContain(
        `${await referenceOf(giroUnit.entitlementId)},${giroUnit.account},${csvName(recipient.full_name)},${recipient.kk_number},${giroUnit.villageCode},${giroUnit.amount}`,
      );

      await q(sql`UPDATE person SET full_name = 'Nama Sudah Dikoreksi' WHERE id = ${(unitsOf('bank')[0] as SeedUnit).recipientId}`);
      const second = await raw(manager, 'GET', `/api/v1/instruction-batches/${bankBatch}/file.csv`);
      expect(second.bytes.equals(first.bytes)).toBe(true);
      const third = await raw(admin, 'GET', `/api/v1/instruction-batches/${bankBatch}/file.csv`);
      expect(third.bytes.equals(first.bytes)).toBe(true);
    });

    it('applies a confirmation with one failure: paid ones paid and booked, the failure on the retry list', async () => {
      const [a, b, c] = unitsOf('bank') as (SeedUnit & { entitlementId: string })[];
      const file = [
        HEADER,
        `${await referenceOf(a!.entitlementId)},paid,${today},TRX-0001,${a!.amount}`,
        `${await referenceOf(b!.entitlementId)},failed,${today},TRX-0002,${b!.amount}`,
        `${await referenceOf(c!.entitlementId)},paid,${today},TRX-0003,${c!.amount}`,
        '',
      ].join('\r\n');
      const before = await ledgerOf(fundId);
      expect(before).toEqual({
        [ACCOUNTS.aidPayable]: { debit: '0', credit: '2035000' },
        [ACCOUNTS.aidExpense]: { debit: '2035000', credit: '0' },
      });
      const first = await postConfirmation(manager, cycleId, 'bank', file, 'bank-jan.csv');
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        cycleId,
        channel: 'bank',
        fileName: 'bank-jan.csv',
        lineCount: 3,
        counts: { paid: 2, failed: 1, returned: 0, duplicate: 0, unchanged: 0, unknown: 0, mismatch: 0, invalid: 0 },
        paidTotal: '325000',
        returnedTotal: '0',
        issues: [],
        issueCount: 0,
      });
      expect(first.body.fileSha256).toMatch(/^[0-9a-f]{64}$/);
      const ledger = await ledgerOf(fundId);
      expect(ledger).toEqual({
        [ACCOUNTS.bankCash]: { debit: '0', credit: '325000' },
        [ACCOUNTS.aidPayable]: { debit: '325000', credit: '2035000' },
        [ACCOUNTS.aidExpense]: { debit: '2035000', credit: '0' },
      });
      expect(await statusOf(a!.entitlementId)).toEqual({ status: 'paid', paid_on: today });
      expect(await statusOf(b!.entitlementId)).toEqual({ status: 'failed', paid_on: null });

      const retry = await supervisor.get(`/api/v1/cycles/${cycleId}/retry-list`);
      expect(retry.status).toBe(200);
      expect(retry.body.items).toEqual([
        expect.objectContaining({
          entitlementId: b!.entitlementId,
          householdId: b!.householdId,
          status: 'failed',
          attempts: 1,
          amount: '350000',
          channel: 'bank',
          account: '******7002',
          lastReference: await referenceOf(b!.entitlementId),
          lastSettledOn: today,
          lastChannelReference: 'TRX-0002',
        }),
      ]);
      expect(retry.body.nextCursor).toBeNull();

      // The same file again, twice: nothing moves; the counts say why.
      for (const round of [2, 3]) {
        const replay = await postConfirmation(manager, cycleId, 'bank', file, 'bank-jan.csv');
        expect(replay.status, `round ${round}`).toBe(201);
        expect(replay.body.counts).toEqual({
          paid: 0,
          failed: 0,
          returned: 0,
          duplicate: 2,
          unchanged: 1,
          unknown: 0,
          mismatch: 0,
          invalid: 0,
        });
        expect(replay.body.paidTotal).toBe('0');
        expect(replay.body.returnedTotal).toBe('0');
        expect(replay.body.fileSha256).toBe(first.body.fileSha256);
        expect(replay.body.issues.map((i: { lineNo: number; outcome: string }) => [i.lineNo, i.outcome])).toEqual([
          [2, 'duplicate'],
          [3, 'unchanged'],
          [4, 'duplicate'],
        ]);
        expect(await ledgerOf(fundId)).toEqual(ledger);
      }
      const replayDetail = (await postConfirmation(admin, cycleId, 'bank', file)).body.issues[0].detail;
      expect(replayDetail).toBe('Referensi ini sudah dibayar; baris diabaikan, tidak ada yang bergerak.');
      expect(await ledgerOf(fundId)).toEqual(ledger);
      expect(await statusOf(a!.entitlementId)).toEqual({ status: 'paid', paid_on: today });
      const list = await supervisor.get(`/api/v1/cycles/${cycleId}/reconciliations`);
      expect(list.body.items).toHaveLength(4);
      expect(list.body.items[3]).toMatchObject({ id: first.body.id, counts: { paid: 2, failed: 1 }, issueCount: 0 });
    });

    it('re-instructs only the failure in the next batch, attempt 2 with the same stem; paying it clears the retry list; the old attempt is never paid', async () => {
      const b = unitsOf('bank')[1] as SeedUnit & { entitlementId: string };
      const next = await manager.post(`/api/v1/cycles/${cycleId}/instructions`, { channel: 'bank' });
      expect(next.status).toBe(201);
      expect(next.body).toMatchObject({ channel: 'bank', number: 2, instructionCount: 1, total: '350000' });
      const first = await referenceOf(b.entitlementId, 1);
      const retry = await referenceOf(b.entitlementId, 2);
      expect(retry).toBe(first.replace(/-1$/, '-2'));
      const rows = await downloadRows(manager, next.body.id);
      expect(rows.map((cells) => [cells[0], cells[1], cells[3]])).toEqual([[retry, b.account, '350000']]);
      expect((await statusOf(b.entitlementId))?.status).toBe('instructed');
      expect((await manager.get(`/api/v1/cycles/${cycleId}/retry-list`)).body.items).toEqual([]);

      const ledger = await ledgerOf(fundId);
      const paid = await postConfirmation(manager, cycleId, 'bank', `${HEADER}\n${retry},paid,${today},TRX-0102,350000\n`);
      expect(paid.body).toMatchObject({ counts: { paid: 1 }, paidTotal: '350000' });
      expect(await statusOf(b.entitlementId)).toEqual({ status: 'paid', paid_on: today });
      expect((await ledgerOf(fundId))[ACCOUNTS.bankCash]).toEqual({
        debit: '0',
        credit: String(BigInt(ledger[ACCOUNTS.bankCash]!.credit) + 350_000n),
      });

      // The channel later says the first, failed attempt was paid after all: reported, not applied.
      const afterRetry = await ledgerOf(fundId);
      const late = await postConfirmation(manager, cycleId, 'bank', `${HEADER}\n${first},paid,${today},TRX-0002,350000\n`);
      expect(late.body.counts).toMatchObject({ paid: 0, duplicate: 1 });
      expect(late.body.issues).toEqual([
        {
          lineNo: 2,
          outcome: 'duplicate',
          reference: first,
          detail: 'Hak ini sudah dibayar melalui instruksi lain; baris diabaikan agar tidak dibayar dua kali.',
        },
      ]);
      expect(await ledgerOf(fundId)).toEqual(afterRetry);
      expect(await q(sql`SELECT attempt, status FROM aid_instruction WHERE entitlement_id = ${b.entitlementId} ORDER BY attempt`)).toEqual([
        { attempt: 1, status: 'failed' },
        { attempt: 2, status: 'paid' },
      ]);
    });

    it('lists unknown references, references of another channel and amount mismatches without applying them', async () => {
      const [d, e] = unitsOf('lkd') as (SeedUnit & { entitlementId: string })[];
      const giro = unitsOf('giro_pos')[0] as SeedUnit & { entitlementId: string };
      const ledger = await ledgerOf(fundId);
      const response = await postConfirmation(
        admin,
        cycleId,
        'lkd',
        [
          HEADER,
          `BAYAR-UJI-20250101-99999999-1,paid,${today},X1,600000`,
          `${await referenceOf(d!.entitlementId)},paid,${today},X2,600001`,
          `${await referenceOf(giro.entitlementId)},paid,${today},X3,${giro.amount}`,
          `${await referenceOf(e!.entitlementId)},paid,${today},X4,150000`,
        ].join('\n'),
        'lkd.csv',
      );
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        counts: { paid: 1, failed: 0, returned: 0, duplicate: 0, unchanged: 0, unknown: 2, mismatch: 1, invalid: 0 },
        paidTotal: '150000',
        issueCount: 3,
      });
      expect(response.body.issues).toEqual([
        {
          lineNo: 2,
          outcome: 'unknown',
          reference: 'BAYAR-UJI-20250101-99999999-1',
          detail: 'Referensi tidak dikenal: tidak ada instruksi dengan referensi ini.',
        },
        {
          lineNo: 3,
          outcome: 'mismatch',
          reference: await referenceOf(d!.entitlementId),
          detail: 'Nominal Rp600.001 tidak sama dengan nominal instruksi Rp600.000.',
        },
        {
          lineNo: 4,
          outcome: 'unknown',
          reference: await referenceOf(giro.entitlementId),
          detail: 'Referensi ini milik siklus atau saluran lain, bukan berkas yang sedang direkonsiliasi.',
        },
      ]);
      expect((await statusOf(d!.entitlementId))?.status).toBe('instructed');
      expect((await statusOf(giro.entitlementId))?.status).toBe('instructed');
      expect((await ledgerOf(fundId))[ACCOUNTS.bankCash]).toEqual({
        debit: '0',
        credit: String(BigInt(ledger[ACCOUNTS.bankCash]!.credit) + 150_000n),
      });
      const english = await raw(admin, 'GET', `/api/v1/reconciliations/${response.body.id}?limit=1`);
      expect(english.status).toBe(200);
      const page = JSON.parse(english.text);
      expect(page.issues).toHaveLength(1);
      const rest = await admin.request('GET', `/api/v1/reconciliations/${response.body.id}?cursor=${page.nextCursor}`, undefined, {
        'accept-language': 'en',
      });
      expect(rest.body.issues.map((i: { lineNo: number }) => i.lineNo)).toEqual([3, 4]);
      expect(rest.body.issues[0].detail).toBe('Amount Rp600.001 differs from the instruction’s Rp600.000.');
      expect(rest.body.nextCursor).toBeNull();
    });

    it('takes back a payment returned after it was paid: booked back, the entitlement to the retry list', async () => {
      const e = unitsOf('lkd')[1] as SeedUnit & { entitlementId: string };
      const ledger = await ledgerOf(fundId);
      const reference = await referenceOf(e.entitlementId);
      const file = `${HEADER}\n${reference},returned,${today},RET-1,150000\n`;
      const response = await postConfirmation(manager, cycleId, 'lkd', file);
      expect(response.body).toMatchObject({ counts: { returned: 1 }, paidTotal: '0', returnedTotal: '150000' });
      expect(await ledgerOf(fundId)).toEqual({
        ...ledger,
        [ACCOUNTS.bankCash]: { debit: '150000', credit: ledger[ACCOUNTS.bankCash]!.credit },
        [ACCOUNTS.aidPayable]: {
          debit: ledger[ACCOUNTS.aidPayable]!.debit,
          credit: String(BigInt(ledger[ACCOUNTS.aidPayable]!.credit) + 150_000n),
        },
      });
      expect(await statusOf(e.entitlementId)).toEqual({ status: 'returned', paid_on: null });
      const retry = await manager.get(`/api/v1/cycles/${cycleId}/retry-list?channel=lkd`);
      expect(retry.body.items.map((i: { entitlementId: string; status: string }) => [i.entitlementId, i.status])).toEqual([
        [e.entitlementId, 'returned'],
      ]);
      const again = await postConfirmation(manager, cycleId, 'lkd', file);
      expect(again.body).toMatchObject({ counts: { returned: 0, unchanged: 1 }, returnedTotal: '0' });
      const paidLate = await postConfirmation(manager, cycleId, 'lkd', `${HEADER}\n${reference},paid,${today},X,150000\n`);
      expect(paidLate.body.counts).toMatchObject({ paid: 0, invalid: 1 });
      expect((await ledgerOf(fundId))[ACCOUNTS.bankCash]).toEqual({ debit: '150000', credit: ledger[ACCOUNTS.bankCash]!.credit });
      // The next lkd batch pays it again under attempt 2.
      const next = await manager.post(`/api/v1/cycles/${cycleId}/instructions`, { channel: 'lkd' });
      expect(next.body).toMatchObject({ number: 2, instructionCount: 1, total: '150000' });
      expect(await referenceOf(e.entitlementId, 2)).toBe(reference.replace(/-1$/, '-2'));
    });

    it('reports bad lines as invalid, one by one, and applies the good ones', async () => {
      const giro = unitsOf('giro_pos')[1] as SeedUnit & { entitlementId: string };
      const reference = await referenceOf(giro.entitlementId);
      const response = await postConfirmation(
        manager,
        cycleId,
        'giro_pos',
        [
          HEADER,
          `${reference},paid,2025-02-30,X,210000`,
          `${reference},lunas,${today},X,210000`,
          `${reference},paid,${today},X\u0000,210000`,
          `${reference},paid,${today},210000`,
          `${reference},paid,${today},X,210.000`,
          '',
          `${reference},paid,${today},POS-7,210000`,
        ].join('\n'),
      );
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        lineCount: 6,
        counts: { paid: 1, invalid: 5 },
        paidTotal: '210000',
      });
      expect(response.body.issues.map((i: { lineNo: number; outcome: string; detail: string }) => [i.lineNo, i.outcome, i.detail])).toEqual(
        [
          [2, 'invalid', 'Tanggal “2025-02-30” bukan tanggal yang ada (format TTTT-BB-HH).'],
          [3, 'invalid', 'Status “lunas” tidak dikenal: paid, failed atau returned.'],
          [4, 'invalid', 'Baris berisi karakter yang tidak dapat dibaca (misalnya byte NUL).'],
          [5, 'invalid', 'Baris berisi 4 kolom; seharusnya 5.'],
          [6, 'invalid', 'Nominal “210.000” bukan rupiah utuh tanpa pemisah.'],
        ],
      );
      expect(await statusOf(giro.entitlementId)).toEqual({ status: 'paid', paid_on: today });
    });

    it('refuses a file that is not a confirmation file (422), storing nothing', async () => {
      const count = async () => Number((await q<{ n: string }>(sql`SELECT count(*)::text AS n FROM aid_reconciliation`))[0]?.n);
      const before = await count();
      for (const body of [
        'reference;status;date;channel_reference;amount\nX;paid;2025-01-01;;1\n',
        'PK\u0003\u0004\u0000\u0000garbage',
        'reference,status,date,amount\n',
      ]) {
        const response = await postConfirmation(manager, cycleId, 'bank', body);
        expect(response.status).toBe(422);
        expect(response.body.errors).toEqual([
          {
            field: 'body',
            code: 'aid.reconcile.header',
            message:
              'Ini bukan berkas konfirmasi pembayaran: baris pertama harus berisi kepala kolom CSV reference,status,date,channel_reference,amount. Tidak ada yang disimpan.',
          },
        ]);
      }
      const blank = await postConfirmation(manager, cycleId, 'bank', '\n\n\n');
      expect(blank.status).toBe(422);
      expect(blank.body.errors[0]).toMatchObject({ field: 'body', code: 'aid.reconcile.empty' });
      const empty = await raw(manager, 'POST', reconcileUrl(cycleId, 'bank'), '');
      expect(empty.status).toBe(422);
      const json = await raw(manager, 'POST', reconcileUrl(cycleId, 'bank'), JSON.stringify({ lines: [] }), 'application/json');
      expect(json.status).toBe(422);
      const noChannel = await raw(manager, 'POST', `/api/v1/cycles/${cycleId}/reconciliations?fileName=x.csv`, `${HEADER}\n`);
      expect(noChannel.status).toBe(422);
      // One answer names every bad part: the missing query fields and a body holding a NUL.
      const noQueryUnclean = await raw(manager, 'POST', `/api/v1/cycles/${cycleId}/reconciliations`, 'a\u0000b');
      expect(noQueryUnclean.status).toBe(422);
      expect((JSON.parse(noQueryUnclean.text) as { errors: { field: string }[] }).errors.map((error) => error.field)).toEqual([
        'channel',
        'fileName',
        'body',
      ]);
      expect(await count()).toBe(before);
    });

    it('answers another office’s cycle and an unknown one alike (404); readers read, makers write', async () => {
      const bdBatch = await admin.post(`/api/v1/cycles/${bdCycleId}/instructions`, { channel: 'bank' });
      expect(bdBatch.status).toBe(201);
      const bdReconciliation = await postConfirmation(admin, bdCycleId, 'bank', `${HEADER}\n`);
      expect(bdReconciliation.status).toBe(201);
      for (const id of [bdCycleId, NO_SUCH_ID]) {
        const instruct = await manager.post(`/api/v1/cycles/${id}/instructions`, { channel: 'bank' });
        expect(instruct.status).toBe(404);
        expect((await manager.get(`/api/v1/cycles/${id}/instruction-batches`)).status).toBe(404);
        expect((await manager.get(`/api/v1/cycles/${id}/reconciliations`)).status).toBe(404);
        expect((await manager.get(`/api/v1/cycles/${id}/retry-list`)).status).toBe(404);
        expect((await postConfirmation(manager, id, 'bank', `${HEADER}\n`)).status).toBe(404);
      }
      expect((await raw(manager, 'GET', `/api/v1/instruction-batches/${bdBatch.body.id}/file.csv`)).status).toBe(404);
      expect((await raw(manager, 'GET', `/api/v1/instruction-batches/${NO_SUCH_ID}/file.csv`)).status).toBe(404);
      expect((await manager.get(`/api/v1/reconciliations/${bdReconciliation.body.id}`)).status).toBe(404);
      expect((await manager.get(`/api/v1/reconciliations/${NO_SUCH_ID}`)).status).toBe(404);
      expect(await q(sql`SELECT 1 FROM aid_instruction_batch WHERE cycle_id = ${bdCycleId} AND created_by = 'manajer'`)).toEqual([]);

      expect((await supervisor.post(`/api/v1/cycles/${cycleId}/instructions`, { channel: 'bank' })).status).toBe(403);
      expect((await cashier.get(`/api/v1/cycles/${cycleId}/retry-list`)).status).toBe(403);
      const batches = (await supervisor.get(`/api/v1/cycles/${cycleId}/instruction-batches`)).body.items as { id: string }[];
      // The file holds whole account numbers: makers only.
      expect((await raw(supervisor, 'GET', `/api/v1/instruction-batches/${batches[0]?.id}/file.csv`)).status).toBe(403);
    });

    it('keeps every instruction in its cycle’s month (partition), refuses another period, and archives no month with unconfirmed payments', async () => {
      const placed = await q<{ partition: string; period_start: string; n: string }>(
        sql`SELECT tableoid::regclass::text AS partition, period_start::text AS period_start, count(*)::text AS n
            FROM aid_instruction GROUP BY 1, 2 ORDER BY 1`,
      );
      expect(placed.map((row) => [row.partition, row.period_start])).toEqual([['aid_instruction_p202501', '2025-01-01']]);
      const [first] = units as [SeedUnit & { entitlementId: string }];
      const batch = (await q<{ batch_id: string }>(sql`SELECT batch_id FROM aid_instruction LIMIT 1`))[0]?.batch_id;
      const wrongPeriod = sql`INSERT INTO aid_instruction (id, batch_id, entitlement_id, period_start, reference, attempt, amount, payee_name, payee_kk)
        VALUES (gen_random_uuid(), ${batch}, ${first.entitlementId}, '2025-02-01', 'BAYAR-UJI-20250201-000001-9', 9, 1, 'x', '1')`;
      await expect(wrongPeriod.execute(server.database.db)).rejects.toThrow(/its cycle starts 2025-01-01/);
      // Some instructions were never confirmed (Bandung's bank batch among them): January cannot be archived yet.
      const waiting = await q<{ n: string }>(sql`SELECT count(*)::text AS n FROM aid_instruction WHERE status = 'instructed'`);
      expect(Number(waiting[0]?.n)).toBeGreaterThan(0);
      const later = systemTestContext(server.database, fixedClock(new Date('2025-03-10T03:00:00Z')));
      const sink = { name: 'aid.jsonl', write: async () => {}, finish: async () => {} };
      const refused = await archiveMonth(later, { table: 'aid_instruction', month: '2025-01', lastClosed: '2025-02-28' }, sink).catch(
        (e: unknown) => e as AppError,
      );
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).code).toBe('partitions.month_unsettled');
      expect((refused as AppError).params).toMatchObject({ table: 'aid_instruction', month: '2025-01', count: waiting[0]?.n });
    });
  });
}
