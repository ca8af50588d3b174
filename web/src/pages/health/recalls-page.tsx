/** Screening recalls due and overdue (placeholder until built). */
export function RecallsPage() {
  return null;
}
