import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { Context } from '../../context.ts';
import { fixedClock } from '../../core/clock.ts';
import { describeEachDatabase } from '../../testing/databases.ts';
import { type ReminderWorld, seedReminderWorld } from '../../testing/reminder-fixtures.ts';
import { systemTestContext } from '../../testing/server.ts';
import { dueItems } from './reminders.service.ts';

describeEachDatabase('what reminders select, day by day', (getDatabase) => {
  let ctx: Context;
  let w: ReminderWorld;
  beforeAll(async () => {
    // Saturday 7 March 2026, 09:00 WIB.
    ctx = systemTestContext(getDatabase(), fixedClock(new Date('2026-03-07T02:00:00Z')));
    w = await seedReminderWorld(ctx);
  }, 120_000);

  /** kind → the item keys selected on `day` (of the seeded items), with who gets them. */
  async function selected(day: string) {
    const out: Record<string, string[]> = {};
    for (const { kind, rows } of await dueItems(ctx, day))
      out[kind] = rows.map((r) => `${r.item_key}>${r.recipient_name}`).filter((key) => mine(key));
    return out;
  }
  const mine = (key: string) =>
    [w.f1, w.f2, w.householdC, w.persons.d.id, w.persons.e.id, w.agreementSoon, w.groupDue, w.groupLate, w.yk01].some((id) =>
      key.startsWith(id),
    );

  it('reminds of an instalment 3 days before its due date, and through the due date, not 4 days before', async () => {
    const { a, b } = w.persons;
    expect((await selected('2026-03-06')).instalment_due).toEqual([]);
    expect((await selected('2026-03-07')).instalment_due).toEqual([`${w.f1}:1>${a.name}`]);
    expect((await selected('2026-03-08')).instalment_due).toEqual([`${w.f1}:1>${a.name}`, `${w.f2}:3>${b.name}`]);
    expect((await selected('2026-03-10')).instalment_due).toEqual([`${w.f1}:1>${a.name}`, `${w.f2}:3>${b.name}`]);
    expect((await selected('2026-03-12')).instalment_due).toEqual([]);
  });

  it('reminds of an unpaid instalment once overdue, with what remains including the late charge; a paid one never', async () => {
    const { a, b } = w.persons;
    const due = await dueItems(ctx, '2026-03-07');
    const overdue = due.find((d) => d.kind === 'instalment_overdue')?.rows.filter((r) => r.item_key.startsWith(w.f2)) ?? [];
    expect(overdue.map((r) => [r.item_key, r.recipient_name, r.params])).toEqual([
      [`${w.f2}:1`, b.name, { number: 'PB-REM-0002', n: 1, dueOn: '2026-03-05', amount: '110500' }],
    ]);
    expect((await selected('2026-03-10')).instalment_overdue).toEqual([`${w.f2}:1>${b.name}`]);
    expect((await selected('2026-03-11')).instalment_overdue).toEqual([`${w.f2}:1>${b.name}`, `${w.f1}:1>${a.name}`]);
    // Older than 30 days: left to the facilitator, not reminded on a first run.
    expect((await selected('2026-04-05')).instalment_overdue).not.toContain(`${w.f2}:1>${b.name}`);
  });

  it('reminds a PBPU family paid only through last month from the 7th to the 9th, to the head, not one paid up', async () => {
    const { c } = w.persons;
    expect((await selected('2026-03-06')).jkn_due).toEqual([]);
    for (const day of ['2026-03-07', '2026-03-09']) expect((await selected(day)).jkn_due).toEqual([`${w.householdC}:2026-03>${c.name}`]);
    expect((await selected('2026-03-10')).jkn_due).toEqual([]);
    const row = (await dueItems(ctx, '2026-03-08'))
      .find((d) => d.kind === 'jkn_due')
      ?.rows.find((r) => r.item_key.startsWith(w.householdC));
    expect(row?.params).toEqual({ month: '2026-03', dueOn: '2026-03-10', paidThrough: '2026-02' });
  });

  it('recalls a screening due within 30 days, not one due later', async () => {
    const { d } = w.persons;
    expect((await selected('2026-03-01')).screening_recall).toEqual([]);
    expect((await selected('2026-03-02')).screening_recall).toEqual([`${d.id}:2026-04-01>${d.name}`]);
    expect((await selected('2026-03-07')).screening_recall).toEqual([`${d.id}:2026-04-01>${d.name}`]);
  });

  it("tells the office's manager of an agreement ending within 90 days", async () => {
    expect((await selected('2026-03-07')).mou_expiry).toEqual([`${w.agreementSoon}:2026-06-01>Budi Santoso`]);
    expect((await selected('2026-03-02')).mou_expiry).toEqual([]);
  });

  it('tells the supervisor of a group report due within two weeks, then once late; not of one long late', async () => {
    expect((await selected('2026-02-28')).group_report_due).toEqual([]);
    expect((await selected('2026-03-07')).group_report_due).toEqual([`${w.groupDue}:2026-03-15:due>Yohanes Wibowo`]);
    expect((await selected('2026-03-16')).group_report_due).toEqual([`${w.groupDue}:2026-03-15:late>Yohanes Wibowo`]);
    // Late within the last 30 days: reminded once; late since December: not on a first run.
    expect((await selected('2025-12-20')).group_report_due).toEqual([`${w.groupLate}:2025-12-01:late>Yohanes Wibowo`]);
  });

  it("sends the office's sealed books root of the day to its supervisor", async () => {
    const rows = (await dueItems(ctx, '2026-03-07')).find((d) => d.kind === 'books_root')?.rows ?? [];
    const [root] = (
      await sql<{ root: string; entries: number; lines: number }>`
        SELECT root, entries, lines FROM books_root WHERE office_id = ${w.yk01} AND day = '2026-03-06'`.execute(getDatabase().db)
    ).rows;
    if (!root) throw new Error('the day was not sealed');
    expect(rows.map((r) => [r.item_key, r.recipient_name, r.params])).toEqual([
      [
        `${w.yk01}:2026-03-06`,
        'Yohanes Wibowo',
        { office: 'YK01', root: root.root, entries: root.entries, lines: root.lines, dueOn: '2026-03-06' },
      ],
    ]);
  });
});
