import type { z } from 'zod';
import { actorScope, assertRegionInScope, assertRole, type Context, inTransaction } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';

const businessDateAt = (now: Date) => businessDate({ now: () => now });

import { AppError, conflict, invalid, notFound } from '../../core/errors.ts';
import { uuidv7 } from '../../core/ids.ts';
import type { Locale } from '../../core/locale.ts';
import { maskNik } from '../../core/mask.ts';
import { translate } from '../../core/messages.ts';
import { ROLES_SEEING_IDENTIFIERS } from '../../core/roles.ts';
import { officeInScope, regionInScope, regionLikePatterns } from '../../core/scope.ts';
import type { Queryable } from '../../db/database.ts';
import { recordAudit } from '../audit/index.ts';
import { activeUsersWithRole, officeHeadName } from '../identity/index.ts';
import { getOrganisation, getOrganisationDetails, resolveOfficeForActor } from '../organisation/index.ts';
import { unknownRegionCodes } from '../regions/index.ts';
import { findPersonForActor, personById } from '../registry/index.ts';
import { renderAssignmentLetter } from './assignment-letter.pdf.ts';
import {
  countFamiliesByVillage,
  findCadre,
  findCadreVillages,
  findSigningKeys,
  insertSigningKeysOnce,
  listCadreRows,
} from './cadre-reads.service.ts';
import { CARD_PRINTERS, MANAGERS, READERS } from './cadres.roles.ts';
import type { registerCadreInputSchema, UpdateCadreInput } from './cadres.schema.ts';
import {
  bumpCardVersion,
  claimFirstCardVersion,
  deleteCadreVillages,
  findCadreByPerson,
  findCadreByUser,
  findCadrePhoto,
  findCadresOfPersons,
  insertCadre,
  insertCadreVillages,
  lockCadre,
  updateCadreDetails,
  updateCadreStatus,
} from './cadres.store.ts';
import type { CadreStatus } from './cadres.tables.ts';
import { renderCadreCard } from './card.pdf.ts';
import { cardVerifyUrl } from './card.rules.ts';
import { generateSigningKeys, loadSigningKeys, readCardToken, type SigningKeys, signCardToken } from './card-token.ts';
import { letterDateProblem, recruitProblems } from './recruit.rules.ts';

let cachedKeys: { pem: string; keys: SigningKeys } | null = null;
export async function signingKeys(db: Queryable): Promise<SigningKeys> {
  let pems = await findSigningKeys(db);
  if (!pems) {
    await insertSigningKeysOnce(db, generateSigningKeys());
    pems = await findSigningKeys(db);
  }
  if (!pems) throw new Error('cadre card keys missing');
  if (cachedKeys?.pem !== pems.publicPem) cachedKeys = { pem: pems.publicPem, keys: loadSigningKeys(pems) };
  return cachedKeys.keys;
}

async function cadreView(db: Queryable, id: string) {
  const row = await findCadre(db, id);
  if (!row) return null;
  const villages = await findCadreVillages(db, id);
  const view = {
    id: row.id,
    personId: row.person_id,
    name: row.full_name,
    officeCode: row.office_code,
    phone: row.phone,
    // An uploaded photo is served by the API; otherwise the link given at recruitment, if any.
    photoUrl: row.has_photo ? `/api/v1/cadres/${row.id}/photo` : row.photo_url,
    letterNumber: row.letter_number,
    letterDate: row.letter_date,
    signedBy: row.signed_by,
    validUntil: row.valid_until,
    status: row.status,
    cardVersion: row.card_version,
    villages: villages.map((v) => ({ code: v.village_code, name: v.name })),
  };
  return { ...view, officeId: row.office_id, officeName: row.office_name, userId: row.user_id };
}
type FullView = NonNullable<Awaited<ReturnType<typeof cadreView>>>;
/** The cadre as the API shows it (no account link, no office). */
const publicView = ({ userId: _u, officeId: _i, officeName: _o, ...view }: FullView) => view;

