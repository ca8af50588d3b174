// The repayment load of bench:postings, shared with bench:replica-reads: the setup (a product,
// a revolving fund and N disbursed financings at YK01, after the demo) and the load generator
// (a child process of N sequential HTTP clients posting repayments on keep-alive connections).
//   fork(REPAYMENT_CLIENT, ['--client-process'], { execArgv: ['--import', 'tsx'] }), then send it a
//   ClientSetup, then a RoundRequest per round (it answers a RoundResult), then 'exit'.
import http from 'node:http';
import { sql } from 'kysely';
import type { Context } from '../src/context.ts';
import { businessDate } from '../src/core/clock.ts';
import { applyForFinancing, decideApplication, defineProduct, disburse } from '../src/modules/financing/lifecycle.service.ts';
import { createFund } from '../src/modules/ledger/index.ts';

export const REPAYMENT_CLIENT = new URL(import.meta.url).pathname;

export type ClientSetup = { baseUrl: string; headers: Record<string, string>; financingIds: string[]; clients: number; runId: string };
export type RoundRequest = { round: number; seconds: number };
export type RoundResult = { ok: number; errors: number; latencies: number[]; elapsedMs: number; cpuMs: number; errorSamples: string[] };

/**
 * The load generator, in a child process: N sequential clients on keep-alive connections.
 * node:http rather than fetch: on this box undici's fetch spent 0.7-1.2 ms of CPU per request
 * on the same cores as the server and PostgreSQL, which pgbench's C client does not.
 */
export function clientProcess(setup: ClientSetup) {
  const send = process.send?.bind(process);
  if (!send) throw new Error('the clients run in a child process with an IPC channel');
  const body = JSON.stringify({ amount: '1000' });
  const target = new URL(setup.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: setup.clients });
  const post = (path: string, headers: Record<string, string>) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.request({ agent, host: target.hostname, port: target.port, path, method: 'POST', headers }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
        response.on('error', reject);
      });
      request.on('error', reject);
      request.end(body);
    });
  const mine = Array.from({ length: setup.clients }, (_, c) => setup.financingIds.filter((_, i) => i % setup.clients === c));
  const next = Array.from({ length: setup.clients }, () => 0);
  process.on('message', async (message: ClientSetup | RoundRequest | 'exit') => {
    if (message === 'exit') process.exit(0);
    if (!('round' in message)) return;
    const { round, seconds } = message;
    const result: RoundResult = { ok: 0, errors: 0, latencies: [], elapsedMs: 0, cpuMs: 0, errorSamples: [] };
    const cpu = process.cpuUsage();
    const started = performance.now();
    const deadline = started + seconds * 1000;
    let seq = 0;
    await Promise.all(
      mine.map(async (ids, c) => {
        while (performance.now() < deadline) {
          const k = next[c] ?? 0;
          next[c] = k + 1;
          const id = ids[k % ids.length] as string;
          const t = performance.now();
          let status = 0;
          let text = '';
          try {
            ({ status, text } = await post(`/api/v1/financings/${id}/repayments`, {
              ...setup.headers,
              'content-type': 'application/json',
              'content-length': String(Buffer.byteLength(body)),
              'idempotency-key': `${setup.runId}-${round}-${c}-${seq++}`,
            }));
          } catch (error) {
            text = String(error);
          }
          result.latencies.push(performance.now() - t);
          if (status >= 200 && status < 300) result.ok++;
          else {
            result.errors++;
            if (result.errorSamples.length < 3) result.errorSamples.push(`${status} ${text.slice(0, 300)}`);
          }
        }
      }),
    );
    result.elapsedMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    result.cpuMs = (used.user + used.system) / 1000;
    send(result);
  });
}

/** A product, a fund and `financingCount` disbursed financings at YK01 (the demo must be filled); their ids. */
export async function setUpRepayments(ctx: Context, financingCount: number): Promise<string[]> {
  const database = ctx.database;
  const PRINCIPAL = 2_000_000n;
  await defineProduct(ctx, {
    code: 'BENCH',
    name: 'Bench flat',
    kind: 'flat',
    ratePercent: '12',
    frequency: 'monthly',
    minAmount: '1000000',
    maxAmount: '100000000',
    minInstallments: 1,
    maxInstallments: 24,
    graceOnPrincipal: 0,
    graceOnProfit: 0,
    rounding: 'half-up',
    penaltyPerMilleDaily: '0',
    penaltyCapPercent: '0',
    allocationOrder: ['penalty', 'profit', 'principal'],
  });
  await createFund(ctx, {
    code: 'BENCH',
    name: 'Bench revolving fund',
    kind: 'own_capital',
    source: 'bench',
    officeCode: 'YK01',
    initialCapital: String(PRINCIPAL * BigInt(financingCount) + 1_000_000n),
    cashAccount: '1.1.02',
  });
  // The cashier works at YK01 (Kota Yogyakarta): the members are the demo's persons there.
  const members = await sql<{ id: string }>`
    SELECT id FROM person WHERE village_code LIKE '34.71%' AND died_on IS NULL AND merged_into IS NULL ORDER BY id`.execute(database.db);
  if (members.rows.length === 0) throw new Error('no demo members in Kota Yogyakarta');
  const today = businessDate(ctx.clock);
  const financingIds: string[] = new Array(financingCount);
  let made = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = made++; i < financingCount; i = made++) {
        const applied = await applyForFinancing(ctx, {
          personId: (members.rows[i % members.rows.length] as { id: string }).id,
          productCode: 'BENCH',
          fundCode: 'BENCH',
          principal: String(PRINCIPAL),
          installments: 12,
          purpose: 'Modal usaha warung (bench)',
        });
        await decideApplication(ctx, applied.id, 'approve');
        await disburse(ctx, applied.id, { disbursedOn: today, method: 'transfer' });
        financingIds[i] = applied.id;
      }
    }),
  );
  return financingIds;
}

if (process.argv.includes('--client-process')) process.once('message', (setup: ClientSetup) => clientProcess(setup));
