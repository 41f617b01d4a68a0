import type { Db } from '../store/database.ts';
import { ODATA_FILTER_LIMITS } from './odata-filter-limits.ts';

/**
 * A time budget for the SQL a `$filter` becomes. better-sqlite3 runs a statement to completion on the calling
 * thread and offers neither sqlite3_interrupt nor a progress handler, so the statement checks the clock itself:
 * BUDGET_CHECK, ANDed to its WHERE, calls into JavaScript for one row in 64 (by rowid, so the cost stays a
 * bit test for the others) and throws once the deadline has passed; SQLite stops the statement and
 * better-sqlite3 rethrows the error to the caller.
 */
export class SqlBudgetExceeded extends Error {
  constructor(readonly budgetMs: number) {
    super(`the query ran past its ${budgetMs} ms budget`);
  }
}

const BUDGET_FUNCTION = 'odata_within_budget';

/** Holds for every row; throws from inside the statement once the running budget is spent. */
export const BUDGET_CHECK = `((rowid & 63) <> 0 OR ${BUDGET_FUNCTION}())`;

let deadline = Infinity;
let runningBudgetMs = 0;

const withBudgetFunction = new WeakSet<Db>();

export function registerBudgetFunction(db: Db): void {
  if (withBudgetFunction.has(db)) return;
  db.function(BUDGET_FUNCTION, { deterministic: false, varargs: false }, () => {
    checkBudget();
    return 1;
  });
  withBudgetFunction.add(db);
}

/** Throws SqlBudgetExceeded when the running budget is spent; also called per row by the JavaScript text test. */
export function checkBudget(): void {
  if (performance.now() > deadline) throw new SqlBudgetExceeded(runningBudgetMs);
}

/**
 * Runs synchronous SQL under a budget. Statements run one at a time on this thread, so one deadline at a time
 * is enough; it is cleared whatever happens.
 */
export function withinSqlBudget<T>(run: () => T, budgetMs: number = ODATA_FILTER_LIMITS.sqlBudgetMs): T {
  const outer = deadline;
  deadline = Math.min(outer, performance.now() + budgetMs);
  runningBudgetMs = budgetMs;
  try {
    return run();
  } finally {
    deadline = outer;
  }
}
