import { makeStyles, tokens, Text } from '@fluentui/react-components';
import { useId, useState, type DragEvent } from 'react';

const useStyles = makeStyles({
  zone: {
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: '4px',
    padding: '16px',
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
  },
  active: { backgroundColor: tokens.colorBrandBackground2, outline: `2px solid ${tokens.colorBrandStroke1}` },
});

/** A real file input (keyboard and screen readers know it) that also takes a dropped file. */
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
  const [dragging, setDragging] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    <div
      className={dragging ? `${styles.zone} ${styles.active}` : styles.zone}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      data-testid="file-drop"
    >
      <label htmlFor={id}>
        <Text weight="semibold">{label}</Text>
      </label>
      <input
        id={id}
        type="file"
        accept={accept}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
        }}
      />
      <Text size={200}>{fileName ? `Selected: ${fileName}` : hint}</Text>
    </div>
  );
}
