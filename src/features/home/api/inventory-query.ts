import { experimental_streamedQuery as streamedQuery, queryOptions, useQuery } from '@tanstack/react-query';
import { describeError } from '../../../lib/api-error';
import type { ArmClient } from '../../../lib/arm-client';
import type { AsmClient } from '../../../lib/asm-client';
import { queryKeys } from '../../../lib/azure/query-keys';
import { getSubscriptions } from '../../../lib/azure/subscriptions';
import { useServices } from '../../../lib/services-context';
import { batched, fanOut, type FanOutEvent, type SourceTask } from '../inventory/fan-out';
import type { InventoryRow, SourceFailure } from '../inventory/inventory-row';
import { caCertificateRows, listApimCertificateRows, listInventoryServices, listManagementCertificateRows } from './inventory-sources';

/** Browsers open six connections per host over HTTP/1.1: more in flight would only queue in the browser. */
export const INVENTORY_CONCURRENCY = 6;

export interface Inventory {
  rows: InventoryRow[];
  failures: SourceFailure[];
  sourcesTotal: number;
  sourcesDone: number;
}

export const emptyInventory: Inventory = { rows: [], failures: [], sourcesTotal: 0, sourcesDone: 0 };

export function inventoryTasks(arm: ArmClient, asm: AsmClient): SourceTask<InventoryRow>[] {
  return [
    {
      label: 'Subscriptions',
      run: async () => {
        const subscriptions = await getSubscriptions(arm);
        return {
          rows: [],
          more: subscriptions.flatMap((subscription): SourceTask<InventoryRow>[] => [
            {
              label: `Management certificates of ${subscription.displayName}`,
              run: async () => ({ rows: await listManagementCertificateRows(asm, subscription) }),
            },
            {
              label: `API Management services of ${subscription.displayName}`,
              run: async () => {
                const services = await listInventoryServices(arm, subscription);
                return {
                  rows: services.flatMap(caCertificateRows),
                  more: services.map((service) => ({
                    label: `Certificates of ${service.serviceName} (${subscription.displayName})`,
                    run: async () => ({ rows: await listApimCertificateRows(arm, service) }),
                  })),
                };
              },
            },
          ]),
        };
      },
    },
  ];
}

/** How often rows arriving in a burst are handed to the page. */
const RENDER_EVERY_MS = 150;

export const reduceInventoryEvents = (inventory: Inventory, events: FanOutEvent<InventoryRow>[]): Inventory => events.reduce(reduceInventory, inventory);

export function reduceInventory(inventory: Inventory, event: FanOutEvent<InventoryRow>): Inventory {
  switch (event.type) {
    case 'found':
      return { ...inventory, sourcesTotal: inventory.sourcesTotal + event.count };
    case 'rows':
      return { ...inventory, rows: inventory.rows.concat(event.rows) };
    case 'failed':
      return { ...inventory, failures: [...inventory.failures, { source: event.source, reason: describeError(event.error) }] };
    case 'done':
      return { ...inventory, sourcesDone: inventory.sourcesDone + 1 };
  }
}

export const inventoryQuery = (arm: ArmClient, asm: AsmClient) =>
  queryOptions({
    queryKey: queryKeys.inventory(),
    // Rows show as each source answers; Refresh starts over rather than mixing two readings.
    queryFn: streamedQuery<FanOutEvent<InventoryRow>[], Inventory, readonly ['inventory']>({
      streamFn: ({ signal }) => batched(fanOut(inventoryTasks(arm, asm), INVENTORY_CONCURRENCY, signal), RENDER_EVERY_MS),
      reducer: reduceInventoryEvents,
      initialValue: emptyInventory,
      refetchMode: 'reset',
    }),
    staleTime: 5 * 60_000,
  });

export function useInventory() {
  const { arm, asm } = useServices();
  return useQuery(inventoryQuery(arm, asm));
}
