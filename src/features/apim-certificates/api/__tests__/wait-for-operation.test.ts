import { describe, expect, it } from 'vitest';
import { AzureApiError } from '../../../../lib/api-error';
import type { ArmClient, ArmResponse } from '../../../../lib/arm-client';
import { MAX_POLLS, OperationFailedError, waitForOperation } from '../wait-for-operation';

// A client that answers each poll from a script: enough to prove the loop's rules without a server.
function scripted(answers: Array<{ status: string } | Error>): { arm: ArmClient; calls: () => number } {
  let calls = 0;
  const send = <T>(): Promise<ArmResponse<T>> => {
    const answer = answers[Math.min(calls++, answers.length - 1)];
    if (answer instanceof Error) return Promise.reject(answer);
    return Promise.resolve({ data: answer as T, etag: null, status: 200, asyncOperation: null, retryAfterMs: 1000 });
  };
  return { arm: { send, listAll: () => Promise.resolve([]), endpoint: '' } as unknown as ArmClient, calls: () => calls };
}
const noWait = () => Promise.resolve();

describe('following Azure-AsyncOperation', () => {
  it('polls until Succeeded, asking again after a transient failure', async () => {
    const { arm, calls } = scripted([{ status: 'InProgress' }, new AzureApiError(503, 'ServiceUnavailable', 'busy', null), { status: 'Succeeded' }]);
    await waitForOperation(arm, 'https://x/op', noWait);
    expect(calls()).toBe(3);
  });

  it('ends with the failure when the operation failed, or the request is refused', async () => {
    await expect(waitForOperation(scripted([{ status: 'Failed' }]).arm, 'https://x/op', noWait)).rejects.toBeInstanceOf(OperationFailedError);
    await expect(waitForOperation(scripted([new AzureApiError(403, 'AuthorizationFailed', 'no', null)]).arm, 'https://x/op', noWait)).rejects.toMatchObject({
      status: 403,
    });
  });

  it('gives up after a bounded number of polls', async () => {
    const { arm, calls } = scripted([{ status: 'InProgress' }]);
    await expect(waitForOperation(arm, 'https://x/op', noWait)).rejects.toThrow(/had not finished/);
    expect(calls()).toBe(MAX_POLLS);
  });
});
