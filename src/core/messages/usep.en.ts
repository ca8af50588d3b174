/** Texts of USEP KM (seed 002), en: the chain stimulus, the group report and its chain, businesses and coaching. */
export const usepEn = {
  'usep.amount_positive': 'The amount must be more than zero rupiah.',
  'usep.not_a_stimulus_fund': 'Fund {{code}} is unknown or not a stimulus fund.',
  'usep.group_unknown': 'Unknown group.',
  'usep.group_fund_missing': 'This group has no revolving fund yet; create it first (kind group revolving fund).',
  'usep.fund_offices_differ': 'Revolving fund {{fund}} is kept at another office than the stimulus fund.',
  'usep.stimulus_insufficient': 'The stimulus fund lacks cash: {{available, rupiah}} available, {{needed, rupiah}} needed.',
  'usep.meeting_not_of_group': 'That musyawarah is not one of this group.',
  'usep.before_musyawarah': 'The application cannot be dated before the musyawarah ({{heldOn}}).',
  'usep.recipient_twice': 'This member is already named in the same decision.',
  'usep.pot_exceeded': "Cannot pass on more than the group's pot holds: {{available, rupiah}} available, {{requested, rupiah}} decided.",
  'usep.period_reversed': 'The period ends before it starts.',
  'usep.report_frozen': 'The report has been submitted ({{status}}) and cannot change; make the change as a new version.',
  'usep.report_wrong_status': 'The report is {{status}}; this step cannot be taken now.',
  'usep.report_wrong_signer': 'This step must be signed by a user with the right role and region.',
  'usep.return_needs_note': 'Write what to correct when returning the report.',
  'usep.report_not_returned': 'Only a returned report can be corrected as a new version (it is {{status}}).',
};
