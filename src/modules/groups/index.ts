export { groupRoutes } from './groups.routes.ts';
export { addGroupMember, appointOfficers, formGroup, getGroup, recordMeeting } from './groups.service.ts';
