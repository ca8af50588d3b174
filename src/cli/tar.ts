/**
 * Just enough of the tar format (POSIX ustar) to put one small file in front of PGlite's
 * data-directory tarball and read it back: the backup file stays an ordinary .tar.gz.
 */
const BLOCK = 512;

function octal(value: number, length: number): string {
  return `${value.toString(8).padStart(length - 1, '0')}\0`;
}

export function tarEntry(name: string, data: Uint8Array, modifiedAt: Date): Uint8Array {
  const header = new Uint8Array(BLOCK);
  const put = (text: string, offset: number) => {
    for (let i = 0; i < text.length; i++) header[offset + i] = text.charCodeAt(i) & 0xff;
  };
  put(name, 0);
  put(octal(0o644, 8), 100);
  put(octal(0, 8), 108);
  put(octal(0, 8), 116);
  put(octal(data.length, 12), 124);
  put(octal(Math.floor(modifiedAt.getTime() / 1000), 12), 136);
  put('        ', 148); // the checksum counts its own field as spaces
  put('0', 156);
  put('ustar\u000000', 257);
  let sum = 0;
  for (const byte of header) sum += byte;
  put(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  const padded = new Uint8Array(BLOCK + Math.ceil(data.length / BLOCK) * BLOCK);
  padded.set(header, 0);
  padded.set(data, BLOCK);
  return padded;
}

/** The first entry of a tarball, if it has the given name. */
export function firstTarEntry(tar: Uint8Array, name: string): Uint8Array | null {
  if (tar.length < BLOCK) return null;
  const header = tar.subarray(0, BLOCK);
  const end = header.indexOf(0);
  const entryName = Buffer.from(header.subarray(0, end >= 0 && end < 100 ? end : 100)).toString('latin1');
  if (entryName !== name || Buffer.from(header.subarray(257, 262)).toString('latin1') !== 'ustar') return null;
  const size = Number.parseInt(Buffer.from(header.subarray(124, 135)).toString('latin1'), 8);
  if (!Number.isFinite(size) || BLOCK + size > tar.length) return null;
  return tar.subarray(BLOCK, BLOCK + size);
}
