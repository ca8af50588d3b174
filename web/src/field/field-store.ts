/**
 * The field app's state outside React: the downloaded bundle, the outbox, whether the server
 * can be reached, and the sync that empties the outbox — by itself when the connection comes
 * back (`online` event, and a retry timer while something waits) and when the worker asks.
 */
import { useSyncExternalStore } from 'react';
import { businessDate, systemClock } from '../../../src/core/clock.ts';
import type {
  Bundle,
  BundleFamily,
  DeviceView,
  PushView,
  SheetFinancing,
  SheetGroup,
  SyncOp,
} from '../../../src/modules/sync/sync.schema.ts';
import { ApiError, api, request, setCsrfToken } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import {
  deleteOutbox,
  listOutbox,
  loadBundle,
  loadDevice,
  loadWorker,
  putOutbox,
  putOutboxMany,
  saveBundle,
  saveDevice,
  saveWorker,
  takeReceiptNumber,
} from './field-db.ts';
import {
  corrected,
  expired,
  localTimestamp,
  newClientId,
  type OutboxEntry,
  type StoredBundle,
  type StoredWorker,
  SYNC_CHUNK,
  sendable,
  withAnswers,
} from './outbox.ts';

/** Why the last sync stopped short: no connection, the session ended, or the server said no. */
export type SyncProblem = 'offline' | 'signedOut' | 'server' | null;

export type FieldState = {
  ready: boolean;
  /** The browser says it has a network and the last request did not fail for want of one. */
  online: boolean;
  /** The signed-in worker: from the server when online, else as remembered on the phone. */
  worker: StoredWorker | null;
  /** Known from the server: there is no session (sign in to download or send). */
  signedOut: boolean;
  bundle: StoredBundle | null;
  outbox: OutboxEntry[];
  syncing: boolean;
  downloading: boolean;
  lastSyncAt: string | null;
  problem: SyncProblem;
  problemDetail: string | null;
};

/** How often the app looks whether something waits and a retry is due. */
const TICK_MS = 1_000;
const RETRY_FIRST_MS = 2_000;
const RETRY_MAX_MS = 30_000;
/** Failed tries in a row, and when the next one may go: 2 s, 4, 8, 16, then every 30 s (weak links often come back within seconds). */
let failures = 0;
let nextTryAt = 0;

/** Whether this page has heard from the server who is signed in (and so holds the CSRF token). */
let sessionConfirmed = false;

let state: FieldState = {
  ready: false,
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  worker: null,
  signedOut: false,
  bundle: null,
  outbox: [],
  syncing: false,
  downloading: false,
  lastSyncAt: null,
  problem: null,
  problemDetail: null,
};
const listeners = new Set<() => void>();

function set(changes: Partial<FieldState>) {
  state = { ...state, ...changes };
  for (const listener of listeners) listener();
}

export function useField(): FieldState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}

const today = () => businessDate(systemClock);

async function reloadOutbox() {
  set({ outbox: await listOutbox() });
}

/** A request failed: for want of a network (status 0), the session ended (401), or otherwise. */
function noteFailure(error: unknown): SyncProblem {
  failures += 1;
  nextTryAt = Date.now() + Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** (failures - 1));
  if (error instanceof ApiError && error.status === 0) {
    set({ online: false, problem: 'offline', problemDetail: null });
    return 'offline';
  }
  if (error instanceof ApiError && error.status === 401) {
    sessionConfirmed = false;
    set({ signedOut: true, problem: 'signedOut', problemDetail: null });
    return 'signedOut';
  }
  set({ problem: 'server', problemDetail: error instanceof Error ? error.message : String(error) });
  return 'server';
}

/** Asks the server who is signed in (also fetches the CSRF token the sync needs). */
async function refreshSession(): Promise<boolean> {
  try {
    const me = await request<Me>('GET', '/api/v1/auth/me');
    setCsrfToken(me.csrfToken);
    sessionConfirmed = true;
    const worker = { username: me.username, fullName: me.fullName, role: me.role };
    await saveWorker(worker);
    set({ worker, signedOut: false, online: true });
    await ensureDevice(worker.username);
    return true;
  } catch (error) {
    noteFailure(error);
    return false;
  }
}

