import { describe, expect, it } from 'vitest';
import { pdfText } from '../../testing/pdf-text.ts';
import { renderBeritaAcara } from './berita-acara.ts';

describe('berita acara PDF', () => {
  it('states the day, place, agenda, attendance, decisions and signatories', async () => {
    const pdf = await renderBeritaAcara(
      {
        group: { name: 'KUBE Mekar Sari', kindName: 'KUBE / Keluarga Produktif', villages: ['Desa/Kel. Katapang'] },
        meeting: {
          heldOn: '2025-08-17',
          place: 'Balai Desa Katapang',
          agenda: 'Giliran modal bergulir',
          decisions: 'Modal untuk warung Bu Euis',
          minutes: '',
        },
        attendance: [
          { fullName: 'Asep Sunandar', present: true },
          { fullName: 'Euis Komalasari', present: false },
        ],
        officers: { ketua: 'Asep Sunandar' },
        facilitator: 'Agus Setiawan',
      },
      { compress: false },
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('BERITA ACARA MUSYAWARAH KELOMPOK');
    expect(text).toContain('Minggu, 17 Agustus 2025');
    expect(text).toContain('Balai Desa Katapang');
    expect(text).toContain('Daftar hadir (1 dari 2 anggota hadir)');
    expect(text).toContain('Tidak hadir');
    expect(text).toContain('Modal untuk warung Bu Euis');
    expect(text).toContain('( Agus Setiawan )');
  });
});
