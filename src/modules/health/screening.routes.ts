import type { AnyRoute } from '../../http/route.ts';

/** Filled by the screening work (see docs/health.md). */
export const screeningRoutes: AnyRoute[] = [];
