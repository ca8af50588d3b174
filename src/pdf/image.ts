import { crc32, inflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';

export type ImageType = 'image/jpeg' | 'image/png';
export type ImageInfo = { type: ImageType; width: number; height: number };

/** pdfkit's image loader, which its type definitions leave out: it parses the file as `doc.image` will. */
type PdfkitImageLoader = { openImage(source: Buffer): { width: number; height: number } };

/** Larger images are refused: a small PNG can inflate to gigabytes, and a card prints 2 × 3 cm. */
const MAX_SIDE = 10_000;
const MAX_PIXEL_BYTES = 64 * 1024 * 1024;

/**
 * What a JPEG or PNG is, when the whole file is well-formed and pdfkit can place it in a PDF;
 * null for anything else. A first few bytes that look right prove nothing: a file cut short or
 * with garbage after the signature used to be stored and then broke every PDF it was printed in.
 */
export function printableImage(bytes: Uint8Array): ImageInfo | null {
  const info = isPng(bytes) ? readPng(bytes) : isJpeg(bytes) ? readJpeg(bytes) : null;
  if (!info) return null;
  // The checks above are the spec's; pdfkit's own parser is laxer and reads some files its own way.
  try {
    const doc = new PDFDocument({ autoFirstPage: false }) as unknown as PdfkitImageLoader;
    const opened = doc.openImage(Buffer.from(bytes));
    return opened.width === info.width && opened.height === info.height ? info : null;
  } catch {
    return null;
  }
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const isPng = (bytes: Uint8Array) => bytes.length > 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
const isJpeg = (bytes: Uint8Array) => bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;

/** What the first bytes claim the file is (a claim only: `printableImage` checks it). */
export const imageSignature = (bytes: Uint8Array): ImageType | null => (isPng(bytes) ? 'image/png' : isJpeg(bytes) ? 'image/jpeg' : null);

const u16 = (bytes: Uint8Array, at: number) => ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
const u32 = (bytes: Uint8Array, at: number) => u16(bytes, at) * 65_536 + u16(bytes, at + 2);

/** PNG colour types and the bit depths each allows (PNG spec, table 11.1), with samples per pixel. */
const PNG_COLOUR_TYPES: Record<number, { depths: number[]; samples: number }> = {
  0: { depths: [1, 2, 4, 8, 16], samples: 1 },
  2: { depths: [8, 16], samples: 3 },
  3: { depths: [1, 2, 4, 8], samples: 1 },
  4: { depths: [8, 16], samples: 2 },
  6: { depths: [8, 16], samples: 4 },
};
/** Adam7 passes: first column, first row, column step, row step. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/** Chunks with their CRCs, IHDR first, PLTE where needed, IDAT that inflates to exactly the rows IHDR promises, IEND. */
function readPng(bytes: Uint8Array): ImageInfo | null {
  let at = 8;
  let header: { width: number; height: number; depth: number; colourType: number; interlaced: boolean } | null = null;
  let palette = false;
  const data: Uint8Array[] = [];
  for (;;) {
    if (at + 12 > bytes.length) return null;
    const length = u32(bytes, at);
    const end = at + 12 + length;
    if (end > bytes.length) return null;
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== u32(bytes, at + 8 + length)) return null;
    if (!header && type !== 'IHDR') return null;
    if (type === 'IHDR') {
      if (header || length !== 13) return null;
      const [depth = 0, colourType = 0, compression, filter, interlace] = body.subarray(8);
      const width = u32(body, 0);
      const height = u32(body, 4);
      if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) return null;
      if (!PNG_COLOUR_TYPES[colourType]?.depths.includes(depth) || compression !== 0 || filter !== 0 || (interlace ?? 2) > 1) return null;
      header = { width, height, depth, colourType, interlaced: interlace === 1 };
    } else if (type === 'PLTE') {
      if (length === 0 || length % 3 !== 0 || length > 768 || data.length > 0) return null;
      palette = true;
    } else if (type === 'IDAT') {
      data.push(body);
    } else if (type === 'IEND') {
      break;
    }
    at = end;
  }
  if (!header || data.length === 0 || (header.colourType === 3 && !palette)) return null;
  const rows = pngRows(header);
  const expected = rows.reduce((sum, row) => sum + row.count * (1 + row.bytes), 0);
  if (expected > MAX_PIXEL_BYTES) return null;
  let pixels: Buffer;
  try {
    pixels = inflateSync(Buffer.concat(data), { maxOutputLength: expected });
  } catch {
    return null;
  }
  if (pixels.length !== expected) return null;
  // Each row starts with its filter type, 0 to 4.
  let offset = 0;
  for (const row of rows) for (let r = 0; r < row.count; r++, offset += 1 + row.bytes) if ((pixels[offset] ?? 5) > 4) return null;
  return { type: 'image/png', width: header.width, height: header.height };
}

