import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fhirCopyLacksAttender, validateFhir } from '../../testing/fhir-validation.ts';
import { administrativeCode, derivedId, type FhirRecordInput, fhirBundle } from './fhir.rules.ts';
import type { Bundle, FhirResource } from './fhir.schema.ts';

const PERSON = '0190a000-0000-7000-8000-000000000001';
const VISIT = '0190a000-0000-7000-8000-000000000010';
const HOME_VISIT = '0190a000-0000-7000-8000-000000000011';
const REFERRAL = '0190a000-0000-7000-8000-000000000020';
const OPEN_REFERRAL = '0190a000-0000-7000-8000-000000000021';
const IVA = '0190a000-0000-7000-8000-000000000030';
const PAP = '0190a000-0000-7000-8000-000000000031';
const IVA_NEGATIVE = '0190a000-0000-7000-8000-000000000032';
const AT = new Date('2025-04-01T02:00:00Z');

const bare = (): FhirRecordInput => ({
  person: {
    id: PERSON,
    nik: '3471014101800001',
    fullName: 'Siti Aminah',
    sex: 'F',
    birthDate: '1980-01-01',
    diedOn: null,
    villageCode: '34.71.01.1001',
    address: 'Jl. Kricak Kidul 12',
    rt: '002',
    rw: '010',
    regencyName: 'KOTA YOGYAKARTA',
    provinceName: 'DI YOGYAKARTA',
  },
  profile: null,
  conditions: [],
  encounters: [],
  referrals: [],
  screenings: [],
  icd10Display: () => undefined,
});

const rich = (): FhirRecordInput => ({
  ...bare(),
  profile: { pregnant: true, lastMenstrualPeriod: '2025-01-05', expectedDelivery: '2025-10-12', pregnancies: 3, recordedOn: '2025-03-01' },
  conditions: [
    { code: 'lainnya', note: 'Asma', since: null },
    { code: 'hipertensi', note: 'minum amlodipin', since: '2019-05-01' },
    { code: 'diabetes', note: '', since: null },
    { code: 'tb_paru', note: '', since: '2024-06-01' },
    { code: 'gangguan_jiwa', note: '', since: null },
  ],
  encounters: [
    {
      id: HOME_VISIT,
      place: 'home',
      encounteredOn: '2025-03-20',
      complaint: '',
      workerName: 'Bidan Ani Rahayu',
      systolic: null,
      diastolic: 80,
      weightKg: null,
      heightCm: null,
      temperatureC: null,
      glucoseMgDl: null,
      diagnoses: [],
    },
    {
      id: VISIT,
      place: 'clinic',
      encounteredOn: '2025-03-01',
      complaint: 'Pusing dan tengkuk berat',
      workerName: 'dr. Rina Wulandari',
      systolic: 150,
      diastolic: 95,
      weightKg: '60.5',
      heightCm: '155.0',
      temperatureC: '36.8',
      glucoseMgDl: 110,
      diagnoses: [
        { code: 'R51', rank: 2 },
        { code: 'I10', rank: 1 },
      ],
    },
  ],
  referrals: [
    {
      id: REFERRAL,
      encounterId: VISIT,
      destinationKind: 'hospital',
      destination: 'RSUD Kota Yogyakarta',
      reason: 'Hipertensi tidak terkontrol',
      referredOn: '2025-03-01',
      outcome: 'Dirawat jalan, obat disesuaikan',
      outcomeOn: '2025-03-10',
      workerName: 'dr. Rina Wulandari',
    },
    {
      id: OPEN_REFERRAL,
      encounterId: HOME_VISIT,
      destinationKind: 'puskesmas',
      destination: 'Puskesmas Tegalrejo',
      reason: 'Pemeriksaan kehamilan',
      referredOn: '2025-03-20',
      outcome: null,
      outcomeOn: null,
      workerName: 'Bidan Ani Rahayu',
    },
  ],
  screenings: [
    { id: PAP, method: 'pap_smear', screenedOn: '2025-02-02', result: 'inadequate', action: 'repeat', workerName: 'Bidan Ani Rahayu' },
    { id: IVA, method: 'iva', screenedOn: '2025-02-01', result: 'positive', action: 'cryotherapy', workerName: 'Bidan Ani Rahayu' },
    { id: IVA_NEGATIVE, method: 'iva', screenedOn: '2022-02-01', result: 'negative', action: 'none', workerName: 'Bidan Ani Rahayu' },
  ],
  icd10Display: (code) => ({ I10: 'Essential (primary) hypertension' })[code],
});