/**
 * The phone's device code for the signed-in worker, asked for once (online): the phone numbers
 * its receipts with it from then on, offline too. A worker who may not take money is refused
 * (403), and the app goes on without receipt numbers.
 */
async function ensureDevice(username: string) {
  const device = await loadDevice();
  if (device?.username === username) return;
  try {
    const { code } = await api.post<DeviceView>('/api/v1/sync/devices', {});
    await saveDevice({ code, username, next: 1 });
  } catch {
    // Asked again at the next sign-in check.
  }
}

/** Downloads the caller's bundle (families and dues, groups and sheets) and keeps it on the phone with the time it came. */
export async function downloadBundle(): Promise<boolean> {
  if (state.downloading) return false;
  set({ downloading: true });
  try {
    if (!sessionConfirmed && !(await refreshSession())) return false;
    const bundle = await api.get<Bundle>('/api/v1/sync/bundle');
    const stored: StoredBundle = { bundle, downloadedAt: new Date().toISOString(), username: state.worker?.username ?? '' };
    await saveBundle(stored);
    set({ bundle: stored, online: true, problem: state.problem === 'offline' ? null : state.problem });
    return true;
  } catch (error) {
    noteFailure(error);
    return false;
  } finally {
    set({ downloading: false });
  }
}

let running: Promise<void> | null = null;

/**
 * Pushes the worker's waiting ops, oldest first, 200 at a time. An entry changes only when
 * the server's answer for it has arrived; whatever was cut off stays waiting and goes again
 * with the same id. One sync at a time in this tab.
 */
export function syncNow(): Promise<void> {
  running ??= (async () => {
    set({ syncing: true });
    try {
      if (!sessionConfirmed && !(await refreshSession())) return;
      const username = state.worker?.username;
      if (!username) return;
      const waiting = sendable(await listOutbox(), username);
      let applied = 0;
      for (let i = 0; i < waiting.length; i += SYNC_CHUNK) {
        const chunk = waiting.slice(i, i + SYNC_CHUNK).map((e) => ({ ...e, attempts: e.attempts + 1 }));
        await putOutboxMany(chunk);
        let answer: PushView;
        try {
          answer = await request<PushView>('POST', '/api/v1/sync/push', { ops: chunk.map((e) => e.operation) });
        } catch (error) {
          noteFailure(error);
          return;
        }
        const answered = withAnswers(chunk, answer.results, new Date().toISOString());
        applied += answered.filter((e) => e.status === 'applied').length;
        await putOutboxMany(answered);
      }
      const old = expired(await listOutbox(), Date.now());
      for (const entry of old) await deleteOutbox(entry.clientId);
      failures = 0;
      nextTryAt = 0;
      set({ online: true, problem: null, problemDetail: null, lastSyncAt: new Date().toISOString() });
      // What went through is now in the server's figures: fetch them, so the lists and amounts
      // show it without the worker pressing "Unduh data".
      if (applied > 0 && state.bundle) void downloadBundle();
    } finally {
      await reloadOutbox();
      set({ syncing: false });
      running = null;
    }
  })();
  return running;
}

type OpOf<T extends SyncOp['type']> = Extract<SyncOp, { type: T }>;

async function record<T extends SyncOp['type']>(type: T, payload: OpOf<T>['payload'], label: OutboxEntry['label']): Promise<OutboxEntry> {
  const now = new Date();
  const recordedBy = state.worker?.username ?? state.bundle?.username ?? '';
  // Money taken: the phone's own receipt number, given now, offline too (the same number on the server after sync).
  const receiptNumber = type === 'repayment' || type === 'contribution' ? await takeReceiptNumber(recordedBy) : undefined;
  const operation = {
    id: newClientId(),
    type,
    recordedAt: localTimestamp(now),
    payload: receiptNumber ? { ...payload, receiptNumber } : payload,
  } as SyncOp;
  const entry: OutboxEntry = {
    clientId: operation.id,
    operation,
    label: { ...label, collector: state.worker?.fullName ?? recordedBy },
    recordedAt: now.toISOString(),
    recordedBy,
    status: 'waiting',
    attempts: 0,
  };
  await putOutbox(entry);
  await reloadOutbox();
  // With a connection it goes at once; without, it waits for the connection to come back.
  if (navigator.onLine) void syncNow();
  return entry;
}

