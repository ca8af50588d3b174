import type { AnyRoute } from '../../http/route.ts';

/** Filled by the profile work (see docs/health.md). */
export const profileRoutes: AnyRoute[] = [];