/** The cadre when the actor may see it: in scope, and for a cadre-role user only their own record. */
export async function cadreInScope(ctx: Context, id: string) {
  const view = await cadreView(ctx.db, id);
  if (!view?.villages.some((v) => regionInScope(actorScope(ctx), v.code))) throw notFound('cadre', id);
  if (ctx.actor.kind === 'user' && ctx.actor.role === 'cadre' && view.userId !== ctx.actor.id) throw notFound('cadre', id);
  return view;
}

export async function registerCadre(ctx: Context, input: z.infer<typeof registerCadreInputSchema>) {
  assertRole(ctx, MANAGERS);
  for (const village of input.villageCodes) assertRegionInScope(ctx, village);
  const scope = actorScope(ctx);
  if (input.validUntil < input.letterDate)
    throw new AppError('common.validation_failed', 'invalid', {
      errors: [{ field: 'validUntil', code: 'cadres.valid_until_before_letter' }],
    });
  const id = await inTransaction(ctx, async (tx) => {
    const unknown = await unknownRegionCodes(tx, input.villageCodes);
    if (unknown.length > 0)
      throw new AppError('common.validation_failed', 'invalid', {
        errors: [{ field: 'villageCodes', code: 'registry.village_unknown', params: { code: unknown.join(', ') } }],
      });
    const officeId = await resolveOfficeForActor(ctx, tx, input.officeCode, 'officeCode');
    const person = await findPersonForActor(ctx, tx, input.personId);
    if (!person || person.merged_into) throw invalid('cadres.person_unknown', 'personId');
    const problems = recruitProblems({ birthDate: person.birth_date, diedOn: person.died_on }, input.letterDate, businessDate(ctx.clock));
    if (problems.length > 0) throw new AppError('common.validation_failed', 'invalid', { errors: problems });
    if (await findCadreByPerson(tx, input.personId))
      throw new AppError('cadres.already_cadre', 'conflict', { errors: [{ field: 'personId', code: 'cadres.already_cadre' }] });
    let userId: string | null = null;
    if (input.username !== undefined) {
      // A cadre account of an office outside the caller's scope is refused as an unknown one.
      const user = (await activeUsersWithRole(tx, 'cadre')).find(
        (u) => u.username === input.username && (scope.kind === 'all' || u.officeIds.some((id) => officeInScope(scope, id))),
      );
      if (!user) throw invalid('cadres.user_not_cadre', 'username', { username: input.username });
      if (await findCadreByUser(tx, user.id)) throw conflict('cadres.user_has_cadre', 'username', { username: input.username });
      userId = user.id;
    }
    const cadreId = uuidv7(ctx.clock.now().getTime());
    await insertCadre(
      tx,
      {
        id: cadreId,
        person_id: input.personId,
        office_id: officeId as string,
        user_id: userId,
        phone: input.phone,
        photo_url: input.photoUrl ?? null,
        letter_number: input.letterNumber,
        letter_date: input.letterDate,
        signed_by: input.signedBy,
        valid_until: input.validUntil,
      },
      [...new Set(input.villageCodes)],
    );
    await recordAudit(tx, ctx, {
      action: 'cadre.register',
      entityType: 'cadre',
      entityId: cadreId,
      officeId,
      regionCode: input.villageCodes[0],
      after: input,
    });
    return cadreId;
  });
  return publicView((await cadreView(ctx.db, id)) as FullView);
}

export async function getCadre(ctx: Context, id: string) {
  assertRole(ctx, READERS);
  return publicView(await cadreInScope(ctx, id));
}

