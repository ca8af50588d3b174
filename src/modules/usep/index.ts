export { draftReport, signReport } from './report.service.ts';
export { allocateStimulus, chainFigures, passOnStimulus } from './stimulus.service.ts';
export { usepRoutes } from './usep.routes.ts';
