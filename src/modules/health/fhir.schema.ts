import { z } from 'zod';

/**
 * The FHIR R4 shapes the exchange writes: only the elements Jaring fills, as plain JSON types
 * (the full R4 definitions are checked in the tests by FHIR.js against the R4 structure definitions).
 */

export const personIdParamsSchema = z.strictObject({ id: z.uuid() });

export type Coding = { system: string; code: string; display?: string };
export type CodeableConcept = { coding?: Coding[]; text?: string };
/** A reference inside the Bundle (`urn:uuid:…`), or a display only (a practitioner, a destination with no FHIR id). */
export type Reference = { reference?: string; display?: string };
export type Quantity = { value: number; unit: string; system: string; code: string };
export type Extension = { url: string; valueCode?: string; extension?: Extension[] };
export type Annotation = { text: string; time?: string };

export type Patient = {
  resourceType: 'Patient';
  id: string;
  identifier: { use: 'official'; system: string; value: string }[];
  active: boolean;
  name: { use: 'official'; text: string }[];
  gender: 'male' | 'female';
  birthDate: string;
  deceasedBoolean?: boolean;
  deceasedDateTime?: string;
  address: {
    use: 'home';
    line?: string[];
    city?: string;
    state?: string;
    country: 'ID';
    extension?: Extension[];
  }[];
};

export type Encounter = {
  resourceType: 'Encounter';
  id: string;
  status: 'finished';
  class: Coding;
  subject: Reference;
  participant?: { type: CodeableConcept[]; individual: Reference }[];
  period: { start: string; end: string };
  reasonCode?: CodeableConcept[];
  diagnosis?: { condition: Reference; use: CodeableConcept; rank: number }[];
};

export type Condition = {
  resourceType: 'Condition';
  id: string;
  clinicalStatus: CodeableConcept;
  category: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
  encounter?: Reference;
  onsetDateTime?: string;
  recordedDate?: string;
  note?: Annotation[];
};

export type ObservationComponent = { code: CodeableConcept; valueQuantity: Quantity };
export type Observation = {
  resourceType: 'Observation';
  id: string;
  status: 'final';
  category: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
  encounter?: Reference;
  partOf?: Reference[];
  hasMember?: Reference[];
  effectiveDateTime?: string;
  performer?: Reference[];
  valueQuantity?: Quantity;
  valueCodeableConcept?: CodeableConcept;
  valueDateTime?: string;
  valueInteger?: number;
  interpretation?: CodeableConcept[];
  component?: ObservationComponent[];
};

export type Procedure = {
  resourceType: 'Procedure';
  id: string;
  status: 'completed';
  code: CodeableConcept;
  subject: Reference;
  performedDateTime: string;
  performer?: { actor: Reference }[];
  partOf?: Reference[];
  reasonReference?: Reference[];
};

export type ServiceRequest = {
  resourceType: 'ServiceRequest';
  id: string;
  status: 'active' | 'completed';
  intent: 'order';
  code: CodeableConcept;
  subject: Reference;
  encounter?: Reference;
  authoredOn: string;
  requester?: Reference;
  performer: Reference[];
  reasonCode?: CodeableConcept[];
  note?: Annotation[];
};

export type FhirResource = Patient | Encounter | Condition | Observation | Procedure | ServiceRequest;
export type BundleEntry = { fullUrl: string; resource: FhirResource };
export type Bundle = { resourceType: 'Bundle'; id: string; type: 'collection'; timestamp: string; entry: BundleEntry[] };