/** The rows of filtered pixel data: one run for a plain image, one per non-empty Adam7 pass for an interlaced one. */
function pngRows(header: { width: number; height: number; depth: number; colourType: number; interlaced: boolean }) {
  const bitsPerPixel = header.depth * (PNG_COLOUR_TYPES[header.colourType]?.samples ?? 1);
  const rowBytes = (width: number) => Math.ceil((width * bitsPerPixel) / 8);
  if (!header.interlaced) return [{ count: header.height, bytes: rowBytes(header.width) }];
  return ADAM7.map(([x0, y0, dx, dy]) => ({
    width: Math.ceil((header.width - x0) / dx),
    count: Math.ceil((header.height - y0) / dy),
  }))
    .filter((pass) => pass.width > 0 && pass.count > 0)
    .map((pass) => ({ count: pass.count, bytes: rowBytes(pass.width) }));
}

/** Baseline, extended and progressive Huffman JPEG: what every PDF reader's DCTDecode draws. */
const JPEG_FRAMES = [0xc0, 0xc1, 0xc2];
const isStandalone = (marker: number) => (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01;

/**
 * Segments with lengths that fit, one frame header (8-bit samples, 1, 3 or 4 components),
 * quantisation and Huffman tables, at least one scan whose entropy-coded data ends in a
 * marker, and the end-of-image marker. The coefficients themselves are not decoded.
 */
function readJpeg(bytes: Uint8Array): ImageInfo | null {
  let at = 2;
  let frame: { width: number; height: number; components: number } | null = null;
  let tables = { quantisation: false, huffman: false };
  let scans = 0;
  for (;;) {
    if (bytes[at] !== 0xff) return null;
    while (bytes[at + 1] === 0xff) at++;
    const marker = bytes[at + 1];
    if (marker === undefined) return null;
    at += 2;
    if (marker === 0xd9) break;
    if (marker === 0xd8 || marker === 0x00) return null;
    if (isStandalone(marker)) continue;
    const length = u16(bytes, at);
    if (length < 2 || at + length > bytes.length) return null;
    const segment = bytes.subarray(at + 2, at + length);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (frame || !JPEG_FRAMES.includes(marker)) return null;
      const components = segment[5] ?? 0;
      frame = { height: u16(segment, 1), width: u16(segment, 3), components };
      if (segment[0] !== 8 || frame.height < 1 || frame.width < 1 || ![1, 3, 4].includes(components)) return null;
      if (length !== 8 + 3 * components) return null;
    } else if (marker === 0xdb) tables = { ...tables, quantisation: true };
    else if (marker === 0xc4) tables = { ...tables, huffman: true };
    else if (marker === 0xda) {
      const components = segment[0] ?? 0;
      if (!frame || !tables.quantisation || !tables.huffman || components < 1 || components > 4 || length !== 6 + 2 * components)
        return null;
      scans++;
      at = endOfEntropyCodedData(bytes, at + length);
      if (at < 0) return null;
      continue;
    }
    at += length;
  }
  if (!frame || scans === 0) return null;
  return { type: 'image/jpeg', width: frame.width, height: frame.height };
}

/** Where the next marker after a scan's data starts (0xFF00 is a stuffed byte, RSTn restarts the interval), or -1 if the file ends first. */
function endOfEntropyCodedData(bytes: Uint8Array, from: number): number {
  for (let at = from; at + 1 < bytes.length; at++) {
    if (bytes[at] !== 0xff) continue;
    const next = bytes[at + 1] ?? 0;
    if (next === 0x00 || next === 0xff || (next >= 0xd0 && next <= 0xd7)) continue;
    return at;
  }
  return -1;
}
