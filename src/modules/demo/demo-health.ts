import type { Context } from '../../context.ts';
import { businessDate } from '../../core/clock.ts';
import { addDays, ageOn } from '../../core/dates.ts';
import { runningFinancingsOfPersons } from '../financing/index.ts';
import { listGroups } from '../groups/index.ts';
import {
  recomputeVillageIks,
  recordEncounter,
  recordHouseholdHealth,
  recordIllness,
  recordPersonHealth,
  recordScreening,
  recordSessionAttendance,
} from '../health/index.ts';
import { actorForUsername, changeUser } from '../identity/index.ts';
import { type FamilyWithMembers, familiesWithMembers, headsInVillage } from '../registry/index.ts';

const KRICAK = '34.71.01.1001';
const KATAPANG = '32.04.11.2002';
/** Fixed ids of the demo's counselling sessions: filling the demo twice never repeats them. */
const SESSION_IDS = ['019a0000-0000-7000-8000-00000000d001', '019a0000-0000-7000-8000-00000000d002'];

/**
 * The family-doctor programme of the demo (issue 12): the health worker `dokter` serves Kricak
 * (YK01) and Katapang (BD01). Six families in each get a health profile and their sanitation;
 * there are encounters with vitals and diagnoses (one referred to the puskesmas), IVA screenings
 * with one recall due within the month and one overdue, a counselling session for the Kricak
 * member group and an open one in Katapang, and a financing member in Kricak who has been ill for
 * six days with an instalment due: on the at-risk list and flagged beside their financing. Runs
 * after the money (it needs the financings).
 */
