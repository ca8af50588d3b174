import { createHash } from 'node:crypto';
import { actorName, assertRole, type Context, inTransaction } from '../../context.ts';
import { invalid, notFound } from '../../core/errors.ts';
import type { Queryable } from '../../db/database.ts';
import { imageSignature, printableImage } from '../../pdf/image.ts';
import { recordAudit } from '../audit/index.ts';
import { findCadre } from './cadre-reads.service.ts';
import { MANAGERS, READERS } from './cadres.roles.ts';
import { cadreInScope, signingKeys } from './cadres.service.ts';
import { findCadrePhoto, upsertCadrePhoto } from './cadres.store.ts';
import { readCardToken } from './card-token.ts';

export const PHOTO_MAX_BYTES = 524_288;
/** The branch uploads the cadre's photo (JPEG or PNG, at most 512 KB); a new one replaces it. */
export async function setCadrePhoto(ctx: Context, id: string, declaredType: string | undefined, bytes: Buffer) {
  assertRole(ctx, MANAGERS);
  await cadreInScope(ctx, id);
  const image = printableImage(bytes);
  const declared = declaredType?.split(';')[0]?.trim();
  if (!image || (declared && declared !== image.type)) {
    // A file that claims to be a JPEG or PNG but does not read as one is damaged or cut short: say so.
    const code = !image && imageSignature(bytes) ? 'cadres.photo_unreadable' : 'cadres.photo_not_image';
    throw invalid(code, 'photo');
  }
  const type = image.type;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await inTransaction(ctx, async (tx) => {
    await upsertCadrePhoto(tx, {
      cadre_id: id,
      content_type: type,
      bytes,
      sha256,
      uploaded_by: actorName(ctx.actor),
      uploaded_at: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: 'cadre.photo',
      entityType: 'cadre',
      entityId: id,
      after: { contentType: type, bytes: bytes.length, sha256 },
    });
  });
  return { photoUrl: `/api/v1/cadres/${id}/photo`, contentType: type, bytes: bytes.length };
}

/** The photo for the office screens. */
export async function readCadrePhoto(ctx: Context, id: string) {
  assertRole(ctx, READERS);
  await cadreInScope(ctx, id);
  const photo = await findCadrePhoto(ctx.db, id);
  if (!photo) throw notFound('cadre_photo', id);
  return photo;
}

/** The photo of a genuine card's cadre, for the public verification page; nothing for a forged, replaced or unknown card. */
export async function readVerifiedPhoto(db: Queryable, token: string) {
  const payload = readCardToken(await signingKeys(db), token);
  const cadre = payload ? await findCadre(db, payload.c) : undefined;
  const photo = cadre && cadre.card_version === payload?.v ? await findCadrePhoto(db, cadre.id) : undefined;
  if (!photo) throw notFound('cadre_photo', token.slice(0, 12));
  return photo;
}
