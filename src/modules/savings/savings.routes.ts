import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { defineRoute } from '../../http/route.ts';
import {
  accountDetailSchema,
  accountIdParamsSchema,
  accountListSchema,
  accountsQuerySchema,
  accountViewSchema,
  IDEMPOTENCY_HEADER,
  leaveInputSchema,
  leaveResultSchema,
  movementInputSchema,
  movementParamsSchema,
  movementResultSchema,
  openAccountInputSchema,
  personIdParamsSchema,
  reverseMovementInputSchema,
  settingsInputSchema,
  settingsSchema,
  statementQuerySchema,
} from './savings.schema.ts';
import {
  changeSavingsSettings,
  depositSavings,
  getSavingsAccount,
  getSavingsSettings,
  type Idempotent,
  leaveMembership,
  listSavingsAccounts,
  openSavingsAccount,
  reverseSavingsMovement,
  SAVINGS_CORRECTORS,
  SAVINGS_READERS,
  SAVINGS_TELLERS,
  savingsPassbookPdf,
  withdrawSavings,
} from './savings.service.ts';

const KEY_NOTE = `Requires an ${IDEMPOTENCY_HEADER} header (a new UUID per transaction; a retry sends the same key and gets the first answer).`;

/** The client's key for a money-moving request: required, printable, at most 200 characters. */
function idempotencyKey(request: FastifyRequest): string {
  const header = request.headers['idempotency-key'];
  const key = (Array.isArray(header) ? header[0] : header)?.trim();
  const errors = (code: string) => ({ errors: [{ field: IDEMPOTENCY_HEADER, code, params: { header: IDEMPOTENCY_HEADER } }] });
  if (!key) throw new AppError('idempotency.key_required', 422, errors('idempotency.key_required'));
  if (key.length > 200 || !/^[\x21-\x7e]+$/.test(key))
    throw new AppError('idempotency.key_invalid', 422, errors('idempotency.key_invalid'));
  return key;
}

/** A replay answers exactly as the first time, and says so in a header. */
function answer<T>(reply: FastifyReply, result: Idempotent<T>): T {
  if (result.replayed) reply.header('idempotent-replayed', 'true');
  return result.response;
}

export const savingsRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/savings/settings',
    tag: 'savings',
    summary: 'The amounts of simpanan pokok (once) and of one period of simpanan wajib',
    auth: SAVINGS_READERS,
    response: settingsSchema,
    handler: (ctx) => getSavingsSettings(ctx),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/savings/settings',
    tag: 'savings',
    summary: 'Set the amounts of simpanan pokok and wajib (admin)',
    auth: ['admin'],
    body: settingsInputSchema,
    response: settingsSchema,
    handler: (ctx, { body }) => changeSavingsSettings(ctx, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/savings/accounts',
    tag: 'savings',
    summary: 'Open a savings account (pokok, wajib or sukarela) for a person at an office in your scope; one open account per kind',
    auth: SAVINGS_TELLERS,
    body: openAccountInputSchema,
    response: accountViewSchema,
    successStatus: 201,
    handler: (ctx, { body }) => openSavingsAccount(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/savings/accounts',
    tag: 'savings',
    summary: 'Savings accounts in your offices, by number (optionally one person’s or one office’s); cursor pagination',
    auth: SAVINGS_READERS,
    query: accountsQuerySchema,
    response: accountListSchema,
    handler: (ctx, { query }) => listSavingsAccounts(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/savings/accounts/:id',
    tag: 'savings',
    summary: 'A savings account with its statement: movements newest first with the running balance; cursor pages back',
    auth: SAVINGS_READERS,
    params: accountIdParamsSchema,
    query: statementQuerySchema,
    response: accountDetailSchema,
    handler: (ctx, { params, query }) => getSavingsAccount(ctx, params.id, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/savings/accounts/:id/deposits',
    tag: 'savings',
    summary: `Deposit cash (pokok: the set amount, once; wajib: whole periods; sukarela: any amount). ${KEY_NOTE}`,
    auth: SAVINGS_TELLERS,
    params: accountIdParamsSchema,
    body: movementInputSchema,
    response: movementResultSchema,
    successStatus: 201,
    handler: async (ctx, { params, body }, { request, reply }) =>
      answer(reply, await depositSavings(ctx, params.id, idempotencyKey(request), body)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/savings/accounts/:id/withdrawals',
    tag: 'savings',
    summary: `Pay out cash from simpanan sukarela (pokok and wajib are not withdrawable; above the balance is a 409). ${KEY_NOTE}`,
    auth: SAVINGS_TELLERS,
    params: accountIdParamsSchema,
    body: movementInputSchema,
    response: movementResultSchema,
    successStatus: 201,
    handler: async (ctx, { params, body }, { request, reply }) =>
      answer(reply, await withdrawSavings(ctx, params.id, idempotencyKey(request), body)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/savings/accounts/:id/movements/:movementId/reverse',
    tag: 'savings',
    summary: `Undo a wrong movement by a counter-movement and counter-entry (nothing is deleted; manager or admin). ${KEY_NOTE}`,
    auth: SAVINGS_CORRECTORS,
    params: movementParamsSchema,
    body: reverseMovementInputSchema,
    response: movementResultSchema,
    successStatus: 201,
    handler: async (ctx, { params, body }, { request, reply }) =>
      answer(reply, await reverseSavingsMovement(ctx, params.id, params.movementId, idempotencyKey(request), body)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/savings/persons/:personId/leave',
    tag: 'savings',
    summary: `A member leaves: pokok, wajib and sukarela paid back in cash, the accounts closed. ${KEY_NOTE}`,
    auth: SAVINGS_TELLERS,
    params: personIdParamsSchema,
    body: leaveInputSchema,
    response: leaveResultSchema,
    successStatus: 201,
    handler: async (ctx, { params, body }, { request, reply }) =>
      answer(reply, await leaveMembership(ctx, params.personId, idempotencyKey(request), body)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/savings/accounts/:id/passbook.pdf',
    tag: 'savings',
    summary: 'The buku tabungan (PDF): member, account number, every movement with its balance',
    auth: SAVINGS_READERS,
    params: accountIdParamsSchema,
    response: z.string(),
    handler: async (ctx, { params }, { reply }) => {
      const pdf = await savingsPassbookPdf(ctx, params.id);
      reply.type('application/pdf').header('content-disposition', `inline; filename="buku-tabungan-${params.id}.pdf"`);
      return pdf as unknown as string;
    },
  }),
];
