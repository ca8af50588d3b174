/** Part of a person's health page (placeholder until built). */
export function PersonHealthProfile(_props: { personId: string }) {
  return null;
}
