import { Fhir } from 'fhir';
import type { ValidatorMessage } from 'fhir/validator.js';
import { EXTERNAL_TERMINOLOGIES, SYSTEMS } from '../modules/health/fhir.rules.ts';

const fhir = new Fhir();

/**
 * Codes FHIR.js cannot look up, accepted without a lookup (every other code is checked against
 * the R4 value sets it carries, and every element against the R4 structure definitions):
 * - codes of the external terminologies it has no copy of (ICD-10, LOINC, SNOMED CT, UCUM), and of
 *   value sets it has not loaded (it says so itself, as information);
 * - ATND in encounter-participant-type: that value set includes "v3-ParticipationType is-a PART",
 *   a filter FHIR.js does not expand, so its copy holds only SPRF, PPRF and PART
 *   (`fhirCopyLacksAttender` keeps this exception honest).
 */
function acceptedWithoutLookup(valueSetUrl: string, code: string, system?: string): boolean {
  if (!fhir.parser.parsedValueSets[valueSetUrl]) return true;
  if (system && EXTERNAL_TERMINOLOGIES.includes(system)) return true;
  return (
    valueSetUrl === 'http://hl7.org/fhir/ValueSet/encounter-participant-type' && system === SYSTEMS.participationType && code === 'ATND'
  );
}

export function fhirCopyLacksAttender(): boolean {
  const valueSet = fhir.parser.parsedValueSets['http://hl7.org/fhir/ValueSet/encounter-participant-type'];
  const v3 = valueSet?.systems.find((s: { uri: string }) => s.uri === SYSTEMS.participationType);
  return v3 !== undefined && !v3.codes.some((c: { code: string }) => c.code === 'ATND');
}

/** FHIR.js (the maintained FHIR library) validating against the R4 definitions: the messages that are not information. */
export function validateFhir(resource: unknown): { valid: boolean; problems: ValidatorMessage[] } {
  const result = fhir.validate(resource as object, { beforeCheckCode: acceptedWithoutLookup });
  return { valid: result.valid, problems: result.messages.filter((m) => m.severity !== 'info') };
}
