// Social assistance (bantuan sosial): programmes, eligibility, enrolments, cycles, payments and
// reconciliation. The API's shapes come from the server's zod schemas (types only).
import { keepPreviousData, queryOptions, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Role } from '../../../src/core/roles.ts';
import type { CYCLE_STATUSES, ENTITLEMENT_STATUSES, REVIEW_LEVELS } from '../../../src/modules/aid/cycle.rules.ts';
import type {
  approveEntitlementsResultSchema,
  computeResultSchema,
  cycleListSchema,
  cycleViewSchema,
  cycleWithTotalsSchema,
  entitlementListSchema,
  entitlementViewSchema,
  reviewSchema,
} from '../../../src/modules/aid/cycle.schema.ts';
import type { eligibilityViewSchema } from '../../../src/modules/aid/eligibility.schema.ts';
import type {
  bulkEnrolmentResultSchema,
  ENROLMENT_STATUSES,
  enrolmentListSchema,
  enrolmentViewSchema,
} from '../../../src/modules/aid/enrolment.schema.ts';
import type {
  instructionBatchListSchema,
  instructionBatchViewSchema,
  reconciliationListSchema,
  reconciliationViewSchema,
  retryListSchema,
} from '../../../src/modules/aid/payment.schema.ts';
import type {
  AID_CHANNELS,
  AID_PERIODS,
  EligibilityRule,
  ProgrammeInput,
  ProgrammeView,
  TARGET_UNITS,
} from '../../../src/modules/aid/programme.schema.ts';
import { api, withQuery } from './client.ts';

export type { EligibilityRule, ProgrammeInput, ProgrammeView };
export type AidChannel = (typeof AID_CHANNELS)[number];
export type AidPeriod = (typeof AID_PERIODS)[number];
export type TargetUnit = (typeof TARGET_UNITS)[number];
export type Eligibility = z.infer<typeof eligibilityViewSchema>;
export type Enrolment = z.infer<typeof enrolmentViewSchema>;
export type EnrolmentListItem = z.infer<typeof enrolmentListSchema>['items'][number];
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
export type BulkEnrolmentResult = z.infer<typeof bulkEnrolmentResultSchema>;
export type Cycle = z.infer<typeof cycleViewSchema>;
export type CycleWithTotals = z.infer<typeof cycleWithTotalsSchema>;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];
export type EntitlementStatus = (typeof ENTITLEMENT_STATUSES)[number];
export type Entitlement = z.infer<typeof entitlementViewSchema>;
export type Review = z.infer<typeof reviewSchema>;
export type ReviewLevel = (typeof REVIEW_LEVELS)[number];
export type ComputeResult = z.infer<typeof computeResultSchema>;
export type ApproveResult = z.infer<typeof approveEntitlementsResultSchema>;
export type InstructionBatch = z.infer<typeof instructionBatchViewSchema>;
export type Reconciliation = z.infer<typeof reconciliationViewSchema>;
export type ReconciliationSummary = z.infer<typeof reconciliationListSchema>['items'][number];
export type RetryItem = z.infer<typeof retryListSchema>['items'][number];

// Shapes of the lists added on branch h13-lists (progress, eligible-not-enrolled, person and household aid).
export type ProgressLevel = 'province' | 'regency' | 'district';
export type ProgressRow = {
  regionCode: string;
  regionName: string;
  priority: boolean;
  eligible: number;
  enrolled: number;
  entitled: number;
  paid: number;
  failed: number;
  percentPaid: number | string;
};
export type Progress = { level: ProgressLevel; rows: ProgressRow[]; totals: Partial<Omit<ProgressRow, 'regionCode' | 'regionName'>> };
export type FailedRule = { rule: string; value: unknown; required: unknown; message: string };
export type UnitListItem = {
  unitKind: TargetUnit;
  unitId: string;
  name: string;
  regionCode: string;
  villageName: string | null;
  enrolmentId?: string;
  failedRules?: FailedRule[];
};
export type UnitAid = {
  enrolments: {
    enrolmentId: string;
    programmeId: string;
    programmeName: string;
    status: EnrolmentStatus;
    unitKind: TargetUnit;
    recipientName: string;
    channel: AidChannel;
    enrolledOn: string;
  }[];
  payments: {
    cycleId: string;
    cycleName: string;
    periodStart: string;
    periodEnd: string;
    amount: string;
    status: EntitlementStatus;
    paidOn: string | null;
    reference: string | null;
    channel: AidChannel;
  }[];
};

