/** Part of a person's health page (placeholder until built). */
export function PersonScreenings(_props: { personId: string }) {
  return null;
}