/** Cadres in scope; a cadre-role user sees only their own record. */
export async function listCadres(ctx: Context) {
  assertRole(ctx, READERS);
  const ownUser = ctx.actor.kind === 'user' && ctx.actor.role === 'cadre' ? ctx.actor.id : undefined;
  const rows = await listCadreRows(ctx.db, regionLikePatterns(actorScope(ctx)), ownUser);
  return {
    items: rows.map((r) => ({ id: r.id, name: r.full_name, status: r.status, letterNumber: r.letter_number, validUntil: r.valid_until })),
  };
}

/**
 * The printable ID card (PDF): the current card's token, or a first card issued now; its QR
 * code opens the public verification page on `origin`. Only an active cadre gets a card; a
 * cadre-role user prints only their own (cadreInScope: another's is not found).
 */
export async function cadreCardPdf(ctx: Context, id: string, origin: string) {
  assertRole(ctx, CARD_PRINTERS);
  const cadre = await cadreInScope(ctx, id);
  if (cadre.status !== 'active') throw new AppError('cadres.not_active', 'conflict', { params: { status: cadre.status } });
  const keys = await signingKeys(ctx.db);
  let version = cadre.cardVersion;
  if (version === 0)
    version = await inTransaction(ctx, async (tx) => {
      const first = await claimFirstCardVersion(tx, id, ctx.clock.now());
      if (first === null) return (await findCadre(tx, id))?.card_version ?? 0;
      await recordAudit(tx, ctx, { action: 'cadre.issue_card', entityType: 'cadre', entityId: id, after: { cardVersion: first } });
      return first;
    });
  const organisation = await getOrganisation(ctx.db);
  return renderCadreCard({
    organisation: organisation?.name ?? '',
    office: cadre.officeName,
    name: cadre.name,
    // An uploaded photo is printed; a remote link is not fetched: the card then has a box to paste one in.
    photo: await findCadrePhoto(ctx.db, id),
    letterNumber: cadre.letterNumber,
    letterDate: cadre.letterDate,
    signedBy: cadre.signedBy,
    area: cadre.villages.map((v) => v.name).join(', '),
    validUntil: cadre.validUntil,
    verifyUrl: cardVerifyUrl(origin, signCardToken(keys, { c: id, v: version })),
  });
}

/**
 * The cadre's assignment letter (surat tugas) as a PDF: the organisation's letterhead, the
 * letter's number and period, the villages, the NIK as the reader's role may see it, signed by
 * the head of the cadre's office by full name. A revoked cadre's letter is not printed (409).
 */
export async function cadreAssignmentLetterPdf(ctx: Context, id: string) {
  assertRole(ctx, MANAGERS);
  const cadre = await cadreInScope(ctx, id);
  if (cadre.status === 'revoked') throw new AppError('cadres.not_active', 'conflict', { params: { status: cadre.status } });
  const [organisation, person, head] = await Promise.all([
    getOrganisationDetails(ctx.db),
    personById(ctx.db, cadre.personId),
    officeHeadName(ctx.db, cadre.officeId),
  ]);
  const nik = person?.nik ?? '';
  const seesNik = ctx.actor.kind === 'system' || (ctx.actor.kind === 'user' && ROLES_SEEING_IDENTIFIERS.includes(ctx.actor.role));
  return renderAssignmentLetter({
    organisation: {
      name: organisation?.name ?? 'Jaring',
      address: organisation?.address ?? null,
      contact: organisation?.reportContact ?? null,
    },
    office: { code: cadre.officeCode, name: cadre.officeName },
    letterNumber: cadre.letterNumber,
    letterDate: cadre.letterDate,
    validUntil: cadre.validUntil,
    cadre: { name: cadre.name, nik: seesNik ? nik : maskNik(nik), phone: cadre.phone },
    villages: cadre.villages,
    signatory: { title: cadre.signedBy, name: head },
  });
}

