import { createServer, type Server } from 'node:http';
import { createServer as createNetServer, type Server as NetServer } from 'node:net';

export type GatewayRequest = {
  key: string | undefined;
  authorization: string | undefined;
  body: { channel: string; to: string; text: string; reference: string };
};

/**
 * A local SMS/WhatsApp gateway: a real HTTP server that records every request, delivers a
 * message once per Idempotency-Key (as a gateway honouring the key does), and answers 500 to the
 * next `failNext` requests (or to all while `failAlways`).
 */
export async function startFakeGateway(): Promise<{
  url: string;
  requests: GatewayRequest[];
  delivered: Map<string, GatewayRequest>;
  failNext: number;
  failAlways: boolean;
  close(): Promise<void>;
}> {
  const state = {
    url: '',
    requests: [] as GatewayRequest[],
    delivered: new Map<string, GatewayRequest>(),
    failNext: 0,
    failAlways: false,
    close: async () => {},
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry: GatewayRequest = {
        key: request.headers['idempotency-key'] as string | undefined,
        authorization: request.headers.authorization,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      };
      state.requests.push(entry);
      if (state.failAlways || state.failNext > 0) {
        if (state.failNext > 0) state.failNext -= 1;
        response.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"busy"}');
        return;
      }
      if (entry.key && !state.delivered.has(entry.key)) state.delivered.set(entry.key, entry);
      response.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `msg-${state.delivered.size}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  state.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/messages`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

export type SmtpMessage = { from: string; to: string[]; data: string };

/** A tiny SMTP server (no TLS, no auth) that keeps what it is sent: enough for nodemailer. */
export async function startFakeSmtp(): Promise<{ url: string; messages: SmtpMessage[]; close(): Promise<void> }> {
  const messages: SmtpMessage[] = [];
  const server: NetServer = createNetServer((socket) => {
    let buffer = '';
    let inData = false;
    let current: SmtpMessage = { from: '', to: [], data: '' };
    socket.write('220 fake.smtp ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          current.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          messages.push(current);
          current = { from: '', to: [], data: '' };
          socket.write('250 2.0.0 queued\r\n');
          continue;
        }
        const newline = buffer.indexOf('\r\n');
        if (newline < 0) return;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250-fake.smtp\r\n250 8BITMIME\r\n');
        else if (verb === 'MAIL') {
          current.from = line.slice(10);
          socket.write('250 2.1.0 ok\r\n');
        } else if (verb === 'RCPT') {
          current.to.push(line.slice(8));
          socket.write('250 2.1.5 ok\r\n');
        } else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') {
          socket.end('221 bye\r\n');
          return;
        } else socket.write('250 ok\r\n');
      }
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    url: `smtp://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
