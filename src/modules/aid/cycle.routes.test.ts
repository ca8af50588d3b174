import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDate, systemClock } from '../../core/clock.ts';
import { addDays, addMonths, daysInMonth } from '../../core/dates.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';
import { computeCycle } from './cycle.service.ts';

const NO_SUCH_ID = '01900000-0000-7000-8000-000000000000';
const YK_VILLAGE = '34.71.01.1001';
const BD_VILLAGE = '32.04.11.2001';

type Family = { id: string; head: string; size: number };
type Entitlement = { id: string; enrolmentId: string; householdId: string; amount: string; status: string; villageCode: string };

const monthPeriod = (month: string) => ({
  periodStart: `${month}-01`,
  periodEnd: `${month}-${String(daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)))).padStart(2, '0')}`,
});

for (const kind of testDatabaseKinds()) {
  describe(`aid cycle routes [${kind}]`, () => {
    let server: TestServer;
    let admin: ApiClient;
    let manager: ApiClient;
    let supervisor: ApiClient;
    let facilitator: ApiClient;
    let cashier: ApiClient;
    let yk: Family[];
    let bd: Family[];
    let kksCycle: string;
    const month = businessDate(systemClock).slice(0, 7);
    const thisMonth = monthPeriod(month);
    const nextMonth = monthPeriod(addMonths(month, 1));

    const q = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(server.database.db)).rows;
    const families = async (village: string): Promise<Family[]> =>
      q<Family>(sql`SELECT h.id::text AS id,
                      (SELECT p.id::text FROM person p WHERE p.household_id = h.id AND p.relation = 'head' LIMIT 1) AS head,
                      (SELECT count(*)::int FROM person p WHERE p.household_id = h.id) AS size
                    FROM household h WHERE h.village_code = ${village}
                    AND EXISTS (SELECT 1 FROM person p WHERE p.household_id = h.id AND p.relation = 'head')
                    ORDER BY h.id`);
    let account = 100_000_000;
    const enrol = async (client: ApiClient, programme: string, family: Family) => {
      const response = await client.post(`/api/v1/programmes/${programme}/enrolments`, {
        householdId: family.id,
        recipientPersonId: family.head,
        channel: 'bank',
        account: String(++account),
      });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return response.body.id as string;
    };
    const entitlements = async (cycleId: string) =>
      q<Entitlement & { enrolment_id: string }>(
        sql`SELECT id::text AS id, enrolment_id::text AS "enrolmentId", unit_household_id::text AS "householdId", amount::text AS amount,
                   status, village_code AS "villageCode"
            FROM aid_entitlement WHERE cycle_id = ${cycleId} ORDER BY village_code, id`,
      );
    const auditActions = (entityId: string) =>
      q<{ action: string }>(sql`SELECT action FROM audit_log WHERE entity_id = ${entityId} ORDER BY at, id`).then((rows) =>
        rows.map((r) => r.action),
      );
    /** Debits and credits of the two aid accounts on a fund, from the journal. */
    const fundLedger = async (fundCode: string) => {
      const rows = await q<{ account_code: string; debit: string; credit: string }>(
        sql`SELECT l.account_code, sum(l.debit)::text AS debit, sum(l.credit)::text AS credit
            FROM journal_line l JOIN fund f ON f.id = l.fund_id
            WHERE f.code = ${fundCode} AND l.account_code IN ('2.3.01', '5.3.01') GROUP BY l.account_code ORDER BY 1`,
      );
      return Object.fromEntries(rows.map((r) => [r.account_code, { debit: r.debit, credit: r.credit }]));
    };
    const setFund = (programme: string, fundCode: string | null) =>
      q(
        sql`UPDATE aid_programme SET fund_id = ${fundCode === null ? null : sql`(SELECT id FROM fund WHERE code = ${fundCode})`} WHERE code = ${programme}`,
      );
    /** A family of exactly these ages on the period's first day, nothing else recorded that pays. */
    const shapeFamily = async (family: Family, agesInDays: number[]) => {
      const members = await q<{ id: string }>(
        sql`SELECT id::text AS id FROM person WHERE household_id = ${family.id} ORDER BY relation = 'head' DESC, id`,
      );
      for (const [index, member] of members.entries()) {
        const age = agesInDays[index] ?? 30 * 365 + 100;
        await q(sql`UPDATE person SET birth_date = ${addDays(thisMonth.periodStart, -age)}, died_on = NULL,
                    school_level = NULL, school_year = NULL WHERE id = ${member.id}`);
        await q(sql`UPDATE health_profile SET pregnant = false, disability = 'none' WHERE person_id = ${member.id}`);
      }
    };

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false });
      admin = new ApiClient(server.url);
      await admin.login('admin', DEMO_PASSWORD);
      manager = new ApiClient(server.url); // YK01, the maker
      await manager.login('manajer', DEMO_PASSWORD);
      supervisor = new ApiClient(server.url); // YK01, a checker
      await supervisor.login('pembina', DEMO_PASSWORD);
      facilitator = new ApiClient(server.url); // BD01, reads
      await facilitator.login('pendamping', DEMO_PASSWORD);
      cashier = new ApiClient(server.url);
      await cashier.login('kasir', DEMO_PASSWORD);
      await q(sql`UPDATE household SET welfare_decile = 3, has_kks = true WHERE village_code IN (${YK_VILLAGE}, ${BD_VILLAGE})`);
      yk = await families(YK_VILLAGE);
      bd = await families(BD_VILLAGE);
      expect(yk.length).toBeGreaterThanOrEqual(6);
      expect(bd.length).toBeGreaterThanOrEqual(2);
      for (const [code, office] of [
        ['BANSOS-YK', 'YK01'],
        ['BANSOS-BD', 'BD01'],
      ])
        expect(
          (await admin.post('/api/v1/funds', { code, name: `Dana bansos ${office}`, kind: 'stimulus', source: 'APBD', officeCode: office }))
            .status,
        ).toBe(201);
      // KKS: three Yogyakarta families and one in Bandung, enrolled with their accounts.
      for (const family of [yk[0], yk[1], yk[2], bd[0]] as Family[]) await enrol(admin, 'kks', family);
    });
    afterAll(async () => server?.close());

    it('opens a cycle once per programme and start day; the period goes forwards', async () => {
      const created = await manager.post('/api/v1/programmes/kks/cycles', { name: `KKS ${month}`, ...thisMonth });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        programmeCode: 'kks',
        name: `KKS ${month}`,
        ...thisMonth,
        status: 'open',
        computeState: 'idle',
        computedAt: null,
        createdBy: 'manajer',
        createdByName: 'Budi Santoso',
        approvedBy: null,
      });
      kksCycle = created.body.id;
      const again = await manager.post('/api/v1/programmes/kks/cycles', { name: 'Lagi', ...thisMonth });
      expect(again.status).toBe(409);
      expect(again.body.errors[0]).toMatchObject({ field: 'periodStart', code: 'aid.cycle_exists' });
      const reversed = await manager.post('/api/v1/programmes/kks/cycles', {
        name: 'Terbalik',
        periodStart: nextMonth.periodEnd,
        periodEnd: nextMonth.periodStart,
      });
      expect(reversed.status).toBe(422);
      expect(reversed.body.errors[0]).toMatchObject({ field: 'periodEnd', code: 'aid.date_range_reversed' });
      expect((await manager.post('/api/v1/programmes/nothing/cycles', { name: 'x', ...thisMonth })).status).toBe(404);
      expect((await supervisor.post('/api/v1/programmes/kks/cycles', { name: 'x', ...nextMonth })).status).toBe(403);
      const list = await supervisor.get('/api/v1/programmes/kks/cycles');
      expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([kksCycle]);
      expect(await auditActions(kksCycle)).toEqual(['aid.cycle_create']);
    });

    it('computes every enrolled family’s Rp200.000 (KKS) in SQL; a re-run inserts nothing', async () => {
      const computed = await manager.post(`/api/v1/cycles/${kksCycle}/compute`);
      expect(computed.status).toBe(200);
      expect(computed.body).toEqual({ inserted: 4, total: 4, computeState: 'computed' });
      const rows = await entitlements(kksCycle);
      expect(rows.map((r) => r.amount)).toEqual(['200000', '200000', '200000', '200000']);
      const [one] = await q<{ components: unknown; recipient_id: string; account: string }>(
        sql`SELECT components, recipient_id::text AS recipient_id, account FROM aid_entitlement WHERE id = ${rows[0]?.id}`,
      );
      expect(one?.components).toEqual([{ member: one?.recipient_id, category: 'family', amount: '200000' }]);
      const again = await manager.post(`/api/v1/cycles/${kksCycle}/compute`);
      expect(again.body).toEqual({ inserted: 0, total: 4, computeState: 'computed' });
      expect(await entitlements(kksCycle)).toEqual(rows);
      // Totals by status: all for the administrator, Yogyakarta's for its manager.
      const all = await admin.get(`/api/v1/cycles/${kksCycle}`);
      expect(all.body.totals).toMatchObject({ count: 4, amount: '800000', byStatus: { computed: { count: 4, amount: '800000' } } });
      expect(all.body.computedAt).not.toBeNull();
      const yogya = await manager.get(`/api/v1/cycles/${kksCycle}`);
      expect(yogya.body.totals).toMatchObject({ count: 3, amount: '600000', byStatus: { approved: { count: 0, amount: '0' } } });
    });

    it('picks up an enrolment made since, when an open cycle is computed again', async () => {
      await enrol(manager, 'kks', yk[3] as Family);
      const again = await manager.post(`/api/v1/cycles/${kksCycle}/compute`);
      expect(again.body).toEqual({ inserted: 1, total: 5, computeState: 'computed' });
      const rows = await entitlements(kksCycle);
      expect(rows.map((r) => r.householdId)).toContain((yk[3] as Family).id);
      expect(new Set(rows.map((r) => r.enrolmentId)).size).toBe(5);
    });

    it('reviews the cycle by province, regency and district with the regions’ names, and by channel', async () => {
      const names = new Map(
        (
          await q<{ code: string; name: string }>(
            sql`SELECT code, name FROM region WHERE code IN ('32', '34', '32.04', '34.71', '32.04.11', '34.71.01')`,
          )
        ).map((r) => [r.code, r.name]),
      );
      for (const [level, bandung, yogya] of [
        ['province', '32', '34'],
        ['regency', '32.04', '34.71'],
        ['district', '32.04.11', '34.71.01'],
      ] as const) {
        const review = await admin.get(`/api/v1/cycles/${kksCycle}/review?level=${level}`);
        expect(review.status).toBe(200);
        expect(review.body).toEqual({
          level,
          byRegion: [
            { code: bandung, name: names.get(bandung), count: 1, amount: '200000' },
            { code: yogya, name: names.get(yogya), count: 4, amount: '800000' },
          ],
          byChannel: [{ channel: 'bank', count: 5, amount: '1000000' }],
          count: 5,
          amount: '1000000',
        });
      }
      const yogya = await manager.get(`/api/v1/cycles/${kksCycle}/review?level=province`);
      expect(yogya.body.byRegion).toEqual([{ code: '34', name: names.get('34'), count: 4, amount: '800000' }]);
      expect((await admin.get(`/api/v1/cycles/${kksCycle}/review?level=village`)).status).toBe(422);
    });

    it('approves in order: never the maker, no entitlement before its cycle, a fund to owe from; then all at once on the ledger', async () => {
      const rows = await entitlements(kksCycle);
      const bandung = rows.find((r) => r.villageCode === BD_VILLAGE) as Entitlement;
      const byMaker = await manager.post(`/api/v1/cycles/${kksCycle}/approve`);
      expect(byMaker.status).toBe(403);
      expect(byMaker.body.code).toBe('aid.maker_checker');
      const early = await supervisor.post(`/api/v1/cycles/${kksCycle}/entitlements/approve`, { all: true });
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('aid.cycle_not_approved');
      const earlyOne = await admin.post(`/api/v1/entitlements/${bandung.id}/approve`);
      expect(earlyOne.status).toBe(409);
      expect(earlyOne.body.code).toBe('aid.cycle_not_approved');
      const noFund = await supervisor.post(`/api/v1/cycles/${kksCycle}/approve`);
      expect(noFund.status).toBe(422);
      expect(noFund.body.errors[0]).toMatchObject({ code: 'aid.no_fund' });
      await setFund('kks', 'BANSOS-YK');
      const approved = await supervisor.post(`/api/v1/cycles/${kksCycle}/approve`);
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ status: 'approved', approvedBy: 'pembina', approvedByName: 'Yohanes Wibowo' });
      expect((await supervisor.post(`/api/v1/cycles/${kksCycle}/approve`)).body.code).toBe('aid.cycle_not_open');
      expect((await manager.post(`/api/v1/cycles/${kksCycle}/compute`)).body.code).toBe('aid.cycle_not_open');
      expect(await fundLedger('BANSOS-YK')).toEqual({});

      const makerAll = await manager.post(`/api/v1/cycles/${kksCycle}/entitlements/approve`, { all: true });
      expect(makerAll.status).toBe(403);
      expect(makerAll.body.code).toBe('aid.maker_checker');
      // An entitlement of another region, named in the body, answers as an unknown one; nothing is approved.
      const outside = await supervisor.post(`/api/v1/cycles/${kksCycle}/entitlements/approve`, { ids: [bandung.id] });
      const unknown = await supervisor.post(`/api/v1/cycles/${kksCycle}/entitlements/approve`, { ids: [NO_SUCH_ID] });
      expect(outside.status).toBe(404);
      expect(JSON.stringify(outside.body).replaceAll(bandung.id, '<id>')).toBe(JSON.stringify(unknown.body).replaceAll(NO_SUCH_ID, '<id>'));

      // The supervisor's "all" is Yogyakarta's four; the administrator approves Bandung's one by itself.
      const all = await supervisor.post(`/api/v1/cycles/${kksCycle}/entitlements/approve`, { all: true });
      expect(all.status).toBe(200);
      expect(all.body).toMatchObject({ approved: 4, amount: '800000' });
      expect(await fundLedger('BANSOS-YK')).toEqual({
        '2.3.01': { debit: '0', credit: '800000' },
        '5.3.01': { debit: '800000', credit: '0' },
      });
      const one = await admin.post(`/api/v1/entitlements/${bandung.id}/approve`);
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ id: bandung.id, status: 'approved', amount: '200000' });
      const twice = await admin.post(`/api/v1/entitlements/${bandung.id}/approve`);
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('aid.entitlement_not_computed');
      const nothingLeft = await admin.post(`/api/v1/cycles/${kksCycle}/entitlements/approve`, { all: true });
      expect(nothingLeft.body).toEqual({ approved: 0, amount: '0', entryId: null });

      // One entry per approval, on the fund's office (YK01): owed Rp1.000.000 to the rupiah.
      expect(await fundLedger('BANSOS-YK')).toEqual({
        '2.3.01': { debit: '0', credit: '1000000' },
        '5.3.01': { debit: '1000000', credit: '0' },
      });
      const entries = await q<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM journal_entry WHERE source_type = 'aid_cycle' AND source_id = ${kksCycle}`,
      );
      expect(entries[0]?.n).toBe(2);
      const balance = await admin.get(`/api/v1/ledger/trial-balance?asOf=${businessDate(systemClock)}&office=YK01`);
      const accounts = new Map(balance.body.accounts.map((a: { code: string }) => [a.code, a]));
      expect(accounts.get('2.3.01')).toMatchObject({ debit: '0', credit: '1000000' });
      expect(accounts.get('5.3.01')).toMatchObject({ debit: '1000000', credit: '0' });
      expect(balance.body.debit).toBe(balance.body.credit);
      expect(await auditActions(kksCycle)).toEqual([
        'aid.cycle_create',
        'aid.cycle_compute',
        'aid.cycle_compute',
        'aid.cycle_compute',
        'aid.cycle_approve',
        'aid.entitlements_approve',
        'aid.entitlements_approve',
        'aid.entitlements_approve',
      ]);
    });

    it('excludes an approved entitlement with a reason, reversing what was owed; the excluded stays excluded', async () => {
      const rows = await entitlements(kksCycle);
      const target = rows.find((r) => r.householdId === (yk[0] as Family).id) as Entitlement;
      expect((await manager.post(`/api/v1/entitlements/${target.id}/exclude`, { reason: '  ' })).status).toBe(422);
      expect((await supervisor.post(`/api/v1/entitlements/${target.id}/exclude`, { reason: 'x' })).status).toBe(403);
      const excluded = await manager.post(`/api/v1/entitlements/${target.id}/exclude`, { reason: 'Pindah domisili' });
      expect(excluded.status).toBe(200);
      expect(excluded.body).toMatchObject({ status: 'excluded', exclusionReason: 'Pindah domisili', amount: '200000' });
      const again = await manager.post(`/api/v1/entitlements/${target.id}/exclude`, { reason: 'Lagi' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('aid.entitlement_not_excludable');
      expect(await fundLedger('BANSOS-YK')).toEqual({
        '2.3.01': { debit: '200000', credit: '1000000' },
        '5.3.01': { debit: '1000000', credit: '200000' },
      });
      expect(await auditActions(target.id)).toEqual(['aid.entitlement_exclude']);
      const totals = (await admin.get(`/api/v1/cycles/${kksCycle}`)).body.totals;
      expect(totals).toMatchObject({
        count: 4,
        amount: '800000',
        byStatus: {
          excluded: { count: 1, amount: '200000' },
          approved: { count: 4, amount: '800000' },
          computed: { count: 0, amount: '0' },
        },
      });
      const review = await admin.get(`/api/v1/cycles/${kksCycle}/review?level=province`);
      expect(review.body).toMatchObject({ count: 4, amount: '800000' });
    });

    it('lists entitlements of your regions a page at a time, with the recipient’s name and the account masked', async () => {
      const first = await manager.get(`/api/v1/cycles/${kksCycle}/entitlements?limit=2`);
      expect(first.status).toBe(200);
      expect(first.body.items).toHaveLength(2);
      const second = await manager.get(`/api/v1/cycles/${kksCycle}/entitlements?limit=2&cursor=${first.body.nextCursor}`);
      expect(second.body.nextCursor).toBeNull();
      const items = [...first.body.items, ...second.body.items];
      expect(items).toHaveLength(4);
      expect(items.every((e: Entitlement) => e.villageCode === YK_VILLAGE)).toBe(true);
      const heads = await q<{ id: string; full_name: string }>(
        sql`SELECT id::text AS id, full_name FROM person WHERE id IN (${sql.join(yk.slice(0, 4).map((f) => f.head))})`,
      );
      for (const item of items) {
        const family = yk.find((f) => f.id === item.householdId) as Family;
        expect(item.recipientName).toBe(heads.find((h) => h.id === family.head)?.full_name);
        expect(item.account).toMatch(/^\*{5}\d{4}$/);
        expect(item).toMatchObject({ cycleId: kksCycle, personId: null, channel: 'bank', paidOn: null });
      }
      const excluded = await manager.get(`/api/v1/cycles/${kksCycle}/entitlements?status=excluded`);
      expect(excluded.body.items.map((e: Entitlement) => e.householdId)).toEqual([(yk[0] as Family).id]);
      expect(excluded.body.items[0].exclusionReason).toBe('Pindah domisili');
      const bandung = await admin.get(`/api/v1/cycles/${kksCycle}/entitlements?village=32.04`);
      expect(bandung.body.items.map((e: Entitlement) => e.householdId)).toEqual([(bd[0] as Family).id]);
      expect((await manager.get(`/api/v1/cycles/${kksCycle}/entitlements?village=32.04`)).body.items).toEqual([]);
      expect((await manager.get(`/api/v1/cycles/${kksCycle}/entitlements?cursor=WzFd`)).status).toBe(422);
      expect((await manager.get(`/api/v1/cycles/${kksCycle}/entitlements?village=34.7`)).status).toBe(422);
      const one = await supervisor.get(`/api/v1/entitlements/${items[0].id}`);
      expect(one.body).toEqual(items[0]);
      expect((await cashier.get(`/api/v1/cycles/${kksCycle}/entitlements`)).status).toBe(403);
    });

    it('scope: another office’s cycle and another region’s entitlement answer as unknown ones', async () => {
      const bandung = (await entitlements(kksCycle)).find((r) => r.villageCode === BD_VILLAGE) as Entitlement;
      // KKS is now paid from Yogyakarta's fund: Bandung's facilitator does not see its cycles.
      for (const path of [`/api/v1/cycles/${kksCycle}`, `/api/v1/cycles/${kksCycle}/review`, `/api/v1/cycles/${kksCycle}/entitlements`]) {
        const outside = await facilitator.get(path);
        expect(outside.status, path).toBe(404);
        expect((await facilitator.get(path.replace(kksCycle, NO_SUCH_ID))).status).toBe(404);
      }
      expect((await facilitator.get('/api/v1/programmes/kks/cycles')).status).toBe(404);
      expect((await manager.get(`/api/v1/entitlements/${bandung.id}`)).status).toBe(404);
      expect((await manager.get(`/api/v1/entitlements/${NO_SUCH_ID}`)).status).toBe(404);
      const excludeOutside = await manager.post(`/api/v1/entitlements/${bandung.id}/exclude`, { reason: 'x' });
      expect(excludeOutside.status).toBe(404);
      expect((await admin.get(`/api/v1/entitlements/${bandung.id}`)).body.status).toBe('approved');
      // A programme paid from Bandung's fund: Yogyakarta's manager cannot open its cycles.
      await setFund('sembako', 'BANSOS-BD');
      expect((await manager.post('/api/v1/programmes/sembako/cycles', { name: 'x', ...thisMonth })).status).toBe(404);
      await setFund('sembako', null);
    });

    it('computes PKH from the registry: a family of a child of 3, a child of 5 and a grandparent of 65 is owed Rp2.100.000 a stage', async () => {
      const [a, b] = yk.filter((f) => f.size >= 3) as [Family, Family];
      await shapeFamily(a, [65 * 365 + 100, 3 * 365 + 100, 5 * 365 + 100]);
      await shapeFamily(b, [2 * 365 + 100]);
      await enrol(manager, 'pkh', a);
      await enrol(manager, 'pkh', b);
      const created = await manager.post('/api/v1/programmes/pkh/cycles', { name: 'PKH tahap uji', ...thisMonth });
      const computed = await manager.post(`/api/v1/cycles/${created.body.id}/compute`);
      expect(computed.body).toEqual({ inserted: 2, total: 2, computeState: 'computed' });
      const list = await manager.get(`/api/v1/cycles/${created.body.id}/entitlements`);
      const owed = new Map(list.body.items.map((e: Entitlement & { components: unknown }) => [e.householdId, e]));
      const family = owed.get(a.id) as { amount: string; components: { member: string; category: string; amount: string }[] };
      expect(family.amount).toBe('2100000');
      expect(family.components.map((c) => `${c.category}:${c.amount}`).sort()).toEqual([
        'early_childhood:750000',
        'early_childhood:750000',
        'elderly:600000',
      ]);
      const members = await q<{ id: string }>(sql`SELECT id::text AS id FROM person WHERE household_id = ${a.id}`);
      expect(family.components.every((c) => members.some((m) => m.id === c.member))).toBe(true);
      expect((owed.get(b.id) as { amount: string }).amount).toBe('750000');
      expect((await manager.get(`/api/v1/cycles/${created.body.id}`)).body.totals.amount).toBe('2850000');
    });

    it('computes the contract family from the registry and the health profile (pregnant mother, child of 3, SD and SMP pupils): Rp2.100.000 a stage', async () => {
      const used = new Set(
        (
          await q<{ id: string }>(
            sql`SELECT e.household_id::text AS id FROM aid_enrolment e JOIN aid_programme p ON p.id = e.programme_id
                WHERE p.code = 'pkh' AND e.status <> 'ended'`,
          )
        ).map((r) => r.id),
      );
      const period = monthPeriod(addMonths(month, 2));
      let family: Family | undefined;
      let members: { id: string; sex: 'M' | 'F' }[] = [];
      for (const candidate of yk.filter((f) => f.size >= 4 && !used.has(f.id))) {
        members = await q<{ id: string; sex: 'M' | 'F' }>(
          sql`SELECT id::text AS id, sex FROM person WHERE household_id = ${candidate.id} AND merged_into IS NULL ORDER BY relation = 'head' DESC, id`,
        );
        if (members.some((m) => m.sex === 'F')) {
          family = candidate;
          break;
        }
      }
      expect(family).toBeDefined();
      const mother = members.find((m) => m.sex === 'F') as { id: string };
      const [child, sd, smp, ...others] = members.filter((m) => m.id !== mother.id);
      // Ages on the period's first day: the mother 30, a child of 3, pupils of 9 and 13, anyone else an adult of 35.
      const born = (years: number) => addDays(period.periodStart, -(years * 365 + 100));
      await q(
        sql`UPDATE person SET birth_date = ${born(30)}, died_on = NULL, school_level = NULL, school_year = NULL WHERE id = ${mother.id}`,
      );
      for (const [member, years] of [[child, 3], [sd, 9], [smp, 13], ...others.map((o) => [o, 35] as const)] as const)
        await q(
          sql`UPDATE person SET birth_date = ${born(years)}, died_on = NULL, school_level = NULL, school_year = NULL WHERE id = ${member?.id}`,
        );
      await q(sql`DELETE FROM health_profile WHERE person_id IN (${sql.join(members.map((m) => m.id))})`);

      // School levels through the registry's route, the pregnancy through the health module's.
      const doctor = new ApiClient(server.url);
      await doctor.login('dokter', DEMO_PASSWORD);
      expect((await manager.request('PUT', `/api/v1/persons/${sd?.id}/school`, { level: 'SD', year: 'middle' })).status).toBe(200);
      expect((await manager.request('PUT', `/api/v1/persons/${smp?.id}/school`, { level: 'SMP', year: 'new' })).status).toBe(200);
      const pregnancy = await doctor.request('PUT', `/api/v1/persons/${mother.id}/health`, {
        pregnant: true,
        lastMenstrualPeriod: addDays(businessDate(systemClock), -30),
      });
      expect(pregnancy.status, JSON.stringify(pregnancy.body)).toBe(200);

      await enrol(manager, 'pkh', family as Family);
      const created = await manager.post('/api/v1/programmes/pkh/cycles', { name: 'PKH tahap kontrak', ...period });
      expect(created.status).toBe(201);
      expect((await manager.post(`/api/v1/cycles/${created.body.id}/compute`)).status).toBe(200);
      const list = await manager.get(`/api/v1/cycles/${created.body.id}/entitlements?limit=500`);
      const owed = list.body.items.find((e: Entitlement) => e.householdId === family?.id) as {
        amount: string;
        components: { member: string; category: string; amount: string }[];
      };
      expect(owed.amount).toBe('2100000');
      const byMember = new Map(owed.components.map((c) => [c.member, `${c.category}:${c.amount}`]));
      expect(byMember.get(mother.id)).toBe('pregnant:750000');
      expect(byMember.get(child?.id as string)).toBe('early_childhood:750000');
      expect(byMember.get(sd?.id as string)).toBe('sd:225000');
      expect(byMember.get(smp?.id as string)).toBe('smp:375000');
      expect(owed.components.reduce((sum, c) => sum + BigInt(c.amount), 0n)).toBe(2_100_000n);
      // The same family by the public quote (the contract's own figures), × 4 stages = Rp8.400.000 a year.
      const quote = await admin.post('/api/v1/aid/entitlement-quote', {
        programme: 'pkh',
        asOf: period.periodStart,
        members: [
          { birthDate: born(30), sex: 'F', pregnant: true, schoolLevel: null, schoolYear: null, disability: null },
          { birthDate: born(3), sex: 'M', pregnant: false, schoolLevel: null, schoolYear: null, disability: null },
          { birthDate: born(9), sex: 'M', pregnant: false, schoolLevel: 'SD', schoolYear: 'middle', disability: null },
          { birthDate: born(13), sex: 'F', pregnant: false, schoolLevel: 'SMP', schoolYear: 'new', disability: null },
        ],
      });
      expect(quote.body).toMatchObject({ amount: owed.amount, per: 'stage' });
    });

    it('a compute killed after its first chunk leaves the cycle computing and unapprovable; a re-run completes it, one entitlement per enrolment', async () => {
      // Sembako pays per family (computed in SQL), PKH per member (computed a chunk at a time): both paths.
      for (const family of [yk[0], yk[1], yk[2]] as Family[]) await enrol(manager, 'sembako', family);
      for (const programme of ['sembako', 'pkh']) {
        const created = await manager.post(`/api/v1/programmes/${programme}/cycles`, { name: `${programme} dihentikan`, ...nextMonth });
        expect(created.status).toBe(201);
        const id = created.body.id as string;
        let chunks = 0;
        const killed = computeCycle(systemTestContext(server.database), id, {
          chunkSize: 1,
          onProgress: () => {
            chunks += 1;
            throw new Error('the process was killed');
          },
        });
        await expect(killed).rejects.toThrow('the process was killed');
        expect(chunks).toBe(1);
        expect(await entitlements(id)).toHaveLength(1);
        expect((await manager.get(`/api/v1/cycles/${id}`)).body).toMatchObject({ computeState: 'computing', computedAt: null });
        const approve = await supervisor.post(`/api/v1/cycles/${id}/approve`);
        expect(approve.status).toBe(409);
        expect(approve.body.code).toBe('aid.cycle_not_computed');

        const enrolments = await q<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM aid_enrolment e JOIN aid_programme p ON p.id = e.programme_id
              WHERE p.code = ${programme} AND e.status = 'enrolled'`,
        );
        const rerun = await manager.post(`/api/v1/cycles/${id}/compute`);
        expect(rerun.status).toBe(200);
        expect(rerun.body).toEqual({ inserted: (enrolments[0]?.n ?? 0) - 1, total: enrolments[0]?.n, computeState: 'computed' });
        const perEnrolment = await q<{ enrolment_id: string; n: number }>(
          sql`SELECT enrolment_id::text, count(*)::int AS n FROM aid_entitlement WHERE cycle_id = ${id} GROUP BY 1`,
        );
        expect(perEnrolment).toHaveLength(enrolments[0]?.n ?? -1);
        expect(perEnrolment.every((r) => r.n === 1)).toBe(true);
        expect((await admin.get(`/api/v1/cycles/${id}`)).body.computeState).toBe('computed');
      }
    });

    it('refuses a compute when the programme’s table does not apply on the period’s first day', async () => {
      const created = await manager.post('/api/v1/programmes/pkh/cycles', {
        name: 'PKH 2019',
        periodStart: '2019-01-01',
        periodEnd: '2019-03-31',
      });
      const computed = await manager.post(`/api/v1/cycles/${created.body.id}/compute`);
      expect(computed.status).toBe(422);
      expect(computed.body.errors[0]).toMatchObject({ field: 'periodStart', code: 'aid.no_rate' });
      expect((await manager.get(`/api/v1/cycles/${created.body.id}`)).body.computeState).toBe('idle');
    });
  });
}
