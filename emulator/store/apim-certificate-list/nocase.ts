/**
 * SQLite's NOCASE in JavaScript: ASCII letters folded, nothing else. Keys compared with it agree with the
 * primary key of apim_certificates (resource group, service and certificate id are COLLATE NOCASE).
 */
export const foldAscii = (text: string): string => text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());

/**
 * A key whose JavaScript order (UTF-16 code units) is `ORDER BY … COLLATE NOCASE`'s: NOCASE compares UTF-8
 * bytes, which is code point order. The two differ only where a surrogate pair (U+10000 and up) meets
 * U+E000–U+FFFF, so those code units are moved past each other: E000–FFFF down by 0x800, surrogates up by 0x2000.
 */
export function nocaseSortKey(text: string): string {
  const folded = foldAscii(text);
  return /[\uD800-\uFFFF]/.test(folded)
    ? folded.replace(/[\uD800-\uFFFF]/g, (unit) => String.fromCharCode(unit.charCodeAt(0) + (unit.charCodeAt(0) >= 0xe000 ? -0x800 : 0x2000)))
    : folded;
}
