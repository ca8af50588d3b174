import { z } from 'zod';
import type { Context } from '../../context.ts';
import { readCsv } from '../../export/read-csv.ts';
import { EXPORT_TYPES, type ExportFormat } from '../../export/table-export.ts';
import { defineRoute, FILE_MEDIA_TYPES } from '../../http/route.ts';
import { changeBusiness, closeBusiness, listBusinesses, recordBusiness } from './business.service.ts';
import { addHouseholdMember, changeHead, moveToHousehold, recordDeath, setSchool } from './changes.service.ts';
import { DUPLICATE_REASONS } from './duplicates.rules.ts';
import { decideDuplicate, getDuplicateSettings, listDuplicateCandidates, updateDuplicateSettings } from './duplicates.service.ts';
import { exportHouseholds, exportPersons } from './export.service.ts';
import { importHouseholdsFromUpload } from './import.service.ts';
import { DUPLICATE_DECIDERS, DUPLICATE_READERS, DUPLICATE_SETTERS, IMPORTERS, READERS, WRITERS } from './registry.roles.ts';
import {
  addMemberInputSchema,
  businessCloseSchema,
  businessEditSchema,
  businessInputSchema,
  businessParamsSchema,
  businessViewSchema,
  deathInputSchema,
  duplicateDecisionInputSchema,
  duplicateSettingsSchema,
  duplicatesQuerySchema,
  householdInputSchema,
  householdViewSchema,
  idParamsSchema,
  importQuerySchema,
  importResultSchema,
  moveInputSchema,
  newHeadInputSchema,
  nikDecodedSchema,
  nikParamsSchema,
  nikQuerySchema,
  personPageSchema,
  personsQuerySchema,
  personViewSchema,
  schoolInputSchema,
  villageCodeSchema,
} from './registry.schema.ts';
import { explainNik, findPersons, getHousehold, getPerson, registerHousehold } from './registry.service.ts';
import { xlsxRecords } from './xlsx.ts';

/** GET <base>.csv and <base>.xlsx for one exporter. */
function exportRoutes(
  base: string,
  filename: string,
  summary: string,
  exporter: (ctx: Context, format: ExportFormat, village?: string) => unknown,
) {
  return (['csv', 'xlsx'] as const).map((format) =>
    defineRoute({
      method: 'GET',
      url: `${base}.${format}`,
      tag: 'registry',
      summary: `${summary} (${format.toUpperCase()})`,
      auth: READERS,
      query: z.strictObject({ village: villageCodeSchema.optional() }),
      response: z.string(),
      produces: [FILE_MEDIA_TYPES[format]],
      handler: async (ctx, { query }, { reply }) => {
        reply.type(EXPORT_TYPES[format]).header('content-disposition', `attachment; filename="${filename}.${format}"`);
        return exporter(ctx, format, query.village) as string;
      },
    }),
  );
}

