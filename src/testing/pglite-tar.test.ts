import { describe, expect, it } from 'vitest';
import { withoutSpareWal } from './pglite-tar.ts';

/** A ustar member: header (name, octal size, checksum left blank) and its data padded to 512 bytes. */
function member(name: string, data: string): Uint8Array {
  const header = new Uint8Array(512);
  header.set(Buffer.from(name, 'latin1'), 0);
  header.set(Buffer.from(`${data.length.toString(8).padStart(11, '0')}\0`, 'latin1'), 124);
  const body = new Uint8Array(Math.ceil(data.length / 512) * 512);
  body.set(Buffer.from(data, 'latin1'));
  return Buffer.concat([header, body]);
}
const names = (tar: Uint8Array) => {
  const found: string[] = [];
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    found.push(Buffer.from(header.subarray(0, header.indexOf(0))).toString('latin1'));
    at += 512 + Math.ceil(Number.parseInt(Buffer.from(header.subarray(124, 135)).toString('latin1'), 8) / 512) * 512;
  }
  return found;
};

describe('PGlite template without spare WAL', () => {
  it('keeps every file and the WAL up to the current segment, drops the recycled ones after it', () => {
    const tar = Buffer.concat([
      member('/PG_VERSION', '17\n'),
      member('/pg_wal/000000010000000000000003', 'old'),
      member('/pg_wal/000000010000000000000004', 'x'.repeat(700)),
      member('/pg_wal/000000010000000000000005', 'spare'),
      member('/base/5/1259', 'y'.repeat(1024)),
      member('/pg_wal/000000010000000000000007', 'spare'),
      new Uint8Array(1024),
    ]);
    const kept = withoutSpareWal(tar, '000000010000000000000004');
    expect(names(kept)).toEqual(['/PG_VERSION', '/pg_wal/000000010000000000000003', '/pg_wal/000000010000000000000004', '/base/5/1259']);
    expect(kept.length).toBe(tar.length - 2 * 1024);
    expect(Buffer.from(kept.subarray(kept.length - 1024)).every((b) => b === 0)).toBe(true);
  });
});
