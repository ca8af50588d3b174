import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BooksRecord,
  checkDay,
  DayHasher,
  entriesWithLines,
  GENESIS_ROOT,
  RECORD_FIELDS,
  rootOf,
  verifyExport,
} from './books.seal.ts';

const entry = (id: string, memo = 'Setoran'): BooksRecord => ({
  kind: 'entry',
  values: [id, 'office-1', '2026-03-02', memo, 'manual', null, null, 'manajer', '2026-03-02T01:00:00.000000Z'],
});
const line = (entryId: string, no: number, debit: string, credit: string): BooksRecord => ({
  kind: 'line',
  values: [entryId, String(no), '1.1.02', 'office-1', '2026-03-02', debit, credit, null, null, null],
});
const audit = (id: string): BooksRecord => ({
  kind: 'audit',
  values: [
    id,
    '2026-03-02T01:00:00.000000Z',
    'u1',
    'manajer',
    'ledger.post',
    'journal_entry',
    'e1',
    'office-1',
    '34.71',
    null,
    '{"a": 1}',
    'r1',
  ],
});
const day = (): BooksRecord[] => [
  entry('e1'),
  line('e1', 1, '150000', '0'),
  line('e1', 2, '0', '150000'),
  entry('e2'),
  line('e2', 1, '1', '0'),
  line('e2', 2, '0', '1'),
  audit('a1'),
];
const seal = (records: BooksRecord[], previous = GENESIS_ROOT) => {
  const hasher = new DayHasher();
  for (const record of records) hasher.add(record);
  return hasher.seal('office-1', '2026-03-02', previous);
};

async function* linesOf(text: string) {
  for (const line of text.split('\n')) yield line;
}

describe('tamper-evident books', () => {
  it('seals a day into a root that depends on every field, the day and the previous root', () => {
    const sealed = seal(day());
    expect(sealed).toMatchObject({ entries: 2, lines: 4, audits: 1, previousRoot: GENESIS_ROOT });
    expect(sealed.root).toMatch(/^[0-9a-f]{64}$/);
    expect(sealed.digests.length).toBe(4 * (2 * RECORD_FIELDS.entry.length + 4 * RECORD_FIELDS.line.length + RECORD_FIELDS.audit.length));
    expect(seal(day()).root).toBe(sealed.root);
    expect(seal(day(), sealed.root).root).not.toBe(sealed.root);
    expect(checkDay(sealed, day(), GENESIS_ROOT)).toBeNull();
  });

  it('names the record and field of any single change', () => {
    const sealed = seal(day());
    fc.assert(
      fc.property(fc.nat({ max: 6 }), fc.nat(), fc.string({ minLength: 1, maxLength: 8 }), (recordIndex, fieldPick, suffix) => {
        const records = day();
        const record = records[recordIndex] as BooksRecord;
        const fieldIndex = fieldPick % record.values.length;
        record.values[fieldIndex] = `${record.values[fieldIndex] ?? ''}${suffix}`;
        const problem = checkDay(sealed, records, GENESIS_ROOT);
        expect(problem).toMatchObject({ kind: 'field', field: RECORD_FIELDS[record.kind][fieldIndex], record: { kind: record.kind } });
      }),
    );
  });

  it('reports a record added or missing, a root rewritten and a broken chain', () => {
    const sealed = seal(day());
    expect(checkDay(sealed, [...day(), audit('a2')], GENESIS_ROOT)).toMatchObject({
      kind: 'record_added',
      record: { kind: 'audit', id: 'a2' },
    });
    expect(checkDay(sealed, day().slice(0, 6), GENESIS_ROOT)).toMatchObject({ kind: 'record_missing' });
    const forged = { ...sealed, root: 'f'.repeat(64) };
    expect(checkDay(forged, day(), GENESIS_ROOT)).toMatchObject({ kind: 'root' });
    // Changing a record and rewriting its digests still breaks the root the supervisor received.
    const rewritten = seal([entry('e1', 'Setoran palsu'), ...day().slice(1)]);
    expect(checkDay({ ...rewritten, root: sealed.root }, [entry('e1', 'Setoran palsu'), ...day().slice(1)], GENESIS_ROOT)).toMatchObject({
      kind: 'root',
    });
    expect(checkDay(seal(day(), 'a'.repeat(64)), day(), GENESIS_ROOT)).toMatchObject({ kind: 'chain' });
    expect(rootOf(sealed)).toBe(sealed.root);
  });

  it('puts each entry’s lines right after it', () => {
    const merged = [
      ...entriesWithLines([entry('e1'), entry('e2')], [line('e1', 1, '1', '0'), line('e1', 2, '0', '1'), line('e2', 1, '2', '0')]),
    ];
    expect(merged.map((record) => `${record.kind}:${record.values[0]}`)).toEqual(['entry:e1', 'line:e1', 'line:e1', 'entry:e2', 'line:e2']);
  });

  it('verifies an export offline, day by day and chained', async () => {
    const first = seal(day());
    const second = { ...seal([audit('a9')], first.root), day: '2026-03-03' };
    const secondSealed = { ...second, root: rootOf(second) };
    const sealLine = (s: typeof first) => JSON.stringify({ seal: { ...s, digests: s.digests.toString('base64') } });
    const header = JSON.stringify({ format: 'jaring-books/1', office: { code: 'YK01' }, previousRoot: GENESIS_ROOT });
    const recordLines = (records: BooksRecord[]) => records.map((r) => JSON.stringify([r.kind, ...r.values]));
    const file = [header, sealLine(first), ...recordLines(day()), sealLine(secondSealed), ...recordLines([audit('a9')])].join('\n');
    expect(await verifyExport(linesOf(file))).toMatchObject({
      office: 'YK01',
      days: 2,
      records: 8,
      lastRoot: secondSealed.root,
      problem: null,
    });
    const cutChain = [header, sealLine(secondSealed), ...recordLines([audit('a9')])].join('\n');
    expect((await verifyExport(linesOf(cutChain))).problem).toMatchObject({ kind: 'chain', day: '2026-03-03' });
    expect((await verifyExport(linesOf('PK\u0003\u0004'))).malformed).toEqual({ lineNo: 1, reason: 'not JSON' });
    expect((await verifyExport(linesOf('{"format":"other"}'))).malformed).toMatchObject({ lineNo: 1 });
    expect((await verifyExport(linesOf(`${header}\n["entry","x"]`))).malformed).toMatchObject({ lineNo: 2 });
  });
});
