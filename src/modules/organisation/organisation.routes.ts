import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { ADMINS, ROLES } from '../../core/roles.ts';
import { defineRoute } from '../../http/route.ts';
import {
  createOfficeInputSchema,
  officeIdParamsSchema,
  officeListSchema,
  officeViewSchema,
  organisationViewSchema,
  updateOfficeInputSchema,
  updateOrganisationInputSchema,
} from './organisation.schema.ts';
import { changeOffice, changeOrganisation, createOffice, getOffice, getOrganisationDetails, listOffices } from './organisation.service.ts';

export const organisationRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/organisation',
    tag: 'organisation',
    summary: 'The organisation this deployment serves',
    auth: 'authenticated',
    response: organisationViewSchema,
    handler: async (ctx) => {
      const organisation = await getOrganisationDetails(ctx.db);
      if (!organisation) throw new AppError('setup.not_done', 'conflict');
      return organisation;
    },
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/organisation',
    tag: 'organisation',
    summary: 'Rename the organisation; set its letterhead address and the number to report a fake cadre card (audited)',
    auth: ADMINS,
    body: updateOrganisationInputSchema,
    response: organisationViewSchema,
    handler: (ctx, { body }) => changeOrganisation(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/offices',
    tag: 'offices',
    summary: 'Offices in your scope (all for admins)',
    auth: ROLES,
    query: z.strictObject({ includeInactive: z.enum(['true', 'false']).optional() }),
    response: officeListSchema,
    handler: (ctx, { query }) => listOffices(ctx, query.includeInactive === 'true'),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/offices/:id',
    tag: 'offices',
    summary: 'One office with the regions it covers',
    auth: ROLES,
    params: officeIdParamsSchema,
    response: officeViewSchema,
    handler: (ctx, { params }) => getOffice(ctx, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/offices',
    tag: 'offices',
    summary: 'Create an office',
    auth: ADMINS,
    body: createOfficeInputSchema,
    response: officeViewSchema,
    successStatus: 201,
    handler: (ctx, { body }) => createOffice(ctx, body),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/offices/:id',
    tag: 'offices',
    summary: 'Change an office: name, kind, home region, covered regions, active',
    auth: ADMINS,
    params: officeIdParamsSchema,
    body: updateOfficeInputSchema,
    response: officeViewSchema,
    handler: (ctx, { params, body }) => changeOffice(ctx, params.id, body),
  }),
];
