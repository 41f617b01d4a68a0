import { resolveResourceGroup } from '../resource-groups/resolve-resource-group.ts';
import { authorizedSubscription } from '../../common/operation.ts';
import { json, type ArmContext, type ArmOperation } from '../arm-context.ts';
import { pageWithSkipToken } from '../arm-paging.ts';
import { listServices as readServices, type ServiceRow } from '../../store/apim-service-store.ts';
import { toServiceContract } from './service-contract.ts';

function answer(context: ArmContext, rows: ServiceRow[]) {
  const page = pageWithSkipToken(
    context,
    rows.map((row) => toServiceContract(row, context.caller.tenantId, context.env.origin)),
  );
  return json(200, { value: page.value, ...(page.nextLink ? { nextLink: page.nextLink } : {}) });
}

/** GET /subscriptions/{id}/providers/Microsoft.ApiManagement/service */
export const listServicesInSubscription: ArmOperation = (context) => {
  const subscription = authorizedSubscription(context);
  return answer(context, readServices(context.env.db, subscription.id));
};

/** GET /subscriptions/{id}/resourceGroups/{rg}/providers/Microsoft.ApiManagement/service */
export const listServicesInResourceGroup: ArmOperation = (context) => {
  const { subscription, group } = resolveResourceGroup(context);
  return answer(context, readServices(context.env.db, subscription.id, group.name));
};
