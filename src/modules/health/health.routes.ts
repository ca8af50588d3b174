import { encountersRoutes } from './encounters.routes.ts';
import { fhirRoutes } from './fhir.routes.ts';
import { financeLinkRoutes } from './finance-link.routes.ts';
import { iksRoutes } from './iks.routes.ts';
import { illnessRoutes } from './illness.routes.ts';
import { profileRoutes } from './profile.routes.ts';
import { screeningRoutes } from './screening.routes.ts';
import { sessionsRoutes } from './sessions.routes.ts';

/** The health programme's routes, one file per capability. */
export const healthRoutes = [
  ...profileRoutes,
  ...iksRoutes,
  ...encountersRoutes,
  ...illnessRoutes,
  ...screeningRoutes,
  ...sessionsRoutes,
  ...financeLinkRoutes,
  ...fhirRoutes,
];
