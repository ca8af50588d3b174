export { groupRoutes } from './groups.routes.ts';
export {
  addGroupMember,
  appointOfficers,
  formGroup,
  getGroup,
  groupVisibleTo,
  householdIsActiveMember,
  listGroups,
  recordMeeting,
} from './groups.service.ts';
