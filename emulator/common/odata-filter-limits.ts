/**
 * What one `$filter` may cost. A request's filter is compiled and run on the server's only thread, so its
 * size is bounded before any work that grows with it: the text first, then the terms and the nesting while
 * parsing (the parser stops at the first term or level over), and testing rows runs under a time budget.
 * Past any of them the caller gets a 400 naming the limit, never a stalled server.
 */
export const ODATA_FILTER_LIMITS = {
  /** Characters in the expression: the app's search sends under 200. */
  maxLength: 4096,
  /** Comparisons and function calls (`name eq 'x'`, `contains(subject,'y')`). */
  maxTerms: 100,
  /** Parentheses and `not` nested inside each other. */
  maxDepth: 32,
  /** Wall time for testing the rows of one list request (its page and its count). */
  filterBudgetMs: 1000,
} as const;
