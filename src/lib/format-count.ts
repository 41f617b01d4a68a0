// One locale for every count, so "1,053 certificates" reads the same whatever the browser's language.
const COUNT = new Intl.NumberFormat('en-US');

/** A count with thousands separators: 1053 → "1,053". */
export function formatCount(n: number): string {
  return COUNT.format(n);
}
