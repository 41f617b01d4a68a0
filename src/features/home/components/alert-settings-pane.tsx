import { useState } from 'react';
import { Button, Checkbox, DrawerBody, DrawerFooter, DrawerHeader, DrawerHeaderTitle, makeStyles, OverlayDrawer, Text } from '@fluentui/react-components';
import { Dismiss24Regular } from '@fluentui/react-icons';
import { ALERT_THRESHOLDS, type AlertThreshold } from '../alerts/alert-rules';
import { loadAlertSettings, saveAlertSettings } from '../alerts/alert-settings';

const useStyles = makeStyles({ body: { display: 'flex', flexDirection: 'column', gap: '8px' }, footer: { display: 'flex', gap: '8px' } });

const label = (t: AlertThreshold) => (t === 0 ? 'Expired' : `${t} days left`);

/** Which thresholds raise an alert; kept in this browser only (localStorage holds no secret). */
export function AlertSettingsPane({ open, onClose }: { open: boolean; onClose: () => void }) {
  const styles = useStyles();
  const [thresholds, setThresholds] = useState<AlertThreshold[]>(() => loadAlertSettings().thresholds);
  const toggle = (t: AlertThreshold, on: boolean) => setThresholds((list) => (on ? [...list, t] : list.filter((x) => x !== t)));
  return (
    <OverlayDrawer position="end" open={open} onOpenChange={(_, data) => !data.open && onClose()} aria-labelledby="alert-settings-title">
      <DrawerHeader>
        <DrawerHeaderTitle id="alert-settings-title" action={<Button appearance="subtle" aria-label="Close" icon={<Dismiss24Regular />} onClick={onClose} />}>
          Alert settings
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody className={styles.body}>
        <Text>Alert me when a certificate crosses:</Text>
        {ALERT_THRESHOLDS.map((t) => (
          <Checkbox key={t} label={label(t)} checked={thresholds.includes(t)} onChange={(_, data) => toggle(t, data.checked === true)} />
        ))}
      </DrawerBody>
      <DrawerFooter className={styles.footer}>
        <Button
          appearance="primary"
          onClick={() => {
            saveAlertSettings({ thresholds });
            onClose();
          }}
        >
          Save
        </Button>
        <Button onClick={onClose}>Cancel</Button>
      </DrawerFooter>
    </OverlayDrawer>
  );
}
