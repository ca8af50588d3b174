import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';

/**
 * The QR code on a cadre's card: base64url(payload).base64url(Ed25519 signature). Nobody
 * without the server's private key can make one that verifies; the payload holds only the
 * cadre id and the card version (a re-issued card invalidates the old one).
 */
export type CardPayload = { c: string; v: number };
export type SigningKeys = { privateKey: KeyObject; publicKey: KeyObject };

export function generateSigningKeys(): { privatePem: string; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

export const loadSigningKeys = (pems: { privatePem: string; publicPem: string }): SigningKeys => ({
  privateKey: createPrivateKey(pems.privatePem),
  publicKey: createPublicKey(pems.publicPem),
});

export function signCardToken(keys: SigningKeys, payload: CardPayload): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${sign(null, Buffer.from(body), keys.privateKey).toString('base64url')}`;
}

/**
 * The bytes of `text` when it is exactly what base64url encoding of them gives, else null.
 * Node's decoder also takes `+`, `/`, `=` padding, stray characters and non-zero trailing bits,
 * so many spellings decode to the same bytes; a card has one spelling only.
 */
function decodeCanonicalBase64url(text: string): Buffer | null {
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : null;
}

export function readCardToken(keys: SigningKeys, token: string): CardPayload | null {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined || token.length > 300) return null;
  const payloadBytes = decodeCanonicalBase64url(body);
  const signatureBytes = decodeCanonicalBase64url(signature);
  if (!payloadBytes || !signatureBytes) return null;
  try {
    if (!verify(null, Buffer.from(body), keys.publicKey, signatureBytes)) return null;
    const payload = JSON.parse(payloadBytes.toString('utf8')) as CardPayload;
    return typeof payload.c === 'string' && Number.isInteger(payload.v) ? payload : null;
  } catch {
    return null;
  }
}
