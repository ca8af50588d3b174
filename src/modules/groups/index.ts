export { groupRoutes } from './groups.routes.ts';
export { addGroupMember, appointOfficers, formGroup, recordMeeting } from './groups.service.ts';
