import { ODATA_FILTER_LIMITS } from './odata-filter-limits.ts';

/**
 * A time budget for running a `$filter` over a collection. The filter limits bound its size, so its cost
 * grows with the rows it reads: a loop over rows calls checkBudget every few rows, and the caller turns the
 * error into a 400 that names the budget.
 */
export class FilterBudgetExceeded extends Error {
  constructor(readonly budgetMs: number) {
    // Said to the caller as it stands, whichever service's error format carries it.
    super(`The $filter took longer than its ${budgetMs} ms budget to run; narrow it (fewer contains, more exact terms).`);
  }
}

let deadline = Infinity;
let runningBudgetMs = 0;

/** Throws FilterBudgetExceeded when the running budget is spent. */
export function checkBudget(): void {
  if (performance.now() > deadline) throw new FilterBudgetExceeded(runningBudgetMs);
}

/**
 * Runs a synchronous filter under a budget. Filters run one at a time on this thread, so one deadline at a
 * time is enough; it is cleared whatever happens.
 */
export function withinFilterBudget<T>(run: () => T, budgetMs: number = ODATA_FILTER_LIMITS.filterBudgetMs): T {
  const [outer, outerBudgetMs] = [deadline, runningBudgetMs];
  const mine = performance.now() + budgetMs;
  // A budget inside a tighter one changes nothing: the tighter one ends first and is the one named.
  if (mine < outer) [deadline, runningBudgetMs] = [mine, budgetMs];
  try {
    return run();
  } finally {
    [deadline, runningBudgetMs] = [outer, outerBudgetMs];
  }
}