const resources = (bundle: Bundle) => bundle.entry.map((e) => e.resource);
const byId = (bundle: Bundle, id: string) => resources(bundle).find((r) => r.id === id) as FhirResource & Record<string, any>;
const ofType = (bundle: Bundle, type: FhirResource['resourceType']) => resources(bundle).filter((r) => r.resourceType === type) as any[];

/** Every `reference` anywhere in the resource. */
function referencesIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(referencesIn);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) =>
      key === 'reference' && typeof inner === 'string' ? [inner] : referencesIn(inner),
    );
  return [];
}

describe('FHIR R4 bundle of a health record', () => {
  it('is valid FHIR R4 with neither error nor warning for a rich record', () => {
    const bundle = fhirBundle(rich(), AT);
    const result = validateFhir(bundle);
    expect(result.problems).toEqual([]);
    expect(result.valid).toBe(true);
    expect(resources(bundle).map((r) => r.resourceType)).toEqual([
      'Patient',
      ...Array(5).fill('Condition'),
      ...Array(4).fill('Observation'), // pregnancy status, EDD, LMP, pregnancies
      'Encounter', // 1 March, clinic
      'Condition',
      'Condition',
      ...Array(5).fill('Observation'), // blood pressure, weight, height, temperature, glucose
      'ServiceRequest',
      'Encounter', // 20 March, home
      'Observation',
      'ServiceRequest',
      'Procedure', // 2022 IVA, negative
      'Observation',
      'Procedure', // 2025 IVA, positive, with cryotherapy
      'Observation',
      'Procedure',
      'Procedure', // pap smear, inadequate, repeat (no procedure of its own)
      'Observation',
    ]);
  });

  it('is valid for a person with no health record: the Patient alone', () => {
    const bundle = fhirBundle(bare(), AT);
    expect(validateFhir(bundle)).toEqual({ valid: true, problems: [] });
    expect(bundle).toEqual({
      resourceType: 'Bundle',
      id: derivedId(PERSON, 'bundle/2025-04-01T02:00:00.000Z'),
      type: 'collection',
      timestamp: '2025-04-01T02:00:00.000Z',
      entry: [
        {
          fullUrl: `urn:uuid:${PERSON}`,
          resource: {
            resourceType: 'Patient',
            id: PERSON,
            identifier: [{ use: 'official', system: 'https://fhir.kemkes.go.id/id/nik', value: '3471014101800001' }],
            active: true,
            name: [{ use: 'official', text: 'Siti Aminah' }],
            gender: 'female',
            birthDate: '1980-01-01',
            deceasedBoolean: false,
            address: [
              {
                use: 'home',
                line: ['Jl. Kricak Kidul 12'],
                city: 'KOTA YOGYAKARTA',
                state: 'DI YOGYAKARTA',
                country: 'ID',
                extension: [
                  {
                    url: 'https://fhir.kemkes.go.id/r4/StructureDefinition/administrativeCode',
                    extension: [
                      { url: 'province', valueCode: '34' },
                      { url: 'city', valueCode: '3471' },
                      { url: 'district', valueCode: '347101' },
                      { url: 'village', valueCode: '3471011001' },
                      { url: 'rt', valueCode: '2' },
                      { url: 'rw', valueCode: '10' },
                    ],
                  },
                ],
              },
            ],
          },
        },
      ],
    });
  });

  it('is caught by the validator when a mapping breaks: a gender, a date, a missing status', () => {
    const bundle = fhirBundle(rich(), AT);
    const patient = bundle.entry[0]?.resource as any;
    patient.gender = 'F';
    byId(bundle, REFERRAL).authoredOn = 'kemarin';
    const procedure = byId(bundle, IVA);
    delete procedure.status;
    const result = validateFhir(bundle);
    expect(result.valid).toBe(false);
    expect(result.problems.map((m) => [m.severity, m.location, m.message])).toEqual([
      ['error', 'Patient.gender', 'Code "F" not found in value set'],
      ['error', 'ServiceRequest.authoredOn', 'Invalid dateTime format for value "kemarin"'],
      ['error', 'Procedure.status', 'Missing property'],
    ]);
  });

  it('writes every date as FHIR does (YYYY-MM-DD, the timestamp an instant): FHIR.js’s own date patterns are not anchored', () => {
    const bundle = fhirBundle(rich(), AT);
    const dates: [string, string][] = [];
    const walk = (value: unknown, key: string) => {
      if (Array.isArray(value)) for (const inner of value) walk(inner, key);
      else if (value && typeof value === 'object') for (const [k, inner] of Object.entries(value)) walk(inner, k);
      else if (/(Date|DateTime|On|^start|^end|^time)$/.test(key)) dates.push([key, String(value)]);
    };
    walk(bundle.entry, '');
    expect(dates.length).toBeGreaterThan(25);
    for (const [key, value] of dates) expect(`${key}=${value}`).toMatch(/=\d{4}-\d{2}-\d{2}$/);
    expect(bundle.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('accepts ATND without a lookup only because FHIR.js cannot expand that value set', () => {
    expect(fhirCopyLacksAttender()).toBe(true);
  });

  it('gives each entry a unique urn:uuid fullUrl, and every reference points at one of them', () => {
    const bundle = fhirBundle(rich(), AT);
    const urls = bundle.entry.map((e) => e.fullUrl);
    expect(new Set(urls).size).toBe(urls.length);
    for (const entry of bundle.entry) {
      expect(entry.fullUrl).toBe(`urn:uuid:${entry.resource.id}`);
      expect(entry.fullUrl).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
    const references = bundle.entry.flatMap((e) => referencesIn(e.resource));
    expect(references.length).toBeGreaterThan(20);
    for (const reference of references) expect(urls).toContain(reference);
    // The same record exports the same urns.
    expect(fhirBundle(rich(), AT).entry.map((e) => e.fullUrl)).toEqual(urls);
  });

  it('writes a clinic visit as AMB and a home visit as HH, with the practitioner by name and the diagnoses by rank', () => {
    const bundle = fhirBundle(rich(), AT);
    const clinic = byId(bundle, VISIT);
    expect(clinic).toEqual({
      resourceType: 'Encounter',
      id: VISIT,
      status: 'finished',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'ambulatory' },
      subject: { reference: `urn:uuid:${PERSON}`, display: 'Siti Aminah' },
      participant: [
        {
          type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'ATND', display: 'attender' }] }],
          individual: { display: 'dr. Rina Wulandari' },
        },
      ],
      period: { start: '2025-03-01', end: '2025-03-01' },
      reasonCode: [{ text: 'Pusing dan tengkuk berat' }],
      diagnosis: [
        {
          condition: { reference: `urn:uuid:${derivedId(VISIT, 'diagnosis/I10')}` },
          use: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/diagnosis-role', code: 'DD', display: 'Discharge diagnosis' }] },
          rank: 1,
        },
        {
          condition: { reference: `urn:uuid:${derivedId(VISIT, 'diagnosis/R51')}` },
          use: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/diagnosis-role', code: 'DD', display: 'Discharge diagnosis' }] },
          rank: 2,
        },
      ],
    });
    expect(byId(bundle, HOME_VISIT).class.code).toBe('HH');
    expect(byId(bundle, HOME_VISIT).reasonCode).toBeUndefined();
    expect(byId(bundle, derivedId(VISIT, 'diagnosis/I10'))).toEqual({
      resourceType: 'Condition',
      id: derivedId(VISIT, 'diagnosis/I10'),
      clinicalStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active', display: 'Active' }],
      },
      category: [
        {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/condition-category',
              code: 'encounter-diagnosis',
              display: 'Encounter Diagnosis',
            },
          ],
        },
      ],
      code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'I10', display: 'Essential (primary) hypertension' }] },
      subject: { reference: `urn:uuid:${PERSON}`, display: 'Siti Aminah' },
      encounter: { reference: `urn:uuid:${VISIT}` },
      recordedDate: '2025-03-01',
    });
    // A code the curated list does not name goes without a display rather than with a wrong one.
    expect(byId(bundle, derivedId(VISIT, 'diagnosis/R51')).code).toEqual({
      coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'R51' }],
    });
  });

  it('writes the vital signs in LOINC with UCUM units: blood pressure as a panel, glucose as a laboratory result', () => {
    const bundle = fhirBundle(rich(), AT);
    const observations = ofType(bundle, 'Observation').filter((o) => o.encounter?.reference === `urn:uuid:${VISIT}`);
    const summary = observations.map((o) => [
      o.category[0].coding[0].code,
      o.code.coding[0].code,
      o.valueQuantity
        ? [o.valueQuantity.value, o.valueQuantity.code]
        : o.component.map((c: any) => [c.code.coding[0].code, c.valueQuantity.value]),
    ]);
    expect(summary).toEqual([
      [
        'vital-signs',
        '85354-9',
        [
          ['8480-6', 150],
          ['8462-4', 95],
        ],
      ],
      ['vital-signs', '29463-7', [60.5, 'kg']],
      ['vital-signs', '8302-2', [155, 'cm']],
      ['vital-signs', '8310-5', [36.8, 'Cel']],
      ['laboratory', '2339-0', [110, 'mg/dL']],
    ]);
    expect(observations[0].component[0].valueQuantity).toEqual({
      value: 150,
      unit: 'mmHg',
      system: 'http://unitsofmeasure.org',
      code: 'mm[Hg]',
    });
    expect(observations[0].performer).toEqual([{ display: 'dr. Rina Wulandari' }]);
    expect(observations[0].effectiveDateTime).toBe('2025-03-01');
    // Only what was measured: the home visit took the diastolic pressure alone.
    const home = ofType(bundle, 'Observation').filter((o) => o.encounter?.reference === `urn:uuid:${HOME_VISIT}`);
    expect(home.map((o) => o.component.map((c: any) => [c.code.coding[0].code, c.valueQuantity.value]))).toEqual([[['8462-4', 80]]]);
  });

  it('writes the chronic conditions as problem-list items in ICD-10 that claim no more than was recorded', () => {
    const bundle = fhirBundle(rich(), AT);
    const problems = ofType(bundle, 'Condition').filter((c) => c.category[0].coding[0].code === 'problem-list-item');
    expect(
      problems.map((c) => [c.code.coding?.[0]?.code ?? null, c.code.text, c.onsetDateTime ?? null, c.note?.[0]?.text ?? null]),
    ).toEqual([
      ['E14.9', 'Diabetes melitus', null, null],
      ['F29', 'Gangguan jiwa berat', null, null],
      ['I10', 'Hipertensi', '2019-05-01', 'minum amlodipin'],
      [null, 'Asma', null, null],
      ['A16.2', 'TB paru', '2024-06-01', null],
    ]);
    expect(problems.every((c) => c.clinicalStatus.coding[0].code === 'active' && c.encounter === undefined)).toBe(true);
  });

  it('writes a pregnancy as the IPS does: the status with the expected delivery and last period as its members', () => {
    const bundle = fhirBundle(rich(), AT);
    const status = byId(bundle, derivedId(PERSON, 'pregnancy/status'));
    expect(status.code.coding).toEqual([{ system: 'http://loinc.org', code: '82810-3', display: 'Pregnancy status' }]);
    expect(status.valueCodeableConcept.coding.map((c: any) => c.code)).toEqual(['LA15173-0', '77386006']);
    expect(status.hasMember).toEqual([
      { reference: `urn:uuid:${derivedId(PERSON, 'pregnancy/edd')}` },
      { reference: `urn:uuid:${derivedId(PERSON, 'pregnancy/lmp')}` },
    ]);
    expect(byId(bundle, derivedId(PERSON, 'pregnancy/edd')).valueDateTime).toBe('2025-10-12');
    expect(byId(bundle, derivedId(PERSON, 'pregnancy/lmp')).valueDateTime).toBe('2025-01-05');
    expect(byId(bundle, derivedId(PERSON, 'pregnancy/count')).valueInteger).toBe(3);
    // Not pregnant: no status, but the number of pregnancies stays.
    const notPregnant = fhirBundle(
      {
        ...rich(),
        profile: { pregnant: false, lastMenstrualPeriod: null, expectedDelivery: null, pregnancies: 2, recordedOn: '2025-03-01' },
      },
      AT,
    );
    expect(ofType(notPregnant, 'Observation').filter((o) => o.code.coding?.[0]?.code === '82810-3')).toEqual([]);
    expect(byId(notPregnant, derivedId(PERSON, 'pregnancy/count')).valueInteger).toBe(2);
  });

  it('writes a referral as a ServiceRequest: active until its outcome, then completed with the outcome', () => {
    const bundle = fhirBundle(rich(), AT);
    expect(byId(bundle, REFERRAL)).toEqual({
      resourceType: 'ServiceRequest',
      id: REFERRAL,
      status: 'completed',
      intent: 'order',
      code: {
        coding: [{ system: 'http://snomed.info/sct', code: '3457005', display: 'Patient referral' }],
        text: 'Rujukan ke rumah sakit',
      },
      subject: { reference: `urn:uuid:${PERSON}`, display: 'Siti Aminah' },
      encounter: { reference: `urn:uuid:${VISIT}` },
      authoredOn: '2025-03-01',
      requester: { display: 'dr. Rina Wulandari' },
      performer: [{ display: 'RSUD Kota Yogyakarta' }],
      reasonCode: [{ text: 'Hipertensi tidak terkontrol' }],
      note: [{ text: 'Dirawat jalan, obat disesuaikan', time: '2025-03-10' }],
    });
    const open = byId(bundle, OPEN_REFERRAL);
    expect([open.status, open.code.text, open.note]).toEqual(['active', 'Rujukan ke puskesmas', undefined]);
  });

  it('writes a screening as its procedure and a coded result, and the action taken as a procedure of its own', () => {
    const bundle = fhirBundle(rich(), AT);
    expect(byId(bundle, IVA)).toEqual({
      resourceType: 'Procedure',
      id: IVA,
      status: 'completed',
      code: { text: 'Inspeksi Visual dengan Asam Asetat (IVA)' },
      subject: { reference: `urn:uuid:${PERSON}`, display: 'Siti Aminah' },
      performedDateTime: '2025-02-01',
      performer: [{ actor: { display: 'Bidan Ani Rahayu' } }],
    });
    const result = byId(bundle, derivedId(IVA, 'result'));
    expect([
      result.category[0].coding[0].code,
      result.code.text,
      result.valueCodeableConcept,
      result.interpretation[0].coding[0].code,
      result.partOf,
    ]).toEqual([
      'exam',
      'Hasil IVA',
      { coding: [{ system: 'http://snomed.info/sct', code: '10828004', display: 'Positive' }], text: 'Positif' },
      'POS',
      [{ reference: `urn:uuid:${IVA}` }],
    ]);
    const cryotherapy = byId(bundle, derivedId(IVA, 'action/cryotherapy'));
    expect([cryotherapy.code, cryotherapy.partOf, cryotherapy.reasonReference]).toEqual([
      { coding: [{ system: 'http://snomed.info/sct', code: '26782000', display: 'Cryotherapy' }], text: 'Krioterapi serviks' },
      [{ reference: `urn:uuid:${IVA}` }],
      [{ reference: `urn:uuid:${result.id}` }],
    ]);
    const negative = byId(bundle, derivedId(IVA_NEGATIVE, 'result'));
    expect([negative.valueCodeableConcept.coding[0].code, negative.interpretation[0].coding[0].code]).toEqual(['260385009', 'NEG']);
    const pap = byId(bundle, derivedId(PAP, 'result'));
    expect([pap.category[0].coding[0].code, pap.valueCodeableConcept, pap.interpretation]).toEqual([
      'laboratory',
      {
        coding: [{ system: 'http://snomed.info/sct', code: '125154007', display: 'Specimen unsatisfactory for evaluation' }],
        text: 'Tidak adekuat',
      },
      undefined,
    ]);
    // Neither "none" nor "repeat" is a procedure.
    expect(ofType(bundle, 'Procedure').map((p) => p.code.text)).toEqual([
      'Inspeksi Visual dengan Asam Asetat (IVA)',
      'Inspeksi Visual dengan Asam Asetat (IVA)',
      'Krioterapi serviks',
      'Pemeriksaan pap smear',
    ]);
  });

  it('writes suspected cancer as a critical abnormal result, a referral after screening as a referral procedure; both valid', () => {
    const record = {
      ...bare(),
      screenings: [
        {
          id: IVA,
          method: 'iva' as const,
          screenedOn: '2025-02-01',
          result: 'suspected_cancer' as const,
          action: 'referral' as const,
          workerName: 'Bidan Ani',
        },
      ],
    };
    const bundle = fhirBundle(record, AT);
    expect(validateFhir(bundle).problems).toEqual([]);
    const result = byId(bundle, derivedId(IVA, 'result'));
    expect([result.valueCodeableConcept, result.interpretation[0].coding[0].code]).toEqual([{ text: 'Curiga kanker' }, 'AA']);
    expect(byId(bundle, derivedId(IVA, 'action/referral')).code.coding[0].code).toBe('3457005');
  });

  it('writes a death as deceasedDateTime, and leaves out an address part not known', () => {
    const record = bare();
    record.person = {
      ...record.person,
      diedOn: '2025-02-14',
      address: ' ',
      rt: null,
      rw: null,
      regencyName: null,
      provinceName: null,
      sex: 'M',
    };
    const patient = fhirBundle(record, AT).entry[0]?.resource as any;
    expect([patient.gender, patient.deceasedDateTime, patient.deceasedBoolean]).toEqual(['male', '2025-02-14', undefined]);
    expect(patient.address).toEqual([
      {
        use: 'home',
        country: 'ID',
        extension: [
          {
            url: 'https://fhir.kemkes.go.id/r4/StructureDefinition/administrativeCode',
            extension: [
              { url: 'province', valueCode: '34' },
              { url: 'city', valueCode: '3471' },
              { url: 'district', valueCode: '347101' },
              { url: 'village', valueCode: '3471011001' },
            ],
          },
        ],
      },
    ]);
    expect(validateFhir(fhirBundle(record, AT)).problems).toEqual([]);
    expect(administrativeCode('34.71', null, null)).toBeNull();
  });

  it('leaves the practitioner out when their name is not known, rather than write an empty one', () => {
    const record = rich();
    record.encounters = record.encounters.map((e) => ({ ...e, workerName: ' ' }));
    record.referrals = record.referrals.map((r) => ({ ...r, workerName: '' }));
    record.screenings = record.screenings.map((s) => ({ ...s, workerName: '' }));
    const bundle = fhirBundle(record, AT);
    expect(validateFhir(bundle).problems).toEqual([]);
    expect([byId(bundle, VISIT).participant, byId(bundle, REFERRAL).requester, byId(bundle, IVA).performer]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(JSON.stringify(bundle)).not.toMatch(/"display":""|\[\]/);
  });

  it('derives stable UUIDv8 ids: the same input the same id, another input another id', () => {
    expect(derivedId(VISIT, 'vital/weight')).toBe(derivedId(VISIT, 'vital/weight'));
    expect(derivedId(VISIT, 'vital/weight')).not.toBe(derivedId(VISIT, 'vital/height'));
    fc.assert(
      fc.property(fc.uuid(), fc.string(), fc.string(), (source, a, b) => {
        const id = derivedId(source, a);
        expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        if (a !== b) expect(derivedId(source, b)).not.toBe(id);
      }),
    );
  });
});
