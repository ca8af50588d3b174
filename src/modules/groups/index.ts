export { groupRoutes } from './groups.routes.ts';
export {
  addGroupMember,
  appointOfficers,
  formGroup,
  getGroup,
  householdIsActiveMember,
  listGroups,
  recordMeeting,
} from './groups.service.ts';
