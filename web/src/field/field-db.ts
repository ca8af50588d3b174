/**
 * The phone's own storage for the field app: IndexedDB, which survives reloads, airplane mode
 * and the browser being closed. One database, two stores: `kv` (the downloaded bundle, the
 * signed-in worker) and `outbox` (operations recorded offline, keyed by their id).
 */
import { fieldReceiptNumber } from '../../../src/modules/sync/sync.rules.ts';
import type { OutboxEntry, StoredBundle, StoredWorker } from './outbox.ts';

const NAME = 'jaring-field';
const VERSION = 1;

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(NAME, VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('kv')) db.createObjectStore('kv');
      if (!db.objectStoreNames.contains('outbox')) db.createObjectStore('outbox', { keyPath: 'clientId' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => {
      opening = null;
      reject(request.error);
    };
  });
  return opening;
}

/** One request in its own transaction, resolved when the transaction has committed. */
async function run<T>(store: 'kv' | 'outbox', mode: IDBTransactionMode, work: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, mode);
    const request = work(tx.objectStore(store));
    tx.oncomplete = () => resolve(request.result);
    tx.onerror = () => reject(tx.error ?? request.error);
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export const loadBundle = () => run<StoredBundle | undefined>('kv', 'readonly', (s) => s.get('bundle'));
export const saveBundle = (bundle: StoredBundle) => run('kv', 'readwrite', (s) => s.put(bundle, 'bundle'));
export const loadWorker = () => run<StoredWorker | undefined>('kv', 'readonly', (s) => s.get('worker'));
export const saveWorker = (worker: StoredWorker) => run('kv', 'readwrite', (s) => s.put(worker, 'worker'));

export const listOutbox = () => run<OutboxEntry[]>('outbox', 'readonly', (s) => s.getAll());
export const putOutbox = (entry: OutboxEntry) => run('outbox', 'readwrite', (s) => s.put(entry));
export const deleteOutbox = (clientId: string) => run('outbox', 'readwrite', (s) => s.delete(clientId));

/** Several entries in one transaction: the answers of one sync are stored together or not at all. */
export async function putOutboxMany(entries: OutboxEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const db = await open();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('outbox', 'readwrite');
    for (const entry of entries) tx.objectStore('outbox').put(entry);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** The phone's device code (from the server, once) and the next number of its receipts, for one worker. */
export type StoredDevice = { code: string; username: string; next: number };
export const loadDevice = () => run<StoredDevice | undefined>('kv', 'readonly', (s) => s.get('device'));
export const saveDevice = (device: StoredDevice) => run('kv', 'readwrite', (s) => s.put(device, 'device'));

/**
 * The next receipt number of this phone for the worker ("F007-00012"), taken in one transaction
 * so two tabs never take the same one; undefined when the phone has no device code for them yet.
 */
export async function takeReceiptNumber(username: string): Promise<string | undefined> {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction('kv', 'readwrite');
    const store = tx.objectStore('kv');
    let number: string | undefined;
    const read = store.get('device');
    read.onsuccess = () => {
      const device = read.result as StoredDevice | undefined;
      if (!device || device.username !== username) return;
      number = fieldReceiptNumber(device.code, device.next);
      store.put({ ...device, next: device.next + 1 }, 'device');
    };
    tx.oncomplete = () => resolve(number);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}
