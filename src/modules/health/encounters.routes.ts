import type { AnyRoute } from '../../http/route.ts';

/** Filled by the encounters work (see docs/health.md). */
export const encountersRoutes: AnyRoute[] = [];
