import type { Operation } from './operation.ts';

/** Which versions a route accepts; `check` throws the service's own error for a missing or refused one. */
export interface VersionRule {
  check(version: string | undefined): void;
}

/** What a route needs of the caller on the subscription in its path. */
export interface RouteAccess {
  /** A Reader may only read; a disabled subscription takes no writes. */
  need: 'read' | 'write';
  /** The action as the service names it in a refusal: for ARM the RBAC action, e.g. `Microsoft.ApiManagement/service/certificates/write`. */
  action: string;
  /** The scope the action is over, a template on the route's parameters: `/subscriptions/{subscriptionId}`. */
  scope: string;
}

export interface RouteEntry {
  method: string;
  /** Below the service prefix, e.g. `/subscriptions/{subscriptionId}`; `{name}` captures one decoded segment. */
  path: string;
  operation: Operation;
  /** Omitted: no version is checked. */
  versions?: VersionRule;
  /** Omitted: any authenticated caller may call it (e.g. the list of the caller's own subscriptions). */
  access?: RouteAccess;
  /** Answered without authentication (e.g. ARM's metadata endpoints). */
  anonymous?: boolean;
}

export interface RouteMatch {
  entry: RouteEntry;
  params: Record<string, string>;
}

/** How a service reads its paths and words a miss. */
export interface RouteTableOptions {
  /** Splits and decodes the path below the prefix; throws the service's error for one it cannot read. */
  segments(path: string): string[];
  /** ARM's literal segments match in any case; Service Management's exactly. */
  ignoreCase: boolean;
  noRoute(method: string, path: string): Error;
  methodNotAllowed(method: string, path: string, allowed: string[]): Error;
  /** Checked before a miss is answered, when the service checks its version for every path (Service Management). */
  missVersions?: VersionRule;
}

export interface RouteTable {
  /** Always an entry: a miss resolves to one whose operation throws the service's error, after authentication. */
  resolve(method: string, path: string): RouteMatch;
}

interface Pattern {
  entry: RouteEntry;
  /** Per segment: the literal to compare (lower case when the service ignores case), or null for a `{name}`. */
  literals: (string | null)[];
  names: (string | null)[];
  /** Every entry with this path, whatever its method. */
  samePath: RouteEntry[];
}

export function createRouteTable(entries: readonly RouteEntry[], options: RouteTableOptions): RouteTable {
  // Compiled once: a request compares its segments with the patterns of its length only, in table order.
  const byLength = new Map<number, Pattern[]>();
  for (const entry of entries) {
    const parts = entry.path.replace(/^\//, '').split('/');
    const pattern: Pattern = {
      entry,
      literals: parts.map((part) => (part.startsWith('{') ? null : options.ignoreCase ? part.toLowerCase() : part)),
      names: parts.map((part) => (part.startsWith('{') ? part.slice(1, -1) : null)),
      samePath: entries.filter((other) => other.path === entry.path),
    };
    const sameLength = byLength.get(parts.length);
    if (sameLength) sameLength.push(pattern);
    else byLength.set(parts.length, [pattern]);
  }
  const miss = (method: string, error: Error): RouteMatch => ({
    entry: {
      method,
      path: '',
      versions: options.missVersions,
      operation: () => {
        throw error;
      },
    },
    params: {},
  });
  return {
    resolve(method, path) {
      let segments: string[];
      try {
        segments = options.segments(path);
      } catch (error) {
        if (error instanceof Error) return miss(method, error);
        throw error;
      }
      const compared = options.ignoreCase ? segments.map((segment) => segment.toLowerCase()) : segments;
      for (const pattern of byLength.get(segments.length) ?? []) {
        if (!pattern.literals.every((literal, i) => literal === null || literal === compared[i])) continue;
        const found = pattern.samePath.find((other) => other.method === method.toUpperCase());
        if (!found)
          return miss(
            method,
            options.methodNotAllowed(
              method,
              path,
              pattern.samePath.map((other) => other.method),
            ),
          );
        const params: Record<string, string> = {};
        pattern.names.forEach((name, i) => {
          if (name !== null) params[name] = segments[i];
        });
        return { entry: found, params };
      }
      return miss(method, options.noRoute(method, path));
    },
  };
}

/** `/subscriptions/{subscriptionId}` with the route's parameters put in. */
export function fillTemplate(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}
