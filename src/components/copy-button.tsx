import { useEffect, useState } from 'react';
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CheckmarkRegular, CopyRegular } from '@fluentui/react-icons';

const useStyles = makeStyles({
  wrap: { display: 'inline-flex', alignItems: 'center', gap: '2px' },
  status: { color: tokens.colorPaletteGreenForeground1, fontSize: tokens.fontSizeBase200 },
});

const SHOWN_MS = 2000;

/**
 * Copies a value (a thumbprint) to the clipboard. The outcome is said in a polite status beside the button, so a
 * screen reader hears "Copied" and a sighted admin sees it, without a toast over the page.
 */
export function CopyButton({ value, label = 'Copy thumbprint' }: { value: string; label?: string }) {
  const styles = useStyles();
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);
  useEffect(() => {
    if (!outcome) return;
    const timer = setTimeout(() => setOutcome(null), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [outcome]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setOutcome('copied');
    } catch {
      // The browser refused (no permission, not a secure context): say so rather than pretend.
      setOutcome('failed');
    }
  };
  return (
    <span className={styles.wrap}>
      <Button
        appearance="subtle"
        size="small"
        aria-label={label}
        title={label}
        icon={outcome === 'copied' ? <CheckmarkRegular /> : <CopyRegular />}
        onClick={(event) => {
          // Inside a clickable row: copying is not opening the row.
          event.stopPropagation();
          void copy();
        }}
      />
      <Text role="status" className={styles.status}>
        {outcome === 'copied' ? 'Copied' : outcome === 'failed' ? 'Could not copy' : ''}
      </Text>
    </span>
  );
}
