import { describe, expect, it } from 'vitest';
import { thumbprintMatches, thumbprintNeedle } from '../thumbprint';

const STORED = '5836DA0C9F1E2B3A4C5D6E7F8091A2B3C4D5E6F7';

describe('thumbprint search', () => {
  it("finds openssl's colon form, Windows' spaced form (with its invisible mark) and lower case", () => {
    expect(thumbprintMatches(STORED, '58:36:DA:0C:9F')).toBe(true);
    expect(thumbprintMatches(STORED, '\u200e58 36 da 0c 9f 1e')).toBe(true);
    expect(thumbprintMatches(STORED, '5836da0c')).toBe(true);
    expect(thumbprintMatches(STORED, '58-36-DA')).toBe(true);
  });

  it('does not match other hex, nor text that is not a thumbprint', () => {
    expect(thumbprintMatches(STORED, '58:36:DB')).toBe(false);
    expect(thumbprintNeedle('contoso')).toBeNull();
    expect(thumbprintNeedle(':: ')).toBeNull();
  });
});
