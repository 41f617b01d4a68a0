import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * Focus for a dialog or pane that is mounted while open: it starts on `initial` (the first field, or Cancel in a
 * destructive confirmation) rather than on Close or Delete, and goes back to the element that opened it when it
 * unmounts. When that element is gone (a row menu's item), `fallback` names where focus goes instead.
 */
export function useDialogFocus<T extends HTMLElement>(fallback?: () => HTMLElement | null): RefObject<T | null> {
  const initial = useRef<T | null>(null);
  // Read during the first render, before the dialog takes focus: this is what opened it.
  const [opener] = useState(() => (typeof document === 'undefined' ? null : (document.activeElement as HTMLElement | null)));
  const fallbackRef = useRef(fallback);
  fallbackRef.current = fallback;

  useEffect(() => {
    // After Fluent's own focus trap has placed focus on the first focusable element (Close, or Delete).
    const frame = requestAnimationFrame(() => initial.current?.focus());
    return () => {
      cancelAnimationFrame(frame);
      // After the unmount, when the page is interactive again.
      setTimeout(() => {
        const target = opener && opener.isConnected && opener !== document.body ? opener : fallbackRef.current?.();
        target?.focus();
      }, 0);
    };
  }, [opener]);
  return initial;
}

/** The "…" button of a grid row, where focus goes back when what its menu opened closes. */
export function rowMenuButton(name: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[aria-label="${CSS.escape(`More actions for ${name}`)}"]`);
}
