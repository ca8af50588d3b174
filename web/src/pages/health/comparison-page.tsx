/** Repayment of members under care against others (placeholder until built). */
export function ComparisonPage() {
  return null;
}
