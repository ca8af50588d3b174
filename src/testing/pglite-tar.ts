/**
 * A PGlite data directory dump (a ustar archive) without its spare WAL segments: after a
 * CHECKPOINT the segments after the current one are recycled files PostgreSQL preallocated
 * and never reads back (it creates a missing one when it needs it). Every test database is
 * loaded from the template, so 48 MB less to unpack per test file.
 */
export function withoutSpareWal(tar: Uint8Array, currentSegment: string): Uint8Array {
  const kept: Uint8Array[] = [];
  let offset = 0;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const size = Number.parseInt(text(header, 124, 12).trim() || '0', 8);
    const end = offset + 512 + Math.ceil(size / 512) * 512;
    const name = `${text(header, 345, 155)}${text(header, 0, 100)}`;
    const segment = /pg_wal\/([0-9A-F]{24})$/.exec(name)?.[1];
    if (!(segment && segment > currentSegment)) kept.push(tar.subarray(offset, end));
    offset = end;
  }
  kept.push(new Uint8Array(1024));
  const out = new Uint8Array(kept.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of kept) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function text(bytes: Uint8Array, start: number, length: number): string {
  const field = bytes.subarray(start, start + length);
  const nul = field.indexOf(0);
  return Buffer.from(nul === -1 ? field : field.subarray(0, nul)).toString('latin1');
}
