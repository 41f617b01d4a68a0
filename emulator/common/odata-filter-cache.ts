/** Distinct filters kept per compiler; a client cycling through more only compiles again. */
const MAX_FILTERS = 1000;
/** As long as the trigram counts a compiled filter chose its look-ups by (see certificateTextIndex). */
const MAX_AGE_MS = 60_000;

/**
 * A filter compiler whose results are kept by the filter's exact text, oldest out first. Wraps the
 * compiler's public entry point only: a compiled filter depends on its text and the fields (fixed per
 * compiler); index statistics it used may go stale, which only changes how rows are found, never which,
 * and entries age out with them. A text that fails to compile is not kept, so its error is thrown afresh.
 */
export function cachedFilterCompiler<T>(compile: (text: string) => T, now: () => number = Date.now): (text: string) => T {
  const compiled = new Map<string, { value: T; at: number }>();
  return (text) => {
    const at = now();
    const hit = compiled.get(text);
    if (hit && at - hit.at < MAX_AGE_MS) {
      // Re-inserted, so the most used stay longest.
      compiled.delete(text);
      compiled.set(text, hit);
      return hit.value;
    }
    const value = compile(text);
    compiled.delete(text);
    if (compiled.size >= MAX_FILTERS) compiled.delete(compiled.keys().next().value as string);
    compiled.set(text, { value, at });
    return value;
  };
}
