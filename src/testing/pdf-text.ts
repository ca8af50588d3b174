import { inflateSync } from 'node:zlib';

/**
 * The text a reader sees in a PDFKit document (standard fonts), compressed or not: each
 * content stream is inflated when it is Flate-encoded, then its TJ arrays are read (hex
 * strings in WinAnsi; large negative kerning is a justified gap).
 */
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const streams: string[] = [];
  for (const match of source.matchAll(/<<([\s\S]*?)>>\s*stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = source.indexOf('endstream', start);
    const raw = pdf.subarray(start, end);
    if (/\/FlateDecode/.test(match[1] ?? '')) {
      try {
        streams.push(inflateSync(raw).toString('latin1'));
      } catch {
        // Not a content stream we can read (an image, say): no text in it.
      }
    } else streams.push(raw.toString('latin1'));
  }
  return streams
    .flatMap((stream) => [...stream.matchAll(/\[([^\]]*)\] TJ/g)])
    .map((m) =>
      [...(m[1] ?? '').matchAll(/<([0-9a-f]*)>|(-?\d+(?:\.\d+)?)/g)]
        .map((t) => (t[1] !== undefined ? Buffer.from(t[1], 'hex').toString('latin1') : Number(t[2]) < -200 ? ' ' : ''))
        .join(''),
    )
    .join(' ')
    .replace(/\s+/g, ' ');
}
