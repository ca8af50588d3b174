import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDate, systemClock } from '../../core/clock.ts';
import { addDays } from '../../core/dates.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD, fillDemoAid } from '../demo/index.ts';
import { memberFactsOf } from './member-facts.service.ts';
import { percentPaid } from './rollout.rules.ts';

const NO_SUCH_ID = '01900000-0000-7000-8000-000000000000';
const KRICAK = '34.71.01.1001';

type Item = Record<string, any>;

for (const kind of testDatabaseKinds()) {
  describe(`aid lists, rollout progress and record pages [${kind}]`, () => {
    let server: TestServer;
    let admin: ApiClient;
    let manager: ApiClient;
    let facilitator: ApiClient;
    let auditor: ApiClient;
    let cashier: ApiClient;
    let doctor: ApiClient;
    let paidCycle: string;
    let openCycle: string;
    const today = businessDate(systemClock);

    const q = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(server.database.db)).rows;
    /** Every page of a list, `limit` at a time. */
    const allPages = async (client: ApiClient, path: string, limit: number) => {
      const items: Item[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 200; page++) {
        const response = await client.get(`${path}${path.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(response.status, JSON.stringify(response.body)).toBe(200);
        expect(response.body.items.length).toBeLessThanOrEqual(limit);
        items.push(...response.body.items);
        cursor = response.body.nextCursor;
        if (cursor === null) return items;
      }
      throw new Error('too many pages');
    };
    /** Households PKH (decile 1–4) finds eligible, not enrolled now, in regions given as a LIKE pattern. */
    const pkhEligibleNotEnrolled = (pattern: string) =>
      q<{ id: string; village_code: string; kk_number: string }>(
        sql`SELECT h.id::text AS id, h.village_code, h.kk_number FROM household h
            WHERE h.welfare_decile BETWEEN 1 AND 4 AND h.village_code LIKE ${pattern}
              AND NOT EXISTS (SELECT 1 FROM aid_enrolment e JOIN aid_programme p ON p.id = e.programme_id
                              WHERE p.code = 'pkh' AND e.status <> 'ended' AND e.household_id = h.id)
            ORDER BY h.id`,
      );

    beforeAll(async () => {
      server = await startTestServer(kind, { demo: true, serveWeb: false });
      expect(await fillDemoAid(systemTestContext(server.database))).toMatchObject({ enrolled: 24, cycles: 2, failed: 1 });
      const login = async (username: string, headers: Record<string, string> = {}) => {
        const client = new ApiClient(server.url, headers);
        await client.login(username, DEMO_PASSWORD);
        return client;
      };
      admin = await login('admin');
      manager = await login('manajer'); // YK01
      facilitator = await login('pendamping'); // BD01
      auditor = await login('auditor'); // YK01 and BD01, sees no names
      cashier = await login('kasir');
      doctor = await login('dokter'); // YK01 health worker
      const cycles = await q<{ id: string; status: string }>(
        sql`SELECT c.id::text AS id, c.status FROM aid_cycle c JOIN aid_programme p ON p.id = c.programme_id
            WHERE p.code = 'pkh' ORDER BY c.period_start`,
      );
      expect(cycles.map((c) => c.status)).toEqual(['approved', 'open']);
      paidCycle = cycles[0]?.id as string;
      openCycle = cycles[1]?.id as string;
    });
    afterAll(async () => server?.close());

    it('records a pupil’s school level and year in the registry (writers, scoped, audited); eligibility and PIP read it', async () => {
      const [child] = await q<{ id: string; household_id: string }>(
        sql`SELECT id::text AS id, household_id::text AS household_id FROM person
            WHERE village_code = ${KRICAK} AND died_on IS NULL AND merged_into IS NULL
              AND birth_date BETWEEN ${addDays(today, -14 * 365)} AND ${addDays(today, -8 * 365)}
            ORDER BY id LIMIT 1`,
      );
      expect(child).toBeDefined();
      const id = child?.id as string;
      await q(sql`UPDATE household SET has_kip = true WHERE id = ${child?.household_id}`);
      const before = await manager.get(`/api/v1/programmes/pip/eligibility?person=${id}`);
      expect(before.body.rules.find((r: Item) => r.rule === 'school_level')).toMatchObject({ passed: false, value: null });
      expect((await manager.get(`/api/v1/persons/${id}`)).body).toMatchObject({ schoolLevel: null, schoolYear: null });
      const pipListBefore = await allPages(manager, `/api/v1/programmes/pip/eligible-not-enrolled?region=${KRICAK}`, 50);
      expect(pipListBefore.map((i) => i.unitId)).not.toContain(id);

      const put = await manager.request('PUT', `/api/v1/persons/${id}/school`, { level: 'SD', year: 'new' });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
      expect(put.body).toMatchObject({ id, schoolLevel: 'SD', schoolYear: 'new' });
      expect(put.body.household.members.find((m: Item) => m.id === id)).toMatchObject({ schoolLevel: 'SD', schoolYear: 'new' });
      const after = await manager.get(`/api/v1/programmes/pip/eligibility?person=${id}`);
      expect(after.body.rules.find((r: Item) => r.rule === 'school_level')).toMatchObject({ passed: true, value: 'SD' });
      const pipList = await allPages(manager, `/api/v1/programmes/pip/eligible-not-enrolled?region=${KRICAK}`, 50);
      expect(pipList.find((i) => i.unitId === id)).toMatchObject({ unitKind: 'person', kk: null, regionCode: KRICAK });

      const [audit] = await q<{ action: string; before: unknown; after: unknown }>(
        sql`SELECT action, before, after FROM audit_log WHERE entity_id = ${id} AND action = 'person.school'`,
      );
      expect(audit).toMatchObject({ before: { level: null, year: null }, after: { level: 'SD', year: 'new' } });

      const yearAlone = await manager.request('PUT', `/api/v1/persons/${id}/school`, { level: null, year: 'final' });
      expect(yearAlone.status).toBe(422);
      expect(yearAlone.body.errors[0]).toMatchObject({ field: 'year', code: 'registry.school_year_needs_level' });
      expect((await manager.request('PUT', `/api/v1/persons/${id}/school`, { level: 'SMK', year: null })).status).toBe(422);
      expect((await manager.request('PUT', `/api/v1/persons/${id}/school`, { level: 'SD', year: 'new', extra: 1 })).status).toBe(422);
      // Another office's person answers like an unknown one; readers who are not writers may not.
      expect((await facilitator.request('PUT', `/api/v1/persons/${id}/school`, { level: 'SMP', year: null })).status).toBe(404);
      expect((await manager.request('PUT', `/api/v1/persons/${NO_SUCH_ID}/school`, { level: 'SMP', year: null })).status).toBe(404);
      expect((await auditor.request('PUT', `/api/v1/persons/${id}/school`, { level: 'SMP', year: null })).status).toBe(403);

      // A level alone is a middle year; null clears (not recorded again).
      expect((await manager.request('PUT', `/api/v1/persons/${id}/school`, { level: 'SMP' })).body).toMatchObject({
        schoolLevel: 'SMP',
        schoolYear: null,
      });
      expect((await manager.request('PUT', `/api/v1/persons/${id}/school`, { level: null, year: null })).body).toMatchObject({
        schoolLevel: null,
        schoolYear: null,
      });
      // Asking for what is recorded already writes nothing; a deceased person's school is not recorded.
      expect((await manager.request('PUT', `/api/v1/persons/${id}/school`, { level: null })).status).toBe(200);
      const actions = await q<{ action: string }>(sql`SELECT action FROM audit_log WHERE entity_id = ${id} AND action = 'person.school'`);
      expect(actions).toHaveLength(3);
      await q(sql`UPDATE person SET died_on = ${addDays(today, -1)} WHERE id = ${id}`);
      const deceased = await manager.request('PUT', `/api/v1/persons/${id}/school`, { level: 'SD', year: null });
      expect(deceased.status).toBe(422);
      expect(deceased.body.errors[0]).toMatchObject({ field: 'level', code: 'registry.person_deceased' });
      await q(sql`UPDATE person SET died_on = NULL WHERE id = ${id}`);
    });

    it('feeds the health profile’s pregnancy (on the day) and a multiple disability (severe) into member facts', async () => {
      const [family] = await q<{ household_id: string; wife: string; head: string }>(
        sql`SELECT w.household_id::text AS household_id, w.id::text AS wife,
                   (SELECT h.id::text FROM person h WHERE h.household_id = w.household_id AND h.relation = 'head') AS head
            FROM person w WHERE w.village_code = ${KRICAK} AND w.relation = 'wife' AND w.died_on IS NULL
              AND w.birth_date > ${addDays(today, -40 * 365)} ORDER BY w.id LIMIT 1`,
      );
      expect(family).toBeDefined();
      const householdId = family?.household_id as string;
      const pregnant = await doctor.request('PUT', `/api/v1/persons/${family?.wife}/health`, {
        pregnant: true,
        lastMenstrualPeriod: addDays(today, -70),
      });
      expect(pregnant.status, JSON.stringify(pregnant.body)).toBe(200);
      const severe = await doctor.request('PUT', `/api/v1/persons/${family?.head}/health`, { disability: 'multiple' });
      expect(severe.status, JSON.stringify(severe.body)).toBe(200);
      const ctx = systemTestContext(server.database);
      const facts = (await memberFactsOf(ctx.db, [householdId], today)).get(householdId) ?? [];
      expect(facts.find((m) => m.id === family?.wife)).toMatchObject({ pregnant: true });
      expect(facts.find((m) => m.id === family?.head)).toMatchObject({ pregnant: false, disability: 'severe' });
      // After the expected delivery (Naegele: + 280 days from the last period) she is no longer counted pregnant.
      const later = (await memberFactsOf(ctx.db, [householdId], addDays(today, 300))).get(householdId) ?? [];
      expect(later.find((m) => m.id === family?.wife)).toMatchObject({ pregnant: false });
      await doctor.request('PUT', `/api/v1/persons/${family?.head}/health`, { disability: 'physical' });
      const physical = (await memberFactsOf(ctx.db, [householdId], today)).get(householdId) ?? [];
      expect(physical.find((m) => m.id === family?.head)).toMatchObject({ disability: null });
    });

    it('lists households eligible for PKH and not enrolled, in id order, a page at a time, in the caller’s regions', async () => {
      const expected = await pkhEligibleNotEnrolled('%');
      expect(expected.length).toBeGreaterThan(3);
      const all = await allPages(admin, '/api/v1/programmes/pkh/eligible-not-enrolled', 3);
      expect(all.map((i) => i.unitId)).toEqual(expected.map((h) => h.id));
      const first = all[0] as Item;
      const row = expected[0] as { village_code: string; kk_number: string };
      expect(first).toMatchObject({ unitKind: 'household', kk: row.kk_number, regionCode: row.village_code });
      expect(first.name).not.toBe('');
      expect(typeof first.villageName).toBe('string');
      const enrolled = await q<{ id: string }>(
        sql`SELECT e.household_id::text AS id FROM aid_enrolment e JOIN aid_programme p ON p.id = e.programme_id WHERE p.code = 'pkh'`,
      );
      expect(enrolled.length).toBeGreaterThan(0);
      expect(all.some((i) => enrolled.some((e) => e.id === i.unitId))).toBe(false);

      // The manager sees Yogyakarta, the facilitator Bandung; a region narrows it.
      const yogya = await allPages(manager, '/api/v1/programmes/pkh/eligible-not-enrolled', 50);
      expect(yogya.map((i) => i.unitId)).toEqual((await pkhEligibleNotEnrolled('34.71.%')).map((h) => h.id));
      const bandung = await allPages(facilitator, '/api/v1/programmes/pkh/eligible-not-enrolled', 50);
      expect(bandung.map((i) => i.unitId)).toEqual((await pkhEligibleNotEnrolled('32.04.%')).map((h) => h.id));
      const kricak = await allPages(manager, `/api/v1/programmes/pkh/eligible-not-enrolled?region=${KRICAK}`, 50);
      expect(kricak.map((i) => i.unitId)).toEqual((await pkhEligibleNotEnrolled(KRICAK)).map((h) => h.id));

      // Names and KK numbers masked for the auditor.
      const masked = (await auditor.get(`/api/v1/programmes/pkh/eligible-not-enrolled?limit=3`)).body.items as Item[];
      expect(masked.map((i) => i.unitId)).toEqual(all.slice(0, 3).map((i) => i.unitId));
      for (const item of masked) {
        expect(item.name).toMatch(/^(\S\*\*\*)( \S\*\*\*)*$/);
        expect(item.kk).toMatch(/^\d{4}\*{8}\d{4}$/);
      }

      // Another office's region answers like an unknown one; a malformed one is 422; a forged cursor is 422.
      expect((await manager.get('/api/v1/programmes/pkh/eligible-not-enrolled?region=32.04')).status).toBe(404);
      expect((await manager.get('/api/v1/programmes/pkh/eligible-not-enrolled?region=99.99')).status).toBe(404);
      expect((await manager.get('/api/v1/programmes/pkh/eligible-not-enrolled?region=34.7')).status).toBe(422);
      expect((await manager.get('/api/v1/programmes/pkh/eligible-not-enrolled?cursor=WzFd')).status).toBe(422);
      expect((await manager.get('/api/v1/programmes/nothing/eligible-not-enrolled')).status).toBe(404);
      expect((await cashier.get('/api/v1/programmes/pkh/eligible-not-enrolled')).status).toBe(403);
    });

    it('lists enrolments whose family no longer passes PKH’s rules, with the rules failed', async () => {
      const moved = await q<{ id: string; household_id: string; village_code: string }>(
        sql`SELECT e.id::text AS id, e.household_id::text AS household_id, e.village_code FROM aid_enrolment e
            JOIN aid_programme p ON p.id = e.programme_id WHERE p.code = 'pkh' AND e.status <> 'ended' ORDER BY e.id LIMIT 2`,
      );
      expect(moved).toHaveLength(2);
      expect((await admin.get('/api/v1/programmes/pkh/enrolled-not-eligible')).body).toEqual({ items: [], nextCursor: null });
      await q(sql`UPDATE household SET welfare_decile = 9 WHERE id IN (${moved[0]?.household_id}, ${moved[1]?.household_id})`);
      try {
        const all = await allPages(admin, '/api/v1/programmes/pkh/enrolled-not-eligible', 1);
        expect(all.map((i) => i.enrolmentId)).toEqual(moved.map((m) => m.id));
        expect(all[0]).toMatchObject({
          unitKind: 'household',
          unitId: moved[0]?.household_id,
          regionCode: moved[0]?.village_code,
          failedRules: [{ rule: 'decile', value: 9, required: { min: 1, max: 4 } }],
        });
        expect(all[0]?.failedRules[0].message).toContain('9');
        const english = new ApiClient(server.url, { 'accept-language': 'en' });
        await english.login('admin', DEMO_PASSWORD);
        const [inEnglish] = (await english.get('/api/v1/programmes/pkh/enrolled-not-eligible')).body.items as Item[];
        expect(inEnglish?.failedRules[0].message).not.toBe(all[0]?.failedRules[0].message);
        // The facilitator's regions hold none of them; the auditor sees them with names masked.
        expect((await facilitator.get('/api/v1/programmes/pkh/enrolled-not-eligible')).body.items).toEqual([]);
        const masked = (await auditor.get('/api/v1/programmes/pkh/enrolled-not-eligible')).body.items as Item[];
        expect(masked).toHaveLength(2);
        expect(masked[0]?.name).toMatch(/^(\S\*\*\*)( \S\*\*\*)*$/);
        // The eligible list does not offer them (enrolled), whatever their decile.
        const offered = await allPages(admin, '/api/v1/programmes/pkh/eligible-not-enrolled', 100);
        expect(offered.some((i) => moved.some((m) => m.household_id === i.unitId))).toBe(false);
      } finally {
        await q(sql`UPDATE household SET welfare_decile = 2 WHERE id IN (${moved[0]?.household_id}, ${moved[1]?.household_id})`);
      }
    });

    it('shows rollout progress by region: eligible, enrolled, entitled, paid, failed, percent; priority regions first', async () => {
      await q(sql`UPDATE aid_programme SET priority_regions = ARRAY['34.71.01'] WHERE code = 'pkh'`);
      const expectedAt = async (prefix: number, cycleId: string) => {
        const eligible = await q<{ code: string; n: number }>(
          sql`SELECT left(village_code, ${prefix}::int) AS code, count(*)::int AS n FROM household WHERE welfare_decile BETWEEN 1 AND 4 GROUP BY 1`,
        );
        const enrolled = await q<{ code: string; n: number }>(
          sql`SELECT left(e.village_code, ${prefix}::int) AS code, count(*)::int AS n FROM aid_enrolment e
              JOIN aid_programme p ON p.id = e.programme_id WHERE p.code = 'pkh' AND e.status IN ('enrolled', 'pending_account') GROUP BY 1`,
        );
        const entitlements = await q<{ code: string; entitled: number; paid: number; failed: number }>(
          sql`SELECT left(village_code, ${prefix}::int) AS code, count(*) FILTER (WHERE status <> 'excluded')::int AS entitled,
                     count(*) FILTER (WHERE status = 'paid')::int AS paid, count(*) FILTER (WHERE status IN ('failed', 'returned'))::int AS failed
              FROM aid_entitlement WHERE cycle_id = ${cycleId} GROUP BY 1`,
        );
        const codes = new Set([...eligible, ...enrolled, ...entitlements].map((r) => r.code));
        return new Map(
          [...codes].map((code) => {
            const t = entitlements.find((r) => r.code === code);
            const counts = {
              eligible: eligible.find((r) => r.code === code)?.n ?? 0,
              enrolled: enrolled.find((r) => r.code === code)?.n ?? 0,
              entitled: t?.entitled ?? 0,
              paid: t?.paid ?? 0,
              failed: t?.failed ?? 0,
            };
            return [code, { ...counts, percentPaid: percentPaid(counts.paid, counts.entitled) }];
          }),
        );
      };

      const response = await admin.get(`/api/v1/programmes/pkh/progress?level=regency&cycle=${paidCycle}`);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      const view = response.body;
      expect(view).toMatchObject({ level: 'regency', parent: null, cycle: { id: paidCycle } });
      const expected = await expectedAt(5, paidCycle);
      expect(new Map(view.rows.map(({ regionCode, regionName: _, priority: __, ...counts }: Item) => [regionCode, counts]))).toEqual(
        expected,
      );
      expect(view.rows[0]).toMatchObject({ regionCode: '34.71', priority: true });
      expect(view.rows.slice(1).every((r: Item) => r.priority === false)).toBe(true);
      const codes = view.rows.slice(1).map((r: Item) => r.regionCode);
      expect(codes).toEqual([...codes].sort());
      const [regency] = await q<{ name: string }>(sql`SELECT name FROM region WHERE code = '34.71'`);
      expect(view.rows[0].regionName).toBe(regency?.name);
      // The demo's paid stage: one transfer failed.
      const yogya = view.rows[0];
      expect(yogya.failed).toBe(1);
      expect(yogya.paid).toBe(yogya.entitled - 1);
      expect(yogya.percentPaid).toBe(percentPaid(yogya.paid, yogya.entitled));
      const sum = (key: string) => view.rows.reduce((n: number, r: Item) => n + r[key], 0);
      expect(view.totals).toEqual({
        eligible: sum('eligible'),
        enrolled: sum('enrolled'),
        entitled: sum('entitled'),
        paid: sum('paid'),
        failed: sum('failed'),
        percentPaid: percentPaid(sum('paid'), sum('entitled')),
      });

      // Without a cycle: the newest (open, computed, nothing paid yet).
      const latest = (await admin.get('/api/v1/programmes/pkh/progress?level=province')).body;
      expect(latest.cycle.id).toBe(openCycle);
      expect(latest.rows[0]).toMatchObject({ regionCode: '34', priority: true, paid: 0, failed: 0 });
      expect(new Map(latest.rows.map(({ regionCode, regionName: _, priority: __, ...c }: Item) => [regionCode, c]))).toEqual(
        await expectedAt(2, openCycle),
      );

      // Districts of one regency; the manager sees only Yogyakarta.
      const districts = (await admin.get('/api/v1/programmes/pkh/progress?level=district&parent=34.71')).body;
      expect(districts.rows.length).toBeGreaterThan(0);
      expect(districts.rows.every((r: Item) => r.regionCode.startsWith('34.71.'))).toBe(true);
      expect(districts.rows[0]).toMatchObject({ regionCode: '34.71.01', priority: true });
      const own = (await manager.get('/api/v1/programmes/pkh/progress?level=province')).body;
      expect(own.rows.map((r: Item) => r.regionCode)).toEqual(['34']);
      expect((await manager.get('/api/v1/programmes/pkh/progress?level=district&parent=32.04')).status).toBe(404);

      expect((await admin.get('/api/v1/programmes/pkh/progress?level=regency&parent=34.71')).status).toBe(422);
      expect((await admin.get('/api/v1/programmes/pkh/progress?level=county')).status).toBe(422);
      expect((await admin.get(`/api/v1/programmes/pkh/progress?cycle=${NO_SUCH_ID}`)).status).toBe(404);
      expect((await admin.get(`/api/v1/programmes/kks/progress?cycle=${paidCycle}`)).status).toBe(404);
      // The BD01 facilitator may not see a YK01 fund's cycle: named, 404; by default, none.
      expect((await facilitator.get(`/api/v1/programmes/pkh/progress?cycle=${paidCycle}`)).status).toBe(404);
      expect((await facilitator.get('/api/v1/programmes/pkh/progress')).body.cycle).toBeNull();
      expect((await cashier.get('/api/v1/programmes/pkh/progress')).status).toBe(403);

      // The same report as PDF and Excel.
      const download = async (path: string) => {
        const r = await fetch(`${server.url}${path}`, { headers: { cookie: admin.cookie ?? '' } });
        return { status: r.status, type: r.headers.get('content-type'), bytes: Buffer.from(await r.arrayBuffer()) };
      };
      const pdf = await download(`/api/v1/programmes/pkh/progress.pdf?level=regency&cycle=${paidCycle}`);
      expect(pdf.status).toBe(200);
      expect(pdf.type).toContain('application/pdf');
      expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const xlsx = await download(`/api/v1/programmes/pkh/progress.xlsx?level=regency&cycle=${paidCycle}`);
      expect(xlsx.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      const cells: unknown[][] = [];
      sheet?.eachRow((row) => cells.push((row.values as unknown[]).slice(1)));
      expect(cells).toContainEqual([
        '34.71',
        yogya.regionName,
        'ya',
        yogya.eligible,
        yogya.enrolled,
        yogya.entitled,
        yogya.paid,
        yogya.failed,
        yogya.percentPaid,
      ]);
      expect((await download('/api/v1/programmes/pkh/progress.pdf?level=regency&parent=34.71')).status).toBe(422);
    });

    it('shows a family’s and a person’s programmes and payment history, scoped like their record', async () => {
      const [paid] = await q<{
        household_id: string;
        recipient_id: string;
        amount: string;
        paid_on: string;
        reference: string;
        enrolment_id: string;
        recipient_name: string;
      }>(
        sql`SELECT t.unit_household_id::text AS household_id, t.recipient_id::text AS recipient_id, t.amount::text AS amount,
                   to_char(t.paid_on, 'YYYY-MM-DD') AS paid_on, i.reference, t.enrolment_id::text AS enrolment_id, p.full_name AS recipient_name
            FROM aid_entitlement t JOIN aid_instruction i ON i.entitlement_id = t.id JOIN person p ON p.id = t.recipient_id
            WHERE t.cycle_id = ${paidCycle} AND t.status = 'paid' ORDER BY t.id LIMIT 1`,
      );
      expect(paid).toBeDefined();
      const family = await manager.get(`/api/v1/households/${paid?.household_id}/aid`);
      expect(family.status, JSON.stringify(family.body)).toBe(200);
      expect(family.body.enrolments).toEqual([
        expect.objectContaining({
          enrolmentId: paid?.enrolment_id,
          programmeName: 'Program Keluarga Harapan (PKH)',
          status: 'enrolled',
          unitKind: 'household',
          recipientName: paid?.recipient_name,
          channel: 'bank',
        }),
      ]);
      const [openEntitlement] = await q<{ amount: string }>(
        sql`SELECT amount::text AS amount FROM aid_entitlement WHERE cycle_id = ${openCycle} AND enrolment_id = ${paid?.enrolment_id}`,
      );
      const [cycle] = await q<{ name: string; period_start: string; period_end: string }>(
        sql`SELECT name, to_char(period_start, 'YYYY-MM-DD') AS period_start, to_char(period_end, 'YYYY-MM-DD') AS period_end
            FROM aid_cycle WHERE id = ${paidCycle}`,
      );
      expect(family.body.payments).toEqual([
        ...(openEntitlement
          ? [
              expect.objectContaining({
                cycleId: openCycle,
                amount: openEntitlement.amount,
                status: 'computed',
                paidOn: null,
                reference: null,
              }),
            ]
          : []),
        {
          cycleId: paidCycle,
          cycleName: cycle?.name,
          periodStart: cycle?.period_start,
          periodEnd: cycle?.period_end,
          amount: paid?.amount,
          status: 'paid',
          paidOn: paid?.paid_on,
          reference: paid?.reference,
          channel: 'bank',
        },
      ]);
      expect(paid?.amount).toMatch(/^[1-9]\d*$/);
      const person = await manager.get(`/api/v1/persons/${paid?.recipient_id}/aid`);
      expect(person.body).toEqual(family.body);
      const english = new ApiClient(server.url, { 'accept-language': 'en' });
      await english.login('manajer', DEMO_PASSWORD);
      expect((await english.get(`/api/v1/households/${paid?.household_id}/aid`)).body.enrolments[0].programmeName).toBe(
        'Family Hope Programme (PKH conditional cash transfer)',
      );

      // The failed transfer shows as failed, with its reference.
      const [failed] = await q<{ household_id: string; reference: string }>(
        sql`SELECT t.unit_household_id::text AS household_id, i.reference FROM aid_entitlement t JOIN aid_instruction i ON i.entitlement_id = t.id
            WHERE t.cycle_id = ${paidCycle} AND t.status = 'failed'`,
      );
      const failedFamily = (await manager.get(`/api/v1/households/${failed?.household_id}/aid`)).body;
      expect(failedFamily.payments.find((p: Item) => p.cycleId === paidCycle)).toMatchObject({
        status: 'failed',
        paidOn: null,
        reference: failed?.reference,
      });

      // A family in no programme; another office's family; an unknown one; a role without aid work.
      const [none] = await q<{ id: string }>(
        sql`SELECT h.id::text AS id FROM household h WHERE h.village_code LIKE '34.71.%'
            AND NOT EXISTS (SELECT 1 FROM aid_enrolment e WHERE e.unit_household_id = h.id) ORDER BY h.id LIMIT 1`,
      );
      expect((await manager.get(`/api/v1/households/${none?.id}/aid`)).body).toEqual({ enrolments: [], payments: [] });
      expect((await facilitator.get(`/api/v1/households/${paid?.household_id}/aid`)).status).toBe(404);
      expect((await facilitator.get(`/api/v1/persons/${paid?.recipient_id}/aid`)).status).toBe(404);
      expect((await manager.get(`/api/v1/households/${NO_SUCH_ID}/aid`)).status).toBe(404);
      expect((await manager.get(`/api/v1/persons/${NO_SUCH_ID}/aid`)).status).toBe(404);
      expect((await cashier.get(`/api/v1/households/${paid?.household_id}/aid`)).status).toBe(403);
      expect((await auditor.get(`/api/v1/households/${paid?.household_id}/aid`)).status).toBe(200);
    });
  });
}
