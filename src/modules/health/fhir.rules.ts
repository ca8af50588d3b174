import type {
  Bundle,
  BundleEntry,
  CodeableConcept,
  Coding,
  Condition,
  Encounter,
  Extension,
  FhirResource,
  Observation,
  Patient,
  Procedure,
  Quantity,
  Reference,
  ServiceRequest,
} from './fhir.schema.ts';

/**
 * A person's health record as an HL7 FHIR R4 Bundle of type `collection`, in the shape SATUSEHAT
 * (Kemenkes) takes: the NIK as the Patient's identifier, the Kemendagri region codes as its
 * `administrativeCode` address extension, ICD-10 for diagnoses, LOINC for vital signs, SNOMED CT
 * only where the concept is certain (otherwise the Indonesian text), UCUM units.
 * Every entry is `urn:uuid:<id>` and every reference points at one of those urns.
 */

export const SYSTEMS = {
  nik: 'https://fhir.kemkes.go.id/id/nik',
  administrativeCode: 'https://fhir.kemkes.go.id/r4/StructureDefinition/administrativeCode',
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  ucum: 'http://unitsofmeasure.org',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  participationType: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  diagnosisRole: 'http://terminology.hl7.org/CodeSystem/diagnosis-role',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  interpretation: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
} as const;

/** Terminologies FHIR.js carries no copy of (the tests accept their codes without a lookup). */
export const EXTERNAL_TERMINOLOGIES: readonly string[] = [SYSTEMS.icd10, SYSTEMS.loinc, SYSTEMS.snomed, SYSTEMS.ucum];

export type ConditionCode = 'hipertensi' | 'diabetes' | 'tb_paru' | 'gangguan_jiwa' | 'lainnya';

/**
 * The chronic conditions of the profile as ICD-10 (WHO). Each code says no more than was recorded:
 * "diabetes" is not typed (E14.9, not E11.9), TB paru is not said to be sputum-confirmed (A16.2,
 * not A15.0), and the IKS's "gangguan jiwa berat" is a severe mental illness, not necessarily
 * schizophrenia (F29, not F20.9). `lainnya` has no code: its note is the text.
 */
export const CHRONIC_ICD10: Record<Exclude<ConditionCode, 'lainnya'>, Coding & { text: string }> = {
  hipertensi: { system: SYSTEMS.icd10, code: 'I10', display: 'Essential (primary) hypertension', text: 'Hipertensi' },
  diabetes: {
    system: SYSTEMS.icd10,
    code: 'E14.9',
    display: 'Unspecified diabetes mellitus without complications',
    text: 'Diabetes melitus',
  },
  tb_paru: {
    system: SYSTEMS.icd10,
    code: 'A16.2',
    display: 'Tuberculosis of lung, without mention of bacteriological or histological confirmation',
    text: 'TB paru',
  },
  gangguan_jiwa: { system: SYSTEMS.icd10, code: 'F29', display: 'Unspecified nonorganic psychosis', text: 'Gangguan jiwa berat' },
};

const loinc = (code: string, display: string): Coding => ({ system: SYSTEMS.loinc, code, display });
const snomed = (code: string, display: string): Coding => ({ system: SYSTEMS.snomed, code, display });
const ucum = (value: number, unit: string, code: string): Quantity => ({ value, unit, system: SYSTEMS.ucum, code });

/** LOINC codes of the vital signs an encounter records, with their UCUM units. */
export const VITALS = {
  bloodPressure: loinc('85354-9', 'Blood pressure panel with all children optional'),
  systolic: loinc('8480-6', 'Systolic blood pressure'),
  diastolic: loinc('8462-4', 'Diastolic blood pressure'),
  weight: loinc('29463-7', 'Body weight'),
  height: loinc('8302-2', 'Body height'),
  temperature: loinc('8310-5', 'Body temperature'),
  glucose: loinc('2339-0', 'Glucose [Mass/volume] in Blood'),
} as const;

