import { createHash } from 'node:crypto';
import { actorName, assertRole, type Context, inTransaction } from '../../context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import type { Queryable } from '../../db/database.ts';
import { recordAudit } from '../audit/index.ts';
import { cadreInScope, MANAGERS, READERS, signingKeys } from './cadres.service.ts';
import { findCadre, findCadrePhoto, upsertCadrePhoto } from './cadres.store.ts';
import { readCardToken } from './card-token.ts';

export const PHOTO_MAX_BYTES = 524_288;
export type PhotoType = 'image/jpeg' | 'image/png';

/** What the bytes are, from their first bytes: a JPEG or PNG whatever the header claims, or null. */
export function photoTypeOf(bytes: Buffer): PhotoType | null {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length > 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return null;
}

/** The branch uploads the cadre's photo (JPEG or PNG, at most 512 KB); a new one replaces it. */
export async function setCadrePhoto(ctx: Context, id: string, declaredType: string | undefined, bytes: Buffer) {
  assertRole(ctx, MANAGERS);
  await cadreInScope(ctx, id);
  const type = photoTypeOf(bytes);
  if (!type || (declaredType && declaredType.split(';')[0]?.trim() !== type))
    throw new AppError('common.validation_failed', 422, { errors: [{ field: 'photo', code: 'cadres.photo_not_image' }] });
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
