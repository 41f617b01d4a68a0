/** One place to read: its label names it in the failed-sources list; running it may find more places. */
export interface SourceTask<R> {
  label: string;
  run: () => Promise<{ rows: R[]; more?: SourceTask<R>[] }>;
}

export type FanOutEvent<R> =
  { type: 'found'; count: number } | { type: 'rows'; rows: R[] } | { type: 'failed'; source: string; error: unknown } | { type: 'done' };

/**
 * Runs the tasks, and those they find, at most `concurrency` at a time, and yields what happens as it
 * happens: a hundred subscriptions must not be a hundred requests at once (ARM throttles per principal),
 * nor one after the other. A failed task is reported and the rest carry on. Stops starting work once
 * `signal` aborts.
 */
export async function* fanOut<R>(initial: SourceTask<R>[], concurrency: number, signal?: AbortSignal): AsyncGenerator<FanOutEvent<R>> {
  const queue = [...initial];
  const running = new Map<number, Promise<{ id: number; events: FanOutEvent<R>[] }>>();
  let nextId = 0;
  yield { type: 'found', count: initial.length };
  const start = (task: SourceTask<R>) => {
    const id = nextId++;
    running.set(
      id,
      task.run().then(
        ({ rows, more = [] }) => {
          // Depth first: a service's certificates before the next subscription's lists, so rows come early.
          queue.unshift(...more);
          const events: FanOutEvent<R>[] = [];
          if (more.length > 0) events.push({ type: 'found', count: more.length });
          if (rows.length > 0) events.push({ type: 'rows', rows });
          events.push({ type: 'done' });
          return { id, events };
        },
        (error: unknown) => ({ id, events: [{ type: 'failed', source: task.label, error }, { type: 'done' }] }),
      ),
    );
  };
  while (queue.length > 0 || running.size > 0) {
    while (running.size < concurrency && queue.length > 0 && !signal?.aborted) start(queue.shift()!);
    if (running.size === 0) return;
    const { id, events } = await Promise.race(running.values());
    running.delete(id);
    yield* events;
  }
}

/**
 * Groups events that arrive within `ms` of the last hand-over: every hand-over re-renders 20,000 rows, so
 * 300 sources answering in a burst become a few renders instead of 300. The first event goes at once.
 */
export async function* batched<E>(source: AsyncIterable<E>, ms: number, clock: () => number = Date.now): AsyncGenerator<E[]> {
  let pending: E[] = [];
  let last = -Infinity;
  for await (const event of source) {
    pending.push(event);
    if (clock() - last >= ms) {
      yield pending;
      pending = [];
      last = clock();
    }
  }
  if (pending.length > 0) yield pending;
}