// Records (not lists) so that a value added on the server is a compile error here.
const CHANNEL_ORDER: Record<AidChannel, number> = { bank: 0, lkd: 1, giro_pos: 2 };
export const CHANNELS = (Object.keys(CHANNEL_ORDER) as AidChannel[]).sort((a, b) => CHANNEL_ORDER[a] - CHANNEL_ORDER[b]);
const PERIOD_ORDER: Record<AidPeriod, number> = { month: 0, stage: 1, year: 2 };
export const PERIODS = (Object.keys(PERIOD_ORDER) as AidPeriod[]).sort((a, b) => PERIOD_ORDER[a] - PERIOD_ORDER[b]);
const ENTITLEMENT_ORDER: Record<EntitlementStatus, number> = {
  computed: 0,
  approved: 1,
  instructed: 2,
  paid: 3,
  failed: 4,
  returned: 5,
  excluded: 6,
};
export const ENTITLEMENT_STATUS_LIST = (Object.keys(ENTITLEMENT_ORDER) as EntitlementStatus[]).sort(
  (a, b) => ENTITLEMENT_ORDER[a] - ENTITLEMENT_ORDER[b],
);
const ENROLMENT_ORDER: Record<EnrolmentStatus, number> = { enrolled: 0, pending_account: 1, suspended: 2, ended: 3 };
export const ENROLMENT_STATUS_LIST = (Object.keys(ENROLMENT_ORDER) as EnrolmentStatus[]).sort(
  (a, b) => ENROLMENT_ORDER[a] - ENROLMENT_ORDER[b],
);
export const OUTCOMES = ['paid', 'failed', 'returned', 'duplicate', 'unchanged', 'unknown', 'mismatch', 'invalid'] as const;

// The server decides again on every request (aid.roles.ts); these only hide what would be refused.
const has = (roles: Role[]) => (role: Role) => roles.includes(role);
export const canReadAid = has(['admin', 'manager', 'facilitator', 'supervisor', 'auditor']);
export const canEditProgrammes = has(['admin']);
export const canEnrol = has(['admin', 'manager']);
export const canMakeCycles = has(['admin', 'manager']);
export const canCheckCycles = has(['admin', 'manager', 'supervisor']);

const enc = encodeURIComponent;

export const programmesQuery = queryOptions({
  queryKey: ['aid', 'programmes'],
  queryFn: () => api.get<{ items: ProgrammeView[] }>('/api/v1/programmes'),
  select: (data) => data.items,
  staleTime: 30_000,
});

export const programmeQuery = (id: string) =>
  queryOptions({ queryKey: ['aid', 'programme', id], queryFn: () => api.get<ProgrammeView>(`/api/v1/programmes/${enc(id)}`) });

/** The explanations are worded by the server in the UI language: asked again when it changes. */
export const eligibilityQuery = (programmeId: string, subject: { household?: string; person?: string }, language: string) =>
  queryOptions({
    queryKey: ['aid', 'eligibility', programmeId, subject, language],
    queryFn: () => api.get<Eligibility>(`/api/v1/programmes/${enc(programmeId)}/eligibility`, subject),
    enabled: Boolean(subject.household || subject.person),
    retry: false,
  });

