import { defineRoute } from '../../http/route.ts';
import { CLINICAL_READERS, CLINICIANS } from './health.roles.ts';
import {
  householdHealthInputSchema,
  householdHealthViewSchema,
  householdParamsSchema,
  personParamsSchema,
  pregnancyListSchema,
  profileInputSchema,
  profileViewSchema,
} from './profile.schema.ts';
import { getHouseholdHealth, getPersonHealth, pregnanciesNearTerm, recordHouseholdHealth, recordPersonHealth } from './profile.service.ts';

export const profileRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/health/pregnancies',
    tag: 'health',
    summary: 'Pregnancies near term in your regions: expected delivery within 30 days, nearest first (audited read)',
    auth: CLINICAL_READERS,
    response: pregnancyListSchema,
    handler: (ctx) => pregnanciesNearTerm(ctx),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/persons/:id/health',
    tag: 'health',
    summary:
      "A person's health profile: conditions, pregnancy (EDD by Naegele's rule), disability, smoking, KB, JKN from the JKN records (audited read)",
    auth: CLINICAL_READERS,
    params: personParamsSchema,
    response: profileViewSchema,
    handler: async (ctx, { params }) => getPersonHealth(ctx, params.id),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/persons/:id/health',
    tag: 'health',
    summary: "Records a person's health profile (the whole of it; JKN is never typed here)",
    auth: CLINICIANS,
    params: personParamsSchema,
    body: profileInputSchema,
    response: profileViewSchema,
    handler: async (ctx, { params, body }) => recordPersonHealth(ctx, params.id, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/households/:id/health',
    tag: 'health',
    summary: "A family's clean water, healthy latrine, IKS answers and the indicators still to ask (audited read)",
    auth: CLINICAL_READERS,
    params: householdParamsSchema,
    response: householdHealthViewSchema,
    handler: async (ctx, { params }) => getHouseholdHealth(ctx, params.id),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/households/:id/health',
    tag: 'health',
    summary: "Records a family's clean water, healthy latrine and answers to IKS indicators (null clears an answer)",
    auth: CLINICIANS,
    params: householdParamsSchema,
    body: householdHealthInputSchema,
    response: householdHealthViewSchema,
    handler: async (ctx, { params, body }) => recordHouseholdHealth(ctx, params.id, body),
  }),
];
