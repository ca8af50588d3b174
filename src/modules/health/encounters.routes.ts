import { z } from 'zod';
import { defineRoute, FILE_MEDIA_TYPES } from '../../http/route.ts';
import {
  encounterInputSchema,
  encounterPageSchema,
  encountersQuerySchema,
  encounterViewSchema,
  icd10ListSchema,
  icd10QuerySchema,
  idParamsSchema,
  openReferralPageSchema,
  openReferralsQuerySchema,
  referralOutcomeInputSchema,
  referralViewSchema,
} from './encounters.schema.ts';
import {
  getEncounter,
  listEncounters,
  listOpenReferrals,
  recordEncounterOnce,
  recordReferralOutcome,
  referralLetterPdf,
  searchDiagnoses,
} from './encounters.service.ts';
import { CLINICAL_READERS, CLINICIANS } from './health.roles.ts';

/** Encounters of health workers, their ICD-10 diagnoses and referrals (clinical: every read audited). */
export const encountersRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/health/icd10',
    tag: 'health',
    summary: 'The curated ICD-10 list of common primary-care diagnoses: at most 20 by code prefix or Indonesian/English name',
    auth: CLINICAL_READERS,
    query: icd10QuerySchema,
    response: icd10ListSchema,
    handler: async (ctx, { query }) => searchDiagnoses(ctx, query.q),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/persons/:id/encounters',
    tag: 'health',
    summary: 'Record an encounter: home or clinic, complaint, vital signs (checked ranges), ICD-10 diagnoses, treatment, optional referral',
    auth: CLINICIANS,
    params: idParamsSchema,
    body: encounterInputSchema,
    response: encounterViewSchema,
    successStatus: 201,
    idempotency: 'optional',
    handler: (ctx, { params, body, idempotencyKey }) => recordEncounterOnce(ctx, params.id, body, idempotencyKey),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/persons/:id/encounters',
    tag: 'health',
    summary: 'A person’s encounters, newest first (the read is audited)',
    auth: CLINICAL_READERS,
    params: idParamsSchema,
    query: encountersQuerySchema,
    response: encounterPageSchema,
    handler: (ctx, { params, query }) => listEncounters(ctx, params.id, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/encounters/:id',
    tag: 'health',
    summary: 'One encounter (the read is audited)',
    auth: CLINICAL_READERS,
    params: idParamsSchema,
    response: encounterViewSchema,
    handler: (ctx, { params }) => getEncounter(ctx, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/health/referrals',
    tag: 'health',
    summary: 'Referrals in your area still waiting for their outcome, oldest first (the read is audited)',
    auth: CLINICAL_READERS,
    query: openReferralsQuerySchema,
    response: openReferralPageSchema,
    handler: (ctx, { query }) => listOpenReferrals(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/referrals/:id/letter.pdf',
    tag: 'health',
    summary:
      'The referral letter (Surat Rujukan): patient, findings, ICD-10 diagnoses, treatment, reason, destination, signed by the health worker',
    auth: CLINICAL_READERS,
    params: idParamsSchema,
    response: z.string(),
    produces: [FILE_MEDIA_TYPES.pdf],
    handler: async (ctx, { params }, { reply }) => {
      const bytes = await referralLetterPdf(ctx, params.id);
      reply.type('application/pdf').header('content-disposition', `inline; filename="surat-rujukan-${params.id}.pdf"`);
      return bytes as unknown as string;
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/referrals/:id/outcome',
    tag: 'health',
    summary: 'Record what came of a referral (referred back, treated, admitted, did not go, died) and when',
    auth: CLINICIANS,
    params: idParamsSchema,
    body: referralOutcomeInputSchema,
    response: referralViewSchema,
    handler: (ctx, { params, body }) => recordReferralOutcome(ctx, params.id, body),
  }),
];
