import { json, type ArmOperation } from '../arm-context.ts';
import { readJsonObject } from '../read-json-object.ts';
import { upsertService } from '../../store/apim-service-store.ts';
import { startOperation } from '../operations/long-running.ts';
import { resolveService } from './resolve-service.ts';
import { readServiceBody } from './service-body.ts';
import { ifMatchAllows } from '../../common/etag.ts';
import { apimErrors } from '../apim-errors.ts';
import { serviceEtag, serviceId, toServiceContract } from './service-contract.ts';

/**
 * PATCH a service: what the body names changes, the rest stays (a `properties.certificates` array
 * replaces the whole list, as in Azure). Long-running: 202 with `Azure-AsyncOperation` and `Location`,
 * the service Updating until the provisioning delay has passed. With `If-Match`, a service changed since that
 * ETag was read is 412, so two admins editing its CA certificates cannot drop each other's.
 */
export const patchService: ArmOperation = async (context) => {
  const { service } = resolveService(context);
  const ifMatch = context.request.headers['if-match'];
  if (typeof ifMatch === 'string' && !ifMatchAllows(ifMatch, serviceEtag(service))) throw apimErrors.servicePreconditionFailed(service.name);
  const input = await readServiceBody(readJsonObject(context.request), true);
  const { headers, completesAt } = startOperation(context, service.subscription_id, serviceId(service));
  const row = {
    subscription_id: service.subscription_id,
    resource_group: service.resource_group,
    name: service.name,
    location: service.location,
    sku_name: input.sku?.name ?? service.sku_name,
    sku_capacity: input.sku?.capacity ?? service.sku_capacity,
    publisher_email: input.publisherEmail ?? service.publisher_email,
    publisher_name: input.publisherName ?? service.publisher_name,
    user_identity_client_ids: service.user_identity_client_ids,
    provisioning_state: 'Updating',
    ready_at: completesAt,
    tags: input.tags ? JSON.stringify(input.tags) : (service.tags ?? '{}'),
    ca_certificates: input.certificates ? JSON.stringify(input.certificates) : (service.ca_certificates ?? '[]'),
    created_at: service.created_at ?? '',
  };
  upsertService(context.env.db, row);
  return json(202, toServiceContract(row, context.caller.tenantId, context.env.origin, context.env.now().getTime()), { ...headers, ETag: serviceEtag(row) });
};
