import jsqr from 'jsqr';
import { describe, expect, it } from 'vitest';
import { rgbaPng, TINY_PNG } from '../../testing/images.ts';
import { pdfText } from '../../testing/pdf-text.ts';
import { CARD_SIZE, qrMatrix, renderCadreCard } from './card.pdf.ts';
import { cardVerifyUrl } from './card.rules.ts';

const TOKEN =
  'eyJjIjoiMDE5MDAwMDAtMDAwMC03MDAwLTgwMDAtMDAwMDAwMDAwMDAwIiwidiI6MX0.c2lnbmF0dXJlLW9mLXNpeHR5LWZvdXItYnl0ZXMtZm9yLXRoZS10ZXN0LW9ubHktLS0tLS0tLS0tLS0tLQ';

/** The matrix as an RGBA bitmap (4 px a module, 4-module quiet zone), as a phone camera would see it. */
function decode(matrix: boolean[][]): string | null {
  const scale = 4;
  const size = (matrix.length + 8) * scale;
  const pixels = new Uint8ClampedArray(size * size * 4).fill(255);
  for (const [r, row] of matrix.entries())
    for (const [c, dark] of row.entries()) {
      if (!dark) continue;
      for (let y = 0; y < scale; y++)
        for (let x = 0; x < scale; x++) {
          const at = (((r + 4) * scale + y) * size + (c + 4) * scale + x) * 4;
          pixels.fill(0, at, at + 3);
        }
    }
  return jsqr.default(pixels, size, size)?.data ?? null;
}

describe('cadre ID card', () => {
  it('points the QR code at the public verification page of the token', () => {
    expect(cardVerifyUrl('https://jaring.example.id/', TOKEN)).toBe(`https://jaring.example.id/v/${TOKEN}`);
    expect(decode(qrMatrix(cardVerifyUrl('https://jaring.example.id', TOKEN)))).toBe(`https://jaring.example.id/v/${TOKEN}`);
  });

  const card = {
    organisation: 'JKM Demo',
    office: 'Kantor Pusat Yogyakarta',
    name: 'Sri Wahyuni',
    letterNumber: '123/ST/KC-YK/2026',
    letterDate: '2026-01-05',
    signedBy: 'Kepala Cabang Yogyakarta',
    area: 'Kricak, Karangwaru',
    validUntil: '2027-01-04',
    verifyUrl: cardVerifyUrl('https://jaring.example.id', TOKEN),
  };

  it('prints the photo, and a photo that does not read as the empty box to paste one in', async () => {
    expect(pdfText(await renderCadreCard({ ...card, photo: { bytes: TINY_PNG } }))).not.toContain('Tempel foto');
    // Its rows name filter 7: pdfkit threw that from a zlib callback, outside any request, and the PDF never ended.
    for (const bytes of [rgbaPng(1, 1, new Uint8Array([7, 1, 2, 3, 4])), Buffer.from('\xff\xd8\xff garbage', 'latin1')]) {
      const pdf = await renderCadreCard({ ...card, photo: { bytes } });
      expect(pdf.toString('latin1')).not.toContain('/Subtype /Image');
      expect(pdfText(pdf)).toContain('Tempel foto');
    }
  });

  it('prints a credit-card-sized card with the name, letter number, area and validity', async () => {
    const pdf = await renderCadreCard(card);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain(`/MediaBox [0 0 ${CARD_SIZE[0]} ${CARD_SIZE[1]}]`);
    const text = pdfText(pdf);
    for (const expected of [
      'KADER JKN-KIS',
      'Sri Wahyuni',
      '123/ST/KC-YK/2026',
      'Kricak, Karangwaru',
      '4 Januari 2027',
      'jaring.example.id',
    ])
      expect(text).toContain(expected);
  });
});
