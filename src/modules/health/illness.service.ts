import { assertRole, type Context, inTransaction } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { conflict, invalid, notFound } from '../../core/errors.ts';
import { firstTime, type Idempotent } from '../../core/idempotency.ts';
import { uuidv7 } from '../../core/ids.ts';
import type { Queryable, Tx } from '../../db/database.ts';
import { recordAudit } from '../audit/index.ts';
import { once } from '../idempotency/index.ts';
import { findPersonForActor, lockHousehold } from '../registry/index.ts';
import { ILLNESS_RECORDERS, STATUS_READERS } from './health.roles.ts';
import type { IllnessEpisodeTable } from './health.tables.ts';
import { daysUnable, illnessStatus, NOT_ILL, overlappingEpisode } from './illness.rules.ts';
import type { IllnessInput, IllnessView } from './illness.schema.ts';
import { findEpisode, findEpisodesOfPerson, insertEpisode, updateEpisode } from './illness.store.ts';

type Person = NonNullable<Awaited<ReturnType<typeof findPersonForActor>>>;
type EpisodeRow = Pick<IllnessEpisodeTable, 'id' | 'person_id' | 'from_on' | 'to_on' | 'days_unable'>;

const today = (ctx: Context) => businessDate(ctx.clock);

async function personFor(ctx: Context, db: Queryable, personId: string) {
  const person = await findPersonForActor(ctx, db, personId);
  if (!person) throw notFound('person', personId);
  return person;
}

const episodeView = (row: EpisodeRow, todayDate: string): IllnessView => ({
  id: row.id,
  personId: row.person_id,
  fromOn: row.from_on,
  toOn: row.to_on,
  daysUnable: row.days_unable ?? daysUnable(row.from_on, row.to_on, todayDate),
  daysUnableGiven: row.days_unable !== null,
  open: row.to_on === null,
});

/** Dates and days of an episode: from not in the future nor outside the person's life, to not before from, days within them. */
function assertEpisode(person: Person, input: IllnessInput, todayDate: string) {
  if (input.fromOn > todayDate) throw invalid('common.date_in_future', 'fromOn', { date: input.fromOn });
  if (input.fromOn < person.birth_date) throw invalid('health.date_before_birth', 'fromOn', { birthDate: person.birth_date });
  if (person.died_on !== null && input.fromOn > person.died_on)
    throw invalid('health.date_after_death', 'fromOn', { diedOn: person.died_on });
  if (input.toOn !== null && input.toOn < input.fromOn) throw invalid('health.to_before_from', 'toOn', { fromOn: input.fromOn });
  const most = daysUnable(input.fromOn, input.toOn, todayDate);
  if (input.daysUnable != null && input.daysUnable > most) throw invalid('health.days_unable_too_many', 'daysUnable', { days: most });
}

/** Refuses an episode sharing a day with another of the person's (one writer per family at a time). */
async function assertNoOverlap(tx: Tx, person: Person, input: IllnessInput, ignoreId?: string) {
  await lockHousehold(tx, person.household_id);
  const episodes = (await findEpisodesOfPerson(tx, person.id)).map((e) => ({ id: e.id, fromOn: e.from_on, toOn: e.to_on }));
  const other = overlappingEpisode(episodes, input, ignoreId);
  if (other)
    throw other.toOn === null
      ? conflict('health.illness_overlaps_open', 'fromOn', { fromOn: other.fromOn })
      : conflict('health.illness_overlaps', 'fromOn', { fromOn: other.fromOn, toOn: other.toOn });
}

const recorder = (ctx: Context) => (ctx.actor.kind === 'user' ? ctx.actor.id : null);

