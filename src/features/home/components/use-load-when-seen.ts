import { useEffect, useState, type RefObject } from 'react';

/**
 * True once the element has come within `margin` of the viewport and the browser has then been idle: the
 * chart's library (recharts, ~115 KB gzip) is fetched only for a person who scrolls to it, and never competes
 * with the grid's first rows for the network or the main thread.
 */
export function useLoadWhenSeen(ref: RefObject<Element | null>, margin = '200px'): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (ready || !element) return;
    let idle: number | undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        // Safari has no requestIdleCallback; a short timeout stands in for it there.
        idle = window.requestIdleCallback ? window.requestIdleCallback(() => setReady(true), { timeout: 2000 }) : window.setTimeout(() => setReady(true), 50);
      },
      { rootMargin: margin },
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
      if (idle === undefined) return;
      if (window.cancelIdleCallback) window.cancelIdleCallback(idle);
      else window.clearTimeout(idle);
    };
  }, [ref, margin, ready]);
  return ready;
}
