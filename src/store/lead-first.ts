/** The lead's codes first, in its order, then the other articles' codes, sorted. */
export function leadFirst(lead: readonly string[], all: readonly string[]): string[] {
  const rest = all.filter((c) => !lead.includes(c)).sort();
  return [...lead, ...rest];
}
