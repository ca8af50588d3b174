export { dashboardRoutes } from './dashboards.routes.ts';
export { refreshDashboards } from './dashboards.service.ts';
