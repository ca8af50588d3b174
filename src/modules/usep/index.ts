export { draftReport, signReport } from './report.service.ts';

import { mergeBusinesses, recordBusinessMonth, recordCoaching, recordMergedMonth } from './development.service.ts';
import { draftReport, reviseReport, signReport } from './report.service.ts';
import { allocateStimulus, passOnStimulus } from './stimulus.service.ts';

/** The USEP KM operations, for the demo (the HTTP routes use the same). */
export const usepDemoApi = {
  allocateStimulus,
  passOnStimulus,
  draftReport,
  signReport,
  reviseReport,
  recordBusinessMonth,
  recordCoaching,
  mergeBusinesses,
  recordMergedMonth,
};
export { allocateStimulus, chainFigures, passOnStimulus } from './stimulus.service.ts';
export { usepRoutes } from './usep.routes.ts';
