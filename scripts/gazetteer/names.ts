/** A list of names written as one template string, separated by `|` or new lines. */
export function names(strings: TemplateStringsArray): readonly string[] {
  return strings
    .join('')
    .split(/[|\n]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
