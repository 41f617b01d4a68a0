import type { ApimServiceRef } from './resource-ids';

// Every TanStack Query key the app uses, built here so a read and the mutation that invalidates it cannot
// drift apart. Ids are lower-cased: Azure treats them case-insensitively, and so must the cache.

const lower = (value: string) => value.toLowerCase();
const apimService = (s: ApimServiceRef) => ['arm', 'apim', lower(s.subscriptionId), lower(s.resourceGroup), lower(s.serviceName)] as const;

export const queryKeys = {
  subscriptions: () => ['arm', 'subscriptions'] as const,
  permissions: (subscriptionId: string) => ['arm', 'permissions', lower(subscriptionId)] as const,
  apimServices: () => ['arm', 'apim', 'services'] as const,
  /** The service's own GET (overview, identities): one key, one request. */
  apimService: (s: ApimServiceRef) => [...apimService(s), 'service'] as const,
  /** The service's CA certificates with the service's ETag (the same GET, read for a write that sends If-Match). */
  apimCaCertificates: (s: ApimServiceRef) => [...apimService(s), 'ca-certificates'] as const,
  apimCertificates: (s: ApimServiceRef) => [...apimService(s), 'certificates'] as const,
  apimCertificate: (s: ApimServiceRef, id: string) => [...apimService(s), 'certificate', id] as const,
  /** Whether the direct management API is on (never its keys, which are not cached). */
  apimTenantAccess: (s: ApimServiceRef) => [...apimService(s), 'tenant-access'] as const,
  /** Home's inventory: every certificate across subscriptions and services. */
  inventory: () => ['inventory'] as const,
  managementCertificates: (subscriptionId: string) => ['asm', lower(subscriptionId), 'certificates'] as const,
};
