import { describe, expect, it } from 'vitest';
import { queryKeys } from '../azure/query-keys';
import { apimCertificatePath, apimServicePath, managementCertificatePath, resourceGroupOf } from '../azure/resource-ids';

const service = { subscriptionId: '0B1F6471-1BF0-4DDA-AEC3-CB9272F09590', resourceGroup: 'RG-Apim', serviceName: 'Contoso-APIM' };

describe('resource ids', () => {
  it('builds ARM paths with each segment encoded', () => {
    expect(apimServicePath(service)).toBe(
      '/subscriptions/0B1F6471-1BF0-4DDA-AEC3-CB9272F09590/resourceGroups/RG-Apim/providers/Microsoft.ApiManagement/service/Contoso-APIM',
    );
    expect(apimCertificatePath(service, 'a b/c')).toBe(`${apimServicePath(service)}/certificates/a%20b%2Fc`);
    expect(managementCertificatePath('sub', 'AB12')).toBe('/sub/certificates/AB12');
  });
  it('reads the resource group from an id, whatever its letter case', () => {
    expect(resourceGroupOf('/subscriptions/s/RESOURCEGROUPS/rg-apim-prod/providers/Microsoft.ApiManagement/service/x')).toBe('rg-apim-prod');
    expect(resourceGroupOf('/subscriptions/s')).toBe('');
  });
});

describe('query keys', () => {
  it('ignore the letter case of ids, as Azure does, so one resource is cached once', () => {
    const lower = { subscriptionId: service.subscriptionId.toLowerCase(), resourceGroup: 'rg-apim', serviceName: 'contoso-apim' };
    expect(queryKeys.apimService(service)).toEqual(queryKeys.apimService(lower));
    expect(queryKeys.managementCertificates('ABC')).toEqual(queryKeys.managementCertificates('abc'));
  });
});