export const registryRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/nik/:nik',
    tag: 'registry',
    summary: 'Decode a NIK: sex, birth date, region codes and names, warnings for codes that no longer exist',
    auth: 'public',
    params: nikParamsSchema,
    query: nikQuerySchema,
    response: nikDecodedSchema,
    handler: (ctx, { params, query }) => explainNik(ctx, params.nik, query.birthDate),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/households',
    tag: 'registry',
    summary: 'Register a household (KK) with its members',
    auth: WRITERS,
    body: householdInputSchema,
    response: householdViewSchema,
    successStatus: 201,
    handler: (ctx, { body }) => registerHousehold(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/households/:id',
    tag: 'registry',
    summary: 'One household with its members',
    auth: READERS,
    params: idParamsSchema,
    response: householdViewSchema,
    handler: (ctx, { params }) => getHousehold(ctx, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/persons',
    tag: 'registry',
    summary: 'Find persons by NIK, KK number or part of a name (typos tolerated), optionally in one village',
    auth: READERS,
    query: personsQuerySchema,
    response: personPageSchema,
    handler: (ctx, { query }) => findPersons(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/persons/:id',
    tag: 'registry',
    summary: 'One person with their household',
    auth: READERS,
    params: idParamsSchema,
    response: personViewSchema.extend({ household: householdViewSchema }),
    handler: (ctx, { params }) => getPerson(ctx, params.id),
  }),

  defineRoute({
    method: 'POST',
    url: '/api/v1/households/:id/members',
    tag: 'registry',
    summary: 'Add a member to a household: a birth or someone joining',
    auth: WRITERS,
    params: idParamsSchema,
    body: addMemberInputSchema,
    response: householdViewSchema,
    successStatus: 201,
    handler: (ctx, { params, body }) => addHouseholdMember(ctx, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/households/:id/head',
    tag: 'registry',
    summary: 'Make another member the head of household',
    auth: WRITERS,
    params: idParamsSchema,
    body: newHeadInputSchema,
    response: householdViewSchema,
    handler: (ctx, { params, body }) => changeHead(ctx, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/persons/:id/death',
    tag: 'registry',
    summary: 'Record a death; the person stays on record, marked',
    auth: WRITERS,
    params: idParamsSchema,
    body: deathInputSchema,
    response: householdViewSchema,
    handler: (ctx, { params, body }) => recordDeath(ctx, params.id, body.diedOn),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/persons/:id/school',
    tag: 'registry',
    summary: 'Record the school a person attends now (SD, SMP, SMA) and which year of it (new, middle, final); null clears (audited)',
    auth: WRITERS,
    params: idParamsSchema,
    body: schoolInputSchema,
    response: personViewSchema.extend({ household: householdViewSchema }),
    handler: (ctx, { params, body }) => setSchool(ctx, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/persons/:id/move',
    tag: 'registry',
    summary: 'Move a person to another KK (a new KK splits them off as its head)',
    auth: WRITERS,
    params: idParamsSchema,
    body: moveInputSchema,
    response: householdViewSchema,
    handler: (ctx, { params, body }) => moveToHousehold(ctx, params.id, body),
  }),

  defineRoute({
    method: 'POST',
    url: '/api/v1/persons/:id/businesses',
    tag: 'registry',
    summary: 'Record a member’s business: type, sector, start, capital, monthly revenue and costs (whole rupiah)',
    auth: WRITERS,
    params: idParamsSchema,
    body: businessInputSchema,
    response: businessViewSchema,
    successStatus: 201,
    handler: (ctx, { params, body }) => recordBusiness(ctx, params.id, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/persons/:id/businesses',
    tag: 'registry',
    summary: 'A person’s businesses',
    auth: READERS,
    params: idParamsSchema,
    response: z.object({ items: z.array(businessViewSchema) }),
    handler: (ctx, { params }) => listBusinesses(ctx, params.id),
  }),

  ...exportRoutes(
    '/api/v1/persons/export',
    'penduduk',
    'Persons in your scope in the import layout plus meninggal; NIK, KK and names masked for roles that may not see them',
    exportPersons,
  ),
  ...exportRoutes(
    '/api/v1/households/export',
    'keluarga',
    'Households in your scope: KK, place, decile, cards, head and size (masked like persons)',
    exportHouseholds,
  ),
  defineRoute({
    method: 'POST',
    url: '/api/v1/households/import',
    tag: 'registry',
    summary:
      'Import households from a CSV body (text/csv) or an Excel file (xlsx), DTKS layout. dryRun=true (default) previews; ' +
      'dryRun=false writes, all-or-nothing unless skipInvalid=true',
    auth: IMPORTERS,
    query: importQuerySchema,
    body: z.union([z.string().min(1).max(50_000_000), z.instanceof(Buffer)]),
    consumes: [FILE_MEDIA_TYPES.csv, FILE_MEDIA_TYPES.xlsx],
    bodyLimit: 52_428_800,
    response: importResultSchema,
    handler: (ctx, { query, body }) =>
      importHouseholdsFromUpload(ctx, typeof body === 'string' ? readCsv(body) : xlsxRecords(body), {
        dryRun: query.dryRun === 'true',
        skipInvalid: query.skipInvalid === 'true',
      }),
  }),

  defineRoute({
    method: 'GET',
    url: '/api/v1/registry/duplicates',
    tag: 'registry',
    summary:
      'Possible duplicates awaiting a reviewer’s decision: the same or a similar name (spelling variants, typos) with the same birth date and village, the same person in two households, one recipient account for two households; each with its reasons and a score',
    auth: DUPLICATE_READERS,
    query: duplicatesQuerySchema,
    response: z.object({
      items: z.array(
        z.object({
          a: personViewSchema.extend({ household: householdViewSchema }),
          b: personViewSchema.extend({ household: householdViewSchema }),
          reason: z.enum(DUPLICATE_REASONS),
          reasons: z.array(z.enum(DUPLICATE_REASONS)),
          score: z.number(),
        }),
      ),
    }),
    handler: (ctx, { query }) => listDuplicateCandidates(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/registry/duplicates/settings',
    tag: 'registry',
    summary: 'The duplicate review’s settings: the name similarity (0.3–1, over name keys) from which a pair is raised',
    auth: DUPLICATE_READERS,
    response: duplicateSettingsSchema,
    handler: (ctx) => getDuplicateSettings(ctx),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/registry/duplicates/settings',
    tag: 'registry',
    summary: 'Change the duplicate review’s settings (audited)',
    auth: DUPLICATE_SETTERS,
    body: duplicateSettingsSchema,
    response: duplicateSettingsSchema,
    handler: (ctx, { body }) => updateDuplicateSettings(ctx, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/registry/duplicates/decisions',
    tag: 'registry',
    summary: 'Decide a pair: merge (keep one record; the other points at it) or distinct',
    auth: DUPLICATE_DECIDERS,
    body: duplicateDecisionInputSchema,
    response: z.object({
      decision: z.enum(['merge', 'distinct']),
      keptPersonId: z.string().nullable(),
      mergedPersonId: z.string().nullable(),
    }),
    successStatus: 201,
    handler: (ctx, { body }) => decideDuplicate(ctx, body),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/persons/:id/businesses/:businessId',
    tag: 'registry',
    summary: 'Correct a member’s business (name, type, sector, start, current figures); 409 once closed',
    auth: WRITERS,
    params: businessParamsSchema,
    body: businessEditSchema,
    response: businessViewSchema,
    handler: (ctx, { params, body }) => changeBusiness(ctx, params.id, params.businessId, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/persons/:id/businesses/:businessId/close',
    tag: 'registry',
    summary: 'Close a member’s business (kept with the day and the reason)',
    auth: WRITERS,
    params: businessParamsSchema,
    body: businessCloseSchema,
    response: businessViewSchema,
    handler: (ctx, { params, body }) => closeBusiness(ctx, params.id, params.businessId, body),
  }),
];
