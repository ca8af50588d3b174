import { actorName, actorScope, assertRole, type Context, inTransaction } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { AppError, conflict, invalid, notFound } from '../../core/errors.ts';
import { maskNik } from '../../core/mask.ts';
import { ROLES_SEEING_IDENTIFIERS } from '../../core/roles.ts';
import { regionInScope } from '../../core/scope.ts';
import type { Queryable } from '../../db/database.ts';
import { recordAudit } from '../audit/index.ts';
import { jknRateOf } from '../jkn/index.ts';
import { findPersonForActor, householdById, householdMembers, lockHousehold, personsByIds } from '../registry/index.ts';
import { findCadre, findCadreVillages } from './cadre-reads.service.ts';
import { PARTICIPANT_WRITERS, READERS } from './cadres.roles.ts';
import { findCadreByUser } from './cadres.store.ts';
import type { HouseholdJknView, PersonJknInput } from './participants.schema.ts';
import {
  findCadreOfHousehold,
  findParticipantByCard,
  findParticipants,
  findRecruitment,
  insertRecruitment,
  updateFamilyClass,
  upsertParticipant,
} from './participants.store.ts';

const today = (ctx: Context) => businessDate(ctx.clock);
const seesIdentifiers = (ctx: Context) => ctx.actor.kind !== 'user' || ROLES_SEEING_IDENTIFIERS.includes(ctx.actor.role);
/** A KIS card number shown to roles that may not see identifiers: 0001*****0042. */
const maskCard = (card: string) => `${card.slice(0, 4)}*****${card.slice(9)}`;

/** The signed-in cadre's own record, when the actor is a cadre-role user. */
async function ownCadre(ctx: Context, db: Queryable) {
  if (ctx.actor.kind !== 'user' || ctx.actor.role !== 'cadre') return undefined;
  const row = await findCadreByUser(db, ctx.actor.id);
  if (!row) return null;
  return { ...row, villages: new Set((await findCadreVillages(db, row.id)).map((v) => v.village_code)) };
}

/** A household (registry) with the cadre looking after it, if any (this module). */
async function findHouseholdWithCadre(db: Queryable, id: string) {
  const household = await householdById(db, id);
  if (!household) return undefined;
  const cadre = await findCadreOfHousehold(db, id);
  return {
    id: household.id,
    kk_number: household.kk_number,
    village_code: household.village_code,
    cadre_id: cadre?.cadre_id ?? null,
    cadre_person_id: cadre?.person_id ?? null,
  };
}

/** A household's members (registry, in its order) with each one's JKN card, if any: two queries. */
async function findMembersWithJkn(db: Queryable, householdId: string) {
  const members = await householdMembers(db, householdId);
  const cards = new Map(
    (
      await findParticipants(
        db,
        members.map((m) => m.id),
      )
    ).map((card) => [card.person_id, card]),
  );
  return members.map((m) => {
    const card = cards.get(m.id);
    return {
      ...m,
      card_number: card?.card_number ?? null,
      segment: card?.segment ?? null,
      jkn_class: card?.jkn_class ?? null,
      status: card?.status ?? null,
      status_recorded_on: card?.status_recorded_on ?? null,
    };
  });
}

/**
 * The household if the actor may see its JKN data: in scope; for a cadre, a family of their
 * own or one in their villages that no other cadre looks after (a family to recruit).
 */
async function householdFor(ctx: Context, db: Queryable, id: string) {
  const household = await findHouseholdWithCadre(db, id);
  if (!household || !regionInScope(actorScope(ctx), household.village_code)) throw notFound('household', id);
  const own = await ownCadre(ctx, db);
  if (own === null) throw notFound('household', id);
  if (own && (!own.villages.has(household.village_code) || (household.cadre_id !== null && household.cadre_id !== own.id)))
    throw notFound('household', id);
  return { household, own };
}

async function householdJknView(ctx: Context, db: Queryable, householdId: string): Promise<HouseholdJknView> {
  const household = (await findHouseholdWithCadre(db, householdId)) as NonNullable<Awaited<ReturnType<typeof findHouseholdWithCadre>>>;
  const members = await findMembersWithJkn(db, householdId);
  const recruitment = await findRecruitment(db, householdId);
  const cadrePersons = [household.cadre_person_id, recruitment?.cadre_person_id].filter((id): id is string => id != null);
  const names = new Map([...(await personsByIds(db, cadrePersons))].map(([id, person]) => [id, person.fullName]));
  const visible = seesIdentifiers(ctx);
  const month = today(ctx).slice(0, 7);
  const jknClass = members.find((m) => m.jkn_class !== null)?.jkn_class ?? null;
  // Only PBPU (mandiri) members pay themselves; PBI is paid by the government, PPU through the employer.
  const paying = members.filter((m) => m.died_on === null && m.segment === 'PBPU' && m.jkn_class !== null);
  const due = paying.reduce((sum, m) => sum + (jknRateOf(m.jkn_class as 'I' | 'II' | 'III', month) ?? 0), 0);
  return {
    householdId,
    kkNumber: visible ? household.kk_number : maskNik(household.kk_number),
    jknClass,
    month,
    monthlyDue: String(due),
    payingMembers: paying.length,
    members: members.map((m) => ({
      personId: m.id,
      fullName: m.full_name,
      relation: m.relation,
      deceased: m.died_on !== null,
      jkn:
        m.card_number === null || m.segment === null || m.jkn_class === null || m.status === null || m.status_recorded_on === null
          ? null
          : {
              cardNumber: visible ? m.card_number : maskCard(m.card_number),
              segment: m.segment,
              class: m.jkn_class,
              status: m.status,
              statusRecordedOn: m.status_recorded_on,
            },
    })),
    cadre: household.cadre_id ? { id: household.cadre_id, name: names.get(household.cadre_person_id ?? '') ?? '' } : null,
    recruitment: recruitment
      ? {
          cadreId: recruitment.cadre_id,
          cadreName: names.get(recruitment.cadre_person_id) ?? '',
          recruitedOn: recruitment.recruited_on,
          recordedBy: recruitment.recorded_by,
        }
      : null,
  };
}

