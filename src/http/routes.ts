import { aidRoutes, cycleRoutes, paymentRoutes, rolloutRoutes } from '../modules/aid/index.ts';
import { auditRoutes } from '../modules/audit/index.ts';
import { cadreRoutes } from '../modules/cadres/index.ts';
import { contributionRoutes } from '../modules/contributions/index.ts';
import { dashboardRoutes } from '../modules/dashboards/index.ts';
import { drawerReportRoutes } from '../modules/drawer-report/index.ts';
import { financingRoutes } from '../modules/financing/index.ts';
import { groupRoutes } from '../modules/groups/index.ts';
import { healthRoutes } from '../modules/health/index.ts';
import { homeRoutes } from '../modules/home/index.ts';
import { identityRoutes } from '../modules/identity/index.ts';
import { jknRoutes } from '../modules/jkn/index.ts';
import { ledgerRoutes } from '../modules/ledger/index.ts';
import { organisationRoutes } from '../modules/organisation/index.ts';
import { partnershipRoutes } from '../modules/partnerships/index.ts';
import { regionRoutes } from '../modules/regions/index.ts';
import { registryRoutes } from '../modules/registry/index.ts';
import { reminderRoutes } from '../modules/reminders/index.ts';
import { savingsRoutes } from '../modules/savings/index.ts';
import { searchRoutes } from '../modules/search/index.ts';
import { setupRoutes } from '../modules/setup/index.ts';
import { syncRoutes } from '../modules/sync/index.ts';
import { timelineRoutes } from '../modules/timeline/index.ts';
import { usepRoutes } from '../modules/usep/index.ts';
import type { AnyRoute } from './route.ts';

/** Every /api/v1 route; the authorization matrix test walks this list. */
export function allRoutes(): AnyRoute[] {
  return [
    ...setupRoutes,
    ...identityRoutes,
    ...organisationRoutes,
    ...regionRoutes,
    ...auditRoutes,
    ...registryRoutes,
    ...groupRoutes,
    ...jknRoutes,
    ...financingRoutes,
    ...cadreRoutes,
    ...ledgerRoutes,
    ...drawerReportRoutes,
    ...contributionRoutes,
    ...syncRoutes,
    ...savingsRoutes,
    ...healthRoutes,
    ...aidRoutes,
    ...cycleRoutes,
    ...paymentRoutes,
    ...rolloutRoutes,
    ...partnershipRoutes,
    ...usepRoutes,
    ...homeRoutes,
    ...searchRoutes,
    ...timelineRoutes,
    ...reminderRoutes,
    ...dashboardRoutes,
  ];
}
