export { DEMO_PASSWORD, DEMO_USERS, fillDemo } from './demo.service.ts';
