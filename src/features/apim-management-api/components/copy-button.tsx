import { Button, Tooltip } from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import { useState } from 'react';

/** Copies `value` to the clipboard; says so in a live region, since the button itself does not change. */
export function CopyButton({ label, value, disabled }: { label: string; value: string; disabled?: boolean }) {
  const [status, setStatus] = useState('');
  const named = label.charAt(0).toLowerCase() + label.slice(1);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus(`${label} copied`);
    } catch {
      setStatus(`Could not copy the ${named}: select it and copy it by hand.`);
    }
  };
  return (
    <>
      <Tooltip content={`Copy ${named}`} relationship="label">
        <Button icon={<CopyRegular />} disabled={disabled} onClick={() => void copy()} />
      </Tooltip>
      <span role="status" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clipPath: 'inset(50%)' }}>
        {status}
      </span>
    </>
  );
}
