/** Members at risk: ill and due (placeholder until built). */
export function AtRiskPage() {
  return null;
}
