import { type Insertable, sql, type Updateable } from 'kysely';
import type { StoreDb } from '../../db/store.ts';
import type { Step } from './partnership.rules.ts';
import type {
  PartnershipActivityTable,
  PartnershipAgreementTable,
  PartnershipCommunicationTable,
  PartnershipEvaluationTable,
  PartnershipResourceTable,
  PartnershipTable,
  PartnershipTables,
  PartnerTable,
} from './partnerships.tables.ts';

type Queryable = StoreDb<PartnershipTables>;

/** Where an actor may see: offices (null: everywhere) and LIKE patterns of its regions. */
export type StoreScope = { officeIds: string[] | null; regionPatterns: string[] | null };

// ---- partners

export const insertPartner = (db: Queryable, row: Insertable<PartnerTable>) => db.insertInto('partner').values(row).execute();

export const updatePartner = (db: Queryable, id: string, patch: Updateable<PartnerTable>) =>
  db.updateTable('partner').set(patch).where('id', '=', id).execute();

export const findPartner = (db: Queryable, id: string) => db.selectFrom('partner').selectAll().where('id', '=', id).executeTakeFirst();

export const findPartnersByIds = (db: Queryable, ids: string[]) =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('partner').selectAll().where('id', 'in', ids).execute();

export function listPartnerRows(db: Queryable, filter: { officeIds: string[] | null; kind?: string; pillar?: string }) {
  let query = db.selectFrom('partner').selectAll();
  if (filter.officeIds !== null)
    query = filter.officeIds.length === 0 ? query.where(sql<boolean>`false`) : query.where('office_id', 'in', filter.officeIds);
  if (filter.kind) query = query.where('kind', '=', filter.kind as PartnerTable['kind']);
  if (filter.pillar) query = query.where('pillar', '=', filter.pillar as PartnerTable['pillar']);
  return query.orderBy('name').orderBy('id').limit(1000).execute();
}

/** The resources a partner brings, with the title of each partnership. */
export async function findResourcesOfPartner(db: Queryable, partnerId: string) {
  const { rows } = await sql<{
    id: string;
    partnership_id: string;
    title: string;
    kind: PartnershipResourceTable['kind'];
    description: string;
    amount: string | null;
    quantity: number | null;
  }>`
    SELECT r.id, r.partnership_id, p.title, r.kind, r.description, r.amount::text AS amount, r.quantity
      FROM partnership_resource r JOIN partnership p ON p.id = r.partnership_id
     WHERE r.partner_id = ${partnerId}::uuid ORDER BY r.created_at, r.id`.execute(db);
  return rows;
}

// ---- partnerships

export const insertPartnership = (db: Queryable, row: Insertable<PartnershipTable>) => db.insertInto('partnership').values(row).execute();

export const updatePartnership = (db: Queryable, id: string, patch: Updateable<PartnershipTable>) =>
  db.updateTable('partnership').set(patch).where('id', '=', id).execute();

export const findPartnership = (db: Queryable, id: string) =>
  db.selectFrom('partnership').selectAll().where('id', '=', id).executeTakeFirst();

/** The partnership row, locked until the transaction ends (two users moving it a step at once). */
export const lockPartnership = (db: Queryable, id: string) =>
  db.selectFrom('partnership').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/** Partnerships of the offices in scope or working in a village in scope. */
export function listPartnershipRows(db: Queryable, scope: StoreScope, filter: { step?: string; ids?: string[] } = {}) {
  let query = db.selectFrom('partnership').selectAll();
  if (scope.officeIds !== null) {
    const offices = scope.officeIds;
    const patterns = scope.regionPatterns ?? [];
    query = query.where((eb) =>
      eb.or([
        offices.length === 0 ? sql<boolean>`false` : eb('office_id', 'in', offices),
        patterns.length === 0
          ? sql<boolean>`false`
          : eb.exists(
              eb
                .selectFrom('partnership_village as v')
                .select('v.partnership_id')
                .whereRef('v.partnership_id', '=', 'partnership.id')
                .where((inner) => inner.or(patterns.map((p) => inner('v.village_code', 'like', p)))),
            ),
      ]),
    );
  }
  if (filter.step) query = query.where('step', '=', filter.step as Step);
  if (filter.ids) query = filter.ids.length === 0 ? query.where(sql<boolean>`false`) : query.where('id', 'in', filter.ids);
  return query.orderBy('started_on', 'desc').orderBy('id', 'desc').limit(1000).execute();
}

export async function findVillages(db: Queryable, partnershipIds: string[]) {
  if (partnershipIds.length === 0) return [];
  return db.selectFrom('partnership_village').selectAll().where('partnership_id', 'in', partnershipIds).orderBy('village_code').execute();
}

export async function replaceVillages(db: Queryable, partnershipId: string, villageCodes: string[]) {
  await db.deleteFrom('partnership_village').where('partnership_id', '=', partnershipId).execute();
  if (villageCodes.length > 0)
    await db
      .insertInto('partnership_village')
      .values(villageCodes.map((village_code) => ({ partnership_id: partnershipId, village_code })))
      .execute();
}

/** Members of partnerships (the roles matrix) with their partner's name, kind and pillar. */
export async function findMembers(db: Queryable, partnershipIds: string[]) {
  if (partnershipIds.length === 0) return [];
  return db
    .selectFrom('partnership_partner as m')
    .innerJoin('partner as p', 'p.id', 'm.partner_id')
    .select(['m.partnership_id', 'm.partner_id', 'm.responsibilities', 'm.joined_on', 'p.name', 'p.kind', 'p.pillar'])
    .where('m.partnership_id', 'in', partnershipIds)
    .orderBy('m.joined_on')
    .orderBy('p.name')
    .execute();
}

