/** What a card's QR code holds: the public verification page of its signed token, on the given origin. */
export function cardVerifyUrl(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, '')}/v/${token}`;
}