export async function fillDemoHealth(ctx: Context) {
  const today = businessDate(ctx.clock);
  const dokter = await actorForUsername(ctx.db, 'dokter');
  if (!dokter) return { families: 0, encounters: 0, screenings: 0, sessions: 0, ill: 0 };
  await changeUser(ctx, dokter.id, { officeCodes: ['YK01', 'BD01'] });
  const actor = await actorForUsername(ctx.db, 'dokter');
  const asDokter: Context = { ...ctx, actor: actor ?? dokter };

  let encounters = 0;
  let screenings = 0;
  const villages = [
    { code: KRICAK, place: 'Posyandu RW 03 Kricak', puskesmas: 'Puskesmas Tegalrejo' },
    { code: KATAPANG, place: 'Balai Desa Katapang', puskesmas: 'Puskesmas Katapang' },
  ];
  for (const [v, village] of villages.entries()) {
    const heads = await headsInVillage(ctx.db, village.code, 0, 6);
    const families = await familiesWithMembers(
      ctx.db,
      heads.map((h) => h.household_id),
    );
    for (const [index, family] of families.entries()) {
      await recordHouseholdHealth(asDokter, family.id, { cleanWater: index !== 2, healthyLatrine: index % 3 !== 1, answers: {} });
      await fillProfiles(asDokter, family, index, today);
    }
    const [first, second, third] = families.map((f) => headOf(f)).filter((p) => p !== undefined);
    if (first) {
      await recordEncounter(asDokter, first.id, {
        profession: 'doctor',
        place: 'home',
        encounteredOn: addDays(today, -20 - v),
        complaint: 'Pusing dan tengkuk terasa berat sejak tiga hari',
        vitals: { systolic: 158, diastolic: 96, weightKg: 68.5, heightCm: 162, temperatureC: 36.7 },
        diagnoses: ['I10'],
        treatment: 'Amlodipin 5 mg sekali sehari; kurangi garam; kontrol dua minggu lagi',
      });
      encounters++;
    }
    if (second) {
      await recordEncounter(asDokter, second.id, {
        profession: 'doctor',
        place: 'clinic',
        encounteredOn: addDays(today, -12 - v),
        complaint: 'Sering haus dan buang air kecil, luka di kaki lama sembuh',
        vitals: { systolic: 132, diastolic: 84, weightKg: 74, heightCm: 160, temperatureC: 36.9, glucoseMgDl: 286 },
        diagnoses: ['E11.9'],
        treatment: 'Metformin 500 mg dua kali sehari; edukasi diet',
        referral: {
          destinationKind: 'puskesmas',
          destination: village.puskesmas,
          reason: 'Pemeriksaan HbA1c dan perawatan luka kaki diabetik',
        },
      });
      encounters++;
    }
    if (third) {
      await recordEncounter(asDokter, third.id, {
        profession: 'nurse',
        place: 'home',
        encounteredOn: addDays(today, -5 - v),
        complaint: 'Batuk pilek dan demam dua hari',
        vitals: { temperatureC: 38.2, weightKg: 55 },
        diagnoses: ['J06.9'],
        treatment: 'Parasetamol 500 mg bila demam; banyak minum',
      });
      encounters++;
    }
    const women = families
      .flatMap((f) => f.members)
      .filter((m) => m.sex === 'F' && ageOn(m.birthDate, today) >= 30 && ageOn(m.birthDate, today) <= 50);
    const [dueSoon, overdue, recent] = women;
    // Negative 35½ months ago: screened again within the month (due).
    if (dueSoon) {
      await recordScreening(asDokter, dueSoon.id, {
        method: 'iva',
        screenedOn: addDays(today, -1080 + 10 * v),
        result: 'negative',
        action: 'none',
      });
      screenings++;
    }
    // Positive, treated with cryotherapy seven months ago: the six-month re-check is overdue.
    if (overdue) {
      await recordScreening(asDokter, overdue.id, {
        method: 'iva',
        screenedOn: addDays(today, -215),
        result: 'positive',
        action: 'cryotherapy',
      });
      screenings++;
    }
    if (recent) {
      await recordScreening(asDokter, recent.id, {
        method: 'pap_smear',
        screenedOn: addDays(today, -40),
        result: 'negative',
        action: 'none',
      });
      screenings++;
    }
  }

  const [kricakGroup] = (await listGroups(ctx, { village: KRICAK, limit: 1 })).items;
  const kricakMembers = (await headsInVillage(ctx.db, KRICAK, 0, 12)).map((h) => h.id);
  await recordSessionAttendance(asDokter, {
    sessionId: SESSION_IDS[0] as string,
    topic: 'hypertension',
    topicNote: '',
    heldOn: addDays(today, -14),
    place: 'Balai RW 03 Kricak',
    villageCode: KRICAK,
    ...(kricakGroup ? { groupId: kricakGroup.id } : {}),
    personIds: kricakMembers.filter((_, i) => i % 3 !== 2),
  });
  const katapangPeople = (await headsInVillage(ctx.db, KATAPANG, 0, 10)).map((h) => h.id);
  await recordSessionAttendance(asDokter, {
    sessionId: SESSION_IDS[1] as string,
    topic: 'reproductive_health',
    topicNote: '',
    heldOn: addDays(today, -7),
    place: 'Balai Desa Katapang',
    villageCode: KATAPANG,
    personIds: katapangPeople.slice(0, 7),
  });

  // A financing member in Kricak ill for six days, with an instalment due: at risk.
  const borrowers = (await headsInVillage(ctx.db, KRICAK, 20, 12)).map((h) => h.id);
  const running = await runningFinancingsOfPersons(ctx.db, borrowers);
  const due = running.find((f) => f.instalments.some((i) => i.owed > 0n && i.dueDate <= addDays(today, 14)));
  let ill = 0;
  if (due) {
    await recordIllness(asDokter, due.personId, { fromOn: addDays(today, -6), toOn: null });
    ill++;
  }

  for (const village of villages) await recomputeVillageIks(asDokter, village.code);
  return { families: 12, encounters, screenings, sessions: SESSION_IDS.length, ill };
}

const headOf = (family: FamilyWithMembers) => family.members.find((m) => m.relation === 'head') ?? family.members[0];

/** A few profiles per family: a treated hypertensive head, a diabetic, a smoker, the wife's family planning, one pregnancy. */
async function fillProfiles(ctx: Context, family: FamilyWithMembers, index: number, today: string) {
  const head = headOf(family);
  const wife = family.members.find((m) => m.relation === 'wife');
  if (head)
    await recordPersonHealth(ctx, head.id, {
      pregnant: false,
      lastMenstrualPeriod: null,
      expectedDelivery: null,
      pregnancies: null,
      disability: 'none',
      smoker: index % 2 === 1,
      kbMethod: null,
      conditions:
        index === 0
          ? [{ code: 'hipertensi', note: '', since: addDays(today, -400), treatedRegularly: true }]
          : index === 1
            ? [{ code: 'diabetes', note: '', since: addDays(today, -200), treatedRegularly: false }]
            : [],
    });
  if (wife && ageOn(wife.birthDate, today) <= 49) {
    const pregnant = index === 3 && ageOn(wife.birthDate, today) <= 42;
    await recordPersonHealth(ctx, wife.id, {
      pregnant,
      lastMenstrualPeriod: pregnant ? addDays(today, -84) : null,
      expectedDelivery: null,
      pregnancies: pregnant ? 2 : null,
      disability: 'none',
      smoker: false,
      kbMethod: pregnant ? null : index % 2 === 0 ? 'injection' : 'none',
      conditions: [],
    });
  }
}
