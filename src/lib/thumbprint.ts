// Separators people paste with a thumbprint: openssl's colons, Windows' spaces (with the invisible
// left-to-right mark certmgr puts in front), dashes, and no-break spaces.
const SEPARATORS = /[\s:\-\u200e\u200f\u00a0]/g;

/**
 * The thumbprint in what was typed, as services store it (hex, upper case, no separators), or null when the
 * text is not hex once the separators are gone: `58:36:da:…` and `58 36 DA …` both become `5836DA…`.
 */
export function thumbprintNeedle(text: string): string | null {
  const hex = text.replace(SEPARATORS, '');
  return /^[0-9a-f]+$/i.test(hex) ? hex.toUpperCase() : null;
}

/** Whether a stored thumbprint contains what was typed, ignoring separators and case. */
export function thumbprintMatches(thumbprint: string, text: string): boolean {
  const needle = thumbprintNeedle(text);
  return needle !== null && thumbprint.toUpperCase().includes(needle);
}
