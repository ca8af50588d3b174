import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Context } from '../../context.ts';
import { fixedClock } from '../../core/clock.ts';
import { buildServer } from '../../http/server.ts';
import { describeEachDatabase } from '../../testing/databases.ts';
import { startFakeGateway, startFakeSmtp } from '../../testing/fake-gateway.ts';
import { type ReminderWorld, seedReminderWorld } from '../../testing/reminder-fixtures.ts';
import { systemTestContext } from '../../testing/server.ts';
import { gatewaySender, logSender, sendersFor } from './channels.ts';
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from './reminders.rules.ts';
import { runReminders, setContact, setOptOut } from './reminders.service.ts';

describeEachDatabase('reminders sent through the channels', (getDatabase) => {
  const clock = fixedClock(new Date('2026-03-07T15:00:00Z')); // Saturday 7 March, 22:00 WIB: quiet hours
  let ctx: Context;
  let w: ReminderWorld;
  let gateway: Awaited<ReturnType<typeof startFakeGateway>>;
  let settings: ReminderSettings;
  const logLines: string[] = [];
  const at = (iso: string) => clock.advance(new Date(iso).getTime() - clock.now().getTime());
  const rows = () => getDatabase().db.selectFrom('reminder').selectAll().orderBy('created_at').orderBy('id').execute();
  const toGateway = () => gateway.requests.map((r) => `${r.body.channel} ${r.body.to}`);

  beforeAll(async () => {
    gateway = await startFakeGateway();
    const log = pino(
      { level: 'info' },
      new Writable({
        write(chunk, _encoding, done) {
          logLines.push(String(chunk));
          done();
        },
      }),
    );
    ctx = { ...systemTestContext(getDatabase(), clock), log };
    w = await seedReminderWorld(ctx);
    settings = {
      ...DEFAULT_REMINDER_SETTINGS,
      channels: ['log', 'sms'],
      maxAttempts: 3,
      backoffSeconds: 60,
      leaseSeconds: 600,
      gateway: { url: gateway.url, key: 'kunci-rahasia' },
    };
    const { a, b, c } = w.persons;
    await setContact(
      ctx,
      { kind: 'person', id: a.id },
      { language: 'id', phone: '081234567801', email: 'a@example.test', optedOut: false },
    );
    await setContact(ctx, { kind: 'person', id: b.id }, { language: 'id', phone: '081234567802', email: null, optedOut: false });
    await setOptOut(ctx, { kind: 'person', id: b.id }, true);
    await setContact(ctx, { kind: 'person', id: c.id }, { language: 'en', phone: '081234567803', email: null, optedOut: false });
  }, 120_000);
  afterAll(async () => {
    await gateway?.close();
  });

  it('in quiet hours queues what is due and sends nothing until they end', async () => {
    const summary = await runReminders(ctx, settings);
    expect(summary).toMatchObject({ sent: 0, failed: 0 });
    expect(summary.queued).toBeGreaterThan(0);
    expect(gateway.requests).toEqual([]);
    const waiting = await rows();
    expect(new Set(waiting.map((r) => r.status))).toEqual(new Set(['waiting']));
    // 07:00 WIB on Sunday 8 March.
    expect(new Set(waiting.map((r) => r.next_attempt_at.toISOString()))).toEqual(new Set(['2026-03-08T00:00:00.000Z']));
    // The opted-out member gets nothing queued.
    expect(waiting.filter((r) => r.recipient_id === w.persons.b.id)).toEqual([]);
  });

  it('a reminder queued before its recipient opts out is cancelled, not sent', async () => {
    await setOptOut(ctx, { kind: 'person', id: w.persons.d.id }, true);
    at('2026-03-08T00:00:00Z');
    await runReminders(ctx, settings);
    const d = (await rows()).filter((r) => r.recipient_id === w.persons.d.id);
    expect(d.map((r) => [r.kind, r.channel, r.status])).toEqual([['screening_recall', 'log', 'cancelled']]);
    const audit = await getDatabase()
      .db.selectFrom('audit_log')
      .select(['action', 'entity_type', 'actor_username'])
      .where('entity_id', '=', w.persons.d.id)
      .execute();
    expect(audit).toEqual([{ action: 'reminders.opt_out', entity_type: 'person', actor_username: 'system:test' }]);
  });

  it('sends each due item once to the gateway, in the recipient language, with the key and the idempotency key', async () => {
    expect(toGateway().sort()).toEqual(['sms 081234567801', 'sms 081234567803']);
    const toA = gateway.requests.find((r) => r.body.to === '081234567801');
    expect(toA?.body.text).toBe(
      `Yth. ${w.persons.a.name}, angsuran ke-1 pembiayaan PB-REM-0001 sebesar Rp110.000 jatuh tempo pada 10 Maret 2026. Terima kasih.`,
    );
    expect(toA?.authorization).toBe('Bearer kunci-rahasia');
    const toC = gateway.requests.find((r) => r.body.to === '081234567803');
    expect(toC?.body.text).toBe(
      `Dear ${w.persons.c.name}, your family's JKN contribution for March 2026 is due on 10 March 2026. Pay before the 10th to keep the card active.`,
    );
    const sms = (await rows()).filter((r) => r.channel === 'sms').sort((x, y) => x.address?.localeCompare(y.address ?? '') ?? 0);
    expect(sms.map((r) => [r.recipient_id, r.status, r.attempts])).toEqual([
      [w.persons.a.id, 'sent', 1],
      [w.persons.c.id, 'sent', 1],
    ]);
    expect(gateway.requests.map((r) => r.key).sort()).toEqual(sms.map((r) => r.id).sort());

    // A second run sends nothing again.
    expect(await runReminders(ctx, settings)).toEqual({ queued: 0, sent: 0, retrying: 0, failed: 0, cancelled: 0, deferred: 0 });
    expect(gateway.requests).toHaveLength(2);
  });

  it('writes log reminders with names masked', async () => {
    const lines = logLines.filter((line) => line.includes('"msg":"reminder"'));
    expect(lines.length).toBeGreaterThan(0);
    const { a } = w.persons;
    const toA = lines.find((line) => line.includes('PB-REM-0001'));
    expect(toA).toContain(
      a.name
        .split(' ')
        .map((word) => `${word.charAt(0)}***`)
        .join(' '),
    );
    for (const line of lines) {
      expect(line).not.toContain(a.name);
      expect(line).not.toMatch(/\d{16}/);
    }
  });

  it('across a restart (a new app instance on the same database, its schedule running) sends nothing twice', async () => {
    // D opts back in with a phone: the recall goes out by SMS; the cancelled log reminder stays cancelled.
    await setContact(ctx, { kind: 'person', id: w.persons.d.id }, { language: 'id', phone: '081234567804', email: null, optedOut: false });
    const scheduled = { ...settings, intervalMinutes: 0.0005 };
    for (let instance = 0; instance < 2; instance++) {
      // Counted before the instance starts: its schedule may send during start-up.
      const before = gateway.requests.length;
      const app = await buildServer({ database: getDatabase(), clock, reminders: scheduled, logger: pino({ level: 'silent' }) });
      // The first instance sends D's recall; the second has nothing left to send.
      const dSent = async () => (await rows()).some((r) => r.recipient_id === w.persons.d.id && r.channel === 'sms' && r.status === 'sent');
      for (let i = 0; i < 400 && instance === 0 && !(await dSent()); i++) await new Promise((resolve) => setTimeout(resolve, 50));
      await new Promise((resolve) => setTimeout(resolve, 500)); // several more runs of the schedule
      await app.close();
      expect(gateway.requests.length - before).toBe(instance === 0 ? 1 : 0);
    }
    expect(toGateway().sort()).toEqual(['sms 081234567801', 'sms 081234567803', 'sms 081234567804']);
    const d = (await rows()).filter((r) => r.recipient_id === w.persons.d.id);
    expect(d.map((r) => [r.channel, r.status])).toEqual([
      ['log', 'cancelled'],
      ['sms', 'sent'],
    ]);
  });

  it('retries after the gateway answers 500, with exponential back-off, until sent', async () => {
    await setOptOut(ctx, { kind: 'person', id: w.persons.b.id }, false);
    gateway.failNext = 2;
    at('2026-03-08T01:00:00Z');
    const first = await runReminders(ctx, settings);
    expect(first).toMatchObject({ sent: 2, retrying: 2 }); // B's two log reminders went; both SMS failed
    const b = async () => (await rows()).filter((r) => r.recipient_id === w.persons.b.id && r.channel === 'sms');
    const byKind = (list: Awaited<ReturnType<typeof b>>) => [...list].sort((x, y) => x.kind.localeCompare(y.kind));
    expect(byKind(await b()).map((r) => [r.kind, r.status, r.attempts, r.next_attempt_at.toISOString(), r.last_error])).toEqual([
      ['instalment_due', 'waiting', 1, '2026-03-08T01:01:00.000Z', 'gateway: HTTP 500 {"error":"busy"}'],
      ['instalment_overdue', 'waiting', 1, '2026-03-08T01:01:00.000Z', 'gateway: HTTP 500 {"error":"busy"}'],
    ]);
    // Not before the back-off has passed.
    at('2026-03-08T01:00:59Z');
    expect(await runReminders(ctx, settings)).toMatchObject({ sent: 0, retrying: 0 });
    at('2026-03-08T01:01:00Z');
    expect(await runReminders(ctx, settings)).toMatchObject({ sent: 2 });
    expect((await b()).map((r) => [r.status, r.attempts])).toEqual([
      ['sent', 2],
      ['sent', 2],
    ]);
    expect(gateway.requests.filter((r) => r.body.to === '081234567802')).toHaveLength(4);
    expect([...gateway.delivered.values()].filter((r) => r.body.to === '081234567802')).toHaveLength(2);
  });

  it('gives up after the maximum attempts, each wait twice the one before', async () => {
    gateway.failAlways = true;
    const whatsapp = { ...settings, channels: ['whatsapp' as const] };
    at('2026-03-08T02:00:00Z');
    await runReminders(ctx, whatsapp);
    const wa = async () => (await rows()).filter((r) => r.channel === 'whatsapp');
    expect(new Set((await wa()).map((r) => r.next_attempt_at.toISOString()))).toEqual(new Set(['2026-03-08T02:01:00.000Z']));
    at('2026-03-08T02:01:00Z');
    await runReminders(ctx, whatsapp);
    expect(new Set((await wa()).map((r) => `${r.status} ${r.attempts} ${r.next_attempt_at.toISOString()}`))).toEqual(
      new Set(['waiting 2 2026-03-08T02:03:00.000Z']),
    );
    at('2026-03-08T02:02:59Z');
    expect(await runReminders(ctx, whatsapp)).toMatchObject({ failed: 0, retrying: 0 });
    at('2026-03-08T02:03:00Z');
    const last = await runReminders(ctx, whatsapp);
    expect(last.failed).toBe((await wa()).length);
    expect(new Set((await wa()).map((r) => `${r.status} ${r.attempts}`))).toEqual(new Set(['failed 3']));
    gateway.failAlways = false;
  });

  it('a crash between claim and record neither loses the reminder nor delivers it twice', async () => {
    // Wednesday 11 March: A's first instalment is now overdue.
    at('2026-03-11T02:00:00Z');
    const real = gatewaySender({ url: gateway.url, key: 'kunci-rahasia' });
    const crashing = Object.assign(
      {
        log: logSender(ctx.log),
        sms: async (outgoing: Parameters<typeof real>[0]) => {
          await real(outgoing);
          throw new Error('process killed');
        },
      },
      { close() {} },
    );
    const before = gateway.requests.length;
    await expect(runReminders(ctx, settings, crashing)).rejects.toThrow('process killed');
    const overdueA = async () =>
      (await rows()).find((r) => r.kind === 'instalment_overdue' && r.recipient_id === w.persons.a.id && r.channel === 'sms');
    expect((await overdueA())?.status).toBe('sending');
    expect(gateway.requests.length - before).toBe(1);
    // Within the lease a run leaves it alone.
    await runReminders(ctx, settings, sendersFor(settings, ctx.log));
    expect(gateway.requests.length - before).toBe(1);
    // After the lease it is sent again with the same key; the gateway delivers it once.
    clock.advance(601_000);
    await runReminders(ctx, settings, sendersFor(settings, ctx.log));
    const row = await overdueA();
    expect([row?.status, row?.attempts]).toEqual(['sent', 2]);
    const attempts = gateway.requests.slice(before);
    expect(attempts.map((r) => r.key)).toEqual([row?.id, row?.id]);
    expect([...gateway.delivered.keys()].filter((key) => key === row?.id)).toHaveLength(1);
  });

  it('sends e-mail through SMTP once, with the reminder id as Message-ID', async () => {
    const smtp = await startFakeSmtp();
    try {
      const email: ReminderSettings = { ...settings, channels: ['email'], smtp: { url: smtp.url, from: 'Jaring <noreply@jaring.test>' } };
      await runReminders(ctx, email);
      await runReminders(ctx, email);
      const sent = (await rows()).filter((r) => r.channel === 'email');
      expect(sent.map((r) => [r.recipient_id, r.kind, r.status])).toEqual([[w.persons.a.id, 'instalment_overdue', 'sent']]);
      expect(smtp.messages).toHaveLength(1);
      expect(smtp.messages[0]?.to).toEqual(['<a@example.test>']);
      expect(smtp.messages[0]?.data).toContain('Subject: Angsuran PB-REM-0001 terlambat');
      expect(smtp.messages[0]?.data).toContain(`Message-ID: <${sent[0]?.id}@jaring.reminders>`);
    } finally {
      await smtp.close();
    }
  });
});
