/** Counselling sessions and attendance (placeholder until built). */
export function SessionsPage() {
  return null;
}
