import { assertRole, type Context, inTransaction } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { notFound } from '../../core/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { staffByIds } from '../identity/index.ts';
import { findRegionsByCodes } from '../regions/index.ts';
import { findPersonForActor, householdById } from '../registry/index.ts';
import { CHRONIC_ICD10, fhirBundle } from './fhir.rules.ts';
import type { Bundle } from './fhir.schema.ts';
import { findHealthRecordRows } from './fhir.store.ts';
import { CLINICAL_READERS } from './health.roles.ts';

/**
 * ICD-10 names the exchange can vouch for. The curated primary-care list of the encounters work
 * (`icd10.data.ts`) is the place for the rest; until it is read here, a diagnosis outside these
 * goes with its code alone, which FHIR and SATUSEHAT allow.
 */
const KNOWN_ICD10 = new Map(Object.values(CHRONIC_ICD10).map((c) => [c.code, c.display ?? '']));
const icd10Display = (code: string) => KNOWN_ICD10.get(code);

/**
 * A person's health record as a FHIR R4 Bundle (`GET /persons/{id}/fhir`): health workers and
 * the administrator only, in their scope (another office's person is as unknown as a made-up id),
 * the read audited. The NIK goes in: health workers see identifiers, and SATUSEHAT matches on it.
 */
export async function exportPersonFhir(ctx: Context, personId: string): Promise<Bundle> {
  assertRole(ctx, CLINICAL_READERS);
  return inTransaction(ctx, async (tx) => {
    const person = await findPersonForActor(ctx, tx, personId);
    if (!person) throw notFound('person', personId);
    const household = await householdById(tx, person.household_id);
    const rows = await findHealthRecordRows(tx, person.id);
    const provinceCode = person.village_code.slice(0, 2);
    const regencyCode = person.village_code.slice(0, 5);
    const regions = new Map((await findRegionsByCodes(tx, [provinceCode, regencyCode])).map((r) => [r.code, r.name]));
    const staff = await staffByIds(tx, [...rows.encounters.map((e) => e.worker_id), ...rows.screenings.map((s) => s.worker_id)]);
    const nameOf = (userId: string) => staff.get(userId)?.fullName ?? '';
    const workerOfEncounter = new Map(rows.encounters.map((e) => [e.id, nameOf(e.worker_id)]));

    const bundle = fhirBundle(
      {
        person: {
          id: person.id,
          nik: person.nik,
          fullName: person.full_name,
          sex: person.sex,
          birthDate: person.birth_date,
          diedOn: person.died_on,
          villageCode: person.village_code,
          address: household?.address ?? '',
          rt: household?.rt ?? null,
          rw: household?.rw ?? null,
          regencyName: regions.get(regencyCode) ?? null,
          provinceName: regions.get(provinceCode) ?? null,
        },
        profile: rows.profile
          ? {
              pregnant: rows.profile.pregnant,
              lastMenstrualPeriod: rows.profile.last_menstrual_period,
              expectedDelivery: rows.profile.expected_delivery,
              pregnancies: rows.profile.pregnancies,
              recordedOn: businessDate({ now: () => rows.profile?.updated_at ?? ctx.clock.now() }),
            }
          : null,
        conditions: rows.conditions.map((c) => ({ code: c.code, note: c.note, since: c.since })),
        encounters: rows.encounters.map((e) => ({
          id: e.id,
          place: e.place,
          encounteredOn: e.encountered_on,
          complaint: e.complaint,
          workerName: nameOf(e.worker_id),
          systolic: e.systolic,
          diastolic: e.diastolic,
          weightKg: e.weight_kg,
          heightCm: e.height_cm,
          temperatureC: e.temperature_c,
          glucoseMgDl: e.glucose_mg_dl,
          diagnoses: rows.diagnoses.filter((d) => d.encounter_id === e.id).map((d) => ({ code: d.code, rank: d.rank })),
        })),
        referrals: rows.referrals.map((r) => ({
          id: r.id,
          encounterId: r.encounter_id,
          destinationKind: r.destination_kind,
          destination: r.destination,
          reason: r.reason,
          referredOn: r.referred_on,
          outcome: r.outcome,
          outcomeOn: r.outcome_on,
          workerName: workerOfEncounter.get(r.encounter_id) ?? '',
        })),
        screenings: rows.screenings.map((s) => ({
          id: s.id,
          method: s.method,
          screenedOn: s.screened_on,
          result: s.result,
          action: s.action,
          workerName: nameOf(s.worker_id),
        })),
        icd10Display,
      },
      ctx.clock.now(),
    );
    // Which records were read, never what they say.
    await recordAudit(tx, ctx, {
      action: 'health.read',
      entityType: 'fhir',
      entityId: person.id,
      regionCode: person.village_code,
      after: {
        encounters: rows.encounters.map((e) => e.id),
        referrals: rows.referrals.map((r) => r.id),
        screenings: rows.screenings.map((s) => s.id),
      },
    });
    return bundle;
  });
}
