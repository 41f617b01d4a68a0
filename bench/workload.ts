import { seededRandom } from '../emulator/test-support/child-emulator.ts';

/**
 * The rotating workloads of the emulator bench: many distinct requests, drawn at random per request, so
 * that a cache of one URL (or of a few) cannot decide the figures. Seeded, so every run sends the same set.
 */

export const BENCH_CERTIFICATES = 10_000;

const ORGS = ['contoso', 'fabrikam', 'northwind', 'tailspin'];
const HEX = '0123456789abcdef';

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
const id = (i: number) => `cert-${String(i).padStart(5, '0')}`;

/** An ISO date `days` from now, whole seconds, as a $filter literal. */
function dateLiteral(days: number, now: number): string {
  return new Date(now + days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The app's own search (src/features/apim-certificates/api/certificate-filter.ts): three fields, contains. */
const search = (term: string) => `(contains(name,${quote(term)}) or contains(subject,${quote(term)}) or contains(thumbprint,${quote(term)}))`;

/** At least `count` distinct list queries (`$filter`, `$top`, `$skip`) of the kinds the issue names, in a fixed order. */
export function listQueries(count: number, seed = 19, now = Date.now()): string[] {
  const random = seededRandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  const hex = (n: number) => Array.from({ length: n }, () => HEX[int(16)]).join('');
  const kinds: Array<() => { filter?: string; skip?: number; top?: number }> = [
    () => ({ filter: `contains(name,${quote(id(int(BENCH_CERTIFICATES)).slice(0, 8 + int(3)))})` }),
    () => ({ filter: `contains(subject,${quote(`${ORGS[int(4)]}`)})`, skip: 100 * int(20) }),
    () => ({ filter: `contains(thumbprint,${quote(hex(3 + int(3)))})` }),
    () => ({ filter: `startswith(name,${quote(id(int(BENCH_CERTIFICATES)).slice(0, 7 + int(3)))})` }),
    () => ({ filter: `name eq ${quote(id(int(BENCH_CERTIFICATES)))}` }),
    () => {
      const from = int(900) - 60;
      return { filter: `expirationDate ge ${dateLiteral(from, now)} and expirationDate lt ${dateLiteral(from + 1 + int(60), now)}` };
    },
    () => ({ filter: `expirationDate lt ${dateLiteral(int(120) - 60, now)}`, top: 50 }),
    () => ({ filter: search(id(int(BENCH_CERTIFICATES)).slice(0, 7 + int(4))) }),
    () => ({ filter: `${search(id(int(BENCH_CERTIFICATES)).slice(0, 8))} and expirationDate lt ${dateLiteral(int(900) - 60, now)}` }),
    () => ({ filter: `contains(subject,${quote(ORGS[int(4)])}) and startswith(name,${quote(id(int(BENCH_CERTIFICATES)).slice(0, 8))})` }),
    () => ({ skip: 100 * int(100) }),
    () => ({ skip: 25 * int(400), top: 25 }),
  ];
  const queries = new Set<string>();
  for (let attempt = 0; queries.size < count && attempt < count * 20; attempt++) {
    const { filter, skip, top } = kinds[attempt % kinds.length]();
    const parts = ['api-version=2024-05-01'];
    if (top !== undefined) parts.push(`$top=${top}`);
    if (skip) parts.push(`$skip=${skip}`);
    if (filter) parts.push(`$filter=${encodeURIComponent(filter)}`);
    queries.add(parts.join('&'));
  }
  return [...queries];
}

/** `count` certificate ids drawn at random over the whole service. */
export function pointIds(count: number, seed = 91): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => id(Math.floor(random() * BENCH_CERTIFICATES)));
}