export async function getHouseholdJkn(ctx: Context, householdId: string) {
  assertRole(ctx, READERS);
  await householdFor(ctx, ctx.db, householdId);
  return householdJknView(ctx, ctx.db, householdId);
}

/**
 * Records a person's JKN-KIS card: number (13 digits, one person each), segment, class and
 * status. A family is in one class: a different class is refused unless the whole family
 * moves with `applyClassToFamily`. PBI participants are in class III (Perpres 82/2018).
 */
export async function recordPersonJkn(ctx: Context, personId: string, input: PersonJknInput) {
  assertRole(ctx, PARTICIPANT_WRITERS);
  const person = await findPersonForActor(ctx, ctx.db, personId);
  if (!person) throw notFound('person', personId);
  const { household, own } = await householdFor(ctx, ctx.db, person.household_id);
  if (input.segment === 'PBI' && input.class !== 'III') throw invalid('cadres.jkn_pbi_class', 'class');
  if (input.statusRecordedOn > today(ctx)) throw invalid('cadres.date_in_future', 'statusRecordedOn');
  if (input.recruitment && input.recruitment.recruitedOn > today(ctx)) throw invalid('cadres.date_in_future', 'recruitment.recruitedOn');
  const now = ctx.clock.now();
  await inTransaction(ctx, async (tx) => {
    await lockHousehold(tx, household.id);
    const members = await findMembersWithJkn(tx, household.id);
    const self = members.find((m) => m.id === personId);
    const holder = await findParticipantByCard(tx, input.cardNumber);
    if (holder && holder.person_id !== personId) throw conflict('cadres.jkn_card_taken', 'cardNumber');
    const others = members.filter((m) => m.id !== personId && m.jkn_class !== null);
    const differing = others.find((m) => m.jkn_class !== input.class);
    if (differing && !input.applyClassToFamily) throw conflict('cadres.jkn_class_differs', 'class', { class: differing.jkn_class });
    if (input.applyClassToFamily && input.class !== 'III' && others.some((m) => m.segment === 'PBI'))
      throw invalid('cadres.jkn_pbi_class', 'class');

    let recruiter: string | undefined;
    if (input.recruitment) {
      if (members.some((m) => m.card_number !== null) || (await findRecruitment(tx, household.id)))
        throw conflict('cadres.family_already_registered', 'recruitment');
      recruiter = own ? own.id : input.recruitment.cadreId;
      if (!recruiter) throw invalid('required', 'recruitment.cadreId');
      if (own && input.recruitment.cadreId && input.recruitment.cadreId !== own.id) throw notFound('cadre', input.recruitment.cadreId);
      const cadre = await findCadre(tx, recruiter);
      const villages = cadre ? (await findCadreVillages(tx, recruiter)).map((v) => v.village_code) : [];
      if (!cadre || !villages.some((v) => regionInScope(actorScope(ctx), v))) throw notFound('cadre', recruiter);
      if (cadre.status !== 'active') throw new AppError('cadres.not_active', 'conflict', { params: { status: cadre.status } });
      if (!villages.includes(household.village_code)) throw invalid('cadres.family_outside_area', 'recruitment.cadreId');
    }

    await upsertParticipant(
      tx,
      {
        person_id: personId,
        card_number: input.cardNumber,
        segment: input.segment,
        jkn_class: input.class,
        status: input.status,
        status_recorded_on: input.statusRecordedOn,
      },
      now,
    );
    if (differing)
      await updateFamilyClass(
        tx,
        others.map((m) => m.id),
        input.class,
        now,
      );
    if (recruiter && input.recruitment)
      await insertRecruitment(tx, {
        household_id: household.id,
        cadre_id: recruiter,
        recruited_on: input.recruitment.recruitedOn,
        recorded_by: actorName(ctx.actor),
      });
    const card = (value: string | null | undefined) => (value ? maskCard(value) : null);
    await recordAudit(tx, ctx, {
      action: 'jkn.record_participant',
      entityType: 'person',
      entityId: personId,
      regionCode: household.village_code,
      before: self?.card_number
        ? { cardNumber: card(self.card_number), segment: self.segment, class: self.jkn_class, status: self.status }
        : null,
      after: {
        cardNumber: card(input.cardNumber),
        segment: input.segment,
        class: input.class,
        status: input.status,
        statusRecordedOn: input.statusRecordedOn,
        familyClassChanged: differing ? others.map((m) => m.id) : undefined,
        recruitment: recruiter && input.recruitment ? { cadreId: recruiter, recruitedOn: input.recruitment.recruitedOn } : undefined,
      },
    });
  });
  return householdJknView(ctx, ctx.db, household.id);
}
