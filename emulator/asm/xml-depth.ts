/**
 * The deepest element nesting of an XML text, found in one linear pass over its tags, with no recursion and
 * without building a tree. fast-xml-parser builds its tree recursively: 100,000 nested elements overflowed the
 * stack (a 500). A Service Management body is two levels deep, so anything past a small bound is refused before
 * parsing. Comments, CDATA and processing instructions are skipped; it counts, it does not validate.
 */
export function xmlNestingDepth(text: string, stopAt: number): number {
  let depth = 0;
  let deepest = 0;
  const tags = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)[^<>]*?(\/?)>/g;
  for (let match = tags.exec(text); match !== null; match = tags.exec(text)) {
    if (match[0].startsWith('<!') || match[0].startsWith('<?')) continue;
    if (match[1] === '/') depth--;
    else if (match[2] !== '/') depth++;
    if (depth > deepest) {
      deepest = depth;
      if (deepest > stopAt) return deepest;
    }
  }
  return deepest;
}
