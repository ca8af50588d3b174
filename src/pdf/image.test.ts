import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rgbaPng, TINY_JPEG, TINY_PNG } from '../testing/images.ts';
import { renderPdf } from './document.ts';
import { printableImage } from './image.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const printsInPdf = (bytes: Buffer) =>
  renderPdf((doc) => doc.image(bytes, 0, 0, { cover: [49, 63] }), { title: 'photo', size: [60, 70], margin: 0 });

describe('printableImage', () => {
  it('reads a real JPEG and PNG, with their sizes', async () => {
    expect(printableImage(TINY_JPEG)).toEqual({ type: 'image/jpeg', width: 6, height: 8 });
    expect(printableImage(TINY_PNG)).toEqual({ type: 'image/png', width: 6, height: 8 });
    expect(printableImage(rgbaPng(1, 1, new Uint8Array([0, 1, 2, 3, 4])))).toEqual({ type: 'image/png', width: 1, height: 1 });
    for (const image of [TINY_JPEG, TINY_PNG]) expect((await printsInPdf(image)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses a signature followed by anything else', () => {
    expect(printableImage(Buffer.from('\xff\xd8\xff not a photo', 'latin1'))).toBeNull();
    expect(printableImage(Buffer.concat([PNG_SIGNATURE, Buffer.from('not a photo')]))).toBeNull();
    fc.assert(
      fc.property(
        fc.constantFrom(Buffer.from([0xff, 0xd8, 0xff]), PNG_SIGNATURE),
        fc.uint8Array({ maxLength: 2000 }),
        (signature, rest) => {
          expect(printableImage(Buffer.concat([signature, rest]))).toBeNull();
        },
      ),
    );
  });

  it('refuses every file cut short', () => {
    for (const image of [TINY_JPEG, TINY_PNG])
      for (let length = 0; length < image.length; length++) expect(printableImage(image.subarray(0, length)), `${length}`).toBeNull();
  });

  it('refuses a PNG with a wrong CRC, rows with an unknown filter, or more or less data than its header says', () => {
    const flipped = Buffer.from(TINY_PNG);
    flipped[45] = (flipped[45] ?? 0) ^ 1; // inside the IDAT's data
    expect(printableImage(flipped)).toBeNull();
    // pdfkit meets this filter byte in a callback, outside any request: it took the server down.
    expect(printableImage(rgbaPng(1, 1, new Uint8Array([7, 1, 2, 3, 4])))).toBeNull();
    expect(printableImage(rgbaPng(1, 1, new Uint8Array([0, 1, 2, 3])))).toBeNull();
    expect(printableImage(rgbaPng(1, 1, new Uint8Array([0, 1, 2, 3, 4, 5])))).toBeNull();
    // 10 000 × 10 000 RGBA would inflate to 400 MB: refused before inflating.
    expect(printableImage(rgbaPng(10_000, 10_000, new Uint8Array(1000)))).toBeNull();
  });

  it('whatever it accepts after random damage still prints in a PDF', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(TINY_JPEG, TINY_PNG),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
        async (image, damage) => {
          const damaged = Buffer.from(image);
          for (const [at, value] of damage) damaged[at % damaged.length] = value;
          if (printableImage(damaged)) expect((await printsInPdf(damaged)).subarray(0, 5).toString()).toBe('%PDF-');
        },
      ),
      { numRuns: 300 },
    );
  });
});
