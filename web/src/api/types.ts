// The API's shapes, taken from the server's zod schemas (types only: nothing of the
// server is bundled).
import type { z } from 'zod';
import type { auditPageSchema, auditRecordSchema } from '../../../src/modules/audit/audit.schema.ts';
import type { CreateUserInput, Me, UpdateUserInput, UserView, userPageSchema } from '../../../src/modules/identity/identity.schema.ts';
import type {
  CreateOfficeInput,
  OfficeView,
  organisationViewSchema,
  UpdateOfficeInput,
} from '../../../src/modules/organisation/organisation.schema.ts';
import type { regionDetailSchema, regionPageSchema } from '../../../src/modules/regions/regions.schema.ts';
import type { SetupInput, setupStatusSchema } from '../../../src/modules/setup/setup.schema.ts';

export type { Role } from '../../../src/core/roles.ts';
export type { CreateOfficeInput, CreateUserInput, Me, OfficeView, SetupInput, UpdateOfficeInput, UpdateUserInput, UserView };

export type SetupStatus = z.infer<typeof setupStatusSchema>;
export type UserPage = z.infer<typeof userPageSchema>;
export type OfficeKind = OfficeView['kind'];
export type Organisation = z.infer<typeof organisationViewSchema>;
export type RegionPage = z.infer<typeof regionPageSchema>;
export type RegionItem = RegionPage['items'][number];
export type RegionDetail = z.infer<typeof regionDetailSchema>;
export type AuditPage = z.infer<typeof auditPageSchema>;
export type AuditRecord = z.infer<typeof auditRecordSchema>;
