import { formatDateLong, formatInstantWib } from '../../core/format.ts';
import type { CardCheck } from './cadres.service.ts';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;padding:16px;max-width:32rem;margin:auto;line-height:1.4}
.banner{padding:16px;border-radius:8px;color:#fff;margin-bottom:16px}.ok{background:#2b8a3e}.bad{background:#c92a2a}.wait{background:#9c5200}
.banner h1{margin:0 0 8px;font-size:1.4rem}.org{font-weight:700;font-size:1.1rem;margin:0 0 12px}.checked{font-size:.95rem;margin:12px 0}.report{border:2px solid #c92a2a;border-radius:8px;padding:8px 12px;margin-top:16px}.report a{color:#a51d1d;font-weight:700}dt{font-weight:600;margin-top:8px}dd{margin:0}img{max-width:160px;margin-top:12px;border-radius:8px}`;

const page = (body: string) =>
  `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Verifikasi Kader JKN</title><meta name="robots" content="noindex"><style>
${STYLE}
</style></head><body>${body}
<p><small>Halaman resmi verifikasi kartu kader JKN-KIS. Kartu palsu tidak dapat lolos pemeriksaan ini.</small></p></body></html>`;

/**
 * What a scanner sees once the client has used up its lookups: the card is not judged either
 * way, so the page must not read as a warning about the cadre.
 */
export function renderTooManyLookupsPage(retryAfterSeconds: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return page(`<div class="banner wait" role="status"><h1>Terlalu banyak pemeriksaan</h1>
<p>Terlalu banyak pemeriksaan, coba lagi dalam ${seconds} detik.</p></div>
<p>Kartu ini belum diperiksa. Tunggu sebentar, lalu pindai kode QR atau muat ulang halaman ini.</p>`);
}

/** The public page a card's QR code opens: Bahasa Indonesia, readable on a cheap phone, loud when something is wrong. */
export function renderVerificationPage(result: CardCheck): string {
  let banner: { tone: 'ok' | 'bad'; title: string; text: string };
  if (!result.valid)
    banner = {
      tone: 'bad',
      title: 'AWAS: KARTU TIDAK SAH',
      text: `${result.reason} Jangan serahkan uang atau data pribadi. Laporkan ke kantor BPJS Kesehatan atau kantor kami.`,
    };
  else if (result.status === 'revoked')
    banner = {
      tone: 'bad',
      title: 'AWAS: KARTU DICABUT',
      text: 'Orang ini bukan lagi kader JKN. Jangan serahkan iuran atau data pribadi kepadanya.',
    };
  else if (result.status === 'suspended')
    banner = {
      tone: 'bad',
      title: 'AWAS: KADER DIBEKUKAN',
      text: 'Tugas kader ini sedang dihentikan sementara. Jangan serahkan iuran kepadanya.',
    };
  else if (result.expired)
    banner = { tone: 'bad', title: 'AWAS: KARTU KEDALUWARSA', text: 'Surat tugas kader ini sudah habis masa berlakunya.' };
  else banner = { tone: 'ok', title: 'KADER JKN TERVERIFIKASI', text: 'Kartu ini asli dan kader ini sedang bertugas.' };
  // A revoked card reads as revoked only: its old end date must not look like a promise.
  const validity =
    result.valid && result.status === 'revoked'
      ? '<dt>Status</dt><dd>Dicabut: bukan kader lagi</dd>'
      : result.valid
        ? `<dt>Berlaku sampai</dt><dd>${escapeHtml(formatDateLong(result.validUntil))}</dd>`
        : '';
  const details = result.valid
    ? `<dl>
<dt>Nama</dt><dd>${escapeHtml(result.name)}</dd>
<dt>Nomor surat tugas</dt><dd>${escapeHtml(result.letterNumber)}</dd>
<dt>Wilayah tugas</dt><dd>${escapeHtml(result.area)}</dd>
${validity}
</dl>${result.photoUrl ? `<img src="${escapeHtml(result.photoUrl)}" alt="Foto ${escapeHtml(result.name)}">` : ''}`
    : '';
  const phone = result.reportContact?.replace(/[^+\d]/g, '') ?? '';
  const contact = result.reportContact
    ? `<p class="report">Curiga kartu palsu atau kader meminta uang tanpa tanda terima? Laporkan ke ${escapeHtml(result.organisation)}: ${
        phone.length >= 8 ? `<a href="tel:${escapeHtml(phone)}">${escapeHtml(result.reportContact)}</a>` : escapeHtml(result.reportContact)
      }</p>`
    : `<p class="report">Curiga kartu palsu? Laporkan ke kantor ${escapeHtml(result.organisation)} terdekat.</p>`;
  return page(
    `<p class="org">${escapeHtml(result.organisation)}</p><div class="banner ${banner.tone}" role="alert"><h1>${escapeHtml(banner.title)}</h1><p>${escapeHtml(banner.text)}</p></div>
<p class="checked" data-testid="checked-at">Diperiksa pada <strong>${escapeHtml(formatInstantWib(result.checkedAt))}</strong> (waktu server).</p>${details}${contact}`,
  );
}
