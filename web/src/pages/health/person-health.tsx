import { FhirDownload } from './fhir-download.tsx';
import { PersonEncounters } from './person-encounters.tsx';
import { PersonHealthProfile } from './person-health-profile.tsx';
import { PersonScreenings } from './person-screenings.tsx';

/** The health part of a person's page: profile, encounters and illness, screenings and sessions. Each part decides what the role may see. */
export function PersonHealth({ personId }: { personId: string }) {
  return (
    <>
      <PersonHealthProfile personId={personId} />
      <PersonEncounters personId={personId} />
      <PersonScreenings personId={personId} />
      <FhirDownload personId={personId} />
    </>
  );
}