/** A new card: the version goes up, so any earlier card of this cadre stops verifying. */
export async function issueCadreCard(ctx: Context, id: string) {
  assertRole(ctx, MANAGERS);
  await cadreInScope(ctx, id);
  const keys = await signingKeys(ctx.db);
  return inTransaction(ctx, async (tx) => {
    const version = await bumpCardVersion(tx, id, ctx.clock.now());
    await recordAudit(tx, ctx, { action: 'cadre.issue_card', entityType: 'cadre', entityId: id, after: { cardVersion: version } });
    const token = signCardToken(keys, { c: id, v: version });
    return { token, verifyPath: `/v/${token}`, cardVersion: version };
  });
}

/** The fields PATCH changes as the API names them, and their columns. */
const EDITABLE_COLUMNS = {
  phone: 'phone',
  letterNumber: 'letter_number',
  letterDate: 'letter_date',
  signedBy: 'signed_by',
  validUntil: 'valid_until',
} as const;

/**
 * Changes a cadre after recruitment: the phone, the assignment letter (renewing an expired one:
 * its card then verifies as current again, with the same QR code) and the villages. A village
 * where families of this cadre still live is not taken away (409): take the families off first.
 * Only what really changes is written and audited.
 */
export async function updateCadre(ctx: Context, id: string, input: UpdateCadreInput) {
  assertRole(ctx, MANAGERS);
  await cadreInScope(ctx, id);
  await inTransaction(ctx, async (tx) => {
    // Serialises with family assignments, which check the cadre's villages under the same lock.
    await lockCadre(tx, id);
    const current = (await cadreView(tx, id)) as FullView;
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const changes: Parameters<typeof updateCadreDetails>[2] = {};
    for (const key of Object.keys(EDITABLE_COLUMNS) as (keyof typeof EDITABLE_COLUMNS)[]) {
      const value = input[key];
      if (value === undefined || value === current[key]) continue;
      before[key] = current[key];
      after[key] = value;
      changes[EDITABLE_COLUMNS[key]] = value;
    }
    const letterDate = input.letterDate ?? current.letterDate;
    const letterProblem = input.letterDate === undefined ? null : letterDateProblem(input.letterDate, businessDate(ctx.clock));
    if (letterProblem) throw invalid(letterProblem.code, letterProblem.field);
    if ((input.validUntil ?? current.validUntil) < letterDate)
      throw invalid('cadres.valid_until_before_letter', input.validUntil === undefined ? 'letterDate' : 'validUntil');

    const held = current.villages.map((v) => v.code);
    const wanted = input.villageCodes === undefined ? held : [...new Set(input.villageCodes)].sort();
    const added = wanted.filter((code) => !held.includes(code));
    const removed = held.filter((code) => !wanted.includes(code));
    for (const village of [...added, ...removed]) assertRegionInScope(ctx, village);
    // The cadre stays in the caller's area: nobody hands a cadre wholly to another office by editing.
    if (!wanted.some((code) => regionInScope(actorScope(ctx), code))) throw new AppError('auth.out_of_scope', 'forbidden');
    const unknown = await unknownRegionCodes(tx, added);
    if (unknown.length > 0)
      throw new AppError('common.validation_failed', 'invalid', {
        errors: [{ field: 'villageCodes', code: 'registry.village_unknown', params: { code: unknown.join(', ') } }],
      });
    const busy = await countFamiliesByVillage(tx, id, removed);
    if (busy.length > 0) {
      const params = {
        village: busy.map((v) => v.name).join(', '),
        villageCodes: busy.map((v) => v.villageCode),
        count: busy.reduce((sum, v) => sum + v.count, 0),
      };
      throw conflict('cadres.village_has_families', 'villageCodes', params);
    }
    if (added.length > 0 || removed.length > 0) {
      before.villageCodes = held;
      after.villageCodes = wanted;
    }
    if (Object.keys(after).length === 0) return;
    if (Object.keys(changes).length > 0) await updateCadreDetails(tx, id, changes, ctx.clock.now());
    await deleteCadreVillages(tx, id, removed);
    await insertCadreVillages(tx, id, added);
    await recordAudit(tx, ctx, {
      action: 'cadre.update',
      entityType: 'cadre',
      entityId: id,
      officeId: current.officeId,
      regionCode: wanted[0],
      before,
      after,
    });
  });
  return publicView((await cadreView(ctx.db, id)) as FullView);
}