/** A payment taken at the meeting, into the outbox with an id made here. */
export function recordPayment(group: SheetGroup, financing: SheetFinancing, amount: string) {
  return record(
    'repayment',
    { financingId: financing.financingId, amount, paidOn: today() },
    { group: group.name, member: financing.memberName, number: financing.number },
  );
}

/** Who came to today's meeting. */
export function recordAttendance(group: SheetGroup, personIds: string[]) {
  return record('attendance', { groupId: group.groupId, heldOn: today(), personIds }, { group: group.name });
}

const familyLabel = (family: BundleFamily) => ({ family: family.headName ?? family.kkNumber, number: family.kkNumber });

/** JKN contributions a cadre collected from a family, for a number of months. */
export function recordContribution(cadreId: string, family: BundleFamily, months: number, amount: string) {
  return record('contribution', { cadreId, householdId: family.householdId, months, amount }, familyLabel(family));
}

export type VisitKind = OpOf<'visit'>['payload']['kind'];

/** A cadre's visit to a family. */
export function recordVisit(cadreId: string, family: BundleFamily, kind: VisitKind, outcome: string, notes: string) {
  return record(
    'visit',
    { cadreId, householdId: family.householdId, kind, outcome, ...(notes.trim() ? { notes: notes.trim() } : {}), visitedOn: today() },
    familyLabel(family),
  );
}

// ---- the health worker's records (encounter, screening, session attendance) ----

export type EncounterRecord = OpOf<'encounter'>['payload'];
export type ScreeningRecord = OpOf<'screening'>['payload'];
export type SessionRecord = OpOf<'session_attendance'>['payload'];

/** An encounter (vitals, diagnoses, treatment, referral) with a member of a family. */
export function recordEncounter(payload: EncounterRecord, label: { family: string; member: string }) {
  return record('encounter', payload, label);
}

export type IllnessRecord = OpOf<'illness'>['payload'];

/** A member unable to work (from the encounter form): the status shown beside their financing. */
export function recordIllness(payload: IllnessRecord, label: { family: string; member: string }) {
  return record('illness', payload, label);
}

/** An IVA or pap smear screening of a woman. */
export function recordScreening(payload: ScreeningRecord, label: { family: string; member: string }) {
  return record('screening', payload, label);
}

/** Who came to a counselling session (a new one, or more attendees of a recent one: same session id). */
export function recordSessionAttendance(payload: SessionRecord, label: { group?: string; family?: string }) {
  return record('session_attendance', payload, label);
}

/** A new id for a counselling session made on the phone. */
export const newSessionId = () => newClientId();

// ---- end of the health worker's records ----

/** A refused op queued again (a payment with its amount corrected), sent at once when possible. */
export async function resend(entry: OutboxEntry, amount?: string) {
  await putOutbox(corrected(entry, amount));
  await reloadOutbox();
  if (navigator.onLine) void syncNow();
}

export async function discard(entry: OutboxEntry) {
  await deleteOutbox(entry.clientId);
  await reloadOutbox();
}

let started = false;

/** Loads what the phone holds, then listens for the connection; idempotent. */
export function startField() {
  if (started) {
    // Back on /field after signing in again: the session is worth another look.
    if (state.signedOut && navigator.onLine)
      void refreshSession().then(async (ok) => {
        if (ok) await syncNow();
      });
    return;
  }
  started = true;
  void (async () => {
    const [bundle, worker, outbox] = await Promise.all([loadBundle(), loadWorker(), listOutbox()]);
    set({ bundle: bundle ?? null, worker: worker ?? null, outbox, ready: true });
    if (navigator.onLine) {
      await refreshSession();
      void syncNow();
    }
  })();
  window.addEventListener('online', () => {
    nextTryAt = 0;
    set({ online: true, problem: state.problem === 'offline' ? null : state.problem });
    void syncNow();
  });
  window.addEventListener('offline', () => set({ online: false }));
  // Signal comes and goes without `online` events, and the first request after one can still
  // fail (weak links): retry while something waits, sooner after a fresh failure.
  setInterval(() => {
    if (!navigator.onLine || state.syncing || state.signedOut || Date.now() < nextTryAt) return;
    if (state.worker && sendable(state.outbox, state.worker.username).length > 0) void syncNow();
  }, TICK_MS);
}
