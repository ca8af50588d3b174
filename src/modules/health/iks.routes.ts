import type { AnyRoute } from '../../http/route.ts';

/** Filled by the iks work (see docs/health.md). */
export const iksRoutes: AnyRoute[] = [];
