import type { AnyRoute } from '../../http/route.ts';

/** Filled by the fhir work (see docs/health.md). */
export const fhirRoutes: AnyRoute[] = [];
