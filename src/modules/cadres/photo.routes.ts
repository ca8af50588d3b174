import { z } from 'zod';
import { defineRoute, FILE_MEDIA_TYPES } from '../../http/route.ts';
import { MANAGERS, READERS } from './cadres.roles.ts';
import { cadreIdParamsSchema, tokenParamsSchema } from './cadres.schema.ts';
import { PHOTO_MAX_BYTES, readCadrePhoto, readVerifiedPhoto, setCadrePhoto } from './photo.service.ts';
import { assertVerificationAllowed } from './verification-limit.ts';

const image = z.string().describe('JPEG or PNG bytes');
/** Photos change rarely and are addressed by cadre or card: a day in the browser, then asked again. */
const CACHE = 'private, max-age=86400';

export const photoRoutes = [
  defineRoute({
    method: 'PUT',
    url: '/api/v1/cadres/:id/photo',
    tag: 'cadres',
    summary:
      "Upload the cadre's photo (body: the image, Content-Type image/jpeg or image/png, at most 512 KB); printed on the card, shown on the verification page",
    auth: MANAGERS,
    params: cadreIdParamsSchema,
    body: z.instanceof(Buffer),
    consumes: [FILE_MEDIA_TYPES.jpeg, FILE_MEDIA_TYPES.png],
    bodyLimit: PHOTO_MAX_BYTES,
    response: z.object({ photoUrl: z.string(), contentType: z.string(), bytes: z.number() }),
    handler: (ctx, { params, body }, { request }) => setCadrePhoto(ctx, params.id, request.headers['content-type'], body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/cadres/:id/photo',
    tag: 'cadres',
    summary: "The cadre's photo",
    auth: READERS,
    params: cadreIdParamsSchema,
    response: image,
    produces: [FILE_MEDIA_TYPES.jpeg, FILE_MEDIA_TYPES.png],
    handler: async (ctx, { params }, { reply }) => {
      const photo = await readCadrePhoto(ctx, params.id);
      reply.type(photo.content_type).header('cache-control', CACHE).header('etag', `"${photo.sha256}"`);
      return photo.bytes as unknown as string;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/public/cadres/verify/:token/photo',
    tag: 'cadres',
    summary: "The photo of a genuine card's cadre, for the public verification page (no session; counts against the lookup rate limit)",
    auth: 'public',
    params: tokenParamsSchema,
    problems: [429],
    response: image,
    produces: [FILE_MEDIA_TYPES.jpeg, FILE_MEDIA_TYPES.png],
    handler: async (ctx, { params }, { request, reply }) => {
      // Else the photo would answer, without limit, whether a guessed token is genuine.
      assertVerificationAllowed(request.server, request.ip, ctx.clock.now().getTime());
      const photo = await readVerifiedPhoto(ctx.db, params.token);
      reply.type(photo.content_type).header('cache-control', 'no-store');
      return photo.bytes as unknown as string;
    },
  }),
];
