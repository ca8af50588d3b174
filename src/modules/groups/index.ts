export { groupRoutes } from './groups.routes.ts';
export {
  addGroupMember,
  appointOfficers,
  formGroup,
  getGroup,
  groupsOfFacilitator,
  groupVisibleTo,
  householdIsActiveMember,
  listGroups,
  personIsActiveMember,
  recordMeeting,
} from './groups.service.ts';
