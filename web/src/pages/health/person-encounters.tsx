/** Part of a person's health page (placeholder until built). */
export function PersonEncounters(_props: { personId: string }) {
  return null;
}
