import { useEffect } from 'react';
import { GUID_PATTERN } from '../lib/guid';

export const APP_NAME = 'certportal';

/**
 * "Management certificates – Contoso Production – certportal": what the browser's tab, history and a screen reader's
 * window list show for a blade. A part that is still a GUID (a subscription's name not yet loaded) is left out rather
 * than shown, so the title never names a subscription by its id.
 */
export function documentTitle(parts: readonly (string | null | undefined)[]): string {
  return [...parts.filter((p): p is string => !!p && !GUID_PATTERN.test(p.trim())), APP_NAME].join(' – ');
}

/** Sets the document title while the calling blade is shown, and the app's name again when it goes. */
export function useDocumentTitle(parts: readonly (string | null | undefined)[]): void {
  const title = documentTitle(parts);
  useEffect(() => {
    document.title = title;
  }, [title]);
  useEffect(
    () => () => {
      document.title = APP_NAME;
    },
    [],
  );
}