export function useEnrolments(programmeId: string, status: string | null) {
  return useInfiniteQuery({
    queryKey: ['aid', 'enrolments', programmeId, status],
    placeholderData: keepPreviousData,
    queryFn: ({ pageParam }) =>
      api.get<z.infer<typeof enrolmentListSchema>>(`/api/v1/programmes/${enc(programmeId)}/enrolments`, {
        status,
        cursor: pageParam,
        limit: 25,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The h13-lists lists: eligible but not enrolled, enrolled but no longer eligible. */
export function useUnitList(programmeId: string, which: 'eligible-not-enrolled' | 'enrolled-not-eligible', enabled = true) {
  return useInfiniteQuery({
    queryKey: ['aid', which, programmeId],
    enabled,
    retry: false,
    queryFn: ({ pageParam }) =>
      api.get<{ items: UnitListItem[]; nextCursor: string | null }>(`/api/v1/programmes/${enc(programmeId)}/${which}`, {
        cursor: pageParam,
        limit: 50,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const cyclesQuery = (programmeId: string) =>
  queryOptions({
    queryKey: ['aid', 'cycles', programmeId],
    queryFn: () => api.get<z.infer<typeof cycleListSchema>>(`/api/v1/programmes/${enc(programmeId)}/cycles`),
    select: (data) => data.items,
  });

export const cycleQuery = (id: string) =>
  queryOptions({ queryKey: ['aid', 'cycle', id], queryFn: () => api.get<CycleWithTotals>(`/api/v1/cycles/${enc(id)}`) });

export const reviewQuery = (id: string, level: ReviewLevel) =>
  queryOptions({
    queryKey: ['aid', 'cycle', id, 'review', level],
    queryFn: () => api.get<Review>(`/api/v1/cycles/${enc(id)}/review`, { level }),
    placeholderData: keepPreviousData,
  });

export function useEntitlements(cycleId: string, status: string | null) {
  return useInfiniteQuery({
    queryKey: ['aid', 'cycle', cycleId, 'entitlements', status],
    placeholderData: keepPreviousData,
    queryFn: ({ pageParam }) =>
      api.get<z.infer<typeof entitlementListSchema>>(`/api/v1/cycles/${enc(cycleId)}/entitlements`, {
        status,
        cursor: pageParam,
        limit: 25,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const batchesQuery = (cycleId: string) =>
  queryOptions({
    queryKey: ['aid', 'cycle', cycleId, 'batches'],
    queryFn: () => api.get<z.infer<typeof instructionBatchListSchema>>(`/api/v1/cycles/${enc(cycleId)}/instruction-batches`),
    select: (data) => data.items,
  });

export const reconciliationsQuery = (cycleId: string) =>
  queryOptions({
    queryKey: ['aid', 'cycle', cycleId, 'reconciliations'],
    queryFn: () => api.get<z.infer<typeof reconciliationListSchema>>(`/api/v1/cycles/${enc(cycleId)}/reconciliations`),
    select: (data) => data.items,
  });

export const reconciliationQuery = (id: string) =>
  queryOptions({ queryKey: ['aid', 'reconciliation', id], queryFn: () => api.get<Reconciliation>(`/api/v1/reconciliations/${enc(id)}`) });

export function useRetryList(cycleId: string) {
  return useInfiniteQuery({
    queryKey: ['aid', 'cycle', cycleId, 'retry'],
    queryFn: ({ pageParam }) =>
      api.get<z.infer<typeof retryListSchema>>(`/api/v1/cycles/${enc(cycleId)}/retry-list`, { cursor: pageParam, limit: 25 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export type ProgressQuery = { level: ProgressLevel; parent?: string | null; cycle?: string | null };
const progressPath = (programmeId: string, suffix: '' | '.pdf' | '.xlsx', query: ProgressQuery) =>
  withQuery(`/api/v1/programmes/${enc(programmeId)}/progress${suffix}`, query);
export const progressFileUrl = (programmeId: string, format: 'pdf' | 'xlsx', query: ProgressQuery) =>
  progressPath(programmeId, `.${format}`, query);
export const useProgress = (programmeId: string | null, query: ProgressQuery) =>
  useQuery({
    queryKey: ['aid', 'progress', programmeId, query],
    queryFn: () => api.get<Progress>(progressPath(programmeId as string, '', query)),
    enabled: Boolean(programmeId),
    placeholderData: keepPreviousData,
    retry: false,
  });

export const unitAidQuery = (kind: 'persons' | 'households', id: string) =>
  queryOptions({
    queryKey: ['aid', 'unit', kind, id],
    queryFn: () => api.get<UnitAid>(`/api/v1/${kind}/${enc(id)}/aid`),
    retry: false,
  });

export const instructionFileUrl = (batchId: string) => `/api/v1/instruction-batches/${enc(batchId)}/file.csv`;

/** After a change: every aid query (cycles, totals, lists) is read again. */
export function useInvalidateAid() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['aid'] });
}

export const saveProgramme = (id: string | null, input: ProgrammeInput) =>
  id ? api.put<ProgrammeView>(`/api/v1/programmes/${enc(id)}`, input) : api.post<ProgrammeView>('/api/v1/programmes', input);
export const createCycle = (programmeId: string, input: { name: string; periodStart: string; periodEnd: string }) =>
  api.post<Cycle>(`/api/v1/programmes/${enc(programmeId)}/cycles`, input);
export const computeCycle = (id: string) => api.post<ComputeResult>(`/api/v1/cycles/${enc(id)}/compute`);
export const approveCycle = (id: string) => api.post<Cycle>(`/api/v1/cycles/${enc(id)}/approve`);
export const approveEntitlements = (cycleId: string, body: { all: true } | { ids: string[] }) =>
  api.post<ApproveResult>(`/api/v1/cycles/${enc(cycleId)}/entitlements/approve`, body);
export const excludeEntitlement = (id: string, reason: string) =>
  api.post<Entitlement>(`/api/v1/entitlements/${enc(id)}/exclude`, { reason });
export const createBatch = (cycleId: string, channel: AidChannel) =>
  api.post<InstructionBatch>(`/api/v1/cycles/${enc(cycleId)}/instructions`, { channel });
export const uploadConfirmation = (cycleId: string, channel: AidChannel, file: File) =>
  api.upload<Reconciliation>(
    withQuery(`/api/v1/cycles/${enc(cycleId)}/reconciliations`, { channel, fileName: file.name }),
    file,
    'text/csv',
  );
export const enrolUnit = (
  programmeId: string,
  body: { householdId?: string; personId?: string; recipientPersonId: string; channel: AidChannel; account: string },
) => api.post<Enrolment>(`/api/v1/programmes/${enc(programmeId)}/enrolments`, body);
export const enrolBulk = (programmeId: string, households: string[]) =>
  api.post<BulkEnrolmentResult>(`/api/v1/programmes/${enc(programmeId)}/enrolments/bulk`, { households });
export const setEnrolmentStatus = (id: string, status: 'enrolled' | 'suspended' | 'ended', reason: string) =>
  api.put<Enrolment>(`/api/v1/enrolments/${enc(id)}/status`, { status, reason });
export const setEnrolmentAccount = (id: string, channel: AidChannel, account: string) =>
  api.put<Enrolment>(`/api/v1/enrolments/${enc(id)}/account`, { channel, account });
