export { groupRoutes } from './groups.routes.ts';
export {
  addGroupMember,
  appointOfficers,
  formGroup,
  getGroup,
  groupSummary,
  groupsForActor,
  groupsOfFacilitator,
  groupVisibleTo,
  householdIsActiveMember,
  listGroups,
  meetingOfGroup,
  meetingsByIds,
  personIsActiveMember,
  recordMeeting,
} from './groups.service.ts';
