import type { AnyRoute } from '../../http/route.ts';

/** Filled by the sessions work (see docs/health.md). */
export const sessionsRoutes: AnyRoute[] = [];
