import { useEffect, useState } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkRegular, CopyRegular, ErrorCircleRegular } from '@fluentui/react-icons';

const SHOWN_MS = 2000;

type Outcome = { name: string; copied: boolean };

const useStyles = makeStyles({
  // A plain button like the row's "…": a Fluent Button per row costs too much when a sort re-renders every row.
  button: {
    backgroundColor: 'transparent',
    borderTopStyle: 'none',
    borderRightStyle: 'none',
    borderBottomStyle: 'none',
    borderLeftStyle: 'none',
    borderRadius: '4px',
    padding: '4px',
    display: 'inline-flex',
    flexShrink: 0,
    color: tokens.colorNeutralForeground1,
    cursor: 'pointer',
    fontSize: '16px',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  copied: { color: tokens.colorPaletteGreenForeground1 },
  failed: { color: tokens.colorPaletteRedForeground1 },
  // One status for the whole grid, always in the DOM so the change is announced; the icon shows it to the eye.
  status: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

/**
 * The grid's copy state: which row copied last and how it went. One live region for the grid instead of one per
 * row, because rows come and go as the list scrolls and a status that mounts with its text is not announced.
 */
export function useThumbprintCopy() {
  const styles = useStyles();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  useEffect(() => {
    if (!outcome) return;
    const timer = setTimeout(() => setOutcome(null), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [outcome]);
  async function copy(name: string, thumbprint: string) {
    try {
      await navigator.clipboard.writeText(thumbprint);
      setOutcome({ name, copied: true });
    } catch {
      // The browser refused (no permission, not a secure context): say so rather than pretend.
      setOutcome({ name, copied: false });
    }
  }
  const status = (
    <div role="status" className={styles.status}>
      {outcome ? (outcome.copied ? `Copied the thumbprint of ${outcome.name}` : `Could not copy the thumbprint of ${outcome.name}`) : ''}
    </div>
  );
  return { outcome, copy, status };
}

export function ThumbprintCopyButton({
  name,
  tabIndex,
  outcome,
  onCopy,
}: {
  name: string;
  tabIndex: number;
  /** This row's outcome, if it copied last. */
  outcome: boolean | undefined;
  onCopy: () => void;
}) {
  const styles = useStyles();
  const stateClass = outcome === true ? styles.copied : outcome === false ? styles.failed : '';
  return (
    <button
      type="button"
      className={`${styles.button} ${stateClass}`}
      tabIndex={tabIndex}
      aria-label={`Copy thumbprint of ${name}`}
      title={outcome === true ? 'Copied' : outcome === false ? 'Could not copy' : 'Copy thumbprint'}
      onClick={(event) => {
        // Copying is not opening or selecting the row.
        event.stopPropagation();
        onCopy();
      }}
    >
      {outcome === true ? <CheckmarkRegular aria-hidden /> : outcome === false ? <ErrorCircleRegular aria-hidden /> : <CopyRegular aria-hidden />}
    </button>
  );
}
