import type { AidTables } from '../modules/aid/aid.tables.ts';
import type { AuditTables } from '../modules/audit/audit.tables.ts';
import type { CadreTables } from '../modules/cadres/cadres.tables.ts';
import type { ContributionTables } from '../modules/contributions/contributions.tables.ts';
import type { DashboardTables } from '../modules/dashboards/dashboards.tables.ts';
import type { FinancingTables } from '../modules/financing/financing.tables.ts';
import type { GroupTables } from '../modules/groups/groups.tables.ts';
import type { HealthTables } from '../modules/health/health.tables.ts';
import type { IdempotencyTables } from '../modules/idempotency/idempotency.tables.ts';
import type { IdentityTables } from '../modules/identity/identity.tables.ts';
import type { LedgerTables } from '../modules/ledger/ledger.tables.ts';
import type { OrganisationTables } from '../modules/organisation/organisation.tables.ts';
import type { PartitionTables } from '../modules/partitions/partitions.tables.ts';
import type { PartnershipTables } from '../modules/partnerships/partnerships.tables.ts';
import type { RegionTables } from '../modules/regions/regions.tables.ts';
import type { BusinessTables, RegistryTables } from '../modules/registry/registry.tables.ts';
import type { ReminderTables } from '../modules/reminders/reminders.tables.ts';
import type { SavingsTables } from '../modules/savings/savings.tables.ts';
import type { SyncTables } from '../modules/sync/sync.tables.ts';
import type { UsepTables } from '../modules/usep/usep.tables.ts';

/** Every table Kysely knows, composed from the modules' own table files. */
export type Tables = RegionTables &
  OrganisationTables &
  IdentityTables &
  AuditTables &
  RegistryTables &
  BusinessTables &
  GroupTables &
  CadreTables &
  LedgerTables &
  IdempotencyTables &
  FinancingTables &
  SavingsTables &
  ContributionTables &
  HealthTables &
  AidTables &
  PartnershipTables &
  PartitionTables &
  UsepTables &
  SyncTables &
  ReminderTables &
  DashboardTables;
