import { Button, Tooltip } from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import { useState } from 'react';

/** Copies `value` to the clipboard; says so in a live region, since the button itself does not change. */
export function CopyButton({ label, value, disabled }: { label: string; value: string; disabled?: boolean }) {
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus(`${label} copied`);
    } catch {
      setStatus(`Could not copy the ${label.toLowerCase()}: select it and copy it by hand.`);
    }
  };
  return (
    <>
      <Tooltip content={`Copy ${label.toLowerCase()}`} relationship="label">
        <Button icon={<CopyRegular />} disabled={disabled} onClick={() => void copy()} />
      </Tooltip>
      <span role="status" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clipPath: 'inset(50%)' }}>
        {status}
      </span>
    </>
  );
}