const category = (system: string, code: string, display: string): CodeableConcept => ({ coding: [{ system, code, display }] });
const OBSERVATION_CATEGORY = {
  vitalSigns: category(SYSTEMS.observationCategory, 'vital-signs', 'Vital Signs'),
  laboratory: category(SYSTEMS.observationCategory, 'laboratory', 'Laboratory'),
  exam: category(SYSTEMS.observationCategory, 'exam', 'Exam'),
  socialHistory: category(SYSTEMS.observationCategory, 'social-history', 'Social History'),
};
const ACTIVE = category(SYSTEMS.conditionClinical, 'active', 'Active');
const ENCOUNTER_DIAGNOSIS = category(SYSTEMS.conditionCategory, 'encounter-diagnosis', 'Encounter Diagnosis');
const PROBLEM_LIST_ITEM = category(SYSTEMS.conditionCategory, 'problem-list-item', 'Problem List Item');
const ATTENDER = category(SYSTEMS.participationType, 'ATND', 'attender');
const DISCHARGE_DIAGNOSIS = category(SYSTEMS.diagnosisRole, 'DD', 'Discharge diagnosis');

export const ENCOUNTER_CLASS: Record<'clinic' | 'home', Coding> = {
  clinic: { system: SYSTEMS.actCode, code: 'AMB', display: 'ambulatory' },
  home: { system: SYSTEMS.actCode, code: 'HH', display: 'home health' },
};

export type ScreeningMethod = 'iva' | 'pap_smear';
export type ScreeningResult = 'negative' | 'positive' | 'suspected_cancer' | 'inadequate';
export type ScreeningAction = 'none' | 'cryotherapy' | 'thermal_ablation' | 'referral' | 'repeat';

const SCREENING: Record<ScreeningMethod, { procedure: string; result: string; category: CodeableConcept }> = {
  // IVA is looked at by the health worker (an exam); a pap smear is read in a laboratory.
  iva: { procedure: 'Inspeksi Visual dengan Asam Asetat (IVA)', result: 'Hasil IVA', category: OBSERVATION_CATEGORY.exam },
  pap_smear: { procedure: 'Pemeriksaan pap smear', result: 'Hasil pap smear', category: OBSERVATION_CATEGORY.laboratory },
};

const interpretation = (code: string, display: string): CodeableConcept[] => [category(SYSTEMS.interpretation, code, display)];

/** The result as a coded value: SNOMED CT where the concept is certain, always the Indonesian text. */
export function screeningResultValue(
  method: ScreeningMethod,
  result: ScreeningResult,
): { value: CodeableConcept; interpretation?: CodeableConcept[] } {
  switch (result) {
    case 'negative':
      return { value: { coding: [snomed('260385009', 'Negative')], text: 'Negatif' }, interpretation: interpretation('NEG', 'Negative') };
    case 'positive':
      return { value: { coding: [snomed('10828004', 'Positive')], text: 'Positif' }, interpretation: interpretation('POS', 'Positive') };
    case 'suspected_cancer':
      // Suspected cancer is referred at once: a critical abnormal result.
      return { value: { text: 'Curiga kanker' }, interpretation: interpretation('AA', 'Critical abnormal') };
    case 'inadequate':
      // A smear can be unsatisfactory for evaluation; an IVA that could not be read has no such concept.
      return method === 'pap_smear'
        ? { value: { coding: [snomed('125154007', 'Specimen unsatisfactory for evaluation')], text: 'Tidak adekuat' } }
        : { value: { text: 'Tidak adekuat' } };
  }
}

/** The action taken after a screening, as a Procedure (none and repeat are no procedure). */
export const SCREENING_ACTION: Record<'cryotherapy' | 'thermal_ablation' | 'referral', CodeableConcept> = {
  cryotherapy: { coding: [snomed('26782000', 'Cryotherapy')], text: 'Krioterapi serviks' },
  thermal_ablation: { text: 'Ablasi termal serviks' },
  referral: { coding: [snomed('3457005', 'Patient referral')], text: 'Rujukan' },
};

// --- input: rows as the service reads them ---------------------------------------------------

