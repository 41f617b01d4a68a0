import { Button, makeStyles, mergeClasses, tokens, Text } from '@fluentui/react-components';
import { DocumentArrowUpRegular, FolderOpenRegular } from '@fluentui/react-icons';
import { useId, useRef, useState, type DragEvent } from 'react';

const useStyles = makeStyles({
  zone: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '16px',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: '8px',
    minWidth: 0,
  },
  active: { backgroundColor: tokens.colorBrandBackground2, border: `2px dashed ${tokens.colorBrandStroke1}` },
  row: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: '8px' },
  icon: { fontSize: '24px', color: tokens.colorNeutralForeground3 },
  status: { overflowWrap: 'anywhere' },
});

/**
 * A drop zone for one file, with a Fluent "Browse…" button. The real file input stays in the page, hidden and
 * labelled, so the label still names it (and only it) and the browser's own chooser opens; the button is the one
 * keyboard stop, described by the label and the chosen file so a screen reader hears what is being chosen.
 */
export function FileDrop({
  label,
  accept,
  hint,
  fileName,
  onFile,
}: {
  label: string;
  accept: string;
  hint: string;
  fileName?: string;
  onFile: (file: File) => void;
}) {
  const styles = useStyles();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    <div
      className={mergeClasses(styles.zone, dragging && styles.active)}
      onDragEnter={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragOver={(e) => {
        // Without this the browser opens the dropped file itself instead of handing it to the page.
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        // Moving over a child fires dragleave on the zone too: only leaving the zone ends the highlight.
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
      data-testid="file-drop"
      data-dragging={dragging || undefined}
    >
      <label htmlFor={id} id={`${id}-label`}>
        <Text weight="semibold">{label}</Text>
      </label>
      <input
        ref={input}
        id={id}
        type="file"
        accept={accept}
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
        }}
      />
      <div className={styles.row}>
        <DocumentArrowUpRegular className={styles.icon} aria-hidden />
        <Text>{dragging ? 'Drop the file to open it' : 'Drag a file here, or'}</Text>
        <Button id={`${id}-browse`} icon={<FolderOpenRegular />} aria-describedby={`${id}-label ${id}-status`} onClick={() => input.current?.click()}>
          Browse…
        </Button>
      </div>
      <Text size={200} id={`${id}-status`} className={styles.status}>
        {fileName ? `Selected: ${fileName}` : hint}
      </Text>
    </div>
  );
}
