// The internal DTD subset of a document: `<!DOCTYPE name [ ... ]>`.
const INTERNAL_SUBSET = /<!DOCTYPE[^[>]*\[([\s\S]*?)\]\s*>/i;
const ENTITY_DECL = /<!ENTITY\s+%?\s*[^\s"']+\s+(?:"([^"]*)"|'([^']*)'|(SYSTEM|PUBLIC)\b)/gi;
// A reference to a named entity (`&name;` or `%name;`), not a character reference.
const NAMED_REF = /[&%][A-Za-z_][\w.-]*;/;

/**
 * Refuses DTDs built for entity-expansion attacks before any parser sees them: an entity whose
 * value refers to another entity (billion laughs, quadratic blow-up) or an external entity (XXE).
 * The parser already leaves entities unexpanded; this makes such a feed a clear error instead of
 * a feed full of `&lol9;`. Plain declarations (`<!ENTITY nbsp "&#160;">`) pass.
 */
export function hostileDtd(xml: string): string | null {
  // The whole document is read: comments or whitespace before the DOCTYPE must not hide it.
  const subset = INTERNAL_SUBSET.exec(xml)?.[1];
  if (subset === undefined) return null;
  for (const m of subset.matchAll(ENTITY_DECL)) {
    if (m[3] !== undefined) return 'the document declares an external entity';
    const value = m[1] ?? m[2] ?? '';
    if (NAMED_REF.test(value)) return 'the document declares nested entities (an entity-expansion attack)';
  }
  return null;
}