export async function upsertMember(
  db: Queryable,
  row: { partnership_id: string; partner_id: string; responsibilities: string; joined_on: string },
) {
  await db
    .insertInto('partnership_partner')
    .values(row)
    .onConflict((oc) => oc.columns(['partnership_id', 'partner_id']).doUpdateSet({ responsibilities: row.responsibilities }))
    .execute();
}

export const insertResource = (db: Queryable, row: Insertable<PartnershipResourceTable>) =>
  db.insertInto('partnership_resource').values(row).execute();

export async function findResources(db: Queryable, partnershipIds: string[]) {
  if (partnershipIds.length === 0) return [];
  return db
    .selectFrom('partnership_resource')
    .selectAll()
    .where('partnership_id', 'in', partnershipIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export const insertStep = (
  db: Queryable,
  row: { partnership_id: string; step: Step; entered_on: string; entered_by: string; note: string },
) => db.insertInto('partnership_step').values(row).execute();

export async function findSteps(db: Queryable, partnershipId: string) {
  return db.selectFrom('partnership_step').selectAll().where('partnership_id', '=', partnershipId).orderBy('entered_on').execute();
}

export const insertCommunication = (db: Queryable, row: Insertable<PartnershipCommunicationTable>) =>
  db.insertInto('partnership_communication').values(row).execute();

export async function findCommunications(db: Queryable, partnershipIds: string[]) {
  if (partnershipIds.length === 0) return [];
  return db
    .selectFrom('partnership_communication')
    .selectAll()
    .where('partnership_id', 'in', partnershipIds)
    .orderBy('held_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function insertActivity(db: Queryable, row: Insertable<PartnershipActivityTable>, partnerIds: string[]) {
  await db.insertInto('partnership_activity').values(row).execute();
  if (partnerIds.length > 0)
    await db
      .insertInto('partnership_activity_partner')
      .values(partnerIds.map((partner_id) => ({ activity_id: row.id, partner_id })))
      .execute();
}

export async function findActivities(db: Queryable, partnershipIds: string[]) {
  if (partnershipIds.length === 0) return [];
  return db
    .selectFrom('partnership_activity')
    .selectAll()
    .where('partnership_id', 'in', partnershipIds)
    .orderBy('held_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function findActivityPartners(db: Queryable, activityIds: string[]) {
  if (activityIds.length === 0) return [];
  return db
    .selectFrom('partnership_activity_partner as a')
    .innerJoin('partner as p', 'p.id', 'a.partner_id')
    .select(['a.activity_id', 'p.id', 'p.name'])
    .where('a.activity_id', 'in', activityIds)
    .orderBy('p.name')
    .execute();
}

export const insertEvaluation = (db: Queryable, row: Insertable<PartnershipEvaluationTable>) =>
  db.insertInto('partnership_evaluation').values(row).execute();

export async function findEvaluations(db: Queryable, partnershipIds: string[]) {
  if (partnershipIds.length === 0) return [];
  return db
    .selectFrom('partnership_evaluation')
    .selectAll()
    .where('partnership_id', 'in', partnershipIds)
    .orderBy('evaluated_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

// ---- agreements

const agreementColumns = ['id', 'partnership_id', 'number', 'title', 'starts_on', 'ends_on', 'document_sha256'] as const;

export async function insertAgreement(db: Queryable, row: Insertable<PartnershipAgreementTable>, partnerIds: string[]) {
  await db.insertInto('partnership_agreement').values(row).execute();
  await db
    .insertInto('partnership_agreement_party')
    .values(partnerIds.map((partner_id) => ({ agreement_id: row.id, partner_id })))
    .execute();
}

export const findAgreementNumber = (db: Queryable, partnershipId: string, number: string) =>
  db
    .selectFrom('partnership_agreement')
    .select('id')
    .where('partnership_id', '=', partnershipId)
    .where('number', '=', number)
    .executeTakeFirst();

/** Agreements without their document's bytes, with the document's size. */
export async function findAgreements(
  db: Queryable,
  filter: { partnershipIds?: string[]; id?: string; endsFrom?: string; endsTo?: string },
) {
  let query = db
    .selectFrom('partnership_agreement')
    .select([...agreementColumns, sql<number | null>`octet_length(document)`.as('document_bytes')]);
  if (filter.partnershipIds)
    query =
      filter.partnershipIds.length === 0 ? query.where(sql<boolean>`false`) : query.where('partnership_id', 'in', filter.partnershipIds);
  if (filter.id) query = query.where('id', '=', filter.id);
  if (filter.endsFrom) query = query.where('ends_on', '>=', filter.endsFrom);
  if (filter.endsTo) query = query.where('ends_on', '<=', filter.endsTo);
  return query.orderBy('ends_on').orderBy('id').execute();
}

export async function findAgreementParties(db: Queryable, agreementIds: string[]) {
  if (agreementIds.length === 0) return [];
  return db
    .selectFrom('partnership_agreement_party as a')
    .innerJoin('partner as p', 'p.id', 'a.partner_id')
    .select(['a.agreement_id', 'p.id', 'p.name'])
    .where('a.agreement_id', 'in', agreementIds)
    .orderBy('p.name')
    .execute();
}

export const setAgreementDocument = (db: Queryable, id: string, document: Buffer, sha256: string, at: Date) =>
  db
    .updateTable('partnership_agreement')
    .set({ document, document_sha256: sha256, document_uploaded_at: at, updated_at: at })
    .where('id', '=', id)
    .execute();

export const findAgreementDocument = (db: Queryable, id: string) =>
  db.selectFrom('partnership_agreement').select(['id', 'partnership_id', 'number', 'document']).where('id', '=', id).executeTakeFirst();
