/** IKS by family, village and office (placeholder until built). */
export function IksPage() {
  return null;
}
