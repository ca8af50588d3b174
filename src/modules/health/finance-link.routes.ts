import type { AnyRoute } from '../../http/route.ts';

/** Filled by the finance-link work (see docs/health.md). */
export const financeLinkRoutes: AnyRoute[] = [];
