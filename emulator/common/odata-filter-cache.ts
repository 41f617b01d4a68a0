/** Distinct filters kept per compiler; a client cycling through more only compiles again. */
const MAX_FILTERS = 1000;

/**
 * A filter compiler whose results are kept by the filter's exact text, least recently used out first. A
 * compiled filter depends only on its text and the fields (fixed per compiler), never on the data, so it
 * stays right for as long as it is kept. A text that fails to compile is not kept, so its error is thrown afresh.
 */
export function cachedFilterCompiler<T>(compile: (text: string) => T): (text: string) => T {
  const compiled = new Map<string, T>();
  return (text) => {
    if (compiled.has(text)) {
      const hit = compiled.get(text) as T;
      // Re-inserted, so the most used stay longest.
      compiled.delete(text);
      compiled.set(text, hit);
      return hit;
    }
    const value = compile(text);
    if (compiled.size >= MAX_FILTERS) compiled.delete(compiled.keys().next().value as string);
    compiled.set(text, value);
    return value;
  };
}
