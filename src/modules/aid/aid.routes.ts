import { defineRoute } from '../../http/route.ts';
import { AID_READERS, PROGRAMME_EDITORS } from './aid.roles.ts';
import { eligibilityQuerySchema, eligibilityViewSchema } from './eligibility.schema.ts';
import { explainEligibility } from './eligibility.service.ts';
import { entitlementQuoteInputSchema, entitlementQuoteViewSchema } from './entitlement.schema.ts';
import { quoteAidEntitlement } from './entitlement.service.ts';
import { programmeInputSchema, programmeListSchema, programmeParamsSchema, programmeViewSchema } from './programme.schema.ts';
import { createProgramme, getProgramme, listProgrammes, updateProgramme } from './programme.service.ts';

export const aidRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/programmes',
    tag: 'aid',
    summary: 'Social assistance programmes (built-in KKS, PIP, PKH, Sembako and your own) with their rules and dated benefit tables',
    auth: AID_READERS,
    response: programmeListSchema,
    handler: (ctx) => listProgrammes(ctx),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/programmes',
    tag: 'aid',
    summary: 'Add a programme: target unit, period, channel, fund, eligibility rules, benefit table (admin)',
    auth: PROGRAMME_EDITORS,
    body: programmeInputSchema,
    response: programmeViewSchema,
    successStatus: 201,
    problems: [409],
    handler: (ctx, { body }) => createProgramme(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/programmes/:id',
    tag: 'aid',
    summary: 'A programme by id or code (pkh), with its eligibility rules and dated benefit table',
    auth: AID_READERS,
    params: programmeParamsSchema,
    response: programmeViewSchema,
    handler: (ctx, { params }) => getProgramme(ctx, params.id),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/programmes/:id',
    tag: 'aid',
    summary: 'Replace a programme’s definition: names, rules, benefit table (admin; a built-in programme keeps its code)',
    auth: PROGRAMME_EDITORS,
    params: programmeParamsSchema,
    body: programmeInputSchema,
    response: programmeViewSchema,
    problems: [409],
    handler: (ctx, { params, body }) => updateProgramme(ctx, params.id, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/programmes/:id/eligibility',
    tag: 'aid',
    summary: 'Whether a household (?household=) or person (?person=) is eligible today, with every rule: value seen, required, passed, why',
    auth: AID_READERS,
    params: programmeParamsSchema,
    query: eligibilityQuerySchema,
    response: eligibilityViewSchema,
    handler: (ctx, { params, query }) => explainEligibility(ctx, params.id, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/aid/entitlement-quote',
    tag: 'aid',
    summary: 'What a unit described in the body is owed by a programme on a day, per component, in whole rupiah; stores nothing',
    auth: 'public',
    body: entitlementQuoteInputSchema,
    response: entitlementQuoteViewSchema,
    handler: (ctx, { body }) => quoteAidEntitlement(ctx, body),
  }),
];
