export type AuditLogTable = {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_username: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  office_id: string | null;
  region_code: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
};
export type AuditTables = { audit_log: AuditLogTable };
