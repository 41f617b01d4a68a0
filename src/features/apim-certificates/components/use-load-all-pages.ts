import { useCallback, useRef, useState } from 'react';

// 100 pages of 100: a sort over more would take longer than an admin waits; past it the sort says it is partial.
export const MAX_PAGES_FOR_SORT = 100;

interface NextPage {
  hasNextPage: boolean;
  isError: boolean;
}

/**
 * Loads the remaining pages of a list one after another, so a sort covers the whole list and not the first
 * hundred. It can be cancelled between pages; it resolves true only when nothing is left to load.
 */
export function useLoadAllPages(hasNextPage: boolean, fetchNextPage: () => Promise<NextPage>) {
  const [loading, setLoading] = useState(false);
  const cancelled = useRef(false);
  const loadAll = useCallback(async (): Promise<boolean> => {
    cancelled.current = false;
    setLoading(true);
    try {
      let more = hasNextPage;
      for (let page = 0; more && page < MAX_PAGES_FOR_SORT; page++) {
        if (cancelled.current) return false;
        const next = await fetchNextPage();
        if (next.isError) return false;
        more = next.hasNextPage;
      }
      return !more && !cancelled.current;
    } finally {
      setLoading(false);
    }
  }, [hasNextPage, fetchNextPage]);
  const cancel = useCallback(() => {
    cancelled.current = true;
  }, []);
  return { loading, loadAll, cancel };
}
