import { useEffect, useRef } from 'react';
import { Menu, MenuItem, MenuList, MenuPopover } from '@fluentui/react-components';
import { ArrowClockwiseRegular, DeleteRegular, DocumentRegular, EditRegular } from '@fluentui/react-icons';
import type { CertificateContract } from '../api/certificate-contract';

export interface CertificateActions {
  onOpen: (id: string) => void;
  onReplace: (id: string) => void;
  onDelete: (id: string) => void;
  onRefresh: (id: string) => void;
  canWrite: boolean;
}

/** The one menu of the grid, opened at a row's "…" button: a Fluent Menu per row made every re-render slow. */
export function CertificateRowMenu({
  certificate,
  target,
  actions,
  onClose,
}: {
  certificate: CertificateContract;
  target: HTMLElement;
  actions: CertificateActions;
  onClose: () => void;
}) {
  const menuList = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const frame = requestAnimationFrame(() => menuList.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus());
    return () => cancelAnimationFrame(frame);
  }, [certificate, target]);
  return (
    <Menu
      open
      positioning={{ target, position: 'below', align: 'end' }}
      onOpenChange={(_, data) => {
        if (data.open) return;
        target.focus();
        onClose();
      }}
    >
      <MenuPopover>
        <MenuList aria-label={`Actions for ${certificate.name}`} ref={menuList}>
          <MenuItem icon={<DocumentRegular />} onClick={() => actions.onOpen(certificate.name)}>
            View details
          </MenuItem>
          <MenuItem icon={<EditRegular />} disabled={!actions.canWrite} onClick={() => actions.onReplace(certificate.name)}>
            Replace
          </MenuItem>
          {certificate.properties.keyVault && (
            <MenuItem icon={<ArrowClockwiseRegular />} disabled={!actions.canWrite} onClick={() => actions.onRefresh(certificate.name)}>
              Refresh from Key Vault
            </MenuItem>
          )}
          <MenuItem icon={<DeleteRegular />} disabled={!actions.canWrite} onClick={() => actions.onDelete(certificate.name)}>
            Delete
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