export type FhirPersonInput = {
  id: string;
  nik: string;
  fullName: string;
  sex: 'M' | 'F';
  birthDate: string;
  diedOn: string | null;
  /** Kemendagri village code with dots, 34.71.01.1001. */
  villageCode: string;
  address: string;
  rt: string | null;
  rw: string | null;
  regencyName: string | null;
  provinceName: string | null;
};
export type FhirProfileInput = {
  pregnant: boolean;
  lastMenstrualPeriod: string | null;
  expectedDelivery: string | null;
  pregnancies: number | null;
  /** The day the profile was last written: when the pregnancy status was known. */
  recordedOn: string;
};
export type FhirConditionInput = { code: ConditionCode; note: string; since: string | null };
export type FhirEncounterInput = {
  id: string;
  place: 'home' | 'clinic';
  encounteredOn: string;
  complaint: string;
  workerName: string;
  systolic: number | null;
  diastolic: number | null;
  /** numeric columns as the database gives them: decimal strings. */
  weightKg: string | null;
  heightCm: string | null;
  temperatureC: string | null;
  glucoseMgDl: number | null;
  diagnoses: { code: string; rank: number }[];
};
export type FhirReferralInput = {
  id: string;
  encounterId: string;
  destinationKind: 'puskesmas' | 'hospital';
  destination: string;
  reason: string;
  referredOn: string;
  outcome: string | null;
  outcomeOn: string | null;
  workerName: string;
};
export type FhirScreeningInput = {
  id: string;
  method: ScreeningMethod;
  screenedOn: string;
  result: ScreeningResult;
  action: ScreeningAction;
  workerName: string;
};
export type FhirRecordInput = {
  person: FhirPersonInput;
  profile: FhirProfileInput | null;
  conditions: FhirConditionInput[];
  encounters: FhirEncounterInput[];
  referrals: FhirReferralInput[];
  screenings: FhirScreeningInput[];
  /** ICD-10 display names of the codes the curated list knows. */
  icd10Display: (code: string) => string | undefined;
};

// --- ids ------------------------------------------------------------------------------------

const FNV_OFFSET = 0x6c62272e07bb014262b821756295c58dn;
const FNV_PRIME = 0x0000000001000000000000000000013bn;
const MASK_128 = (1n << 128n) - 1n;

/**
 * The id of a resource that has no row of its own (a vital sign of an encounter, a chronic
 * condition): a UUIDv8 (RFC 9562, name-based by our own hash, FNV-1a 128) of its source id and
 * what it is, so the same record exports the same urns every time.
 */
