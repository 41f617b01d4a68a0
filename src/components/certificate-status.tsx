import { Badge } from '@fluentui/react-components';
import { expiresInText, expiryStatus } from './expiry';

export { expiryStatus, type ExpiryStatus } from './expiry';

export function ExpiryBadge({ notAfter }: { notAfter: Date | null | undefined }) {
  const { status, days } = expiryStatus(notAfter);
  if (status === 'expired')
    return (
      <Badge appearance="tint" color="danger">
        Expired
      </Badge>
    );
  if (status === 'expiring')
    return (
      <Badge appearance="tint" color="warning">
        {expiresInText(days ?? 0)}
      </Badge>
    );
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