async function writeIllness(ctx: Context, tx: Tx, person: Person, input: IllnessInput): Promise<IllnessView> {
  await assertNoOverlap(tx, person, input);
  const now = ctx.clock.now();
  const row = {
    id: uuidv7(now.getTime()),
    person_id: person.id,
    village_code: person.village_code,
    from_on: input.fromOn,
    to_on: input.toOn,
    days_unable: input.daysUnable ?? null,
    recorded_by: recorder(ctx),
    created_at: now,
  };
  await insertEpisode(tx, row);
  await recordAudit(tx, ctx, {
    action: 'health.illness.record',
    entityType: 'illness_episode',
    entityId: row.id,
    regionCode: person.village_code,
    after: { personId: person.id, fromOn: input.fromOn, toOn: input.toOn, daysUnable: row.days_unable },
  });
  return episodeView(row, today(ctx));
}

async function prepareIllness(ctx: Context, personId: string, input: IllnessInput) {
  assertRole(ctx, ILLNESS_RECORDERS);
  const person = await personFor(ctx, ctx.db, personId);
  assertEpisode(person, input, today(ctx));
  return person;
}

/** Records that a person cannot work from a date (to a date, or still ill). */
export async function recordIllness(ctx: Context, personId: string, input: IllnessInput): Promise<IllnessView> {
  const person = await prepareIllness(ctx, personId, input);
  return inTransaction(ctx, (tx) => writeIllness(ctx, tx, person, input));
}

/** `recordIllness` behind an optional Idempotency-Key. */
export async function recordIllnessOnce(
  ctx: Context,
  personId: string,
  input: IllnessInput,
  idempotencyKey: string | undefined,
): Promise<Idempotent<IllnessView>> {
  const person = await prepareIllness(ctx, personId, input);
  return inTransaction(ctx, (tx) => {
    if (!idempotencyKey) return writeIllness(ctx, tx, person, input).then(firstTime);
    return once(tx, ctx, { key: idempotencyKey, operation: `health.illness:${personId}`, body: input }, () =>
      writeIllness(ctx, tx, person, input),
    );
  });
}

/** Closes an episode (its end) or corrects it; the audit keeps what it was. */
export async function correctIllness(ctx: Context, id: string, input: IllnessInput): Promise<IllnessView> {
  assertRole(ctx, ILLNESS_RECORDERS);
  const existing = await findEpisode(ctx.db, id);
  const person = existing ? await findPersonForActor(ctx, ctx.db, existing.person_id) : undefined;
  if (!existing || !person) throw notFound('illness', id);
  assertEpisode(person, input, today(ctx));
  return inTransaction(ctx, async (tx) => {
    await assertNoOverlap(tx, person, input, id);
    const changes = { from_on: input.fromOn, to_on: input.toOn, days_unable: input.daysUnable ?? null, recorded_by: recorder(ctx) };
    await updateEpisode(tx, id, changes);
    await recordAudit(tx, ctx, {
      action: 'health.illness.correct',
      entityType: 'illness_episode',
      entityId: id,
      regionCode: person.village_code,
      before: { fromOn: existing.from_on, toOn: existing.to_on, daysUnable: existing.days_unable },
      after: { fromOn: input.fromOn, toOn: input.toOn, daysUnable: changes.days_unable },
    });
    return episodeView({ ...existing, ...changes }, today(ctx));
  });
}

/** A person's illness episodes, newest first, with the status shown beside their financing. */
export async function listIllnesses(ctx: Context, personId: string) {
  assertRole(ctx, ILLNESS_RECORDERS);
  await personFor(ctx, ctx.db, personId);
  const rows = await findEpisodesOfPerson(ctx.db, personId);
  const todayDate = today(ctx);
  return {
    items: rows.map((row) => episodeView(row, todayDate)),
    status:
      illnessStatus(
        rows.map((r) => ({ fromOn: r.from_on, toOn: r.to_on })),
        todayDate,
      ) ?? NOT_ILL,
  };
}

/** Whether a person cannot work now (and since and until when), for every role that sees the financing: never why. */
export async function getIllnessStatus(ctx: Context, personId: string) {
  assertRole(ctx, STATUS_READERS);
  await personFor(ctx, ctx.db, personId);
  const rows = await findEpisodesOfPerson(ctx.db, personId);
  return (
    illnessStatus(
      rows.map((r) => ({ fromOn: r.from_on, toOn: r.to_on })),
      today(ctx),
    ) ?? NOT_ILL
  );
}
