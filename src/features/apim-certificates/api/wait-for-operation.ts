import type { ArmClient } from '../../../lib/arm-client';
import { APIM_API_VERSION } from '../../../lib/azure/api-versions';
import { isTransient } from '../../../lib/retry';

interface OperationStatus {
  status: string;
  error?: { code?: string; message?: string };
}

/** A long-running operation that ended in Failed or Canceled, with the service's own words. */
export class OperationFailedError extends Error {
  constructor(
    readonly status: string,
    message: string,
  ) {
    super(message);
    this.name = 'OperationFailedError';
  }
}

const DEFAULT_WAIT_MS = 1000;
const MAX_WAIT_MS = 10_000;
/** Bounded: a service update that has not finished in this many polls is left to the admin to check. */
export const MAX_POLLS = 120;

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * Follows `Azure-AsyncOperation` until the operation is terminal, waiting what Retry-After says (at most 10 s).
 * A transient failure of one poll is asked again; anything else ends the wait with that error.
 */
export async function waitForOperation(arm: ArmClient, url: string, wait: (ms: number) => Promise<void> = sleep): Promise<void> {
  for (let poll = 0; poll < MAX_POLLS; poll++) {
    let pause = DEFAULT_WAIT_MS;
    try {
      const { data, retryAfterMs } = await arm.send<OperationStatus>(url, { apiVersion: APIM_API_VERSION });
      if (data.status === 'Succeeded') return;
      if (data.status === 'Failed' || data.status === 'Canceled')
        throw new OperationFailedError(data.status, data.error?.message ?? `The service update ended as ${data.status}.`);
      pause = retryAfterMs ?? DEFAULT_WAIT_MS;
    } catch (error) {
      if (error instanceof OperationFailedError || !isTransient(error)) throw error;
    }
    await wait(Math.min(pause, MAX_WAIT_MS));
  }
  throw new OperationFailedError('Timeout', `The service update had not finished after ${MAX_POLLS} checks. Refresh later to see whether it did.`);
}
