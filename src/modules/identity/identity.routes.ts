import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { defineRoute } from '../../http/route.ts';
import { USER_KEEPERS, USER_READERS } from './identity.roles.ts';
import {
  createUserInputSchema,
  listUsersQuerySchema,
  loginInputSchema,
  meSchema,
  resetPasswordInputSchema,
  updateUserInputSchema,
  userIdParamsSchema,
  userPageSchema,
  userViewSchema,
} from './identity.schema.ts';
import {
  changeUser,
  createUser,
  describeActor,
  getUser,
  listUsers,
  login,
  logout,
  resetPassword,
  SESSION_HOURS,
} from './identity.service.ts';

export const SESSION_COOKIE = 'jaring_session';

export const identityRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/auth/login',
    tag: 'auth',
    summary: 'Sign in; sets an HttpOnly session cookie and returns the user with a CSRF token',
    auth: 'public',
    body: loginInputSchema,
    response: meSchema,
    // Wrong credentials (401) and too many attempts (429) answer before anyone is signed in.
    problems: [401, 429],
    handler: async (ctx, { body }, { request, reply }) => {
      const result = await login(ctx, body);
      reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        path: '/',
        maxAge: SESSION_HOURS * 3600,
      });
      return result.me;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/auth/logout',
    tag: 'auth',
    summary: 'Sign out: ends the session',
    auth: 'authenticated',
    response: z.object({ ok: z.literal(true) }),
    handler: async (ctx, _input, { request, reply }) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await logout(ctx, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/auth/me',
    tag: 'auth',
    summary: 'The signed-in user, role, offices and scope',
    auth: 'authenticated',
    response: meSchema,
    handler: async (ctx, _input, { request }) => {
      if (ctx.actor.kind !== 'user') throw new AppError('auth.unauthenticated', 'unauthenticated');
      return describeActor(ctx.db, ctx.actor, request.csrfToken ?? null);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/users',
    tag: 'users',
    summary: 'Users, by username; filter by name, role, office, active',
    auth: USER_READERS,
    query: listUsersQuerySchema,
    response: userPageSchema,
    handler: (ctx, { query }) => listUsers(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/users/:id',
    tag: 'users',
    summary: 'One user',
    auth: USER_READERS,
    params: userIdParamsSchema,
    response: userViewSchema,
    handler: (ctx, { params }) => getUser(ctx, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/users',
    tag: 'users',
    summary: 'Create a user with a role and offices',
    auth: USER_KEEPERS,
    body: createUserInputSchema,
    response: userViewSchema,
    successStatus: 201,
    handler: (ctx, { body }) => createUser(ctx, body),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/users/:id',
    tag: 'users',
    summary: 'Change a user: name, role, offices, or deactivate/reactivate',
    auth: USER_KEEPERS,
    params: userIdParamsSchema,
    body: updateUserInputSchema,
    response: userViewSchema,
    handler: (ctx, { params, body }) => changeUser(ctx, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/users/:id/password',
    tag: 'users',
    summary: 'Reset a user’s password (ends their sessions)',
    auth: USER_KEEPERS,
    params: userIdParamsSchema,
    body: resetPasswordInputSchema,
    response: userViewSchema,
    handler: (ctx, { params, body }) => resetPassword(ctx, params.id, body.password),
  }),
];
