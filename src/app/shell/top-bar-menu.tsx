import { useEffect, useRef } from 'react';
import { Menu, MenuItem, MenuList, MenuPopover } from '@fluentui/react-components';

export interface TopBarMenuItem {
  key: string;
  label: string;
  secondary?: string;
  disabled?: boolean;
  onClick?: () => void;
}

/**
 * A top-bar menu, opened next to its button. Its own chunk: Fluent's menu and positioning code loads on the
 * first click instead of with the app. Focus moves into the menu, as a menu button's does.
 */
export default function TopBarMenu({ target, label, items, onClose }: { target: HTMLElement; label: string; items: TopBarMenuItem[]; onClose: () => void }) {
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const frame = requestAnimationFrame(() => list.current?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <Menu open positioning={{ target, position: 'below', align: 'end' }} onOpenChange={(_, data) => !data.open && onClose()}>
      <MenuPopover>
        <MenuList ref={list} aria-label={label}>
          {items.map((item) => (
            <MenuItem
              key={item.key}
              disabled={item.disabled}
              secondaryContent={item.secondary}
              onClick={() => {
                item.onClick?.();
                onClose();
              }}
            >
              {item.label}
            </MenuItem>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
