export { DEMO_PASSWORD, DEMO_USERS, fillDemo } from './demo.service.ts';
export { fillDemoAid } from './demo-aid.ts';
export { fillDemoCadres } from './demo-cadres.ts';
export { fillDemoHealth } from './demo-health.ts';
export { fillDemoMoney } from './demo-money.ts';
export { fillDemoPartnerships } from './demo-partnerships.ts';
export { fillDemoUsep } from './demo-usep.ts';
