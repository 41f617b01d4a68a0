import { Badge } from '@fluentui/react-components';

const DAY = 86_400_000;

export type ExpiryStatus = 'expired' | 'expiring' | 'valid' | 'unknown';

export function expiryStatus(notAfter: Date | null | undefined, now = new Date()): { status: ExpiryStatus; days: number | null } {
  if (!notAfter) return { status: 'unknown', days: null };
  const days = Math.floor((notAfter.getTime() - now.getTime()) / DAY);
  if (notAfter.getTime() < now.getTime()) return { status: 'expired', days };
  return { status: days < 30 ? 'expiring' : 'valid', days };
}

export function ExpiryBadge({ notAfter }: { notAfter: Date | null | undefined }) {
  const { status, days } = expiryStatus(notAfter);
  if (status === 'expired')
    return (
      <Badge appearance="tint" color="danger">
        Expired
      </Badge>
    );
  if (status === 'expiring') return <Badge appearance="tint" color="warning">{`Expires in ${days} day${days === 1 ? '' : 's'}`}</Badge>;
  if (status === 'valid')
    return (
      <Badge appearance="tint" color="success">
        Valid
      </Badge>
    );
  return (
    <Badge appearance="tint" color="informative">
      Unknown
    </Badge>
  );
}
