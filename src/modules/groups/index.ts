export { groupRoutes } from './groups.routes.ts';
export { addGroupMember, appointOfficers, formGroup, getGroup, listGroups, recordMeeting } from './groups.service.ts';
export { householdIsActiveMember } from './groups.store.ts';