export function derivedId(sourceId: string, what: string): string {
  let hash = FNV_OFFSET;
  for (const char of `${sourceId}/${what}`) {
    hash ^= BigInt(char.codePointAt(0) ?? 0);
    hash = (hash * FNV_PRIME) & MASK_128;
  }
  const hex = hash.toString(16).padStart(32, '0').split('');
  hex[12] = '8';
  hex[16] = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const urn = (id: string) => `urn:uuid:${id}`;
/** A practitioner by name, or nothing when the name is not known (FHIR has no empty strings). */
const named = (name: string): Reference[] => (name.trim() ? [{ display: name.trim() }] : []);
const ref = (id: string, display?: string): Reference => (display === undefined ? { reference: urn(id) } : { reference: urn(id), display });

// --- resources ------------------------------------------------------------------------------

/** 34.71.01.1001 → province 34, city 3471, district 347101, village 3471011001, as SATUSEHAT writes them. */
export function administrativeCode(villageCode: string, rt: string | null, rw: string | null): Extension | null {
  const match = /^(\d{2})\.(\d{2})\.(\d{2})\.(\d{4})$/.exec(villageCode);
  if (!match) return null;
  const [, p = '', c = '', d = '', v = ''] = match;
  const parts: Extension[] = [
    { url: 'province', valueCode: p },
    { url: 'city', valueCode: `${p}${c}` },
    { url: 'district', valueCode: `${p}${c}${d}` },
    { url: 'village', valueCode: `${p}${c}${d}${v}` },
  ];
  // RT and RW as numbers, "002" → "2", as in SATUSEHAT's own examples.
  if (rt) parts.push({ url: 'rt', valueCode: String(Number(rt)) });
  if (rw) parts.push({ url: 'rw', valueCode: String(Number(rw)) });
  return { url: SYSTEMS.administrativeCode, extension: parts };
}

export function patientOf(person: FhirPersonInput): Patient {
  const code = administrativeCode(person.villageCode, person.rt, person.rw);
  const address: Patient['address'][number] = { use: 'home', country: 'ID' };
  if (person.address.trim()) address.line = [person.address.trim()];
  if (person.regencyName) address.city = person.regencyName;
  if (person.provinceName) address.state = person.provinceName;
  if (code) address.extension = [code];
  return {
    resourceType: 'Patient',
    id: person.id,
    identifier: [{ use: 'official', system: SYSTEMS.nik, value: person.nik }],
    active: true,
    name: [{ use: 'official', text: person.fullName }],
    gender: person.sex === 'F' ? 'female' : 'male',
    birthDate: person.birthDate,
    ...(person.diedOn ? { deceasedDateTime: person.diedOn } : { deceasedBoolean: false }),
    address: [address],
  };
}

function chronicCondition(personId: string, patient: Reference, condition: FhirConditionInput): Condition {
  const coded = condition.code === 'lainnya' ? null : CHRONIC_ICD10[condition.code];
  const note = condition.note.trim();
  const code: CodeableConcept = coded
    ? { coding: [{ system: coded.system, code: coded.code, display: coded.display }], text: coded.text }
    : { text: note || 'Penyakit kronis lainnya' };
  return {
    resourceType: 'Condition',
    id: derivedId(personId, `condition/${condition.code}`),
    clinicalStatus: ACTIVE,
    category: [PROBLEM_LIST_ITEM],
    code,
    subject: patient,
    ...(condition.since ? { onsetDateTime: condition.since } : {}),
    ...(coded && note ? { note: [{ text: note }] } : {}),
  };
}

/** Pregnancy as the International Patient Summary writes it: a status with the expected delivery date as its member. */
function pregnancyObservations(personId: string, patient: Reference, profile: FhirProfileInput): Observation[] {
  const observations: Observation[] = [];
  const at = profile.recordedOn;
  const dated = (what: string, code: Coding, value: string): Observation => ({
    resourceType: 'Observation',
    id: derivedId(personId, what),
    status: 'final',
    category: [OBSERVATION_CATEGORY.socialHistory],
    code: { coding: [code] },
    subject: patient,
    effectiveDateTime: at,
    valueDateTime: value,
  });
  if (profile.pregnant) {
    const members: Observation[] = [];
    if (profile.expectedDelivery)
      members.push(dated('pregnancy/edd', loinc('11778-8', 'Delivery date Estimated'), profile.expectedDelivery));
    if (profile.lastMenstrualPeriod)
      members.push(dated('pregnancy/lmp', loinc('8665-2', 'Last menstrual period start date'), profile.lastMenstrualPeriod));
    observations.push({
      resourceType: 'Observation',
      id: derivedId(personId, 'pregnancy/status'),
      status: 'final',
      category: [OBSERVATION_CATEGORY.socialHistory],
      code: { coding: [loinc('82810-3', 'Pregnancy status')] },
      subject: patient,
      effectiveDateTime: at,
      valueCodeableConcept: { coding: [loinc('LA15173-0', 'Pregnant'), snomed('77386006', 'Pregnant')], text: 'Hamil' },
      ...(members.length > 0 ? { hasMember: members.map((m) => ref(m.id)) } : {}),
    });
    observations.push(...members);
  }
  if (profile.pregnancies !== null)
    observations.push({
      resourceType: 'Observation',
      id: derivedId(personId, 'pregnancy/count'),
      status: 'final',
      category: [OBSERVATION_CATEGORY.socialHistory],
      code: { coding: [loinc('11996-6', '[#] Pregnancies')] },
      subject: patient,
      effectiveDateTime: at,
      valueInteger: profile.pregnancies,
    });
  return observations;
}

function vitalsOf(encounter: FhirEncounterInput, patient: Reference): Observation[] {
  const base = (what: string, code: Coding, categoryOf: CodeableConcept) => ({
    resourceType: 'Observation' as const,
    id: derivedId(encounter.id, what),
    status: 'final' as const,
    category: [categoryOf],
    code: { coding: [code] },
    subject: patient,
    encounter: ref(encounter.id),
    effectiveDateTime: encounter.encounteredOn,
    ...(named(encounter.workerName).length > 0 ? { performer: named(encounter.workerName) } : {}),
  });
  const observations: Observation[] = [];
  if (encounter.systolic !== null || encounter.diastolic !== null) {
    const component: Observation['component'] = [];
    if (encounter.systolic !== null)
      component.push({ code: { coding: [VITALS.systolic] }, valueQuantity: ucum(encounter.systolic, 'mmHg', 'mm[Hg]') });
    if (encounter.diastolic !== null)
      component.push({ code: { coding: [VITALS.diastolic] }, valueQuantity: ucum(encounter.diastolic, 'mmHg', 'mm[Hg]') });
    observations.push({ ...base('vital/blood-pressure', VITALS.bloodPressure, OBSERVATION_CATEGORY.vitalSigns), component });
  }
  const quantities: [string, Coding, number | null, Quantity['unit'], Quantity['code'], CodeableConcept][] = [
    ['vital/weight', VITALS.weight, decimal(encounter.weightKg), 'kg', 'kg', OBSERVATION_CATEGORY.vitalSigns],
    ['vital/height', VITALS.height, decimal(encounter.heightCm), 'cm', 'cm', OBSERVATION_CATEGORY.vitalSigns],
    ['vital/temperature', VITALS.temperature, decimal(encounter.temperatureC), '°C', 'Cel', OBSERVATION_CATEGORY.vitalSigns],
    // Blood glucose is a (point-of-care) laboratory test, not a vital sign.
    ['lab/glucose', VITALS.glucose, encounter.glucoseMgDl, 'mg/dL', 'mg/dL', OBSERVATION_CATEGORY.laboratory],
  ];
  for (const [what, code, value, unit, unitCode, categoryOf] of quantities)
    if (value !== null) observations.push({ ...base(what, code, categoryOf), valueQuantity: ucum(value, unit, unitCode) });
  return observations;
}

/** A decimal column ("60.5") as the JSON number FHIR's decimal is; the database keeps one decimal place. */
function decimal(value: string | null): number | null {
  if (value === null) return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

function encounterResources(record: FhirRecordInput, encounter: FhirEncounterInput, patient: Reference): FhirResource[] {
  const diagnoses = [...encounter.diagnoses].sort((a, b) => a.rank - b.rank || a.code.localeCompare(b.code));
  const conditions: Condition[] = diagnoses.map((diagnosis) => {
    const display = record.icd10Display(diagnosis.code);
    return {
      resourceType: 'Condition',
      id: derivedId(encounter.id, `diagnosis/${diagnosis.code}`),
      clinicalStatus: ACTIVE,
      category: [ENCOUNTER_DIAGNOSIS],
      code: { coding: [{ system: SYSTEMS.icd10, code: diagnosis.code, ...(display ? { display } : {}) }] },
      subject: patient,
      encounter: ref(encounter.id),
      recordedDate: encounter.encounteredOn,
    };
  });
  const resource: Encounter = {
    resourceType: 'Encounter',
    id: encounter.id,
    status: 'finished',
    class: ENCOUNTER_CLASS[encounter.place],
    subject: patient,
    period: { start: encounter.encounteredOn, end: encounter.encounteredOn },
  };
  const participant = named(encounter.workerName).map((individual) => ({ type: [ATTENDER], individual }));
  if (participant.length > 0) resource.participant = participant;
  if (encounter.complaint.trim()) resource.reasonCode = [{ text: encounter.complaint.trim() }];
  if (conditions.length > 0)
    resource.diagnosis = conditions.map((condition, index) => ({
      condition: ref(condition.id),
      use: DISCHARGE_DIAGNOSIS,
      rank: diagnoses[index]?.rank ?? index + 1,
    }));
  const referrals = record.referrals.filter((r) => r.encounterId === encounter.id).map((r) => serviceRequestOf(r, patient));
  return [resource, ...conditions, ...vitalsOf(encounter, patient), ...referrals];
}

const DESTINATION_KIND = { puskesmas: 'puskesmas', hospital: 'rumah sakit' } as const;

/** A referral: active until its outcome is recorded, then completed with the outcome as a note. */
export function serviceRequestOf(referral: FhirReferralInput, patient: Reference): ServiceRequest {
  const request: ServiceRequest = {
    resourceType: 'ServiceRequest',
    id: referral.id,
    status: referral.outcome ? 'completed' : 'active',
    intent: 'order',
    code: { coding: [snomed('3457005', 'Patient referral')], text: `Rujukan ke ${DESTINATION_KIND[referral.destinationKind]}` },
    subject: patient,
    encounter: ref(referral.encounterId),
    authoredOn: referral.referredOn,
    performer: [{ display: referral.destination }],
  };
  const [requester] = named(referral.workerName);
  if (requester) request.requester = requester;
  if (referral.reason.trim()) request.reasonCode = [{ text: referral.reason.trim() }];
  if (referral.outcome) request.note = [{ text: referral.outcome, ...(referral.outcomeOn ? { time: referral.outcomeOn } : {}) }];
  return request;
}

function screeningResources(screening: FhirScreeningInput, patient: Reference): FhirResource[] {
  const method = SCREENING[screening.method];
  const performer = named(screening.workerName).map((actor) => ({ actor }));
  const procedure: Procedure = {
    resourceType: 'Procedure',
    id: screening.id,
    status: 'completed',
    code: { text: method.procedure },
    subject: patient,
    performedDateTime: screening.screenedOn,
    ...(performer.length > 0 ? { performer } : {}),
  };
  const { value, interpretation: flag } = screeningResultValue(screening.method, screening.result);
  const result: Observation = {
    resourceType: 'Observation',
    id: derivedId(screening.id, 'result'),
    status: 'final',
    category: [method.category],
    code: { text: method.result },
    subject: patient,
    partOf: [ref(screening.id)],
    effectiveDateTime: screening.screenedOn,
    ...(performer.length > 0 ? { performer: performer.map((p) => p.actor) } : {}),
    valueCodeableConcept: value,
    ...(flag ? { interpretation: flag } : {}),
  };
  const resources: FhirResource[] = [procedure, result];
  if (screening.action === 'cryotherapy' || screening.action === 'thermal_ablation' || screening.action === 'referral')
    resources.push({
      resourceType: 'Procedure',
      id: derivedId(screening.id, `action/${screening.action}`),
      status: 'completed',
      code: SCREENING_ACTION[screening.action],
      subject: patient,
      performedDateTime: screening.screenedOn,
      ...(performer.length > 0 ? { performer } : {}),
      partOf: [ref(screening.id)],
      reasonReference: [ref(result.id)],
    });
  return resources;
}

const byDateThenId =
  <T extends { id: string }>(date: (row: T) => string) =>
  (a: T, b: T) =>
    date(a).localeCompare(date(b)) || a.id.localeCompare(b.id);

/** The person's whole health record as one FHIR R4 `collection` Bundle. */
export function fhirBundle(record: FhirRecordInput, generatedAt: Date): Bundle {
  const { person } = record;
  const patient = ref(person.id, person.fullName);
  const resources: FhirResource[] = [
    patientOf(person),
    ...[...record.conditions].sort((a, b) => a.code.localeCompare(b.code)).map((c) => chronicCondition(person.id, patient, c)),
    ...(record.profile ? pregnancyObservations(person.id, patient, record.profile) : []),
    ...[...record.encounters].sort(byDateThenId((e) => e.encounteredOn)).flatMap((e) => encounterResources(record, e, patient)),
    ...[...record.screenings].sort(byDateThenId((s) => s.screenedOn)).flatMap((s) => screeningResources(s, patient)),
  ];
  const timestamp = generatedAt.toISOString();
  return {
    resourceType: 'Bundle',
    id: derivedId(person.id, `bundle/${timestamp}`),
    type: 'collection',
    timestamp,
    // A copy: the coded constants above are shared by many resources and must not be changed through one of them.
    entry: structuredClone(resources).map((resource): BundleEntry => ({ fullUrl: urn(resource.id), resource })),
  };
}
