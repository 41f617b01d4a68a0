import { describe, expect, it } from 'vitest';
import { documentTitle } from '../document-title';

describe('documentTitle', () => {
  it('joins the blade, its context and the app with en dashes', () => {
    expect(documentTitle(['Management certificates', 'Contoso Production'])).toBe('Management certificates – Contoso Production – certportal');
  });
  it('leaves out a part that is still a GUID, and empty parts', () => {
    expect(documentTitle(['Management certificates', '0b1f6471-1bf0-4dda-aec3-cb9272f09590'])).toBe('Management certificates – certportal');
    expect(documentTitle(['Home', null, undefined, ''])).toBe('Home – certportal');
  });
});