export async function changeCadreStatus(ctx: Context, id: string, status: CadreStatus, reason?: string) {
  assertRole(ctx, MANAGERS);
  const before = await cadreInScope(ctx, id);
  await inTransaction(ctx, async (tx) => {
    await updateCadreStatus(tx, id, status, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'cadre.status',
      entityType: 'cadre',
      entityId: id,
      before: { status: before.status },
      after: { status, ...(reason === undefined ? {} : { reason }) },
    });
  });
  return publicView(await cadreInScope(ctx, id));
}

export type Verification =
  | {
      valid: true;
      status: CadreStatus;
      name: string;
      photoUrl: string | null;
      letterNumber: string;
      area: string;
      validUntil: string;
      expired: boolean;
    }
  | { valid: false; reason: string };

/** What anyone scanning a card may see: no session, no personal identifiers beyond the card itself. */
export async function verifyCadreCard(db: Queryable, token: string, today: string, locale: Locale): Promise<Verification> {
  const payload = readCardToken(await signingKeys(db), token);
  if (!payload) return { valid: false, reason: translate('cadres.card_forged', locale) };
  const row = await findCadre(db, payload.c);
  if (!row) return { valid: false, reason: translate('cadres.card_unknown', locale) };
  if (row.card_version !== payload.v) return { valid: false, reason: translate('cadres.card_replaced', locale) };
  const villages = await findCadreVillages(db, row.id);
  return {
    valid: true,
    status: row.status,
    name: row.full_name,
    // The photo is reached through the card's own token: a photo is shown to whoever holds a genuine card.
    photoUrl: row.has_photo ? `/api/v1/public/cadres/verify/${token}/photo` : row.photo_url,
    letterNumber: row.letter_number,
    area: villages.map((v) => v.name).join(', '),
    validUntil: row.valid_until,
    expired: row.valid_until < today,
  };
}

export type CardCheck = Verification & { organisation: string; reportContact: string | null; checkedAt: string };

/**
 * The public card check: the verification with the organisation's name, the number to report a
 * fake card to, and the server's time of the check (a screenshot of an old check shows an old time).
 */
export async function checkCadreCard(db: Queryable, token: string, now: Date, locale: Locale): Promise<CardCheck> {
  const [result, organisation] = await Promise.all([verifyCadreCard(db, token, businessDateAt(now), locale), getOrganisationDetails(db)]);
  return {
    ...result,
    organisation: organisation?.name ?? 'Jaring',
    reportContact: organisation?.reportContact ?? null,
    checkedAt: now.toISOString(),
  };
}

/** The cadre record of a signed-in user, if they are one (the field app's bundle). */
export const cadreOfUser = (db: Queryable, userId: string) => findCadreByUser(db, userId);

/** Cadres in the regions (null: all; a user's own when userId is given), at most 500, by name as the database sorts it. */
export async function cadresInScope(db: Queryable, regionPatterns: string[] | null, userId?: string) {
  return (await listCadreRows(db, regionPatterns, userId)).map((c) => ({ id: c.id, status: c.status, fullName: c.full_name }));
}

/**
 * Which of these persons (already found in the actor's scope) are cadres, for the search box:
 * empty for a role that does not read cadres, so the search never reveals more than the cadre pages.
 */
export async function cadresAmongPersons(ctx: Context, personIds: string[]) {
  if (ctx.actor.kind === 'user' && !(READERS as readonly string[]).includes(ctx.actor.role)) return [];
  return (await findCadresOfPersons(ctx.db, personIds)).map((c) => ({ id: c.id, personId: c.person_id, status: c.status }));
}
