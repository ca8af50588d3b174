export { drawerReportRoutes } from './drawer-report.routes.ts';
