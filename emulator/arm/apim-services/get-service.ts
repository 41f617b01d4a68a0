import { json, type ArmOperation } from '../arm-context.ts';
import { resolveService } from './resolve-service.ts';
import { serviceEtag, toServiceContract } from './service-contract.ts';

export const getService: ArmOperation = (context) => {
  const { service } = resolveService(context);
  return json(200, toServiceContract(service, context.caller.tenantId, context.env.origin), { ETag: serviceEtag(service) });
};
