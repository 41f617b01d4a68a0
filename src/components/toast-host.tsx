import { useEffect } from 'react';
import { Toast, ToastBody, ToastTitle, Toaster, useId, useToastController } from '@fluentui/react-components';
import type { PortalNotification } from './notifications';

/** Shows each new notification as a toast. Its own chunk: Fluent's toasts load with the first notification. */
export default function ToastHost({ latest }: { latest: PortalNotification | undefined }) {
  const toasterId = useId('toaster');
  const { dispatchToast } = useToastController(toasterId);
  useEffect(() => {
    if (!latest) return;
    dispatchToast(
      <Toast>
        <ToastTitle>{latest.title}</ToastTitle>
        {latest.body && <ToastBody>{latest.body}</ToastBody>}
      </Toast>,
      { intent: latest.intent, timeout: latest.intent === 'error' ? 10_000 : 5_000 },
    );
  }, [latest, dispatchToast]);
  return <Toaster toasterId={toasterId} position="top-end" />;
}
