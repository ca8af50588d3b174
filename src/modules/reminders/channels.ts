/**
 * The ways a reminder leaves Jaring: the application log (always there), e-mail over SMTP
 * (nodemailer) and SMS/WhatsApp through an HTTP gateway. Each send answers sent, or failed
 * with whether trying again may help.
 */
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import { maskName, maskText } from '../../core/mask.ts';
import type { Channel, Message, ReminderSettings } from './reminders.rules.ts';

export type Outgoing = {
  /** The reminder's id: the idempotency key the gateway sees and the e-mail's Message-ID. */
  id: string;
  channel: Channel;
  kind: string;
  address: string | null;
  recipientName: string;
  message: Message;
  /** The message with the recipient's name masked, for the log. */
  maskedMessage: Message;
};

export type SendResult = { ok: true; providerId: string | null } | { ok: false; retry: boolean; error: string };

export type Sender = (outgoing: Outgoing) => Promise<SendResult>;

const GATEWAY_TIMEOUT_MS = 10_000;

/** The log channel: one line per reminder, names and NIK-like numbers masked. */
export function logSender(log: Logger): Sender {
  return async (outgoing) => {
    log.info(
      {
        reminder: outgoing.id,
        kind: outgoing.kind,
        channel: 'log',
        to: maskName(outgoing.recipientName),
        subject: maskText(outgoing.maskedMessage.subject),
        text: maskText(outgoing.maskedMessage.text),
      },
      'reminder',
    );
    return { ok: true, providerId: null };
  };
}

/** E-mail through the configured SMTP server; the Message-ID is the reminder's, so a resend is recognisable. */
export function emailSender(smtp: NonNullable<ReminderSettings['smtp']>): Sender & { close(): void } {
  const transport = nodemailer.createTransport(smtp.url);
  const send: Sender = async (outgoing) => {
    if (!outgoing.address) return { ok: false, retry: false, error: 'no e-mail address' };
    try {
      const info = await transport.sendMail({
        from: smtp.from,
        to: outgoing.address,
        subject: outgoing.message.subject,
        text: outgoing.message.text,
        messageId: `<${outgoing.id}@jaring.reminders>`,
        headers: { 'X-Jaring-Reminder': outgoing.id },
      });
      return { ok: true, providerId: typeof info.messageId === 'string' ? info.messageId : null };
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      // 5xx from the server: the address or message is refused, trying again will not help.
      return { ok: false, retry: !(code && code >= 500 && code < 600), error: `smtp: ${(error as Error).message}`.slice(0, 500) };
    }
  };
  return Object.assign(send, { close: () => transport.close() });
}

/**
 * SMS and WhatsApp through the HTTP gateway: POST { channel, to, text, reference } with the key
 * as a bearer token and the reminder's id as Idempotency-Key. 2xx: sent; 408, 429 and 5xx or no
 * answer: try again later; any other 4xx: refused for good.
 */
export function gatewaySender(gateway: NonNullable<ReminderSettings['gateway']>): Sender {
  return async (outgoing) => {
    if (!outgoing.address) return { ok: false, retry: false, error: 'no phone number' };
    let response: Response;
    try {
      response = await fetch(gateway.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${gateway.key}`,
          'idempotency-key': outgoing.id,
        },
        body: JSON.stringify({ channel: outgoing.channel, to: outgoing.address, text: outgoing.message.text, reference: outgoing.id }),
        signal: AbortSignal.timeout(GATEWAY_TIMEOUT_MS),
      });
    } catch (error) {
      return { ok: false, retry: true, error: `gateway: ${(error as Error).message}`.slice(0, 500) };
    }
    const body = await response.text().catch(() => '');
    if (response.ok) {
      let providerId: string | null = null;
      try {
        const parsed = JSON.parse(body) as { id?: unknown };
        if (typeof parsed.id === 'string' || typeof parsed.id === 'number') providerId = String(parsed.id).slice(0, 200);
      } catch {
        // A gateway that answers 2xx without JSON still took the message.
      }
      return { ok: true, providerId };
    }
    const retry = response.status >= 500 || response.status === 408 || response.status === 429;
    return { ok: false, retry, error: `gateway: HTTP ${response.status} ${maskText(body.slice(0, 200))}`.trim() };
  };
}

export type Senders = Partial<Record<Channel, Sender>> & { close(): void };

/** The senders of the enabled channels; a channel whose service is not configured has none (its reminders wait). */
export function sendersFor(settings: ReminderSettings, log: Logger): Senders {
  const senders: Partial<Record<Channel, Sender>> = {};
  let email: ReturnType<typeof emailSender> | null = null;
  for (const channel of settings.channels) {
    if (channel === 'log') senders.log = logSender(log);
    if (channel === 'email' && settings.smtp) {
      email = emailSender(settings.smtp);
      senders.email = email;
    }
    if ((channel === 'sms' || channel === 'whatsapp') && settings.gateway) senders[channel] = gatewaySender(settings.gateway);
  }
  return Object.assign(senders, { close: () => email?.close() });
}
