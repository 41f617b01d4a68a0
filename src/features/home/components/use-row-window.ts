import { useEffect, useState, type RefObject } from 'react';

const OVERSCAN = 10;

/**
 * Which rows of a fixed-height list are in view in a scrolling element. Every inventory row is the same
 * height, so a division does what a general virtualizer (@tanstack/react-virtual, ~10 KB gzip, measuring
 * rows of any height) would, and Home's first load stays small.
 */
export function useRowWindow(scrollRef: RefObject<HTMLElement | null>, count: number, rowHeight: number): { start: number; end: number } {
  const [view, setView] = useState({ top: 0, height: 800 });
  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    let frame = 0;
    // One state update per animation frame however many scroll events arrive.
    const measure = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setView({ top: element.scrollTop, height: element.clientHeight }));
    };
    measure();
    element.addEventListener('scroll', measure, { passive: true });
    const resize = new ResizeObserver(measure);
    resize.observe(element);
    return () => {
      cancelAnimationFrame(frame);
      element.removeEventListener('scroll', measure);
      resize.disconnect();
    };
  }, [scrollRef]);
  const start = Math.max(0, Math.min(count, Math.floor(view.top / rowHeight)) - OVERSCAN);
  const end = Math.min(count, Math.ceil((view.top + view.height) / rowHeight) + OVERSCAN);
  return { start, end };
}
