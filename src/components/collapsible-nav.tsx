import { useEffect, useId, useState, useSyncExternalStore, type ReactNode } from 'react';
import { Button } from '@fluentui/react-components';
import { NavigationRegular } from '@fluentui/react-icons';
import { useLocation } from 'react-router';

// Below this width the menus would squeeze the blade: they fold behind a menu button (WCAG 2.2 SC 1.4.10, reflow).
const NARROW = '(max-width: 1023.98px)';

function subscribe(onChange: () => void) {
  const query = window.matchMedia(NARROW);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

export function useNarrowLayout(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(NARROW).matches);
}

/**
 * A menu that stands beside the page when there is room and folds behind a button below ~1024 px; it closes
 * again when a link in it is followed.
 */
export function CollapsibleNav({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  const narrow = useNarrowLayout();
  const [open, setOpen] = useState(false);
  const id = useId();
  const { pathname } = useLocation();
  useEffect(() => setOpen(false), [pathname]);
  if (!narrow)
    return (
      <nav className={className} aria-label={label}>
        {children}
      </nav>
    );
  return (
    <div>
      <Button appearance="subtle" icon={<NavigationRegular />} aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {label}
      </Button>
      <nav id={id} className={className} aria-label={label} hidden={!open} style={{ width: 'auto', borderRight: 'none' }}>
        {children}
      </nav>
    </div>
  );
}
